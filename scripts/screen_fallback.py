#!/usr/bin/env python
"""The domain fallback of `06c_inference` (`FALLBACK`), chosen on val only: each shipped NeSF model on its val split
(`icsg3d` on ICSG3D val, `lim_l6` on lim_l6 val, each YBCO13 fold model on its own fold's val, pooled over the
twenty), reconstructed with its shipped constants and the fallback, and scored with and without it (the
`without_fallback` variant of `evaluate`). Writes data/experiments/screen_fallback.json (`06_training` reads it).

    NESF_DATA_MIRROR=... python scripts/screen_fallback.py [--split val]
"""
import argparse, json
from pathlib import Path
from nesf.data import load_split
from nesf.models import evaluate

ROOT = Path(__file__).resolve().parent.parent
KEYS = ('atom_count_error_pct', 'position_error_actual_A', 'species_error_actual_pct')

def pooled(rows: list) -> dict:
    "Structure-weighted means of the headline numbers over `rows` (the YBCO13 folds), with and without the fallback."
    n = sum(r['n_structures'] for r in rows); w = lambda get: round(sum(get(r) * r['n_structures'] for r in rows) / n, 4)
    out = dict(n_structures=n, match_rate=w(lambda r: r['match_rate']), **{k: w(lambda r: r[k]) for k in KEYS})
    return out | {'without_fallback': {k: w(lambda r: r['without_fallback'][k]) for k in KEYS}}

def row(model: str, dataset: str, split: str) -> dict:
    d = evaluate(model, load_split(dataset, split), fallback=True)            # on for every model here: this screens it
    return dict(model=model, data=f'{dataset}/{split}', n_structures=d['n_structures'], match_rate=d['match_rate'],
                **{k: d[k] for k in KEYS}, without_fallback={k: d['without_fallback'][k] for k in KEYS})

def main(split: str):
    rows = [row('icsg3d', 'ICSG3D', split), row('lim_l6', 'lim_l6', split)]
    folds = [row(f'ybco13-fold{k}', f'YBCO13_fold{k}', split) for k in range(20)]
    rows.append(dict(model='ybco13-fold0..19', data=f'YBCO13 folds 0-19/{split}', **pooled(folds)))
    for r in rows: print(r, flush=True)
    out = ROOT / 'data/experiments/screen_fallback.json'
    out.write_text(json.dumps(dict(split=split, fallback='FALLBACK', rows=rows, folds=folds), indent=1) + '\n')

if __name__ == '__main__':
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0]); p.add_argument('--split', default='val')
    main(p.parse_args().split)
