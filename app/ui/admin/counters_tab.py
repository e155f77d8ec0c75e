"""The counters tab: counter number, name, and the services it calls in order of preference."""

from __future__ import annotations

from PySide6.QtWidgets import (QCheckBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton, QSpinBox,
                               QVBoxLayout, QWidget)

from app.services import hall
from app.services.hall import CounterView, ServiceView
from app.ui.admin.base import (AdminEnv, AdminTab, fill_table, make_table, master_detail, row_key,
                               select_key)
from app.ui.admin.inputs import CheckList
from app.ui.errors import FieldErrors


class CountersTab(AdminTab):
    """List and edit the hall's counters."""

    def __init__(self, env: AdminEnv) -> None:
        super().__init__(env)
        self.title = self.tr("Quầy")
        self._counters: dict[int, CounterView] = {}
        self._services: list[ServiceView] = []
        self.counter_id: int | None = None
        self.table = make_table([self.tr("Số quầy"), self.tr("Tên quầy"), self.tr("Gọi các dịch vụ (theo thứ tự)"),
                                 self.tr("Trạng thái")])
        self.table.currentCellChanged.connect(self._on_table_current_cell_changed)
        self.fields = FieldErrors()
        self.heading = QLabel()
        self.heading.setStyleSheet("font-weight: bold;")
        self.number = QSpinBox()
        self.number.setRange(0, 999)
        self.name = QLineEdit()
        self.service_list = CheckList()
        self.active = QCheckBox(self.tr("Đang hoạt động"))
        self._build()

    def _build(self) -> None:
        form = QFormLayout()
        self.fields.add_row(form, self.tr("Số quầy"), "number", self.number)
        self.fields.add_row(form, self.tr("Tên quầy"), "name", self.name)
        services = QWidget()
        services_row = QHBoxLayout(services)
        services_row.setContentsMargins(0, 0, 0, 0)
        services_row.addWidget(self.fields.wrap("service_ids", self.service_list), 1)
        arrows = QVBoxLayout()
        up, down = QPushButton(self.tr("Lên")), QPushButton(self.tr("Xuống"))
        up.setToolTip(self.tr("Gọi dịch vụ này trước"))
        up.clicked.connect(lambda: self.service_list.move(-1))
        down.clicked.connect(lambda: self.service_list.move(1))
        arrows.addWidget(up)
        arrows.addWidget(down)
        arrows.addStretch(1)
        services_row.addLayout(arrows)
        form.addRow(self.tr("Dịch vụ được gọi"), services)
        form.addRow(QLabel(self.tr("Đánh dấu các dịch vụ quầy gọi; dịch vụ ở trên được gọi trước.")))
        form.addRow(self.active)
        self.editor = master_detail(self, self.table, self.heading, form, self.tr("Thêm quầy (Ctrl+N)"), (660, 680))

    def load(self) -> None:
        ctx = self.env.ctx
        self.run(lambda: (hall.list_counters(ctx), hall.list_services(ctx)), self._on_loaded, retry=self.load)

    def _on_loaded(self, loaded: tuple[list[CounterView], list[ServiceView]]) -> None:
        counters, self._services = loaded
        self._counters = {c.id: c for c in counters}
        fill_table(self.table, [(c.id, [str(c.number), c.name, ", ".join(c.service_names),
                                        self.tr("Hoạt động") if c.active else self.tr("Ngừng")])
                                for c in counters])
        if self.counter_id is not None:
            select_key(self.table, self.counter_id)

    def _on_table_current_cell_changed(self, row: int, *_: int) -> None:
        key = row_key(self.table, row)
        if key is not None:
            self._show(self._counters[key])

    def _show(self, view: CounterView | None) -> None:
        self.counter_id = view.id if view else None
        self.fields.clear()
        self.heading.setText(self.tr("Sửa quầy") if view else self.tr("Quầy mới"))
        next_number = max((c.number for c in self._counters.values()), default=0) + 1
        self.number.setValue(view.number if view else next_number)
        self.name.setText(view.name if view else self.tr("Quầy số %1").replace("%1", str(next_number)))
        self.service_list.set_items([(s.id, f"{s.draft.code} — {s.draft.name}") for s in self._services],
                                    view.service_ids if view else ())
        self.active.setChecked(view.active if view else True)
        self.editor.setEnabled(True)

    def new(self) -> None:
        self.table.clearSelection()
        self._show(None)
        self.number.setFocus()

    def cancel(self) -> None:
        if self.editor.isEnabled():
            self._show(self._counters.get(self.counter_id) if self.counter_id is not None else None)

    def save(self) -> None:
        if not self.editor.isEnabled():
            return
        ctx, actor, cid = self.env.ctx, self.env.actor, self.counter_id
        number, name, ids, active = (self.number.value(), self.name.text(), self.service_list.checked_ids(),
                                     self.active.isChecked())
        self.fields.clear()
        self.run(lambda: hall.save_counter(ctx, actor, cid, number, name, ids, active), self._on_saved,
                 fields=self.fields, retry=self.save)

    def _on_saved(self, counter_id: int) -> None:
        self.counter_id = counter_id
        self.env.bar.show_info(self.tr("Đã lưu quầy số %1.").replace("%1", str(self.number.value())))
        self.load()
