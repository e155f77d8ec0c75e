"""Small bar charts as plain data (title, categories, series, colours as hex) and their reportlab drawing.

The same `Chart` feeds the PDF here and the supervisor window's painted charts, so both show the same bars;
reportlab is imported only when a chart is drawn, so the data classes cost nothing to import.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reportlab.graphics.charts.legends import Legend
    from reportlab.graphics.shapes import Drawing


@dataclass(frozen=True)
class Series:
    """One set of bars: its name (for the legend), one value per category, and its colour (#rrggbb)."""

    name: str
    values: tuple[float, ...]
    color: str


@dataclass(frozen=True)
class Chart:
    """A bar chart: categories along the bottom, one bar per series (side by side, or stacked)."""

    title: str
    categories: tuple[str, ...]
    series: tuple[Series, ...]
    unit: str = ""
    stacked: bool = False

    def top(self) -> float:
        """The largest bar (a stack counts whole), 0 for an empty chart."""
        if self.stacked:
            return max((sum(s.values[i] for s in self.series) for i in range(len(self.categories))), default=0.0)
        return max((v for s in self.series for v in s.values), default=0.0)

    def axis(self, steps: int = 4) -> tuple[float, float]:
        """(maximum, step) of the value axis: `steps` round steps covering the largest bar."""
        return nice_ceiling(self.top(), steps)

    @property
    def empty(self) -> bool:
        """True when there is no bar to draw."""
        return self.top() <= 0


def nice_ceiling(value: float, steps: int = 4) -> tuple[float, float]:
    """(axis maximum, step) with `steps` round steps (1, 2 or 5 × 10ⁿ, at least 1) covering `value`."""
    if value <= 0:
        return float(steps), 1.0
    raw = value / steps
    power = 10 ** max(0, math.floor(math.log10(raw)))
    step = float(next(m * power for m in (1, 2, 5, 10) if m * power >= raw))
    return step * steps, step


def drawing(chart: Chart, width: float, height: float, font: str, bold_font: str) -> Drawing:
    """The chart as a reportlab Drawing of `width` × `height` points (title on top, legend below when stacked)."""
    from reportlab.graphics.charts.barcharts import VerticalBarChart
    from reportlab.graphics.shapes import Drawing, String
    from reportlab.lib import colors

    d = Drawing(width, height)
    d.initialFontName = font  # else reportlab starts each drawing in a non-embedded Helvetica
    d.add(String(width / 2, height - 11, chart.title, fontName=bold_font, fontSize=8.5, textAnchor="middle"))
    legend_h = 14 if len(chart.series) > 1 else 0
    bars = VerticalBarChart()
    bars.x, bars.y = 30, 20 + legend_h
    bars.width, bars.height = width - 40, height - 44 - legend_h
    bars.data = [list(s.values) or [0] for s in chart.series] or [[0]]
    bars.categoryAxis.categoryNames = list(chart.categories) or [""]
    bars.categoryAxis.labels.fontName = font
    bars.categoryAxis.labels.fontSize = 6.5
    bars.categoryAxis.labels.angle = 0 if len(chart.categories) <= 12 else 45
    bars.valueAxis.labels.fontName = font
    bars.valueAxis.labels.fontSize = 6.5
    top, step = chart.axis()
    bars.valueAxis.valueMin, bars.valueAxis.valueMax, bars.valueAxis.valueStep = 0, top, step
    bars.valueAxis.visibleGrid = True
    bars.valueAxis.gridStrokeColor = colors.HexColor("#cfd8dc")
    bars.valueAxis.gridStrokeWidth = 0.3
    if chart.stacked:
        bars.categoryAxis.style = "stacked"
    bars.barSpacing = 0.5
    for i, s in enumerate(chart.series):
        bars.bars[i].fillColor = colors.HexColor(s.color)
        bars.bars[i].strokeColor = None
    d.add(bars)
    if chart.unit:
        d.add(String(4, height - 19, chart.unit, fontName=font, fontSize=6.5))
    if legend_h:
        d.add(_legend(chart, width, font))
    return d


def _legend(chart: Chart, width: float, font: str) -> Legend:
    """One row of colour swatches and series names under the chart."""
    from reportlab.graphics.charts.legends import Legend
    from reportlab.lib import colors

    legend = Legend()
    legend.x, legend.y = 6, 12
    legend.alignment = "right"
    legend.fontName, legend.fontSize = font, 6.5
    legend.boxAnchor = "nw"
    legend.columnMaximum = 1
    legend.dx = legend.dy = 6
    legend.deltax = max(40.0, (width - 12) / max(1, len(chart.series)))
    legend.dxTextSpace = 3
    legend.colorNamePairs = [(colors.HexColor(s.color), s.name) for s in chart.series]
    return legend
