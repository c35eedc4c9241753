#!/usr/bin/env python
"""Train the ICSG3D U-Net segmenter on ground-truth grids of ICSG3D train_disjoint, within a wall-time budget,
checkpointed and resumable (re-run the same command to continue). This is the U-Net of `icsg3d-official` (the
official VAE weights are ported; the official U-Net weights are lost, so it is trained here).

Loss (`--loss`): `foreground` (default) = cross-entropy over the species classes on atom voxels only (background
weight 0, unit weight for every element: the reference's *intended* w_0 = 0 without its inverse-frequency factors)
+ the mask's binary cross-entropy; `faithful` = the reference's effective 95 x CE (background included) + BCE.
Adam, cosine learning-rate decay over the budget, batch 10 unrotated ground-truth grids, plain shuffle per epoch.
`--init` starts from the U-Net of a checkpoint (e.g. the shipped icsg3d-baseline, whose U-Net had 7 minutes on the
same split); its training time is added to the budget's record.

    OMP_NUM_THREADS=1 NESF_DATA_MIRROR=... python scripts/train_icsg3d_unet.py --out runs/icsg3d_unet --minutes 30
"""
import argparse, io, json, math, os, time
os.environ.setdefault('OMP_NUM_THREADS', '1')
import torch
torch.set_num_threads(1)
from pathlib import Path
from nesf.data import load_split, atomic_write
from nesf.icsg3d import UNet3D, UNetConfig, unet_loss, voxel_batch, VoxelConfig, n_params

p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
p.add_argument('--data', default=None); p.add_argument('--split', default='train_disjoint')
p.add_argument('--out', required=True); p.add_argument('--minutes', type=float, default=30.0)
p.add_argument('--width', type=int, default=4); p.add_argument('--lr', type=float, default=2e-3)
p.add_argument('--batch', type=int, default=10); p.add_argument('--loss', choices=['foreground', 'faithful'], default='foreground')
p.add_argument('--init', default=None, help='checkpoint whose unet_state starts the run'); p.add_argument('--seed', type=int, default=0)
p.add_argument('--save-every', type=float, default=120, help='seconds between checkpoints')
a = p.parse_args()

out = Path(a.out); out.mkdir(parents=True, exist_ok=True); ckp = out / 'ckpt.pt'
ds = load_split('ICSG3D', a.split, a.data); vox = VoxelConfig()
unet = UNet3D(UNetConfig(width=a.width)); opt = torch.optim.Adam(unet.parameters(), a.lr, eps=1e-7)
w = torch.zeros(unet.config.n_classes); w[torch.as_tensor([int(z) for z in ds.vocab])] = 1.0
state = dict(step=0, seconds=0.0, epoch=0, pos=0, init_seconds=0.0, init=a.init)
gen = torch.Generator().manual_seed(a.seed); order = torch.randperm(len(ds), generator=gen)
if ckp.exists():
    ck = torch.load(ckp, weights_only=False)
    unet.load_state_dict(ck['unet_state']); opt.load_state_dict(ck['opt']); state = ck['state']; order = ck['order']
    print('resumed', state, flush=True)
elif a.init:
    ck = torch.load(a.init, weights_only=True, map_location='cpu')
    unet.load_state_dict(ck['unet_state']); state['init_seconds'] = float(ck.get('training', {}).get('unet', {}).get('seconds', 0))

def save(final=False):
    d = dict(unet_state=unet.state_dict(), opt=opt.state_dict(), state=state, order=order, args=vars(a))
    buf = io.BytesIO(); torch.save(d, buf); atomic_write(ckp, buf.getvalue())
    if final:
        d = dict(kind='icsg3d-unet', unet_config=dict(width=a.width, n_classes=95, in_ch=4), unet_state=unet.state_dict(),
                 params=n_params(unet), dataset='ICSG3D', split=a.split, n_train=len(ds),
                 loss=('CE on atom voxels (background weight 0, element weights 1) + mask BCE' if a.loss == 'foreground'
                       else '95 x CE (background included) + mask BCE (the reference\'s effective loss)'),
                 training=dict(steps=state['step'], epochs=round(state['epoch'] + state['pos'] / len(ds), 3),
                               seconds=round(state['seconds'], 1), init=a.init, init_seconds=state['init_seconds'],
                               lr=a.lr, batch=a.batch, schedule='cosine over the budget', device='cpu, 1 thread'))
        buf = io.BytesIO(); torch.save(d, buf); atomic_write(out / 'unet.pt', buf.getvalue())

budget = 60 * a.minutes; last = time.time(); unet.train(); logf = open(out / 'log.jsonl', 'a')
while state['seconds'] < budget:
    if state['pos'] + a.batch > len(ds):
        state['epoch'] += 1; state['pos'] = 0; order = torch.randperm(len(ds), generator=gen)
    t0 = time.time()
    ix = order[state['pos']:state['pos'] + a.batch].tolist(); state['pos'] += a.batch
    for g in opt.param_groups: g['lr'] = a.lr * 0.5 * (1 + math.cos(math.pi * min(1.0, state['seconds'] / budget)))
    x, lab, _, _ = voxel_batch([ds.crystals[i] for i in ix], vox)
    lg, mk = unet(x)
    loss = unet_loss(lg, mk, lab, a.loss == 'faithful', None if a.loss == 'faithful' else w)
    opt.zero_grad(); loss.backward(); opt.step()
    state['step'] += 1; state['seconds'] += time.time() - t0
    if state['step'] % 10 == 0:
        logf.write(json.dumps(dict(step=state['step'], epoch=round(state['epoch'] + state['pos'] / len(ds), 3), loss=round(loss.item(), 4),
                                   seconds=round(state['seconds'], 1), lr=opt.param_groups[0]['lr'])) + '\n'); logf.flush()
    if time.time() - last > a.save_every: save(); last = time.time()
save(final=True); print('done', state, flush=True)
