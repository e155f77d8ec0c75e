"""The services tab: queue lines (dịch vụ xếp hàng) with their number ranges, daily cap and agencies served."""

from __future__ import annotations

from PySide6.QtWidgets import (QCheckBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QSpinBox,
                               QWidget)

from app.services import catalog, hall
from app.services.catalog import AgencyView
from app.services.hall import ServiceDraft, ServiceView
from app.ui.admin.base import (AdminEnv, AdminTab, fill_table, make_table, master_detail, row_key,
                               select_key)
from app.ui.admin.inputs import CheckList
from app.ui.errors import FieldErrors


class ServicesTab(AdminTab):
    """List and edit the services a kiosk offers."""

    def __init__(self, env: AdminEnv) -> None:
        super().__init__(env)
        self.title = self.tr("Dịch vụ")
        self._services: dict[int, ServiceView] = {}
        self._agencies: list[AgencyView] = []
        self.service_id: int | None = None
        self.table = make_table([self.tr("Mã"), self.tr("Tên dịch vụ"), self.tr("Dải số"),
                                 self.tr("Tối đa/ngày"), self.tr("Số cơ quan")])
        self.table.currentCellChanged.connect(self._on_table_current_cell_changed)
        self.fields = FieldErrors()
        self.heading = QLabel()
        self.heading.setStyleSheet("font-weight: bold;")
        self.code, self.name, self.prefix = QLineEdit(), QLineEdit(), QLineEdit()
        self.name_en = QLineEdit()
        self.name_en.setPlaceholderText(self.tr("để trống: kiosk hiện tên tiếng Việt"))
        self.name_en.setToolTip(self.tr("Tên công dân nước ngoài đọc trên kiosk khi chọn English"))
        self.prefix.setMaxLength(4)
        self.range_start, self.range_end = QSpinBox(), QSpinBox()
        for box in (self.range_start, self.range_end):
            box.setRange(0, 999_999)
        self.has_cap = QCheckBox(self.tr("Giới hạn"))
        self.daily_cap = QSpinBox()
        self.daily_cap.setRange(1, 99_999)
        self.has_cap.toggled.connect(self.daily_cap.setEnabled)
        self.avg_minutes = QSpinBox()
        self.avg_minutes.setRange(1, 240)
        self.avg_minutes.setSuffix(self.tr(" phút"))
        self.agency_list = CheckList()
        self.active = QCheckBox(self.tr("Đang phục vụ"))
        self._build()

    def _build(self) -> None:
        form = QFormLayout()
        f = self.fields
        f.add_row(form, self.tr("Mã dịch vụ"), "code", self.code)
        f.add_row(form, self.tr("Tên dịch vụ"), "name", self.name)
        f.add_row(form, self.tr("Tên tiếng Anh (kiosk)"), "name_en", self.name_en)
        f.add_row(form, self.tr("Tiền tố số phiếu"), "prefix", self.prefix)
        numbers = QWidget()
        row = QHBoxLayout(numbers)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.range_start)
        row.addWidget(QLabel("–"))
        row.addWidget(f.wrap("range_end", self.range_end), 1)
        form.addRow(self.tr("Dải số phiếu"), numbers)
        cap = QWidget()
        cap_row = QHBoxLayout(cap)
        cap_row.setContentsMargins(0, 0, 0, 0)
        cap_row.addWidget(self.has_cap)
        cap_row.addWidget(f.wrap("daily_cap", self.daily_cap), 1)
        form.addRow(self.tr("Số phiếu tối đa mỗi ngày"), cap)
        f.add_row(form, self.tr("Thời gian phục vụ trung bình"), "avg_service_minutes", self.avg_minutes)
        f.add_row(form, self.tr("Phục vụ các cơ quan"), "agency_ids", self.agency_list)
        form.addRow(self.active)
        self.editor = master_detail(self, self.table, self.heading, form, self.tr("Thêm dịch vụ (Ctrl+N)"), (700, 600))

    def load(self) -> None:
        ctx = self.env.ctx
        self.run(lambda: (hall.list_services(ctx), catalog.list_agencies(ctx)), self._on_loaded, retry=self.load)

    def _on_loaded(self, loaded: tuple[list[ServiceView], list[AgencyView]]) -> None:
        services, self._agencies = loaded
        self._services = {v.id: v for v in services}
        fill_table(self.table, [(v.id, [v.draft.code, v.draft.name, f"{v.draft.prefix}{v.draft.range_start}–"
                                        f"{v.draft.prefix}{v.draft.range_end}",
                                        str(v.draft.daily_cap or self.tr("không giới hạn")),
                                        str(len(v.agency_names))]) for v in services])
        if self.service_id is not None:
            select_key(self.table, self.service_id)

    def _on_table_current_cell_changed(self, row: int, *_: int) -> None:
        key = row_key(self.table, row)
        if key is not None:
            self._show(self._services[key])

    def _show(self, view: ServiceView | None) -> None:
        d = view.draft if view else ServiceDraft("", "")
        self.service_id = view.id if view else None
        self.fields.clear()
        self.heading.setText(self.tr("Sửa dịch vụ") if view else self.tr("Dịch vụ mới"))
        self.code.setText(d.code)
        self.name.setText(d.name)
        self.name_en.setText(d.name_en)
        self.prefix.setText(d.prefix)
        self.range_start.setValue(d.range_start)
        self.range_end.setValue(d.range_end)
        self.has_cap.setChecked(d.daily_cap is not None)
        self.daily_cap.setEnabled(d.daily_cap is not None)
        self.daily_cap.setValue(d.daily_cap or 200)
        self.avg_minutes.setValue(d.avg_service_minutes)
        self.agency_list.set_items([(a.id, a.name) for a in self._agencies], d.agency_ids)
        self.active.setChecked(d.active)
        self.editor.setEnabled(True)

    def new(self) -> None:
        self.table.clearSelection()
        self._show(None)
        self.code.setFocus()

    def cancel(self) -> None:
        if self.editor.isEnabled():
            self._show(self._services.get(self.service_id) if self.service_id is not None else None)

    def save(self) -> None:
        if not self.editor.isEnabled():
            return
        draft = ServiceDraft(self.code.text(), self.name.text(), self.prefix.text(), self.range_start.value(),
                             self.range_end.value(), self.daily_cap.value() if self.has_cap.isChecked() else None,
                             self.avg_minutes.value(), tuple(self.agency_list.checked_ids()),
                             self.active.isChecked(), self.name_en.text())
        ctx, actor, sid = self.env.ctx, self.env.actor, self.service_id
        self.fields.clear()
        self.run(lambda: hall.save_service(ctx, actor, sid, draft), self._on_saved, fields=self.fields,
                 retry=self.save)

    def _on_saved(self, service_id: int) -> None:
        self.service_id = service_id
        self.env.bar.show_info(self.tr("Đã lưu dịch vụ «%1».").replace("%1", self.name.text().strip()))
        self.load()
