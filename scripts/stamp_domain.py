"""Stamp the domain of a checkpoint's training split into it (rewritten atomically).

    python scripts/stamp_domain.py data/weights/nesf_icsg3d.pt ICSG3D train_disjoint [--data FOLDER]

The domain (crystal systems, anonymous formulas, atom counts, cell lengths and angles, elements; see
nbs/06b_domain.ipynb) is what `nesf reconstruct` and `nesf evaluate` compare a user's structures with.
Checkpoints trained after domains were recorded carry it already; this script adds it to older ones
(`nesf.models.stamp_domain`, nbs/07z_models.ipynb).
"""
import argparse, sys, time
from nesf.data import NeSFDataError
from nesf.models import stamp_domain

if __name__ == '__main__':
    p = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    p.add_argument('checkpoint'); p.add_argument('dataset'); p.add_argument('split')
    p.add_argument('--data', default=None, help='folder holding nesf_paper/ (default: $NESF_DATA_MIRROR, then the cache)')
    a = p.parse_args()
    t = time.time()
    try: d = stamp_domain(a.checkpoint, a.dataset, a.split, a.data)
    except NeSFDataError as e: print(f'stamp_domain: error: {e}', file=sys.stderr); sys.exit(2)
    print(f"{a.checkpoint}: domain of {a.dataset}/{a.split} ({d['n_structures']} structures, {time.time() - t:.0f} s): "
          f"{', '.join(d['crystal_systems'])}; {len(d['anonymous_formulas'])} anonymous formulas; {d['n_atoms'][0]}-{d['n_atoms'][1]} atoms; "
          f"lengths {d['abc'][0]:.2f}-{d['abc'][1]:.2f} Å; angles {d['angles'][0]:.1f}-{d['angles'][1]:.1f}°; {len(d['elements'])} elements")
