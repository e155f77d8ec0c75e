"""A day's review as an A4 landscape PDF: title with the centre and the date, the totals, three charts (tickets and
mean wait by hour, ratings per counter), the aggregate tables side by side, then the list of every ticket.

Cells come in as text already formatted by the service; this module only lays them out (embedded DejaVu fonts).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from html import escape
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import CondPageBreak, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from app.printing.charts import Chart, drawing
from app.printing.forms import FONT, FONT_BOLD, _style, register_fonts

PAGE = landscape(A4)
MARGIN = 12 * mm
USABLE = PAGE[0] - 2 * MARGIN
CHART_H = 58 * mm
CELL, CELL_RIGHT, HEAD = _style(7), _style(7, align=TA_RIGHT), _style(7, True, TA_CENTER, leading=8.5)
SECTION = _style(9, True, TA_LEFT, after=2)


@dataclass(frozen=True)
class Section:
    """A titled table: column headers, rows of text, columns from `numeric_from` on right-aligned, and the
    relative column widths (any units; scaled to the space given)."""

    title: str
    headers: tuple[str, ...]
    rows: Sequence[Sequence[str]]
    widths: tuple[float, ...]
    numeric_from: int = 99


@dataclass(frozen=True)
class DayDocument:
    """Everything the day's PDF shows."""

    title: str
    centre_name: str
    day_line: str
    summary: str
    charts: tuple[Chart, ...]
    aggregates: tuple[Section, ...]
    tickets: Section


def _table(section: Section, width: float) -> Table:
    """The section's rows as a gridded table `width` points wide, header repeated on every page."""
    scale = width / sum(section.widths)
    head = [Paragraph(f"<b>{escape(h)}</b>", HEAD) for h in section.headers]
    body = [[Paragraph(escape(v), CELL_RIGHT if c >= section.numeric_from else CELL) for c, v in enumerate(row)]
            for row in section.rows]
    table = Table([head, *body], colWidths=[w * scale for w in section.widths], repeatRows=1)
    table.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), FONT),
                               ("GRID", (0, 0), (-1, -1), 0.3, colors.HexColor("#90a4ae")),
                               ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#eceff1")),
                               ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, colors.HexColor("#f7f9fa")]),
                               ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                               ("TOPPADDING", (0, 0), (-1, -1), 1), ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
                               ("LEFTPADDING", (0, 0), (-1, -1), 2), ("RIGHTPADDING", (0, 0), (-1, -1), 2)]))
    return table


def _titled(section: Section, width: float) -> list[object]:
    return [Paragraph(escape(section.title), SECTION), _table(section, width)]


def _charts(charts: Sequence[Chart]) -> Table:
    """The charts in one row, equally wide."""
    width = USABLE / max(1, len(charts))
    cells = [drawing(c, width - 6, CHART_H, FONT, FONT_BOLD) for c in charts]
    row = Table([cells], colWidths=[width] * len(cells))
    row.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), FONT), ("BOX", (0, 0), (-1, -1), 0.3, colors.HexColor("#b0bec5")),
                             ("INNERGRID", (0, 0), (-1, -1), 0.3, colors.HexColor("#b0bec5")),
                             ("LEFTPADDING", (0, 0), (-1, -1), 3), ("RIGHTPADDING", (0, 0), (-1, -1), 3)]))
    return row


def _pairs(sections: Sequence[Section]) -> list[object]:
    """The aggregate tables two by two, side by side."""
    half = (USABLE - 8 * mm) / 2
    story: list[object] = []
    for i in range(0, len(sections), 2):
        pair = [_titled(s, half) for s in sections[i:i + 2]]
        grid = Table([pair], colWidths=[half + 8 * mm, half][:len(pair)])
        grid.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), FONT), ("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                                  ("RIGHTPADDING", (0, 0), (-1, -1), 0)]))
        story += [grid, Spacer(0, 5)]
    return story


def render(doc: DayDocument, out: Path) -> Path:
    """Write the day's review to `out` as an A4 landscape PDF with the embedded DejaVu fonts."""
    register_fonts()
    out.parent.mkdir(parents=True, exist_ok=True)
    story: list[object] = [Paragraph(f"<b>{escape(doc.title)}</b>", _style(12, True, TA_CENTER, after=2))]
    if doc.centre_name:
        story.append(Paragraph(escape(doc.centre_name), _style(9, align=TA_CENTER)))
    story += [Paragraph(escape(doc.day_line), _style(9, align=TA_CENTER, after=4)),
              Paragraph(escape(doc.summary), _style(8.5, after=5))]
    if doc.charts:
        story += [_charts(doc.charts), Spacer(0, 6)]
    story += _pairs(doc.aggregates)
    story += [CondPageBreak(40 * mm), *_titled(doc.tickets, USABLE)]
    template = SimpleDocTemplate(str(out), pagesize=PAGE, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=MARGIN,
                                 bottomMargin=MARGIN, title=f"{doc.title} {doc.day_line}", author="motcua",
                                 creator="motcua", initialFontName=FONT)
    template.build(story, onFirstPage=_page_number, onLaterPages=_page_number)
    return out


def _page_number(canvas: Canvas, doc: SimpleDocTemplate) -> None:
    """'Trang N' at the bottom right of every page."""
    canvas.saveState()
    canvas.setFont(FONT, 7)
    canvas.drawRightString(PAGE[0] - MARGIN, MARGIN / 2, f"Trang {doc.page}")
    canvas.restoreState()
