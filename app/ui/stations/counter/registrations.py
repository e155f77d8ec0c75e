"""Online applications waiting at the counter (hồ sơ đăng ký trực tuyến, Shift+F8): the list, oldest first; Enter (or a
double click) opens the chosen one in the dossier window, where the officer accepts it (code and due date from that
moment, Mẫu 01) or refuses it (Mẫu 03 with the reasons)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QTableWidgetItem, QVBoxLayout, QWidget

from app.services import lifecycle
from app.services.context import LOCAL_TZ, Context
from app.services.lifecycle import DossierLine
from app.ui.errors import MessageBar, present_error
from app.ui.tables import read_only_table
from app.ui.worker import Worker

HEADERS = (QT_TRANSLATE_NOOP("RegistrationsDialog", "Mã trên Cổng DVC"),
           QT_TRANSLATE_NOOP("RegistrationsDialog", "Đăng ký lúc"),
           QT_TRANSLATE_NOOP("RegistrationsDialog", "Người nộp"),
           QT_TRANSLATE_NOOP("RegistrationsDialog", "Thủ tục"),
           QT_TRANSLATE_NOOP("RegistrationsDialog", "Cơ quan giải quyết"))


class RegistrationsDialog(QDialog):
    """The registrations waiting for reception; `open_dossier(code)` is called with the one chosen."""

    def __init__(self, ctx: Context, open_dossier: Callable[[str], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self._open_dossier = ctx, open_dossier
        self.lines: list[DossierLine] = []
        self.worker = Worker(self, threads=1)
        self.setWindowTitle(self.tr("Hồ sơ đăng ký trực tuyến chờ tiếp nhận"))
        self.resize(980, 420)
        self.bar = MessageBar()
        self.summary = QLabel(self.tr("Đang tải…"))
        self.table = read_only_table([self.tr(h) for h in HEADERS], single_selection=True)
        self.table.doubleClicked.connect(self._on_table_double_clicked)
        self.open_button = QPushButton(self.tr("Mở hồ sơ để tiếp nhận / từ chối (Enter)"))
        self.open_button.setDefault(True)
        self.open_button.clicked.connect(self.open_selected)
        refresh = QPushButton(self.tr("Tải lại (F5)"))
        refresh.setShortcut("F5")
        refresh.setAutoDefault(False)
        refresh.clicked.connect(self.reload)
        close = QPushButton(self.tr("Đóng (Esc)"))
        close.setAutoDefault(False)
        close.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(refresh)
        buttons.addStretch(1)
        buttons.addWidget(close)
        buttons.addWidget(self.open_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.bar)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.reload()

    def reload(self) -> None:
        """Read the waiting registrations again (in the worker)."""
        ctx = self.ctx
        self.worker.submit(lambda: lifecycle.registrations(ctx), self._on_loaded,
                           lambda exc: present_error(exc, self.bar))

    def _on_loaded(self, lines: list[DossierLine]) -> None:
        self.lines = lines
        self.table.setRowCount(len(lines))
        for row, line in enumerate(lines):
            cells = (line.code, f"{line.received_at.astimezone(LOCAL_TZ):%H:%M %d/%m/%Y}", line.applicant_name,
                     line.procedure_name, line.agency_name)
            for col, text in enumerate(cells):
                self.table.setItem(row, col, QTableWidgetItem(text))
        self.summary.setText(self.tr("%1 hồ sơ chờ tiếp nhận. Chọn một hồ sơ rồi bấm Enter.")
                             .replace("%1", str(len(lines))) if lines
                             else self.tr("Không có hồ sơ đăng ký trực tuyến nào chờ tiếp nhận."))
        self.open_button.setEnabled(bool(lines))
        if lines:
            self.table.selectRow(0)
            self.table.setFocus()

    def selected_code(self) -> str | None:
        """The portal code of the chosen row."""
        row = self.table.currentRow()
        return self.lines[row].code if 0 <= row < len(self.lines) else None

    def open_selected(self) -> None:
        """Enter: open the chosen registration in the dossier window (the list closes)."""
        code = self.selected_code()
        if code is None:
            return
        self.accept()
        self._open_dossier(code)

    def _on_table_double_clicked(self, _index: object) -> None:
        self.open_selected()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt's name)
        """Enter on the table opens the chosen registration (the table would otherwise take it)."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.open_selected()
            return
        super().keyPressEvent(event)

    def done(self, result: int) -> None:
        """Let a running read finish before the dialog goes."""
        self.worker.shutdown()
        super().done(result)
