"""Labels whose text may be longer than the room a window has for it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

STATUS_URL_PX = 420  # the database address in a status bar: room left for the bar's other labels at 1024 px


def elided_label(text: str, max_width: int) -> QLabel:
    """A label showing `text` shortened in the middle ("…") to at most `max_width` px, the whole as tooltip: for
    a status bar's database address, whose path can be longer than a 1024 px window."""
    label = QLabel()
    label.setText(label.fontMetrics().elidedText(text, Qt.TextElideMode.ElideMiddle, max_width))
    label.setToolTip(text)
    return label
