"""The supervisor window: one tab per view, a message bar, the live feed that keeps the live tab current."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtGui import QCloseEvent
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QLabel, QMainWindow, QTableWidget, QTabWidget, QVBoxLayout, QWidget

from app.domain.accounts import Role
from app.domain.period_report import PeriodReport
from app.services.context import Actor, Context
from app.ui.errors import MessageBar
from app.ui.live import LiveFactory, live_factory
from app.ui.stations.charts import BarChartWidget
from app.ui.stations.dossier_view import DossierViewDialog
from app.ui.supervisor.base import STYLE, SupervisorEnv
from app.ui.supervisor.day_tab import DayTab
from app.ui.supervisor.due_tab import DueTab
from app.ui.supervisor.live_tab import LiveTab
from app.ui.supervisor.period_tab import PeriodTab
from app.ui.worker import Worker


class SupervisorWindow(QMainWindow):
    """Station 5 (Giám sát): supervisors and administrators only. Every store call runs in the worker."""

    def __init__(self, ctx: Context, actor: Actor, parent: QWidget | None = None,
                 live: LiveFactory | None = None) -> None:
        actor.require(Role.SUPERVISOR, "mở cửa sổ giám sát")
        super().__init__(parent)
        self.ctx, self.actor = ctx, actor
        self.worker = Worker(self)
        self.bar = MessageBar()
        self._offline = False
        self.env = SupervisorEnv(ctx, actor, self.worker, self.bar)
        self.setWindowTitle(self.tr("motcua — Giám sát — %1").replace("%1", actor.full_name))
        self.setStyleSheet(STYLE)
        self.live_tab, self.day, self.period, self.due = (LiveTab(self.env), DayTab(self.env),
                                                          PeriodTab(self.env), DueTab(self.env))
        self.tabs = QTabWidget()
        for tab, title in ((self.live_tab, self.tr("Trực tiếp")), (self.day, self.tr("Ngày")),
                           (self.period, self.tr("Báo cáo kỳ")), (self.due, self.tr("Đến hạn / quá hạn"))):
            self.tabs.addTab(tab, title)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.addWidget(self.bar)
        layout.addWidget(self.tabs)
        self.setCentralWidget(central)
        self.live = (live or live_factory(ctx))({"queue", "rating"}, parent=self)
        self.live.reload_needed.connect(self._on_live_reload_needed)
        self.live.status_changed.connect(self._on_live_status_changed)
        self.live.start()
        self.reload_live()
        self.load_day()
        self.load_period()
        self.load_due()

    def reload_live(self) -> None:
        """Read today's board again."""
        self.live_tab.reload()

    def load_day(self, day: date | None = None) -> None:
        """Read the tickets and aggregates of a day (the picker's by default)."""
        self.day.load_day(day)

    def load_period(self) -> None:
        """Compute the period report of the chosen dates."""
        self.period.load_period()

    def load_due(self) -> None:
        """Read the dossiers due soon and the late ones."""
        self.due.load_due()

    def _on_live_reload_needed(self) -> None:
        self.reload_live()

    def _on_live_status_changed(self, online: bool, message: str) -> None:
        if online and self._offline:
            self.bar.show_info(self.tr("Đã kết nối lại cơ sở dữ liệu."))
            self.reload_live()
        elif not online:
            self.bar.show_environment(message, self.reload_live)
        self._offline = not online

    # --- what the tabs show, by the names tests and tools read -------------------------------------------------

    def waiting(self, code: str) -> str:
        """The waiting count the live board shows for a service ('' before the first load)."""
        return self.live_tab.waiting(code)

    @property
    def summary(self) -> QLabel:
        return self.live_tab.summary

    @property
    def longest(self) -> QLabel:
        return self.live_tab.longest

    @property
    def counters_table(self) -> QTableWidget:
        return self.live_tab.counters_table

    @property
    def tickets_table(self) -> QTableWidget:
        return self.day.tickets_table

    @property
    def service_stats(self) -> QTableWidget:
        return self.day.service_stats

    @property
    def hour_stats(self) -> QTableWidget:
        return self.day.hour_stats

    @property
    def hour_chart(self) -> BarChartWidget:
        return self.day.hour_chart

    @property
    def wait_chart(self) -> BarChartWidget:
        return self.day.wait_chart

    @property
    def rating_chart(self) -> BarChartWidget:
        return self.day.rating_chart

    def shown_ticket_numbers(self) -> list[str]:
        """The numbers the day's ticket table shows, top to bottom."""
        return self.day.shown_ticket_numbers()

    def set_day_filter(self, service: str | None = None, counter: int | None = None,
                       status: str | None = None) -> None:
        """Choose the day tab's filters (None: all)."""
        self.day.set_day_filter(service, counter, status)

    def export_day(self, out: Path, fmt: str = "csv") -> None:
        """Write the shown day as CSV, XLSX or PDF (in the worker)."""
        self.day.export_day(out, fmt)

    def print_day(self, printer: QPrinter) -> None:
        """Print the shown day on `printer`."""
        self.day.print_day(printer)

    @property
    def report(self) -> PeriodReport | None:
        return self.period.report

    @property
    def period_table(self) -> QTableWidget:
        return self.period.period_table

    def period_labels(self) -> list[str]:
        """The line labels the period table shows, the total last."""
        return self.period.period_labels()

    def save_report(self, fmt: str, out: Path) -> None:
        """Write the shown report as CSV, XLSX or PDF (in the worker)."""
        self.period.save_report(fmt, out)

    @property
    def late_table(self) -> QTableWidget:
        return self.due.late_table

    @property
    def dossier_dialog(self) -> DossierViewDialog | None:
        return self.due.dossier_dialog

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt override)
        """Stop listening and let running work finish before the window goes."""
        self.live.stop()
        self.worker.shutdown()
        super().closeEvent(event)
