"The README's results table is exactly the table made from the committed metrics files."
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_readme_table_is_current():
    from nesf.paper import results_markdown
    readme = (ROOT / 'README.md').read_text()
    assert results_markdown() in readme, 'README.md results table is stale: run `make readme`'


def test_readme_first_screen_names_the_two_commands():
    first = '\n'.join((ROOT / 'README.md').read_text().splitlines()[:12])
    assert 'make demo' in first and 'make test' in first


def test_readme_first_screen_shows_the_python_api():
    first = '\n'.join((ROOT / 'README.md').read_text().splitlines()[:16])
    assert "nesf.load('icsg3d')" in first and '.autoencode(' in first and 'import nesf' in first


def test_readme_states_each_models_domain():
    "The scope table on the README's first screen is the one made from the shipped checkpoints' domains."
    from nesf.models import scope_domains
    from nesf.domain import domain_table
    readme = (ROOT / 'README.md').read_text()
    table = domain_table(scope_domains())
    assert table in readme, 'README.md scope table is stale: run `make readme`'
    assert readme.index(table) < readme.index('## Install'), 'the scope table comes before the install instructions'
