"""Re-choose the reconstruction constants for a model's fields on **val** (issue 18): the fields of each structure are
computed once (species code as `nesf evaluate` does), then every setting of the grid below runs the particle
algorithm on them. One JSON line per setting goes to data/experiments/screen_recon.jsonl: atom-count error,
structures over- and under-counted, position and species error (StructureMatcher with --matcher), pooled over the
models.

    python scripts/screen_recon.py ybco13 --models 'ybco13-fold{k}' --dataset 'YBCO13_fold{k}' --folds 0-19
    python scripts/screen_recon.py lim_l6 --models lim_l6 --dataset lim_l6
"""
import argparse, json
from dataclasses import replace
import numpy as np
from nesf.data import load_split
from nesf.decoder import LEARNED_RECON
from nesf.inference import REFINE, model_fields, recon_config
from nesf.metrics import evaluate_reconstruction
from nesf.models import load
from nesf.reconstruction import reconstruct

GRIDS = {   # 'single': one constant at a time from LEARNED_RECON; 'verify': the verification shell, the lever 'single' found
    'single': [dict(), dict(min_cluster=10), dict(min_cluster=20), dict(min_cluster=25), dict(nms_radius=0.4), dict(nms_radius=0.6),
               dict(nms_radius=0.7), dict(verify_tol=None), dict(verify_tol=0.4), dict(verify_tol=0.7), dict(residual=0.5),
               dict(n_iter=32), dict(grid_step=0.5, min_cluster=40), dict(grid_step=0.5, min_cluster=25), dict(tol=1e-4)],
    'verify': [dict(verify_tol=0.85), dict(verify_tol=1.0), dict(verify_tol=None, min_cluster=20), dict(verify_tol=None, min_cluster=25),
               dict(verify_tol=0.7, min_cluster=20), dict(verify_tol=0.85, min_cluster=20), dict(verify_tol=0.7, verify_radius=0.35),
               dict(verify_tol=0.7, verify_radius=0.6), dict(verify_tol=None, nms_radius=0.7)]}

KEYS = ('position_error_actual_A', 'species_error_actual_pct', 'match_rate')

def fold_fields(model: str, dataset: str, split: str, n: int | None):
    "The model's fields of the split's structures (computed once) and the structures."
    m, ds = load(model), load_split(dataset, split)
    cs = ds.crystals[:n]
    return model_fields(m.model, cs, m.vocab, REFINE), cs, m

def scores(src, cs, m, setting: dict, matcher: bool) -> dict:
    "Per-structure counts and the metrics of one setting."
    rec = reconstruct(src, replace(recon_config(m.model), **setting))
    d = evaluate_reconstruction(rec, cs, m.mode, matcher)
    n_pred, n_true = np.array([len(c) for c in rec.cart]), np.array([len(c.numbers) for c in cs])
    return dict(n=len(cs), over=int((n_pred > n_true).sum()), under=int((n_pred < n_true).sum()), **{k: d[k] for k in KEYS})

def pool(rows: list) -> dict:
    "Structure-weighted means over the models."
    n = sum(r['n'] for r in rows); w = lambda k: sum(r[k] * r['n'] for r in rows) / n
    return dict(n=n, over=sum(r['over'] for r in rows), under=sum(r['under'] for r in rows),
                atom_count_error_pct=round(100 * sum(r['over'] + r['under'] for r in rows) / n, 2), **{k: round(w(k), 4) for k in KEYS})

def main():
    p = argparse.ArgumentParser(description=__doc__); p.add_argument('name')
    p.add_argument('--models', required=True); p.add_argument('--dataset', required=True); p.add_argument('--folds', default='0-0')
    p.add_argument('--split', default='val'); p.add_argument('-n', type=int); p.add_argument('--matcher', action='store_true')
    p.add_argument('--grid', choices=list(GRIDS), default='single')
    a = p.parse_args(); lo, hi = map(int, a.folds.split('-'))
    folds = [fold_fields(a.models.format(k=k), a.dataset.format(k=k), a.split, a.n) for k in range(lo, hi + 1)]
    for s in GRIDS[a.grid]:
        row = dict(name=a.name, grid=a.grid, split=a.split, models=a.models, folds=a.folds, setting={**LEARNED_RECON, **s}, changed=s,
                   **pool([scores(*f, s, a.matcher) for f in folds]))
        with open('data/experiments/screen_recon.jsonl', 'a') as f: f.write(json.dumps(row) + '\n')
        print(json.dumps({k: v for k, v in row.items() if k != 'setting'}), flush=True)

if __name__ == '__main__': main()
