"Repository hygiene: the library is what the notebooks export, notebooks are clean, no data is tracked."
import os, shutil, subprocess, sys, tempfile
from pathlib import Path
import pytest

ROOT = Path(__file__).resolve().parent.parent
NBS = sorted((ROOT / 'nbs').glob('*.ipynb'))
BIN = Path(sys.executable).parent


def test_library_matches_notebooks():
    "Exporting every notebook into a scratch copy of the repository reproduces nesf/*.py exactly."
    with tempfile.TemporaryDirectory() as d:
        d = Path(d)
        shutil.copytree(ROOT / 'nbs', d / 'nbs'); shutil.copy(ROOT / 'settings.ini', d)
        (d / 'nesf').mkdir(); shutil.copy(ROOT / 'nesf' / '__init__.py', d / 'nesf')
        env = {k: v for k, v in os.environ.items() if k != 'IN_TEST'}      # under IN_TEST nbdev_export does nothing
        subprocess.run([str(BIN / 'nbdev_export')], cwd=d, check=True, capture_output=True, env=env)
        made = {p.name: p.read_text() for p in (d / 'nesf').glob('*.py')}
    assert set(made) > {'__init__.py'}, 'nbdev_export wrote no modules into the scratch copy (is IN_TEST set?)'
    for name, text in made.items():
        assert (ROOT / 'nesf' / name).exists(), f'nesf/{name} missing: run nbdev_export'
        assert (ROOT / 'nesf' / name).read_text() == text, f'nesf/{name} differs from its notebook: run nbdev_export'


@pytest.mark.parametrize('nb', NBS, ids=lambda p: p.name)
def test_notebook_clean(nb):
    "Each notebook is exactly as nbdev_clean leaves it (and carries no saved widget state)."
    with tempfile.TemporaryDirectory() as d:
        copy = Path(d) / nb.name; shutil.copy(nb, copy)
        subprocess.run([str(BIN / 'nbdev_clean'), '--fname', str(copy)], cwd=ROOT, check=True, capture_output=True)
        assert copy.read_bytes() == nb.read_bytes(), f'{nb.name} is not clean: run nbdev_clean'
    assert '"widgets"' not in nb.read_text().split('"metadata"')[-1], f'{nb.name} carries saved widget state'


def test_no_data_tracked():
    "The paper's data stay in the mirror: no pickles, no dataset folders, nothing over 10 MiB in the repository."
    files = subprocess.run(['git', 'ls-files'], cwd=ROOT, capture_output=True, text=True).stdout.split()
    assert not [f for f in files if f.endswith(('.pkl', '.pickle'))]
    assert not [f for f in files if 'dataset_attr.json' in f]
    big = [f for f in files if (ROOT / f).exists() and (ROOT / f).stat().st_size > 10 * 2**20]
    assert not big, f'tracked files over 10 MiB: {big}'
