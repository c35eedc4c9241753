#!/usr/bin/env python
"""Train the ICSG3D U-Net segmenter on ground-truth grids of ICSG3D train_disjoint, within a CPU-time budget
(the process's user + system seconds, all threads), checkpointed and resumable (re-run the same command to continue). This is the U-Net of `icsg3d-official` (the
official VAE weights are ported; the official U-Net weights are lost, so it is trained here). The loop is
`nesf.icsg3d.train_unet_run` (nbs/07b_icsg3d.ipynb, with the losses explained there).

    NESF_DATA_MIRROR=... python scripts/train_icsg3d_unet.py --out runs/icsg3d_unet --minutes 30 [--init CHECKPOINT]

--minutes is CPU minutes: on 2 threads, 120 CPU minutes take about an hour.
"""
import argparse
from nesf.data import load_split
from nesf.icsg3d import UNetRun, train_unet_run

p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
p.add_argument('--data', default=None); p.add_argument('--split', default='train_disjoint')
p.add_argument('--out', required=True); p.add_argument('--minutes', type=float, default=30.0)
p.add_argument('--width', type=int, default=4); p.add_argument('--lr', type=float, default=2e-3)
p.add_argument('--batch', type=int, default=10); p.add_argument('--loss', choices=['foreground', 'faithful'], default='foreground')
p.add_argument('--init', default=None, help='checkpoint whose unet_state starts the run'); p.add_argument('--seed', type=int, default=0)
p.add_argument('--save-every', type=float, default=120, help='seconds between checkpoints')
a = p.parse_args()
run = UNetRun(minutes=a.minutes, width=a.width, lr=a.lr, batch=a.batch, loss=a.loss, seed=a.seed, save_every=a.save_every)
print('done:', train_unet_run(load_split('ICSG3D', a.split, a.data), a.out, run, a.split, a.init), flush=True)
