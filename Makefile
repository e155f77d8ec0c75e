# Two commands do everything on a fresh machine with Python 3.11+:
#   make demo   — set up .venv and open motcua on the embedded SQLite store with the demo centre
#   make test   — set up .venv and run the whole test suite (PostgreSQL tests need a server, see README)
#   make bundle — build the wheel and the PyInstaller bundle dist/motcua/ (docs/install.md)
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.motcua-installed

.PHONY: install demo test screenshots bench wheel bundle smoke-installed translations

PIP := -m pip install --quiet --disable-pip-version-check
BUNDLE_VENV := build/bundle-venv

# the program alone (make demo), and the program with the test tools (make test): two stamps
$(VENV)/.motcua-app: pyproject.toml setup.py
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python $(PIP) --upgrade pip
	$(BIN)/python $(PIP) -e .
	touch $@

$(STAMP): $(VENV)/.motcua-app
	$(BIN)/python $(PIP) -e '.[dev]'
	touch $@

install: $(STAMP)

demo: $(VENV)/.motcua-app
	$(BIN)/motcua demo

# two worker processes (pytest-xdist): every test makes its own databases, files and ports, so they share nothing;
# then the real-time device tests alone (simulated keypads and printers on pseudo-terminals: tests/conftest.py)
TEST_WORKERS ?= 2
test: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -n $(TEST_WORKERS) -m "not realtime"
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -m realtime

# the wheel, installed (not editable) with PyInstaller into a throwaway venv, and the bundle built from it
wheel:
	rm -rf build/wheel && $(PYTHON) -m pip wheel --quiet --disable-pip-version-check --no-deps -w build/wheel .

bundle: wheel
	rm -rf $(BUNDLE_VENV) && $(PYTHON) -m venv $(BUNDLE_VENV)
	$(BUNDLE_VENV)/bin/python $(PIP) build/wheel/motcua-*.whl 'pyinstaller>=6.10'
	cd build && bundle-venv/bin/pyinstaller --noconfirm --log-level WARN --distpath ../dist --workpath pyinstaller ../build.spec

# both installed forms run from a folder far from the sources (what CI checks)
smoke-installed: bundle
	$(PYTHON) tools/smoke_installed.py $(BUNDLE_VENV)/bin/motcua
	$(PYTHON) tools/smoke_installed.py dist/motcua/motcua --stations

# the English catalogue from every string marked in app/ (lupdate), then every catalogue compiled (lrelease);
# qt_vi.ts (Qt's own buttons in Vietnamese) is written by hand. docs/translations.md
translations: $(VENV)/.motcua-app
	$(BIN)/pyside6-lupdate -extensions py -locations none -no-obsolete app -source-language vi_VN \
		-target-language en -ts resources/i18n/motcua_en.ts
	$(BIN)/pyside6-lrelease resources/i18n/motcua_en.ts resources/i18n/qt_vi.ts

screenshots: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python tools/screenshots.py

bench: $(STAMP)
	$(BIN)/python -m bench
