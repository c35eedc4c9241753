#!/usr/bin/env bash
# The paper's 20-fold YBCO13 protocol: train one model per fold (cpu preset), evaluate it on the fold's test split.
# About 4 minutes per fold on 2 CPU cores (fold 19: 213 s) and 3 on one H100 (DEVICE=cuda). Then
# `nesf.paper.ybco13_folds_table("runs/ybco13")` gives mean +- std; the shipped summary is data/ybco13_folds/.
set -euo pipefail
NESF=${NESF:-.venv/bin/nesf}
for k in $(seq 0 19); do
  out=runs/ybco13/fold$k
  $NESF train --dataset YBCO13_fold$k --split train --preset cpu --epochs ${EPOCHS:-400} --batch-size 16 --out $out --quiet ${DEVICE:+--device $DEVICE}
  $NESF evaluate --model $out/model.pt --dataset YBCO13_fold$k --split test --json runs/ybco13/nesf_ybco13_fold$k.metrics.json --quiet
done
