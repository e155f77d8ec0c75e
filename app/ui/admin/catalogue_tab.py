"""The catalogue tab: agencies on the left, the instant accent-insensitive search and procedures, the form."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import (QAbstractItemView, QHeaderView, QLabel, QLineEdit, QListWidget, QListWidgetItem,
                               QPushButton, QScrollArea, QSplitter, QTableWidget, QTableWidgetItem, QVBoxLayout,
                               QWidget)

from app.domain.catalog import ProcedureIndex, ProcessingUnit
from app.domain.errors import FormErrors
from app.services import catalog
from app.services.catalog import AgencyView, ProcedureView
from app.ui.admin.agency_dialog import AgencyDialog
from app.ui.admin.base import AdminEnv, AdminTab, button_row
from app.ui.admin.inputs import format_dong
from app.ui.admin.procedure_form import ProcedureForm
from app.ui.errors import present_error
from app.ui.i18n import text_of

# the table's headers, marked for translation where they are written (the tab shows them through self.tr)
COLUMNS = (QT_TRANSLATE_NOOP("CatalogueTab", "Mã"),
           QT_TRANSLATE_NOOP("CatalogueTab", "Tên thủ tục"),
           QT_TRANSLATE_NOOP("CatalogueTab", "Cơ quan"),
           QT_TRANSLATE_NOOP("CatalogueTab", "Thời hạn"),
           QT_TRANSLATE_NOOP("CatalogueTab", "Phí (đồng)"))
NAME_COLUMN, AGENCY_COLUMN = 1, 2


def processing_text(view: ProcedureView) -> str:
    """ "15 ngày làm việc", or "trong ngày"."""
    unit = ProcessingUnit(view.draft.processing_unit)
    label = text_of(unit.label)
    return label if unit == ProcessingUnit.SAME_DAY else f"{view.draft.processing_value} {label}"


class CatalogueTab(AdminTab):
    """Browse, search and edit agencies and procedures."""

    def __init__(self, env: AdminEnv) -> None:
        super().__init__(env)
        self.title = self.tr("Danh mục thủ tục")
        self._agencies: list[AgencyView] = []
        self._procedures: dict[int, ProcedureView] = {}
        self._index = ProcedureIndex([])
        self._select_after_load: int | None = None
        self.agencies = QListWidget()
        self.agencies.setWordWrap(True)
        self.agencies.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.agencies.currentRowChanged.connect(self._on_agencies_current_row_changed)
        add_agency, edit_agency = QPushButton(self.tr("Thêm cơ quan")), QPushButton(self.tr("Sửa cơ quan"))
        add_agency.clicked.connect(lambda: self._open_agency_dialog(None))
        edit_agency.clicked.connect(lambda: self._open_agency_dialog(self.current_agency()))
        self.search_box = QLineEdit()
        self.search_box.setPlaceholderText(self.tr("Tìm thủ tục: gõ có dấu hoặc không dấu (Ctrl+F)"))
        self.search_box.setClearButtonEnabled(True)
        self.search_box.textChanged.connect(self._on_search_box_text_changed)
        self.count_label = QLabel()
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels([self.tr(c) for c in COLUMNS])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        # the names are what an administrator reads: two lines of the widest column, elided after, whole as tooltip
        self.table.setWordWrap(True)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().lineSpacing() * 2 + 10)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(NAME_COLUMN, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(40)
        for column, width in ((0, 108), (AGENCY_COLUMN, 110), (3, 100), (4, 80)):
            self.table.setColumnWidth(column, width)
        self.table.currentCellChanged.connect(self._on_table_current_cell_changed)
        new_procedure = QPushButton(self.tr("Thêm thủ tục (Ctrl+N)"))
        new_procedure.clicked.connect(self.new)
        self.form = ProcedureForm()
        self.agency_dialog: AgencyDialog | None = None
        self.form.save_requested.connect(self.save)
        self.form.cancel_requested.connect(self.cancel)
        self._build(add_agency, edit_agency, new_procedure)

    def _build(self, add_agency: QPushButton, edit_agency: QPushButton, new_procedure: QPushButton) -> None:
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.addWidget(QLabel(self.tr("Cơ quan (số thủ tục)")))
        left_layout.addWidget(self.agencies, 1)
        left_layout.addWidget(button_row(add_agency, edit_agency, stretch_first=False))
        middle = QWidget()
        middle_layout = QVBoxLayout(middle)
        middle_layout.addWidget(self.search_box)
        middle_layout.addWidget(self.count_label)
        middle_layout.addWidget(self.table, 1)
        middle_layout.addWidget(button_row(new_procedure))
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(self.form)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        for pane in (left, middle, scroll):
            splitter.addWidget(pane)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([213, 733, 420])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

    # loading
    def load(self) -> None:
        ctx = self.env.ctx
        self.run(lambda: (catalog.list_agencies(ctx), catalog.list_procedures(ctx),
                          catalog.build_search_index(ctx, active_only=False)), self._on_loaded, retry=self.load)

    def _on_loaded(self, loaded: tuple[list[AgencyView], list[ProcedureView], ProcedureIndex]) -> None:
        agencies, procedures, self._index = loaded
        self._procedures = {p.id: p for p in procedures}
        chosen = self.current_agency()
        self._agencies = agencies
        self.agencies.blockSignals(True)
        self.agencies.clear()
        for a in agencies:
            item = QListWidgetItem(f"{a.name} ({a.procedure_count})")
            item.setToolTip(f"{a.key} · {a.identifier}")
            self.agencies.addItem(item)
        ids = [a.id for a in agencies]
        self.agencies.setCurrentRow(ids.index(chosen.id) if chosen and chosen.id in ids else 0)
        self.agencies.blockSignals(False)
        self._refresh_table()

    def current_agency(self) -> AgencyView | None:
        """The agency chosen on the left."""
        row = self.agencies.currentRow()
        return self._agencies[row] if 0 <= row < len(self._agencies) else None

    def select_agency(self, agency_id: int) -> None:
        """Choose an agency on the left (clears the search)."""
        self.search_box.clear()
        self.agencies.setCurrentRow([a.id for a in self._agencies].index(agency_id))

    def select_procedure(self, procedure_id: int) -> None:
        """Select a listed procedure (fills the form)."""
        for row in range(self.table.rowCount()):
            if self.table.item(row, 0).data(Qt.ItemDataRole.UserRole) == procedure_id:
                self.table.setCurrentCell(row, 1)
                self._show_in_form(self._procedures[procedure_id])
                return

    # listing and search
    def _on_agencies_current_row_changed(self, _row: int) -> None:
        if self.search_box.text():
            self.search_box.clear()  # textChanged refreshes the table
        else:
            self._refresh_table()

    def _on_search_box_text_changed(self, _text: str) -> None:
        self._refresh_table()

    def _refresh_table(self) -> None:
        text = self.search_box.text().strip()
        if text:
            shown = [self._procedures[i] for i in self._index.search(text) if i in self._procedures]
            self.count_label.setText(self.tr("%1 thủ tục khớp «%2» (mọi cơ quan)")
                                     .replace("%1", str(len(shown))).replace("%2", text))
            self.agencies.clearSelection()  # the list spans every agency: none is highlighted
        else:
            agency = self.current_agency()
            if agency is not None and not self.agencies.currentItem().isSelected():
                self.agencies.currentItem().setSelected(True)  # the search is gone: its agency again
            shown = [p for p in self._procedures.values() if agency and p.agency_id == agency.id]
            self.count_label.setText(self.tr("%1 thủ tục của %2").replace("%1", str(len(shown)))
                                     .replace("%2", agency.name if agency else ""))
        self.table.blockSignals(True)
        self.table.setRowCount(len(shown))
        for row, p in enumerate(shown):
            cells = (p.draft.code, p.draft.name, p.agency_name, processing_text(p), format_dong(p.draft.fee_vnd))
            for col, cell in enumerate(cells):
                item = QTableWidgetItem(cell)
                item.setToolTip(cell)
                if col == 4:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if not p.active:
                    item.setForeground(Qt.GlobalColor.gray)
                item.setData(Qt.ItemDataRole.UserRole, p.id)
                self.table.setItem(row, col, item)
        # the agency column only says something when the list spans agencies (a search)
        self.table.setColumnHidden(AGENCY_COLUMN, not text)
        just_saved = self._select_after_load is not None
        keep = self._select_after_load if just_saved else self.form.procedure_id
        self._select_after_load = None
        rows = [r for r, p in enumerate(shown) if p.id == keep]
        self.table.setCurrentCell(rows[0] if rows else -1, 1 if rows else -1)
        self.table.blockSignals(False)
        if rows and (just_saved or self.form.procedure_id != keep):  # show the stored values after a save
            self._show_in_form(self._procedures[keep])

    def _on_table_current_cell_changed(self, row: int, _col: int, _prev_row: int, _prev_col: int) -> None:
        item = self.table.item(row, 0) if row >= 0 else None
        if item is not None:
            self._show_in_form(self._procedures[int(item.data(Qt.ItemDataRole.UserRole))])

    def _show_in_form(self, view: ProcedureView | None, agency: AgencyView | None = None) -> None:
        agency_id = view.agency_id if view else agency.id  # type: ignore[union-attr]
        name = view.agency_name if view else agency.name  # type: ignore[union-attr]
        fields = sorted({p.draft.field_name for p in self._procedures.values()
                         if p.agency_id == agency_id and p.draft.field_name})
        self.form.show_procedure(view, agency_id, name, fields)

    # editing
    def focus_search(self) -> None:
        """Ctrl+F: put the cursor in the search box."""
        self.search_box.setFocus()
        self.search_box.selectAll()

    def new(self) -> None:
        agency = self.current_agency()
        if agency is not None:
            self.table.clearSelection()
            self._show_in_form(None, agency)
            self.form.code.setFocus()

    def cancel(self) -> None:
        if self.form.procedure_id is not None:
            self._show_in_form(self._procedures[self.form.procedure_id])
        elif self.form.agency_id is not None:
            self.new()
        self.env.bar.hide()

    def save(self) -> None:
        form = self.form
        if form.agency_id is None:
            return
        try:
            draft = form.draft()
        except FormErrors as exc:
            present_error(exc, self.env.bar, form.fields)
            return
        ctx, actor, pid, aid, active = self.env.ctx, self.env.actor, form.procedure_id, form.agency_id, \
            form.active.isChecked()
        form.fields.clear()
        self.run(lambda: catalog.save_procedure(ctx, actor, pid, aid, draft, active), self._on_saved,
                 fields=form.fields, retry=self.save)

    def _on_saved(self, procedure_id: int) -> None:
        self.env.bar.show_info(self.tr("Đã lưu thủ tục «%1».").replace("%1", self.form.code.text().strip()))
        self._select_after_load = procedure_id
        self.load()

    def _open_agency_dialog(self, agency: AgencyView | None) -> None:
        dialog = AgencyDialog(self.env, agency, self._on_agency_saved, self)
        self.agency_dialog = dialog
        dialog.open()

    def _on_agency_saved(self, view: AgencyView) -> None:
        self.env.bar.show_info(self.tr("Đã lưu cơ quan «%1».").replace("%1", view.name))
        self.load()
