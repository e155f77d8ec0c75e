"""The 2-D scanner at the intake form: it types the QR code of the citizen's CCCD card like a keyboard, fast, and
ends with Enter, into whichever field has the focus. `CardScanReader` watches the form's text fields, tells such a
burst from a person typing (printable keys less than SCAN_GAP_S apart, at least MIN_SCAN_CHARS of them, then
Enter), puts back what the field held before the burst and emits the scanned text; parsing is the domain's
(app.domain.cccd_qr)."""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLineEdit

SCAN_GAP_S = 0.05  # a scanner types a key every few ms; a person needs 100 ms or more
MIN_SCAN_CHARS = 16  # a CCCD's QR holds 40 or more; short fast bursts (a typed abbreviation) stay typing
_RETURN_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
_PLAIN = (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier, Qt.KeyboardModifier.ShiftModifier)


class CardScanReader(QObject):
    """Watches text fields for a scanner's burst; `scanned(text)` once it ends with Enter."""

    scanned = Signal(str)

    def __init__(self, fields: list[QLineEdit], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._burst = ""
        self._last = 0.0
        self._field: QLineEdit | None = None
        self._before = ""
        for field in fields:
            field.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        """Collect fast printable keys per field; swallow the Enter that ends a scan."""
        if event.type() != QEvent.Type.KeyPress or not isinstance(watched, QLineEdit):
            return False
        assert isinstance(event, QKeyEvent)
        now = time.monotonic()
        fast = now - self._last < SCAN_GAP_S and watched is self._field
        if event.key() in _RETURN_KEYS and event.modifiers() in _PLAIN:
            burst, self._burst, self._field = self._burst, "", None
            if fast and len(burst) >= MIN_SCAN_CHARS:
                watched.setText(self._before)  # the scan is not the field's text
                self.scanned.emit(burst)
                return True
            return False
        text = event.text()
        if text and text.isprintable() and event.modifiers() in _PLAIN:
            if not fast:
                self._field, self._before, self._burst = watched, watched.text(), ""
            self._burst += text
            self._last = now
        return False
