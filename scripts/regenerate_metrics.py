"""Re-evaluate shipped models and rewrite their committed metrics files (after a change to the reconstruction pipeline).
  python scripts/regenerate_metrics.py icsg3d icsg3d-paper-protocol ybco13-fold0 lim_l6 icsg3d:cmr_perov5_val
NAME alone: the split its metrics file names (its test split); NAME:SPLIT: the file `<stem>.<split>.metrics.json`
(a first file for a new split is evaluated on the model's own dataset). --by: add the per-crystal-system and
per-cell-size breakdowns (`by_system`, `by_size`) to the files (kept once there). --plain: also rewrite the plain
encoder's file (`<stem>.plain.metrics.json`) where the model has one."""
import json, sys
from nesf.data import load_split, atomic_write
from nesf.models import evaluate, load
from nesf.paper import metrics_path, load_metrics, regenerate

BY = ('system', 'size') if '--by' in sys.argv else ()
KEYS = ('atom_count_error_pct', 'position_error_actual_A', 'position_error_detected_A', 'species_error_actual_pct',
        'species_error_detected_pct', 'match_rate', 'seconds_per_structure')

def write(name: str, split: str, plain: bool):
    old = load_metrics(name, split or None, plain)
    if plain: d = regenerate(name, split=split or None, by=(), plain=True)
    else: d = regenerate(name, split=split or None, by=BY or None) if old else evaluate(name, load_split(load(name).ck['dataset'], split), by=BY)
    d['split'] = d['dataset'].split('/')[1]
    atomic_write(metrics_path(name, split or None, plain), json.dumps(d, indent=2).encode())
    print(name, split, 'plain' if plain else '', {k: round(d[k], 4) for k in KEYS}, flush=True)

for arg in [a for a in sys.argv[1:] if not a.startswith('--')]:
    name, _, split = arg.partition(':')
    write(name, split, False)
    if '--plain' in sys.argv and load_metrics(name, split or None, plain=True): write(name, split, True)
