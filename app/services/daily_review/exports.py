"""The day's review on paper and in files: CSV and text for the CLI, the charts, table cells, XLSX and PDF."""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from datetime import datetime, time, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.domain.messages import translate
from app.domain.queue import PRIORITY_KINDS
from app.domain.satisfaction import level_label
from app.domain.text import duration
from app.printing.charts import Chart, Series
from app.services.context import LOCAL_TZ, Context
from app.services.daily_review.queries import DailyReview, GroupStats, TicketLine, centre_name
from app.services.spreadsheets import SafeCsvWriter, texts_as_text

if TYPE_CHECKING:
    from app.printing.daily_pdf import DayDocument

CSV_HEADER = ("number", "service", "status", "priority", "issued", "called", "serving", "finished",
              "wait_seconds", "service_seconds", "counter", "officer", "transferred", "rating", "dossiers")


def local_time(moment: datetime | None) -> str:
    """HH:MM:SS in the centre's time zone ('' for none)."""
    return moment.astimezone(LOCAL_TZ).strftime("%H:%M:%S") if moment else ""


def _cells(t: TicketLine) -> list[object]:
    return [t.display_number, t.service_code, t.status, t.priority_kind or "", local_time(t.issued_at),
            local_time(t.called_at), local_time(t.serving_at), local_time(t.finished_at),
            "" if t.wait_seconds is None else t.wait_seconds,
            "" if t.service_seconds is None else t.service_seconds, t.counter_number or "", t.officer_name or "",
            "1" if t.transferred else "0", t.rating_level or "", " ".join(t.dossier_codes)]


def to_csv(review: DailyReview) -> str:
    """The day's tickets as CSV (local times, durations in seconds), CRLF like the other exports."""
    buffer = io.StringIO()
    writer = SafeCsvWriter(buffer, lineterminator="\r\n")
    writer.writerow(CSV_HEADER)
    writer.writerows(_cells(t) for t in review.tickets)
    return buffer.getvalue()


def to_text(review: DailyReview) -> str:
    """The aggregates for a terminal (waits and service times with their units)."""
    total = review.total
    lines = [f"Rà soát ngày {review.day:%d/%m/%Y}: {total.count} số, {total.served} đã phục vụ, {total.no_shows} vắng mặt"]
    for title, groups in (("Theo dịch vụ", review.by_service), ("Theo quầy", review.by_counter),
                          ("Theo cán bộ", review.by_officer), ("Theo giờ lấy số", review.by_hour)):
        lines += ["", title, _header()] + [_text_row(g) for g in groups]
    lines += ["", _text_row(review.total)]
    return "\n".join(lines)


def _header() -> str:
    return (f"{'':<36} {'Số':>5} {'Xong':>5} {'Vắng':>5} {'Chờ TB':>14} {'Chờ TV':>14} {'Chờ P90':>14} "
            f"{'PV TB':>14} {'PV TV':>14} {'PV P90':>14}")


def _text_row(g: GroupStats) -> str:
    times: Iterable[float | None] = (g.wait_mean, g.wait_median, g.wait_p90, g.service_mean, g.service_median,
                                     g.service_p90)
    return f"{g.label[:36]:<36} {g.count:>5} {g.served:>5} {g.no_shows:>5} " + " ".join(
        f"{duration(v):>14}" for v in times)


# --- charts, cells and files ----------------------------------------------------------------------------------

FORMATS = ("text", "csv", "xlsx", "pdf")
BINARY_FORMATS = ("xlsx", "pdf")
DAY_TITLE = "RÀ SOÁT HOẠT ĐỘNG TIẾP NHẬN TRONG NGÀY"
WORKING_HOURS = (7, 17)  # the hour charts always show at least 07:00–17:59
LEVEL_COLORS = {1: "#2e7d32", 2: "#81c784", 3: "#fbc02d", 4: "#ef6c00", 5: "#c62828"}
# the supervisor's window shows these headers and titles through app.ui.i18n.text_of; files and paper keep Vietnamese
STATS_HEADERS = (
    translate("services.daily_review.exports", "Nhóm"),
    translate("services.daily_review.exports", "Số"),
    translate("services.daily_review.exports", "Xong"),
    translate("services.daily_review.exports", "Vắng"),
    translate("services.daily_review.exports", "Chờ TB"),
    translate("services.daily_review.exports", "Chờ TV"),
    translate("services.daily_review.exports", "Chờ P90"),
    translate("services.daily_review.exports", "PV TB"),
    translate("services.daily_review.exports", "PV TV"),
    translate("services.daily_review.exports", "PV P90"),
)
TICKET_HEADERS = ("Số", "Dịch vụ", "Ưu tiên", "Trạng thái", "Lấy số", "Gọi", "Bắt đầu PV", "Xong", "Chờ",
                  "Phục vụ", "Quầy", "Cán bộ", "Chuyển", "Đánh giá", "Hồ sơ")
GROUP_TITLES = (translate("services.daily_review.exports", "Theo dịch vụ"),
                translate("services.daily_review.exports", "Theo quầy"),
                translate("services.daily_review.exports", "Theo cán bộ"),
                translate("services.daily_review.exports", "Theo giờ lấy số"))


def _groups(review: DailyReview) -> tuple[list[GroupStats], ...]:
    return review.by_service, review.by_counter, review.by_officer, review.by_hour


def _hours(review: DailyReview) -> range:
    """The hours the charts show: the working day, widened to any hour with a ticket."""
    used = [int(g.key) for g in review.by_hour]
    return range(min([WORKING_HOURS[0], *used]), max([WORKING_HOURS[1], *used]) + 1)


def day_charts(review: DailyReview) -> tuple[Chart, Chart, Chart]:
    """Tickets issued per hour, mean wait per hour (minutes, by issue hour), votes per counter by level."""
    hours = _hours(review)
    stats = {int(g.key): g for g in review.by_hour}
    labels = tuple(f"{h}h" for h in hours)
    issued = Chart(translate("services.daily_review.exports", "Số đã lấy theo giờ"), labels,
                   (Series(translate("services.daily_review.exports", "Số đã lấy"),
                           tuple(float(stats[h].count) if h in stats else 0.0 for h in hours), "#1565c0"),),
                   unit=translate("services.daily_review.exports", "số"))
    waits = tuple(round((stats[h].wait_mean or 0) / 60, 1) if h in stats else 0.0 for h in hours)
    wait = Chart(translate("services.daily_review.exports", "Thời gian chờ trung bình theo giờ"), labels,
                 (Series(translate("services.daily_review.exports", "Chờ TB"), waits, "#ef6c00"),),
                 unit=translate("services.daily_review.exports", "phút"))
    return issued, wait, ratings_chart(review)


def ratings_chart(review: DailyReview) -> Chart:
    """Votes of the day's tickets per counter, stacked by level (best at the bottom)."""
    votes: dict[int, dict[int, int]] = {}
    for t in review.tickets:
        if t.counter_number is not None and t.rating_level is not None:
            votes.setdefault(t.counter_number, {}).setdefault(t.rating_level, 0)
            votes[t.counter_number][t.rating_level] += 1
    counters = sorted({t.counter_number for t in review.tickets if t.counter_number is not None})
    levels = sorted({level for per in votes.values() for level in per})
    series = tuple(Series(level_label(level), tuple(float(votes.get(c, {}).get(level, 0)) for c in counters),
                          LEVEL_COLORS.get(level, "#607d8b")) for level in levels)
    return Chart(translate("services.daily_review.exports", "Đánh giá theo quầy"),
                 tuple(translate("services.daily_review.exports", "Quầy %1").arg(c) for c in counters), series,
                 unit=translate("services.daily_review.exports", "lượt"), stacked=True)



def _span(seconds: float | None) -> timedelta | None:
    return None if seconds is None else timedelta(seconds=round(seconds))


def _clock(moment: datetime | None) -> time | None:
    return moment.astimezone(LOCAL_TZ).time().replace(microsecond=0, tzinfo=None) if moment else None


def ticket_values(t: TicketLine, service_name: bool = True) -> list[object]:
    """A ticket's cells under TICKET_HEADERS: local times as `time`, durations as `timedelta`, None for blanks
    (the service as its code alone when `service_name` is false)."""
    return [t.display_number, f"{t.service_code} — {t.service_name}" if service_name else t.service_code, PRIORITY_KINDS.get(t.priority_kind or "", ""),
            t.status_label, _clock(t.issued_at), _clock(t.called_at), _clock(t.serving_at), _clock(t.finished_at),
            _span(t.wait_seconds), _span(t.service_seconds), t.counter_number, t.officer_name,
            "có" if t.transferred else "", level_label(t.rating_level) if t.rating_level else None,
            ", ".join(t.dossier_codes)]


def stats_values(g: GroupStats) -> list[object]:
    """A group's cells under STATS_HEADERS (durations as `timedelta`)."""
    return [g.label, g.count, g.served, g.no_shows, *(_span(v) for v in (
        g.wait_mean, g.wait_median, g.wait_p90, g.service_mean, g.service_median, g.service_p90))]


def shown(value: object) -> str:
    """A cell as text: times HH:MM:SS, durations with their units, blanks ''."""
    if value is None:
        return ""
    if isinstance(value, timedelta):
        return duration(value.total_seconds())
    if isinstance(value, time):
        return value.strftime("%H:%M:%S")
    return str(value)


def summary_line(review: DailyReview) -> str:
    """The day's totals in one sentence."""
    t = review.total
    return (f"{t.count} số đã lấy · {t.served} đã phục vụ xong · {t.no_shows} vắng mặt · chờ trung bình "
            f"{duration(t.wait_mean) or '—'} (P90 {duration(t.wait_p90) or '—'}) · phục vụ trung bình "
            f"{duration(t.service_mean) or '—'}")


def write_xlsx(review: DailyReview, out: Path, centre_name: str = "") -> Path:
    """Two sheets: every ticket (filterable), and the aggregates per service, counter, officer and hour."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    wb = Workbook()
    tickets = wb.active
    tickets.title = "Số thứ tự"
    _xlsx_rows(tickets, 1, TICKET_HEADERS, [ticket_values(t) for t in review.tickets])
    tickets.auto_filter.ref = tickets.dimensions
    tickets.freeze_panes = "B2"
    totals = wb.create_sheet("Tổng hợp")
    totals["A1"] = f"{DAY_TITLE} {review.day:%d/%m/%Y}" + (f" — {centre_name}" if centre_name else "")
    totals["A1"].font = Font(bold=True, size=12)
    totals["A2"] = summary_line(review)
    row = 4
    for title, groups in zip(GROUP_TITLES, _groups(review)):
        totals.cell(row, 1, title).font = Font(bold=True)
        row = _xlsx_rows(totals, row + 1, STATS_HEADERS, [stats_values(g) for g in groups]) + 1
    _xlsx_rows(totals, row, STATS_HEADERS, [stats_values(review.total)])
    for sheet, widths in ((tickets, (7, 30, 14, 13, 10, 10, 10, 10, 9, 9, 6, 24, 7, 16, 30)),
                          (totals, (36, 7, 7, 7, 9, 9, 9, 9, 9, 9))):
        for i, width in enumerate(widths):
            sheet.column_dimensions[chr(ord("A") + i)].width = width
    texts_as_text(wb)
    out.parent.mkdir(parents=True, exist_ok=True)
    wb.save(out)
    return out


def _xlsx_rows(ws: Any, top: int, headers: Sequence[str], rows: list[list[object]]) -> int:
    """A bold header row at `top` and the rows under it (durations as [h]:mm:ss); returns the next free row."""
    from openpyxl.styles import Font

    for c, text in enumerate(headers, start=1):
        ws.cell(top, c, text).font = Font(bold=True)
    for r, values in enumerate(rows, start=top + 1):
        for c, value in enumerate(values, start=1):
            cell = ws.cell(r, c, value)
            if isinstance(value, timedelta):
                cell.number_format = "[h]:mm:ss"
    return top + 1 + len(rows)


def day_document(review: DailyReview, centre_name: str = "") -> DayDocument:
    """What the day's PDF shows, as text."""
    from app.printing.daily_pdf import DayDocument, Section

    aggregates = tuple(Section(title, STATS_HEADERS, [[shown(v) for v in stats_values(g)] for g in groups],
                               (34, 8, 9, 10, 13, 13, 13, 13, 13, 13), numeric_from=1)
                       for title, groups in zip(GROUP_TITLES, _groups(review)))
    tickets = Section(f"Danh sách số thứ tự ({len(review.tickets)} số)", TICKET_HEADERS,
                      [[shown(v) for v in ticket_values(t, service_name=False)] for t in review.tickets],
                      (9, 10, 18, 14, 12, 12, 12, 12, 13, 13, 8, 26, 11, 19, 38))
    return DayDocument(DAY_TITLE, centre_name, f"Ngày {review.day:%d/%m/%Y}", summary_line(review),
                       day_charts(review), aggregates, tickets)


def write_pdf(review: DailyReview, out: Path, centre_name: str = "") -> Path:
    """The day as an A4 landscape PDF (charts, aggregates, every ticket)."""
    from app.printing import daily_pdf

    return daily_pdf.render(day_document(review, centre_name), out)



def write_day(ctx: Context, review: DailyReview, fmt: str, out: Path) -> Path:
    """Write the day to `out` as CSV, XLSX or PDF (the centre's name from its settings on the title)."""
    if fmt == "csv":
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(to_csv(review), encoding="utf-8")
        return out
    if fmt not in BINARY_FORMATS:
        raise ValueError(f"định dạng không hỗ trợ: {fmt}")
    centre = centre_name(ctx)
    return write_xlsx(review, out, centre) if fmt == "xlsx" else write_pdf(review, out, centre)
