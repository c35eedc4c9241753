#!/usr/bin/env python
"""Resolution versus cost: the ICSG3D voxel pipeline against NeSF field decoding, per structure, one CPU thread.

Voxel pipeline at grids d = 16, 32, 48, 64, ... (voxelise + DFC-VAE encode/decode built for d + U-Net; networks
untrained, since cost does not depend on weights; the narrow U-Net everywhere, the full 31 M U-Net while a run
stays under --full-max-seconds). NeSF (untrained periodic model, 84 species) encodes the structure and evaluates
its fields on a grid of spacing 0.5, 0.25, 0.1, 0.075, 0.05 Å over the cell in chunks of 4,096 points.
Also the accuracy floor of the voxel representation: the read-out of perfect grids at d = 16, 32, 48, 64
(--floor-only re-measures just that).

Memory: every configuration runs in a fresh subprocess; we report resource.getrusage(RUSAGE_SELF).ru_maxrss
after the run minus the resident memory (VmRSS) just before it (imports, data and networks already loaded).
Time: time.perf_counter per structure, averaged over the structures. Exponents: log-log slopes against points
per axis (d, or 1/spacing), fitted on d >= 32 and spacing <= 0.25 Å, and on the largest sizes only (*_large), where fixed overheads matter least.
--refit recomputes the fits and the figure from an existing JSON.

    OMP_NUM_THREADS=1 NESF_DATA_MIRROR=... python scripts/resolution_study.py [--max-d 192] [--n 3]
"""
import argparse, json, os, platform
os.environ.setdefault('OMP_NUM_THREADS', '1')
from pathlib import Path

def run(kind, arg, n, width=4, timeout=900):
    "One row in a fresh process (nesf.icsg3d_cost.in_fresh_process), printed as it comes."
    from nesf.icsg3d_cost import in_fresh_process
    r = in_fresh_process(kind, arg, n, 'test', width, timeout)
    print(kind, arg, f"width {width}" if kind == 'voxel' else '', f"{r.get('seconds_per_structure', r.get('readout_seconds_per_structure')):.3f} s/structure", flush=True)
    return r

def floor_rows(n, sizes=(16, 32, 48, 64)):
    "The accuracy floor: perfect grids at each d on the first `n` test structures (None: all), read-out constants in Å."
    return dict(note='voxel read-out of perfect grids (true labels and ramps, watershed with constants in A scaled with the voxel size, vote) '
                     'on ICSG3D test: the error of the representation itself at grid d', rows=[run('floor', d, n, timeout=3600) for d in sizes])

def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument('--n', type=int, default=3, help='structures of ICSG3D test to average over')
    p.add_argument('--n-floor', type=int, default=None, help='structures of ICSG3D test for the exact-grid accuracy floor (default all)')
    p.add_argument('--sizes', default='16,32,48,64,80,96,128,160,192')
    p.add_argument('--spacings', default='0.5,0.25,0.1,0.075,0.05')
    p.add_argument('--max-seconds', type=float, default=120, help='stop growing d once a voxel run takes this long per structure')
    p.add_argument('--max-mb', type=float, default=8000, help='stop growing d once a run needs this much memory')
    p.add_argument('--full-max-seconds', type=float, default=30, help='stop the full U-Net series once a run takes this long')
    p.add_argument('--out', default='data/benchmarks/resolution.json'); p.add_argument('--fig', default='figures/resolution_cost.png')
    p.add_argument('--refit', action='store_true', help='only recompute the fits and the figure from the JSON at --out')
    p.add_argument('--floor-only', action='store_true', help='only re-measure the accuracy floor (voxel_floor) into the JSON at --out')
    a = p.parse_args()
    import numpy as np, torch
    from nesf.data import load_split
    from nesf.icsg3d import ConditionalDFCVAE, UNet3D, UNetConfig, n_params
    from nesf.encoder import NeSFConfig
    from nesf.decoder import NeSF, param_counts
    if a.refit:                      # recompute the fits and the figure from an existing JSON, no measuring
        res = json.loads(Path(a.out).read_text()); res['exponents'] = exponents(res['voxel'], res['voxel_full_unet'], res['nesf'])
        finish(res, a); return
    if a.floor_only:
        res = json.loads(Path(a.out).read_text()); res['voxel_floor'] = floor_rows(a.n_floor); finish(res, a); return
    ds = load_split('ICSG3D', 'test', n=a.n)
    voxel, full, nesf = [], [], []
    for d in map(int, a.sizes.split(',')):
        r = run('voxel', d, a.n); voxel.append(r)
        if r['seconds_per_structure'] > a.max_seconds or r['memory_mb'] > a.max_mb: break
    for d in map(int, a.sizes.split(',')):
        r = run('voxel', d, a.n, 32, timeout=1200); full.append(r)
        if r['seconds_per_structure'] > a.full_max_seconds: break
    for s in map(float, a.spacings.split(',')): nesf.append(run('grid', s, a.n))
    ex = exponents(voxel, full, nesf)
    res = dict(machine=f'{platform.machine()}, {os.cpu_count()} cores (shared with another job), torch {torch.__version__}, 1 thread',
               structures=[c.id for c in ds.crystals], mean_abc_A=float(np.mean([c.abc.mean() for c in ds.crystals])),
               method=dict(memory='resource.getrusage ru_maxrss after the run minus VmRSS just before it, each configuration in a fresh subprocess',
                           time='time.perf_counter per structure, mean over the structures, batch of one, after one untimed warm-up run',
                           voxel='voxelise + DFC-VAE (built for d) encode/decode at the mean latent + U-Net forward; untrained; watershed excluded',
                           nesf='untrained NeSF (periodic, 84 species): encode + position and species fields on a grid of the given spacing over the cell, chunks of 4,096 points, 1 byte kept per point',
                           fits=''),
               params=dict(vae=n_params(ConditionalDFCVAE()), unet_full=n_params(UNet3D(UNetConfig.full())),
                           unet_narrow=n_params(UNet3D(UNetConfig.narrow())), nesf=param_counts(NeSF(NeSFConfig(84)))['total']),
               voxel=voxel, voxel_full_unet=full, nesf=nesf, exponents=ex,
               voxel_floor=floor_rows(a.n_floor))
    finish(res, a)

def exponents(voxel, full, nesf):
    "Log-log slopes: on d >= 32 / spacing <= 0.25 Å, on the largest sizes (d >= 96 narrow, d >= 64 full, spacing <= 0.1 Å), and on every point."
    from nesf.icsg3d_cost import fit_exponent
    v = lambda rows, key, dmin: fit_exponent([r['d'] for r in rows if r['d'] >= dmin], [r[key] for r in rows if r['d'] >= dmin])
    n = lambda key, smax: fit_exponent([1 / r['spacing_A'] for r in nesf if r['spacing_A'] <= smax], [r[key] for r in nesf if r['spacing_A'] <= smax])
    ex = dict(voxel_time=v(voxel, 'seconds_per_structure', 32), voxel_memory=v(voxel, 'memory_mb', 32),
              voxel_full_unet_time=v(full, 'seconds_per_structure', 32), voxel_full_unet_memory=v(full, 'memory_mb', 32),
              nesf_time=n('seconds_per_structure', 0.25), nesf_memory=n('memory_mb', 0.25),
              voxel_time_large=v(voxel, 'seconds_per_structure', 96), voxel_memory_large=v(voxel, 'memory_mb', 96),
              voxel_full_unet_time_large=v(full, 'seconds_per_structure', 64), voxel_full_unet_memory_large=v(full, 'memory_mb', 64),
              nesf_time_large=n('seconds_per_structure', 0.1), nesf_memory_large=n('memory_mb', 0.1),
              voxel_time_all=v(voxel, 'seconds_per_structure', 0), nesf_time_all=n('seconds_per_structure', 10))
    return {k: round(x, 3) for k, x in ex.items()}

def finish(res, a):
    from nesf.data import atomic_write
    from nesf.icsg3d_cost import plot_resolution
    res['method']['fits'] = ('log-log slope vs points per axis: d for voxels, 1/spacing for NeSF; plain keys: d >= 32 and spacing <= 0.25 A; '
                             '*_large: d >= 96 (narrow U-Net), d >= 64 (full U-Net), spacing <= 0.1 A, where fixed overheads matter least; *_all: every point')
    atomic_write(a.out, (json.dumps(res, indent=1) + '\n').encode())
    Path(a.fig).parent.mkdir(parents=True, exist_ok=True)
    plot_resolution(res, a.fig)
    print(json.dumps(res['exponents'], indent=1)); print(f'wrote {a.out} and {a.fig}')

if __name__ == '__main__': main()
