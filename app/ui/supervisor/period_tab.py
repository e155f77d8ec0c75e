"""The supervisor's "Báo cáo kỳ" tab: the period report (the seed appendix's table) of chosen dates, saved as CSV,
XLSX or PDF."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QHeaderView, QLabel, QPushButton, QVBoxLayout, QWidget

from app.domain.period_report import COLUMNS, PeriodReport, vn_number
from app.services import report_export, settings
from app.services.period_report import period_report
from app.services.report_export import NUMBER_ROW
from app.ui.supervisor.base import SupervisorEnv, date_edit, day_of, fill
from app.ui.tables import read_only_table


class PeriodTab(QWidget):
    """The period report: from and to dates, the table with its total, the identities it must hold."""

    def __init__(self, env: SupervisorEnv) -> None:
        super().__init__()
        self.env = env
        self.report: PeriodReport | None = None
        self._build()

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        today = self.env.today()
        self.from_edit, self.to_edit = date_edit(today.replace(day=1)), date_edit(today)
        make = QPushButton(self.tr("Lập báo cáo"))
        make.clicked.connect(self._on_make_report_clicked)
        for w in (QLabel(self.tr("Từ ngày:")), self.from_edit, QLabel(self.tr("đến ngày:")), self.to_edit, make):
            if isinstance(w, QLabel):  # as wide as its ink: a glyph's overhang is not in the advance Qt sizes by
                w.setMinimumWidth(w.fontMetrics().boundingRect(w.text()).width() + 2)
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
        self.period_table = read_only_table(headers)
        # fits 1366 px without sideways scrolling: the number columns share the width left by the agency names and
        # their long headers wrap over as many lines as they need
        header = self.period_table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap)  # type: ignore[operator]
        header.sectionResized.connect(self._on_header_section_resized)
        layout.addWidget(self.period_table)
        self.identities = QLabel()
        self.identities.setWordWrap(True)  # the list of broken identities can be long
        # room above the line for stacked marks ("đẳng"): the table below takes every other pixel
        self.identities.setMinimumHeight(self.identities.fontMetrics().height() + 6)
        layout.addWidget(self.identities)

    def load_period(self) -> None:
        """Compute the period report of the chosen dates."""
        ctx, start, end = self.env.ctx, day_of(self.from_edit), day_of(self.to_edit)
        self.env.submit(lambda: period_report(ctx, start, end), self._on_period_loaded, self.load_period)

    def _on_period_loaded(self, report: PeriodReport) -> None:
        self.report = report
        self.period_title.setText(self.tr("Báo cáo tình hình giải quyết hồ sơ từ ngày %1 đến ngày %2")
                                  .replace("%1", f"{report.date_from:%d/%m/%Y}")
                                  .replace("%2", f"{report.date_to:%d/%m/%Y}"))
        rows = [(i, r.label, *(vn_number(v) for v in r.values())) for i, r in enumerate(report.rows, start=1)]
        rows.append(("", self.tr("Tổng cộng"), *(vn_number(v) for v in report.total.values())))
        fill(self.period_table, rows, numeric_from=2)
        font = self.period_table.font()
        font.setBold(True)
        for c in range(self.period_table.columnCount()):
            self.period_table.item(len(rows) - 1, c).setFont(font)
        self.period_table.resizeColumnToContents(1)
        self.period_table.setColumnWidth(1, max(220, min(self.period_table.columnWidth(1), 320)))
        self.identities.setText(self.tr("Các đẳng thức kiểm tra đều đúng.") if report.identities_hold
                                else "; ".join(v.message() for v in report.violations))

    def _on_header_section_resized(self, _index: int, _old: int, _new: int) -> None:
        """Tall enough for the longest header wrapped at its column's width."""
        header = self.period_table.horizontalHeader()
        metrics = header.fontMetrics()
        flags = int(Qt.AlignmentFlag.AlignCenter) | int(Qt.TextFlag.TextWordWrap)
        tallest = max(metrics.boundingRect(QRect(0, 0, max(header.sectionSize(c) - 8, 20), 10_000), flags,
                                           str(self.period_table.horizontalHeaderItem(c).text())).height()
                      for c in range(header.count()))
        if header.height() != tallest + 10:
            header.setFixedHeight(tallest + 10)

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
        report, ctx = self.report, self.env.ctx
        if report is None:
            return

        def work() -> Path:
            if fmt == "pdf":
                centre = str(settings.get_centre_settings(ctx).get("centre_name") or "")
                return report_export.write_pdf(report, out, centre)
            result = report_export.export(report, fmt, out)
            return result if isinstance(result, Path) else out
        self.env.submit(work, self._on_saved, lambda: self.save_report(fmt, out))

    def _on_saved(self, out: Path) -> None:
        self.env.bar.show_info(self.tr("Đã lưu %1").replace("%1", str(out)))
