"""The layering of ARCHITECTURE.md, checked on the source: who may import whom, and no Qt on the CLI path."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

APP = Path(__file__).resolve().parents[1] / "app"
QT = ("PySide6", "shiboken6")
LOWER = ("app.store", "app.devices", "app.printing")
UPPER = ("app.services", "app.ui", "app.cli", "app.main")
RULES: dict[str, tuple[str, ...]] = {
    "app.domain": QT + LOWER + UPPER + ("sqlalchemy", "alembic", "psycopg", "serial", "PIL", "reportlab"),
    "app.store": QT + UPPER + ("app.devices", "app.printing"),
    "app.devices": QT + UPPER + ("app.store", "app.printing", "sqlalchemy"),
    "app.printing": QT + UPPER + ("app.store", "app.devices", "sqlalchemy"),
    "app.services": QT + ("app.ui", "app.cli", "app.main"),
    "app.cli": QT,
    "app.config": QT + LOWER + UPPER,
}
# The windows go through app.services. They may use app.domain (pure values and rules, no I/O) and app.resources;
# below that only the names listed here, each with its reason.
UI = "app.ui"
UI_BELOW: tuple[str, ...] = LOWER + ("app.config", "app.cli", "app.main", "sqlalchemy", "alembic", "psycopg",
                                     "serial")
UI_ROOTS = {
    "app.ui.launch": "the GUI composition root: it reads the machine config and builds the store's error handling, "
                     "the printer and keypad managers, the simulators and the printer profiles a station runs with",
    "app.ui.setup.window": "the first-run set-up: it exists to ask whether the OS keyring works and to write the "
                           "machine config before any store is open",
}
UI_VALUE_TYPES = {
    "app.store.engine.StoreUnavailable": "the store's environment error, caught to show it with a retry",
    "app.config.ConfigError": "the machine config's error, shown at the setting it names",
    "app.config.SETTINGS": "the declared settings (type, default, Vietnamese label) the settings tab edits",
    "app.config.SettingSpec": "the type of one declared setting",
    "app.config.safe_url": "a pure function: the database URL without its password, for the status bar",
    "app.config.data_dir": "the platform data folder, where saved PDFs go by default (no store, no device)",
    "app.devices.manager.DeviceState": "a device's state (ready, offline …), shown as a coloured dot",
    "app.devices.manager.DeviceStatus": "a device's state with its reason, as the manager reports it",
    "app.devices.manager.DeviceReason": "the code of a device's reason (paper out, busy …): the UI's words follow it",
    "app.printing.forms.ReceiptData": "what a receipt (Mẫu 01) shows, summarised beside its preview",
    "app.devices.keypad.KeyPress": "the key a keypad sent, shown by the set-up's keypad test",
    "app.devices.transport.DeviceError": "a device's environment error, shown at the device's field of the set-up",
}
UI_MODULE_EXCEPTIONS = {
    ("app.ui.stations.keypad_pad", "app.devices.keypad_sim.KeypadSimulator"):
        "the demo's on-screen keypad: the citizen's keys typed into the simulator launch made",
    ("app.ui.stations.kiosk", "app.devices.manager.DeviceManager"):
        "the printer's device manager launch made: the kiosk watches its status and hands it to ticket_printing",
    ("app.ui.stations.kiosk", "app.devices.manager.JobResult"): "the outcome of a print job, shown to the citizen",
    ("app.ui.stations.kiosk", "app.devices.printer.TicketPrinter"): "the device that manager drives (its type)",
    ("app.ui.stations.kiosk", "app.printing.ticket.PrinterProfile"): "the paper profile launch chose (a value)",
}


def _module_name(path: Path) -> str:
    parts = path.relative_to(APP.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path) -> set[str]:
    """Every module a file imports, anywhere in it (lazy imports inside functions count too)."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return found


def _names(path: Path) -> set[str]:
    """Every name a file imports, fully qualified (`from m import a` gives `m.a`, `import m.n` gives `m.n`)."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return found


def _below(name: str) -> bool:
    return any(name == f or name.startswith(f + ".") for f in UI_BELOW)


def _ui_violations() -> list[str]:
    """UI modules that reach below the services without being listed above."""
    problems = []
    for path in sorted((APP / "ui").rglob("*.py")):
        module = _module_name(path)
        if module in UI_ROOTS:
            continue
        for name in sorted(_names(path)):
            if _below(name) and name not in UI_VALUE_TYPES and (module, name) not in UI_MODULE_EXCEPTIONS:
                problems.append(f"{module} ({UI}) imports {name}: go through app.services")
    return problems


def _violations() -> list[str]:
    problems = _ui_violations()
    for path in sorted(APP.rglob("*.py")):
        module = _module_name(path)
        layer = next((l for l in RULES if module == l or module.startswith(l + ".")), None)
        for imported in _imports(path):
            if layer is None:
                if imported.split(".")[0] in QT and not module.startswith("app.ui"):
                    problems.append(f"{module} imports {imported}")
                continue
            if any(imported == f or imported.startswith(f + ".") for f in RULES[layer]):
                problems.append(f"{module} ({layer}) imports {imported}")
    return problems


def test_layers_are_respected() -> None:
    assert _violations() == []


def test_the_check_catches_a_violation(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The rule itself can fail: a domain module importing the store is reported."""
    fake_app = tmp_path / "app"
    (fake_app / "domain").mkdir(parents=True)
    (fake_app / "domain" / "bad.py").write_text("def f():\n    from app.store.models import Ticket\n")
    (fake_app / "printing").mkdir()
    (fake_app / "printing" / "bad.py").write_text("import PySide6.QtGui\n")
    monkeypatch.setattr(sys.modules[__name__], "APP", fake_app)
    assert sorted(_violations()) == ["app.domain.bad (app.domain) imports app.store.models",
                                     "app.domain.bad (app.domain) imports app.store.models.Ticket",
                                     "app.printing.bad (app.printing) imports PySide6.QtGui"]


def test_the_ui_check_catches_a_window_reaching_below_the_services(tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """A window importing the store, a device or the machine config is reported (lazily inside a function too);
    the listed value types, the domain and the composition root are not."""
    ui = tmp_path / "app" / "ui"
    (ui / "stations").mkdir(parents=True)
    (ui / "stations" / "bad.py").write_text(
        "import app.store.engine\n"
        "from app.store.engine import Store, StoreUnavailable\n"
        "from app.domain.queue import TicketStatus\n"
        "from app.services import queue\n"
        "def f():\n    from app.devices.printer import printer_manager\n    from app.config import load\n")
    (ui / "launch.py").write_text("from app.devices.printer import printer_manager\n")
    monkeypatch.setattr(sys.modules[__name__], "APP", tmp_path / "app")
    assert _violations() == [
        "app.ui.stations.bad (app.ui) imports app.config.load: go through app.services",
        "app.ui.stations.bad (app.ui) imports app.devices.printer.printer_manager: go through app.services",
        "app.ui.stations.bad (app.ui) imports app.store.engine: go through app.services",
        "app.ui.stations.bad (app.ui) imports app.store.engine.Store: go through app.services"]


def test_every_listed_ui_exception_is_still_needed() -> None:
    """A value type or a module exception nobody imports any more is struck from the lists, not left to grow."""
    imported = {(_module_name(p), name) for p in (APP / "ui").rglob("*.py") for name in _names(p)}
    unused = [name for name in UI_VALUE_TYPES if not any(name == n for _, n in imported)]
    unused += [f"{module}: {name}" for module, name in UI_MODULE_EXCEPTIONS if (module, name) not in imported]
    unused += [module for module in UI_ROOTS if module not in {m for m, _ in imported}]
    assert unused == []


def test_cli_path_never_imports_qt(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'x.sqlite3'}"
    code = (
        "import sys\n"
        "from app.main import main\n"
        f"assert main(['--db', {url!r}, 'db', 'upgrade']) == 0\n"
        f"assert main(['--db', {url!r}, 'seed', 'demo']) == 0\n"
        f"assert main(['--db', {url!r}, 'catalog', 'export', {str(tmp_path / 'c.csv')!r}]) == 0\n"
        f"assert main(['--db', {url!r}, 'user', 'list']) == 0\n"
        "loaded = [m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6')]\n"
        "assert not loaded, loaded\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr


def test_nothing_happens_at_import_time() -> None:
    """Importing every module opens no database, port or window (no engine is created)."""
    code = (
        "import importlib, pkgutil, sys, app\n"
        "import sqlalchemy\n"
        "made = []\n"
        "orig = sqlalchemy.create_engine\n"
        "sqlalchemy.create_engine = lambda *a, **k: made.append(a) or orig(*a, **k)\n"
        "for m in pkgutil.walk_packages(app.__path__, 'app.'):\n"
        "    if m.name in ('app.__main__',):\n"
        "        continue\n"
        "    importlib.import_module(m.name)\n"
        "assert not made, made\n"
        "from PySide6.QtWidgets import QApplication\n"
        "assert QApplication.instance() is None\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
                            env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"})
    assert result.returncode == 0, result.stderr
