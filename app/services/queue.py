"""The queue: issue a numbered ticket at the kiosk, call/recall/serve/finish/skip at a counter, transfer, status.

Numbers come from a locked sequence row per service and day (never count()+1); every change is a ticket event.
Issuing is in `app.services.ticket_issue` (its three paths side by side); `issue_ticket` is re-exported here.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.domain import queue as rules
from app.domain.accounts import Role
from app.domain.calendar import LOCAL_TZ
from app.domain.errors import NotFound
from app.domain.messages import translate
from app.domain.queue import ACTIVE, Candidate, CounterMode, QueueError, TicketStatus
from app.services.context import Actor, Context
from app.services.queue_views import TicketView
from app.services.settings import centre_setting
from app.services.ticket_issue import issue_ticket as issue_ticket  # the three issue paths live there
from app.store.live import publish
from app.store.models import Counter, CounterService, Service, Ticket, TicketEvent
from app.store.sequences import allocate


# how a counter's held ticket is named in the refusal to call another (the active states, in lower case)
_HELD_STATE = {TicketStatus.CALLED.value: translate("services.queue", "đã gọi"),
               TicketStatus.SERVING.value: translate("services.queue", "đang phục vụ")}


@dataclass(frozen=True)
class ServiceQueue:
    """Waiting counts of one service."""

    code: str
    name: str
    waiting: int
    priority_waiting: int


@dataclass(frozen=True)
class ServiceWait:
    """What the kiosk shows on a service's button: the people waiting and the expected wait of a new ticket."""

    code: str
    waiting: int
    wait_minutes: int


@dataclass(frozen=True)
class CounterState:
    """What one counter is doing now, with its ticket in full (a restarted station picks it up from here)."""

    number: int
    name: str
    ticket: str | None
    status: str | None
    officer_id: int | None
    current: TicketView | None = None
    mode: str = CounterMode.OPEN.value


@dataclass(frozen=True)
class QueueStatus:
    """The hall at a glance."""

    day: date
    services: list[ServiceQueue]
    counters: list[CounterState]


def local_day(moment: datetime) -> date:
    """The centre's calendar day of a moment (numbers restart at local midnight)."""
    return moment.astimezone(LOCAL_TZ).date()


def ticket_view(ctx: Context, ticket_id: uuid.UUID) -> TicketView:
    """A stored ticket with the people now ahead of it and the wait estimate (for a reprint)."""
    with ctx.store.read() as s:
        ticket = s.get(Ticket, ticket_id)
        if ticket is None:
            raise NotFound(translate("services.queue", "Không tìm thấy phiếu"))
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
            raise NotFound(translate("services.queue", "Không tìm thấy phiếu"))
        ticket.printed = printed
        _event(s, ctx, ticket, "printed" if printed else "print_failed", None, None, reason)


def call_next(ctx: Context, actor: Actor, counter_number: int) -> TicketView | None:
    """Call the next waiting ticket of the counter's services (None when nobody waits)."""
    actor.require(Role.OFFICER, translate("services.queue", "gọi số"))
    now = ctx.now()
    day = local_day(now)
    with ctx.store.write() as s:
        counter = _counter(s, counter_number)
        current = _active_ticket(s, counter.id)
        if current is None:
            rules.check_counter_calls(counter.number, CounterMode(counter.state))
        if current is not None:
            held_state = _HELD_STATE.get(current.status) or TicketStatus(current.status).label.lower()
            raise QueueError(translate("services.queue", "Quầy %1 đang có số %2 (%3): kết thúc hoặc đánh dấu vắng "
                                       "mặt trước khi gọi số mới").arg(counter.number, current.display_number,
                                                                      held_state))
        service_ids = list(s.scalars(select(CounterService.service_id).where(CounterService.counter_id == counter.id)))
        normal = _earliest_waiting(s, service_ids, counter.id, day, priority=False)
        priority = _earliest_waiting(s, service_ids, counter.id, day, priority=True)
        chosen = rules.choose_next(Candidate(normal, False) if normal is not None else None,
                                   Candidate(priority, True) if priority is not None else None,
                                   _normals_since_priority(s, counter.id, day),
                                   int(centre_setting(s, "priority_every")))
        if chosen is None:
            return None
        ticket: Ticket = chosen.ticket_id  # type: ignore[assignment]
        _change(s, ctx, actor, ticket, "called", counter)
        ticket.called_at, ticket.call_count = now, 1
        return _view(ticket, s.get(Service, ticket.service_id), counter.number)


def set_counter_mode(ctx: Context, actor: Actor, counter_number: int, mode: CounterMode) -> CounterMode:
    """Open, pause or close a counter (stored, so the display and every station see it; a paused or closed
    counter calls nobody). Refused while the counter holds a called or served ticket, except reopening."""
    actor.require(Role.OFFICER, translate("services.queue", "mở, tạm dừng hoặc đóng quầy"))
    with ctx.store.write() as s:
        counter = _counter(s, counter_number)
        if counter.state == mode.value:
            return mode
        held = _active_ticket(s, counter.id)
        rules.check_counter_mode_change(counter.number, mode, held.display_number if held else None)
        counter.state, counter.state_changed_at = mode.value, ctx.now()
        publish(s, "queue", {"event": f"counter_{mode.value}", "service": 0, "counter": counter.id})
        return mode


def call_ticket(ctx: Context, actor: Actor, counter_number: int, ticket_id: uuid.UUID) -> TicketView:
    """The counter scanned a citizen's ticket (its QR code): the citizen stands at the counter, so a waiting
    ticket of today is called out of turn and served at once; the counter's own called ticket is served. Refused
    (QueueError) when the counter is not open, holds another ticket, or does not serve the ticket's service."""
    actor.require(Role.OFFICER, translate("services.queue", "gọi số"))
    now = ctx.now()
    with ctx.store.write() as s:
        counter = _counter(s, counter_number)
        rules.check_counter_calls(counter.number, CounterMode(counter.state))
        ticket = s.scalar(select(Ticket).where(Ticket.id == ticket_id).with_for_update())
        if ticket is None:
            raise NotFound(translate("services.queue", "Không tìm thấy phiếu vừa quét (phiếu của hệ thống khác?)"))
        held = _active_ticket(s, counter.id)
        service = s.get(Service, ticket.service_id)
        assert service is not None
        if held is not None and held.id != ticket.id:
            raise QueueError(translate("services.queue", "Quầy %1 đang có số %2: kết thúc hoặc đánh dấu vắng mặt "
                                       "trước khi gọi số %3").arg(counter.number, held.display_number,
                                                                  ticket.display_number))
        if held is None:
            _check_callable_here(s, ticket, counter, service, local_day(now))
            _change(s, ctx, actor, ticket, "called", counter)
            ticket.called_at, ticket.call_count = now, 1
        if ticket.status == TicketStatus.CALLED.value:
            _change(s, ctx, actor, ticket, "serving", counter)
            ticket.serving_started_at = now
        return _view(ticket, service, counter.number)


def _check_callable_here(s: Session, ticket: Ticket, counter: Counter, service: Service, day: date) -> None:
    """A scanned ticket a counter may call out of turn: today's, waiting, of a service it serves (or reserved)."""
    number = ticket.display_number
    if ticket.service_day != day:
        raise QueueError(translate("services.queue", "Phiếu số %1 là của ngày %2, không dùng được hôm nay")
                         .arg(number, f"{ticket.service_day:%d/%m/%Y}"))
    if ticket.status != TicketStatus.WAITING.value:
        label = TicketStatus(ticket.status).label
        other = (s.get(Counter, ticket.counter_id) if ticket.counter_id is not None
                 and ticket.status in (TicketStatus.CALLED.value, TicketStatus.SERVING.value) else None)
        if other is not None:
            raise QueueError(translate("services.queue", "Số %1 đang ở trạng thái «%2» tại quầy %3")
                             .arg(number, label, other.number))
        raise QueueError(translate("services.queue", "Số %1 đang ở trạng thái «%2»").arg(number, label))
    own = set(s.scalars(select(CounterService.service_id).where(CounterService.counter_id == counter.id)))
    if ticket.service_id not in own and ticket.counter_id != counter.id:
        raise QueueError(translate("services.queue", "Số %1 là của dịch vụ «%2», quầy %3 không phục vụ dịch vụ này; "
                                   "mời công dân đến đúng quầy").arg(number, service.name, counter.number))
    if ticket.counter_id not in (None, counter.id):
        raise QueueError(translate("services.queue", "Số %1 được chuyển riêng cho một quầy khác").arg(number))


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
    actor.require(Role.OFFICER, translate("services.queue", "xử lý số tại quầy"))
    with ctx.store.write() as s:
        counter = _counter(s, counter_number)
        ticket = _active_ticket(s, counter.id)
        if ticket is None:
            raise QueueError(translate("services.queue", "Quầy %1 chưa gọi số nào").arg(counter.number))
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
    actor.require(Role.OFFICER, translate("services.queue", "chuyển số"))
    now = ctx.now()
    with ctx.store.write() as s:
        old = _find_ticket(s, ticket_ref, local_day(now))
        target = _service(s, to_service_code)
        counter = _counter(s, to_counter) if to_counter is not None else None
        if counter is not None:
            rules.check_counter_calls(counter.number, CounterMode(counter.state))
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
    actor.require(Role.OFFICER, translate("services.queue", "hủy số"))
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
                                         _view(t, service_by_id.get(t.service_id), c.number) if t else None,
                                         c.state))
        return QueueStatus(day, services, counters)


def service_waits(ctx: Context) -> dict[str, ServiceWait]:
    """Per active service: today's waiting tickets and the wait a ticket taken now can expect (the same estimate
    the ticket prints). Two grouped counts, whatever the number of tickets: cheap enough for every kiosk reload."""
    day = local_day(ctx.now())
    with ctx.store.read() as s:
        waiting = dict(s.execute(select(Ticket.service_id, func.count()).where(
            Ticket.service_day == day, Ticket.status == TicketStatus.WAITING.value).group_by(Ticket.service_id)).all())
        open_counters = dict(s.execute(
            select(CounterService.service_id, func.count()).join(Counter)
            .where(Counter.active.is_(True), Counter.state == CounterMode.OPEN.value)
            .group_by(CounterService.service_id)).all())
        result = {}
        for sid, code, minutes in s.execute(select(Service.id, Service.code, Service.avg_service_minutes)
                                            .where(Service.active.is_(True))):
            n = int(waiting.get(sid, 0))
            result[code] = ServiceWait(code, n, rules.estimated_wait_minutes(n, minutes, int(open_counters.get(sid, 0))))
        return result


# --- helpers ------------------------------------------------------------------------------------------------

def _service(s: Session, code: str) -> Service:
    service = s.scalar(select(Service).where(Service.code == code.strip().upper()))
    if service is None or not service.active:
        raise NotFound(translate("services.queue", "Không có dịch vụ mã «%1»").arg(code))
    return service


def _counter(s: Session, number: int) -> Counter:
    counter = s.scalar(select(Counter).where(Counter.number == number))
    if counter is None or not counter.active:
        raise NotFound(translate("services.queue", "Không có quầy số %1").arg(number))
    return counter


def _active_ticket(s: Session, counter_id: int, lock: bool = True) -> Ticket | None:
    query = select(Ticket).where(Ticket.counter_id == counter_id, Ticket.status.in_([a.value for a in ACTIVE]))
    return s.scalar(query.with_for_update() if lock else query)


def _waiting_count(s: Session, service_id: int, day: date) -> int:
    return int(s.scalar(select(func.count()).select_from(Ticket).where(
        Ticket.service_id == service_id, Ticket.service_day == day,
        Ticket.status == TicketStatus.WAITING.value)) or 0)


def _counters_serving(s: Session, service_id: int) -> int:
    """The open counters that call this service (paused and closed ones do not shorten the wait)."""
    return int(s.scalar(select(func.count()).select_from(CounterService).join(Counter).where(
        CounterService.service_id == service_id, Counter.active.is_(True),
        Counter.state == CounterMode.OPEN.value)) or 0)


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
        raise NotFound(translate("services.queue", "Không có số %1 đang chờ hoặc đang phục vụ hôm nay").arg(ref))
    if len(rows) > 1:
        raise QueueError(translate("services.queue", "Có %1 phiếu số %2 hôm nay; hãy chọn đúng phiếu tại quầy")
                         .arg(len(rows), ref))
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
                      t.issued_at, t.called_at, counter_number, t.call_count, t.printed, ahead, wait, t.dossier_id)
