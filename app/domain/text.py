"""Vietnamese text helpers: accent folding for search, NFC normalisation."""

from __future__ import annotations

import unicodedata

_SPECIAL = str.maketrans({"đ": "d", "Đ": "d"})


def fold(text: str) -> str:
    """Lower-case, drop diacritics (đ → d) and collapse spaces: "Sở Tài nguyên" → "so tai nguyen"."""
    decomposed = unicodedata.normalize("NFD", text.translate(_SPECIAL))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(stripped.lower().split())


def nfc(text: str) -> str:
    """Unicode NFC with surrounding spaces trimmed and inner runs collapsed."""
    return " ".join(unicodedata.normalize("NFC", text).split())
