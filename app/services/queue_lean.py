"""`issue_ticket` for the embedded SQLite store without SQLAlchemy: the fast `motcua ticket issue` of a kiosk.

The same rules as `app.services.queue.issue_ticket` (the domain functions are shared: estimated wait, number in
the service's range, display number, daily cap) on the same tables, in one BEGIN IMMEDIATE transaction: read the
service with the people waiting and the counters serving it, take the number from the locked sequence row,
insert the ticket and its «issued» event. Stations watching the file see the change through `data_version`.
tests/services/test_queue_lean.py checks that it stores exactly what the ORM path stores.
"""

from __future__ import annotations

import sqlite3
import uuid
from datetime import datetime, timezone
from pathlib import Path

from app.domain import queue as rules
from app.domain.calendar import LOCAL_TZ
from app.domain.errors import NotFound
from app.domain.queue import QueueError, TicketStatus
from app.services.queue_views import TicketView
from app.store import lean_sqlite as lean

_READ = """
SELECT s.id, s.code, s.name, s.prefix, s.range_start, s.range_end, s.daily_cap, s.avg_service_minutes, s.active,
       (SELECT count(*) FROM tickets t
         WHERE t.service_id = s.id AND t.service_day = :day AND t.status = :waiting),
       (SELECT count(*) FROM counter_services cs JOIN counters c ON c.id = cs.counter_id
         WHERE cs.service_id = s.id AND c.active = 1)
  FROM services s WHERE s.code = :code
"""
_ALLOCATE = """
INSERT INTO sequences (kind, scope, day, value) VALUES ('ticket', :scope, :day, 1)
ON CONFLICT (kind, scope, day) DO UPDATE SET value = sequences.value + 1 RETURNING value
"""
_INSERT_TICKET = """
INSERT INTO tickets (id, service_id, service_day, seq, number, display_number, priority_kind, status, issued_at,
                     call_count, printed, issued_by_station)
VALUES (:id, :service_id, :day, :seq, :number, :display, :priority, :status, :at, 0, 0, :station)
"""
_INSERT_EVENT = """
INSERT INTO ticket_events (id, ticket_id, kind, at, station_id, to_status)
VALUES (:id, :ticket_id, 'issued', :at, :station, :status)
"""


def issue_ticket(path: Path, service_code: str, priority_kind: str | None = None, *,
                 station_id: uuid.UUID | None = None, now: datetime | None = None) -> TicketView:
    """Take the next number of a service in the SQLite file at `path` (schema must be current)."""
    if priority_kind is not None and priority_kind not in rules.PRIORITY_KINDS:
        raise QueueError(f"Loại ưu tiên không hợp lệ: {priority_kind}")
    now = now or datetime.now(timezone.utc)
    day = lean.date_text(now.astimezone(LOCAL_TZ).date())
    conn = lean.connect(path)
    try:
        if not lean.is_current(conn):
            raise lean.SchemaNotCurrent("cơ sở dữ liệu chưa được khởi tạo hoặc chưa nâng cấp; chạy «motcua db upgrade»")
        with lean.write(conn):
            found = conn.execute(_READ, {"code": service_code.strip().upper(), "day": day,
                                         "waiting": TicketStatus.WAITING.value}).fetchone()
            if found is None or not found[8]:
                raise NotFound(f"Không có dịch vụ mã «{service_code}»")
            sid, code, name, prefix, start, end, cap, minutes, _active, ahead, serving = found
            wait = rules.estimated_wait_minutes(ahead, minutes, serving)
            seq = conn.execute(_ALLOCATE, {"scope": f"service:{sid}", "day": day}).fetchone()[0]
            if cap is not None and seq > cap:
                raise QueueError(f"Dịch vụ «{name}» đã hết số hôm nay ({cap} số); "
                                 "xin mời quay lại vào ngày làm việc tiếp theo")
            number = rules.number_for(seq, start, end)
            display = rules.display_number(prefix, number, end)
            ticket_id, status, at = uuid.uuid4(), TicketStatus.WAITING.value, lean.utc_text(now)
            conn.execute(_INSERT_TICKET, {"id": lean.uuid_text(ticket_id), "service_id": sid, "day": day,
                                          "seq": seq, "number": number, "display": display,
                                          "priority": priority_kind, "status": status, "at": at,
                                          "station": lean.uuid_text(station_id)})
            conn.execute(_INSERT_EVENT, {"id": lean.uuid_text(uuid.uuid4()), "ticket_id": lean.uuid_text(ticket_id),
                                         "at": at, "station": lean.uuid_text(station_id), "status": status})
    except sqlite3.Error as exc:
        raise lean.LeanStoreError(f"không ghi được vào cơ sở dữ liệu {path}: {exc}") from exc
    finally:
        conn.close()
    return TicketView(ticket_id, display, number, code, name, status, priority_kind, now, None, None, 0, False,
                      ahead, wait)
