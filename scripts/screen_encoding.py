"""Screen encodings (species-code refinement: steps and step size) of NeSF checkpoints on ICSG3D val and the new-materials split.
Never on test. Writes one JSON line per (model, split, setting) to data/experiments/screen_encoding.jsonl.
  python scripts/screen_encoding.py MODEL [MODEL ...] --settings 0:0 10:0.1 10:0.1:10:0.02   (species steps:lr[:position steps:lr])"""
import argparse, json, time
from pathlib import Path
import numpy as np
from nesf.data import load_split
from nesf.models import load
from nesf.inference import learned_reconstruct
from nesf.metrics import evaluate_reconstruction

p = argparse.ArgumentParser(); p.add_argument('models', nargs='+')
p.add_argument('--splits', nargs='+', default=['val', 'cmr_perov5_val']); p.add_argument('--dataset', default='ICSG3D')
p.add_argument('--settings', nargs='+', default=['0:0', '10:0.05']); p.add_argument('--out', default='data/experiments/screen_encoding.jsonl')
a = p.parse_args()
keys = ['atom_count_error_pct', 'position_error_actual_A', 'position_error_detected_A', 'species_error_actual_pct',
        'species_error_detected_pct', 'length_mae_A', 'match_rate']
for mp in a.models:
    model = load(mp); ck, m = model.ck, model.model
    for split in a.splits:
        if split == 'test': raise SystemExit('screening never uses test')
        ds = load_split(a.dataset, split)
        for s in a.settings:
            v = s.split(':'); steps, lr = int(v[0]), float(v[1]); psteps, plr = (int(v[2]), float(v[3])) if len(v) > 2 else (0, 0.0)
            t0 = time.time(); parts = []
            rec = learned_reconstruct(m, ds.crystals, model.vocab, refine=dict(steps=steps, lr=lr), refine_position=dict(steps=psteps, lr=plr))
            t = time.time() - t0
            out = evaluate_reconstruction(rec, ds.crystals, 'periodic', True)
            row = dict(model=str(mp), epochs=int(ck['epoch']), train_minutes=round(ck['wall_seconds'] / 60, 1), split=f'{a.dataset}/{split}',
                       n=len(ds), refine_steps=steps, refine_lr=lr, position_steps=psteps, position_lr=plr, s_per_structure=round(t / len(ds), 4), **{k: round(out[k], 4) for k in keys})
            print(json.dumps(row), flush=True)
            with open(a.out, 'a') as f: f.write(json.dumps(row) + '\n')
