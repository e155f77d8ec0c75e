"""The Mẫu 02 (yêu cầu bổ sung) / Mẫu 03 (từ chối tiếp nhận) flow of the intake form, for a dossier that is not
received: what the paper says (asked in a dialog), then `app.services.dossier_forms.issue_not_received_form` writes
and records it in the worker, and the PDF is shown."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import FormErrors, ValidationError
from app.domain.text import nfc
from app.services.dossier_forms import issue_not_received_form
from app.services.dossiers import ticket_id_by_number
from app.ui.dialogs import confirm_buttons
from app.ui.errors import FieldErrors, present_error
from app.ui.stations.dossier_actions import form_title
from app.ui.stations.receipt_view import PdfDialog

if TYPE_CHECKING:
    from app.ui.stations.intake.dialog import IntakeDialog



def _lines(text: str) -> list[str]:
    """Non-empty trimmed lines."""
    return [x for x in (nfc(line) for line in text.splitlines()) if x]


class FormRequestDialog(QDialog):
    """What Mẫu 02 asks for (documents ticked or typed, and why) or why Mẫu 03 refuses (one reason a line)."""

    def __init__(self, number: str, documents: list[str], missing: set[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.number = number
        self.setWindowTitle(form_title(number))
        self.setMinimumWidth(640)
        self.fields = FieldErrors()
        self.documents = QListWidget()
        for name in documents:
            item = QListWidgetItem(name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if name in missing else Qt.CheckState.Unchecked)
            self.documents.addItem(item)
        self.documents.setMaximumHeight(160)
        self.other = QPlainTextEdit()
        self.other.setTabChangesFocus(True)
        self.other.setPlaceholderText(self.tr("Mỗi dòng một giấy tờ hoặc nội dung cần bổ sung"))
        self.other.setFixedHeight(70)
        self.reason = QPlainTextEdit()
        self.reason.setTabChangesFocus(True)
        self.reason.setPlaceholderText(self.tr("Ghi cụ thể; mỗi dòng một lý do") if number == "03" else "")
        self.reason.setFixedHeight(90)
        form = QFormLayout()
        if number == "02":
            hint = QLabel(self.tr("Đánh dấu giấy tờ còn thiếu (Space), thêm nội dung khác nếu cần:"))
            hint.setWordWrap(True)
            form.addRow(hint)
            self.fields.add_row(form, self.tr("Giấy tờ cần bổ sung"), "missing", self.documents)
            form.addRow(self.tr("Nội dung khác"), self.other)
            self.fields.add_row(form, self.tr("Lý do"), "reason", self.reason)
        else:
            self.documents.hide()
            self.other.hide()
            self.fields.add_row(form, self.tr("Lý do từ chối"), "reason", self.reason)
        # the reason and the list take Enter as a new line: the action is Ctrl+Enter
        buttons, self.ok_button = confirm_buttons(self, self.tr("Tạo phiếu (Ctrl+Enter)"), default=False)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, self.accept)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(buttons)
        (self.documents if number == "02" else self.reason).setFocus()

    def items(self) -> list[str]:
        """The documents to supplement (Mẫu 02) or the reasons (Mẫu 03)."""
        if self.number == "03":
            return _lines(self.reason.toPlainText())
        ticked = [self.documents.item(i).text() for i in range(self.documents.count())
                  if self.documents.item(i).checkState() == Qt.CheckState.Checked]
        return ticked + _lines(self.other.toPlainText())

    def reason_text(self) -> str:
        """The reason of Mẫu 02 ('' for Mẫu 03, whose reasons are the items)."""
        return nfc(self.reason.toPlainText()) if self.number == "02" else ""

    def accept(self) -> None:
        """Close only when the form has what the printed phiếu needs."""
        errors = []
        if self.number == "02":
            if not self.items():
                errors.append(ValidationError("missing", self.tr("Đánh dấu hoặc ghi ít nhất một giấy tờ cần bổ sung")))
            if not self.reason_text():
                errors.append(ValidationError("reason", self.tr("Ghi lý do yêu cầu bổ sung, hoàn thiện hồ sơ")))
        elif not self.items():
            errors.append(ValidationError("reason", self.tr("Ghi lý do cụ thể của việc từ chối tiếp nhận hồ sơ")))
        if errors:
            self.fields.show(FormErrors(errors))
            return
        super().accept()


class NotReceivedFlow(QObject):
    """The intake form's "Phiếu bổ sung (Mẫu 02)…" and "Từ chối (Mẫu 03)…": checks the form has a procedure and a
    name, asks what the paper says, writes it in the worker, then shows it."""

    def __init__(self, form: IntakeDialog) -> None:
        super().__init__(form)
        self.form = form
        self.form_dialog: FormRequestDialog | None = None
        self.pdf_dialog: PdfDialog | None = None

    def start(self, number: str) -> None:
        """Mẫu `number` ("02" or "03") for what the form holds now."""
        form, errors = self.form, []
        if form.procedure is None:
            errors.append(ValidationError("procedure", self.tr("Chọn thủ tục trước khi in phiếu")))
        if not form.applicant_name.text().strip():
            errors.append(ValidationError("applicant_name", self.tr("Ghi tên người nộp để in trên phiếu")))
        if errors:
            present_error(FormErrors(errors), form.bar, form.fields)
            return
        form.fields.clear()
        form.bar.hide()
        self.form_dialog = FormRequestDialog(number, form.checklist.names(), set(form.checklist.not_received()), form)
        self.form_dialog.accepted.connect(self._on_form_dialog_accepted)
        self.form_dialog.open()

    def _on_form_dialog_accepted(self) -> None:
        form, dialog = self.form, self.form_dialog
        assert dialog is not None and form.procedure is not None
        ctx, actor, number, procedure = form.ctx, form.actor, dialog.number, form.procedure
        applicant = (form.applicant_name.text(), form.address.text(), form.phone.text())
        items, reason = dialog.items(), dialog.reason_text()
        out = form.folder("forms") / f"mau{number}-{datetime.now():%Y%m%d-%H%M%S}.pdf"
        ticket_number = form.ticket_number

        def work() -> Path:
            ticket_id = ticket_id_by_number(ctx, ticket_number) if ticket_number else None
            return issue_not_received_form(ctx, actor, number, procedure.id, applicant, items, reason, out, ticket_id)

        form.worker.submit(work,
                           lambda path: self._on_form_rendered(number, path),
                           lambda exc: present_error(exc, form.bar, retry=self._on_form_dialog_accepted))

    def _on_form_rendered(self, number: str, path: Path) -> None:
        self.form.bar.show_info(self.tr("Đã tạo %1: %2 (hồ sơ không được tiếp nhận)")
                                .replace("%1", form_title(number)).replace("%2", str(path)))
        self.pdf_dialog = PdfDialog(form_title(number), self.form)
        self.pdf_dialog.show_pdf(path)
        self.pdf_dialog.open()
