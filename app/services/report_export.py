"""The period report as text, CSV (the seed's column names), JSON, XLSX and PDF (A4 landscape, like the seed)."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from app.domain.period_report import (
    COLUMNS,
    CSV_HEADER,
    REPORT_TITLE,
    TOTAL_LABEL,
    PeriodReport,
    PeriodRow,
    identities_line,
    period_line,
    vn_number,
)
from app.services.period_report import breakdowns
from app.services.spreadsheets import SafeCsvWriter, texts_as_text

FORMATS = ("text", "csv", "json", "xlsx", "pdf")
BINARY_FORMATS = ("xlsx", "pdf")
# The seed's three header levels over columns (1)…(14), as (first column, last column, text) spans.
GROUP_HEADERS = ((1, 4, "Số hồ sơ nhận giải quyết"), (5, 11, "Kết quả giải quyết"), (12, 12, "HS Hủy"),
                 (13, 13, "HS Trả lại cho dân"), (14, 14, "Thống kê thu Phí, Lệ phí"))
SUB_HEADERS = ((1, 3, "Trong đó"), (4, 4, "Tổng số"), (5, 8, "Hồ sơ đã giải quyết"), (9, 11, "Hồ sơ đang giải quyết"))
NUMBER_ROW = ("", "0", "1", "2", "3", "(4=1+2+3)", "5", "6", "7", "(8=5+6+7)", "9", "10", "11", "12", "13", "14")


def _numbered(report: PeriodReport) -> list[tuple[str, PeriodRow]]:
    """(stt, row) for every line, the total last with an empty stt."""
    return [(str(i), r) for i, r in enumerate(report.rows, start=1)] + [("", report.total)]


def to_csv(report: PeriodReport) -> str:
    """CSV with the seed's header (stt, agency, carried_over_1 … fees_vnd_14), plain integers, CRLF like the seed."""
    buffer = io.StringIO()
    writer = SafeCsvWriter(buffer, lineterminator="\r\n")  # RFC 4180, as the seed file
    writer.writerow(CSV_HEADER)
    for stt, row in _numbered(report):
        writer.writerow([stt, row.label, *row.values()])
    return buffer.getvalue()


def to_json(report: PeriodReport) -> dict[str, Any]:
    """Period, columns, lines, total, companion breakdowns and the identity check, as plain JSON data."""
    def line(stt: str, row: PeriodRow) -> dict[str, Any]:
        return {"stt": stt, "agency": row.label, "agency_id": row.agency_id, "field_id": row.field_id,
                **dict(zip(CSV_HEADER[2:], row.values()))}

    numbered = _numbered(report)
    return {"title": REPORT_TITLE, "from": report.date_from.isoformat(), "to": report.date_to.isoformat(),
            "group_by": report.group_by, "columns": [{"key": c[1], "label": c[2]} for c in COLUMNS],
            "rows": [line(stt, r) for stt, r in numbered[:-1]], "total": line("", report.total),
            "breakdowns": [vars(b) for b in breakdowns(report)],
            "identities_hold": report.identities_hold,
            "violations": [{"agency": v.label, "identity": v.identity, "left": v.left, "right": v.right,
                            "message": v.message()} for v in report.violations]}


def to_text(report: PeriodReport, max_label: int = 60) -> str:
    """The table for a terminal: column numbers as headers, Vietnamese thousands separators, legend below."""
    numbered = _numbered(report)
    label_width = min(max_label, max(30, *(len(r.label) for _, r in numbered)))
    widths = [max(len(NUMBER_ROW[i + 2]), *(len(vn_number(r.values()[i])) for _, r in numbered)) for i in range(14)]
    lines = [REPORT_TITLE, period_line(report.date_from, report.date_to), ""]
    head = f"{'STT':>3} {'Tên cơ quan giải quyết TTHC':<{label_width}}"
    lines.append(head + "".join(f" {NUMBER_ROW[i + 2]:>{w}}" for i, w in enumerate(widths)))
    for stt, row in numbered:
        label = row.label if len(row.label) <= label_width else row.label[: label_width - 1] + "…"
        cells = "".join(f" {vn_number(v):>{w}}" for v, w in zip(row.values(), widths))
        lines.append(f"{stt:>3} {label:<{label_width}}{cells}")
    lines += ["", "Cột: " + "; ".join(f"({i}) {c[2]}" for i, c in enumerate(COLUMNS, start=1)),
              identities_line(report)]
    return "\n".join(lines)


def write_xlsx(report: PeriodReport, out: Path) -> Path:
    """An XLSX sheet laid out like the seed's appendix: title, period, three header rows, numbers, lines, total."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, Side
    from openpyxl.utils import get_column_letter

    wb = Workbook()
    ws = wb.active
    ws.title = "Báo cáo"
    last = get_column_letter(16)
    thin = Side(style="thin")
    border, center = Border(thin, thin, thin, thin), Alignment(horizontal="center", vertical="center", wrap_text=True)
    bold = Font(bold=True)
    for r, text in ((1, REPORT_TITLE), (2, period_line(report.date_from, report.date_to))):
        ws.merge_cells(f"A{r}:{last}{r}")
        ws[f"A{r}"] = text
        ws[f"A{r}"].font, ws[f"A{r}"].alignment = Font(bold=r == 1, size=13 if r == 1 else 11), center
    top = 4
    _merge(ws, top, 1, top + 2, 1, "STT")
    _merge(ws, top, 2, top + 2, 2, "Tên cơ quan giải quyết TTHC")
    for first, lastc, text in GROUP_HEADERS:
        _merge(ws, top, first + 2, top if first < lastc else top + 2, lastc + 2, text)
    for first, lastc, text in SUB_HEADERS:
        _merge(ws, top + 1, first + 2, top + 1 if first < lastc else top + 2, lastc + 2, text)
    for i, (_, _, text) in enumerate(COLUMNS[:11], start=1):
        if i != 4:  # (4) "Tổng số" already spans the second and third header rows
            ws.cell(top + 2, i + 2, text)
    for c, text in enumerate(NUMBER_ROW, start=1):
        ws.cell(top + 3, c, text)
    for r in range(top, top + 4):
        for c in range(1, 17):
            cell = ws.cell(r, c)
            cell.font, cell.alignment, cell.border = bold, center, border
    row_no = top + 4
    for stt, row in _numbered(report):
        ws.cell(row_no, 1, int(stt) if stt else None)
        ws.cell(row_no, 2, row.label)
        for c, value in enumerate(row.values(), start=3):
            ws.cell(row_no, c, value).number_format = "#,##0"
        for c in range(1, 17):
            ws.cell(row_no, c).border = border
            if row.label == TOTAL_LABEL and stt == "":
                ws.cell(row_no, c).font = bold
        row_no += 1
    ws.cell(row_no + 1, 1, identities_line(report))
    ws.column_dimensions["A"].width, ws.column_dimensions["B"].width = 5, 38
    for c in range(3, 17):
        ws.column_dimensions[get_column_letter(c)].width = 10
    ws.column_dimensions[get_column_letter(16)].width = 16
    ws.freeze_panes = ws.cell(top + 4, 3)
    texts_as_text(wb)
    out.parent.mkdir(parents=True, exist_ok=True)
    wb.save(out)
    return out


def _merge(ws: Any, r1: int, c1: int, r2: int, c2: int, text: str) -> None:
    """Write `text` in the top-left cell of a (possibly single-cell) range and merge it."""
    ws.cell(r1, c1, text)
    if (r1, c1) != (r2, c2):
        ws.merge_cells(start_row=r1, start_column=c1, end_row=r2, end_column=c2)


def write_pdf(report: PeriodReport, out: Path, centre_name: str = "") -> Path:
    """The PDF like the seed's appendix (A4 landscape), laid out by app.printing.period_report_pdf."""
    from app.printing import period_report_pdf

    return period_report_pdf.render(report, out, centre_name)


def export(report: PeriodReport, fmt: str, out: Path | None = None) -> str | Path:
    """Text, CSV or JSON as a string (also written to `out` when given); XLSX and PDF written to `out`."""
    import json

    if fmt in BINARY_FORMATS:
        if out is None:
            raise ValueError(f"{fmt} cần tệp ra (--out)")
        return write_xlsx(report, out) if fmt == "xlsx" else write_pdf(report, out)
    if fmt not in FORMATS:
        raise ValueError(f"định dạng không hỗ trợ: {fmt}")
    text = {"text": to_text, "csv": to_csv}.get(fmt, lambda r: json.dumps(to_json(r), ensure_ascii=False,
                                                                          indent=2))(report)
    if out is not None:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(text if text.endswith("\n") else text + "\n", encoding="utf-8")
    return text
