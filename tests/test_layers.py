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


def _violations() -> list[str]:
    problems = []
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
