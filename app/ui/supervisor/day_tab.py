"""The supervisor's "Ngày" tab: one day's tickets (filtered, sortable) with their charts and aggregates, saved as
CSV, XLSX or PDF, or printed."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from html import escape
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QDate, Qt, QUrl
from PySide6.QtGui import QFont, QPageLayout, QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.domain.queue import TicketStatus
from app.domain.satisfaction import level_label
from app.domain.text import duration
from app.services import daily_review
from app.services.daily_review import DailyReview, GroupStats, local_time
from app.ui.i18n import text_of
from app.ui.stations.charts import BarChartWidget, chart_image
from app.ui.supervisor.base import SupervisorEnv, date_edit, day_of, fill
from app.ui.tables import read_only_table

TICKET_COLUMNS = (QT_TRANSLATE_NOOP("DayTab", "Số"),
                  QT_TRANSLATE_NOOP("DayTab", "Dịch vụ"),
                  QT_TRANSLATE_NOOP("DayTab", "Trạng thái"),
                  QT_TRANSLATE_NOOP("DayTab", "Lấy số"),
                  QT_TRANSLATE_NOOP("DayTab", "Gọi"),
                  QT_TRANSLATE_NOOP("DayTab", "Bắt đầu PV"),
                  QT_TRANSLATE_NOOP("DayTab", "Xong"),
                  QT_TRANSLATE_NOOP("DayTab", "Thời gian chờ"),
                  QT_TRANSLATE_NOOP("DayTab", "Thời gian PV"),
                  QT_TRANSLATE_NOOP("DayTab", "Quầy"),
                  QT_TRANSLATE_NOOP("DayTab", "Cán bộ"),
                  QT_TRANSLATE_NOOP("DayTab", "Chuyển"),
                  QT_TRANSLATE_NOOP("DayTab", "Đánh giá"),
                  QT_TRANSLATE_NOOP("DayTab", "Hồ sơ"))


def shown_duration(seconds: float | None) -> str:
    """A duration with its units (app.domain.text.duration) in the window's language."""
    return text_of(duration(seconds))


class SortItem(QTableWidgetItem):
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


class DayTab(QWidget):
    """A day's review: pick a date, filter by service, counter and outcome, save or print it."""

    def __init__(self, env: SupervisorEnv) -> None:
        super().__init__()
        self.env = env
        self.review: DailyReview | None = None
        self.centre_name = ""
        self._build()

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        self.day_edit = date_edit(self.env.today())
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
        self.tickets_table = read_only_table([self.tr(h) for h in TICKET_COLUMNS])
        self.tickets_table.setSortingEnabled(True)
        self.tickets_table.sortByColumn(3, Qt.SortOrder.AscendingOrder)
        self.groups_tabs = QTabWidget()
        headers = [text_of(h) for h in daily_review.STATS_HEADERS]
        self.service_stats, self.counter_stats, self.officer_stats, self.hour_stats = (read_only_table(headers)
                                                                                       for _ in range(4))
        for title, table in zip(daily_review.GROUP_TITLES, (self.service_stats, self.counter_stats,
                                                            self.officer_stats, self.hour_stats)):
            table.horizontalHeader().setStretchLastSection(False)
            table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
            self.groups_tabs.addTab(table, text_of(title))
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.tickets_table)
        split.addWidget(self.groups_tabs)
        split.setSizes([300, 160])
        layout.addWidget(split, 1)

    def load_day(self, day: date | None = None) -> None:
        """Read the tickets and aggregates of a day (the picker's by default)."""
        if day is not None:
            self.day_edit.setDate(QDate(day.year, day.month, day.day))
        ctx, actor, chosen = self.env.ctx, self.env.actor, day_of(self.day_edit)
        self.env.submit(lambda: (daily_review.daily_review(ctx, actor, chosen), daily_review.centre_name(ctx)),
                     self._on_day_loaded, self.load_day)

    def _on_day_loaded(self, loaded: tuple[DailyReview, str]) -> None:
        review, self.centre_name = loaded
        self.review = review
        t = review.total
        self.day_totals.setText(self.tr("%1 số · %2 đã phục vụ · %3 vắng mặt · chờ TB %4 · phục vụ TB %5")
                                .replace("%1", str(t.count)).replace("%2", str(t.served))
                                .replace("%3", str(t.no_shows)).replace("%4", shown_duration(t.wait_mean) or "—")
                                .replace("%5", shown_duration(t.service_mean) or "—"))
        for widget, chart in zip((self.hour_chart, self.wait_chart, self.rating_chart),
                                 daily_review.day_charts(review)):
            widget.set_chart(chart)
        self._fill_filters(review)
        self._show_day_tickets()
        for table, groups in ((self.service_stats, review.by_service), (self.counter_stats, review.by_counter),
                              (self.officer_stats, review.by_officer), (self.hour_stats, review.by_hour)):
            fill(table, [self._stats_row(g, short=table is self.service_stats) for g in groups], numeric_from=1)

    def _fill_filters(self, review: DailyReview) -> None:
        """Offer the day's services, counters and outcomes, keeping the current choices where they still exist."""
        choices = ((self.service_filter, [(g.label, g.key) for g in review.by_service]),
                   (self.counter_filter, [(text_of(g.label), int(g.key)) for g in review.by_counter]),
                   (self.outcome_filter, [(text_of(s.label), s.value) for s in TicketStatus]))
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
                item = SortItem(text, key)
                if c in (7, 8, 9):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                table.setItem(r, c, item)
        table.setSortingEnabled(True)

    def _ticket_cells(self, x: daily_review.TicketLine) -> list[tuple[str, object]]:
        """(text, sort key) of each column of a ticket's row."""
        def moment(m: datetime | None) -> tuple[str, float]:
            return local_time(m), m.timestamp() if m else 0.0

        def span(seconds: int | None) -> tuple[str, int]:
            return shown_duration(seconds), -1 if seconds is None else seconds
        return [(x.display_number, int(x.display_number) if x.display_number.isdigit() else x.display_number),
                (x.service_code, x.service_code), (text_of(x.status_label), x.status_label), moment(x.issued_at),
                moment(x.called_at), moment(x.serving_at), moment(x.finished_at), span(x.wait_seconds),
                span(x.service_seconds), (str(x.counter_number or ""), x.counter_number or 0),
                (x.officer_name or "", x.officer_name or ""), (self.tr("có") if x.transferred else "", x.transferred),
                (text_of(level_label(x.rating_level)) if x.rating_level else "", x.rating_level or 0),
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
        return (g.key if short else text_of(g.label), g.count, g.served, g.no_shows,
                *(shown_duration(s) for s in (g.wait_mean, g.wait_median, g.wait_p90, g.service_mean,
                                              g.service_median, g.service_p90)))

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
        review, ctx = self.review, self.env.ctx
        if review is None:
            return
        self.env.submit(lambda: daily_review.write_day(ctx, review, fmt, out), self._on_saved,
                     lambda: self.export_day(out, fmt))

    def _on_saved(self, out: Path) -> None:
        self.env.bar.show_info(self.tr("Đã lưu %1").replace("%1", str(out)))

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
        document.setHtml(day_html(self.review, self.centre_name))
        document.print_(printer)
        self.env.bar.show_info(self.tr("Đã gửi ngày %1 tới máy in.").replace("%1", f"{self.review.day:%d/%m/%Y}"))
