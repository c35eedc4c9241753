"""pytest configuration shared by tests/ and the notebooks under nbval.

Notebooks are committed with their outputs (so a reader sees every table and figure unrun), and `nbdev_clean`
blanks every execution count. nbval reads a blank count on a cell with outputs as "never run" and fails it
("Unrun reference cell has outputs"). A cell that holds outputs was run: mark it as the reference. nbval still
compares outputs only where a cell says `# NBVAL_CHECK_OUTPUT` (`--nbval-lax`), e.g. the results tables."""
import pytest


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(items):
    for item in items:
        cell = getattr(item, 'cell', None)
        if cell is not None and cell.get('outputs') and cell.get('execution_count') is None:
            cell['execution_count'] = 1
    _longest_first(items)


# The longest files first: under `make test`'s two xdist workers (`--dist loadfile --no-loadscope-reorder`, a file per
# worker at a time, in this order) they start at once instead of one of them being left alone at the end.
LONGEST = ('tests/test_notebooks_nodata.py', 'nbs/90_paper.ipynb', 'tests/test_install.py')


def _longest_first(items):
    rank = lambda item: next((k for k, f in enumerate(LONGEST) if item.nodeid.startswith(f)), len(LONGEST))
    items.sort(key=rank)
