"""History nobody rewrites: checking the hash chains (`motcua audit verify`), and the audit log of account, role,
catalogue, calendar and settings changes (`record`, `motcua audit log`). How the chains are made:
app/store/chain.py; what an owner can still do and how it shows: docs/audit.md.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from itertools import groupby
from typing import Any

from sqlalchemy import select, text
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from app.domain.calendar import LOCAL_TZ
from app.services.context import Actor, Context
from app.store import chain
from app.store.bulk import sqlite_time
from app.store.engine import allow_long_work
from app.store.models import AuditEvent

VERIFY_WORK_MEM = "64MB"  # PostgreSQL, for verify's own transaction only
PROBLEMS = {"changed": "nội dung đã bị sửa", "removed": "đã bị xoá khỏi chuỗi", "inserted": "chèn ngoài chuỗi"}


@dataclass(frozen=True)
class Finding:
    """One row of history that is not as it was written: changed, removed (a place of its chain is missing) or
    inserted out of chain."""

    table: str
    problem: str  # "changed" | "removed" | "inserted"
    writer: str | None
    day: date | None
    place: int | None
    row_id: str | None

    def line(self) -> str:
        where = ", ".join(p for p in (f"máy ghi {self.writer}" if self.writer else "",
                                      f"ngày {self.day:%d/%m/%Y}" if self.day else "",
                                      f"vị trí {self.place}" if self.place is not None else "") if p)
        row = f" dòng {self.row_id}" if self.row_id else ""
        return f"{self.table}{row} ({where}): {PROBLEMS[self.problem]}"

    def as_json(self) -> dict[str, Any]:
        return {"table": self.table, "problem": self.problem, "writer": self.writer,
                "day": self.day.isoformat() if self.day else None, "place": self.place, "id": self.row_id}


@dataclass(frozen=True)
class Verification:
    """What `verify` checked and found."""

    rows: int
    chains: int
    findings: list[Finding]

    @property
    def intact(self) -> bool:
        return not self.findings


# --- verification -------------------------------------------------------------------------------------------------

def _hash_sql(dialect: str, expr: str) -> str:
    if dialect == "postgresql":
        return f"encode(sha256(convert_to({expr}, 'UTF8')), 'hex')"
    return f"motcua_sha256({expr})"


def _day_filter(column: str, date_from: date | None, date_to: date | None) -> str:
    parts = ([f"{column} >= :date_from"] if date_from else []) + ([f"{column} <= :date_to"] if date_to else [])
    return " AND ".join(parts) or "1 = 1"


def _chain_summaries(conn: Connection, stream: chain.Stream, dialect: str, params: dict[str, Any]
                     ) -> Iterator[tuple[str, date, int, bool]]:
    """(writer, day, rows, intact) per chain, computed in the database in one pass: each row's hash against the
    previous row's, each place one after the previous, the last row equal to the chain's recorded head."""
    canon = chain.canonical_sql(stream, dialect, prefix="t.")
    expected = _hash_sql(dialect, "coalesce(prev_hash, '') || canon")
    sql = f"""
WITH c AS (
    SELECT t.writer, t.chain_day, t.chain_seq, t.row_hash, {canon} AS canon, h.seq AS head_seq, h.head AS head_hash,
           lag(t.row_hash) OVER w AS prev_hash, lag(t.chain_seq) OVER w AS prev_seq
      FROM {stream.table} AS t
      LEFT JOIN {chain.CHAIN_HEADS} AS h ON h.stream = '{stream.table}' AND h.writer = t.writer AND h.day = t.chain_day
     WHERE t.chain_day IS NOT NULL AND t.writer IS NOT NULL AND {_day_filter('t.chain_day', params.get('date_from'),
                                                                              params.get('date_to'))}
    WINDOW w AS (PARTITION BY t.chain_day, t.writer ORDER BY t.chain_seq))
SELECT writer, chain_day, count(*), max(chain_seq), max(head_seq),
       sum(CASE WHEN row_hash IS NULL OR chain_seq IS NULL OR chain_seq <> coalesce(prev_seq, 0) + 1
                  OR row_hash <> {expected} THEN 1 ELSE 0 END),
       sum(CASE WHEN chain_seq = head_seq AND row_hash = head_hash THEN 1 ELSE 0 END)
  FROM c GROUP BY chain_day, writer"""
    for writer, day, count, last, head_seq, bad, head_match in conn.execute(text(sql), params):
        intact = not bad and head_seq is not None and head_seq == last and head_match == 1
        yield str(writer), _as_date(day), int(count), intact


def _as_date(value: Any) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value))


def _walk(stream: chain.Stream, writer: str, day: date, rows: list[tuple[Any, Any, Any, str]],
          head: tuple[int, str] | None) -> list[Finding]:
    """Walk one chain in order of place (rows: id, place, stored hash, canonical text) and name each row that does
    not belong where it stands; `head` is the chain's recorded (last place, last hash)."""
    found: list[Finding] = []

    def name(problem: str, place: int | None, row_id: Any = None) -> None:
        found.append(Finding(stream.table, problem, writer, day, place, str(row_id) if row_id is not None else None))

    prev: str | None = ""  # None: the previous row is missing, so this row cannot be checked
    expected = 1
    for place, group in groupby(rows, key=lambda r: int(r[1])):
        candidates = list(group)
        for missing in range(expected, place):
            name("removed", missing)
        if place > expected:
            prev = None
        genuine = [r for r in candidates if prev is None or r[2] == chain.sha256_hex(prev + r[3])]
        if genuine:
            kept = genuine[0]
        else:
            kept = candidates[0]
            name("changed", place, kept[0])
        for other in candidates:
            if other is not kept:
                name("inserted", place, other[0])
        prev, expected = str(kept[2]), place + 1
    last = expected - 1
    if head is None:
        found += [Finding(stream.table, "inserted", writer, day, int(r[1]), str(r[0])) for r in rows]
        return found
    head_place, head_hash = head
    for missing in range(last + 1, head_place + 1):
        name("removed", missing)
    if head_place < last:
        found += [Finding(stream.table, "inserted", writer, day, int(r[1]), str(r[0]))
                  for r in rows if int(r[1]) > head_place]
    elif head_place == last and last and head_hash != prev and not any(f.place == last for f in found):
        name("changed", last, next(r[0] for r in reversed(rows) if int(r[1]) == last))
    return found


def verify(ctx: Context, date_from: date | None = None, date_to: date | None = None) -> Verification:
    """Check every history chain whose day lies in [date_from, date_to] (both optional, local days): the database
    checks each row against the one before it; only a chain that fails, or whose recorded head differs, is read
    here and walked row by row to name what was changed, removed or inserted."""
    params: dict[str, Any] = {"date_from": date_from, "date_to": date_to}
    findings: list[Finding] = []
    rows = chains = 0
    with ctx.store.read() as s:
        # one snapshot for the heads and every chain (PostgreSQL; a SQLite read transaction is one already)
        conn = s.connection(execution_options={"isolation_level": "REPEATABLE READ"}
                            if ctx.store.backend == "postgresql" else {})
        allow_long_work(conn)
        dialect = conn.dialect.name
        if dialect == "postgresql":  # the window's sort of a million rows in memory, not on disk
            conn.execute(text(f"SET LOCAL work_mem = '{VERIFY_WORK_MEM}'"))
        heads = {(str(st), str(w), _as_date(d)): (int(n), str(h)) for st, w, d, n, h in conn.execute(text(
            f"SELECT stream, writer, day, seq, head FROM {chain.CHAIN_HEADS} "
            f"WHERE {_day_filter('day', date_from, date_to)}"), params)}
        for stream in chain.STREAMS:
            seen = set()
            for writer, day, count, intact in _chain_summaries(conn, stream, dialect, params):
                rows, chains = rows + count, chains + 1
                seen.add((writer, day))
                if not intact:
                    findings += _walk(stream, writer, day, _chain_rows(conn, stream, dialect, writer, day),
                                      heads.get((stream.table, writer, day)))
            for (table, writer, day), (place, _hash) in sorted(heads.items()):
                if table == stream.table and (writer, day) not in seen:
                    findings += [Finding(table, "removed", writer, day, n, None) for n in range(1, place + 1)]
            findings += _unchained(conn, stream, date_from, date_to)
    return Verification(rows, chains, findings)


def _chain_rows(conn: Connection, stream: chain.Stream, dialect: str, writer: str, day: date
                ) -> list[tuple[Any, Any, Any, str]]:
    return [(r[0], r[1], r[2], str(r[3])) for r in conn.execute(text(
        f"SELECT id, chain_seq, row_hash, {chain.canonical_sql(stream, dialect)} FROM {stream.table} "
        f"WHERE writer = :w AND chain_day = :d AND chain_seq IS NOT NULL ORDER BY chain_seq, id"),
        {"w": writer, "d": day})]


def _unchained(conn: Connection, stream: chain.Stream, date_from: date | None, date_to: date | None
               ) -> list[Finding]:
    """Rows with no chain fields at all (written with the triggers off), in the period by their own time."""
    params: dict[str, Any] = {}
    where = "1 = 1"
    if date_from:
        where += f" AND {stream.time_column} >= :start"
        params["start"] = datetime.combine(date_from, time(), LOCAL_TZ)
    if date_to:
        where += f" AND {stream.time_column} < :end"
        params["end"] = datetime.combine(date_to + timedelta(days=1), time(), LOCAL_TZ)
    sql = (f"SELECT id, writer, chain_day, chain_seq FROM {stream.table} WHERE ({where}) AND (writer IS NULL OR "
           f"chain_day IS NULL OR chain_seq IS NULL OR row_hash IS NULL)")
    table = stream.table
    if conn.dialect.name == "sqlite":  # times are stored as UTC text there
        params = {k: sqlite_time(v) for k, v in params.items()}
    return [Finding(table, "inserted", w, _as_date(d) if d else None, int(n) if n is not None else None, str(i))
            for i, w, d, n in conn.execute(text(sql), params)]


# --- the audit log --------------------------------------------------------------------------------------------------

def record(s: Session, ctx: Context, actor: Actor, action: str, target: str, before: Any = None,
           after: Any = None, event_id: uuid.UUID | None = None) -> None:
    """Add one audit event to the caller's unit of work: who (`actor`), what (`action` on `target`), and the values
    before and after (plain JSON values; None when there was nothing before or nothing after). `event_id`: an id
    the caller derives (a replayed event inserted twice then clashes on it instead of being doubled)."""
    s.add(AuditEvent(id=event_id or uuid.uuid4(), at=ctx.now(), station_id=ctx.station_id, officer_id=actor.officer_id,
                     actor=actor.login[:64], action=action, target=target[:300], before=before, after=after))


@dataclass(frozen=True)
class AuditLine:
    """One audit event as read back."""

    at: datetime
    actor: str
    action: str
    target: str
    before: Any
    after: Any

    def as_json(self) -> dict[str, Any]:
        return {"at": self.at.isoformat(), "actor": self.actor, "action": self.action, "target": self.target,
                "before": self.before, "after": self.after}


def audit_log(ctx: Context, date_from: date | None = None, date_to: date | None = None) -> list[AuditLine]:
    """The audit events whose local day lies in [date_from, date_to], oldest first."""
    query = select(AuditEvent).order_by(AuditEvent.at, AuditEvent.chain_seq)
    if date_from:
        query = query.where(AuditEvent.at >= datetime.combine(date_from, time(), LOCAL_TZ))
    if date_to:
        query = query.where(AuditEvent.at < datetime.combine(date_to + timedelta(days=1), time(), LOCAL_TZ))
    with ctx.store.read() as s:
        return [AuditLine(e.at, e.actor, e.action, e.target, e.before, e.after) for e in s.scalars(query)]


def describe(value: Any) -> str:
    """A before/after value on one line for a terminal: «—» for nothing, ``key=value`` pairs for a record, control
    and bidi characters from the data escaped (``\\x1b``, ``\\u202e``)."""
    if value is None:
        return "—"
    if isinstance(value, dict):
        return ", ".join(f"{_visible(str(k))}={describe(v)}" for k, v in value.items())
    if isinstance(value, list):
        return "[" + ", ".join(describe(v) for v in value) + "]"
    return _visible(str(value))


def _visible(text_value: str) -> str:
    import unicodedata

    return "".join(c.encode("unicode_escape").decode("ascii") if unicodedata.category(c) in ("Cc", "Cf") else c
                   for c in text_value)


def snapshot(row: Any, leave_out: tuple[str, ...] = ("password_hash",)) -> dict[str, Any]:
    """A catalogue or account row's column values as plain JSON values (for before/after), secrets left out."""
    from sqlalchemy import inspect

    out: dict[str, Any] = {}
    for attr in inspect(row).mapper.column_attrs:
        if attr.key in leave_out:
            continue
        value = getattr(row, attr.key)
        out[attr.key] = value if value is None or isinstance(value, (str, int, float, bool, list, dict)) \
            else str(value)
    return out
