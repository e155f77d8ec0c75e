"""The supervisor's "Đến hạn / quá hạn" tab: the dossiers due within a few working days and the late ones (code,
applicant, agency, due date and days late first, the procedure last), each opening in the dossier window where the
supervisor can act; and per agency, how many were resolved on time or late and how many open ones are overdue."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QHBoxLayout, QHeaderView, QLabel, QPushButton, QSplitter, QVBoxLayout, QWidget

from app.services import lifecycle
from app.services.context import LOCAL_TZ
from app.services.lifecycle import AgencyTimeliness, DossierLine
from app.ui.i18n import text_of
from app.ui.stations.dossier_view import DossierViewDialog
from app.ui.supervisor.base import SupervisorEnv, caption, fill
from app.ui.tables import read_only_table

DUE_SOON_WORKING_DAYS = 3
DUE, LATE_DAYS, PROCEDURE = 3, 4, 6  # columns of the two lists
LATE_RED = QColor("#c62828")


@dataclass(frozen=True)
class DueLists:
    """The dossiers due within a few working days and those already late."""

    due_soon: list[DossierLine]
    late: list[DossierLine]
    agencies: list[AgencyTimeliness]


class DueTab(QWidget):
    """Two lists, due soon and late; double-click or Enter opens a dossier, and the lists are read again after."""

    def __init__(self, env: SupervisorEnv) -> None:
        super().__init__()
        self.env = env
        self.dossier_dialog: DossierViewDialog | None = None
        self._build()

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        refresh = QPushButton(self.tr("Làm mới"))
        refresh.clicked.connect(self._on_refresh_due_clicked)
        self.open_dossier_button = QPushButton(self.tr("Mở hồ sơ (Enter)"))
        self.open_dossier_button.clicked.connect(self._on_open_dossier_clicked)
        row = QHBoxLayout()
        row.addWidget(refresh)
        row.addWidget(self.open_dossier_button)
        row.addWidget(QLabel(self.tr("Nhấp đúp một dòng để mở hồ sơ: xem quá trình, xin lỗi, chuyển, trả kết quả…")))
        row.addStretch(1)
        layout.addLayout(row)
        # what the supervisor acts on first; the procedure (up to 1,200 px of name) last, elided, whole as tooltip
        headers = [self.tr("Mã hồ sơ"), self.tr("Người nộp"), self.tr("Cơ quan"), self.tr("Hẹn trả"),
                   self.tr("Quá hạn"), self.tr("Trạng thái"), self.tr("Thủ tục")]
        self.due_caption = caption("")
        self.late_caption = caption("")
        self.due_table, self.late_table = read_only_table(headers), read_only_table(headers)
        self.agency_table = read_only_table([self.tr("Cơ quan"), self.tr("Đã trả đúng hạn"), self.tr("Đã trả trễ hạn"),
                                             self.tr("Đang quá hạn"), self.tr("Đang trong hạn")])
        self.agency_table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.agency_table.horizontalHeader().setStretchLastSection(False)
        splitter = QSplitter(Qt.Orientation.Vertical)
        for title, table in ((self.due_caption, self.due_table), (self.late_caption, self.late_table),
                             (caption(self.tr("Theo cơ quan (hồ sơ đã trả từ đầu năm, hồ sơ đang giải quyết)")),
                              self.agency_table)):
            box = QWidget()
            inner = QVBoxLayout(box)
            inner.setContentsMargins(0, 0, 0, 0)
            inner.addWidget(title)
            inner.addWidget(table)
            splitter.addWidget(box)
        layout.addWidget(splitter, 1)
        for table in (self.due_table, self.late_table):
            header = table.horizontalHeader()
            header.setSectionResizeMode(PROCEDURE, QHeaderView.ResizeMode.Stretch)
            table.setTextElideMode(Qt.TextElideMode.ElideRight)
            table.setWordWrap(False)
            table.cellDoubleClicked.connect(lambda r, _c, t=table: self.open_dossier(t.item(r, 0).text()))
            table.itemActivated.connect(lambda item, t=table: self.open_dossier(t.item(item.row(), 0).text()))

    def _on_open_dossier_clicked(self) -> None:
        for table in (self.late_table, self.due_table):
            row = table.currentRow()
            if row >= 0 and table.item(row, 0) is not None:
                self.open_dossier(table.item(row, 0).text())
                return
        self.env.bar.show_info(self.tr("Chọn một hồ sơ trong danh sách trước"))

    def open_dossier(self, code: str) -> None:
        """The dossier window, with the actions the supervisor may take; the lists are read again after it."""
        self.dossier_dialog = DossierViewDialog(self.env.ctx, code, self, actor=self.env.actor)
        self.dossier_dialog.finished.connect(lambda _result: self.load_due())
        self.dossier_dialog.open()

    def load_due(self) -> None:
        """Read the dossiers due within DUE_SOON_WORKING_DAYS working days, the late ones and the per-agency
        summary."""
        ctx = self.env.ctx
        self.env.submit(lambda: DueLists(lifecycle.due_soon(ctx, DUE_SOON_WORKING_DAYS), lifecycle.late(ctx),
                                         lifecycle.agency_timeliness(ctx)),
                        self._on_due_loaded, self.load_due)

    def _on_due_loaded(self, lists: DueLists) -> None:
        self.due_caption.setText(self.tr("Sắp đến hạn (trong %1 ngày làm việc): %2 hồ sơ")
                                 .replace("%1", str(DUE_SOON_WORKING_DAYS)).replace("%2", str(len(lists.due_soon))))
        self.late_caption.setText(self.tr("Quá hạn: %1 hồ sơ").replace("%1", str(len(lists.late))))
        for table, lines in ((self.due_table, lists.due_soon), (self.late_table, lists.late)):
            fill(table, [(d.code, d.applicant_name, d.agency_name,
                          f"{d.due_at.astimezone(LOCAL_TZ):%d/%m/%Y %H:%M}" if d.due_at else "",
                          self.tr("%1 ngày").replace("%1", str(d.overdue_days)) if d.overdue_days else "",
                          text_of(d.status_label), d.procedure_name) for d in lines])
            for r, d in enumerate(lines):
                table.item(r, PROCEDURE).setToolTip(d.procedure_name)
                table.item(r, LATE_DAYS).setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if d.overdue_days:
                    for c in (DUE, LATE_DAYS):
                        table.item(r, c).setForeground(LATE_RED)
        fill(self.agency_table, [(a.agency_name, a.on_time, a.late, a.overdue, a.open_in_time)
                                 for a in lists.agencies], numeric_from=1)
        for r, a in enumerate(lists.agencies):
            if a.overdue:
                self.agency_table.item(r, 3).setForeground(LATE_RED)

    def _on_refresh_due_clicked(self) -> None:
        self.load_due()
