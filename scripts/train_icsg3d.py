#!/usr/bin/env python
"""Train the honest ICSG3D voxel baseline (`icsg3d-baseline`) on ICSG3D train_disjoint within a CPU budget.

The U-Net is the one trained here on the ground-truth grids of train_disjoint (the U-Net of `icsg3d-official`,
`scripts/train_icsg3d_unet.py`; it never saw a VAE, val or test). The VAE is trained from scratch on
train_disjoint against it, frozen (`nesf.icsg3d.train_vae_run`); run again with the same --run to resume.
The baseline's budget (4 CPU hours) counts the U-Net's CPU seconds as well as the VAE's: --minutes defaults to
what the U-Net left. Writes data/weights/icsg3d_baseline.pt (a plain dict, torch.load(weights_only=True)).

    NESF_DATA_MIRROR=... OMP_NUM_THREADS=2 python scripts/train_icsg3d.py [--minutes M] [--run runs/icsg3d_baseline_vae]
"""
import argparse, platform
import torch
from nesf.data import load_split
from nesf.icsg3d import VAERun, VoxelConfig, load_baseline, save_baseline, train_vae_run

BUDGET_S = 4 * 3600

def unet_of(path):
    "The U-Net of a baseline checkpoint (`load_baseline`) and its CPU seconds (its own run and whatever it started from)."
    _, unet, _, ck = load_baseline(path); t = ck['training']['unet']
    assert ck['split'] == 'train_disjoint', ck['split']
    return unet, t, float(t['seconds']) + float(t.get('init_seconds', 0))

def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument('--unet', default='data/weights/icsg3d_official.pt', help='checkpoint whose U-Net (trained on train_disjoint) the baseline uses')
    p.add_argument('--minutes', type=float, default=None, help='VAE CPU minutes in all (default: what the U-Net left of 4 CPU hours)')
    p.add_argument('--lr', type=float, default=VAERun.lr); p.add_argument('--run', default='runs/icsg3d_baseline_vae')
    p.add_argument('--readout', default='fit', choices=['fit', 'range'], help="lattice read-out (chosen on ICSG3D val)")
    p.add_argument('--out', default='data/weights/icsg3d_baseline.pt'); p.add_argument('-n', type=int, default=None)
    a = p.parse_args()
    unet, tu, unet_s = unet_of(a.unet)
    minutes = a.minutes if a.minutes is not None else (BUDGET_S - unet_s) / 60
    ds = load_split('ICSG3D', 'train_disjoint', n=a.n)
    vae, tv = train_vae_run(ds, a.run, unet, VAERun(minutes=minutes, lr=a.lr))
    tv['device'] = f'cpu ({platform.processor() or platform.machine()}), {torch.get_num_threads()} thread(s)'
    total = round((unet_s + tv['seconds']) / 3600, 3)
    print(save_baseline(a.out, vae, unet, VoxelConfig(), dataset='ICSG3D', split='train_disjoint', n_train=len(ds),
                        training=dict(unet=tu, vae=tv, cpu_hours_total=total, unet_from=str(a.unet)),
                        readout=dict(method=a.readout, shrink=False), condition=dict(bin=0), mask_threshold=0.8,
                        protocol='honest: VAE and U-Net trained here on ICSG3D train_disjoint only (no val or test material)',
                        torch_version=str(torch.__version__)), f'{total} CPU hours in all')

if __name__ == '__main__':
    main()
