"""Where the bundled resources (fonts, demo catalogue, sounds) are: `resources/` at the project root."""

from __future__ import annotations

from pathlib import Path

RESOURCES_DIR = Path(__file__).resolve().parents[1] / "resources"


def resource(*parts: str) -> Path:
    """Path of a bundled resource file."""
    return RESOURCES_DIR.joinpath(*parts)
