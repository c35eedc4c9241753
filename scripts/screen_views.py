"""Screen (val only): a test-time ensemble over axis orders. Each structure is encoded in K orders of its cell axes
(lengths, angles and coordinates permuted alike, as `--permute` does in training); the K fields are mapped back to one
frame through fractional coordinates and averaged (position vectors; species probabilities), the K predicted
lattices averaged alike, and the particle algorithm runs once on the mean field. Prints the wrong atom counts.

    NESF_DATA_MIRROR=... python scripts/screen_views.py --model lim_l6 --views 6 [--min-cluster 15] [--all]

Without --all only the non-cubic val structures are scored (a cubic cell's axis orders give the same cell).
Session 13, lim_l6 val, 74 non-cubic structures, wrong counts: K=1 16, K=3 (cyclic) 16, K=6 14
(min_cluster 10), 15 (15), 18 (20). Too small a gain for six times the cost: not adopted.
"""
import argparse, itertools, numpy as np, torch
from pymatgen.core import Lattice
from nesf.data import Crystal, load_split
from nesf.decoder import lattice_from_parameters
from nesf.inference import REFINE, model_fields, recon_config
from nesf.metrics import crystal_system
from nesf.models import load
from nesf.reconstruction import reconstruct

def permuted(c: Crystal, p) -> Crystal:
    "`c` with its cell axes in order `p`, rebuilt in the standard orientation (as `nesf.training.permute_axes`)."
    L = Lattice(c.lattice); abc, ang = np.array(L.abc)[list(p)], np.radians(np.array(L.angles)[list(p)])
    return Crystal(lattice_from_parameters(torch.tensor(abc)[None], torch.tensor(ang)[None])[0].numpy(), c.frac[:, list(p)], c.numbers, c.id)

def to_frame(v, sid, src, dst, p, inverse=False):
    "Vectors `v` (P, 3) of structures `sid` from lattices `src` to `dst` through fractional coordinates, axes reordered by `p`."
    u = torch.einsum('pj,pji->pi', v, torch.linalg.inv(src)[sid])
    return torch.einsum('pj,pji->pi', u[:, np.argsort(p) if inverse else list(p)], dst[sid])

class ViewEnsemble:
    "A field source for `reconstruct`: the mean of a model's fields over axis orders `perms`."
    def __init__(self, net, cs, vocab, perms):
        self.net, self.vocab, self.mode, self.ids = net, list(vocab), net.config.mode, [c.id for c in cs]
        self.views = [(p, model_fields(net, [permuted(c, p) for c in cs], vocab, REFINE)) for p in perms]
        mean = lambda k: torch.stack([getattr(f, k)[:, np.argsort(p)] for p, f in self.views]).mean(0)
        self._lat = lattice_from_parameters(mean('abc').double(), mean('angles').double()).float()
    def __len__(self): return len(self.ids)
    def lattice(self): return self._lat
    def position(self, x, sid):
        return sum(to_frame(f.position(to_frame(x, sid, self._lat, f._lat, p), sid), sid, f._lat, self._lat, p, True)
                   for p, f in self.views) / len(self.views)
    def species(self, x, sid):
        with torch.no_grad():
            return sum(self.net.field(f.z_species, to_frame(x, sid, self._lat, f._lat, p), sid, f._lat)[1].softmax(-1)
                       for p, f in self.views).argmax(-1)

def main():
    a = argparse.ArgumentParser(); a.add_argument('--model', default='lim_l6'); a.add_argument('--dataset', default='lim_l6')
    a.add_argument('--views', type=int, default=6); a.add_argument('--min-cluster', type=int); a.add_argument('--all', action='store_true')
    a = a.parse_args()
    m, ds = load(a.model), load_split(a.dataset, 'val')
    perms = [(0, 1, 2), (1, 2, 0), (2, 0, 1)] if a.views == 3 else list(itertools.permutations(range(3)))[:a.views]
    cs = [c for c in ds.crystals if a.all or crystal_system(c) != 'cubic']
    cfg = recon_config(m.model, {**(m.recon or {}), **({'min_cluster': a.min_cluster} if a.min_cluster else {})})
    wrong = []
    for i in range(0, len(cs), 16):
        rec = reconstruct(ViewEnsemble(m.model, cs[i:i + 16], ds.vocab, perms), cfg)
        wrong += [(c.id, crystal_system(c), len(c), len(x)) for c, x in zip(cs[i:i + 16], rec.cart) if len(x) != len(c)]
    print(f'{a.model} on {a.dataset} val, {a.views} views: {len(wrong)} of {len(cs)} structures with the wrong atom count')
    for w in wrong: print(*w)

if __name__ == '__main__': main()
