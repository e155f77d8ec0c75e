"""Issuing a numbered ticket: the three ways the code does it, side by side, with the rules they share.

1. `issue_ticket` on SQLite: SQLAlchemy Core in one write unit (BEGIN IMMEDIATE): read the service with the people
   waiting and the counters serving it, take the number from the locked sequence row, insert the ticket and its
   «issued» event, publish on commit. Core statements and no ORM unit of work: the ORM flush was half the CPU.
2. `issue_ticket` on PostgreSQL: the same read, then the number, the ticket, its event and the NOTIFY in ONE
   statement (a data-modifying CTE) run as its own transaction, so a service's sequence row is locked for one
   round trip (with 8 kiosks on one service that lock is the bottleneck: P1 in docs/benchmarks.md).
3. `issue_ticket_lean`: `motcua ticket issue` on the embedded SQLite file with no printer runs a process per
   ticket, and importing SQLAlchemy alone takes longer than the whole command may (P2): the standard library's
   sqlite3 on `app.store.lean_sqlite`, the same statements written by hand, values stored as the SQLAlchemy types
   store them. This module therefore imports SQLAlchemy only inside paths 1 and 2
   (tests/services/test_queue_lean.py checks that path 3 never loads it, and that its rows equal path 1's).

All three apply the same domain rules (`app.domain.queue`): the number in the service's range, its printed form,
the wait estimate and the daily cap (tests/services/test_queue.py checks path 2's SQL against those functions).
"""

from __future__ import annotations

import functools
import sqlite3
import uuid
from dataclasses import dataclass
from datetime import date, datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from app.domain import queue as rules
from app.domain.calendar import LOCAL_TZ
from app.domain.errors import NotFound
from app.domain.messages import translate
from app.domain.queue import QueueError, TicketStatus
from app.services.queue_views import TicketView
from app.store import lean_sqlite as lean

if TYPE_CHECKING:
    from app.services.context import Context

WAITING = TicketStatus.WAITING.value


# --- what every path shares -----------------------------------------------------------------------------------

def _check_priority(priority_kind: str | None) -> None:
    if priority_kind is not None and priority_kind not in rules.PRIORITY_KINDS:
        raise QueueError(translate("services.ticket_issue", "Loại ưu tiên không hợp lệ: %1").arg(priority_kind))


def _unknown_service(asked: str) -> NotFound:
    return NotFound(translate("services.ticket_issue", "Không có dịch vụ mã «%1»").arg(asked))


def _check_cap(name: str, daily_cap: int | None, seq: int) -> None:
    if daily_cap is not None and seq > daily_cap:
        raise QueueError(translate("services.ticket_issue", "Dịch vụ «%1» đã hết số hôm nay (%2 số); "
                                   "xin mời quay lại vào ngày làm việc tiếp theo").arg(name, daily_cap))


def issue_ticket(ctx: Context, service_code: str, priority_kind: str | None = None) -> TicketView:
    """Take the next number of a service (the kiosk: no sign-in needed): path 2 on PostgreSQL, else path 1."""
    _check_priority(priority_kind)
    if ctx.store.backend == "postgresql":
        return _issue_postgresql(ctx, service_code, priority_kind)
    return _issue_core(ctx, service_code, priority_kind)


# --- paths 1 and 2: their SQLAlchemy statements, built on first use ---------------------------------------------

@dataclass(frozen=True)
class _Statements:
    read: Any  # the service, the people waiting for it today, the counters serving it
    insert_ticket: Any
    insert_event: Any
    issue_pg: Any  # path 2's one statement


@functools.cache
def _statements() -> _Statements:
    from sqlalchemy import Table, bindparam, func, insert, select, text

    from app.store.models import Counter, CounterService, Service, Ticket, TicketEvent

    waiting = (select(func.count()).select_from(Ticket)
               .where(Ticket.service_id == Service.id, Ticket.service_day == bindparam("day"),
                      Ticket.status == WAITING).scalar_subquery())
    serving = (select(func.count()).select_from(CounterService).join(Counter)
               .where(CounterService.service_id == Service.id, Counter.active.is_(True),
                      Counter.state == "open").scalar_subquery())  # paused and closed counters call nobody
    read = select(Service.id, Service.code, Service.name, Service.prefix, Service.range_start, Service.range_end,
                  Service.daily_cap, Service.avg_service_minutes, Service.active, waiting.label("waiting"),
                  serving.label("serving")).where(Service.code == bindparam("code"))
    tickets, events = cast(Table, Ticket.__table__), cast(Table, TicketEvent.__table__)
    return _Statements(read, insert(tickets), insert(events), text(_ISSUE_PG))


def _issue_read(conn: Any, asked: str, day: date) -> tuple[Any, int, int]:
    """Paths 1 and 2: the service (refused when unknown or closed), the people waiting and the wait estimate."""
    found = conn.execute(_statements().read, {"code": asked.strip().upper(), "day": day}).one_or_none()
    if found is None or not found.active:
        raise _unknown_service(asked)
    ahead = int(found.waiting)
    return found, ahead, rules.estimated_wait_minutes(ahead, found.avg_service_minutes, int(found.serving))


# --- path 1: SQLite through SQLAlchemy Core ---------------------------------------------------------------------

def issue_ticket_for_dossier(ctx: Context, service_code: str, dossier_id: uuid.UUID) -> TicketView:
    """A result-return ticket joined to its dossier (path 1 on either backend: one write unit, the ticket and its
    link committed together; this is not the kiosk's hot path)."""
    return _issue_core(ctx, service_code, None, dossier_id)


def _issue_core(ctx: Context, service_code: str, priority_kind: str | None,
                dossier_id: uuid.UUID | None = None) -> TicketView:
    from app.store.live import publish
    from app.store.sequences import allocate

    now = ctx.now()
    day = now.astimezone(LOCAL_TZ).date()
    ticket_id = uuid.uuid4()
    sql = _statements()
    with ctx.store.write() as s:
        conn = s.connection()  # Core, not the ORM's bulk insert: nothing of the unit of work is needed here
        # reads first: the number is taken last (the sequence row, and on SQLite the file, are held briefly)
        found, ahead, wait = _issue_read(conn, service_code, day)
        seq = allocate(s, "ticket", f"service:{found.id}", day)
        _check_cap(found.name, found.daily_cap, seq)
        number = rules.number_for(seq, found.range_start, found.range_end)
        display = rules.display_number(found.prefix, number, found.range_end)
        conn.execute(sql.insert_ticket, {
            "id": ticket_id, "service_id": found.id, "service_day": day, "seq": seq, "number": number,
            "display_number": display, "priority_kind": priority_kind, "status": WAITING, "issued_at": now,
            "call_count": 0, "printed": False, "issued_by_station": ctx.station_id, "dossier_id": dossier_id})
        conn.execute(sql.insert_event, {
            "id": uuid.uuid4(), "ticket_id": ticket_id, "kind": "issued", "at": now, "station_id": ctx.station_id,
            "to_status": WAITING})
        publish(s, "queue", {"event": "issued", "ticket": str(ticket_id), "service": found.id, "counter": 0})
    return TicketView(ticket_id, display, number, found.code, found.name, WAITING, priority_kind, now, None, None, 0,
                      False, ahead, wait, dossier_id)


# --- path 2: PostgreSQL, one statement --------------------------------------------------------------------------

# At the daily cap the upsert changes nothing and returns no row (so raising the cap later in the day continues
# the numbering without a gap). The printed number and the display text are `rules.number_for` /
# `rules.display_number` written in SQL.
NUMBER_SQL = "CAST(:start AS integer) + (seq.value - 1) % (CAST(:end AS integer) - CAST(:start AS integer) + 1)"
DISPLAY_SQL = ("CASE WHEN CAST(:prefix AS text) = '' THEN n.number::text "
               "ELSE CAST(:prefix AS text) || lpad(n.number::text, length(CAST(:end AS integer)::text), '0') END")
_ISSUE_PG = f"""
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
"""


def _issue_postgresql(ctx: Context, service_code: str, priority_kind: str | None) -> TicketView:
    from app.store.live import CHANNEL, encode

    now = ctx.now()
    day = now.astimezone(LOCAL_TZ).date()
    ticket_id = uuid.uuid4()
    # two round trips and no BEGIN/COMMIT: the read, then the one statement that is the whole write
    with ctx.store.autocommit() as conn:
        found, ahead, wait = _issue_read(conn, service_code, day)
        body = encode("queue", {"event": "issued", "ticket": str(ticket_id), "service": found.id, "counter": 0})
        row = conn.execute(_statements().issue_pg, {
            "scope": f"service:{found.id}", "day": day, "start": found.range_start, "end": found.range_end,
            "prefix": found.prefix, "id": ticket_id, "service_id": found.id, "priority": priority_kind, "at": now,
            "station": ctx.station_id, "cap": found.daily_cap, "event_id": uuid.uuid4(), "channel": CHANNEL,
            "body": body}).one_or_none()
    if row is None or row[1] is None:  # the daily cap is reached: the sequence stays at the cap, nothing inserted
        _check_cap(found.name, found.daily_cap, (found.daily_cap or 0) + 1)
        raise AssertionError("no ticket inserted below the daily cap")
    return TicketView(ticket_id, str(row[2]), int(row[1]), found.code, found.name, WAITING, priority_kind, now, None,
                      None, 0, False, ahead, wait)


# --- path 3: the lean path, sqlite3 alone -----------------------------------------------------------------------

_LEAN_READ = """
SELECT s.id, s.code, s.name, s.prefix, s.range_start, s.range_end, s.daily_cap, s.avg_service_minutes, s.active,
       (SELECT count(*) FROM tickets t
         WHERE t.service_id = s.id AND t.service_day = :day AND t.status = :waiting),
       (SELECT count(*) FROM counter_services cs JOIN counters c ON c.id = cs.counter_id
         WHERE cs.service_id = s.id AND c.active = 1 AND c.state = 'open')
  FROM services s WHERE s.code = :code
"""
_LEAN_ALLOCATE = """
INSERT INTO sequences (kind, scope, day, value) VALUES ('ticket', :scope, :day, 1)
ON CONFLICT (kind, scope, day) DO UPDATE SET value = sequences.value + 1 RETURNING value
"""
_LEAN_INSERT_TICKET = """
INSERT INTO tickets (id, service_id, service_day, seq, number, display_number, priority_kind, status, issued_at,
                     call_count, printed, issued_by_station)
VALUES (:id, :service_id, :day, :seq, :number, :display, :priority, :status, :at, 0, 0, :station)
"""
_LEAN_INSERT_EVENT = """
INSERT INTO ticket_events (id, ticket_id, kind, at, station_id, to_status)
VALUES (:id, :ticket_id, 'issued', :at, :station, :status)
"""


def issue_ticket_lean(path: Path, service_code: str, priority_kind: str | None = None, *,
                      station_id: uuid.UUID | None = None, now: datetime | None = None) -> TicketView:
    """Path 3: take the next number of a service in the SQLite file at `path` (schema must be current), in one
    BEGIN IMMEDIATE transaction; stations watching the file see the change through `data_version`."""
    _check_priority(priority_kind)
    now = now or datetime.now(timezone.utc)
    day = lean.date_text(now.astimezone(LOCAL_TZ).date())
    conn = lean.connect(path)
    try:
        if not lean.is_current(conn):
            raise lean.SchemaNotCurrent(translate("services.ticket_issue", "cơ sở dữ liệu chưa được khởi tạo hoặc "
                                                  "chưa nâng cấp; chạy «motcua db upgrade»"))
        with lean.write(conn):
            found = conn.execute(_LEAN_READ, {"code": service_code.strip().upper(), "day": day,
                                              "waiting": WAITING}).fetchone()
            if found is None or not found[8]:
                raise _unknown_service(service_code)
            sid, code, name, prefix, start, end, cap, minutes, _active, ahead, serving = found
            wait = rules.estimated_wait_minutes(ahead, minutes, serving)
            seq = conn.execute(_LEAN_ALLOCATE, {"scope": f"service:{sid}", "day": day}).fetchone()[0]
            _check_cap(name, cap, seq)
            number = rules.number_for(seq, start, end)
            display = rules.display_number(prefix, number, end)
            ticket_id, at = uuid.uuid4(), lean.utc_text(now)
            conn.execute(_LEAN_INSERT_TICKET, {"id": lean.uuid_text(ticket_id), "service_id": sid, "day": day,
                                               "seq": seq, "number": number, "display": display,
                                               "priority": priority_kind, "status": WAITING, "at": at,
                                               "station": lean.uuid_text(station_id)})
            conn.execute(_LEAN_INSERT_EVENT, {"id": lean.uuid_text(uuid.uuid4()),
                                              "ticket_id": lean.uuid_text(ticket_id), "at": at,
                                              "station": lean.uuid_text(station_id), "status": WAITING})
    except sqlite3.Error as exc:
        raise lean.LeanStoreError(translate("services.ticket_issue", "không ghi được vào cơ sở dữ liệu %1: %2")
                                  .arg(path, exc)) from exc
    finally:
        conn.close()
    return TicketView(ticket_id, display, number, code, name, WAITING, priority_kind, now, None, None, 0, False,
                      ahead, wait)
