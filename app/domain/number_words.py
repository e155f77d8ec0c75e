"""Vietnamese number words (đọc số thành chữ) for voice announcements, north and south variants."""

from __future__ import annotations

from dataclasses import dataclass

MAX_NUMBER = 999_999_999

_DIGITS = ("không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín")


@dataclass(frozen=True)
class _Variant:
    """Words that differ between regional readings."""

    odd: str  # joins "trăm" to a lone unit: 105 = "một trăm linh/lẻ năm"
    thousand: str


_VARIANTS = {
    "north": _Variant(odd="linh", thousand="nghìn"),
    "south": _Variant(odd="lẻ", thousand="ngàn"),
}


def _variant(name: str) -> _Variant:
    """Return the word set of a regional variant or raise ValueError."""
    try:
        return _VARIANTS[name]
    except KeyError:
        raise ValueError(f"unknown variant {name!r}; expected one of {sorted(_VARIANTS)}") from None


def _units_after_tens(tens: int, units: int) -> str:
    """Word for the units digit following a tens word ("mốt", "tư", "lăm" where they apply)."""
    if units == 5:
        return "lăm"
    if tens >= 2 and units == 1:
        return "mốt"
    if tens >= 2 and units == 4:
        return "tư"
    return _DIGITS[units]


def _below_hundred(n: int) -> list[str]:
    """Words for 10..99."""
    tens, units = divmod(n, 10)
    words = ["mười"] if tens == 1 else [_DIGITS[tens], "mươi"]
    if units:
        words.append(_units_after_tens(tens, units))
    return words


def _group(n: int, variant: _Variant, full: bool) -> list[str]:
    """Words for 0..999; `full` reads the hundreds even when zero ("không trăm")."""
    hundreds, rest = divmod(n, 100)
    words: list[str] = []
    if hundreds or full:
        words += [_DIGITS[hundreds], "trăm"]
    if rest >= 10:
        words += _below_hundred(rest)
    elif rest and words:
        words += [variant.odd, _DIGITS[rest]]
    elif rest:
        words.append(_DIGITS[rest])
    return words


def number_to_words(n: int, variant: str = "north") -> str:
    """Read 0 ≤ n ≤ 999 999 999 in Vietnamese words, e.g. 1023 → "một nghìn không trăm hai mươi ba"."""
    if not isinstance(n, int) or isinstance(n, bool):
        raise TypeError(f"n must be an int, not {type(n).__name__}")
    if not 0 <= n <= MAX_NUMBER:
        raise ValueError(f"n must be between 0 and {MAX_NUMBER}, got {n}")
    words_of = _variant(variant)
    if n == 0:
        return _DIGITS[0]
    millions, rest = divmod(n, 1_000_000)
    thousands, units = divmod(rest, 1000)
    words: list[str] = []
    for value, scale in ((millions, "triệu"), (thousands, words_of.thousand), (units, "")):
        if value:
            words += _group(value, words_of, full=bool(words))
            if scale:
                words.append(scale)
    return " ".join(words)


def call_announcement(ticket_number: int, counter_number: int, variant: str = "north") -> str:
    """Sentence that calls a ticket to a counter, numbers spoken as words."""
    ticket = number_to_words(ticket_number, variant)
    counter = number_to_words(counter_number, variant)
    return f"Mời công dân có số thứ tự {ticket} đến quầy số {counter}"
