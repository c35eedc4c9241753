#!/usr/bin/env python
"""Where a shipped model's position error (actual) comes from: the structures reconstructed with the right atom count
against the miscounted ones (a missing atom's distance to its nearest found atom is an ångström or more). A
diagnosis, nothing is chosen by it. Per-atom distances as `nesf_metrics` measures them in periodic mode (predicted
fractional coordinates in the true cell, minimum image), with the model's shipped pipeline (species code, its
stamped constants).

    NESF_DATA_MIRROR=... python scripts/position_error_split.py lim_l6 lim_l6 val
"""
import sys
import numpy as np
from nesf.data import load_split
from nesf.metrics import crystal_system, nearest
from nesf.models import load, _reconstruct_all

def atom_distances(rec, ds, idx) -> np.ndarray:
    "For each true atom of the structures `idx`: its distance to the nearest reconstructed atom (inf when none)."
    out = [np.zeros(0)]
    for i in idx:
        t = ds.crystals[i]
        if not len(rec.cart[i]): out.append(np.full(len(t), np.inf)); continue
        pc = (rec.cart[i] @ np.linalg.inv(rec.lattice[i])) @ t.lattice
        out.append(nearest(t.cart, pc, t.lattice)[0])
    return np.concatenate(out)

def main(model: str, dataset: str, split: str):
    ds, m = load_split(dataset, split), load(model)
    rec = _reconstruct_all(m, ds, 64, False)[0]
    ok = [i for i, t in enumerate(ds.crystals) if len(rec.cart[i]) == len(t)]
    bad = sorted(set(range(len(ds))) - set(ok))
    a, a_ok, a_bad = atom_distances(rec, ds, range(len(ds))), atom_distances(rec, ds, ok), atom_distances(rec, ds, bad)
    print(f'{model} on {dataset}/{split}: {len(ds)} structures, {len(ok)} with the right atom count, {len(bad)} miscounted')
    print(f'position error (actual), mean over true atoms: all {a.mean():.4f} Å, right count {a_ok.mean():.4f} Å, '
          f'miscounted {a_bad.mean():.4f} Å; share of the summed error from the miscounted: {a_bad.sum() / a.sum():.2f}')
    print(f'right count: median {np.median(a_ok):.4f} Å, 90th percentile {np.percentile(a_ok, 90):.4f} Å')
    by = {}
    for i in ok: by.setdefault(crystal_system(ds.crystals[i]), []).append(i)
    for s, idx in sorted(by.items(), key=lambda kv: -len(kv[1])):
        print(f'  right count, {s}: {len(idx)} structures, {atom_distances(rec, ds, idx).mean():.4f} Å')

if __name__ == '__main__': main(*(sys.argv[1:4] if len(sys.argv) > 3 else ('lim_l6', 'lim_l6', 'val')))
