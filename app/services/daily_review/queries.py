"""The supervisor's review of one day (rà soát trong ngày), read from the store: every ticket with its times,
waits and service durations, aggregates per service, counter, officer and hour, and the live board of today.

Waits and service times are differences of two stored timestamps per row; they are computed in Python over all
of the day's tickets (a busy centre issues a few thousand a day; nothing is cut off), because the portable SQL
for an interval in seconds differs per backend. Counts for the live board are plain GROUP BYs in SQL.

Definitions:
- wait = called − issued; for a ticket transferred in, issued is the moment of the transfer (the citizen keeps
  the original issue time for their place in line, but was being served meanwhile);
- service = finished − serving started, or finished − called when the officer finished without "serving";
  only for tickets finished or transferred on from a counter (a no-show or a cancellation has no service);
- median is the middle value (mean of the two middle ones); p90 is the nearest-rank 90th percentile.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any, NamedTuple

from sqlalchemy import DateTime, String, cast, func, select, type_coerce
from sqlalchemy.orm import aliased

from app.domain.accounts import Role
from app.domain.messages import translate
from app.domain.queue import TicketStatus
from app.services.context import LOCAL_TZ, Actor, Context
from app.services.queue import QueueStatus, local_day, queue_status
from app.services.settings import get_centre_settings
from app.store.models import Counter, Dossier, Officer, Rating, Service, Ticket

NO_OFFICER = translate("services.daily_review.queries", "(không rõ)")
_SERVED_STATES = (TicketStatus.FINISHED.value, TicketStatus.TRANSFERRED.value)


class TicketLine(NamedTuple):
    """One ticket of the day with its times (UTC) and durations (seconds).

    A named tuple of plain values, not a dataclass: the cyclic collector stops tracking a tuple that holds no
    container, so a day of 10,000 lines never makes its passes longer (P8, without pausing the collector)."""

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
    actor.require(Role.SUPERVISOR, translate("services.daily_review.queries", "xem báo cáo trong ngày"))
    return _review(day, _ticket_lines(ctx, day))


def _review(day: date, tickets: list[TicketLine]) -> DailyReview:
    """The day's tickets and their aggregates per service, counter, officer and hour."""
    return DailyReview(
        day, tickets,
        _grouped(tickets, lambda t: t.service_code, lambda t: f"{t.service_code} — {t.service_name}"),
        _grouped([t for t in tickets if t.counter_number is not None], lambda t: f"{t.counter_number:04d}",
                 lambda t: translate("services.daily_review.queries", "Quầy %1").arg(t.counter_number)),
        _grouped([t for t in tickets if t.counter_number is not None], lambda t: t.officer_name or NO_OFFICER,
                 lambda t: t.officer_name or NO_OFFICER),
        _grouped(tickets, lambda t: f"{_hour(t.issued_at):02d}", lambda t: f"{_hour(t.issued_at):02d}:00"),
        _stats("", translate("services.daily_review.queries", "Tổng cộng"), tickets))


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
             .order_by(Ticket.issued_at, Ticket.transferred_from_id.is_not(None), Ticket.seq))
    with ctx.store.read() as s:
        conn = s.connection()
        services = {i: (code, name) for i, code, name in conn.execute(select(Service.id, Service.code, Service.name))}
        counters = dict(conn.execute(select(Counter.id, Counter.number)).all())
        officers = dict(conn.execute(select(Officer.id, Officer.full_name)).all())
        levels = dict(conn.execute(select(cast(Rating.ticket_id, String), Rating.level)
                                   .join(Ticket, Ticket.id == Rating.ticket_id).where(of_day)).all())
        moved: dict[str, Any] = dict(conn.execute(select(_ID_TEXT, raw(before.finished_at))
                                  .join(before, before.id == Ticket.transferred_from_id).where(of_day)).all())
        codes: dict[str, list[str]] = {}
        for ticket_id, code in conn.execute(select(cast(Dossier.ticket_id, String), Dossier.code)
                                            .join(Ticket, Ticket.id == Dossier.ticket_id)
                                            .where(of_day).order_by(Dossier.code)):
            if ticket_id is not None:
                codes.setdefault(ticket_id, []).append(code)
        # each row becomes its line as it arrives and is freed at once, so the rows of the day never pile up
        return [_line(row, services[row[9]], counters.get(row[10]), officers.get(row[11]), levels.get(row[0]),
                      moved.get(row[0]), tuple(codes.get(row[0], ()))) for row in conn.execute(query)]


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


def _utc_at(value: str | datetime) -> datetime:
    """A stored time that is never empty (issued_at), as an aware datetime."""
    return value if isinstance(value, datetime) else datetime.fromisoformat(value + "+00:00")


def _uuid_text(stored: str) -> str:
    """Canonical UUID text from what the backend returned (SQLite: 32 hex digits; PostgreSQL: already dashed)."""
    if len(stored) == 32:
        return f"{stored[:8]}-{stored[8:12]}-{stored[12:16]}-{stored[16:20]}-{stored[20:]}"
    return stored


def _line(row: Any, service: tuple[str, str], number: int | None, officer: str | None, level: int | None,
          moved_at: Any, dossiers: tuple[str, ...]) -> TicketLine:
    """A ticket row (the columns of `_ticket_lines`) with its names and durations."""
    ticket_id, display, status, priority, issued, called, serving, finished, moved = row[:9]
    issued, called, serving, finished, moved_at = _utc_at(issued), _utc(called), _utc(serving), _utc(finished), \
        _utc(moved_at)
    service_seconds = _seconds(serving or called, finished) if status in _SERVED_STATES else None
    return TicketLine(_uuid_text(ticket_id), display, service[0], service[1], status, priority, issued, called,
                      serving, finished, _seconds(moved_at or issued, called), service_seconds, number, officer,
                      bool(moved) or status == TicketStatus.TRANSFERRED, level, dossiers)


def _grouped(tickets: list[TicketLine], key: Callable[[TicketLine], str],
             label: Callable[[TicketLine], str]) -> list[GroupStats]:
    """Statistics per group, ordered by the group key; a group's label is made once, from its first ticket."""
    groups: dict[str, list[TicketLine]] = {}
    for t in tickets:
        groups.setdefault(key(t), []).append(t)
    return [_stats(k, label(members[0]), members) for k, members in sorted(groups.items())]


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
class CounterToday:
    """One counter today: who works it (the officer of its ticket now, else of its last one), how many it has
    served and their mean service time (seconds; None before the first)."""

    number: int
    officer_name: str | None
    served: int
    service_mean: float | None


@dataclass(frozen=True)
class LiveBoard:
    """Today at a glance: the hall, the longest wait now per service, counts by status, votes by level, and per
    counter its officer, served count and mean service time."""

    status: QueueStatus
    longest_wait_seconds: dict[str, int]
    issued: int
    served: int
    no_shows: int
    waiting: int
    ratings: dict[int, int]
    at: datetime
    counters: dict[int, CounterToday]

    @property
    def longest_wait_now(self) -> int:
        """The longest wait of anyone still waiting, in seconds (0 when nobody waits)."""
        return max(self.longest_wait_seconds.values(), default=0)


def live_board(ctx: Context, actor: Actor) -> LiveBoard:
    """What the supervisor's live tab shows (supervisor or admin)."""
    actor.require(Role.SUPERVISOR, translate("services.daily_review.queries", "theo dõi hàng chờ"))
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
        handled = s.execute(select(Counter.number, Ticket.status, Ticket.called_at, Ticket.serving_started_at,
                                   Ticket.finished_at, Officer.full_name)
                            .join(Counter, Counter.id == Ticket.counter_id)
                            .outerjoin(Officer, Officer.id == Ticket.officer_id)
                            .where(Ticket.service_day == day).order_by(Ticket.called_at)).all()
        names = dict(s.execute(select(Officer.id, Officer.full_name)).all())
    waits = {code: max(0, _seconds(first, now) or 0) for code, first in oldest}
    return LiveBoard(status, waits, sum(by_status.values()) - moved_in,
                     int(by_status.get(TicketStatus.FINISHED.value, 0)),
                     int(by_status.get(TicketStatus.NO_SHOW.value, 0)),
                     int(by_status.get(TicketStatus.WAITING.value, 0)),
                     {int(k): int(v) for k, v in votes.items()}, now, _counters_today(status, handled, names))


def _counters_today(status: QueueStatus, handled: Any, names: dict[int, str]) -> dict[int, CounterToday]:
    """Per counter number: its officer now (else the last one today), tickets finished and mean service time."""
    last_officer: dict[int, str | None] = {}
    spans: dict[int, list[int]] = {}
    for number, state, called, serving, finished, officer in handled:  # in call order: the last one wins
        last_officer[number] = officer
        if state == TicketStatus.FINISHED.value:
            seconds = _seconds(_utc(serving or called), _utc(finished))
            spans.setdefault(number, []).extend([seconds] if seconds is not None else [])
    board = {}
    for c in status.counters:
        officer = names.get(c.officer_id) if c.officer_id is not None else last_officer.get(c.number)
        served = spans.get(c.number, [])
        board[c.number] = CounterToday(c.number, officer, len(served), sum(served) / len(served) if served else None)
    return board



def filter_tickets(review: DailyReview, service: str | None = None, counter: int | None = None,
                   status: str | None = None) -> list[TicketLine]:
    """The day's tickets of one service, counter and/or outcome (None: any)."""
    return [t for t in review.tickets if (service is None or t.service_code == service)
            and (counter is None or t.counter_number == counter) and (status is None or t.status == status)]


def centre_name(ctx: Context) -> str:
    """The centre's name for report titles ('' when not set)."""
    return str(get_centre_settings(ctx).get("centre_name") or "")
