#!/usr/bin/env python
"""The tolerance `nesf.symmetry.SYMPREC` is chosen on: val data only. For each dataset, the first --n val structures
are reconstructed by the shipped model trained on it (ICSG3D/val by `icsg3d`, lim_l6/val by `lim_l6`; those that
come back with the right atom count are kept), symmetrised at each tolerance of the grid, and compared with the
true structure's space group (found at 0.01 Å): the share with the same space group, and with a more symmetric one
(a higher space-group number). The harm side: the share of all --n-exact exact val structures whose space group
at the tolerance is higher than at 0.01 Å, and the space group of tetragonal P4mm BaTiO3 at each tolerance.
Writes data/benchmarks/symprec.json (03b_symmetry reads it).

    NESF_DATA_MIRROR=... python scripts/symprec_study.py [--n 96] [--n-exact 400]
"""
import argparse, json, warnings
from pathlib import Path
import numpy as np
warnings.filterwarnings('ignore')
from pymatgen.core import Lattice, Structure
from pymatgen.symmetry.analyzer import SpacegroupAnalyzer
from nesf.data import load_split
from nesf.models import get_model
from nesf.symmetry import symmetrize

GRID = [0.01, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.4]
ROOT = Path(__file__).resolve().parent.parent

def sg_number(c, tol):
    try: return SpacegroupAnalyzer(c.to_structure(), symprec=tol).get_space_group_number()
    except Exception: return 1

def study(model, data, n, n_exact):
    ds = load_split(data, 'val', n=n); m = get_model(model)
    rec = m.reconstruct(ds.crystals, ds.vocab)
    pairs = [(t, r) for i, t in enumerate(ds.crystals) for r in [rec.crystal(i)] if r is not None and len(r) == len(t)]
    true = [sg_number(t, 0.01) for t, _ in pairs]
    exact = load_split(data, 'val', n=n_exact).crystals; exact0 = [sg_number(t, 0.01) for t in exact]
    rows = []
    for tol in GRID:
        got = [sg_number(symmetrize(r, tol), 0.01) for _, r in pairs]
        rows.append(dict(data=f'{data}/val', model=model, symprec=tol, n=len(pairs), n_reconstructed=len(ds), n_exact=len(exact),
                         same_pct=round(100 * np.mean([g == t for g, t in zip(got, true)]), 1),
                         higher_pct=round(100 * np.mean([g > t for g, t in zip(got, true)]), 1),
                         exact_higher_pct=round(100 * np.mean([sg_number(t, tol) > g for t, g in zip(exact, exact0)]), 1)))
        print(rows[-1], flush=True)
    return rows

if __name__ == '__main__':
    ap = argparse.ArgumentParser(); ap.add_argument('--n', type=int, default=96); ap.add_argument('--n-exact', type=int, default=400)
    a = ap.parse_args()
    rows = study('icsg3d', 'ICSG3D', a.n, a.n_exact) + study('lim_l6', 'lim_l6', a.n, a.n_exact)
    p4mm = Structure(Lattice.tetragonal(3.9945, 4.0335), ['Ba', 'Ti', 'O', 'O', 'O'], [[0, 0, 0], [.5, .5, .5135], [.5, .5, -.0250], [.5, 0, .4862], [0, .5, .4862]])
    out = dict(split='val', grid=GRID, data=['ICSG3D/val', 'lim_l6/val'], rows=rows,
               p4mm_batio3={str(t): SpacegroupAnalyzer(p4mm, symprec=t).get_space_group_symbol() for t in GRID})
    (ROOT / 'data/benchmarks/symprec.json').write_text(json.dumps(out, indent=1) + '\n')
    print('wrote data/benchmarks/symprec.json')
