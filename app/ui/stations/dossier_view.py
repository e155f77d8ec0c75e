"""A dossier found by scanning its receipt (read-only), and the barcode-scanner hook of a station window.

A USB scanner is a keyboard wedge: it types the code fast and ends with Enter. `ScanCollector` watches the key
presses that reach a window and tells a scan (printable keys < 50 ms apart, then Enter) from a person typing.
"""

from __future__ import annotations

import time
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.dossier import looks_like_dossier_code
from app.services.context import LOCAL_TZ, Context
from app.services.dossiers import DossierView, get_dossier
from app.ui.errors import MessageBar, present_error
from app.ui.stations.receipt_view import ReceiptDialog
from app.ui.worker import Worker

SCAN_GAP_S = 0.05
_RETURN_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class ScanCollector(QObject):
    """Fed the key presses that reach a window (its keyPressEvent): emits `scanned(code)` when a dossier code is
    typed fast and ends with Enter. No event filter: a filter on a window also sees the events of its teardown,
    which crashed PySide6 now and then."""

    scanned = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._buffer = ""
        self._last = 0.0

    def feed(self, event: QKeyEvent) -> bool:
        """Collect fast printable keys; True when this key ended a scan (the caller then swallows it)."""
        now = time.monotonic()
        fast = now - self._last < SCAN_GAP_S
        if event.key() in _RETURN_KEYS and event.modifiers() in (Qt.KeyboardModifier.NoModifier,
                                                                  Qt.KeyboardModifier.KeypadModifier):
            code, self._buffer = self._buffer, ""
            if fast and looks_like_dossier_code(code):
                self.scanned.emit(code.strip())
                return True
            return False
        text = event.text()
        plain = not event.modifiers() & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
        if text and text.isprintable() and plain:
            self._buffer = self._buffer + text if fast else text
            self._last = now
        return False


class DossierViewDialog(QDialog):
    """One dossier, read-only: code, applicant, procedure, received, due, status; «In lại phiếu hẹn»."""

    def __init__(self, ctx: Context, code: str, parent: QWidget | None = None, out_dir: Path | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.code, self.out_dir = ctx, code, out_dir
        self.dossier: DossierView | None = None
        self.receipt_dialog: ReceiptDialog | None = None
        self.worker = Worker(self, threads=1)
        self.setWindowTitle(self.tr("Hồ sơ %1").replace("%1", code))
        self.setMinimumWidth(620)
        self.bar = MessageBar()
        self.values: dict[str, QLabel] = {}
        form = QFormLayout()
        for key, caption in (("code", self.tr("Mã hồ sơ")), ("applicant", self.tr("Người nộp")),
                             ("procedure", self.tr("Thủ tục")), ("agency", self.tr("Cơ quan giải quyết")),
                             ("received", self.tr("Tiếp nhận lúc")), ("due", self.tr("Hẹn trả kết quả")),
                             ("status", self.tr("Trạng thái")), ("ticket", self.tr("Số thứ tự"))):
            label = QLabel("…" if key != "code" else code)
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.values[key] = label
            form.addRow(caption, label)
        self.values["code"].setStyleSheet("font-size: 15pt; font-weight: bold; color: #0d47a1;")
        self.reprint_button = QPushButton(self.tr("In lại phiếu hẹn"))
        self.reprint_button.setEnabled(False)
        self.reprint_button.clicked.connect(self._on_reprint_clicked)
        close = QPushButton(self.tr("Đóng (Esc)"))
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addWidget(self.reprint_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.bar)
        layout.addLayout(form)
        layout.addLayout(buttons)
        self._load()

    def _load(self) -> None:
        ctx, code = self.ctx, self.code
        self.worker.submit(lambda: get_dossier(ctx, code), self._on_loaded, self._on_load_failed)

    def _on_loaded(self, v: DossierView) -> None:
        self.dossier = v
        local = "%H:%M %d/%m/%Y"
        shown = {"code": v.code, "applicant": v.applicant_name, "procedure": f"{v.procedure_name} ({v.procedure_code})",
                 "agency": v.agency_name, "received": v.received_at.astimezone(LOCAL_TZ).strftime(local),
                 "due": v.due_at.astimezone(LOCAL_TZ).strftime(local) if v.due_at else self.tr("—"),
                 "status": v.status_label, "ticket": v.ticket_number or self.tr("—")}
        for key, text in shown.items():
            self.values[key].setText(text)
        self.reprint_button.setEnabled(True)
        self.reprint_button.setFocus()

    def _on_load_failed(self, exc: BaseException) -> None:
        for key, label in self.values.items():
            if key != "code":
                label.setText("")
        present_error(exc, self.bar, retry=self._load)

    def _on_reprint_clicked(self) -> None:
        self.receipt_dialog = ReceiptDialog(self.ctx, self.code, self, self.out_dir)
        self.receipt_dialog.open()

    def done(self, result: int) -> None:
        """Let the loading finish before the dialog goes."""
        self.worker.shutdown()
        super().done(result)
