"""Pieces every form dialog of the stations shares."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QHBoxLayout, QPushButton


def confirm_buttons(dialog: QDialog, ok_text: str, *, default: bool = True) -> tuple[QHBoxLayout, QPushButton]:
    """The row at the foot of a form dialog: «Hủy (Esc)» and the dialog's action, right-aligned; the action is the
    default button (Enter) unless `default` is False (a dialog whose text fields take Enter). Returns the row to add
    to the layout and the action's button."""
    ok = QPushButton(ok_text)
    ok.setDefault(default)
    ok.clicked.connect(dialog.accept)
    cancel = QPushButton(QCoreApplication.translate("dialogs", "Hủy (Esc)"))
    cancel.setAutoDefault(False)
    cancel.clicked.connect(dialog.reject)
    row = QHBoxLayout()
    row.addStretch(1)
    row.addWidget(cancel)
    row.addWidget(ok)
    return row, ok
