"""Check that nesf trains on a GPU as it does on the CPU (needs a CUDA GPU): `python scripts/gpu_check.py`.

1. The exact fields agree on both devices, in both modes.
2. The same few training steps on the CPU and on the GPU (same starting weights, same queries) give the same
   losses to rounding; the GPU run is repeatable; its checkpoint holds CPU tensors and loads on a CPU.
3. With two or more GPUs, two `torchrun` ranks (nccl) end with identical replicas.
Prints one JSON line of what it measured; exits non-zero on the first failed check."""
import json, os, subprocess, sys, tempfile, time
from dataclasses import replace
from pathlib import Path
import torch
from nesf.data import CrystalDataset, textbook_crystals
from nesf.encoder import NeSFConfig
from nesf.fields import collate, nearest_atom, cell_queries
from nesf.training import TrainConfig, train, pick_device
from nesf.checkpoint import load_checkpoint, model_from_checkpoint

if not torch.cuda.is_available(): sys.exit('gpu_check: torch sees no GPU; nothing to check')
dev, out = pick_device(), {}
out['gpu'] = torch.cuda.get_device_name(dev)
toy = CrystalDataset(textbook_crystals() * 4, [8, 11, 13, 16, 17, 22, 25, 29, 30, 38], 'textbook')

b = collate(toy.crystals[:4], toy.vocab)
x, s = cell_queries(b, 2000, torch.Generator().manual_seed(0))
for mode in ('paper', 'periodic'):
    v0, j0 = nearest_atom(x, s, b, mode)
    v1, j1 = nearest_atom(x.to(dev), s.to(dev), b.to(dev), mode)
    out[f'field_{mode}_max_abs_diff_A'] = float((v1.cpu() - v0).abs().max())
    assert out[f'field_{mode}_max_abs_diff_A'] < 1e-4 and (j1.cpu() == j0).float().mean() > 0.999, out

tc = replace(TrainConfig.quick(), epochs=3, batch_size=4, warmup_steps=2, lr=1e-3)
mc = NeSFConfig(len(toy.vocab), latent=32, enc_hidden=64, dec_hidden=64, dec_layers=3)
with tempfile.TemporaryDirectory() as d:
    logs = {}
    for name, device in (('cpu', 'cpu'), ('gpu', 'cuda'), ('gpu2', 'cuda')):
        t0 = time.time(); p = train(toy, f'{d}/{name}', mc, tc, progress=False, device=device); out[f'{name}_seconds'] = round(time.time() - t0, 2)
        logs[name] = [json.loads(l)['loss'] for l in Path(f'{d}/{name}/log.jsonl').read_text().splitlines()]
    out['loss_cpu'], out['loss_gpu'] = logs['cpu'], logs['gpu']
    out['first_epoch_loss_rel_diff'] = abs(logs['gpu'][0] - logs['cpu'][0]) / logs['cpu'][0]
    assert out['first_epoch_loss_rel_diff'] < 1e-3, out
    assert logs['gpu'][-1] < logs['gpu'][0], out
    ck, ck2 = load_checkpoint(f'{d}/gpu/model.pt'), load_checkpoint(f'{d}/gpu2/model.pt')
    out['gpu_repeatable'] = all(torch.equal(ck['model'][k], ck2['model'][k]) for k in ck['model'])
    assert all(v.device.type == 'cpu' for v in ck['model'].values()) and ck['device'].startswith('1x cuda'), ck['device']
    out['device_recorded'] = ck['device']
    model_from_checkpoint(ck)                                  # loads on the CPU

    if torch.cuda.device_count() >= 2:
        for c in textbook_crystals(): c.to_cif(Path(d) / 'cifs' / f'{c.id}.cif')
        (Path(d) / 'nesf_main.py').write_text('from nesf.cli import main; main()\n')
        r = subprocess.run([sys.executable, '-m', 'torch.distributed.run', '--nproc_per_node=2', f'{d}/nesf_main.py', 'train',
                            '--cifs', f'{d}/cifs', '--preset', 'quick', '--epochs', '2', '--batch-size', '1', '--out', f'{d}/ddp', '--quiet'],
                           capture_output=True, text=True)
        assert r.returncode == 0, r.stderr[-2000:]
        ck = load_checkpoint(f'{d}/ddp/model.pt')
        out['ddp_world_size'], out['ddp_replica_max_abs_diff'] = ck['ddp_world_size'], ck['ddp_replica_max_abs_diff']
        assert ck['ddp_replica_max_abs_diff'] == 0.0, out
    else: out['ddp'] = 'skipped: one GPU'
print(json.dumps(out))
print('gpu_check: all checks passed' + ('' if out['gpu_repeatable'] else ' (GPU runs were not bit-identical)'))
