#!/usr/bin/env bash
# The shipped NeSF ICSG3D recipe, both stages: the cpu preset (48 epochs), then the finetune preset from it (24 epochs,
# peak rate 2e-4). The final checkpoint's training time counts both stages (<= 2 h on 2 CPU cores; finetune caps it).
#   scripts/train_nesf_icsg3d.sh [SPLIT] [OUT]     SPLIT: train_disjoint (honest, default) or train (paper protocol)
# Add DEVICE=cuda to train on a GPU. Each stage resumes after a kill: re-run the same command.
set -euo pipefail
NESF=${NESF:-.venv/bin/nesf}; split=${1:-train_disjoint}; out=${2:-runs/nesf_icsg3d_$split}
dev=${DEVICE:+--device $DEVICE}
$NESF train --dataset ICSG3D --split "$split" --preset cpu --out "$out/stage1" --quiet $dev
$NESF train --dataset ICSG3D --split "$split" --preset finetune --init "$out/stage1/model.pt" --out "$out/stage2" --quiet $dev
echo "weights: $out/stage2/model.pt"
