"""Paths of the bundled Vietnamese-complete fonts (DejaVu Sans) in resources/fonts."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from PIL import ImageFont

from app.resources import resource

REGULAR = "DejaVuSans.ttf"
BOLD = "DejaVuSans-Bold.ttf"


def fonts_dir() -> Path:
    """Return the folder holding the bundled TTFs."""
    return resource("fonts")


def font_path(bold: bool = False) -> Path:
    """Return the path of the regular or bold bundled TTF."""
    return fonts_dir() / (BOLD if bold else REGULAR)


@lru_cache(maxsize=32)
def load_font(size: int, bold: bool = False) -> ImageFont.FreeTypeFont:
    """Load (once per size and weight) the bundled font for Pillow drawing."""
    return ImageFont.truetype(str(font_path(bold)), size)
