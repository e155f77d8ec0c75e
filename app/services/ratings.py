"""Satisfaction votes (đánh giá hài lòng) from counter keypads.

A counter's keypad is armed while its last finished ticket is unrated and finished less than `rating_timeout_s`
ago: the state is derived from the store (tickets.finished_at), so arming needs no extra state, is the same on
every station and survives a restart. A press while armed is the vote of that ticket (one per ticket, enforced by
the unique ratings.ticket_id); any other press is a stray press, stored as a device event, never a vote. The
keypad port feeding these presses is app.services.keypad_station.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.domain import satisfaction as rules
from app.domain.errors import NotFound
from app.domain.messages import translate
from app.domain.queue import TicketStatus
from app.services.context import Context
from app.services.queue import local_day
from app.services.settings import centre_setting
from app.store.live import publish
from app.store.models import Counter, DeviceEvent, Dossier, Officer, Rating, Ticket

DEVICE = "keypad"


@dataclass(frozen=True)
class Arming:
    """A keypad waiting for the vote on one ticket until `until`."""

    counter_number: int
    ticket_id: uuid.UUID
    display_number: str
    finished_at: datetime
    until: datetime


@dataclass(frozen=True)
class PressResult:
    """What one key press became: a vote (with the rating) or a stray press (with why)."""

    kind: str  # "vote" | "stray"
    counter_number: int
    raw_key: str
    at: datetime
    level: int | None = None
    rating_id: uuid.UUID | None = None
    ticket_id: uuid.UUID | None = None
    display_number: str | None = None
    dossier_ids: tuple[uuid.UUID, ...] = ()
    reason: str | None = None  # for a stray press: "disarmed", "unknown_key", "already_rated"

    @property
    def label(self) -> str | None:
        """Vietnamese label of the level voted."""
        return rules.level_label(self.level) if self.level is not None else None


def rating_settings(ctx: Context) -> tuple[int, int]:
    """The centre's (scale, timeout in seconds)."""
    with ctx.store.read() as s:
        return int(centre_setting(s, "rating_scale")), int(centre_setting(s, "rating_timeout_s"))


def arming(ctx: Context, counter_number: int, at: datetime | None = None) -> Arming | None:
    """The ticket a counter's keypad is armed for now (None: disarmed)."""
    now = at or ctx.now()
    with ctx.store.read() as s:
        counter = _counter(s, counter_number)
        timeout = int(centre_setting(s, "rating_timeout_s"))
        ticket = _last_finished(s, counter.id, lock=False)
        if ticket is None or not rules.is_armed(ticket.finished_at, _rated(s, ticket.id), now, timeout):
            return None
        assert ticket.finished_at is not None
        return Arming(counter_number, ticket.id, ticket.display_number, ticket.finished_at,
                      rules.armed_until(ticket.finished_at, timeout))


@dataclass(frozen=True)
class CounterFeedback:
    """What the counter window shows of its keypad: waiting for the vote on a ticket, or the vote received."""

    display_number: str
    armed_until: datetime | None
    vote_label: str | None


def counter_feedback(ctx: Context, counter_number: int) -> CounterFeedback | None:
    """The keypad state of the counter's last finished ticket: armed (until when) or voted (which level);
    None when there is nothing to show (no finished ticket, or the time ran out without a vote)."""
    now = ctx.now()
    with ctx.store.read() as s:
        counter = _counter(s, counter_number)
        timeout = int(centre_setting(s, "rating_timeout_s"))
        ticket = _last_finished(s, counter.id, lock=False)
        if ticket is None or ticket.finished_at is None:
            return None
        level = s.scalar(select(Rating.level).where(Rating.ticket_id == ticket.id))
        if level is not None:
            return CounterFeedback(ticket.display_number, None, rules.level_label(level))
        if rules.is_armed(ticket.finished_at, False, now, timeout):
            return CounterFeedback(ticket.display_number, rules.armed_until(ticket.finished_at, timeout), None)
        return None


def counter_officer(ctx: Context, counter_number: int) -> str | None:
    """The full name of the officer working a counter today: the one who called its latest ticket of the day
    (None before the counter's first call of the day) — the name the rating screen shows."""
    today = local_day(ctx.now())
    with ctx.store.read() as s:
        counter = _counter(s, counter_number)
        return s.scalar(select(Officer.full_name).join(Ticket, Ticket.officer_id == Officer.id)
                        .where(Ticket.counter_id == counter.id, Ticket.service_day == today,
                               Ticket.called_at.is_not(None))
                        .order_by(Ticket.called_at.desc()).limit(1))


def arm(ctx: Context, counter_number: int, ticket_id: uuid.UUID) -> Arming | None:
    """After `queue.finish`: the arming for that ticket (for the counter window to show and light), or None when
    the keypad is not armed for it (already rated, timed out, not this counter's last finished ticket)."""
    current = arming(ctx, counter_number)
    return current if current is not None and current.ticket_id == ticket_id else None


def record_vote(ctx: Context, counter_number: int, raw_key: str, *, at: datetime | None = None,
                key_map: dict[str, int] | None = None) -> PressResult:
    """Store one key press of a counter's keypad: the vote of the armed ticket, or a stray press."""
    now = at or ctx.now()
    try:
        with ctx.store.write() as s:
            counter = _counter(s, counter_number)
            scale, timeout = int(centre_setting(s, "rating_scale")), int(centre_setting(s, "rating_timeout_s"))
            level = (key_map or rules.default_key_map(scale)).get(raw_key)
            ticket = _last_finished(s, counter.id, lock=True)
            armed = ticket is not None and rules.is_armed(ticket.finished_at, _rated(s, ticket.id), now, timeout)
            if level is None or not armed or ticket is None:
                return _stray(s, ctx, counter_number, raw_key, now, "unknown_key" if level is None else "disarmed")
            rating = Rating(ticket_id=ticket.id, counter_id=counter.id, officer_id=ticket.officer_id,
                            service_id=ticket.service_id, level=level, scale=scale, raw_key=raw_key, at=now,
                            station_id=ctx.station_id)
            s.add(rating)
            s.flush()
            dossier_ids = tuple(s.scalars(select(Dossier.id).where(Dossier.ticket_id == ticket.id)))
            publish(s, "rating", {"event": "vote", "rating": str(rating.id), "ticket": str(ticket.id),
                                  "counter": counter_number})
            return PressResult("vote", counter_number, raw_key, now, level, rating.id, ticket.id,
                               ticket.display_number, dossier_ids)
    except IntegrityError:  # another station stored this ticket's vote first
        with ctx.store.write() as s:
            return _stray(s, ctx, counter_number, raw_key, now, "already_rated")


def record_garbage(ctx: Context, byte_count: int, *, port: str = "", at: datetime | None = None) -> None:
    """Store that a keypad port sent bytes that are no key press (one row per reporting interval)."""
    with ctx.store.write() as s:
        s.add(DeviceEvent(station_id=ctx.station_id, device=DEVICE, kind="garbage", at=at or ctx.now(),
                          detail=f"bytes={byte_count} port={port}"))


def rating_of_ticket(ctx: Context, ticket_id: uuid.UUID) -> PressResult | None:
    """The vote stored for a ticket, with the dossiers filed on it, or None."""
    with ctx.store.read() as s:
        row = s.execute(select(Rating, Counter.number, Ticket.display_number).select_from(Rating)
                        .outerjoin(Counter, Counter.id == Rating.counter_id)
                        .join(Ticket, Ticket.id == Rating.ticket_id).where(Rating.ticket_id == ticket_id)).first()
        if row is None:
            return None
        rating, number, display = row
        dossier_ids = tuple(s.scalars(select(Dossier.id).where(Dossier.ticket_id == ticket_id)))
        return PressResult("vote", number or 0, rating.raw_key, rating.at, rating.level, rating.id, ticket_id,
                           display, dossier_ids)


def device_event_totals(ctx: Context, since: datetime | None = None) -> dict[str, int]:
    """Keypad events since a moment: {"stray_press": n, "garbage": rows, "garbage_bytes": bytes}."""
    with ctx.store.read() as s:
        query = select(DeviceEvent.kind, DeviceEvent.detail).where(DeviceEvent.device == DEVICE)
        if since is not None:
            query = query.where(DeviceEvent.at >= since)
        totals = {"stray_press": 0, "garbage": 0, "garbage_bytes": 0}
        for kind, detail in s.execute(query):
            totals[kind] = totals.get(kind, 0) + 1
            if kind == "garbage":
                totals["garbage_bytes"] += _detail_int(detail, "bytes")
        return totals


def stray_presses(ctx: Context, counter_number: int) -> int:
    """How many stray presses a counter's keypad made."""
    with ctx.store.read() as s:
        return int(s.scalar(select(func.count()).select_from(DeviceEvent).where(
            DeviceEvent.device == DEVICE, DeviceEvent.kind == "stray_press",
            DeviceEvent.detail.like(f"counter={counter_number} %"))) or 0)


# --- helpers ------------------------------------------------------------------------------------------------

def _counter(s: Session, number: int) -> Counter:
    counter = s.scalar(select(Counter).where(Counter.number == number))
    if counter is None:
        raise NotFound(translate("services.ratings", "Không có quầy số %1").arg(number))
    return counter


def _last_finished(s: Session, counter_id: int, lock: bool) -> Ticket | None:
    """The counter's most recently finished ticket (locked while a vote is stored: one vote per ticket)."""
    query = (select(Ticket).where(Ticket.counter_id == counter_id, Ticket.status == TicketStatus.FINISHED.value,
                                  Ticket.finished_at.is_not(None))
             .order_by(Ticket.finished_at.desc()).limit(1))
    return s.scalar(query.with_for_update() if lock else query)


def _rated(s: Session, ticket_id: uuid.UUID) -> bool:
    return s.scalar(select(Rating.id).where(Rating.ticket_id == ticket_id)) is not None


def _stray(s: Session, ctx: Context, counter_number: int, raw_key: str, at: datetime, reason: str) -> PressResult:
    key = raw_key if raw_key.isprintable() and len(raw_key) == 1 else repr(raw_key)
    s.add(DeviceEvent(station_id=ctx.station_id, device=DEVICE, kind="stray_press", at=at,
                      detail=f"counter={counter_number} key={key} reason={reason}"))
    publish(s, "rating", {"event": "stray", "counter": counter_number})
    return PressResult("stray", counter_number, raw_key, at, reason=reason)


def _detail_int(detail: str | None, name: str) -> int:
    for part in (detail or "").split():
        if part.startswith(name + "="):
            try:
                return int(part[len(name) + 1:])
            except ValueError:
                return 0
    return 0
