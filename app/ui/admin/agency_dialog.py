"""Add or change an agency (cơ quan): key, name, identifier used in dossier codes, kind, and the head who signs
Mẫu 04 / 05 (name and title)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLineEdit, QVBoxLayout, QWidget

from app.domain.catalog import AgencyKind
from app.services import catalog
from app.services.catalog import AgencyView
from app.ui.admin.base import AdminEnv
from app.ui.errors import FieldErrors, MessageBar, present_error


class AgencyDialog(QDialog):
    """Edits one agency; saves in the background and closes when the store accepted it."""

    def __init__(self, env: AdminEnv, agency: AgencyView | None, on_saved: Callable[[AgencyView], None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.env, self.agency, self._on_saved_callback = env, agency, on_saved
        self.setWindowTitle(self.tr("Sửa cơ quan") if agency else self.tr("Thêm cơ quan"))
        self.setMinimumWidth(520)
        self.fields = FieldErrors()
        self.bar = MessageBar()
        self.key = QLineEdit(agency.key if agency else "")
        self.name = QLineEdit(agency.name if agency else "")
        self.identifier = QLineEdit(agency.identifier if agency else "")
        self.identifier.setPlaceholderText("000.00.06.H33")
        self.kind = QComboBox()
        self.kind.addItem(self.tr("Sở, ban, ngành"), AgencyKind.DEPARTMENT.value)
        self.kind.addItem(self.tr("Doanh nghiệp dịch vụ công (điện, nước…)"), AgencyKind.COMPANY.value)
        if agency:
            self.kind.setCurrentIndex(max(0, self.kind.findData(agency.kind)))
        self.head_name = QLineEdit(agency.head_name if agency else "")
        self.head_name.setPlaceholderText(self.tr("Người ký Mẫu 04, 05 (xin lỗi, dừng giải quyết)"))
        self.head_title = QLineEdit(agency.head_title if agency else "")
        self.head_title.setPlaceholderText(self.tr("GIÁM ĐỐC"))
        form = QFormLayout()
        self.fields.add_row(form, self.tr("Mã cơ quan"), "key", self.key)
        self.fields.add_row(form, self.tr("Tên cơ quan"), "name", self.name)
        self.fields.add_row(form, self.tr("Mã định danh"), "identifier", self.identifier)
        self.fields.add_row(form, self.tr("Loại"), "kind", self.kind)
        self.fields.add_row(form, self.tr("Thủ trưởng cơ quan"), "head_name", self.head_name)
        self.fields.add_row(form, self.tr("Chức vụ"), "head_title", self.head_title)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Lưu"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Hủy"))
        buttons.accepted.connect(self._on_accepted)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.bar)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def _on_accepted(self) -> None:
        env, agency_id = self.env, (self.agency.id if self.agency else None)
        key, name, identifier, kind = (self.key.text(), self.name.text(), self.identifier.text(),
                                       str(self.kind.currentData()))
        head_name, head_title = self.head_name.text(), self.head_title.text()
        env.worker.submit(lambda: catalog.save_agency(env.ctx, env.actor, agency_id, key, name, identifier, kind,
                                                      head_name, head_title),
                          self._on_save_done, lambda exc: present_error(exc, self.bar, self.fields))

    def _on_save_done(self, view: AgencyView) -> None:
        self._on_saved_callback(view)
        self.accept()
