"""Labels whose text may be longer than the room a window has for it."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QFontMetrics, QResizeEvent
from PySide6.QtWidgets import QFormLayout, QLabel, QWidget

STATUS_URL_PX = 420  # the database address in a status bar: room left for the bar's other labels at 1024 px
_SHORTEST_PX = 80  # never squeezed below this: "sqlite…db" still tells which store


class ElidedLabel(QLabel):
    """A label showing its text shortened in the middle ("…") to the width it gets, at most `max_width` px, the
    whole text as tooltip: it gives way when a status bar is crowded (a longer translation beside it)."""

    def __init__(self, text: str, max_width: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._full, self._max = text, max_width
        self.setToolTip(text)
        self._elide(max_width)

    def full_text(self) -> str:
        """The text before shortening."""
        return self._full

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        width = min(self._max, self.fontMetrics().horizontalAdvance(self._full) + 4)
        return QSize(width, super().sizeHint().height())

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        return QSize(min(_SHORTEST_PX, self.sizeHint().width()), super().minimumSizeHint().height())

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        self._elide(self.contentsRect().width())

    def _elide(self, width: int) -> None:
        shown = self.fontMetrics().elidedText(self._full, Qt.TextElideMode.ElideMiddle, max(0, width - 4))
        if shown != self.text():
            self.setText(shown)


def elided_label(text: str, max_width: int) -> QLabel:
    """A status bar's database address, whose path can be longer than a 1024 px window (ElidedLabel)."""
    return ElidedLabel(text, max_width)


def leave_ink_room_for(label: QLabel) -> QLabel:
    """A label is exactly as wide as its text's advance, but the first letter's ink (the left edge of a "T" or a
    "Y") can start a pixel before it and be cut: the text moves in by that much."""
    overhang = -QFontMetrics(label.font()).boundingRect(label.text()).x()
    if overhang > 0:
        label.setIndent(overhang)
    return label


def leave_ink_room(root: QWidget) -> None:
    """`leave_ink_room_for` every label of every form under `root`."""
    for form in root.findChildren(QFormLayout):
        for row in range(form.rowCount()):
            item = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            label = item.widget() if item is not None else None
            if isinstance(label, QLabel) and label.text():
                leave_ink_room_for(label)
