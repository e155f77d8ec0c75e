"""What a test needs from the machine: a real tool on PATH (poppler, zbar, tesseract, espeak-ng …). Missing, the
test is skipped with the reason on a developer's machine and fails under CI=true, like a missing PostgreSQL."""

from __future__ import annotations

import os
import shutil

import pytest

IN_CI = os.environ.get("CI") == "true"
# the Debian/Ubuntu package that brings each tool (.ci/run installs them)
PACKAGES = {"pdftotext": "poppler-utils", "pdfinfo": "poppler-utils", "pdftoppm": "poppler-utils",
            "zbarimg": "zbar-tools", "tesseract": "tesseract-ocr tesseract-ocr-vie", "espeak-ng": "espeak-ng"}


def missing(reason: str) -> None:
    """Skip the test with `reason`, or fail it under CI=true (where every real component must be there)."""
    if IN_CI:
        pytest.fail(f"CI=true needs it: {reason}")
    pytest.skip(reason)


def require_tool(name: str) -> str:
    """The path of a command-line tool; skip (fail under CI=true) when it is not installed."""
    path = shutil.which(name)
    if path is None:
        missing(f"{name} is not installed (apt-get install {PACKAGES.get(name, name)})")
    assert path is not None
    return path
