"""Numbering that never collides: a counter row locked in the allocating transaction."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from app.store.models import Sequence

NO_DAY = date(1970, 1, 1)


def allocate(session: Session, kind: str, scope: str, day: date = NO_DAY, count: int = 1) -> int:
    """Take the next `count` numbers of (kind, scope, day) and return the last one (first = last - count + 1).

    Must run inside `Store.write()`: the row is created if missing, then locked (FOR UPDATE on PostgreSQL;
    the whole SQLite database is already held by BEGIN IMMEDIATE) and incremented in the same transaction.
    """
    dialect = session.get_bind().dialect.name
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    session.execute(insert(Sequence).values(kind=kind, scope=scope, day=day, value=0).on_conflict_do_nothing())
    key = (Sequence.kind == kind) & (Sequence.scope == scope) & (Sequence.day == day)
    current = session.execute(select(Sequence.value).where(key).with_for_update()).scalar_one()
    session.execute(update(Sequence).where(key).values(value=current + count))
    return int(current + count)


def peek(session: Session, kind: str, scope: str, day: date = NO_DAY) -> int:
    """The last number allocated so far (0 when none)."""
    key = (Sequence.kind == kind) & (Sequence.scope == scope) & (Sequence.day == day)
    return int(session.execute(select(Sequence.value).where(key)).scalar_one_or_none() or 0)
