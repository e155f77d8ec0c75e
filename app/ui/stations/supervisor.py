"""The supervisor station (station 5, Giám sát): today's queue live, a day's tickets and aggregates, the period
report with its exports, and the dossiers due soon or late. Every store call runs in the worker."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QDateEdit,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMainWindow,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.domain.accounts import Role
from app.domain.period_report import COLUMNS, PeriodReport, vn_number
from app.domain.queue import TicketStatus
from app.domain.satisfaction import level_label
from app.services import daily_review, lifecycle, report_export, settings
from app.services.context import LOCAL_TZ, Actor, Context
from app.services.daily_review import (
    DailyReview,
    GroupStats,
    LiveBoard,
    duration,
    local_time,
)
from app.services.lifecycle import DossierLine
from app.services.period_report import period_report
from app.services.report_export import NUMBER_ROW
from app.ui.errors import MessageBar, present_error
from app.ui.live import LiveUpdates
from app.ui.worker import Worker

DUE_SOON_WORKING_DAYS = 3
_STYLE = """
#summary { font-size: 16px; font-weight: bold; color: #263238; padding: 4px; }
#longest { font-size: 16px; font-weight: bold; color: #b71c1c; padding: 4px; }
#caption { font-size: 14px; font-weight: bold; color: #546e7a; }
"""


def _table(headers: Sequence[str]) -> QTableWidget:
    """A read-only table with these column headers."""
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(list(headers))
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    return table


def _fill(table: QTableWidget, rows: Sequence[Sequence[object]], numeric_from: int = 99) -> None:
    """Replace the rows of `table`; columns from `numeric_from` on are right-aligned."""
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            item = QTableWidgetItem("" if value is None else str(value))
            if c >= numeric_from:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            table.setItem(r, c, item)


def _caption(text: str) -> QLabel:
    label = QLabel(text)
    label.setObjectName("caption")
    return label


def _date_edit(day: date) -> QDateEdit:
    edit = QDateEdit(QDate(day.year, day.month, day.day))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("dd/MM/yyyy")
    return edit


def _day_of(edit: QDateEdit) -> date:
    d = edit.date()
    return date(d.year(), d.month(), d.day())


@dataclass(frozen=True)
class DueLists:
    """The dossiers due within a few working days and those already late."""

    due_soon: list[DossierLine]
    late: list[DossierLine]


class SupervisorWindow(QMainWindow):
    """Station 5 (Giám sát): supervisors and administrators only."""

    def __init__(self, ctx: Context, actor: Actor, parent: QWidget | None = None) -> None:
        actor.require(Role.SUPERVISOR, "mở cửa sổ giám sát")
        super().__init__(parent)
        self.ctx, self.actor = ctx, actor
        self.worker = Worker(self)
        self._reloading = self._reload_again = self._offline = False
        self.board: LiveBoard | None = None
        self.review: DailyReview | None = None
        self.report: PeriodReport | None = None
        self.setWindowTitle(self.tr("motcua — Giám sát — %1").replace("%1", actor.full_name))
        self.setStyleSheet(_STYLE)
        self._build()
        self.live = LiveUpdates(ctx.store, {"queue", "rating"}, parent=self)
        self.live.reload_needed.connect(self._on_live_reload_needed)
        self.live.status_changed.connect(self._on_live_status_changed)
        self.live.start()
        self.reload_live()
        self.load_day()
        self.load_period()
        self.load_due()

    def _build(self) -> None:
        central = QWidget()
        layout = QVBoxLayout(central)
        self.bar = MessageBar()
        layout.addWidget(self.bar)
        self.tabs = QTabWidget()
        self.tabs.addTab(self._build_live(), self.tr("Trực tiếp"))
        self.tabs.addTab(self._build_day(), self.tr("Ngày"))
        self.tabs.addTab(self._build_period(), self.tr("Báo cáo kỳ"))
        self.tabs.addTab(self._build_due(), self.tr("Đến hạn / quá hạn"))
        layout.addWidget(self.tabs)
        self.setCentralWidget(central)

    def _today(self) -> date:
        return self.ctx.now().astimezone(LOCAL_TZ).date()

    def _submit(self, work: Callable[[], Any], done: Callable[[Any], None], retry: Callable[[], None]) -> None:
        self.worker.submit(work, done, lambda exc: present_error(exc, self.bar, retry=retry))

    # --- live ---------------------------------------------------------------------------------------------------

    def _build_live(self) -> QWidget:
        page = QWidget()
        grid = QGridLayout(page)
        self.summary = QLabel()
        self.summary.setObjectName("summary")
        self.longest = QLabel()
        self.longest.setObjectName("longest")
        self.ratings_label = QLabel()
        self.ratings_label.setObjectName("summary")
        self.services_table = _table([self.tr("Mã"), self.tr("Dịch vụ"), self.tr("Đang chờ"), self.tr("Ưu tiên"),
                                      self.tr("Chờ lâu nhất")])
        self.counters_table = _table([self.tr("Quầy"), self.tr("Tên"), self.tr("Số"), self.tr("Trạng thái")])
        grid.addWidget(self.summary, 0, 0, 1, 2)
        grid.addWidget(self.longest, 1, 0)
        grid.addWidget(self.ratings_label, 1, 1)
        grid.addWidget(_caption(self.tr("Hàng chờ theo dịch vụ")), 2, 0)
        grid.addWidget(_caption(self.tr("Các quầy")), 2, 1)
        grid.addWidget(self.services_table, 3, 0)
        grid.addWidget(self.counters_table, 3, 1)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 2)
        return page

    def reload_live(self) -> None:
        """Read today's board again (a reload asked for meanwhile runs once this one is back)."""
        if self._reloading:
            self._reload_again = True
            return
        self._reloading = True
        ctx, actor = self.ctx, self.actor
        self.worker.submit(lambda: daily_review.live_board(ctx, actor), self._on_board_loaded,
                           self._on_board_failed)

    def _on_board_loaded(self, board: LiveBoard) -> None:
        self.board = board
        self._reloading = False
        self.summary.setText(self.tr("Hôm nay: %1 số đã lấy · %2 đang chờ · %3 đã phục vụ · %4 vắng mặt")
                             .replace("%1", str(board.issued)).replace("%2", str(board.waiting))
                             .replace("%3", str(board.served)).replace("%4", str(board.no_shows)))
        self.longest.setText(self.tr("Chờ lâu nhất hiện nay: %1").replace(
            "%1", duration(board.longest_wait_now) if board.waiting else self.tr("không có ai chờ")))
        votes = sum(board.ratings.values())
        levels = ", ".join(f"{level_label(k)}: {v}"
                           for k, v in sorted(board.ratings.items()))
        self.ratings_label.setText(self.tr("Đánh giá hôm nay: %1 lượt").replace("%1", str(votes))
                                   + (f" ({levels})" if levels else ""))
        _fill(self.services_table, [(v.code, v.name, v.waiting, v.priority_waiting,
                                     duration(board.longest_wait_seconds.get(v.code)))
                                    for v in board.status.services], numeric_from=2)
        _fill(self.counters_table, [(c.number, c.name, c.ticket or "—",
                                     TicketStatus(c.status).label if c.status else self.tr("Chưa có số"))
                                    for c in board.status.counters])
        if self._reload_again:
            self._reload_again = False
            self.reload_live()

    def _on_board_failed(self, exc: BaseException) -> None:
        self._reloading = self._reload_again = False
        present_error(exc, self.bar, retry=self.reload_live)

    def waiting(self, code: str) -> str:
        """The waiting count the live board shows for a service ('' before the first load)."""
        for r in range(self.services_table.rowCount()):
            if self.services_table.item(r, 0).text() == code:
                return self.services_table.item(r, 2).text()
        return ""

    def _on_live_reload_needed(self) -> None:
        self.reload_live()

    def _on_live_status_changed(self, online: bool, message: str) -> None:
        if online and self._offline:
            self.bar.show_info(self.tr("Đã kết nối lại cơ sở dữ liệu."))
            self.reload_live()
        elif not online:
            self.bar.show_environment(message, self.reload_live)
        self._offline = not online

    # --- one day ------------------------------------------------------------------------------------------------

    def _build_day(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        row = QHBoxLayout()
        self.day_edit = _date_edit(self._today())
        show = QPushButton(self.tr("Xem"))
        show.clicked.connect(self._on_show_day_clicked)
        self.export_day_button = QPushButton(self.tr("Xuất CSV…"))
        self.export_day_button.clicked.connect(self._on_export_day_clicked)
        self.day_totals = QLabel()
        self.day_totals.setObjectName("summary")
        for w in (QLabel(self.tr("Ngày:")), self.day_edit, show, self.export_day_button, self.day_totals):
            row.addWidget(w)
        row.addStretch(1)
        layout.addLayout(row)
        self.tickets_table = _table([self.tr("Số"), self.tr("Dịch vụ"), self.tr("Trạng thái"), self.tr("Lấy số"),
                                     self.tr("Gọi"), self.tr("Bắt đầu PV"), self.tr("Xong"),
                                     self.tr("Thời gian chờ"), self.tr("Thời gian PV"), self.tr("Quầy"), self.tr("Cán bộ"),
                                     self.tr("Chuyển"), self.tr("Đánh giá"), self.tr("Hồ sơ")])
        layout.addWidget(self.tickets_table, 3)
        groups = QGridLayout()
        headers = [self.tr("Nhóm"), self.tr("Số"), self.tr("Xong"), self.tr("Vắng"), self.tr("Chờ TB"),
                   self.tr("Chờ TV"), self.tr("Chờ P90"), self.tr("PV TB"), self.tr("PV TV"),
                   self.tr("PV P90")]
        self.service_stats, self.counter_stats, self.officer_stats = (_table(headers) for _ in range(3))
        for i, (title, table) in enumerate(((self.tr("Theo dịch vụ"), self.service_stats),
                                            (self.tr("Theo quầy"), self.counter_stats),
                                            (self.tr("Theo cán bộ"), self.officer_stats))):
            groups.addWidget(_caption(title), 0, i)
            groups.addWidget(table, 1, i)
        layout.addLayout(groups, 2)
        return page

    def load_day(self, day: date | None = None) -> None:
        """Read the tickets and aggregates of a day (the picker's by default)."""
        if day is not None:
            self.day_edit.setDate(QDate(day.year, day.month, day.day))
        ctx, actor, chosen = self.ctx, self.actor, _day_of(self.day_edit)
        self._submit(lambda: daily_review.daily_review(ctx, actor, chosen), self._on_day_loaded, self.load_day)

    def _on_day_loaded(self, review: DailyReview) -> None:
        self.review = review
        t = review.total
        self.day_totals.setText(self.tr("%1 số · %2 đã phục vụ · %3 vắng mặt · chờ TB %4 · phục vụ TB %5")
                                .replace("%1", str(t.count)).replace("%2", str(t.served))
                                .replace("%3", str(t.no_shows)).replace("%4", duration(t.wait_mean) or "—")
                                .replace("%5", duration(t.service_mean) or "—"))
        _fill(self.tickets_table, [
            (x.display_number, x.service_code, x.status_label, local_time(x.issued_at), local_time(x.called_at),
             local_time(x.serving_at), local_time(x.finished_at), duration(x.wait_seconds),
             duration(x.service_seconds), x.counter_number or "", x.officer_name or "",
             self.tr("có") if x.transferred else "", x.rating_level or "", ", ".join(x.dossier_codes))
            for x in review.tickets])
        for table, groups in ((self.service_stats, review.by_service), (self.counter_stats, review.by_counter),
                              (self.officer_stats, review.by_officer)):
            _fill(table, [self._stats_row(g, short=table is self.service_stats) for g in groups], numeric_from=1)

    @staticmethod
    def _stats_row(g: GroupStats, short: bool = False) -> tuple[object, ...]:
        return (g.key if short else g.label, g.count, g.served, g.no_shows, duration(g.wait_mean), duration(g.wait_median),
                duration(g.wait_p90), duration(g.service_mean), duration(g.service_median), duration(g.service_p90))

    def _on_show_day_clicked(self) -> None:
        self.load_day()

    def _on_export_day_clicked(self) -> None:
        if self.review is None:
            return
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Lưu danh sách số"),
                                              f"so-thu-tu-{self.review.day:%Y-%m-%d}.csv", "CSV (*.csv)")
        if name:
            self.export_day(Path(name))

    def export_day(self, out: Path) -> None:
        """Write the shown day's tickets as CSV (in the worker)."""
        review = self.review
        if review is None:
            return

        def work() -> Path:
            out.write_text(daily_review.to_csv(review), encoding="utf-8")
            return out
        self._submit(work, self._on_saved, lambda: self.export_day(out))

    def _on_saved(self, out: Path) -> None:
        self.bar.show_info(self.tr("Đã lưu %1").replace("%1", str(out)))

    # --- the period report --------------------------------------------------------------------------------------

    def _build_period(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        row = QHBoxLayout()
        today = self._today()
        self.from_edit, self.to_edit = _date_edit(today.replace(day=1)), _date_edit(today)
        make = QPushButton(self.tr("Lập báo cáo"))
        make.clicked.connect(self._on_make_report_clicked)
        for w in (QLabel(self.tr("Từ ngày:")), self.from_edit, QLabel(self.tr("đến ngày:")), self.to_edit, make):
            row.addWidget(w)
        row.addStretch(1)
        self.save_buttons: dict[str, QPushButton] = {}
        for fmt in ("csv", "xlsx", "pdf"):
            button = QPushButton(self.tr("Lưu %1…").replace("%1", fmt.upper()))
            button.clicked.connect(lambda _=False, f=fmt: self._on_save_report_clicked(f))
            self.save_buttons[fmt] = button
            row.addWidget(button)
        layout.addLayout(row)
        self.period_title = QLabel()
        self.period_title.setObjectName("summary")
        layout.addWidget(self.period_title)
        headers = [self.tr("STT"), self.tr("Tên cơ quan giải quyết TTHC")] + [
            f"{label}\n{NUMBER_ROW[i + 2]}" for i, (_, _, label) in enumerate(COLUMNS)]
        self.period_table = _table(headers)
        self.period_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.period_table.horizontalHeader().setStretchLastSection(False)
        self.period_table.horizontalHeader().setMinimumHeight(64)
        layout.addWidget(self.period_table)
        self.identities = QLabel()
        layout.addWidget(self.identities)
        return page

    def load_period(self) -> None:
        """Compute the period report of the chosen dates."""
        ctx, start, end = self.ctx, _day_of(self.from_edit), _day_of(self.to_edit)
        self._submit(lambda: period_report(ctx, start, end), self._on_period_loaded, self.load_period)

    def _on_period_loaded(self, report: PeriodReport) -> None:
        self.report = report
        self.period_title.setText(self.tr("Báo cáo tình hình giải quyết hồ sơ từ ngày %1 đến ngày %2")
                                  .replace("%1", f"{report.date_from:%d/%m/%Y}")
                                  .replace("%2", f"{report.date_to:%d/%m/%Y}"))
        rows = [(i, r.label, *(vn_number(v) for v in r.values())) for i, r in enumerate(report.rows, start=1)]
        rows.append(("", self.tr("Tổng cộng"), *(vn_number(v) for v in report.total.values())))
        _fill(self.period_table, rows, numeric_from=2)
        font = self.period_table.font()
        font.setBold(True)
        for c in range(self.period_table.columnCount()):
            self.period_table.item(len(rows) - 1, c).setFont(font)
        self.period_table.resizeColumnsToContents()
        self.period_table.setColumnWidth(1, max(260, min(self.period_table.columnWidth(1), 360)))
        self.identities.setText(self.tr("Các đẳng thức kiểm tra đều đúng.") if report.identities_hold
                                else "; ".join(v.message() for v in report.violations))

    def period_labels(self) -> list[str]:
        """The line labels the period table shows, the total last."""
        return [self.period_table.item(r, 1).text() for r in range(self.period_table.rowCount())]

    def _on_make_report_clicked(self) -> None:
        self.load_period()

    def _on_save_report_clicked(self, fmt: str) -> None:
        if self.report is None:
            return
        suggested = f"bao-cao-{self.report.date_from:%Y%m%d}-{self.report.date_to:%Y%m%d}.{fmt}"
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Lưu báo cáo"), suggested, f"{fmt.upper()} (*.{fmt})")
        if name:
            self.save_report(fmt, Path(name))

    def save_report(self, fmt: str, out: Path) -> None:
        """Write the shown report as CSV, XLSX or PDF (in the worker)."""
        report, ctx = self.report, self.ctx
        if report is None:
            return

        def work() -> Path:
            if fmt == "pdf":
                centre = str(settings.get_centre_settings(ctx).get("centre_name") or "")
                return report_export.write_pdf(report, out, centre)
            result = report_export.export(report, fmt, out)
            return result if isinstance(result, Path) else out
        self._submit(work, self._on_saved, lambda: self.save_report(fmt, out))

    # --- due soon and late --------------------------------------------------------------------------------------

    def _build_due(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        refresh = QPushButton(self.tr("Làm mới"))
        refresh.clicked.connect(self._on_refresh_due_clicked)
        row = QHBoxLayout()
        row.addWidget(refresh)
        row.addStretch(1)
        layout.addLayout(row)
        headers = [self.tr("Mã hồ sơ"), self.tr("Người nộp"), self.tr("Thủ tục"), self.tr("Cơ quan"),
                   self.tr("Trạng thái"), self.tr("Hẹn trả")]
        self.due_caption = _caption("")
        self.late_caption = _caption("")
        self.due_table, self.late_table = _table(headers), _table(headers)
        for w in (self.due_caption, self.due_table, self.late_caption, self.late_table):
            layout.addWidget(w)
        return page

    def load_due(self) -> None:
        """Read the dossiers due within DUE_SOON_WORKING_DAYS working days and the late ones."""
        ctx = self.ctx
        self._submit(lambda: DueLists(lifecycle.due_soon(ctx, DUE_SOON_WORKING_DAYS), lifecycle.late(ctx)),
                     self._on_due_loaded, self.load_due)

    def _on_due_loaded(self, lists: DueLists) -> None:
        self.due_caption.setText(self.tr("Sắp đến hạn (trong %1 ngày làm việc): %2 hồ sơ")
                                 .replace("%1", str(DUE_SOON_WORKING_DAYS)).replace("%2", str(len(lists.due_soon))))
        self.late_caption.setText(self.tr("Quá hạn: %1 hồ sơ").replace("%1", str(len(lists.late))))
        for table, lines in ((self.due_table, lists.due_soon), (self.late_table, lists.late)):
            _fill(table, [(d.code, d.applicant_name, d.procedure_name, d.agency_name, d.status_label,
                           f"{d.due_at.astimezone(LOCAL_TZ):%H:%M %d/%m/%Y}" if d.due_at else "")
                          for d in lines])

    def _on_refresh_due_clicked(self) -> None:
        self.load_due()

    def closeEvent(self, event: QCloseEvent) -> None:
        """Stop listening and let running work finish before the window goes."""
        self.live.stop()
        self.worker.shutdown()
        super().closeEvent(event)
