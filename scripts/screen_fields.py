"""One row of the field-quality screen (`06_training`, issue 18): fine-tune or train a NeSF model with a CPU-hour
budget, then score it on a validation split by crystal system and by cell size; the row is appended to a JSONL file.
Run it again with the same --name to resume (and, with a larger --cpu-hours, to continue the same schedule)."""
import argparse, json, time
from dataclasses import replace
from pathlib import Path
from nesf.data import load_split
from nesf.training import TrainConfig, PRESETS, train, load_checkpoint, checkpoint_cpu_seconds
from nesf.models import evaluate

p = argparse.ArgumentParser(description=__doc__)
p.add_argument('--name', required=True); p.add_argument('--dataset', default='lim_l6')
p.add_argument('--train-split', default='train'); p.add_argument('--val-split', default='val')
p.add_argument('--init'); p.add_argument('--extend', nargs='*', default=[], help='config fields to switch on: dec_cell dec_film dec_tokens=64')
p.add_argument('--preset', default='finetune'); p.add_argument('--lr', type=float); p.add_argument('--epochs', type=int)
p.add_argument('--balance', type=float, default=0.0); p.add_argument('--balance-by', default='atoms')
p.add_argument('--permute', type=float, default=0.0, help='share of each batch with its cell axes in a random order')
p.add_argument('--flip', type=float, default=0.0, help='share of each batch shown as its mirror image in the same cell')
p.add_argument('--cpu-hours', type=float, default=0.0, help='CPU-hour budget of this run (not counting --init)')
p.add_argument('--runs', default='runs/screen'); p.add_argument('--out', default='data/experiments/screen_fields.jsonl')
p.add_argument('--no-eval', action='store_true'); p.add_argument('--eval-only', help='score this checkpoint as it is: no training')
a = p.parse_args()

tc = replace(PRESETS[a.preset](), max_hours=a.cpu_hours, balance=a.balance, balance_by=a.balance_by, permute=a.permute, flip=a.flip,
             **{k: v for k, v in dict(lr=a.lr, epochs=a.epochs).items() if v is not None})
extend = {k: (int(v) if v else True) for k, _, v in (e.partition('=') for e in a.extend)}
ds, val = (None if a.eval_only else load_split(a.dataset, a.train_split)), load_split(a.dataset, a.val_split)
path = a.eval_only or train(ds, Path(a.runs) / a.name, tc=tc, val=val, dataset_name=a.dataset, split=a.train_split,
                           init=a.init, extend=extend or None)
ck = load_checkpoint(path)
row = dict(name=a.name, dataset=a.dataset, val_split=a.val_split, init=a.init or ck.get('init_from'), extend=a.extend, train_config=ck.get('train_config'),
           epochs=ck['epoch'], cpu_hours=round(checkpoint_cpu_seconds(ck) / 3600, 3),
           run_cpu_hours=round((checkpoint_cpu_seconds(ck) - ck.get('init_cpu_seconds', 0.0)) / 3600, 3), device=ck['device'])
if not a.no_eval:
    m = evaluate(path, val, mode='periodic', by=('system', 'size'))
    row.update({k: m[k] for k in ('atom_count_error_pct', 'position_error_actual_A', 'species_error_actual_pct', 'match_rate', 'by_system', 'by_size')})
    with open(a.out, 'a') as f: f.write(json.dumps(row) + '\n')    # a row without scores is not a screen row: score it later with --eval-only
print(json.dumps({k: v for k, v in row.items() if k not in ('train_config', 'by_size')}, indent=1))
