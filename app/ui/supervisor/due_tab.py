"""The supervisor's "Đến hạn / quá hạn" tab: the dossiers due within a few working days and the late ones, each
opening in the dossier window where the supervisor can act."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.services import lifecycle
from app.services.context import LOCAL_TZ
from app.services.lifecycle import DossierLine
from app.ui.stations.dossier_view import DossierViewDialog
from app.ui.supervisor.base import SupervisorEnv, caption, fill
from app.ui.tables import read_only_table

DUE_SOON_WORKING_DAYS = 3


@dataclass(frozen=True)
class DueLists:
    """The dossiers due within a few working days and those already late."""

    due_soon: list[DossierLine]
    late: list[DossierLine]


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
        headers = [self.tr("Mã hồ sơ"), self.tr("Người nộp"), self.tr("Thủ tục"), self.tr("Cơ quan"),
                   self.tr("Trạng thái"), self.tr("Hẹn trả")]
        self.due_caption = caption("")
        self.late_caption = caption("")
        self.due_table, self.late_table = read_only_table(headers), read_only_table(headers)
        for w in (self.due_caption, self.due_table, self.late_caption, self.late_table):
            layout.addWidget(w)
        for table in (self.due_table, self.late_table):
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
        """Read the dossiers due within DUE_SOON_WORKING_DAYS working days and the late ones."""
        ctx = self.env.ctx
        self.env.submit(lambda: DueLists(lifecycle.due_soon(ctx, DUE_SOON_WORKING_DAYS), lifecycle.late(ctx)),
                     self._on_due_loaded, self.load_due)

    def _on_due_loaded(self, lists: DueLists) -> None:
        self.due_caption.setText(self.tr("Sắp đến hạn (trong %1 ngày làm việc): %2 hồ sơ")
                                 .replace("%1", str(DUE_SOON_WORKING_DAYS)).replace("%2", str(len(lists.due_soon))))
        self.late_caption.setText(self.tr("Quá hạn: %1 hồ sơ").replace("%1", str(len(lists.late))))
        for table, lines in ((self.due_table, lists.due_soon), (self.late_table, lists.late)):
            fill(table, [(d.code, d.applicant_name, d.procedure_name, d.agency_name, d.status_label,
                           f"{d.due_at.astimezone(LOCAL_TZ):%H:%M %d/%m/%Y}" if d.due_at else "")
                          for d in lines])

    def _on_refresh_due_clicked(self) -> None:
        self.load_due()
