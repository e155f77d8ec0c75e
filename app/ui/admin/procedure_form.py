"""The procedure form: code, name, field, processing time, cut-off hour, fees, flags and required documents."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QComboBox, QFormLayout, QHBoxLayout, QHeaderView,
                               QLabel, QLineEdit, QPlainTextEdit, QPushButton, QSpinBox, QTableWidget,
                               QTableWidgetItem, QVBoxLayout, QWidget)

from app.domain.catalog import DocumentDraft, DocumentKind, ProcedureDraft, ProcessingUnit, SupplementPolicy
from app.domain.errors import FormErrors, ValidationError
from app.services.catalog import ProcedureView
from app.ui.admin.base import button_row
from app.ui.admin.inputs import MoneyEdit, OptionalTime
from app.ui.errors import FieldErrors
from app.ui.i18n import text_of


class DocumentsTable(QTableWidget):
    """The required documents (thành phần hồ sơ): name, kind, count; rows added and removed by the officer."""

    def __init__(self) -> None:
        super().__init__(0, 3)
        self.setHorizontalHeaderLabels([self.tr("Tên giấy tờ"), self.tr("Loại bản"), self.tr("Số lượng")])
        header = self.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Fixed)
        probe = QComboBox()
        probe.addItems([k.label for k in DocumentKind])
        self.setColumnWidth(1, probe.sizeHint().width())
        self.setColumnWidth(2, 64)
        self.verticalHeader().setVisible(False)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setMinimumHeight(150)

    def set_documents(self, documents: list[DocumentDraft]) -> None:
        """Show a procedure's documents."""
        self.setRowCount(0)
        for doc in documents:
            self.add_row(doc)

    def add_row(self, doc: DocumentDraft | None = None) -> None:
        """Append a row (empty for the officer to fill)."""
        doc = doc or DocumentDraft("")
        row = self.rowCount()
        self.insertRow(row)
        self.setItem(row, 0, QTableWidgetItem(doc.name))
        kind = QComboBox()
        for k in DocumentKind:
            kind.addItem(text_of(k.label), k.value)
        kind.setCurrentIndex(max(0, kind.findData(doc.kind)))
        self.setCellWidget(row, 1, kind)
        count = QSpinBox()
        count.setRange(1, 99)
        count.setValue(doc.count)
        self.setCellWidget(row, 2, count)

    def remove_current(self) -> None:
        """Drop the selected row."""
        if self.currentRow() >= 0:
            self.removeRow(self.currentRow())

    def documents(self) -> list[DocumentDraft]:
        """The rows as drafts."""
        result = []
        for row in range(self.rowCount()):
            item = self.item(row, 0)
            kind: QComboBox = self.cellWidget(row, 1)  # type: ignore[assignment]
            count: QSpinBox = self.cellWidget(row, 2)  # type: ignore[assignment]
            result.append(DocumentDraft(item.text() if item else "", str(kind.currentData()), count.value()))
        return result


class ProcedureForm(QWidget):
    """Edits one procedure; emits `save_requested` (Ctrl+S or the button) and `cancel_requested` (Escape)."""

    save_requested = Signal()
    cancel_requested = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.procedure_id: int | None = None
        self.agency_id: int | None = None
        self.fields = FieldErrors()
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.heading.setStyleSheet("font-weight: bold; font-size: 11pt;")
        self.code = QLineEdit()
        self.name = QPlainTextEdit()
        self.name.setTabChangesFocus(True)
        self.name.setFixedHeight(self.fontMetrics().lineSpacing() * 4 + 12)
        self.field_name = QComboBox()
        self.field_name.setEditable(True)
        self.field_name.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.processing_value = QSpinBox()
        self.processing_value.setRange(0, 3650)
        self.processing_unit = QComboBox()
        for unit in ProcessingUnit:
            self.processing_unit.addItem(text_of(unit.label), unit.value)
        self.cutoff = OptionalTime(self.tr("Nhận hồ sơ đến"))
        self.supplement_policy = QComboBox()
        for policy in SupplementPolicy:
            self.supplement_policy.addItem(text_of(policy.label), policy.value)
        self.fee = MoneyEdit()
        self.online_level = QComboBox()
        self.online_level.addItem(self.tr("Không trực tuyến"), None)
        for level in (2, 3, 4):
            self.online_level.addItem(self.tr("Mức %1").replace("%1", str(level)), level)
        self.on_the_spot = QCheckBox(self.tr("Giải quyết ngay tại quầy"))
        self.postal_allowed = QCheckBox(self.tr("Nhận/trả qua bưu chính"))
        self.active = QCheckBox(self.tr("Đang áp dụng"))
        self.documents = DocumentsTable()
        self._build()

    def _build(self) -> None:
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        f = self.fields
        f.add_row(form, self.tr("Mã thủ tục"), "code", self.code)
        f.add_row(form, self.tr("Tên thủ tục"), "name", self.name)
        f.add_row(form, self.tr("Lĩnh vực"), "field_name", self.field_name)
        timing = QWidget()
        row = QHBoxLayout(timing)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.processing_value)
        row.addWidget(self.processing_unit, 1)
        f.add_row(form, self.tr("Thời hạn giải quyết"), "processing_value", timing, self.processing_value)
        f.add_row(form, self.tr("Giờ tiếp nhận cuối"), "cutoff", self.cutoff)
        f.add_row(form, self.tr("Khi yêu cầu bổ sung"), "supplement_policy", self.supplement_policy)
        f.add_row(form, self.tr("Phí, lệ phí (đồng)"), "fee_vnd", self.fee)
        f.add_row(form, self.tr("Dịch vụ công trực tuyến"), "online_level", self.online_level)
        form.addRow("", self.on_the_spot)
        form.addRow("", self.postal_allowed)
        form.addRow("", self.active)
        add, remove = QPushButton(self.tr("Thêm giấy tờ")), QPushButton(self.tr("Bỏ dòng đã chọn"))
        add.clicked.connect(self._on_add_document_clicked)
        remove.clicked.connect(self.documents.remove_current)
        self.save_button = QPushButton(self.tr("Lưu (Ctrl+S)"))
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save_requested)
        self.cancel_button = QPushButton(self.tr("Hủy thay đổi (Esc)"))
        self.cancel_button.clicked.connect(self.cancel_requested)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("Thành phần hồ sơ")))
        layout.addWidget(self.fields.wrap("documents", self.documents), 1)
        layout.addWidget(button_row(add, remove, stretch_first=False))
        layout.addWidget(button_row(self.cancel_button, self.save_button))
        self.setEnabled(False)

    def _on_add_document_clicked(self) -> None:
        self.documents.add_row()
        self.documents.setCurrentCell(self.documents.rowCount() - 1, 0)
        self.documents.editItem(self.documents.item(self.documents.rowCount() - 1, 0))

    def show_procedure(self, view: ProcedureView | None, agency_id: int, agency_name: str,
                       agency_fields: list[str]) -> None:
        """Fill the form from a stored procedure, or empty for a new one of `agency_id`."""
        d = view.draft if view else ProcedureDraft("", "", 5, ProcessingUnit.WORKING_DAYS.value)
        self.procedure_id, self.agency_id = (view.id if view else None), agency_id
        self.fields.clear()
        self.heading.setText((self.tr("Sửa thủ tục — %1") if view else self.tr("Thủ tục mới — %1"))
                             .replace("%1", agency_name))
        self.code.setText(d.code)
        self.name.setPlainText(d.name)
        self.field_name.clear()
        self.field_name.addItems(agency_fields)
        self.field_name.setCurrentText(d.field_name)
        self.processing_value.setValue(d.processing_value)
        self.processing_unit.setCurrentIndex(max(0, self.processing_unit.findData(d.processing_unit)))
        self.cutoff.set_value(d.cutoff)
        self.supplement_policy.setCurrentIndex(max(0, self.supplement_policy.findData(d.supplement_policy)))
        self.fee.set_amount(d.fee_vnd)
        self.online_level.setCurrentIndex(max(0, self.online_level.findData(d.online_level)))
        self.on_the_spot.setChecked(d.on_the_spot)
        self.postal_allowed.setChecked(d.postal_allowed)
        self.active.setChecked(view.active if view else True)
        self.documents.set_documents(d.documents)
        self.setEnabled(True)

    def draft(self) -> ProcedureDraft:
        """The form as a draft; FormErrors for values that cannot even be read (the service checks the rest)."""
        try:
            fee = self.fee.amount()
        except ValidationError as exc:
            raise FormErrors([exc]) from exc
        return ProcedureDraft(self.code.text(), self.name.toPlainText(), self.processing_value.value(),
                              str(self.processing_unit.currentData()), fee, self.cutoff.value(),
                              str(self.supplement_policy.currentData()), self.on_the_spot.isChecked(),
                              self.online_level.currentData(), self.postal_allowed.isChecked(),
                              self.field_name.currentText(), self.documents.documents())
