"""A one-line status under a test button: a note, «đang thử…», a green success or a red failure, in words."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

_STYLES = {"note": "color: #555; padding: 4px 2px;",
           "busy": "color: #0d47a1; background: #e3f2fd; border: 1px solid #bbdefb; border-radius: 3px; padding: 6px;",
           "ok": "color: #1b5e20; background: #e8f5e9; border: 1px solid #b7dfb9; border-radius: 3px; padding: 6px;",
           "failed": "color: #8a1c1c; background: #fdecea; border: 1px solid #f5c2c0; border-radius: 3px; "
                     "padding: 6px;"}
_MARKS = {"note": "", "busy": "… ", "ok": "✔ ", "failed": "✘ "}


class StatusLine(QLabel):
    """The outcome of a test, coloured by kind; `state` says which kind is shown (for tests and screenshots)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.state = "note"
        self.message = ""
        self.show_note("")

    def _set(self, state: str, text: str) -> None:
        self.state, self.message = state, text
        self.setStyleSheet(_STYLES[state])
        self.setText(_MARKS[state] + text if text else "")
        self.setVisible(bool(text))

    def show_note(self, text: str) -> None:
        """A neutral hint (grey)."""
        self._set("note", text)

    def show_busy(self, text: str) -> None:
        """A test is running."""
        self._set("busy", text)

    def show_ok(self, text: str) -> None:
        """The test passed."""
        self._set("ok", text)

    def show_failed(self, text: str) -> None:
        """The test failed: what failed, plainly."""
        self._set("failed", text)
