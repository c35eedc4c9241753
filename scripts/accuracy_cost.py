#!/usr/bin/env python
"""Accuracy versus cost: what a position error costs each method, per structure, one CPU thread.

Adds `accuracy_cost` to data/benchmarks/resolution.json (see nesf.icsg3d_cost, notebook 07d_icsg3d_cost) and draws
figures/icsg3d_accuracy_cost.png:
* Voxels, perfect grids at d = 16 .. 96: the read-out (watershed with its constants in Å, vote, ramps, positions
  fitted to the density channel) of exact grids on the first --n-err ICSG3D test structures: the best any voxel
  pipeline at that d can reach. Its cost is the pipeline's at d (the `voxel` and `voxel_full_unet` rows of
  resolution.json) plus the read-out's own time.
* Voxels, trained: `icsg3d-official` at d = 32: error from data/weights/icsg3d_official.metrics.json (all 360),
  time and memory measured here on the first --n test structures.
* NeSF: particle reconstruction from the exact fields and from the learned fields of the shipped `icsg3d` model:
  time and memory measured here, errors from data/benchmarks/exact_fields.json and data/weights/nesf_icsg3d.metrics.json.

Each row runs in a fresh subprocess: peak memory = ru_maxrss after the run minus VmRSS just before it.

    OMP_NUM_THREADS=1 NESF_DATA_MIRROR=... python scripts/accuracy_cost.py [--n 8] [--n-err 40] [--replot] [--keep-timings] [--keep-floor]
"""
import argparse, json, os, sys
os.environ.setdefault('OMP_NUM_THREADS', '1')
from pathlib import Path

def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--n', type=int, default=8, help='test structures timed per model')
    ap.add_argument('--n-err', type=int, default=40, help='test structures for the perfect-grid errors')
    ap.add_argument('--sizes', default='16,32,48,64,80,96')
    ap.add_argument('--json', default='data/benchmarks/resolution.json'); ap.add_argument('--fig', default='figures/icsg3d_accuracy_cost.png')
    ap.add_argument('--replot', action='store_true', help='only redraw the figure from the JSON')
    ap.add_argument('--keep-timings', action='store_true', help="keep the models' time and memory from the JSON (re-measure errors only)")
    ap.add_argument('--keep-floor', action='store_true', help='keep the perfect-grid rows from the JSON (refresh the trained rows from their metrics files)')
    a = ap.parse_args()
    from nesf.data import atomic_write
    from nesf.icsg3d_cost import accuracy_cost_rows, floor_never_rises, plot_accuracy_cost
    res = json.loads(Path(a.json).read_text())
    if not a.replot:
        prev = res.get('accuracy_cost') or {}
        res['accuracy_cost'] = accuracy_cost_rows(a.n, a.n_err, tuple(map(int, a.sizes.split(','))), timings=prev if a.keep_timings else None,
                                                  floor=prev.get('voxel_perfect') if a.keep_floor else None)
        atomic_write(a.json, (json.dumps(res, indent=1) + '\n').encode())
    plot_accuracy_cost(res, a.fig); print(f'wrote {a.fig}')
    rises = floor_never_rises(res['accuracy_cost']['voxel_perfect'])
    if rises: print(f'warning: perfect-grid errors rise with d: {rises}', file=sys.stderr)

if __name__ == '__main__': main()
