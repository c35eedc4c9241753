"""Stamp the domain of a checkpoint's training split into it (rewritten atomically).

    python scripts/stamp_domain.py data/weights/nesf_icsg3d.pt ICSG3D train_disjoint [--data FOLDER]

The domain (crystal systems, anonymous formulas, atom counts, cell lengths and angles, elements; see
nbs/06b_domain.ipynb) is what `nesf reconstruct` and `nesf evaluate` compare a user's structures with.
Checkpoints trained after domains were recorded carry it already; this script adds it to older ones.
"""
import argparse, io, sys, time
import torch
from nesf.data import NeSFDataError, atomic_write, load_split
from nesf.domain import training_domain
from nesf.training import load_checkpoint


def stamp(path, dataset: str, split: str, data=None) -> dict:
    "Compute the domain of `dataset`/`split` and write it into checkpoint `path` as `domain`."
    ck = load_checkpoint(path)
    ds = load_split(dataset, split, data)
    if 'vocab' in ck and [int(z) for z in ck['vocab']] != [int(z) for z in ds.vocab]:
        raise NeSFDataError(f'{path}: its species vocabulary is not that of {dataset}/{split}')
    if ck.get('dataset') and (ck['dataset'], ck.get('split')) != (dataset, split):
        print(f'note: {path} says it was trained on {ck["dataset"]}/{ck.get("split")}, stamping {dataset}/{split}', file=sys.stderr)
    ck['domain'] = dict(training_domain(ds), dataset=dataset, split=split)
    buf = io.BytesIO(); torch.save(ck, buf)
    atomic_write(path, buf.getvalue())
    return ck['domain']


if __name__ == '__main__':
    p = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    p.add_argument('checkpoint'); p.add_argument('dataset'); p.add_argument('split')
    p.add_argument('--data', default=None, help='folder holding nesf_paper/ (default: $NESF_DATA_MIRROR, then the cache)')
    a = p.parse_args()
    t = time.time()
    try: d = stamp(a.checkpoint, a.dataset, a.split, a.data)
    except NeSFDataError as e: print(f'stamp_domain: error: {e}', file=sys.stderr); sys.exit(2)
    print(f"{a.checkpoint}: domain of {a.dataset}/{a.split} ({d['n_structures']} structures, {time.time() - t:.0f} s): "
          f"{', '.join(d['crystal_systems'])}; {len(d['anonymous_formulas'])} anonymous formulas; {d['n_atoms'][0]}-{d['n_atoms'][1]} atoms; "
          f"lengths {d['abc'][0]:.2f}-{d['abc'][1]:.2f} Å; angles {d['angles'][0]:.1f}-{d['angles'][1]:.1f}°; {len(d['elements'])} elements")
