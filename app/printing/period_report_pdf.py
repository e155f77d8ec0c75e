"""The period report as an A4 landscape PDF laid out like the seed's appendix: title, period line, the header
levels with column numbers 0–14 and "(4=1+2+3)", the lines, the total, and whether the identities hold."""

from __future__ import annotations

from html import escape
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from app.domain.period_report import (
    COLUMNS,
    REPORT_TITLE,
    TOTAL_LABEL,
    PeriodReport,
    identities_line,
    period_line,
    vn_number,
)
from app.printing.forms import FONT, _style, register_fonts

PAGE = landscape(A4)
MARGIN = 12 * mm
HEAD = _style(7, True, TA_CENTER, leading=8.5)
CELL, CELL_LEFT, CELL_BOLD = _style(7.5, align=TA_RIGHT), _style(7.5, align=TA_LEFT), _style(7.5, True, TA_RIGHT)
NUMBERS = ("", "0", "1", "2", "3", "(4=1+<br/>2+3)", "5", "6", "7", "(8=5+<br/>6+7)", "9", "10", "11", "12", "13",
           "14")


def _h(text: str) -> Paragraph:
    return Paragraph(f"<b>{text}</b>", HEAD)


def _header_rows() -> tuple[list[list[object]], list[Any]]:
    """Three header levels plus the column-number row, and the spans that merge them."""
    blank: list[object] = [""] * 16
    level1, level2, level3 = list(blank), list(blank), list(blank)
    level1[0], level1[1] = _h("STT"), _h("Tên cơ quan giải quyết TTHC")
    level1[2], level1[6] = _h("Số hồ sơ nhận giải quyết"), _h("Kết quả giải quyết")
    level1[13], level1[14], level1[15] = _h("HS<br/>Hủy"), _h("HS Trả lại cho dân"), _h("Thống kê thu Phí, Lệ phí")
    level2[2], level2[5], level2[6], level2[10] = (_h("Trong đó"), _h("Tổng số"), _h("Hồ sơ đã giải quyết"),
                                                   _h("Hồ sơ đang giải quyết"))
    for i, (_, _, text) in enumerate(COLUMNS[:11], start=1):
        if i != 4:
            level3[i + 1] = _h(escape(text))
    numbers: list[object] = [_h(n) for n in NUMBERS]
    spans = [("SPAN", (0, 0), (0, 2)), ("SPAN", (1, 0), (1, 2)), ("SPAN", (2, 0), (5, 0)), ("SPAN", (6, 0), (12, 0)),
             ("SPAN", (13, 0), (13, 2)), ("SPAN", (14, 0), (14, 2)), ("SPAN", (15, 0), (15, 2)),
             ("SPAN", (2, 1), (4, 1)), ("SPAN", (5, 1), (5, 2)), ("SPAN", (6, 1), (9, 1)), ("SPAN", (10, 1), (12, 1))]
    return [level1, level2, level3, numbers], spans


def _table(report: PeriodReport) -> Table:
    rows, spans = _header_rows()
    lines = [(str(i), r) for i, r in enumerate(report.rows, start=1)] + [("", report.total)]
    for stt, row in lines:
        total = row.label == TOTAL_LABEL and stt == ""
        label = f"<b>{escape(row.label)}</b>" if total else escape(row.label)
        rows.append([Paragraph(stt, _style(7.5, align=TA_CENTER)), Paragraph(label, CELL_LEFT),
                     *[Paragraph(vn_number(v), CELL_BOLD if total else CELL) for v in row.values()]])
    usable = PAGE[0] - 2 * MARGIN
    widths = [20.0, 0.0] + [38.0] * 13 + [72.0]
    widths[1] = usable - sum(widths)
    table = Table(rows, colWidths=widths, repeatRows=4)
    table.setStyle(TableStyle([*spans, ("FONTNAME", (0, 0), (-1, -1), FONT),
                               ("GRID", (0, 0), (-1, -1), 0.4, colors.black),
                               ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                               ("TOPPADDING", (0, 0), (-1, -1), 1.5), ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
                               ("LEFTPADDING", (0, 0), (-1, -1), 2), ("RIGHTPADDING", (0, 0), (-1, -1), 2)]))
    return table


def render(report: PeriodReport, out: Path, centre_name: str = "") -> Path:
    """Write the report to `out` as an A4 landscape PDF with the embedded DejaVu fonts."""
    register_fonts()
    out.parent.mkdir(parents=True, exist_ok=True)
    story = [Paragraph(f"<b>{escape(REPORT_TITLE)}</b>", _style(11, True, TA_CENTER, after=2))]
    if centre_name:
        story.append(Paragraph(escape(centre_name), _style(9, align=TA_CENTER)))
    story += [Paragraph(escape(period_line(report.date_from, report.date_to)), _style(9, align=TA_CENTER, after=6)),
              _table(report), Spacer(0, 6)]
    ok = report.identities_hold
    story.append(Paragraph(("" if ok else "<b>") + escape(identities_line(report)) + ("" if ok else "</b>"),
                           _style(8)))
    doc = SimpleDocTemplate(str(out), pagesize=PAGE, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=MARGIN,
                            bottomMargin=MARGIN, title=REPORT_TITLE, subject=period_line(report.date_from,
                                                                                          report.date_to),
                            author="motcua", creator="motcua", initialFontName=FONT)
    doc.build(story)
    return out

