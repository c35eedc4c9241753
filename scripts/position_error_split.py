#!/usr/bin/env python
"""Where a shipped model's position error (actual) comes from: the structures reconstructed with the right atom count
against the miscounted ones (a missing atom's distance to its nearest found atom is an ångström or more). A
diagnosis, nothing is chosen by it. The distances are `nesf_metrics`'s in periodic mode (predicted
fractional coordinates in the true cell, minimum image), with the model's shipped pipeline (species code, its
stamped constants).

    NESF_DATA_MIRROR=... python scripts/position_error_split.py lim_l6 lim_l6 val
"""
import sys
from nesf.data import load_split
from nesf.metrics import nesf_metrics, structure_groups, subset
from nesf.models import load, _reconstruct_all

def error_sum(rec, ds, idx) -> tuple:
    "The summed position error (actual) over the true atoms of structures `idx`, and their number."
    idx = list(idx)
    if not idx: return 0.0, 0
    n = sum(len(ds.crystals[i]) for i in idx)
    m = nesf_metrics(subset(rec, idx), [ds.crystals[i] for i in idx], 'periodic')
    return m['position_error_actual_A'] * n, n

def main(model: str, dataset: str, split: str):
    ds, m = load_split(dataset, split), load(model)
    rec = _reconstruct_all(m, ds, 64, False)[0]    # the batched reconstruction `evaluate` runs
    ok = [i for i, t in enumerate(ds.crystals) if len(rec.cart[i]) == len(t)]
    bad = sorted(set(range(len(ds))) - set(ok))
    (s_ok, n_ok), (s_bad, n_bad) = error_sum(rec, ds, ok), error_sum(rec, ds, bad)
    print(f'{model} on {dataset}/{split}: {len(ds)} structures, {len(ok)} with the right atom count, {len(bad)} miscounted')
    print(f'position error (actual), mean over true atoms: all {(s_ok + s_bad) / (n_ok + n_bad):.4f} Å, right count '
          f'{s_ok / n_ok:.4f} Å, miscounted {s_bad / max(n_bad, 1):.4f} Å; share of the summed error from the '
          f'miscounted: {s_bad / (s_ok + s_bad):.2f}')
    by, systems = {}, structure_groups(ds.crystals, 'system')
    for i in ok: by.setdefault(systems[i], []).append(i)
    for s, idx in sorted(by.items(), key=lambda kv: -len(kv[1])):
        e, n = error_sum(rec, ds, idx); print(f'  right count, {s}: {len(idx)} structures, {e / n:.4f} Å')

if __name__ == '__main__': main(*(sys.argv[1:4] if len(sys.argv) > 3 else ('lim_l6', 'lim_l6', 'val')))
