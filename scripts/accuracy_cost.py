#!/usr/bin/env python
"""Accuracy versus cost: the position error each method reaches against its time and peak memory per structure,
on ICSG3D test, one CPU thread. Adds `accuracy_cost` to data/benchmarks/resolution.json and draws
figures/icsg3d_accuracy_cost.png.

* Voxels, perfect grids at d = 16 .. 96: the read-out (watershed, vote, ramps) of exact grids (true labels and
  ramps) on the first --n-err test structures: the best any voxel pipeline at that d can reach. Its cost is the
  pipeline's at d (voxelise + DFC-VAE + U-Net, from the `voxel` and `voxel_full_unet` rows of resolution.json),
  plus the read-out's own time measured here.
* Voxels, trained: `icsg3d-official` at d = 32 (the official weights exist only at 32^3): error from
  data/weights/icsg3d_official.metrics.json (all 360), time and memory measured here.
* NeSF: particle reconstruction from the exact fields and from the learned fields of the shipped `icsg3d` model
  (no dense grid; its cost is not a function of a grid size): time and memory measured here, errors from the
  committed metrics (data/benchmarks/exact_fields.json, data/weights/nesf_icsg3d.metrics.json, all 360).

Each measurement runs in a fresh subprocess: peak memory = ru_maxrss after the run minus VmRSS just before it.

    OMP_NUM_THREADS=1 NESF_DATA_MIRROR=... python scripts/accuracy_cost.py [--n 8] [--n-err 60] [--replot]
"""
import argparse, json, os, subprocess, sys, time
os.environ.setdefault('OMP_NUM_THREADS', '1')
from pathlib import Path

WORKER = r'''
import json, sys, time, resource, torch
torch.set_num_threads(1)
from nesf.data import load_split
from nesf.icsg3d_cost import _rss_mb, _peak_mb
kind, arg, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
ds = load_split('ICSG3D', 'test', n=n)
out = {}
if kind == 'floor':
    from nesf.icsg3d_voxels import exact_voxel_reconstruction, VoxelConfig
    from nesf.metrics import evaluate_reconstruction
    vox = VoxelConfig(d=int(arg)); exact_voxel_reconstruction(ds.crystals[:1], ds.vocab, vox)
    base = _rss_mb(); t0 = time.perf_counter()
    rec = exact_voxel_reconstruction(ds.crystals, ds.vocab, vox); t = time.perf_counter() - t0
    m = evaluate_reconstruction(rec, ds.crystals, 'paper', False)
    out = dict(d=int(arg), readout_seconds_per_structure=t / n, readout_memory_mb=max(0., _peak_mb() - base),
               **{k: m[k] for k in ('atom_count_error_pct', 'position_error_actual_A', 'position_error_detected_A')})
else:
    from nesf.models import get_model
    m = get_model(arg); m.oracle = False
    if hasattr(m, 'variants') and kind == 'official': m.variants = lambda *a: {}
    m.reconstruct(ds.crystals[:1], ds.vocab)                      # warm-up
    base = _rss_mb(); t0 = time.perf_counter()
    for c in ds.crystals: m.reconstruct([c], ds.vocab)            # one structure at a time
    t = time.perf_counter() - t0
    out = dict(model=arg, seconds_per_structure=t / n, memory_mb=max(0., _peak_mb() - base))
print('RESULT ' + json.dumps(out))
'''

def run(kind, arg, n, timeout=1800):
    p = subprocess.run([sys.executable, '-c', WORKER, kind, str(arg), str(n)], capture_output=True, text=True, timeout=timeout,
                       env=dict(os.environ, OMP_NUM_THREADS='1'))
    lines = [l for l in p.stdout.splitlines() if l.startswith('RESULT ')]
    if p.returncode or not lines: raise RuntimeError(f'{kind} {arg}: exit {p.returncode}\n{p.stderr[-2000:]}')
    r = json.loads(lines[-1][7:]); print(kind, arg, r, flush=True); return r

def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--n', type=int, default=8, help='test structures timed per model')
    ap.add_argument('--n-err', type=int, default=60, help='test structures for the perfect-grid errors')
    ap.add_argument('--sizes', default='16,32,48,64,80,96')
    ap.add_argument('--json', default='data/benchmarks/resolution.json'); ap.add_argument('--fig', default='figures/icsg3d_accuracy_cost.png')
    ap.add_argument('--replot', action='store_true', help='only redraw the figure from the JSON')
    a = ap.parse_args()
    from nesf.data import atomic_write
    from nesf.icsg3d_cost import plot_accuracy_cost
    res = json.loads(Path(a.json).read_text())
    if not a.replot:
        W = Path('data/weights'); B = Path('data/benchmarks')
        floor = [run('floor', d, a.n_err) for d in map(int, a.sizes.split(','))]
        exact = next(r for r in json.loads((B / 'exact_fields.json').read_text()) if r['split'] == 'test' and r['mode'] == 'paper')
        learned = json.loads((W / 'nesf_icsg3d.metrics.json').read_text())
        official = json.loads((W / 'icsg3d_official.metrics.json').read_text())
        rows = dict(
            voxel_perfect=floor,
            icsg3d_official=dict(d=32, position_error_actual_A=official['position_error_actual_A'],
                                 atom_count_error_pct=official['atom_count_error_pct'], **run('official', 'icsg3d-official', a.n)),
            nesf_exact=dict(position_error_actual_A=exact['position_error_actual_A'], atom_count_error_pct=exact['atom_count_error_pct'],
                            mode='paper', **run('nesf', 'exact', a.n)),
            nesf_learned=dict(position_error_actual_A=learned['position_error_actual_A'], atom_count_error_pct=learned['atom_count_error_pct'],
                              mode=learned['mode'], **run('nesf', 'icsg3d', a.n)),
            method=dict(structures=f'first {a.n} ICSG3D test structures timed one at a time (first {a.n_err} for the perfect-grid errors)',
                        memory='ru_maxrss after the run minus VmRSS before it, fresh subprocess per row',
                        voxel_cost='pipeline cost at d from the voxel / voxel_full_unet rows (untrained networks) plus the perfect-grid read-out time',
                        errors='position error, actual (A): perfect grids measured here; trained models from their metrics files on all 360'))
        res['accuracy_cost'] = rows
        atomic_write(a.json, (json.dumps(res, indent=1) + '\n').encode())
    plot_accuracy_cost(res, a.fig); print(f'wrote {a.fig}')

if __name__ == '__main__': main()
