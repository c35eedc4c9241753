"""Re-evaluate shipped models and rewrite their committed metrics files (after a change to the reconstruction pipeline).
  python scripts/regenerate_metrics.py icsg3d icsg3d-paper-protocol ybco13-fold0 lim_l6 icsg3d:cmr_perov5_val
NAME alone: the split its metrics file names (its test split); NAME:SPLIT: the file `<stem>.<split>.metrics.json`
(a first file for a new split is evaluated on the model's own dataset)."""
import json, sys
from nesf.data import load_split, atomic_write
from nesf.models import evaluate, load
from nesf.paper import metrics_path, load_metrics, regenerate

for arg in sys.argv[1:]:
    name, _, split = arg.partition(':')
    old = load_metrics(name, split or None)
    d = regenerate(name, split=split or None) if old else evaluate(name, load_split(load(name).ck['dataset'], split))
    d['split'] = d['dataset'].split('/')[1]
    atomic_write(metrics_path(name, split or None), json.dumps(d, indent=2).encode())
    print(arg, {k: round(d[k], 4) for k in ('atom_count_error_pct', 'position_error_actual_A', 'position_error_detected_A',
          'species_error_actual_pct', 'species_error_detected_pct', 'match_rate', 'seconds_per_structure')}, flush=True)
