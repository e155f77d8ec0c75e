"""The repository stands alone: no tracked file names a path of the machine it was written on, and no test reads
a file from beside the repository."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _tracked_text() -> dict[str, str]:
    if shutil.which("git") is None or not (ROOT / ".git").exists():
        pytest.skip("not a git checkout")
    names = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True).stdout.split()
    texts = {}
    for name in names:
        path = ROOT / name
        if path.suffix in {".png", ".ttf", ".wav", ".pdf", ".xlsx"} or not path.is_file():
            continue
        texts[name] = path.read_text(encoding="utf-8", errors="replace")
    return texts


def test_no_absolute_path_of_this_machine() -> None:
    here = str(ROOT.parent) + "/"
    assert [name for name, text in _tracked_text().items() if here in text] == []


def test_tests_read_nothing_outside_the_repository() -> None:
    outside = re.compile(r"\.\./shared|parents\[\d\]\s*/\s*\"shared\"")
    assert [name for name, text in _tracked_text().items() if name.startswith("tests/") and outside.search(text)] == []
