#!/usr/bin/env python
"""Speed benchmarks of nesf, reported as per-structure figures and ratios (not a test).

Exact-field reconstruction of ICSG3D test: the fast path (batched, pruned, vectorised NMS) against a faithful run
of the reference algorithm (structure by structure, ~10,000 particles x 64 moves, Python NMS loop) in the same
process. With a shipped model: learned-field reconstruction time per structure and training throughput.

    python scripts/benchmark.py [--data PATH] [--n-faithful 24] [--out data/benchmarks/benchmark.json]
"""
import argparse, json, os, platform, time
from pathlib import Path
import numpy as np, torch
from nesf.data import load_split, atomic_write
from nesf.reconstruction import ExactFields, ReconConfig, reconstruct, reconstruct_reference
from nesf.fields import box_grid
from nesf.metrics import nesf_metrics

p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
p.add_argument('--data', default=None); p.add_argument('--n-faithful', type=int, default=24)
p.add_argument('--model', default='icsg3d'); p.add_argument('--out', default='data/benchmarks/benchmark.json')
a = p.parse_args()
ds = load_split('ICSG3D', 'test', a.data)
res = dict(machine=f'{platform.machine()} {os.cpu_count()} cores, torch {torch.__version__}, {torch.get_num_threads()} threads')

for mode in ('paper', 'periodic'):
    t0 = time.perf_counter(); r = reconstruct(ExactFields(ds.crystals, ds.vocab, mode), mode=mode); dt = time.perf_counter() - t0
    m = nesf_metrics(r, ds.crystals, mode)
    res[f'exact_{mode}'] = dict(n=len(ds), seconds=round(dt, 2), s_per_structure=round(dt / len(ds), 4),
                               atom_count_error_pct=m['atom_count_error_pct'], position_error_actual_A=m['position_error_actual_A'])
    print(f'exact fields, {mode} mode: {len(ds)} structures in {dt:.1f} s ({1000 * dt / len(ds):.1f} ms each)')

sub = ds.crystals[:a.n_faithful]
src = ExactFields(sub, ds.vocab, 'paper', box=ExactFields(ds.crystals, ds.vocab).box)
n_particles = len(box_grid(*src.box, 0.5))
t0 = time.perf_counter(); rr = reconstruct_reference(src); dt_ref = time.perf_counter() - t0
ok = sum(len(rr.cart[i]) == len(c) for i, c in enumerate(sub))
per_ref = dt_ref / len(sub); per_fast = res['exact_paper']['s_per_structure']
res['faithful_reference'] = dict(n=len(sub), particles_per_structure=n_particles, moves=64, seconds=round(dt_ref, 2),
                                 s_per_structure=round(per_ref, 4), extrapolated_split_seconds=round(per_ref * len(ds), 1), atom_counts_right=ok)
res['speedup_exact_paper_vs_faithful'] = round(per_ref / per_fast, 1)
print(f'faithful reference run: {per_ref:.3f} s per structure ({n_particles} particles x 64 moves), '
      f'~{per_ref * len(ds):.0f} s for the split; fast path is {per_ref / per_fast:.0f}x faster')

try:
    from nesf.models import load, evaluate
    from nesf.decoder import LEARNED_RECON
    from nesf.training import TrainConfig, sample_queries, losses
    from nesf.fields import collate, dataset_box
    model = load(a.model); m = model.model
    r = evaluate(model, ds, matcher=False)
    res['learned'] = dict(model=a.model, s_per_structure=r['seconds_per_structure'], reconstruction_seconds=r['reconstruction_seconds'], evaluation_seconds=r['seconds'], recon=LEARNED_RECON, species_code=r.get('species_code'))
    print(f"learned field ({a.model}): {r['seconds_per_structure'] * 1000:.0f} ms per structure, {r['reconstruction_seconds']:.1f} s for the split")
    tc = TrainConfig.cpu(); m.train(); opt = torch.optim.Adam(m.parameters(), 1e-4)
    tr = load_split('ICSG3D', 'val', a.data); gen = torch.Generator().manual_seed(0); nq = 0
    t0 = time.perf_counter()
    for k in range(8):
        b = collate(tr.crystals[k * tc.batch_size % len(tr):][:tc.batch_size], tr.vocab)
        xp, sp, xs, ss = sample_queries(b, tc, gen, dataset_box(tr.crystals))
        d = losses(m(b, xp, sp, xs, ss), b, xp, sp, xs, ss, m.config.mode, tc)
        opt.zero_grad(); d['loss'].backward(); opt.step(); nq += len(xp) + len(xs)
    dt = time.perf_counter() - t0
    res['training_throughput'] = dict(queries_per_s=round(nq / dt), s_per_step=round(dt / 8, 3), batch_size=tc.batch_size)
    print(f'training: {nq / dt:,.0f} query points/s, {dt / 8:.2f} s per step of {tc.batch_size} structures')
except Exception as e:
    print('learned-model benchmarks skipped:', e)

atomic_write(a.out, (json.dumps(res, indent=2) + '\n').encode())
print('wrote', a.out)
