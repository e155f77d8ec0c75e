"""mypy is clean on the layers below the UI and the CLI (domain, services, store, devices, printing), with the
stricter settings pyproject.toml gives them; a type error fails the suite with mypy's own report."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CHECKED = ("app/domain", "app/services", "app/store", "app/devices", "app/printing")


def _mypy(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "mypy", *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=600)


@pytest.mark.slow
def test_mypy_is_clean_on_the_lower_layers() -> None:
    result = _mypy(*CHECKED)
    assert result.returncode == 0, f"mypy {' '.join(CHECKED)}:\n{result.stdout}{result.stderr}"


@pytest.mark.slow
def test_the_check_can_fail(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text('def count() -> int:\n    return "một"\n', encoding="utf-8")
    result = _mypy(str(bad))
    assert result.returncode == 1 and "Incompatible return value" in result.stdout
