"""Every shipped name in every command: for each model `nesf models --json -` lists, `nesf info`, `nesf evaluate` on five
structures of its own dataset's test split and `nesf reconstruct` of a structure inside its domain exit 0, or exit 2 with
the reason (no paper data here, say), never a traceback."""
import contextlib, io, json
from pathlib import Path
import pytest
from nesf.cli import main
from nesf.data import NeSFDataError, load_split, textbook_crystals
from nesf.domain import domain_problems
from nesf.models import MODELS, weights_dir, load


def run(*args):
    "`nesf ARGS` in this process: (exit code, stdout, stderr)."
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try: main([str(a) for a in args]); code = 0
        except SystemExit as e: code = e.code
    return code, out.getvalue(), err.getvalue()


def ok_or_reason(code, err, what):
    assert 'Traceback' not in err, (what, err)
    assert code == 0 or (code == 2 and 'nesf: error: ' in err), (what, code, err)


SHIPPED = [n for n, f in MODELS.items() if (weights_dir() / f).exists()]


def test_models_lists_every_shipped_name():
    code, out, err = run('models', '--json', '-')
    assert code == 0, err
    rows = json.loads(out)
    assert [r['name'] for r in rows] == SHIPPED
    assert all(r['dataset'] and r['protocol'] and r['domain'] for r in rows)


def in_domain_structure(m, dataset):
    "The first of 20 structures of the model's own test split (without the data: the textbook crystals) inside its domain, else the first."
    try: cands = list(load_split(dataset, 'test', n=20))
    except NeSFDataError: cands = textbook_crystals()
    return next((c for c in cands if not domain_problems(c, m.domain, m.label)), cands[0])


@pytest.mark.parametrize('name', SHIPPED)
def test_every_command_for_every_name(name, tmp_path):
    code, out, err = run('info', '--model', name)
    assert code == 0 and f'name: {name}' in out and 'Traceback' not in err, err
    m = load(name); dataset = m.ck['dataset']
    code, out, err = run('evaluate', '--model', name, '--dataset', dataset, '--split', 'test', '-n', '5', '--json', '-', '--quiet', '--no-matcher')
    ok_or_reason(code, err, 'evaluate'); evaluated = code
    if code == 0: assert json.loads(out)['n_structures'] == 5
    c = in_domain_structure(m, dataset)
    c.to_cif(tmp_path / 'in.cif')
    code, out, err = run('reconstruct', tmp_path / 'in.cif', '-o', tmp_path / 'out.cif', '--model', name)
    ok_or_reason(code, err, 'reconstruct')
    if code == 0: assert (tmp_path / 'out.cif').read_text().startswith('# generated using pymatgen')
    print(name, dataset, 'exit codes: evaluate', evaluated, 'reconstruct', code)
