#!/usr/bin/env python
"""Exploration behind the domain fallback (`06c_inference`), on val only: a shipped model's val structures
reconstructed from the same fields with sixteen settings of the particle algorithm (the model's constants, then one
changed at a time). For each structure and setting: the atom count, the anonymous formula, and how well the
reconstruction's exact position field agrees with the learned one (mean distance on a 10^3 fractional grid of the
predicted cell). Prints the wrong counts of each setting, of an oracle over them, of picking the setting that agrees
best with the field, and of picking the first answer of the highest `domain_tier` (in the order of `SETTINGS`).

    NESF_DATA_MIRROR=... python scripts/screen_fallback_settings.py lim_l6 lim_l6 [--out DIR]
    (the YBCO13 folds: ybco13-fold<k> YBCO13_fold<k>, one call per fold)
"""
import argparse, json
from dataclasses import replace
from pathlib import Path
import numpy as np, torch
from nesf.data import load_split
from nesf.domain import domain_tier
from nesf.models import load
from nesf.inference import model_fields, recon_config
from nesf.reconstruction import reconstruct, ExactFields

SETTINGS = {'base': {}, **{f'mc{m}': dict(min_cluster=m) for m in (5, 7, 12, 15, 20, 30)}, 'noverify': dict(verify_tol=None),
            **{f'v{t}': dict(verify_tol=t) for t in (0.4, 0.7, 0.9)}, 'r0.6': dict(residual=0.6), 'n32': dict(n_iter=32),
            'g0.5': dict(grid_step=0.5), 'nms0.4': dict(nms_radius=0.4), 'nms0.6': dict(nms_radius=0.6)}

def agreement(src, rec, n: int = 10) -> np.ndarray:
    "Per structure: mean |learned - exact| position field of reconstruction `rec` on an n^3 fractional grid (inf: empty)."
    g = (np.arange(n) + 0.5) / n; fg = np.stack(np.meshgrid(g, g, g, indexing='ij'), -1).reshape(-1, 3)
    L = src.lattice().double().numpy(); out = np.full(len(rec), np.inf)
    for i, c in enumerate(rec.crystals()):
        if c is None: continue
        q = torch.tensor(fg @ L[i], dtype=torch.float32); sid = torch.full((len(q),), i)
        ve = ExactFields([c], rec.vocab, src.mode).position(q, torch.zeros(len(q), dtype=torch.long)).float()
        out[i] = (src.position(q, sid).float() - ve).norm(dim=-1).mean().item()
    return out

def explore(model: str, dataset: str) -> dict:
    ds, m = load_split(dataset, 'val'), load(model, fallback=False); base = recon_config(m.model, m.recon)
    res = {k: dict(count=[], tier=[], agree=[]) for k in SETTINGS}
    for s in range(0, len(ds), 64):
        src = model_fields(m.model, ds.crystals[s:s + 64], m.vocab, m.refine)
        for k, kw in SETTINGS.items():
            rec = reconstruct(src, replace(base, **kw)); cs = rec.crystals()
            res[k]['count'] += [len(x) for x in rec.cart]; res[k]['agree'] += agreement(src, rec).tolist()
            res[k]['tier'] += [domain_tier(c, m.domain) for c in cs]
    return dict(model=model, data=f'{dataset}/val', truth=[len(c) for c in ds.crystals], res=res)

def summary(d: dict) -> dict:
    "Wrong counts of each setting, of an oracle over them, of the best-agreeing setting and of the first answer of the highest `domain_tier`."
    T, R = np.array(d['truth']), d['res']; cols = np.arange(len(T))
    C = np.array([R[k]['count'] for k in SETTINGS]); A = np.array([R[k]['agree'] for k in SETTINGS]); G = np.array([R[k]['tier'] for k in SETTINGS])
    return dict(n=len(T), per_setting={k: int((C[j] != T).sum()) for j, k in enumerate(SETTINGS)}, oracle=int((~(C == T).any(0)).sum()),
                best_agreement=int((C[A.argmin(0), cols] != T).sum()), first_in_domain=int((C[G.argmax(0), cols] != T).sum()))

if __name__ == '__main__':
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument('model'); p.add_argument('dataset'); p.add_argument('--out', default='/tmp/nesf_fallback_settings')
    a = p.parse_args(); d = explore(a.model, a.dataset)
    Path(a.out).mkdir(parents=True, exist_ok=True); (Path(a.out) / f'{a.model}.json').write_text(json.dumps(d))
    print(a.model, summary(d))
