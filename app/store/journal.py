"""The station's offline journal: one SQLite file in the station's data folder (docs/offline.md).

It holds what a station needs to work while the central PostgreSQL cannot be reached:
- `journal_ref`: the reference data (services, agencies, procedures, counters, officers with their password
  hashes, the calendar, the centre settings) as JSON documents, replaced whenever the station is online;
- `journal_leases`: the number blocks leased from the central store, with the next number to use;
- `journal_outbox`: everything made offline, in order (`pos`), keyed by its client UUID, with when it was sent;
- `journal_meta`: this station's id, the mode, the last contact with the server, since when it is offline;
- `journal_set_aside`: the outbox items an officer set aside (the server kept refusing them), with who, when, why
  and when the server was told (an audit event): the item itself stays in `journal_outbox`, never deleted.

The file is a store of its own (its own tables, created here, not by Alembic: it is a cache plus a queue, never
the centre's data); it is opened through `Store`, so a write unit is BEGIN IMMEDIATE and two processes of one
station (a kiosk script running a process per ticket) never take the same leased number.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import (JSON, BigInteger, Column, Date, Integer, MetaData, String, Table, Text, delete, func, insert,
                        select, update)
from sqlalchemy.engine import Connection

from app.store.engine import Store
from app.store.sequences import LeaseBlock
from app.store.types import UTCDateTime

JOURNAL_FILE = "journal.sqlite3"

metadata = MetaData()
ref = Table("journal_ref", metadata,
            Column("kind", String(32), primary_key=True), Column("data", JSON, nullable=False))
meta = Table("journal_meta", metadata,
             Column("key", String(32), primary_key=True), Column("value", JSON))
leases = Table("journal_leases", metadata,
               Column("id", String(36), primary_key=True),
               Column("kind", String(24), nullable=False), Column("scope", String(64), nullable=False),
               Column("day", Date, nullable=False), Column("first_seq", BigInteger, nullable=False),
               Column("last_seq", BigInteger, nullable=False), Column("next_seq", BigInteger, nullable=False),
               Column("released", Integer, nullable=False, default=0))
outbox = Table("journal_outbox", metadata,
               Column("pos", Integer, primary_key=True, autoincrement=True),
               Column("id", String(36), nullable=False, unique=True),
               Column("kind", String(24), nullable=False), Column("payload", Text, nullable=False),
               Column("created_at", UTCDateTime(), nullable=False), Column("sent_at", UTCDateTime()),
               Column("attempts", Integer, nullable=False, default=0), Column("last_error", Text))
set_aside_items = Table("journal_set_aside", metadata,
                        Column("item_id", String(36), primary_key=True),
                        Column("at", UTCDateTime(), nullable=False),
                        Column("officer_id", Integer), Column("officer_login", String(64), nullable=False),
                        Column("reason", Text, nullable=False), Column("reported_at", UTCDateTime()))
# an outbox item waits while it is neither sent nor set aside
_WAITING = (outbox.c.sent_at.is_(None), outbox.c.id.not_in(select(set_aside_items.c.item_id)))


class LeaseExhausted(LookupError):
    """No leased number is left for this kind and scope (the station has been offline too long)."""


@dataclass(frozen=True)
class JournalLease(LeaseBlock):
    """A block held by the station, with next_seq the next number to use."""

    next_seq: int = 0

    @property
    def left(self) -> int:
        """How many numbers of the block are still unused."""
        return max(0, self.last_seq - self.next_seq + 1)

    @property
    def used_upto(self) -> int | None:
        """The last number used, None when none was."""
        return self.next_seq - 1 if self.next_seq > self.first_seq else None


@dataclass(frozen=True)
class OutboxItem:
    """One thing made offline, waiting to be replayed on the central store."""

    pos: int
    id: uuid.UUID
    kind: str
    payload: dict[str, Any]
    created_at: datetime
    attempts: int
    last_error: str | None
    sent_at: datetime | None = None


@dataclass(frozen=True)
class SetAside:
    """An outbox item an officer set aside: who, when, why, and when the server was told (None: not yet)."""

    item: OutboxItem
    at: datetime
    officer_id: int | None
    officer_login: str
    reason: str
    reported_at: datetime | None


def journal_path(data_dir: Path) -> Path:
    """The journal file of the station whose data folder is `data_dir`."""
    return data_dir / JOURNAL_FILE


class Journal:
    """The station's journal file (created with its tables on first open)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.store = Store(f"sqlite:///{path}")
        metadata.create_all(self.store.engine)

    def close(self) -> None:
        """Close the file's connections."""
        self.store.dispose()

    @contextmanager
    def _write(self) -> Iterator[Connection]:
        with self.store.write() as s:
            yield s.connection()

    @contextmanager
    def _read(self) -> Iterator[Connection]:
        with self.store.read() as s:
            yield s.connection()

    # --- meta ------------------------------------------------------------------------------------------------

    def get(self, key: str, default: Any = None) -> Any:
        """A meta value (JSON)."""
        with self._read() as c:
            row = c.execute(select(meta.c.value).where(meta.c.key == key)).one_or_none()
        return default if row is None else row[0]

    def set(self, **values: Any) -> None:
        """Set meta values (JSON) in one transaction."""
        with self._write() as c:
            for key, value in values.items():
                c.execute(delete(meta).where(meta.c.key == key))
                c.execute(insert(meta).values(key=key, value=value))

    def station_id(self) -> uuid.UUID:
        """This station's id, made once and kept in the journal (leases and offline rows carry it)."""
        with self._write() as c:
            row = c.execute(select(meta.c.value).where(meta.c.key == "station_id")).one_or_none()
            if row is not None:
                return uuid.UUID(str(row[0]))
            made = uuid.uuid4()
            c.execute(insert(meta).values(key="station_id", value=str(made)))
            return made

    # --- reference data --------------------------------------------------------------------------------------

    def save_reference(self, snapshot: dict[str, Any]) -> None:
        """Replace the reference data with a fresh snapshot from the central store (one transaction)."""
        with self._write() as c:
            c.execute(delete(ref))
            c.execute(insert(ref), [{"kind": kind, "data": data} for kind, data in snapshot.items()])

    def reference(self, kind: str) -> Any:
        """One kind of reference data (None when the journal was never refreshed)."""
        with self._read() as c:
            row = c.execute(select(ref.c.data).where(ref.c.kind == kind)).one_or_none()
        return None if row is None else row[0]

    def has_reference(self) -> bool:
        """Whether the journal was refreshed at least once."""
        with self._read() as c:
            return bool(c.execute(select(func.count()).select_from(ref)).scalar_one())

    # --- leases ----------------------------------------------------------------------------------------------

    def add_lease(self, lease_id: uuid.UUID, kind: str, scope: str, day: date, first: int, last: int) -> None:
        """Record a block just leased from the central store."""
        with self._write() as c:
            c.execute(insert(leases).values(id=str(lease_id), kind=kind, scope=scope, day=day, first_seq=first,
                                            last_seq=last, next_seq=first, released=0))

    def leases(self, *, held_only: bool = True) -> list[JournalLease]:
        """The blocks the station holds (not yet released), oldest first."""
        query = select(leases).order_by(leases.c.day, leases.c.first_seq)
        if held_only:
            query = query.where(leases.c.released == 0)
        with self._read() as c:
            return [_lease(r) for r in c.execute(query)]

    def mark_released(self, lease_id: uuid.UUID) -> None:
        """The central store has recorded the block's end: forget it."""
        with self._write() as c:
            c.execute(update(leases).where(leases.c.id == str(lease_id)).values(released=1))

    def take_number(self, c: Connection, kind: str, scope: str, day: date) -> int:
        """The next leased number of (kind, scope, day), inside the caller's write unit; LeaseExhausted if none."""
        row = c.execute(select(leases).where(leases.c.kind == kind, leases.c.scope == scope, leases.c.day == day,
                                             leases.c.released == 0, leases.c.next_seq <= leases.c.last_seq)
                        .order_by(leases.c.first_seq).limit(1)).one_or_none()
        if row is None:
            raise LeaseExhausted(f"{kind} {scope} {day}")
        c.execute(update(leases).where(leases.c.id == row.id).values(next_seq=row.next_seq + 1))
        return int(row.next_seq)

    # --- outbox ----------------------------------------------------------------------------------------------

    @contextmanager
    def recording(self) -> Iterator[Connection]:
        """A write unit for taking numbers and adding outbox items together (both or neither)."""
        with self._write() as c:
            yield c

    @staticmethod
    def add_item(c: Connection, item_id: uuid.UUID, kind: str, payload: dict[str, Any], at: datetime) -> None:
        """Queue one item made offline (inside `recording()`)."""
        c.execute(insert(outbox).values(id=str(item_id), kind=kind, payload=json.dumps(payload, ensure_ascii=False),
                                        created_at=at, attempts=0))

    def pending(self, limit: int | None = None) -> list[OutboxItem]:
        """The items not yet replayed (nor set aside), in the order they were made."""
        query = select(outbox).where(*_WAITING).order_by(outbox.c.pos)
        if limit is not None:
            query = query.limit(limit)
        with self._read() as c:
            return [_item(r) for r in c.execute(query)]

    def pending_count(self) -> int:
        """How many items wait to be replayed (set-aside items do not)."""
        with self._read() as c:
            return int(c.execute(select(func.count()).select_from(outbox).where(*_WAITING)).scalar_one())

    def items_by_prefix(self, prefix: str) -> list[OutboxItem]:
        """Every outbox item (sent or not) whose id starts with `prefix` (lower-case hex and dashes)."""
        escaped = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        with self._read() as c:
            return [_item(r) for r in c.execute(select(outbox).where(outbox.c.id.like(escaped + "%", escape="\\"))
                                               .order_by(outbox.c.pos))]

    def add_set_aside(self, item_id: uuid.UUID, at: datetime, officer_id: int | None, officer_login: str,
                      reason: str) -> None:
        """Set an outbox item aside: it no longer waits (the item itself is kept as it is)."""
        with self._write() as c:
            c.execute(insert(set_aside_items).values(item_id=str(item_id), at=at, officer_id=officer_id,
                                                     officer_login=officer_login, reason=reason))

    def set_aside(self, unreported_only: bool = False) -> list[SetAside]:
        """The items set aside (only those the server was not told of yet), in the order they were made."""
        query = (select(outbox, set_aside_items.c.at.label("sa_at"), set_aside_items.c.officer_id,
                        set_aside_items.c.officer_login, set_aside_items.c.reason, set_aside_items.c.reported_at)
                 .join(set_aside_items, set_aside_items.c.item_id == outbox.c.id).order_by(outbox.c.pos))
        if unreported_only:
            query = query.where(set_aside_items.c.reported_at.is_(None))
        with self._read() as c:
            return [SetAside(_item(r), r.sa_at, r.officer_id, r.officer_login, r.reason, r.reported_at)
                    for r in c.execute(query)]

    def mark_reported(self, item_id: uuid.UUID, at: datetime) -> None:
        """The server holds the audit event of this set-aside item now."""
        with self._write() as c:
            c.execute(update(set_aside_items).where(set_aside_items.c.item_id == str(item_id))
                      .values(reported_at=at))

    def mark_sent(self, item_id: uuid.UUID, at: datetime) -> None:
        """The central store holds the item now."""
        with self._write() as c:
            c.execute(update(outbox).where(outbox.c.id == str(item_id)).values(sent_at=at))

    def mark_sent_many(self, item_ids: list[uuid.UUID], at: datetime) -> None:
        """The central store holds all these items now (one transaction)."""
        with self._write() as c:
            c.execute(update(outbox).where(outbox.c.id.in_([str(i) for i in item_ids])).values(sent_at=at))

    def mark_failed(self, item_id: uuid.UUID, error: str) -> None:
        """The item could not be replayed yet (kept, in place, for the next sync)."""
        with self._write() as c:
            c.execute(update(outbox).where(outbox.c.id == str(item_id))
                      .values(attempts=outbox.c.attempts + 1, last_error=error))

    def local_items(self, kind: str) -> list[dict[str, Any]]:
        """The payloads of every item of a kind made on this station (sent or not), oldest first."""
        with self._read() as c:
            return [json.loads(r[0]) for r in c.execute(select(outbox.c.payload).where(outbox.c.kind == kind)
                                                         .order_by(outbox.c.pos))]


def _item(r: Any) -> OutboxItem:
    return OutboxItem(r.pos, uuid.UUID(r.id), r.kind, json.loads(r.payload), r.created_at, r.attempts, r.last_error,
                      r.sent_at)


def _lease(r: Any) -> JournalLease:
    return JournalLease(uuid.UUID(r.id), r.kind, r.scope, r.day, int(r.first_seq), int(r.last_seq), int(r.next_seq))
