"""Bulk inserts for imports: COPY on PostgreSQL, one DBAPI executemany on SQLite.

SQLAlchemy's per-value type processing costs more than the database itself at 100,000 rows, so values are
converted here the way the column types store them (UUIDs, UTC timestamps, JSON, booleans) and handed to the
driver directly. Runs on the session's own connection, inside its transaction.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import JSON, Boolean, Table, Uuid
from sqlalchemy.orm import Session

from app.store.types import UTCDateTime


def _sqlite_converter(column_type: Any) -> Callable[[Any], Any] | None:
    if isinstance(column_type, UTCDateTime):
        return sqlite_time
    if isinstance(column_type, Uuid):
        return lambda v: v.hex if isinstance(v, uuid.UUID) else v
    if isinstance(column_type, JSON):
        return lambda v: json.dumps(v) if v is not None else None
    if isinstance(column_type, Boolean):
        return lambda v: int(v) if v is not None else None
    return None


def sqlite_time(value: datetime | None) -> str | None:
    """UTC, without zone, with microseconds: "2023-10-27 02:32:00.000000"."""
    if value is None:
        return None
    if value.utcoffset():
        value = value.astimezone(UTC)
    elif value.tzinfo is None:
        raise ValueError("naive datetime given to the store; times must be timezone-aware")
    return value.replace(tzinfo=None).isoformat(" ", "microseconds")


def _pg_converter(column_type: Any) -> Callable[[Any], Any] | None:
    if isinstance(column_type, UTCDateTime):
        return _aware
    if isinstance(column_type, JSON):
        return lambda v: json.dumps(v) if v is not None else None
    return None


def _aware(value: datetime | None) -> datetime | None:
    if value is not None and value.tzinfo is None:
        raise ValueError("naive datetime given to the store; times must be timezone-aware")
    return value


def bulk_insert(session: Session, table: Table, rows: Sequence[dict[str, Any]]) -> None:
    """Insert `rows` (dicts with the same keys, all column names of `table`) as fast as the backend allows."""
    if not rows:
        return
    names = list(rows[0])
    columns = [table.c[n] for n in names]
    dbapi = session.connection().connection.dbapi_connection
    assert dbapi is not None
    if session.get_bind().dialect.name == "postgresql":
        converters = [_pg_converter(c.type) for c in columns]
        raw: Any = dbapi  # a psycopg connection: COPY is not in the DBAPI
        with raw.cursor() as cur, cur.copy(f'COPY {table.name} ({", ".join(names)}) FROM STDIN') as copy:
            for row in rows:
                copy.write_row([f(row[n]) if f else row[n] for n, f in zip(names, converters)])
        return
    converters = [_sqlite_converter(c.type) for c in columns]
    sql = f'INSERT INTO {table.name} ({", ".join(names)}) VALUES ({", ".join("?" * len(names))})'
    cur = dbapi.cursor()
    (cache_size,) = cur.execute("PRAGMA cache_size").fetchone()
    cur.execute("PRAGMA cache_size = -131072")  # 128 MiB while the indexes grow, then back
    try:
        cur.executemany(sql, ([f(row[n]) if f else row[n] for n, f in zip(names, converters)]  # type: ignore[arg-type]
                              for row in rows))
    finally:
        cur.execute(f"PRAGMA cache_size = {int(cache_size)}")
        cur.close()
