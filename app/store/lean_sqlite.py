"""The embedded SQLite store without SQLAlchemy, for the few whole-process commands that must start fast.

`motcua ticket issue` on a kiosk PC (`app.services.ticket_issue`, path 3) runs as a process per ticket; importing SQLAlchemy alone takes longer than
the whole command may (docs/benchmarks.md, P2). This module opens the same file with the standard library's
sqlite3, with the settings of `app.store.engine` (WAL, foreign keys, busy timeout, BEGIN IMMEDIATE for writes),
and writes values the way the SQLAlchemy types store them, so rows written here and by the ORM are alike
(tests/services/test_queue_lean.py checks it row by row).
"""

from __future__ import annotations

import sqlite3
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime, timezone
from pathlib import Path

from app.domain.errors import EnvironmentFault
from app.domain.messages import translate
from app.store.chain import register_sqlite_functions
from app.store.revision import SCHEMA_HEAD

_PRAGMAS = ("foreign_keys=ON", "journal_mode=WAL", "busy_timeout=30000", "synchronous=NORMAL")


class LeanStoreError(EnvironmentFault):
    """The file cannot be opened or used (missing, locked too long, not a motcua database); Vietnamese message."""


class SchemaNotCurrent(LeanStoreError):
    """The file's schema is not the one this code expects (run `motcua db upgrade`)."""


def sqlite_file(url: str) -> Path | None:
    """The file of a `sqlite:///…` URL, None for any other URL (or an in-memory database)."""
    prefix = "sqlite:///"
    if not url.startswith(prefix) or "?" in url:
        return None
    path = url[len(prefix):]
    return Path(path) if path and path != ":memory:" else None


def connect(path: Path) -> sqlite3.Connection:
    """Open an existing database file (never creates one) with the store's settings."""
    if not path.is_file():
        raise SchemaNotCurrent(translate("store.lean_sqlite", "không có cơ sở dữ liệu tại %1; chạy «motcua db "
                                                              "upgrade»").arg(path))
    try:
        conn = sqlite3.connect(path, timeout=30, isolation_level=None)
        for pragma in _PRAGMAS:
            conn.execute(f"PRAGMA {pragma}")
        register_sqlite_functions(conn)  # the history triggers hash with it
    except sqlite3.Error as exc:
        raise LeanStoreError(translate("store.lean_sqlite", "không mở được cơ sở dữ liệu %1: %2")
                             .arg(path, exc)) from exc
    return conn


def is_current(conn: sqlite3.Connection) -> bool:
    """Whether the file's schema is the one this code expects."""
    try:
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.OperationalError:  # no such table: never migrated
        return False
    return row is not None and row[0] == SCHEMA_HEAD


@contextmanager
def write(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """A write transaction (BEGIN IMMEDIATE: the whole file is ours until COMMIT), rolled back on any error."""
    try:
        conn.execute("BEGIN IMMEDIATE")
    except sqlite3.OperationalError as exc:
        raise LeanStoreError(translate("store.lean_sqlite", "cơ sở dữ liệu đang bận, thử lại sau: %1")
                             .arg(exc)) from exc
    try:
        yield conn
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise


# --- values as the SQLAlchemy column types store them on SQLite -------------------------------------------------

def utc_text(moment: datetime) -> str:
    """`UTCDateTime`: UTC, no zone, always with microseconds (SQLAlchemy's SQLite DATETIME format)."""
    if moment.tzinfo is None:
        raise ValueError("naive datetime given to the store; times must be timezone-aware")
    return moment.astimezone(timezone.utc).strftime("%Y-%m-%d %H:%M:%S.%f")


def uuid_text(value: uuid.UUID | None) -> str | None:
    """`Uuid` on a database without a native UUID type: 32 hex digits."""
    return value.hex if value is not None else None


def date_text(day: date) -> str:
    """`Date`: ISO 8601."""
    return day.isoformat()
