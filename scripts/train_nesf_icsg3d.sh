#!/usr/bin/env bash
# The shipped NeSF ICSG3D recipe, both stages: the cpu preset (48 epochs), then the finetune preset from it (24 epochs,
# peak rate 2e-4). The final checkpoint's training time counts both stages (<= 2 h on 2 CPU cores; finetune caps it).
#   scripts/train_nesf_icsg3d.sh [SPLIT] [OUT]     SPLIT: train_disjoint (honest, default) or train (paper protocol)
# Add DEVICE=cuda to train on a GPU. Each stage resumes after a kill: re-run the same command.
# The shipped lim_l6 model is the same two stages with a 20-epoch first stage:
#   DATASET=lim_l6 EPOCHS1=20 scripts/train_nesf_icsg3d.sh train runs/nesf_lim_l6
set -euo pipefail
NESF=${NESF:-.venv/bin/nesf}; dataset=${DATASET:-ICSG3D}; split=${1:-train_disjoint}; out=${2:-runs/nesf_icsg3d_$split}
dev=${DEVICE:+--device $DEVICE}; e1=${EPOCHS1:+--epochs $EPOCHS1}
$NESF train --dataset "$dataset" --split "$split" --preset cpu --out "$out/stage1" --quiet $dev $e1
$NESF train --dataset "$dataset" --split "$split" --preset finetune --init "$out/stage1/model.pt" --out "$out/stage2" --quiet $dev
# one run folder for scripts/ship.sh: the final weights, and both stages' logs joined (epochs and steps count on)
cp "$out/stage2/model.pt" "$out/model.pt"
${PYTHON:-.venv/bin/python} - "$out" <<'PY'
import json, sys
from pathlib import Path
out = Path(sys.argv[1]); read = lambda p: [json.loads(l) for l in p.read_text().splitlines() if l.strip()]
s1, s2 = read(out / 'stage1/log.jsonl'), read(out / 'stage2/log.jsonl')
rows = [dict(r, stage=1) for r in s1] + [dict(r, epoch=r['epoch'] + s1[-1]['epoch'], step=r['step'] + s1[-1]['step'], stage=2) for r in s2]
(out / 'log.jsonl').write_text(''.join(json.dumps(r) + '\n' for r in rows))
PY
echo "weights: $out/model.pt (ship with: scripts/ship.sh $out NAME $dataset test)"
