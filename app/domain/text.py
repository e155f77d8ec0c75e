"""Vietnamese text helpers: accent folding for search, NFC normalisation."""

from __future__ import annotations

import re
import unicodedata

_SPECIAL = str.maketrans({"đ": "d", "Đ": "d"})
# combining marks after NFD: Vietnamese tones and vowel marks are all in this block
_MARKS = re.compile("[\u0300-\u036f]")


def fold(text: str) -> str:
    """Lower-case, drop diacritics (đ → d) and collapse spaces: "Sở Tài nguyên" → "so tai nguyen"."""
    decomposed = unicodedata.normalize("NFD", text.translate(_SPECIAL))
    return " ".join(_MARKS.sub("", decomposed).lower().split())


def nfc(text: str) -> str:
    """Unicode NFC with surrounding spaces trimmed and inner runs collapsed."""
    return " ".join(unicodedata.normalize("NFC", text).split())
