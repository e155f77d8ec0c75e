"""What the queue display (màn hình gọi số) shows: each counter's current number, the last calls, and which calls
are new since the display last looked, so that it announces each call exactly once.

Only ids, numbers, counter numbers and times leave this module: never a name or an ID number.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.number_words import call_announcement
from app.domain.queue import ACTIVE
from app.services.context import Context
from app.services.queue import local_day
from app.services.settings import centre_setting
from app.store.models import Counter, Ticket, TicketEvent

CALL_KINDS = ("called", "recalled")
# stations stamp events with their own clocks: a call may arrive stamped a little before one already seen
CLOCK_SKEW = timedelta(minutes=2)
MAX_NEW_CALLS = 10  # after a long outage announce only the latest calls, not the whole morning

# how a Vietnamese voice spells the letter of a prefixed number ("A007" = "a, bảy")
_LETTER_NAMES = {"A": "a", "B": "bê", "C": "xê", "D": "dê", "Đ": "đê", "E": "e", "F": "ép", "G": "giê",
                 "H": "hát", "I": "i", "J": "gi", "K": "ca", "L": "e lờ", "M": "em mờ", "N": "en nờ", "O": "o",
                 "P": "pê", "Q": "quy", "R": "e rờ", "S": "ét xì", "T": "tê", "U": "u", "V": "vê",
                 "W": "vê kép", "X": "ích xì", "Y": "i dài", "Z": "dét"}


@dataclass(frozen=True)
class CounterBoard:
    """One counter's cell on the display: the number it is calling or serving now (None: free)."""

    number: int
    ticket: str | None
    status: str | None
    mode: str = "open"  # app.domain.queue.CounterMode: a paused or closed counter says so on the display


@dataclass(frozen=True)
class Call:
    """One call (or recall) of a ticket to a counter."""

    event_id: uuid.UUID
    display_number: str
    number: int
    counter_number: int
    at: datetime
    recall: bool


@dataclass(frozen=True)
class FeedCursor:
    """How far the display has seen: the newest call time, and the calls seen close to it (skew window)."""

    at: datetime
    seen: frozenset[uuid.UUID]


@dataclass(frozen=True)
class DisplayFeed:
    """Everything the display shows after one load, plus the cursor to pass to the next load."""

    day: date
    centre_name: str
    number_words_variant: str
    counters: list[CounterBoard]
    last_calls: list[Call]  # newest first
    new_calls: list[Call]  # oldest first: announce in this order
    cursor: FeedCursor


def display_feed(ctx: Context, last: int = 6, since: FeedCursor | None = None) -> DisplayFeed:
    """Today's board; `new_calls` are the calls after `since` (none on the first load: history is not re-read)."""
    now = ctx.now()
    day = local_day(now)
    with ctx.store.read() as s:
        counters = _counter_boards(s, day)
        recent = _calls(s, day, limit=last)
        start = since.at if since is not None else (recent[0].at if recent else now)
        window = _calls(s, day, after=start - CLOCK_SKEW)
        known = since.seen if since is not None else frozenset(c.event_id for c in window)
        fresh = [c for c in reversed(window) if c.event_id not in known][-MAX_NEW_CALLS:]
        return DisplayFeed(day, str(centre_setting(s, "centre_name")), str(centre_setting(s, "number_words_variant")),
                           counters, recent, fresh, _advance(start, window))


def spoken_ticket(display_number: str) -> str | None:
    """The letters of a prefixed number as a voice should say them ("A007" → "a"); None without a prefix."""
    prefix = display_number.rstrip("0123456789").upper()
    if not prefix:
        return None
    return " ".join(_LETTER_NAMES.get(ch, ch.lower()) for ch in prefix)


def announcement_for(call: Call, variant: str = "north") -> str:
    """The sentence that calls this ticket: the number in words, its letter first when it has one."""
    sentence = call_announcement(call.number, call.counter_number, variant)
    letters = spoken_ticket(call.display_number)
    return sentence.replace("số thứ tự ", f"số thứ tự {letters} ", 1) if letters else sentence


def _counter_boards(s: Session, day: date) -> list[CounterBoard]:
    """Every active counter with today's ticket it is calling or serving."""
    active = {cid: (shown, status) for cid, shown, status in s.execute(
        select(Ticket.counter_id, Ticket.display_number, Ticket.status)
        .where(Ticket.service_day == day, Ticket.status.in_([a.value for a in ACTIVE]),
               Ticket.counter_id.is_not(None)))}
    return [CounterBoard(number, active.get(cid, (None, None))[0], active.get(cid, (None, None))[1], mode)
            for cid, number, mode in s.execute(select(Counter.id, Counter.number, Counter.state)
                                               .where(Counter.active.is_(True)).order_by(Counter.number))]


def _calls(s: Session, day: date, limit: int | None = None, after: datetime | None = None) -> list[Call]:
    """Today's calls, newest first: the last `limit`, or all from `after` on."""
    query = (select(TicketEvent.id, Ticket.display_number, Ticket.number, Counter.number, TicketEvent.at,
                    TicketEvent.kind)
             .join(Ticket, Ticket.id == TicketEvent.ticket_id).join(Counter, Counter.id == TicketEvent.counter_id)
             .where(Ticket.service_day == day, TicketEvent.kind.in_(CALL_KINDS))
             .order_by(TicketEvent.at.desc(), TicketEvent.id.desc()))
    if after is not None:
        query = query.where(TicketEvent.at >= after)
    if limit is not None:
        query = query.limit(limit)
    return [Call(eid, shown, number, counter, at, kind == "recalled")
            for eid, shown, number, counter, at, kind in s.execute(query)]


def _advance(start: datetime, window: list[Call]) -> FeedCursor:
    """The cursor after seeing `window` (every call from `start - CLOCK_SKEW` on)."""
    newest = max([start, *(c.at for c in window)])
    return FeedCursor(newest, frozenset(c.event_id for c in window if c.at >= newest - CLOCK_SKEW))
