"""The package carries everything it needs: resources and migrations found through one lookup, and a wheel built
from this tree holds every module, font, sound, the demo catalogue and every migration script."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from app.resources import migrations_dir, resource

ROOT = Path(__file__).resolve().parents[2]


def test_resources_and_migrations_are_found_through_the_package() -> None:
    assert resource("fonts", "DejaVuSans.ttf").is_file()
    assert resource("fonts", "DejaVuSans-Bold.ttf").is_file()
    assert resource("sounds", "chime.wav").is_file()
    assert resource("demo", "catalogue.csv").is_file()
    assert resource("i18n", "qt_vi.qm").is_file() and resource("i18n", "motcua_en.qm").is_file()
    assert (migrations_dir() / "env.py").is_file()
    assert sorted((migrations_dir() / "versions").glob("2*.py"))


def test_no_module_reaches_for_files_by_its_own_path() -> None:
    """One helper finds the shipped files: nothing else climbs out of app/ with __file__."""
    offenders = [str(p.relative_to(ROOT)) for p in (ROOT / "app").rglob("*.py")
                 if "__file__" in p.read_text(encoding="utf-8")]
    assert offenders == []


@pytest.mark.slow
def test_the_wheel_holds_every_module_and_shipped_file(tmp_path: Path) -> None:
    """Built from a clean copy of the sources: a build/ folder left in the tree by an earlier build would hide a
    file the packaging no longer picks up."""
    source = tmp_path / "src"
    source.mkdir()
    for name in ("pyproject.toml", "setup.py", "README.md"):
        shutil.copy2(ROOT / name, source / name)
    for folder in ("app", "resources", "migrations"):
        shutil.copytree(ROOT / folder, source / folder, ignore=shutil.ignore_patterns("__pycache__"))
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--disable-pip-version-check", "--no-deps",
                    "-w", str(tmp_path / "dist"), str(source)], check=True, capture_output=True)
    wheel = next((tmp_path / "dist").glob("motcua-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    expected = {f"app/{p.relative_to(ROOT / 'app').as_posix()}" for p in (ROOT / "app").rglob("*.py")}
    for folder in ("resources", "migrations"):
        expected |= {f"app/{folder}/{p.relative_to(ROOT / folder).as_posix()}" for p in (ROOT / folder).rglob("*")
                     if p.is_file() and "__pycache__" not in p.parts}
    assert sorted(expected - names) == []
    assert not [n for n in names if n.startswith(("tests/", "bench/", "tools/")) or "__pycache__" in n]
