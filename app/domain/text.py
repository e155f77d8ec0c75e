"""Vietnamese text helpers: accent folding for search, NFC normalisation, numbers and money as Vietnamese write
them (dots between thousands)."""

from __future__ import annotations

import re
import unicodedata

from app.domain.messages import translate

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


def thousands(n: int) -> str:
    """An integer with dots between thousands, the Vietnamese way: 1414812973 → "1.414.812.973"."""
    return f"{n:,}".replace(",", ".")


def dong(vnd: int) -> str:
    """An amount of money in đồng: 1200000 → "1.200.000 đồng"."""
    return f"{thousands(vnd)} đồng"


def duration(seconds: float | None) -> str:
    """A duration with its units, as people say it: 45 → "45 giây", 150 → "2 phút 30 giây", 720 → "12 phút",
    3900 → "1 giờ 05 phút"; '' for none. Seconds are shown only under ten minutes, where they matter. Marked for
    translation: a window shows it with i18n.text_of, reports print it as it reads (Vietnamese)."""
    if seconds is None:
        return ""
    whole = max(0, round(seconds))
    if whole < 60:
        return translate("domain.text", "%1 giây").arg(whole)
    if whole < 600:
        minutes, rest = divmod(whole, 60)
        return (translate("domain.text", "%1 phút %2 giây").arg(minutes, f"{rest:02d}") if rest
                else translate("domain.text", "%1 phút").arg(minutes))
    minutes = round(whole / 60)
    if minutes < 60:
        return translate("domain.text", "%1 phút").arg(minutes)
    hours, minutes = divmod(minutes, 60)
    return translate("domain.text", "%1 giờ %2 phút").arg(hours, f"{minutes:02d}")


# A spreadsheet program runs a cell starting with one of these as a formula (=HYPERLINK(…), +cmd|…, -2+3, @SUM…);
# tab and carriage return start one too in some programs. Exports write such a text as text.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_text(value: object) -> object:
    """A CSV cell that no spreadsheet takes for a formula: a text starting with = + - @ gets a leading apostrophe
    (the spreadsheet convention for "this is text"); numbers and other texts are unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def from_spreadsheet_text(value: str) -> str:
    """The text `spreadsheet_text` wrote: one leading apostrophe before = + - @ dropped (import of an export)."""
    if value.startswith("'") and value[1:2] and value[1:].startswith(FORMULA_STARTS):
        return value[1:]
    return value


def printable(text: str) -> str:
    """Text safe to write to a terminal: control characters (ESC, BEL, NUL …), bidi and invisible characters shown
    as \\x1b / \\u202e; line feeds and tabs kept."""
    return "".join(ch if ch in "\n\t" or not _hidden(ch) else
                   (f"\\x{ord(ch):02x}" if ord(ch) < 0x100 else f"\\u{ord(ch):04x}") for ch in text)


def _hidden(ch: str) -> bool:
    """Not printable and not a space (a no-break space is shown as one)."""
    return not ch.isprintable() and unicodedata.category(ch) != "Zs"
