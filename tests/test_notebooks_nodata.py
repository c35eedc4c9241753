"""Every notebook runs top to bottom as a new reader without the paper data would run it: no NESF_DATA_MIRROR,
an empty download cache, and outside quick mode (NESF_QUICK=0). `make test` runs the notebooks in quick mode
with the data; this test runs them all again, in one fresh pytest + nbval process (one process, not one per
notebook: a process start costs several seconds of imports), in that other corner.

Lessons that need data they lack must skip with a printed reason; anything else that fails here is a notebook
that would stop with an error for such a reader. `NESF_NODATA_SKIP` (space-separated notebook names) leaves
notebooks out, e.g. while one is being split."""
import os, re, subprocess, sys, tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SKIP = set(os.environ.get('NESF_NODATA_SKIP', '').split())


def test_notebooks_run_without_data_in_full_mode():
    nbs = [p.name for p in sorted((ROOT / 'nbs').glob('*.ipynb')) if p.name not in SKIP and p.stem not in SKIP]
    if SKIP: print('left out by NESF_NODATA_SKIP:', ' '.join(sorted(SKIP)))
    with tempfile.TemporaryDirectory() as cache:
        env = {k: v for k, v in os.environ.items() if k != 'NESF_DATA_MIRROR'}
        # IN_TEST: the notebooks' closing nbdev_export() leaves nesf/*.py alone (the other xdist worker imports them)
        env.update(NESF_QUICK='0', IN_TEST='1', NESF_CACHE=cache, TQDM_DISABLE='1',
                   PYTHONPATH=os.pathsep.join([str(ROOT)] + [p for p in [os.environ.get('PYTHONPATH')] if p]))
        r = subprocess.run([sys.executable, '-m', 'pytest', '-q', '-p', 'no:cacheprovider', '--nbval-lax', '--nbval-current-env',
                            '--nbval-cell-timeout=900', '--durations=5', *nbs], cwd=ROOT / 'nbs', env=env, capture_output=True, text=True)
    print(r.stdout[-1500:])
    failed = sorted(set(re.findall(r'^FAILED (\S+?\.ipynb)', r.stdout, re.M)))
    assert r.returncode == 0, (f'without the paper data, outside quick mode, these notebooks stop with an error: {failed}\n'
                               f'{r.stdout[-6000:]}\n{r.stderr[-2000:]}')
