"""The YBCO13 recipe screen: train some folds with one recipe, score each on its own **val** split (never test),
and append one row to data/experiments/screen_ybco13.jsonl (means over the folds, CPU seconds from the checkpoints).

    python scripts/screen_ybco13.py NAME --folds 0-4 [--split val] -- --epochs 400 --batch-size 16 --shift 1.0

Everything after `--` goes to `nesf train` (on top of `--preset cpu`), with `{k}` replaced by the fold number (e.g.
`--init runs/ybco13/R2-from-lim_l6/fold{k}/model.pt` continues each fold's own run). Runs land in runs/ybco13/NAME/fold<k>;
a fold whose metrics file exists is not redone, so an interrupted screen resumes.
"""
import argparse, json, subprocess, sys
from pathlib import Path
import torch
from nesf.checkpoint import load_checkpoint
from nesf.training import checkpoint_cpu_seconds

NESF = str(Path(sys.executable).parent / 'nesf')
KEYS = ('atom_count_error_pct', 'match_rate', 'position_error_actual_A', 'species_error_actual_pct')

def fold_run(name: str, k: int, split: str, train_args: list) -> dict:
    "Train fold `k` (resuming) and score it on `split`: its metrics with the run's CPU seconds."
    out = Path('runs/ybco13') / name / f'fold{k}'; met = out / f'{split}.metrics.json'
    if not met.exists():
        subprocess.run([NESF, 'train', '--dataset', f'YBCO13_fold{k}', '--split', 'train', '--preset', 'cpu',
                        '--out', str(out), '--quiet', *[t.replace('{k}', str(k)) for t in train_args]], check=True)
        subprocess.run([NESF, 'evaluate', '--model', str(out / 'model.pt'), '--dataset', f'YBCO13_fold{k}',
                        '--split', split, '--json', str(met), '--quiet'], check=True)
    d = json.loads(met.read_text())
    ck = load_checkpoint(out / 'model.pt')
    d['cpu_seconds'] = checkpoint_cpu_seconds(ck) - float(ck.get('init_cpu_seconds', 0.0))   # this run's, not a pretraining's
    return d

def main():
    argv = sys.argv[1:]; extra = argv[argv.index('--') + 1:] if '--' in argv else []
    p = argparse.ArgumentParser(); p.add_argument('name'); p.add_argument('--folds', default='0-4'); p.add_argument('--split', default='val')
    a = p.parse_args(argv[:argv.index('--')] if '--' in argv else argv)
    lo, hi = map(int, a.folds.split('-')); folds = list(range(lo, hi + 1))
    rows = {k: fold_run(a.name, k, a.split, extra) for k in folds}
    row = dict(name=a.name, split=a.split, folds=folds, train_args=' '.join(extra),
               cpu_hours_per_fold=round(sum(r['cpu_seconds'] for r in rows.values()) / len(rows) / 3600, 3),
               **{k: round(sum(r[k] for r in rows.values()) / len(rows), 3) for k in KEYS},
               per_fold={k: {kk: round(r[kk], 3) for kk in KEYS[:2]} for k, r in rows.items()})
    with open('data/experiments/screen_ybco13.jsonl', 'a') as f: f.write(json.dumps(row) + '\n')
    print(json.dumps(row))

if __name__ == '__main__': main()
