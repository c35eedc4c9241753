"""Re-evaluate shipped models and rewrite their committed metrics files (after a change to the reconstruction pipeline).
  python scripts/regenerate_metrics.py icsg3d icsg3d-paper-protocol ybco13-fold0 lim_l6 icsg3d:cmr_perov5_val
NAME alone: the split its metrics file names (its test split); NAME:SPLIT: the file `<stem>.<split>.metrics.json`."""
import json, sys
from nesf.data import load_split, atomic_write
from nesf.models import evaluate, load_model
from nesf.paper import metrics_path, load_metrics

for arg in sys.argv[1:]:
    name, _, split = arg.partition(':')
    old = load_metrics(name, split or None)
    if old is not None: dataset, sp = old['dataset'].split('/')
    else: dataset, sp = load_model(name)[1]['dataset'], split
    d = evaluate(name, load_split(dataset, sp), old.get('mode') if old else None)
    d['split'] = sp
    atomic_write(metrics_path(name, split or None), json.dumps(d, indent=2).encode())
    print(name, sp, {k: round(d[k], 4) for k in ('atom_count_error_pct', 'position_error_actual_A', 'position_error_detected_A',
          'species_error_actual_pct', 'species_error_detected_pct', 'match_rate', 'seconds_per_structure')}, flush=True)
