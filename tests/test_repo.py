"Repository hygiene: the library is what the notebooks export, notebooks are clean, no data is tracked."
import json, subprocess, tempfile
from pathlib import Path
import pytest

ROOT = Path(__file__).resolve().parent.parent
NBS = sorted((ROOT / 'nbs').glob('[0-9]*.ipynb'))


def test_library_matches_notebooks():
    "Exporting every notebook into a scratch folder reproduces nesf/*.py exactly."
    from nbdev.export import nb_export
    with tempfile.TemporaryDirectory() as d:
        for nb in NBS: nb_export(nb, lib_path=d)
        made = {p.name: p.read_text() for p in Path(d).glob('*.py')}
    for name, text in made.items():
        assert (ROOT / 'nesf' / name).exists(), f'nesf/{name} missing: run nbdev_export'
        assert (ROOT / 'nesf' / name).read_text() == text, f'nesf/{name} differs from its notebook: run nbdev_export'


@pytest.mark.parametrize('nb', NBS + [ROOT / 'nbs' / 'index.ipynb'], ids=lambda p: p.name)
def test_notebook_clean(nb):
    "Notebooks are stored as nbdev_clean leaves them (no outputs' execution counts, no stray metadata)."
    from nbdev.clean import clean_nb
    raw = json.loads(nb.read_text())
    cleaned = json.loads(json.dumps(raw)); clean_nb(cleaned)
    assert raw == cleaned, f'{nb.name} is not clean: run nbdev_clean'
    assert 'widgets' not in raw.get('metadata', {}), f'{nb.name} carries saved widget state'


def test_no_data_tracked():
    "The paper's data stay in the mirror: no pickles, no dataset folders in the repository."
    files = subprocess.run(['git', 'ls-files'], cwd=ROOT, capture_output=True, text=True).stdout.split()
    assert not [f for f in files if f.endswith(('.pkl', '.pickle'))]
    assert not [f for f in files if 'dataset_attr.json' in f]
    big = [f for f in files if (ROOT / f).exists() and (ROOT / f).stat().st_size > 10 * 2**20]
    assert not big, f'tracked files over 10 MiB: {big}'
