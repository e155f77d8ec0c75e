"""The supervisor station (station 5, Giám sát): today's queue live, a day's tickets and aggregates, the period
report with its exports, and the dossiers due soon or late. Every store call runs in the worker."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from html import escape
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, Qt, QUrl
from PySide6.QtGui import QCloseEvent, QFont, QPageLayout, QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMainWindow,
    QPushButton,
    QSplitter,
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
from app.ui.live import LiveFactory, live_factory
from app.ui.stations.charts import BarChartWidget, chart_image
from app.ui.stations.dossier_view import DossierViewDialog
from app.ui.worker import Worker

DUE_SOON_WORKING_DAYS = 3
TICKET_COLUMNS = ("Số", "Dịch vụ", "Trạng thái", "Lấy số", "Gọi", "Bắt đầu PV", "Xong", "Thời gian chờ",
                  "Thời gian PV", "Quầy", "Cán bộ", "Chuyển", "Đánh giá", "Hồ sơ")
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


class _SortItem(QTableWidgetItem):
    """A cell that sorts by a key (seconds, numbers) rather than by its text ("10:00" after "9:00")."""

    def __init__(self, text: str, key: object) -> None:
        super().__init__(text)
        self.key = key

    def __lt__(self, other: QTableWidgetItem) -> bool:
        mine, theirs = self.key, getattr(other, "key", other.text())
        try:
            return bool(mine < theirs)  # type: ignore[operator]
        except TypeError:
            return str(mine) < str(theirs)


def _html_table(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    head = "".join(f"<th>{escape(h)}</th>" for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{escape(daily_review.shown(v))}</td>" for v in row) + "</tr>"
                   for row in rows)
    return f'<table border="1" cellspacing="0" cellpadding="2" width="100%"><tr>{head}</tr>{body}</table>'


def day_html(review: DailyReview, centre_name: str) -> str:
    """The day as HTML for QTextDocument printing; the charts are the resources chart:0 … chart:2."""
    parts = [f'<h2 align="center">{escape(daily_review.DAY_TITLE)}</h2>',
             f'<p align="center">{escape(centre_name)}<br/>Ngày {review.day:%d/%m/%Y}</p>',
             f"<p>{escape(daily_review.summary_line(review))}</p>",
             "<p>" + "".join(f'<img src="chart:{i}" width="300"/> ' for i in range(3)) + "</p>"]
    for title, groups in zip(daily_review.GROUP_TITLES, (review.by_service, review.by_counter, review.by_officer,
                                                         review.by_hour)):
        parts += [f"<h4>{escape(title)}</h4>",
                  _html_table(daily_review.STATS_HEADERS, [daily_review.stats_values(g) for g in groups])]
    parts += [f"<h4>Danh sách số thứ tự ({len(review.tickets)} số)</h4>",
              _html_table(daily_review.TICKET_HEADERS,
                          [daily_review.ticket_values(t, service_name=False) for t in review.tickets])]
    return "".join(parts)


@dataclass(frozen=True)
class DueLists:
    """The dossiers due within a few working days and those already late."""

    due_soon: list[DossierLine]
    late: list[DossierLine]


class SupervisorWindow(QMainWindow):
    """Station 5 (Giám sát): supervisors and administrators only."""

    def __init__(self, ctx: Context, actor: Actor, parent: QWidget | None = None,
                 live: LiveFactory | None = None) -> None:
        actor.require(Role.SUPERVISOR, "mở cửa sổ giám sát")
        super().__init__(parent)
        self.ctx, self.actor = ctx, actor
        self.dossier_dialog: DossierViewDialog | None = None
        self.worker = Worker(self)
        self._reloading = self._reload_again = self._offline = False
        self.board: LiveBoard | None = None
        self.review: DailyReview | None = None
        self.report: PeriodReport | None = None
        self._centre_name = ""
        self.setWindowTitle(self.tr("motcua — Giám sát — %1").replace("%1", actor.full_name))
        self.setStyleSheet(_STYLE)
        self._build()
        self.live = (live or live_factory(ctx))({"queue", "rating"}, parent=self)
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
        self.service_filter, self.counter_filter, self.outcome_filter = QComboBox(), QComboBox(), QComboBox()
        for combo in (self.service_filter, self.counter_filter, self.outcome_filter):
            combo.setMaximumWidth(260)
            combo.currentIndexChanged.connect(self._on_day_filter_changed)
        for w in (QLabel(self.tr("Ngày:")), self.day_edit, show, QLabel(self.tr("Dịch vụ:")), self.service_filter,
                  QLabel(self.tr("Quầy:")), self.counter_filter, QLabel(self.tr("Kết quả:")), self.outcome_filter):
            row.addWidget(w)
        row.addStretch(1)
        self.day_save_buttons: dict[str, QPushButton] = {}
        for fmt in ("csv", "xlsx", "pdf"):
            button = QPushButton(self.tr("Lưu %1…").replace("%1", fmt.upper()))
            button.clicked.connect(lambda _=False, f=fmt: self._on_export_day_clicked(f))
            self.day_save_buttons[fmt] = button
            row.addWidget(button)
        self.print_day_button = QPushButton(self.tr("In…"))
        self.print_day_button.clicked.connect(self._on_print_day_clicked)
        row.addWidget(self.print_day_button)
        layout.addLayout(row)
        self.day_totals = QLabel()
        self.day_totals.setObjectName("summary")
        layout.addWidget(self.day_totals)
        charts = QHBoxLayout()
        self.hour_chart, self.wait_chart, self.rating_chart = BarChartWidget(), BarChartWidget(), BarChartWidget()
        for chart in (self.hour_chart, self.wait_chart, self.rating_chart):
            charts.addWidget(chart)
        layout.addLayout(charts)
        self.tickets_table = _table([self.tr(h) for h in TICKET_COLUMNS])
        self.tickets_table.setSortingEnabled(True)
        self.tickets_table.sortByColumn(3, Qt.SortOrder.AscendingOrder)
        self.groups_tabs = QTabWidget()
        headers = [self.tr(h) for h in daily_review.STATS_HEADERS]
        self.service_stats, self.counter_stats, self.officer_stats, self.hour_stats = (_table(headers)
                                                                                       for _ in range(4))
        for title, table in zip(daily_review.GROUP_TITLES, (self.service_stats, self.counter_stats,
                                                            self.officer_stats, self.hour_stats)):
            table.horizontalHeader().setStretchLastSection(False)
            table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
            self.groups_tabs.addTab(table, self.tr(title))
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.tickets_table)
        split.addWidget(self.groups_tabs)
        split.setSizes([300, 160])
        layout.addWidget(split, 1)
        return page

    def load_day(self, day: date | None = None) -> None:
        """Read the tickets and aggregates of a day (the picker's by default)."""
        if day is not None:
            self.day_edit.setDate(QDate(day.year, day.month, day.day))
        ctx, actor, chosen = self.ctx, self.actor, _day_of(self.day_edit)
        self._submit(lambda: (daily_review.daily_review(ctx, actor, chosen), daily_review.centre_name(ctx)),
                     self._on_day_loaded, self.load_day)

    def _on_day_loaded(self, loaded: tuple[DailyReview, str]) -> None:
        review, self._centre_name = loaded
        self.review = review
        t = review.total
        self.day_totals.setText(self.tr("%1 số · %2 đã phục vụ · %3 vắng mặt · chờ TB %4 · phục vụ TB %5")
                                .replace("%1", str(t.count)).replace("%2", str(t.served))
                                .replace("%3", str(t.no_shows)).replace("%4", duration(t.wait_mean) or "—")
                                .replace("%5", duration(t.service_mean) or "—"))
        for widget, chart in zip((self.hour_chart, self.wait_chart, self.rating_chart),
                                 daily_review.day_charts(review)):
            widget.set_chart(chart)
        self._fill_filters(review)
        self._show_day_tickets()
        for table, groups in ((self.service_stats, review.by_service), (self.counter_stats, review.by_counter),
                              (self.officer_stats, review.by_officer), (self.hour_stats, review.by_hour)):
            _fill(table, [self._stats_row(g, short=table is self.service_stats) for g in groups], numeric_from=1)

    def _fill_filters(self, review: DailyReview) -> None:
        """Offer the day's services, counters and outcomes, keeping the current choices where they still exist."""
        choices = ((self.service_filter, [(g.label, g.key) for g in review.by_service]),
                   (self.counter_filter, [(g.label, int(g.key)) for g in review.by_counter]),
                   (self.outcome_filter, [(s.label, s.value) for s in TicketStatus]))
        for combo, items in choices:
            kept = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(self.tr("Tất cả"), None)
            for label, value in items:
                combo.addItem(label, value)
            combo.setCurrentIndex(max(0, combo.findData(kept)) if kept is not None else 0)
            combo.blockSignals(False)

    def _show_day_tickets(self) -> None:
        """Fill the ticket table with the day's tickets the filters let through (sorted as the user chose)."""
        if self.review is None:
            return
        lines = daily_review.filter_tickets(self.review, self.service_filter.currentData(),
                                            self.counter_filter.currentData(), self.outcome_filter.currentData())
        table = self.tickets_table
        table.setSortingEnabled(False)
        table.setRowCount(len(lines))
        for r, line in enumerate(lines):
            for c, (text, key) in enumerate(self._ticket_cells(line)):
                item = _SortItem(text, key)
                if c in (7, 8, 9):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                table.setItem(r, c, item)
        table.setSortingEnabled(True)

    def _ticket_cells(self, x: daily_review.TicketLine) -> list[tuple[str, object]]:
        """(text, sort key) of each column of a ticket's row."""
        def moment(m: datetime | None) -> tuple[str, float]:
            return local_time(m), m.timestamp() if m else 0.0

        def span(seconds: int | None) -> tuple[str, int]:
            return duration(seconds), -1 if seconds is None else seconds
        return [(x.display_number, int(x.display_number) if x.display_number.isdigit() else x.display_number),
                (x.service_code, x.service_code), (x.status_label, x.status_label), moment(x.issued_at),
                moment(x.called_at), moment(x.serving_at), moment(x.finished_at), span(x.wait_seconds),
                span(x.service_seconds), (str(x.counter_number or ""), x.counter_number or 0),
                (x.officer_name or "", x.officer_name or ""), (self.tr("có") if x.transferred else "", x.transferred),
                (level_label(x.rating_level) if x.rating_level else "", x.rating_level or 0),
                (", ".join(x.dossier_codes), ", ".join(x.dossier_codes))]

    def shown_ticket_numbers(self) -> list[str]:
        """The numbers the ticket table shows, top to bottom."""
        items = (self.tickets_table.item(r, 0) for r in range(self.tickets_table.rowCount()))
        return [item.text() if item else "" for item in items]

    def set_day_filter(self, service: str | None = None, counter: int | None = None,
                       status: str | None = None) -> None:
        """Choose the filters (None: all), as the combo boxes do."""
        for combo, value in ((self.service_filter, service), (self.counter_filter, counter),
                             (self.outcome_filter, status)):
            combo.setCurrentIndex(max(0, combo.findData(value)) if value is not None else 0)

    def _on_day_filter_changed(self, _index: int) -> None:
        self._show_day_tickets()

    @staticmethod
    def _stats_row(g: GroupStats, short: bool = False) -> tuple[object, ...]:
        return (g.key if short else g.label, g.count, g.served, g.no_shows, duration(g.wait_mean), duration(g.wait_median),
                duration(g.wait_p90), duration(g.service_mean), duration(g.service_median), duration(g.service_p90))

    def _on_show_day_clicked(self) -> None:
        self.load_day()

    def _on_export_day_clicked(self, fmt: str) -> None:
        if self.review is None:
            return
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Lưu ngày"), f"ra-soat-{self.review.day:%Y-%m-%d}.{fmt}",
                                              f"{fmt.upper()} (*.{fmt})")
        if name:
            self.export_day(Path(name), fmt)

    def export_day(self, out: Path, fmt: str = "csv") -> None:
        """Write the shown day as CSV, XLSX or PDF (in the worker)."""
        review, ctx = self.review, self.ctx
        if review is None:
            return
        self._submit(lambda: daily_review.write_day(ctx, review, fmt, out), self._on_saved,
                     lambda: self.export_day(out, fmt))

    def _on_saved(self, out: Path) -> None:
        self.bar.show_info(self.tr("Đã lưu %1").replace("%1", str(out)))

    def _on_print_day_clicked(self) -> None:
        if self.review is None:
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        if dialog.exec() == QPrintDialog.DialogCode.Accepted:
            self.print_day(printer)

    def print_day(self, printer: QPrinter) -> None:
        """Print the shown day (A4 landscape: totals, charts, aggregates, every ticket) on `printer`."""
        if self.review is None:
            return
        printer.setPageOrientation(QPageLayout.Orientation.Landscape)
        document = QTextDocument()
        document.setDefaultFont(QFont(self.font().family(), 8))
        for i, chart in enumerate(daily_review.day_charts(self.review)):
            document.addResource(QTextDocument.ResourceType.ImageResource, QUrl(f"chart:{i}"),
                                 chart_image(chart, 420, 210))
        document.setHtml(day_html(self.review, self._centre_name))
        document.print_(printer)
        self.bar.show_info(self.tr("Đã gửi ngày %1 tới máy in.").replace("%1", f"{self.review.day:%d/%m/%Y}"))

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
        self.due_caption = _caption("")
        self.late_caption = _caption("")
        self.due_table, self.late_table = _table(headers), _table(headers)
        for w in (self.due_caption, self.due_table, self.late_caption, self.late_table):
            layout.addWidget(w)
        for table in (self.due_table, self.late_table):
            table.cellDoubleClicked.connect(lambda r, _c, t=table: self.open_dossier(t.item(r, 0).text()))
            table.itemActivated.connect(lambda item, t=table: self.open_dossier(t.item(item.row(), 0).text()))
        return page

    def _on_open_dossier_clicked(self) -> None:
        for table in (self.late_table, self.due_table):
            row = table.currentRow()
            if row >= 0 and table.item(row, 0) is not None:
                self.open_dossier(table.item(row, 0).text())
                return
        self.bar.show_info(self.tr("Chọn một hồ sơ trong danh sách trước"))

    def open_dossier(self, code: str) -> None:
        """The dossier window, with the actions the supervisor may take; the lists are read again after it."""
        self.dossier_dialog = DossierViewDialog(self.ctx, code, self, actor=self.actor)
        self.dossier_dialog.finished.connect(lambda _result: self.load_due())
        self.dossier_dialog.open()

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
