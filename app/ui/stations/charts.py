"""A small bar chart painted with QPainter (QtCharts is not in PySide6-Essentials): title, a value axis with round
steps and grid lines, bars side by side or stacked, category labels, and a legend when there are several series."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from app.services.daily_review import Chart
from app.ui.i18n import text_of

LEFT, RIGHT, TOP, BOTTOM = 34.0, 8.0, 38.0, 20.0
LEGEND_H = 16.0


class BarChartWidget(QWidget):
    """Shows one `Chart`; `bars()` lists what is drawn, for tests and for the tooltip-less reader. The chart's
    texts are shown in the windows' language, or as written (Vietnamese) when `localized` is false (paper)."""

    def __init__(self, parent: QWidget | None = None, localized: bool = True) -> None:
        super().__init__(parent)
        self.chart: Chart | None = None
        self._text = text_of if localized else str
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setMinimumHeight(170)

    def sizeHint(self) -> QSize:
        """Wide and low: three of them sit side by side above a table."""
        return QSize(380, 190)

    def set_chart(self, chart: Chart) -> None:
        """Show `chart` (repaints)."""
        self.chart = chart
        self.setToolTip(self._text(chart.title))
        self.update()

    def bars(self) -> list[tuple[str, str, float]]:
        """(category, series, value) of every non-zero bar, in drawing order."""
        if self.chart is None:
            return []
        return [(self._text(category), self._text(s.name), s.values[i])
                for i, category in enumerate(self.chart.categories) for s in self.chart.series if s.values[i]]

    def paintEvent(self, event: QPaintEvent) -> None:
        """Draw the title, axis, grid, bars, labels and legend."""
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("#ffffff"))
        painter.setPen(QColor("#b0bec5"))
        painter.drawRect(self.rect().adjusted(0, 0, -1, -1))
        if self.chart is not None:
            self._paint(painter, self.chart)
        painter.end()

    def _paint(self, painter: QPainter, chart: Chart) -> None:
        font = QFont(self.font())
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(QColor("#263238"))
        painter.drawText(QRectF(0, 4, self.width(), 18), Qt.AlignmentFlag.AlignCenter, self._text(chart.title))
        font.setBold(False)
        font.setPointSizeF(max(6.5, font.pointSizeF() - 1.5))
        painter.setFont(font)
        legend = LEGEND_H if len(chart.series) > 1 else 0.0
        plot = QRectF(LEFT, TOP, self.width() - LEFT - RIGHT, self.height() - TOP - BOTTOM - legend)
        if chart.empty:
            painter.setPen(QColor("#78909c"))
            painter.drawText(plot, Qt.AlignmentFlag.AlignCenter, self.tr("Chưa có số liệu"))
            return
        top, step = chart.axis()
        self._axis(painter, chart, plot, top, step)
        self._bars(painter, chart, plot, top)
        if legend:
            self._legend(painter, chart, plot.bottom() + BOTTOM)

    def _axis(self, painter: QPainter, chart: Chart, plot: QRectF, top: float, step: float) -> None:
        """Grid lines with their values on the left, the unit above them."""
        painter.setPen(QColor("#546e7a"))
        painter.drawText(QRectF(2, TOP - 16, LEFT + 40, 14), Qt.AlignmentFlag.AlignLeft, self._text(chart.unit))
        value = 0.0
        while value <= top + 1e-9:
            y = plot.bottom() - plot.height() * value / top
            painter.setPen(QPen(QColor("#cfd8dc") if value else QColor("#546e7a"), 1))
            painter.drawLine(int(plot.left()), int(y), int(plot.right()), int(y))
            painter.setPen(QColor("#546e7a"))
            painter.drawText(QRectF(0, y - 7, LEFT - 4, 14), Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                             f"{value:g}")
            value += step

    def _bars(self, painter: QPainter, chart: Chart, plot: QRectF, top: float) -> None:
        """The bars of each category and its label (every other label when they would touch)."""
        slot = plot.width() / max(1, len(chart.categories))
        columns = 1 if chart.stacked else len(chart.series)
        width = min(slot * 0.7, 56.0) / columns
        every = 1 if slot >= painter.fontMetrics().horizontalAdvance("Quầy 10") * 0.6 else 2
        for i, category in enumerate(chart.categories):
            base = plot.bottom()
            for j, s in enumerate(chart.series):
                height = plot.height() * s.values[i] / top
                x = plot.left() + slot * i + (slot - width * columns) / 2 + (0 if chart.stacked else j * width)
                painter.fillRect(QRectF(x, base - height, width, height), QColor(s.color))
                if chart.stacked:
                    base -= height
            if i % every == 0:
                painter.setPen(QColor("#37474f"))
                painter.drawText(QRectF(plot.left() + slot * i - 10, plot.bottom() + 2, slot + 20, BOTTOM - 2),
                                 Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, self._text(category))

    def _legend(self, painter: QPainter, chart: Chart, y: float) -> None:
        """A swatch and the name of each series, in one row."""
        x = LEFT
        for s in chart.series:
            painter.fillRect(QRectF(x, y + 3, 10, 10), QColor(s.color))
            painter.setPen(QColor("#37474f"))
            name = self._text(s.name)
            advance = painter.fontMetrics().horizontalAdvance(name)
            painter.drawText(QRectF(x + 14, y, advance + 4, LEGEND_H), Qt.AlignmentFlag.AlignVCenter, name)
            x += advance + 28


def chart_image(chart: Chart, width: int, height: int) -> QImage:
    """The chart painted on an image of `width` × `height` pixels (for printing: its texts as written)."""
    widget = BarChartWidget(localized=False)
    widget.set_chart(chart)
    widget.resize(width, height)
    return widget.grab().toImage()
