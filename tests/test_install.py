"""Installable anywhere: a fresh venv outside the repository, `pip install torch==2.13.0`, then a plain (not editable)
`pip install PATH`; `nesf demo`, `nesf info`, `nesf reconstruct` and `nesf evaluate --model` then work in an empty folder, with the shipped weights
found inside the installed package. Set NESF_SKIP_INSTALL_TEST=1 to skip (it takes a minute or two, most of it pip)."""
import os, shutil, subprocess, sys, time
from pathlib import Path
import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGED = ['setup.py', 'settings.ini', 'README.md', 'MANIFEST.in', 'nesf', 'data/weights']   # all a build may read


@pytest.mark.skipif(os.environ.get('NESF_SKIP_INSTALL_TEST', '') not in ('', '0'), reason='NESF_SKIP_INSTALL_TEST is set')
def test_fresh_install_outside_the_repository(tmp_path):
    src, venv, work = tmp_path / 'src', tmp_path / 'venv', tmp_path / 'empty'
    for p in PACKAGED:      # a copy, so that the build writes nothing into the checkout and sees only what it ships
        (src / p).parent.mkdir(parents=True, exist_ok=True)
        if (ROOT / p).is_dir(): shutil.copytree(ROOT / p, src / p, ignore=shutil.ignore_patterns('__pycache__'))
        else: shutil.copy(ROOT / p, src / p)
    env = {k: v for k, v in os.environ.items() if k not in ('PYTHONPATH', 'NESF_WEIGHTS', 'VIRTUAL_ENV', 'PYTHONHOME')}
    env.update(OMP_NUM_THREADS='1', TQDM_DISABLE='1')
    base = getattr(sys, '_base_executable', sys.executable)
    run = lambda *a, **k: subprocess.run([str(x) for x in a], env=env, capture_output=True, text=True, **k)
    t0 = time.time()
    r = run(base, '-m', 'venv', venv); assert r.returncode == 0, r.stderr
    pip = venv / 'bin' / 'pip'
    r = run(pip, 'install', '-q', '--no-compile', 'torch==2.13.0'); assert r.returncode == 0, r.stderr[-3000:]
    r = run(pip, 'install', '-q', '--no-compile', src); assert r.returncode == 0, r.stderr[-3000:]
    t_install = time.time() - t0
    shutil.rmtree(src)                                              # nothing of the repository is left to lean on
    work.mkdir(); nesf = venv / 'bin' / 'nesf'
    r = run(nesf, 'demo', '--out', 'demo', cwd=work); assert r.returncode == 0, r.stderr
    assert r.stdout.count(' yes') == 4, r.stdout                    # the four textbook crystals come back matched
    r = run(nesf, 'info', '--json', '-', cwd=work); assert r.returncode == 0, r.stderr
    assert 'site-packages' in r.stdout and 'nesf/weights/nesf_icsg3d.pt' in r.stdout, r.stdout[:2000]
    r = run(nesf, 'reconstruct', 'demo/NaCl.cif', '-o', 'NaCl_out.cif', cwd=work); assert r.returncode == 0, r.stderr
    assert (work / 'NaCl_out.cif').read_text().startswith('# generated using pymatgen'), r.stdout
    assert 'match' in r.stdout, r.stdout
    (work / 'mine').mkdir()
    for f in ('NaCl', 'SrTiO3', 'Cu2MnAl', 'ZnS'): shutil.copy(work / 'demo' / f'{f}.cif', work / 'mine')
    r = run(nesf, 'evaluate', '--model', 'icsg3d', '--data', 'mine', '--json', '-', '--quiet', cwd=work); assert r.returncode == 0, r.stderr
    assert '"n_structures": 4' in r.stdout and '"match_rate": 100.0' in r.stdout, r.stdout
    r = run(venv / 'bin' / 'python', '-c', 'from nesf.paper import ybco13_folds_table as t; print(t()["n_folds"])', cwd=work)
    assert r.returncode == 0 and r.stdout.strip() == '20', r.stdout + r.stderr   # the YBCO13 20-fold row, from the installed package
    r = run(nesf, 'info', '--model', 'exact', cwd=work); assert r.returncode == 0 and 'not a trained model' in r.stdout, r.stdout + r.stderr
    print(f'fresh venv + pip install: {t_install:.0f} s; commands: {time.time() - t0 - t_install:.0f} s')
