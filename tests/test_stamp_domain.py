"scripts/stamp_domain.py writes the domain of a training split into a copy of a shipped checkpoint, and nothing else changes."
import os, shutil, subprocess, sys
from pathlib import Path
import pytest, torch

ROOT = Path(__file__).resolve().parent.parent


def test_stamp_domain(tmp_path):
    from nesf.data import NeSFDataError, find_split
    try: find_split('YBCO13_fold0', 'train')
    except NeSFDataError: pytest.skip('YBCO13_fold0/train is not here (set NESF_DATA_MIRROR)')
    ck = tmp_path / 'ybco.pt'; shutil.copy(ROOT / 'data' / 'weights' / 'nesf_ybco13_fold0.pt', ck)
    before = torch.load(ck, weights_only=True); before.pop('domain', None)
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    r = subprocess.run([sys.executable, str(ROOT / 'scripts' / 'stamp_domain.py'), str(ck), 'YBCO13_fold0', 'train'], env=env, capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    after = torch.load(ck, weights_only=True); d = after.pop('domain')
    assert d['n_structures'] == 90 and d['n_atoms'] == [13, 13] and (d['dataset'], d['split']) == ('YBCO13_fold0', 'train')
    assert set(after) == set(before) and all(torch.equal(after['model'][k], before['model'][k]) for k in before['model'])
    r = subprocess.run([sys.executable, str(ROOT / 'scripts' / 'stamp_domain.py'), str(ck), 'ICSG3D', 'test'], env=env, capture_output=True, text=True)
    assert r.returncode == 2 and 'vocabulary' in r.stderr and 'Traceback' not in r.stderr, r.stderr
