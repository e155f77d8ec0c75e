"""The queue: issue a numbered ticket at the kiosk, call/recall/serve/finish/skip at a counter, transfer, status.

Numbers come from a locked sequence row per service and day (never count()+1); every change is a ticket event.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import bindparam, func, insert, select, text
from sqlalchemy.orm import Session

from app.domain import queue as rules
from app.domain.accounts import Role
from app.domain.errors import NotFound
from app.domain.queue import ACTIVE, Candidate, QueueError, TicketStatus
from app.services.context import LOCAL_TZ, Actor, Context
from app.services.queue_views import TicketView
from app.services.settings import centre_setting
from app.store.live import CHANNEL, encode, publish
from app.store.models import Counter, CounterService, Service, Ticket, TicketEvent
from app.store.sequences import allocate


@dataclass(frozen=True)
class ServiceQueue:
    """Waiting counts of one service."""

    code: str
    name: str
    waiting: int
    priority_waiting: int


@dataclass(frozen=True)
class CounterState:
    """What one counter is doing now, with its ticket in full (a restarted station picks it up from here)."""

    number: int
    name: str
    ticket: str | None
    status: str | None
    officer_id: int | None
    current: TicketView | None = None


@dataclass(frozen=True)
class QueueStatus:
    """The hall at a glance."""

    day: date
    services: list[ServiceQueue]
    counters: list[CounterState]


def local_day(moment: datetime) -> date:
    """The centre's calendar day of a moment (numbers restart at local midnight)."""
    return moment.astimezone(LOCAL_TZ).date()


def issue_ticket(ctx: Context, service_code: str, priority_kind: str | None = None) -> TicketView:
    """Take the next number of a service (the kiosk: no sign-in needed).

    The hot path of the hall (every kiosk, at opening time all at once), so it is written as four Core statements
    and no ORM unit of work: one read (the service, the people waiting, the counters serving it), the locked
    sequence upsert, and the ticket and its event inserted together (plus NOTIFY on PostgreSQL).
    """
    if priority_kind is not None and priority_kind not in rules.PRIORITY_KINDS:
        raise QueueError(f"Loại ưu tiên không hợp lệ: {priority_kind}")
    now = ctx.now()
    day = local_day(now)
    code = service_code.strip().upper()
    ticket_id, status = uuid.uuid4(), TicketStatus.WAITING.value
    if ctx.store.backend == "postgresql":
        # two round trips and no BEGIN/COMMIT: the read, then the one statement that is the whole write
        with ctx.store.autocommit() as conn:
            found, ahead, wait = _issue_read(conn, code, service_code, day)
            seq, number, display = _issue_postgresql(conn, found, ticket_id, day, priority_kind, now,
                                                     ctx.station_id)
        return TicketView(ticket_id, display, number, found.code, found.name, status, priority_kind, now, None,
                          None, 0, False, ahead, wait)
    with ctx.store.write() as s:
        conn = s.connection()  # Core, not the ORM's bulk insert: nothing of the unit of work is needed here
        # reads first: the number is taken last (the sequence row, and on SQLite the file, are held briefly)
        found, ahead, wait = _issue_read(conn, code, service_code, day)
        seq = allocate(s, "ticket", f"service:{found.id}", day)
        _check_cap(found, seq)
        number = rules.number_for(seq, found.range_start, found.range_end)
        display = rules.display_number(found.prefix, number, found.range_end)
        conn.execute(_INSERT_TICKET, {
            "id": ticket_id, "service_id": found.id, "service_day": day, "seq": seq, "number": number,
            "display_number": display, "priority_kind": priority_kind, "status": status, "issued_at": now,
            "call_count": 0, "printed": False, "issued_by_station": ctx.station_id})
        conn.execute(_INSERT_EVENT, {
            "id": uuid.uuid4(), "ticket_id": ticket_id, "kind": "issued", "at": now, "station_id": ctx.station_id,
            "to_status": status})
        publish(s, "queue", {"event": "issued", "ticket": str(ticket_id), "service": found.id, "counter": 0})
    return TicketView(ticket_id, display, number, found.code, found.name, status, priority_kind, now, None, None, 0,
                      False, ahead, wait)


def _issue_read(conn: Any, code: str, asked: str, day: date) -> tuple[Any, int, int]:
    """The service (refused when unknown or closed), the people waiting for it and the wait estimate."""
    found = conn.execute(_ISSUE_READ, {"code": code, "day": day}).one_or_none()
    if found is None or not found.active:
        raise NotFound(f"Không có dịch vụ mã «{asked}»")
    ahead = int(found.waiting)
    return found, ahead, rules.estimated_wait_minutes(ahead, found.avg_service_minutes, int(found.serving))


def _check_cap(service: Any, seq: int) -> None:
    if service.daily_cap is not None and seq > service.daily_cap:
        raise QueueError(f"Dịch vụ «{service.name}» đã hết số hôm nay ({service.daily_cap} số); "
                         "xin mời quay lại vào ngày làm việc tiếp theo")


# PostgreSQL: the number, the ticket, its event and the NOTIFY in ONE statement, run as its own transaction, so
# the service's sequence row is locked for one round trip (with 8 kiosks on one service, the lock is the
# bottleneck: P1 in docs/benchmarks.md). At the daily cap the upsert changes nothing and returns no row. The printed number and the display text are `rules.number_for` / `rules.display_number`
# written in SQL (tests/services/test_queue.py checks them against the domain functions).
NUMBER_SQL = "CAST(:start AS integer) + (seq.value - 1) % (CAST(:end AS integer) - CAST(:start AS integer) + 1)"
DISPLAY_SQL = ("CASE WHEN CAST(:prefix AS text) = '' THEN n.number::text "
               "ELSE CAST(:prefix AS text) || lpad(n.number::text, length(CAST(:end AS integer)::text), '0') END")
_ISSUE_PG = text(f"""
WITH seq AS (
    INSERT INTO sequences (kind, scope, day, value) VALUES ('ticket', CAST(:scope AS text), CAST(:day AS date), 1)
    ON CONFLICT (kind, scope, day) DO UPDATE SET value = sequences.value + 1
        WHERE CAST(:cap AS integer) IS NULL OR sequences.value < CAST(:cap AS integer)
    RETURNING value),
n AS (SELECT seq.value AS seq, {NUMBER_SQL} AS number FROM seq),
t AS (
    INSERT INTO tickets (id, service_id, service_day, seq, number, display_number, priority_kind, status, issued_at,
                         call_count, printed, issued_by_station)
    SELECT CAST(:id AS uuid), CAST(:service_id AS integer), CAST(:day AS date), n.seq, n.number, {DISPLAY_SQL},
           CAST(:priority AS text), 'waiting', CAST(:at AS timestamptz), 0, false, CAST(:station AS uuid)
      FROM n WHERE CAST(:cap AS integer) IS NULL OR n.seq <= CAST(:cap AS integer)
    RETURNING id, number, display_number),
e AS (
    INSERT INTO ticket_events (id, ticket_id, kind, at, station_id, to_status)
    SELECT CAST(:event_id AS uuid), t.id, 'issued', CAST(:at AS timestamptz), CAST(:station AS uuid), 'waiting' FROM t
    RETURNING id),
note AS (SELECT pg_notify(CAST(:channel AS text), CAST(:body AS text)) AS sent FROM t)
SELECT n.seq, t.number, t.display_number, (SELECT count(*) FROM e), (SELECT count(*) FROM note)
  FROM n LEFT JOIN t ON true
""")


def _issue_postgresql(conn: Any, found: Any, ticket_id: uuid.UUID, day: date, priority_kind: str | None,
                      now: datetime, station_id: uuid.UUID | None) -> tuple[int, int, str]:
    """(seq, number, display) of a ticket issued by the one statement above; QueueError past the daily cap."""
    body = encode("queue", {"event": "issued", "ticket": str(ticket_id), "service": found.id, "counter": 0})
    row = conn.execute(_ISSUE_PG, {
        "scope": f"service:{found.id}", "day": day, "start": found.range_start, "end": found.range_end,
        "prefix": found.prefix, "id": ticket_id, "service_id": found.id, "priority": priority_kind, "at": now,
        "station": station_id, "cap": found.daily_cap, "event_id": uuid.uuid4(), "channel": CHANNEL,
        "body": body}).one_or_none()
    if row is None or row[1] is None:  # the daily cap is reached: the sequence stays at the cap, nothing inserted
        _check_cap(found, (found.daily_cap or 0) + 1)
        raise AssertionError("no ticket inserted below the daily cap")
    return int(row[0]), int(row[1]), str(row[2])


_WAITING = (select(func.count()).select_from(Ticket)
            .where(Ticket.service_id == Service.id, Ticket.service_day == bindparam("day"),
                   Ticket.status == TicketStatus.WAITING.value).scalar_subquery())
_SERVING = (select(func.count()).select_from(CounterService).join(Counter)
            .where(CounterService.service_id == Service.id, Counter.active.is_(True)).scalar_subquery())
_ISSUE_READ = select(Service.id, Service.code, Service.name, Service.prefix, Service.range_start, Service.range_end,
                     Service.daily_cap, Service.avg_service_minutes, Service.active, _WAITING.label("waiting"),
                     _SERVING.label("serving")).where(Service.code == bindparam("code"))
_INSERT_TICKET = insert(Ticket.__table__)
_INSERT_EVENT = insert(TicketEvent.__table__)


def ticket_view(ctx: Context, ticket_id: uuid.UUID) -> TicketView:
    """A stored ticket with the people now ahead of it and the wait estimate (for a reprint)."""
    with ctx.store.read() as s:
        ticket = s.get(Ticket, ticket_id)
        if ticket is None:
            raise NotFound("Không tìm thấy phiếu")
        service = s.get(Service, ticket.service_id)
        assert service is not None
        ahead = int(s.scalar(select(func.count()).select_from(Ticket).where(
            Ticket.service_id == ticket.service_id, Ticket.service_day == ticket.service_day,
            Ticket.status == TicketStatus.WAITING.value, Ticket.issued_at < ticket.issued_at)) or 0)
        wait = rules.estimated_wait_minutes(ahead, service.avg_service_minutes, _counters_serving(s, service.id))
        counter = s.get(Counter, ticket.counter_id) if ticket.counter_id else None
        return _view(ticket, service, counter.number if counter else None, ahead, wait)


def mark_printed(ctx: Context, ticket_id: uuid.UUID, printed: bool, reason: str | None = None) -> None:
    """Record whether the ticket came out of the printer (a failed one can be reprinted later)."""
    with ctx.store.write() as s:
        ticket = s.get(Ticket, ticket_id)
        if ticket is None:
            raise NotFound("Không tìm thấy phiếu")
        ticket.printed = printed
        _event(s, ctx, ticket, "printed" if printed else "print_failed", None, None, reason)


def call_next(ctx: Context, actor: Actor, counter_number: int) -> TicketView | None:
    """Call the next waiting ticket of the counter's services (None when nobody waits)."""
    actor.require(Role.OFFICER, "gọi số")
    now = ctx.now()
    day = local_day(now)
    with ctx.store.write() as s:
        counter = _counter(s, counter_number)
        current = _active_ticket(s, counter.id)
        if current is not None:
            raise QueueError(f"Quầy {counter.number} đang có số {current.display_number} "
                             f"({TicketStatus(current.status).label.lower()}): kết thúc hoặc đánh dấu vắng mặt "
                             "trước khi gọi số mới")
        service_ids = list(s.scalars(select(CounterService.service_id).where(CounterService.counter_id == counter.id)))
        normal = _earliest_waiting(s, service_ids, counter.id, day, priority=False)
        priority = _earliest_waiting(s, service_ids, counter.id, day, priority=True)
        chosen = rules.choose_next(normal and Candidate(normal, False), priority and Candidate(priority, True),
                                   _normals_since_priority(s, counter.id, day),
                                   int(centre_setting(s, "priority_every")))
        if chosen is None:
            return None
        ticket: Ticket = chosen.ticket_id  # type: ignore[assignment]
        _change(s, ctx, actor, ticket, "called", counter)
        ticket.called_at, ticket.call_count = now, 1
        return _view(ticket, s.get(Service, ticket.service_id), counter.number)


def recall(ctx: Context, actor: Actor, counter_number: int) -> TicketView:
    """Call the counter's current ticket again (the display announces it again)."""
    return _act_on_current(ctx, actor, counter_number, "recalled")


def start_serving(ctx: Context, actor: Actor, counter_number: int) -> TicketView:
    """The citizen has arrived at the counter."""
    return _act_on_current(ctx, actor, counter_number, "serving")


def finish(ctx: Context, actor: Actor, counter_number: int) -> TicketView:
    """Done with the citizen at the counter."""
    return _act_on_current(ctx, actor, counter_number, "finished")


def skip(ctx: Context, actor: Actor, counter_number: int) -> TicketView:
    """The called citizen did not come: mark a no-show."""
    return _act_on_current(ctx, actor, counter_number, "no_show")


def _act_on_current(ctx: Context, actor: Actor, counter_number: int, event: str) -> TicketView:
    """Apply a state change to the ticket the counter holds now."""
    actor.require(Role.OFFICER, "xử lý số tại quầy")
    with ctx.store.write() as s:
        counter = _counter(s, counter_number)
        ticket = _active_ticket(s, counter.id)
        if ticket is None:
            raise QueueError(f"Quầy {counter.number} chưa gọi số nào")
        _change(s, ctx, actor, ticket, event, counter)
        now = ctx.now()
        if event == "recalled":
            ticket.call_count += 1
        elif event == "serving":
            ticket.serving_started_at = now
        else:
            ticket.finished_at = now
        return _view(ticket, s.get(Service, ticket.service_id), counter.number)


def transfer(ctx: Context, actor: Actor, ticket_ref: str, to_service_code: str,
             to_counter: int | None = None) -> TicketView:
    """Send a ticket of today to another service (optionally reserved for one counter); the citizen keeps the
    number and keeps their place by the time it was issued."""
    actor.require(Role.OFFICER, "chuyển số")
    now = ctx.now()
    with ctx.store.write() as s:
        old = _find_ticket(s, ticket_ref, local_day(now))
        target = _service(s, to_service_code)
        counter = _counter(s, to_counter) if to_counter is not None else None
        from_counter = s.get(Counter, old.counter_id) if old.counter_id else None
        _change(s, ctx, actor, old, "transferred", from_counter, reason=f"→ {target.code}")
        old.finished_at = now
        seq = allocate(s, "ticket", f"service:{target.id}", old.service_day)
        new = Ticket(service_id=target.id, service_day=old.service_day, seq=seq, number=old.number,
                     display_number=old.display_number, priority_kind=old.priority_kind,
                     status=TicketStatus.WAITING.value, issued_at=old.issued_at, call_count=0, printed=True,
                     counter_id=counter.id if counter else None, transferred_from_id=old.id,
                     issued_by_station=ctx.station_id)
        s.add(new)
        s.flush()
        _event(s, ctx, new, "issued", actor.officer_id, counter.id if counter else None,
               f"chuyển từ {old.display_number}", to_status=TicketStatus.WAITING.value)
        return _view(new, target, None)


def cancel(ctx: Context, actor: Actor, ticket_ref: str, reason: str) -> TicketView:
    """Withdraw a waiting ticket of today (the citizen left, or took a wrong number)."""
    actor.require(Role.OFFICER, "hủy số")
    with ctx.store.write() as s:
        ticket = _find_ticket(s, ticket_ref, local_day(ctx.now()))
        _change(s, ctx, actor, ticket, "cancelled", None, reason=reason.strip() or None)
        ticket.finished_at = ctx.now()
        return _view(ticket, s.get(Service, ticket.service_id), None)


def queue_status(ctx: Context) -> QueueStatus:
    """Waiting counts per service and each counter's current ticket, today."""
    day = local_day(ctx.now())
    with ctx.store.read() as s:
        counts = {(sid, bool(p)): n for sid, p, n in s.execute(
            select(Ticket.service_id, Ticket.priority_kind.is_not(None), func.count())
            .where(Ticket.service_day == day, Ticket.status == TicketStatus.WAITING.value)
            .group_by(Ticket.service_id, Ticket.priority_kind.is_not(None)))}
        services = [ServiceQueue(v.code, v.name, counts.get((v.id, False), 0) + counts.get((v.id, True), 0),
                                 counts.get((v.id, True), 0))
                    for v in s.scalars(select(Service).where(Service.active.is_(True)).order_by(Service.sort_order))]
        service_by_id = {v.id: v for v in s.scalars(select(Service))}
        counters = []
        for c in s.scalars(select(Counter).where(Counter.active.is_(True)).order_by(Counter.number)):
            t = _active_ticket(s, c.id, lock=False)
            counters.append(CounterState(c.number, c.name, t.display_number if t else None,
                                         t.status if t else None, t.officer_id if t else None,
                                         _view(t, service_by_id.get(t.service_id), c.number) if t else None))
        return QueueStatus(day, services, counters)


# --- helpers ------------------------------------------------------------------------------------------------

def _service(s: Session, code: str) -> Service:
    service = s.scalar(select(Service).where(Service.code == code.strip().upper()))
    if service is None or not service.active:
        raise NotFound(f"Không có dịch vụ mã «{code}»")
    return service


def _counter(s: Session, number: int) -> Counter:
    counter = s.scalar(select(Counter).where(Counter.number == number))
    if counter is None or not counter.active:
        raise NotFound(f"Không có quầy số {number}")
    return counter


def _active_ticket(s: Session, counter_id: int, lock: bool = True) -> Ticket | None:
    query = select(Ticket).where(Ticket.counter_id == counter_id, Ticket.status.in_([a.value for a in ACTIVE]))
    return s.scalar(query.with_for_update() if lock else query)


def _waiting_count(s: Session, service_id: int, day: date) -> int:
    return int(s.scalar(select(func.count()).select_from(Ticket).where(
        Ticket.service_id == service_id, Ticket.service_day == day,
        Ticket.status == TicketStatus.WAITING.value)) or 0)


def _counters_serving(s: Session, service_id: int) -> int:
    return int(s.scalar(select(func.count()).select_from(CounterService).join(Counter).where(
        CounterService.service_id == service_id, Counter.active.is_(True))) or 0)


def _earliest_waiting(s: Session, service_ids: list[int], counter_id: int, day: date,
                      priority: bool) -> Ticket | None:
    """The first waiting ticket of these services for this counter (its reserved ones first), locked so that
    another counter calling at the same moment skips it."""
    kind = Ticket.priority_kind.is_not(None) if priority else Ticket.priority_kind.is_(None)
    query = (select(Ticket).where(Ticket.service_day == day, Ticket.status == TicketStatus.WAITING.value,
                                  Ticket.service_id.in_(service_ids), kind,
                                  (Ticket.counter_id.is_(None)) | (Ticket.counter_id == counter_id))
             .order_by(Ticket.counter_id.is_(None), Ticket.issued_at, Ticket.seq).limit(1)
             .with_for_update(skip_locked=True))
    return s.scalar(query)


def _normals_since_priority(s: Session, counter_id: int, day: date) -> int:
    """How many normal tickets this counter called today since its last priority ticket (a large number when it
    has called no priority ticket yet today, so the first priority citizen goes first)."""
    recent = s.execute(select(Ticket.priority_kind).where(
        Ticket.counter_id == counter_id, Ticket.service_day == day, Ticket.called_at.is_not(None))
        .order_by(Ticket.called_at.desc()).limit(100)).scalars()
    for streak, kind in enumerate(recent):
        if kind is not None:
            return streak
    return 1_000_000


def _find_ticket(s: Session, ref: str, day: date) -> Ticket:
    """Today's ticket by its number as printed (the newest one if the number was transferred)."""
    rows = s.scalars(select(Ticket).where(Ticket.service_day == day, Ticket.display_number == ref.strip(),
                                          Ticket.status.in_([TicketStatus.WAITING.value, *[a.value for a in ACTIVE]]))
                     .with_for_update()).all()
    if not rows:
        raise NotFound(f"Không có số {ref} đang chờ hoặc đang phục vụ hôm nay")
    if len(rows) > 1:
        raise QueueError(f"Có {len(rows)} phiếu số {ref} hôm nay; hãy chọn đúng phiếu tại quầy")
    return rows[0]


def _change(s: Session, ctx: Context, actor: Actor, ticket: Ticket, event: str, counter: Counter | None,
            reason: str | None = None) -> None:
    """Apply an allowed state change and write its event."""
    before = TicketStatus(ticket.status)
    after = rules.next_status(before, event, ticket.display_number)
    ticket.status = after.value
    if counter is not None and event == "called":
        ticket.counter_id = counter.id
    if actor.officer_id is not None:
        ticket.officer_id = actor.officer_id
    _event(s, ctx, ticket, event, actor.officer_id, counter.id if counter else None, reason,
           from_status=before.value, to_status=after.value)


def _event(s: Session, ctx: Context, ticket: Ticket, kind: str, officer_id: int | None, counter_id: int | None,
           reason: str | None, from_status: str | None = None, to_status: str | None = None) -> None:
    """Append one ticket event."""
    s.add(TicketEvent(ticket_id=ticket.id, kind=kind, at=ctx.now(), station_id=ctx.station_id,
                      officer_id=officer_id, counter_id=counter_id, from_status=from_status,
                      to_status=to_status or (ticket.status if kind == "issued" else None), reason=reason))
    # stations (display, counters, supervisor) hear of it on commit; ids only, never personal data
    publish(s, "queue", {"event": kind, "ticket": str(ticket.id), "service": ticket.service_id,
                         "counter": counter_id or 0})


def _view(t: Ticket, service: Service | None, counter_number: int | None, ahead: int = 0,
          wait: int = 0) -> TicketView:
    assert service is not None
    return TicketView(t.id, t.display_number, t.number, service.code, service.name, t.status, t.priority_kind,
                      t.issued_at, t.called_at, counter_number, t.call_count, t.printed, ahead, wait)
