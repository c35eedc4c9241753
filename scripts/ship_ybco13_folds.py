"""Train (or reuse) one model per YBCO13 fold with a recipe and ship all twenty: half-precision weights and log in
data/weights/nesf_ybco13_fold<k>.pt, and the metrics `nesf evaluate` gives each on its own fold's test split, with
the species code (`.metrics.json`, with the by-system and by-size breakdowns) and with the plain encoder
(`.plain.metrics.json`).

    python scripts/ship_ybco13_folds.py RECIPE [--folds 0-19] [--recon JSON] -- NESF_TRAIN_OPTIONS

--recon stamps reconstruction constants chosen on the folds' **val** splits (`scripts/screen_recon.py`) into every
shipped checkpoint (`nesf.models.stamp_recon`) before it is evaluated, e.g. --recon '{"verify_tol": null, "min_cluster": 20}'.

Runs live in runs/ybco13/RECIPE/fold<k> (the folder `scripts/screen_ybco13.py` uses, so screened folds are reused);
an interrupted run resumes. The CPU time of the folds' own runs (beyond a shared pretraining such as --init lim_l6) is printed
at the end (budget: 4 CPU hours for the twenty).
"""
import argparse, json, shutil, subprocess, sys
from pathlib import Path
from nesf.checkpoint import half_checkpoint, load_checkpoint
from nesf.models import stamp_recon
from nesf.training import checkpoint_cpu_seconds

NESF = str(Path(sys.executable).parent / 'nesf')
W = Path('data/weights')
RECON_CHOSEN_ON = 'YBCO13_fold0..19/val (the 20 val splits pooled: 100 structures)'

def ship(recipe: str, k: int, train_args: list, recon: dict) -> float:
    "Train fold `k` (resuming; a finished run is reused), ship it and its metrics: its CPU seconds."
    out, stem = Path('runs/ybco13') / recipe / f'fold{k}', W / f'nesf_ybco13_fold{k}'
    if not (out / 'model.pt').exists():
        subprocess.run([NESF, 'train', '--dataset', f'YBCO13_fold{k}', '--split', 'train', '--preset', 'cpu',
                        '--out', str(out), '--quiet', *train_args], check=True)
    half_checkpoint(out / 'model.pt', stem.with_suffix('.pt')); shutil.copy(out / 'log.jsonl', stem.with_suffix('.log.jsonl'))
    if recon: stamp_recon(stem.with_suffix('.pt'), recon, RECON_CHOSEN_ON)
    ev = [NESF, 'evaluate', '--model', f'ybco13-fold{k}', '--dataset', f'YBCO13_fold{k}', '--split', 'test', '--quiet']
    subprocess.run(ev + ['--by', 'system', '--by', 'size', '--json', f'{stem}.metrics.json'], check=True)
    subprocess.run(ev + ['--plain', '--json', f'{stem}.plain.metrics.json'], check=True)
    ck = load_checkpoint(out / 'model.pt')
    return checkpoint_cpu_seconds(ck) - float(ck.get('init_cpu_seconds', 0.0))   # this fold's run, beyond the shared pretraining

def main():
    argv = sys.argv[1:]; extra = argv[argv.index('--') + 1:] if '--' in argv else []
    p = argparse.ArgumentParser(); p.add_argument('recipe'); p.add_argument('--folds', default='0-19'); p.add_argument('--recon', type=json.loads, default={})
    a = p.parse_args(argv[:argv.index('--')] if '--' in argv else argv)
    lo, hi = map(int, a.folds.split('-'))
    cpu = {k: ship(a.recipe, k, extra, a.recon) for k in range(lo, hi + 1)}
    for k, s in cpu.items():
        m = json.loads((W / f'nesf_ybco13_fold{k}.metrics.json').read_text())
        print(f"fold {k}: {s / 3600:.3f} CPU h; test atoms {m['atom_count_error_pct']:.0f} %, match {m['match_rate']:.0f} %")
    print(f'CPU hours, these folds together: {sum(cpu.values()) / 3600:.2f}')

if __name__ == '__main__': main()
