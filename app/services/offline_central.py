"""The central store's side of offline work, in one place (docs/offline.md): the reference snapshot a station keeps
in its journal, the number leases, and the replay of a station's outbox.

Everything here is plain SQL/ORM on named tables, run over the station's own database role (its `database_url`):
what each kind of station may do is `app/store/roles.py` (GRANTS), and docs/offline.md ("Grants") says which of
those privileges leasing and replay use; tests/offline/test_station_roles.py runs them over the kiosk's and the
counter's roles.
"""

from __future__ import annotations

import itertools
import math
import uuid
from dataclasses import asdict, dataclass
from datetime import date, datetime, time, timedelta
from typing import Any, cast

from sqlalchemy import Table, func, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session, selectinload

from app.domain.calendar import DEFAULT_PERIODS
from app.domain.dossier import DocumentReceived, IntakeDraft
from app.domain.messages import translate
from app.services.accounts import replayed_actor
from app.services.context import LOCAL_TZ, Actor, Context
from app.services.settings import centre_setting
from app.store.live import publish
from app.store.models import (Agency, Counter, DeviceEvent, Dossier, HolidayOverride, NumberLease, Officer, Payment,
                              Procedure, Rating, Sequence, Service, Setting, Ticket, TicketEvent, WorkingPeriod)
from app.store.sequences import LeaseBlock, allocate

TICKET, DOSSIER, REGISTER = "ticket", "dossier", "register"
# the outbox kinds besides tickets, dossiers and ticket events (docs/offline.md, "What is queued")
TRANSFER, RATING, PAYMENT, PRINTED = "ticket_transfer", "rating", "payment", "ticket_printed"


# --- the reference snapshot ----------------------------------------------------------------------------------

def reference_snapshot(ctx: Context, kind: str = "counter") -> dict[str, Any]:
    """What a station needs to work alone, as JSON documents (one read). A kiosk gets the services, counters,
    calendar and settings only: no officer (no password hash on a machine in the hall), no procedure."""
    with ctx.store.read() as s:
        if kind == "kiosk":
            return _kiosk_snapshot(s)
        kiosk = _kiosk_snapshot(s)
        agencies = [{"id": a.id, "key": a.key, "name": a.name, "identifier": a.identifier, "active": a.active}
                    for a in s.scalars(select(Agency).order_by(Agency.sort_order, Agency.id))]
        procedures = [_procedure_doc(p) for p in s.scalars(
            select(Procedure).options(selectinload(Procedure.documents)).order_by(Procedure.id))]
        counters = [{"id": c.id, "number": c.number, "name": c.name, "active": c.active,
                     "services": [v.id for v in c.services]}
                    for c in s.scalars(select(Counter).options(selectinload(Counter.services)).order_by(Counter.number))]
        officers = [{"id": o.id, "login": o.login, "full_name": o.full_name, "role": o.role,
                     "active": o.active, "agency_id": o.agency_id}
                    for o in s.scalars(select(Officer).order_by(Officer.id))]
    return {**kiosk, "agencies": agencies, "procedures": procedures, "counters": counters, "officers": officers}


def _kiosk_snapshot(s: Session) -> dict[str, Any]:
    services = [{"id": v.id, "code": v.code, "name": v.name, "name_en": v.name_en, "prefix": v.prefix,
                 "range_start": v.range_start, "range_end": v.range_end, "daily_cap": v.daily_cap, "avg_service_minutes": v.avg_service_minutes,
                 "active": v.active} for v in s.scalars(select(Service).order_by(Service.sort_order, Service.id))]
    return {"services": services, "agencies": [], "procedures": [], "counters": [], "officers": [],
            "calendar": _calendar_doc(s), "settings": {row.key: row.value for row in s.scalars(select(Setting))}}


def _calendar_doc(s: Session) -> dict[str, Any]:
    overrides = [[d.isoformat(), k] for d, k in s.execute(select(HolidayOverride.day, HolidayOverride.kind))]
    periods = [[a.isoformat(), b.isoformat()] for a, b in
               s.execute(select(WorkingPeriod.start, WorkingPeriod.end).order_by(WorkingPeriod.start))]
    return {"overrides": overrides, "periods": periods}


def _procedure_doc(p: Procedure) -> dict[str, Any]:
    return {"id": p.id, "code": p.code, "name": p.name, "agency_id": p.agency_id,
            "processing_value": p.processing_value, "processing_unit": p.processing_unit,
            "cutoff": p.cutoff.isoformat() if p.cutoff else None, "fee_vnd": p.fee_vnd, "on_the_spot": p.on_the_spot,
            "online_level": p.online_level, "postal_allowed": p.postal_allowed, "active": p.active,
            "documents": [{"name": d.name, "kind": d.kind, "count": d.count} for d in p.documents]}


# --- leases ---------------------------------------------------------------------------------------------------

Lease = LeaseBlock


def lease_size(ctx: Context, kind: str, scope: str, day: date) -> int:
    """How many numbers cover `offline_lease_minutes` (a centre setting, default 30) at the pace of the last hour
    (today) or of the whole of the last day with numbers (a lease for a coming day); at least `offline_lease_floor`."""
    now = ctx.now()
    today = now.astimezone(LOCAL_TZ).date()
    with ctx.store.read() as s:
        minutes = int(centre_setting(s, "offline_lease_minutes"))
        floor = int(centre_setting(s, "offline_lease_floor"))
        if day == today:
            count = _count_since(s, kind, scope, now - timedelta(hours=1))
            per_minute = count / 60
        else:
            last_day = s.scalar(select(func.max(Sequence.day)).where(Sequence.kind == kind, Sequence.scope == scope,
                                                                     Sequence.day < day))
            total = int(s.scalar(select(Sequence.value).where(Sequence.kind == kind, Sequence.scope == scope,
                                                              Sequence.day == last_day)) or 0) if last_day else 0
            per_minute = total / _working_minutes(s)
    return max(floor, math.ceil(per_minute * minutes))


def _count_since(s: Session, kind: str, scope: str, since: datetime) -> int:
    """Numbers of a sequence used since a moment: tickets of a service, dossiers of an agency."""
    key = int(scope.split(":", 1)[1]) if ":" in scope else None
    if kind == TICKET and key is not None:
        return int(s.scalar(select(func.count()).select_from(Ticket)
                            .where(Ticket.service_id == key, Ticket.issued_at >= since)) or 0)
    if kind == DOSSIER and key is not None:
        return int(s.scalar(select(func.count()).select_from(Dossier)
                            .where(Dossier.agency_id == key, Dossier.received_at >= since)) or 0)
    return int(s.scalar(select(func.count()).select_from(Dossier).where(Dossier.received_at >= since)) or 0)


def _working_minutes(s: Session) -> float:
    periods = [(a, b) for a, b in s.execute(select(WorkingPeriod.start, WorkingPeriod.end))] or list(DEFAULT_PERIODS)
    return float(max(60, sum(_minutes(b) - _minutes(a) for a, b in periods)))


def _minutes(t: time) -> int:
    return t.hour * 60 + t.minute


def take_lease(ctx: Context, station_id: uuid.UUID, kind: str, scope: str, day: date, size: int) -> Lease:
    """Allocate `size` numbers of the sequence in one upsert (so no other station or the central numbering can get
    them) and record who holds them."""
    if size < 1:
        raise ValueError("a lease holds at least one number")
    lease_id = uuid.uuid4()
    with ctx.store.write() as s:
        last = allocate(s, kind, scope, day, count=size)
        s.add(NumberLease(id=lease_id, station_id=station_id, kind=kind, scope=scope, day=day,
                          first_seq=last - size + 1, last_seq=last, taken_at=ctx.now(), given_back=0, unused=0))
    return Lease(lease_id, kind, scope, day, last - size + 1, last)


@dataclass(frozen=True)
class Release:
    """What became of a lease's unused numbers: given back to the sequence, or recorded as unused (a gap)."""

    given_back: int
    unused: int


def release_lease(ctx: Context, lease_id: uuid.UUID, used_upto: int | None) -> Release:
    """End a lease: its numbers after `used_upto` go back to the sequence when nobody allocated after the block
    (the sequence still ends at its last number), else they are recorded as unused. Idempotent: a lease already
    released answers what was recorded then."""
    with ctx.store.write() as s:
        lease = s.get(NumberLease, lease_id, with_for_update=True)
        if lease is None:
            raise LookupError(f"no lease {lease_id}")
        if lease.released_at is not None:
            return Release(lease.given_back, lease.unused)
        keep = lease.first_seq - 1 if used_upto is None else max(lease.first_seq - 1, min(used_upto, lease.last_seq))
        spare = int(lease.last_seq - keep)
        back = 0
        if spare:
            moved = s.execute(update(Sequence).where(Sequence.kind == lease.kind, Sequence.scope == lease.scope,
                                                     Sequence.day == lease.day, Sequence.value == lease.last_seq)
                              .values(value=keep).returning(Sequence.value)
                              .execution_options(synchronize_session=False)).scalar_one_or_none()
            back = spare if moved is not None else 0
        lease.used_upto = None if keep < lease.first_seq else keep
        lease.released_at, lease.given_back, lease.unused = ctx.now(), back, spare - back
        return Release(back, spare - back)


def open_leases(ctx: Context, station_id: uuid.UUID | None = None) -> list[Lease]:
    """Leases not yet released (of one station, or all)."""
    query = select(NumberLease).where(NumberLease.released_at.is_(None)).order_by(NumberLease.taken_at)
    if station_id is not None:
        query = query.where(NumberLease.station_id == station_id)
    with ctx.store.read() as s:
        return [Lease(x.id, x.kind, x.scope, x.day, int(x.first_seq), int(x.last_seq)) for x in s.scalars(query)]


# --- replay ---------------------------------------------------------------------------------------------------

def _insert(s: Session) -> Any:
    return postgresql.insert if s.get_bind().dialect.name == "postgresql" else sqlite.insert


def replay_ticket(ctx: Context, p: dict[str, Any]) -> bool:
    """Store a ticket issued offline with its number and time (True), or nothing when it is already there."""
    with ctx.store.write() as s:
        return _replay_ticket(s, p)


def _replay_ticket(s: Session, p: dict[str, Any]) -> bool:
    at = datetime.fromisoformat(p["at"])
    station = uuid.UUID(p["station"]) if p.get("station") else None
    ticket_id = uuid.UUID(p["id"])
    ins = _insert(s)
    done = s.execute(ins(Ticket).values(
        id=ticket_id, service_id=p["service_id"], service_day=date.fromisoformat(p["day"]), seq=p["seq"],
        number=p["number"], display_number=p["display"], priority_kind=p.get("priority"), status="waiting",
        issued_at=at, call_count=0, printed=bool(p.get("printed")), issued_by_station=station)
        .on_conflict_do_nothing(index_elements=["id"]).returning(Ticket.id)).scalar_one_or_none()
    if done is None:
        return False
    s.execute(ins(TicketEvent).values(id=uuid.UUID(p["event_id"]), ticket_id=ticket_id, kind="issued", at=at,
                                      station_id=station, to_status="waiting", data={"offline": True})
              .on_conflict_do_nothing(index_elements=["id"]))
    publish(s, "queue", {"event": "issued", "ticket": str(ticket_id), "service": p["service_id"], "counter": 0})
    return True


def dossier_payload(draft: IntakeDraft) -> dict[str, Any]:
    """The draft of an intake form as JSON (the outbox keeps it until replay)."""
    return asdict(draft)


def draft_from_payload(data: dict[str, Any]) -> IntakeDraft:
    """The intake draft back from `dossier_payload`."""
    fields = dict(data)
    fields["documents"] = [DocumentReceived(**d) for d in fields.get("documents") or []]
    fields["warnings"] = tuple(fields.get("warnings") or ())
    return IntakeDraft(**fields)


def replay_dossier(ctx: Context, p: dict[str, Any]) -> bool:
    """Store a dossier received offline: its leased code and register line, the due date printed on the citizen's
    receipt, received when and by whom it really was. False when the request id is already stored."""
    from app.services.dossiers import OfflineNumbers, receive_dossier

    request_id = uuid.UUID(p["request_id"])
    with ctx.store.read() as s:
        if s.get(Dossier, request_id) is not None:
            return False
        ticket_id = _ticket_by_number(s, p.get("ticket_number"), p["received_at"])
    officer = p.get("officer") or {}
    actor = replayed_actor(ctx, int(officer["id"])) if officer.get("id") else Actor.maintenance(ctx)
    at = datetime.fromisoformat(p["received_at"])
    station = uuid.UUID(p["station"]) if p.get("station") else None
    replay_ctx = Context(ctx.store, clock=lambda: at, station_id=station)
    numbers = OfflineNumbers(p["seq"], p["register_line"], datetime.fromisoformat(p["due_at"]))
    receive_dossier(replay_ctx, actor, p["procedure_id"], draft_from_payload(p["draft"]), ticket_id,
                    resolve_on_the_spot=bool(p.get("on_the_spot")), request_id=request_id, offline=numbers)
    return True


def _ticket_by_number(s: Session, number: str | None, at: str) -> uuid.UUID | None:
    """The ticket a dossier received offline names by its printed number, on the day it was received (None when
    that ticket is not central yet: the dossier is stored without the link, see docs/offline.md)."""
    if not number:
        return None
    day = datetime.fromisoformat(at).astimezone(LOCAL_TZ).date()
    return s.scalar(select(Ticket.id).where(Ticket.service_day == day, Ticket.display_number == number)
                    .order_by(Ticket.seq.desc()).limit(1))


class NotCentralYet(LookupError):
    """An offline item names a ticket the central store does not hold yet (the kiosk that issued it has not
    synced): the item stays in the outbox and is tried again at the next sync."""


def replay_ticket_event(ctx: Context, p: dict[str, Any]) -> bool:
    """A counter's offline call, start, finish or no-show of the ticket the citizen showed (by its printed number).
    The event is always kept; the ticket's state follows the rules of docs/offline.md: a call never reopens a
    finished ticket, and of two finishes (one offline, one online or from another counter) the earlier wins."""
    with ctx.store.write() as s:
        return _replay_ticket_event(s, p)


def _replay_ticket_event(s: Session, p: dict[str, Any]) -> bool:
    at = datetime.fromisoformat(p["at"])
    ticket = _ticket_of_day(s, p["display"], at)
    kind = p["kind"]
    before = ticket.status
    if s.get(TicketEvent, uuid.UUID(p["id"])) is not None:  # replayed before (the ticket's row lock orders us)
        return False
    _apply_offline_event(ticket, kind, at, p.get("counter_id"), p.get("officer_id"))
    # history is append-only (docs/audit.md): the event is written once, with the state it led to
    s.execute(_insert(s)(TicketEvent).values(
        id=uuid.UUID(p["id"]), ticket_id=ticket.id, kind=kind, at=at,
        station_id=uuid.UUID(p["station"]) if p.get("station") else None, officer_id=p.get("officer_id"),
        counter_id=p.get("counter_id"), from_status=before, to_status=ticket.status, data={"offline": True})
        .on_conflict_do_nothing(index_elements=["id"]))
    publish(s, "queue", {"event": kind, "ticket": str(ticket.id), "service": ticket.service_id,
                         "counter": p.get("counter_id") or 0})
    return True


def _apply_offline_event(t: Ticket, kind: str, at: datetime, counter_id: int | None, officer_id: int | None) -> None:
    """The ticket's state after an event that happened at `at` on a counter cut off from the hall."""
    if kind in ("called", "recalled"):
        t.call_count += 1
        if t.status == "waiting":
            t.status, t.called_at, t.counter_id, t.officer_id = "called", at, counter_id, officer_id
    elif kind == "serving":
        if t.status in ("waiting", "called"):
            t.status, t.serving_started_at = "serving", at
            t.called_at = t.called_at or at
            t.counter_id, t.officer_id = counter_id, officer_id
    elif kind in ("finished", "no_show"):
        earlier = t.finished_at is None or at < t.finished_at
        if earlier and t.status not in ("transferred", "cancelled"):
            t.status, t.finished_at, t.counter_id, t.officer_id = kind, at, counter_id, officer_id
            t.called_at = t.called_at or at


def _ticket_of_day(s: Session, display: str, at: datetime) -> Ticket:
    """The ticket an offline item names by its printed number, on the day the item happened, locked; NotCentralYet
    when the server does not hold it yet."""
    day = at.astimezone(LOCAL_TZ).date()
    ticket = s.scalar(select(Ticket).where(Ticket.service_day == day, Ticket.display_number == display)
                      .order_by(Ticket.seq.desc()).limit(1).with_for_update())
    if ticket is None:
        raise NotCentralYet(translate("services.offline", "Phiếu số %1 ngày %2 chưa có trên máy chủ")
                            .arg(display, f"{day:%d/%m/%Y}"))
    return ticket


def _station(p: dict[str, Any]) -> uuid.UUID | None:
    return uuid.UUID(p["station"]) if p.get("station") else None


def replay_transfer(ctx: Context, p: dict[str, Any]) -> bool:
    """A counter's offline transfer of the ticket it held to another service (and maybe counter), as
    `queue.transfer` does it online: the ticket becomes «transferred» and a new waiting ticket of the target
    service keeps the number and the time it was issued, so the citizen waits in that queue. If the ticket was
    finished (or no-show, cancelled, transferred) on the server meanwhile, the transfer is kept as an event and
    reopens nothing (docs/offline.md). A target counter no longer open takes no reservation: the ticket waits in
    the service's queue."""
    with ctx.store.write() as s:
        return _replay_transfer(s, p)


def _replay_transfer(s: Session, p: dict[str, Any]) -> bool:
    from app.domain.queue import TicketStatus

    at = datetime.fromisoformat(p["at"])
    ticket = _ticket_of_day(s, p["display"], at)
    event_id = uuid.UUID(p["id"])
    if s.get(TicketEvent, event_id) is not None:
        return False
    before = ticket.status
    target = s.get(Service, p["service_id"])
    counter = s.get(Counter, p["to_counter_id"]) if p.get("to_counter_id") else None
    reserved = counter if counter is not None and counter.active and counter.state == "open" else None
    moved = before in (TicketStatus.WAITING.value, TicketStatus.CALLED.value, TicketStatus.SERVING.value)
    data: dict[str, Any] = {"offline": True, "to_service": p.get("service_code")}
    if not moved:
        data["ignored"] = before  # finished (or gone) on the server meanwhile: the event is kept, nothing reopened
    if moved:
        ticket.status, ticket.finished_at = TicketStatus.TRANSFERRED.value, at
        if p.get("officer_id"):
            ticket.officer_id = p["officer_id"]
    station = _station(p)
    s.add(TicketEvent(id=event_id, ticket_id=ticket.id, kind="transferred", at=at, station_id=station,
                      officer_id=p.get("officer_id"), counter_id=p.get("counter_id"), from_status=before,
                      to_status=ticket.status, reason=f"→ {p.get('service_code')}", data=data))
    if moved and target is not None:
        seq = allocate(s, "ticket", f"service:{target.id}", ticket.service_day)
        new = Ticket(id=uuid.UUID(p["new_id"]), service_id=target.id, service_day=ticket.service_day, seq=seq,
                     number=ticket.number, display_number=ticket.display_number, priority_kind=ticket.priority_kind,
                     status=TicketStatus.WAITING.value, issued_at=ticket.issued_at, call_count=0, printed=True,
                     counter_id=reserved.id if reserved else None, transferred_from_id=ticket.id,
                     issued_by_station=station)
        s.add(new)
        s.flush()
        s.add(TicketEvent(id=uuid.UUID(p["new_event_id"]), ticket_id=new.id, kind="issued", at=at,
                          station_id=station, officer_id=p.get("officer_id"),
                          counter_id=reserved.id if reserved else None, to_status=TicketStatus.WAITING.value,
                          reason=f"chuyển từ {ticket.display_number}", data={"offline": True}))
    s.flush()
    publish(s, "queue", {"event": "transferred", "ticket": str(ticket.id), "service": ticket.service_id,
                         "counter": p.get("counter_id") or 0})
    return True


def replay_rating(ctx: Context, p: dict[str, Any]) -> bool:
    """A keypad vote made offline: the central rating joined to the ticket the counter had just finished (by its
    number, that day), with the counter, officer and time of the press. A ticket already rated on the server
    keeps its vote; this press is then recorded as a stray press «already_rated», as online."""
    with ctx.store.write() as s:
        return _replay_rating(s, p)


def _replay_rating(s: Session, p: dict[str, Any]) -> bool:
    rating_id, at = uuid.UUID(p["id"]), datetime.fromisoformat(p["at"])
    # the stray press of a replayed vote is looked up by its id only: a counter's role reads that column of
    # device_events and nothing else of it (app/store/roles.py)
    if s.get(Rating, rating_id) is not None or s.scalar(select(DeviceEvent.id).where(DeviceEvent.id == rating_id)):
        return False
    ticket = _ticket_of_day(s, p["display"], at)
    counter = s.get(Counter, p["counter_id"]) if p.get("counter_id") else None
    number = counter.number if counter is not None else 0
    if s.scalar(select(Rating.id).where(Rating.ticket_id == ticket.id)) is not None:
        key = p["raw_key"] if p["raw_key"].isprintable() and len(p["raw_key"]) == 1 else repr(p["raw_key"])
        s.add(DeviceEvent(id=rating_id, station_id=_station(p), device="keypad", kind="stray_press", at=at,
                          detail=f"counter={number} key={key} reason=already_rated"))
        publish(s, "rating", {"event": "stray", "counter": number})
        return False
    s.add(Rating(id=rating_id, ticket_id=ticket.id, counter_id=p.get("counter_id"),
                 officer_id=p.get("officer_id") or ticket.officer_id, service_id=ticket.service_id,
                 level=p["level"], scale=p["scale"], raw_key=p["raw_key"], at=at, station_id=_station(p)))
    s.flush()
    publish(s, "rating", {"event": "vote", "rating": str(rating_id), "ticket": str(ticket.id), "counter": number})
    return True


def replay_payment(ctx: Context, p: dict[str, Any]) -> bool:
    """A fee paid offline: the dossier's payment with its amount, method, receipt, officer and time, as
    `lifecycle.record_payment` (a dossier waiting for payment resumes). Waits while the dossier is not central
    (NotCentralYet). A dossier cancelled or refused on the server meanwhile keeps the payment all the same (the
    money was taken and a receipt given) and its status."""
    from app.domain.dossier import DossierStatus
    from app.services import lifecycle

    payment_id, at = uuid.UUID(p["id"]), datetime.fromisoformat(p["at"])
    with ctx.store.read() as s:
        if s.get(Payment, payment_id) is not None:
            return False
        status = s.scalar(select(Dossier.status).where(Dossier.code == p["code"]))
    if status is None:
        raise NotCentralYet(translate("services.offline", "Hồ sơ %1 chưa có trên máy chủ").arg(p["code"]))
    station = _station(p)
    if status not in (DossierStatus.CANCELLED.value, DossierStatus.REFUSED.value):
        actor = replayed_actor(ctx, int(p["officer_id"])) if p.get("officer_id") else Actor.maintenance(ctx)
        replay_ctx = Context(ctx.store, clock=lambda: at, station_id=station)
        lifecycle.record_payment(replay_ctx, actor, p["code"], p["amount_vnd"], p["method"], p["receipt_no"],
                                 payment_id=payment_id)
        return True
    with ctx.store.write() as s:
        dossier_id = s.scalar(select(Dossier.id).where(Dossier.code == p["code"]))
        s.add(Payment(id=payment_id, dossier_id=dossier_id, amount_vnd=p["amount_vnd"], method=p["method"],
                      receipt_no=p["receipt_no"], officer_id=p.get("officer_id"), paid_at=at, station_id=station))
        publish(s, "dossier", {"event": "payment", "dossier": str(dossier_id)})
    return True


SET_ASIDE_ACTION = "offline.set_aside"
_SET_ASIDE_NS = uuid.UUID("4f1d8a52-6c0e-4b8e-9a3f-2d7c5e9b1a60")  # audit event id = uuid5(this, item id)


def report_set_aside(ctx: Context, station_id: uuid.UUID | None, item_id: uuid.UUID, kind: str, what: str,
                     payload: dict[str, Any], reason: str, at: datetime, officer_id: int | None,
                     officer_login: str) -> bool:
    """An outbox item an officer set aside at a station (the server kept refusing it): one audit event, by that
    officer (`replayed_actor`), at that moment, naming the item (before: its payload; after: the reason, when, who).
    Its id derives from the item's, so a second report (a station killed before it marked the first) changes
    nothing; False then. Needs only INSERT on audit_events (no RETURNING: the id is made here)."""
    from sqlalchemy.exc import IntegrityError

    from app.services import audit

    actor = replayed_actor(ctx, officer_id) if officer_id is not None else Actor.maintenance(ctx)
    replay_ctx = Context(ctx.store, clock=lambda: at, station_id=station_id)
    after = {"reason": reason, "at": at.isoformat(), "officer": {"id": officer_id, "login": officer_login}}
    try:
        with ctx.store.write() as s:
            audit.record(s, replay_ctx, actor, SET_ASIDE_ACTION, f"{kind} {what} (mục {item_id})", before=payload,
                         after=after, event_id=uuid.uuid5(_SET_ASIDE_NS, str(item_id)))
    except IntegrityError:
        return False  # reported already
    return True


def replay_printed(ctx: Context, p: dict[str, Any]) -> bool:
    """Whether the paper of a ticket issued offline came out, as `queue.mark_printed` online: the ticket's
    `printed` and a «printed» or «print_failed» event at the time of printing."""
    with ctx.store.write() as s:
        return _replay_printed(s, p)


def _replay_printed(s: Session, p: dict[str, Any]) -> bool:
    event_id = uuid.UUID(p["id"])
    if s.get(TicketEvent, event_id) is not None:
        return False
    ticket = s.get(Ticket, uuid.UUID(p["ticket_id"]), with_for_update=True)
    if ticket is None:
        raise NotCentralYet(translate("services.offline", "Phiếu %1 chưa có trên máy chủ").arg(p["ticket_id"]))
    ticket.printed = bool(p["printed"])
    s.add(TicketEvent(id=event_id, ticket_id=ticket.id, kind="printed" if p["printed"] else "print_failed",
                      at=datetime.fromisoformat(p["at"]), station_id=_station(p), reason=p.get("reason"),
                      data={"offline": True}))
    s.flush()
    publish(s, "queue", {"event": "printed" if p["printed"] else "print_failed", "ticket": str(ticket.id),
                         "service": ticket.service_id, "counter": 0})
    return True


REPLAYERS = {TICKET: replay_ticket, DOSSIER: replay_dossier, "ticket_event": replay_ticket_event,
             TRANSFER: replay_transfer, RATING: replay_rating, PAYMENT: replay_payment, PRINTED: replay_printed}
# the kinds replayed many to a transaction (a ticket and its event, an event): see replay_batch
BATCHED = {TICKET: _replay_ticket, "ticket_event": _replay_ticket_event, TRANSFER: _replay_transfer,
           RATING: _replay_rating, PRINTED: _replay_printed}


def replay_batch(ctx: Context, items: list[tuple[str, dict[str, Any]]]) -> list[bool]:
    """Replay several tickets and ticket events in ONE transaction (each alone would pay a commit): True for each
    one stored, False for each already there. A run of tickets goes in two statements (the tickets, then the
    events of those that were new) and one notice; events one by one, in order. Any refusal rolls the whole batch
    back and is raised, and the caller replays the items one by one to keep the good ones and set the refused one
    aside."""
    done: list[bool] = []
    with ctx.store.write() as s:
        for kind, run in itertools.groupby(items, key=lambda item: item[0]):
            payloads = [p for _kind, p in run]
            if kind == TICKET:
                done += _replay_tickets(s, payloads)
            else:
                done += [BATCHED[kind](s, p) for p in payloads]
        publish(s, "queue", {"event": "replayed", "service": 0, "counter": 0})
    return done


def _replay_tickets(s: Session, payloads: list[dict[str, Any]]) -> list[bool]:
    """Many offline tickets at once: the new ones inserted with their «issued» events, the others left alone."""
    tickets, events = cast(Table, Ticket.__table__), cast(Table, TicketEvent.__table__)
    ins = _insert(s)
    conn = s.connection()
    rows = [{"id": uuid.UUID(p["id"]), "service_id": p["service_id"], "service_day": date.fromisoformat(p["day"]),
             "seq": p["seq"], "number": p["number"], "display_number": p["display"],
             "priority_kind": p.get("priority"), "status": "waiting", "issued_at": datetime.fromisoformat(p["at"]),
             "call_count": 0, "printed": bool(p.get("printed")),
             "issued_by_station": uuid.UUID(p["station"]) if p.get("station") else None} for p in payloads]
    # executemany with RETURNING: SQLAlchemy batches it into multi-row INSERTs ("insertmanyvalues"), compiled once
    new = set(conn.execute(ins(tickets).on_conflict_do_nothing(index_elements=["id"]).returning(tickets.c.id),
                           rows).scalars())
    fresh = [(r, p) for r, p in zip(rows, payloads) if r["id"] in new]
    if fresh:
        conn.execute(ins(events).on_conflict_do_nothing(index_elements=["id"]), [
            {"id": uuid.UUID(p["event_id"]), "ticket_id": r["id"], "kind": "issued", "at": r["issued_at"],
             "station_id": r["issued_by_station"], "officer_id": None, "counter_id": None, "from_status": None,
             "to_status": "waiting", "reason": None, "data": {"offline": True}} for r, p in fresh])
    return [r["id"] in new for r in rows]
