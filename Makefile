# nesf: `make demo` runs the main job on an embedded default; `make test` runs every test.
# Both create .venv when missing: torch==2.13.0 first (the CPU wheel), then the package with its dev extras.
SHELL := /bin/bash
VENV ?= .venv
PY := $(VENV)/bin/python
PYTHON ?= python3

$(VENV)/.installed: settings.ini setup.py
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q torch==2.13.0
	$(PY) -m pip install -q -e ".[dev]"
	@touch $@

install: $(VENV)/.installed

demo: $(VENV)/.installed
	$(VENV)/bin/nesf demo --out demo_output

# Quick mode: small data, few steps; notebooks run under nbval; tests/ checks the library matches the notebooks,
# runs every notebook again without the paper data outside quick mode (tests/test_notebooks_nodata.py), and drives
# JupyterLab in headless Chromium (tests/test_browser.py; skipped, with the reason printed, without Chromium or Playwright).
# Two pytest-xdist workers, one thread each, a file (a notebook's cells, in order, in one kernel) per worker at a time:
# much of a notebook run is single-threaded (kernel start, imports, pymatgen), so two files at once use both cores.
# IN_TEST=1 (nbdev's switch) makes each notebook's closing `nbdev_export()` a no-op: run by one worker, it rewrote
# nesf/*.py (and nesf/__init__.py) while the other worker's processes imported them, a rare race seen in CI.
test: $(VENV)/.installed
	IN_TEST=1 NESF_QUICK=1 TQDM_DISABLE=1 OMP_NUM_THREADS=1 $(PY) -m pytest -q -rs -p no:cacheprovider -n 2 --dist loadfile --no-loadscope-reorder --durations=20 \
	  --nbval-lax --nbval-current-env --nbval-cell-timeout=900 tests nbs

# A screenshot of the reconstruction widget in JupyterLab (headless Chromium), for the README.
screenshots: $(VENV)/.installed
	NESF_SCREENSHOT=figures/widget.png NESF_REQUIRE_BROWSER=1 NESF_QUICK=1 TQDM_DISABLE=1 $(PY) -m pytest -q -rs -p no:cacheprovider \
	  tests/test_browser.py -k widget

export: $(VENV)/.installed
	$(VENV)/bin/nbdev_export && $(VENV)/bin/nbdev_clean

docs: $(VENV)/.installed
	$(PY) -m pip install -q quarto-cli && $(VENV)/bin/nbdev_docs

# README.md is made from nbs/index.ipynb (executed, so the results table comes from the metrics files).
readme: $(VENV)/.installed
	$(VENV)/bin/jupyter nbconvert --to notebook --execute nbs/index.ipynb --output-dir _proc --output index_executed.ipynb
	$(PY) scripts/make_readme.py _proc/index_executed.ipynb

benchmark: $(VENV)/.installed
	$(PY) scripts/benchmark.py

.PHONY: install demo test screenshots export docs benchmark readme
