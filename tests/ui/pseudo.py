"""A pseudo-locale for the screen-size tests: every translated string comes back ~40 % longer, the way a longer
language would, so a layout that only just fits the Vietnamese is caught before a translation breaks it.

Placeholders (%1 …), accelerators (&) and rich text stay intact: the stretch is a tail of the text's own words,
so it has the width, and the places to wrap, of the language around it."""

from __future__ import annotations

import math
from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QCoreApplication, QTranslator

STRETCH = 0.4


def stretched(text: str) -> str:
    """`text` with ~40 % more of its own words ('Gọi số tiếp theo' → 'Gọi số tiếp theo·Gọi số t'), so it wraps
    where a longer language would; rich text unchanged."""
    if not text or "<" in text:
        return text
    words = " ".join(w.strip(":;,.()«»") for w in text.split() if w.strip(":;,.()«»").isalpha())
    extra = words[: math.ceil(len(text) * STRETCH)].strip()
    return f"{text}·{extra}" if extra else text


class PseudoTranslator(QTranslator):
    """Answers every translation with the source stretched."""

    def translate(self, context: str, source: str, disambiguation: str | None = None,  # type: ignore[override]
                  n: int = -1) -> str:
        return stretched(source)

    def isEmpty(self) -> bool:  # noqa: N802 (Qt's name)
        return False


@contextmanager
def pseudo_locale() -> Iterator[None]:
    """Within the block, every window built reads its strings in the pseudo-locale."""
    translator = PseudoTranslator()
    QCoreApplication.installTranslator(translator)
    try:
        yield
    finally:
        QCoreApplication.removeTranslator(translator)
