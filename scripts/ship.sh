#!/usr/bin/env bash
# Ship a trained run under a registry name: copy its weights and log into data/weights/ and write the metrics JSON
# that `nesf evaluate` gives for it.      scripts/ship.sh RUN_DIR NAME DATASET SPLIT
# e.g. scripts/ship.sh runs/icsg3d icsg3d ICSG3D test
set -euo pipefail
run=$1; name=$2; dataset=$3; split=$4
BIN=${BIN:-.venv/bin}
stem=$($BIN/python -c "import sys; from nesf.models import MODELS; print(MODELS[sys.argv[1]].removesuffix('.pt'))" "$name")
mkdir -p data/weights
cp "$run/model.pt" "data/weights/$stem.pt"
cp "$run/log.jsonl" "data/weights/$stem.log.jsonl"
$BIN/nesf evaluate --model "$name" --dataset "$dataset" --split "$split" --json "data/weights/$stem.metrics.json" --quiet
cat "data/weights/$stem.metrics.json"
