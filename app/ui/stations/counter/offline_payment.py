"""The counter's fee form while the server does not answer (docs/offline.md): a receipt scanned (or a code typed
with F8) cannot open its dossier offline, so the counter records the fee paid for it — amount, method, receipt
number — in the station's journal (`OfflineStation.record_payment`), replayed as the dossier's payment with its
time and officer once the server is back. Checked as online (`lifecycle.check_payment`): a refusal stays in the
form at its field."""

from __future__ import annotations

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.services import lifecycle
from app.services.context import Actor
from app.services.offline import OfflineStation
from app.ui.dialogs import confirm_buttons
from app.ui.errors import FieldErrors, MessageBar, present_error
from app.ui.stations.dossier_actions import payment_method_label
from app.ui.worker import Worker


class OfflinePaymentDialog(QDialog):
    """Enter records the payment in the journal (in the worker); Escape cancels. `recorded` holds the code."""

    def __init__(self, station: OfflineStation, actor: Actor, code: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.station, self.actor = station, actor
        self.recorded: str | None = None
        self.worker = Worker(self, threads=1)
        self.bar = MessageBar()
        self.fields = FieldErrors()
        self.setWindowTitle(self.tr("Thu phí, lệ phí — lưu tại máy"))
        self.setMinimumWidth(520)
        known = station.received_here(code)
        heading = QLabel(self.tr("<b>Mất kết nối tới máy chủ</b>: không mở được hồ sơ, nhưng có thể ghi khoản phí, "
                                 "lệ phí đã thu. Khoản thu được lưu tại máy và đồng bộ khi có kết nối."))
        heading.setWordWrap(True)
        self.code = QLineEdit(code)
        self.applicant = QLabel(known[0] if known else self.tr("(hồ sơ không tiếp nhận tại máy này khi mất kết nối)"))
        self.applicant.setWordWrap(True)
        self.amount = QSpinBox()
        self.amount.setRange(0, 2_000_000_000)
        self.amount.setSingleStep(1000)
        self.amount.setLocale(QLocale(QLocale.Language.Vietnamese, QLocale.Country.Vietnam))  # 10.000, as printed
        self.amount.setGroupSeparatorShown(True)
        self.amount.setSuffix(self.tr(" đồng"))
        self.amount.setValue(known[1] if known else 0)
        self.method = QComboBox()
        for method in lifecycle.PAYMENT_METHODS:
            self.method.addItem(payment_method_label(method), method)
        self.receipt_no = QLineEdit()
        form = QFormLayout()
        self.fields.add_row(form, self.tr("Mã hồ sơ"), "code", self.code)
        form.addRow(self.tr("Người nộp"), self.applicant)
        self.fields.add_row(form, self.tr("Số tiền đã nộp"), "amount_vnd", self.amount)
        self.fields.add_row(form, self.tr("Hình thức nộp"), "method", self.method)
        self.fields.add_row(form, self.tr("Số biên lai"), "receipt_no", self.receipt_no)
        buttons, self.ok_button = confirm_buttons(self, self.tr("Ghi khoản thu (Enter)"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.bar)
        layout.addWidget(heading)
        layout.addLayout(form)
        layout.addLayout(buttons)
        (self.receipt_no if known else self.amount).setFocus()

    def accept(self) -> None:
        """Enter: record in the worker (once at a time); the dialog closes only when it succeeded."""
        if not self.ok_button.isEnabled():
            return
        self.ok_button.setEnabled(False)
        self.bar.hide()
        self.fields.clear()
        station, actor = self.station, self.actor
        code, amount, method, receipt = (self.code.text(), self.amount.value(), self.method.currentData(),
                                         self.receipt_no.text())
        self.worker.submit(lambda: station.record_payment(actor, code, amount, method, receipt), self._on_done,
                           self._on_failed)

    def _on_done(self, code: str) -> None:
        self.recorded = code
        super().accept()

    def _on_failed(self, exc: BaseException) -> None:
        self.ok_button.setEnabled(True)
        present_error(exc, self.bar, self.fields)

    def done(self, result: int) -> None:
        """Let a running write finish before the dialog goes."""
        self.worker.shutdown()
        super().done(result)
