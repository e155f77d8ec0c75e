"""Numbering that never collides: a counter row locked in the allocating transaction."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from app.store.models import Sequence

NO_DAY = date(1970, 1, 1)


@dataclass(frozen=True)
class LeaseBlock:
    """Numbers first_seq..last_seq of the sequence (kind, scope, day), allocated at once and held by one station
    for its offline work (docs/offline.md)."""

    id: uuid.UUID
    kind: str
    scope: str
    day: date
    first_seq: int
    last_seq: int


def allocate(session: Session, kind: str, scope: str, day: date = NO_DAY, count: int = 1) -> int:
    """Take the next `count` numbers of (kind, scope, day) and return the last one (first = last - count + 1).

    Must run inside `Store.write()`. One statement creates the row or increments it and returns the new value
    (`INSERT … ON CONFLICT DO UPDATE … RETURNING`); the row stays locked until the transaction ends (and on
    SQLite the whole database is already held by BEGIN IMMEDIATE), so two transactions never get the same number.
    Call it as late as possible in the transaction: everything after it waits for the lock on busy services.
    """
    dialect = session.get_bind().dialect.name
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    upsert = insert(Sequence).values(kind=kind, scope=scope, day=day, value=count).on_conflict_do_update(
        index_elements=[Sequence.kind, Sequence.scope, Sequence.day],
        set_={"value": Sequence.value + count}).returning(Sequence.value)
    return int(session.execute(upsert).scalar_one())


def peek(session: Session, kind: str, scope: str, day: date = NO_DAY) -> int:
    """The last number allocated so far (0 when none)."""
    key = (Sequence.kind == kind) & (Sequence.scope == scope) & (Sequence.day == day)
    return int(session.execute(select(Sequence.value).where(key)).scalar_one_or_none() or 0)
