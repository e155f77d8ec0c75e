"""The intake form's procedure picker: search the catalogue (with or without diacritics) among the agencies of the
ticket's service or all of them, take one with ↓ and Enter, see its summary."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QCheckBox, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QListWidget, QListWidgetItem, \
    QVBoxLayout

from app.domain.catalog import ProcedureIndex
from app.services.catalog import ProcedureView
from app.services.dossier_forms import processing_time_text
from app.ui.errors import FieldErrors
from app.ui.i18n import text_of

RESULTS_LIMIT = 100
RETURN_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class ProcedurePicker(QGroupBox):
    """Box 1 of the form. `chosen(ProcedureView)` whenever a procedure is taken; `picked()` after the officer took
    it from the list (the form then moves on to the applicant)."""

    chosen = Signal(object)
    picked = Signal()

    def __init__(self, service_agency_ids: set[int] | None, fields: FieldErrors) -> None:
        super().__init__()
        self.setTitle(self.tr("1. Thủ tục hành chính"))
        self.service_agency_ids = service_agency_ids
        self.index: ProcedureIndex | None = None
        self.procedures: dict[int, ProcedureView] = {}
        self.procedure: ProcedureView | None = None
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Gõ tên hoặc mã thủ tục (có dấu hay không dấu đều được)"))
        self.search.setClearButtonEnabled(True)
        self.all_agencies = QCheckBox(self.tr("Tất cả cơ quan"))
        self.all_agencies.setChecked(service_agency_ids is None)
        self.all_agencies.setEnabled(service_agency_ids is not None)
        self.results = QListWidget()
        self.results.setWordWrap(True)
        self.results.setMinimumHeight(150)
        self.procedure_info = QLabel(self.tr("Chưa chọn thủ tục."))
        self.procedure_info.setWordWrap(True)
        self.procedure_info.setStyleSheet("background:#e3f2fd; border:1px solid #90caf9; padding:6px;")
        self.found = QLabel()
        self.found.setStyleSheet("color: #546e7a;")
        box = QVBoxLayout(self)
        search_row = QHBoxLayout()
        search_row.addWidget(self.search, 1)
        search_row.addWidget(self.all_agencies)
        box.addLayout(search_row)
        box.addWidget(self.found)
        box.addWidget(fields.wrap("procedure", self.results), 1)
        box.addWidget(self.procedure_info)
        self.search.textChanged.connect(self._on_search_text_changed)
        self.all_agencies.toggled.connect(self._on_search_text_changed)
        self.results.itemActivated.connect(self._on_results_item_activated)
        for w in (self.search, self.results):
            w.installEventFilter(self)

    def set_catalogue(self, index: ProcedureIndex, procedures: list[ProcedureView]) -> None:
        """The catalogue to search (loaded in the background), then the current search again."""
        self.index = index
        self.procedures = {p.id: p for p in procedures}
        self._on_search_text_changed()

    def _on_search_text_changed(self, *_args: object) -> None:
        if self.index is None:
            return
        agencies = None if self.all_agencies.isChecked() else self.service_agency_ids
        ids = self.index.search(self.search.text(), agencies, limit=RESULTS_LIMIT)
        self.results.clear()
        for pid in ids:
            p = self.procedures.get(pid)
            if p is None:
                continue
            item = QListWidgetItem(f"{p.draft.name}\n    {p.agency_name} · {p.draft.code}")
            item.setData(Qt.ItemDataRole.UserRole, pid)
            item.setToolTip(p.draft.name)
            self.results.addItem(item)
        self.found.setText(self.tr("%1 thủ tục").replace("%1", str(len(ids))) + (
            self.tr(" của các cơ quan thuộc dịch vụ của số thứ tự · ↓ để chọn, Enter để lấy") if agencies is not None
            else self.tr(" · ↓ để chọn, Enter để lấy")))
        if not ids:
            hint = self.tr("Không thấy thủ tục nào") + ("" if agencies is None else
                                                        self.tr(" — thử đánh dấu «Tất cả cơ quan»"))
            empty = QListWidgetItem(hint)
            empty.setFlags(Qt.ItemFlag.NoItemFlags)
            self.results.addItem(empty)

    def _on_results_item_activated(self, item: QListWidgetItem) -> None:
        pid = item.data(Qt.ItemDataRole.UserRole)
        if pid is not None:
            self.choose(int(pid))
            self.picked.emit()

    def choose(self, procedure_id: int) -> ProcedureView:
        """Take a procedure: its summary here, and `chosen` for the rest of the form."""
        p = self.procedures[procedure_id]
        self.procedure = p
        d = p.draft
        online = self.tr("mức độ %1").replace("%1", str(d.online_level)) if d.online_level else self.tr("không")
        self.procedure_info.setText(
            f"<b>{d.name}</b><br>{p.agency_name} · {d.code}<br>"
            + self.tr("Thời hạn: %1 · Trực tuyến: %2 · Bưu chính: %3")
            .replace("%1", text_of(processing_time_text(d.processing_value, d.processing_unit))).replace("%2", online)
            .replace("%3", self.tr("có") if d.postal_allowed else self.tr("không")))
        self.chosen.emit(p)
        return p

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        """Down in the search box goes to the results; Enter in either takes the current (or first) result."""
        if event.type() != QEvent.Type.KeyPress:
            return False
        assert isinstance(event, QKeyEvent)
        key, plain = event.key(), not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if watched is self.search and key == Qt.Key.Key_Down and self.results.count():
            self.results.setFocus()
            self.results.setCurrentRow(max(0, self.results.currentRow()))
            return True
        if key in RETURN_KEYS and plain:
            item = self.results.currentItem() or self.results.item(0)
            if item is not None:
                self._on_results_item_activated(item)
            return True
        return False
