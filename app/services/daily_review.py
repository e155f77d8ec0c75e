"""The supervisor's review of one day (rà soát trong ngày): every ticket with its times, waits and service
durations, aggregates per service, counter, officer and hour, and the live board of today.

Waits and service times are differences of two stored timestamps per row; they are computed in Python over the
day's tickets (a busy centre issues a few thousand a day, never more than MAX_TICKETS), because the portable SQL
for an interval in seconds differs per backend. Counts for the live board are plain GROUP BYs in SQL.

Definitions:
- wait = called − issued; for a ticket transferred in, issued is the moment of the transfer (the citizen keeps
  the original issue time for their place in line, but was being served meanwhile);
- service = finished − serving started, or finished − called when the officer finished without "serving";
  only for tickets finished or transferred on from a counter (a no-show or a cancellation has no service);
- median is the middle value (mean of the two middle ones); p90 is the nearest-rank 90th percentile.
"""

from __future__ import annotations

import csv
import gc
import io
import math
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import DateTime, String, cast, func, select, type_coerce
from sqlalchemy.orm import aliased

from app.domain.accounts import Role
from app.domain.queue import PRIORITY_KINDS, TicketStatus
from app.domain.satisfaction import level_label
from app.printing.charts import Chart, Series
from app.services.context import LOCAL_TZ, Actor, Context
from app.services.queue import QueueStatus, local_day, queue_status
from app.services.settings import get_centre_settings
from app.store.models import Counter, Dossier, Officer, Rating, Service, Ticket

if TYPE_CHECKING:
    from app.printing.daily_pdf import DayDocument

MAX_TICKETS = 10_000
NO_COUNTER = "(chưa gọi)"
NO_OFFICER = "(không rõ)"
_SERVED_STATES = (TicketStatus.FINISHED.value, TicketStatus.TRANSFERRED.value)


@dataclass(frozen=True)
class TicketLine:
    """One ticket of the day with its times (UTC) and durations (seconds)."""

    id: str  # the ticket's id as canonical UUID text (not uuid.UUID: making 10,000 of them was a third of P8)
    display_number: str
    service_code: str
    service_name: str
    status: str
    priority_kind: str | None
    issued_at: datetime
    called_at: datetime | None
    serving_at: datetime | None
    finished_at: datetime | None
    wait_seconds: int | None
    service_seconds: int | None
    counter_number: int | None
    officer_name: str | None
    transferred: bool
    rating_level: int | None
    dossier_codes: tuple[str, ...]

    @property
    def status_label(self) -> str:
        """The status in Vietnamese."""
        return TicketStatus(self.status).label


@dataclass(frozen=True)
class GroupStats:
    """Counts and duration statistics (seconds) of one group of tickets."""

    key: str
    label: str
    count: int
    served: int
    no_shows: int
    wait_mean: float | None
    wait_median: float | None
    wait_p90: float | None
    service_mean: float | None
    service_median: float | None
    service_p90: float | None


@dataclass(frozen=True)
class DailyReview:
    """A day's tickets and their aggregates."""

    day: date
    tickets: list[TicketLine]
    by_service: list[GroupStats]
    by_counter: list[GroupStats]
    by_officer: list[GroupStats]
    by_hour: list[GroupStats]
    total: GroupStats


def daily_review(ctx: Context, actor: Actor, day: date) -> DailyReview:
    """Every ticket of a local date with times and durations, and aggregates (supervisor or admin)."""
    actor.require(Role.SUPERVISOR, "xem báo cáo trong ngày")
    with _collector_paused():
        return _review(day, _ticket_lines(ctx, day))


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector while tens of thousands of small acyclic objects are made: its
    passes over the growing heap were the slowest runs of P8 (reference counting still frees everything)."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


def _review(day: date, tickets: list[TicketLine]) -> DailyReview:
    """The day's tickets and their aggregates per service, counter, officer and hour."""
    return DailyReview(
        day, tickets,
        _grouped(tickets, lambda t: (t.service_code, f"{t.service_code} — {t.service_name}")),
        _grouped([t for t in tickets if t.counter_number is not None],
                 lambda t: (f"{t.counter_number:04d}", f"Quầy {t.counter_number}")),
        _grouped([t for t in tickets if t.counter_number is not None],
                 lambda t: (t.officer_name or NO_OFFICER, t.officer_name or NO_OFFICER)),
        _grouped(tickets, _hour_key),
        _stats("", "Tổng cộng", tickets))


def _hour_key(t: TicketLine) -> tuple[str, str]:
    hour = _hour(t.issued_at)
    return f"{hour:02d}", f"{hour:02d}:00"


def _hour(moment: datetime) -> int:
    return moment.astimezone(LOCAL_TZ).hour


def _seconds(start: datetime | None, end: datetime | None) -> int | None:
    """Whole seconds from `start` to `end` (None unless both are known)."""
    if start is None or end is None:
        return None
    return round((end - start).total_seconds())


_ID_TEXT = cast(Ticket.id, String)  # a key as the database writes it as text; cheaper than 10,000 uuid.UUID objects


def _ticket_lines(ctx: Context, day: date) -> list[TicketLine]:
    """The day's tickets in issue order, with names, the rating and the dossiers filed under each.

    Plain columns, not ORM objects (building 10,000 `Ticket` instances was two thirds of the time: P8); the ids
    come as text, the times as the driver gives them (`_raw_time`), and the names, votes and transfers by small
    queries of their own joined here by dictionary, which is cheaper than five joins over every ticket."""
    raw = _raw_time(ctx.store.backend)
    before = aliased(Ticket)
    of_day = Ticket.service_day == day
    query = (select(_ID_TEXT, Ticket.display_number, Ticket.status, Ticket.priority_kind, raw(Ticket.issued_at),
                    raw(Ticket.called_at), raw(Ticket.serving_started_at), raw(Ticket.finished_at),
                    Ticket.transferred_from_id.is_not(None), Ticket.service_id, Ticket.counter_id, Ticket.officer_id)
             .where(of_day)
             .order_by(Ticket.issued_at, Ticket.transferred_from_id.is_not(None), Ticket.seq).limit(MAX_TICKETS))
    with ctx.store.read() as s:
        conn = s.connection()
        rows = conn.execute(query).all()
        services = {i: (code, name) for i, code, name in conn.execute(select(Service.id, Service.code, Service.name))}
        counters = dict(conn.execute(select(Counter.id, Counter.number)).all())
        officers = dict(conn.execute(select(Officer.id, Officer.full_name)).all())
        levels = dict(conn.execute(select(cast(Rating.ticket_id, String), Rating.level)
                                   .join(Ticket, Ticket.id == Rating.ticket_id).where(of_day)).all())
        moved = dict(conn.execute(select(_ID_TEXT, raw(before.finished_at))
                                  .join(before, before.id == Ticket.transferred_from_id).where(of_day)).all())
        codes: dict[str, list[str]] = {}
        for ticket_id, code in conn.execute(select(cast(Dossier.ticket_id, String), Dossier.code)
                                            .join(Ticket, Ticket.id == Dossier.ticket_id)
                                            .where(of_day).order_by(Dossier.code)):
            if ticket_id is not None:
                codes.setdefault(ticket_id, []).append(code)
    return [_line(row, services[row[9]], counters.get(row[10]), officers.get(row[11]), levels.get(row[0]),
                  moved.get(row[0]), tuple(codes.get(row[0], ()))) for row in rows]


def _raw_time(backend: str) -> Callable[[Any], Any]:
    """A timestamp column as the driver returns it: SQLite's UTC text (parsed by `_utc`, C-fast, instead of the
    per-value regex and type decorator), PostgreSQL's aware datetime without the decorator's conversion."""
    kind: Any = String() if backend == "sqlite" else DateTime(timezone=True)
    return lambda column: type_coerce(column, kind)


def _utc(value: str | datetime | None) -> datetime | None:
    """A stored time as an aware datetime (SQLite text is UTC without a zone)."""
    if value is None or isinstance(value, datetime):
        return value
    return datetime.fromisoformat(value + "+00:00")  # 8 times faster than .replace(tzinfo=timezone.utc)


def _uuid_text(stored: str) -> str:
    """Canonical UUID text from what the backend returned (SQLite: 32 hex digits; PostgreSQL: already dashed)."""
    if len(stored) == 32:
        return f"{stored[:8]}-{stored[8:12]}-{stored[12:16]}-{stored[16:20]}-{stored[20:]}"
    return stored


def _line(row: Any, service: tuple[str, str], number: int | None, officer: str | None, level: int | None,
          moved_at: Any, dossiers: tuple[str, ...]) -> TicketLine:
    """A ticket row (the columns of `_ticket_lines`) with its names and durations."""
    ticket_id, display, status, priority, issued, called, serving, finished, moved = row[:9]
    issued, called, serving, finished, moved_at = _utc(issued), _utc(called), _utc(serving), _utc(finished), \
        _utc(moved_at)
    service_seconds = _seconds(serving or called, finished) if status in _SERVED_STATES else None
    return TicketLine(_uuid_text(ticket_id), display, service[0], service[1], status, priority, issued, called,
                      serving, finished, _seconds(moved_at or issued, called), service_seconds, number, officer,
                      bool(moved) or status == TicketStatus.TRANSFERRED, level, dossiers)


def _grouped(tickets: list[TicketLine], key: Callable[[TicketLine], tuple[str, str]]) -> list[GroupStats]:
    """Statistics per group, ordered by the group key."""
    groups: dict[tuple[str, str], list[TicketLine]] = {}
    for t in tickets:
        groups.setdefault(key(t), []).append(t)
    return [_stats(k, label, members) for (k, label), members in sorted(groups.items())]


def _stats(key: str, label: str, tickets: list[TicketLine]) -> GroupStats:
    """Counts, and mean / median / p90 of the waits and service times of a group (one pass over it)."""
    waits: list[int] = []
    services: list[int] = []
    finished = no_shows = 0
    for t in tickets:
        if t.wait_seconds is not None:
            waits.append(t.wait_seconds)
        if t.service_seconds is not None:
            services.append(t.service_seconds)
        if t.status == _FINISHED:
            finished += 1
        elif t.status == _NO_SHOW:
            no_shows += 1
    return GroupStats(key, label, len(tickets), finished, no_shows, *_summary(waits), *_summary(services))


_FINISHED, _NO_SHOW = TicketStatus.FINISHED.value, TicketStatus.NO_SHOW.value


def _summary(values: list[int]) -> tuple[float | None, float | None, float | None]:
    """(mean, median, nearest-rank p90), or Nones for no values."""
    if not values:
        return None, None, None
    ordered = sorted(values)
    n = len(ordered)
    median = ordered[n // 2] if n % 2 else (ordered[n // 2 - 1] + ordered[n // 2]) / 2
    p90 = ordered[max(0, math.ceil(0.9 * n) - 1)]
    return sum(ordered) / n, float(median), float(p90)


# --- the live board -------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class LiveBoard:
    """Today at a glance: the hall, the longest wait now per service, counts by status, votes by level."""

    status: QueueStatus
    longest_wait_seconds: dict[str, int]
    issued: int
    served: int
    no_shows: int
    waiting: int
    ratings: dict[int, int]
    at: datetime

    @property
    def longest_wait_now(self) -> int:
        """The longest wait of anyone still waiting, in seconds (0 when nobody waits)."""
        return max(self.longest_wait_seconds.values(), default=0)


def live_board(ctx: Context, actor: Actor) -> LiveBoard:
    """What the supervisor's live tab shows (supervisor or admin)."""
    actor.require(Role.SUPERVISOR, "theo dõi hàng chờ")
    now = ctx.now()
    day = local_day(now)
    status = queue_status(ctx)
    start = datetime.combine(day, time(0), LOCAL_TZ)
    with ctx.store.read() as s:
        oldest = s.execute(select(Service.code, func.min(Ticket.issued_at)).join(Service)
                           .where(Ticket.service_day == day, Ticket.status == TicketStatus.WAITING.value)
                           .group_by(Service.code)).all()
        by_status = dict(s.execute(select(Ticket.status, func.count()).where(Ticket.service_day == day)
                                   .group_by(Ticket.status)).all())
        moved_in = int(s.scalar(select(func.count()).select_from(Ticket).where(
            Ticket.service_day == day, Ticket.transferred_from_id.is_not(None))) or 0)
        votes = dict(s.execute(select(Rating.level, func.count()).where(
            Rating.at >= start, Rating.at < start + timedelta(days=1)).group_by(Rating.level)).all())
    waits = {code: max(0, _seconds(first, now) or 0) for code, first in oldest}
    return LiveBoard(status, waits, sum(by_status.values()) - moved_in,
                     int(by_status.get(TicketStatus.FINISHED.value, 0)),
                     int(by_status.get(TicketStatus.NO_SHOW.value, 0)),
                     int(by_status.get(TicketStatus.WAITING.value, 0)),
                     {int(k): int(v) for k, v in votes.items()}, now)


# --- output -----------------------------------------------------------------------------------------------------

CSV_HEADER = ("number", "service", "status", "priority", "issued", "called", "serving", "finished",
              "wait_seconds", "service_seconds", "counter", "officer", "transferred", "rating", "dossiers")


def local_time(moment: datetime | None) -> str:
    """HH:MM:SS in the centre's time zone ('' for none)."""
    return moment.astimezone(LOCAL_TZ).strftime("%H:%M:%S") if moment else ""


def duration(seconds: float | None) -> str:
    """A duration as m:ss (or h:mm:ss); '' for none."""
    if seconds is None:
        return ""
    whole = round(seconds)
    hours, rest = divmod(whole, 3600)
    return f"{hours}:{rest // 60:02d}:{rest % 60:02d}" if hours else f"{rest // 60}:{rest % 60:02d}"


def _cells(t: TicketLine) -> list[object]:
    return [t.display_number, t.service_code, t.status, t.priority_kind or "", local_time(t.issued_at),
            local_time(t.called_at), local_time(t.serving_at), local_time(t.finished_at),
            "" if t.wait_seconds is None else t.wait_seconds,
            "" if t.service_seconds is None else t.service_seconds, t.counter_number or "", t.officer_name or "",
            "1" if t.transferred else "0", t.rating_level or "", " ".join(t.dossier_codes)]


def to_csv(review: DailyReview) -> str:
    """The day's tickets as CSV (local times, durations in seconds), CRLF like the other exports."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_HEADER)
    writer.writerows(_cells(t) for t in review.tickets)
    return buffer.getvalue()


def to_text(review: DailyReview) -> str:
    """The aggregates for a terminal (waits and service times as m:ss)."""
    total = review.total
    lines = [f"Rà soát ngày {review.day:%d/%m/%Y}: {total.count} số, {total.served} đã phục vụ, {total.no_shows} vắng mặt"]
    for title, groups in (("Theo dịch vụ", review.by_service), ("Theo quầy", review.by_counter),
                          ("Theo cán bộ", review.by_officer), ("Theo giờ lấy số", review.by_hour)):
        lines += ["", title, _header()] + [_text_row(g) for g in groups]
    lines += ["", _text_row(review.total)]
    return "\n".join(lines)


def _header() -> str:
    return (f"{'':<36} {'Số':>5} {'Xong':>5} {'Vắng':>5} {'Chờ TB':>8} {'Chờ TV':>8} {'Chờ P90':>8} "
            f"{'PV TB':>8} {'PV TV':>8} {'PV P90':>8}")


def _text_row(g: GroupStats) -> str:
    times: Iterable[float | None] = (g.wait_mean, g.wait_median, g.wait_p90, g.service_mean, g.service_median,
                                     g.service_p90)
    return f"{g.label[:36]:<36} {g.count:>5} {g.served:>5} {g.no_shows:>5} " + " ".join(
        f"{duration(v):>8}" for v in times)


# --- charts, filters and files -------------------------------------------------------------------------------

FORMATS = ("text", "csv", "xlsx", "pdf")
BINARY_FORMATS = ("xlsx", "pdf")
DAY_TITLE = "RÀ SOÁT HOẠT ĐỘNG TIẾP NHẬN TRONG NGÀY"
WORKING_HOURS = (7, 17)  # the hour charts always show at least 07:00–17:59
LEVEL_COLORS = {1: "#2e7d32", 2: "#81c784", 3: "#fbc02d", 4: "#ef6c00", 5: "#c62828"}
STATS_HEADERS = ("Nhóm", "Số", "Xong", "Vắng", "Chờ TB", "Chờ TV", "Chờ P90", "PV TB", "PV TV", "PV P90")
TICKET_HEADERS = ("Số", "Dịch vụ", "Ưu tiên", "Trạng thái", "Lấy số", "Gọi", "Bắt đầu PV", "Xong", "Chờ",
                  "Phục vụ", "Quầy", "Cán bộ", "Chuyển", "Đánh giá", "Hồ sơ")
GROUP_TITLES = ("Theo dịch vụ", "Theo quầy", "Theo cán bộ", "Theo giờ lấy số")


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
    issued = Chart("Số đã lấy theo giờ", labels,
                   (Series("Số đã lấy", tuple(float(stats[h].count) if h in stats else 0.0 for h in hours),
                           "#1565c0"),), unit="số")
    waits = tuple(round((stats[h].wait_mean or 0) / 60, 1) if h in stats else 0.0 for h in hours)
    wait = Chart("Thời gian chờ trung bình theo giờ", labels, (Series("Chờ TB", waits, "#ef6c00"),), unit="phút")
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
    return Chart("Đánh giá theo quầy", tuple(f"Quầy {c}" for c in counters), series, unit="lượt", stacked=True)


def filter_tickets(review: DailyReview, service: str | None = None, counter: int | None = None,
                   status: str | None = None) -> list[TicketLine]:
    """The day's tickets of one service, counter and/or outcome (None: any)."""
    return [t for t in review.tickets if (service is None or t.service_code == service)
            and (counter is None or t.counter_number == counter) and (status is None or t.status == status)]


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
    """A cell as text: times HH:MM:SS, durations m:ss, blanks ''."""
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


def centre_name(ctx: Context) -> str:
    """The centre's name for report titles ('' when not set)."""
    return str(get_centre_settings(ctx).get("centre_name") or "")


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
