# The two commands a new user types: `make run` and `make test`.
# Both create the virtual environment on first use.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
# A torch release known to work; override with e.g. TORCH_SPEC='torch>=2.10' (the oldest safe floor).
TORCH_SPEC ?= torch==2.13.0
STAMP := $(VENV)/.cnnviz-installed

.PHONY: run test lint bench dist clean-venv

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet "$(TORCH_SPEC)"
	$(PY) -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

run: $(STAMP)
	$(PY) main.py

lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/mypy

test: lint
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -n auto --maxprocesses=4

bench: $(STAMP)
	$(PY) -m benchmarks

# The sdist, then the wheel built from it (as pip does for a source release), into dist/.
dist: $(STAMP)
	rm -rf dist
	$(PY) -c "from setuptools import build_meta; build_meta.build_sdist('dist')"
	$(PY) -m pip wheel --quiet --no-deps --no-build-isolation -w dist dist/cnnviz-*.tar.gz

clean-venv:
	rm -rf $(VENV)
