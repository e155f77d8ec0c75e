# Two commands do everything on a fresh machine with Python 3.11+:
#   make demo   — set up .venv and open motcua on the embedded SQLite store with the demo centre
#   make test   — set up .venv and run the whole test suite (PostgreSQL tests need a server, see README)
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.motcua-installed

.PHONY: install demo test screenshots bench

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --upgrade pip
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(BIN)/motcua demo

test: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest

screenshots: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python tools/screenshots.py

bench: $(STAMP)
	$(BIN)/python -m bench
