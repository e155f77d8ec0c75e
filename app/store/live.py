"""Live changes from other stations: PostgreSQL LISTEN/NOTIFY or SQLite `PRAGMA data_version`, plus a safety poll.

No Qt here: callbacks run on the feed's own daemon thread; the UI wraps them into signals.
"""

from __future__ import annotations

import json
import logging
import os
import re
import sqlite3
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from sqlalchemy import text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.orm import Session

if TYPE_CHECKING:
    from app.store.engine import Store

log = logging.getLogger(__name__)

CHANNEL = "motcua"
MAX_PAYLOAD_BYTES = 7900  # PostgreSQL refuses NOTIFY payloads of 8000 bytes or more
APPLICATION_NAME = "motcua-live"
ONLINE = "Đã kết nối cơ sở dữ liệu"
PG_OFFLINE = "Mất kết nối tới máy chủ cơ sở dữ liệu"
SQLITE_OFFLINE = "Không đọc được tệp cơ sở dữ liệu trên máy này"
_TOKEN = re.compile(r"[A-Za-z0-9_.:\-]{1,64}")  # ids, UUIDs, kinds; never names (they have spaces/diacritics)

Scalar = int | float | bool | str | uuid.UUID | None


@dataclass(frozen=True)
class Change:
    """Something changed: `topic` ("queue", "dossier", "catalog", or "*" = reload everything) and a small payload."""

    topic: str
    payload: dict[str, Any]
    at: float = field(default_factory=time.monotonic)


def encode(topic: str, payload: dict[str, Any]) -> str:
    """The NOTIFY text for a change; refuses anything but short tokens, numbers and UUIDs, and big payloads."""
    if not _TOKEN.fullmatch(topic) or topic == "*":
        raise ValueError(f"bad live topic {topic!r}")
    clean: dict[str, Any] = {}
    for key, value in payload.items():
        if not isinstance(key, str) or not _TOKEN.fullmatch(key):
            raise ValueError(f"bad live payload key {key!r}")
        values = value if isinstance(value, (list, tuple)) else [value]
        for v in values:
            if (isinstance(v, str) and not _TOKEN.fullmatch(v)) or not isinstance(v, Scalar):
                raise ValueError(f"live payload {key!r} must hold ids or kinds only (never names or personal data)")
        clean[key] = [_plain(v) for v in value] if isinstance(value, (list, tuple)) else _plain(value)
    body = json.dumps({"t": topic, "p": clean}, separators=(",", ":"))
    if len(body.encode()) > MAX_PAYLOAD_BYTES:
        raise ValueError(f"live payload too big ({len(body.encode())} bytes); send ids of what changed, not rows")
    return body


def _plain(value: Scalar) -> Any:
    """JSON-friendly form of one payload value."""
    return str(value) if isinstance(value, uuid.UUID) else value


def decode(body: str) -> Change | None:
    """Parse a NOTIFY text into a Change, or None (and a log line) if it is not one of ours."""
    try:
        data = json.loads(body)
        if isinstance(data, dict) and isinstance(data.get("t"), str) and isinstance(data.get("p"), dict):
            return Change(data["t"], data["p"])
    except ValueError:
        pass
    log.warning("live: skipped a malformed notification (%d bytes)", len(body))
    return None


def publish(session: Session, topic: str, payload: dict[str, Any]) -> None:
    """Announce a change inside a write unit of work; delivered only if it commits (no-op on SQLite)."""
    body = encode(topic, payload)
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_notify(:channel, :body)"), {"channel": CHANNEL, "body": body})


class LiveFeed:
    """Watches the store on a daemon thread and calls `on_change(Change)` / `on_status(online, message)` there."""

    def __init__(self, source: str | Store, topics: set[str] | None, on_change: Callable[[Change], None],
                 on_status: Callable[[bool, str], None] | None = None, *, poll_interval: float = 0.25,
                 safety_interval: float = 30.0, application_name: str = APPLICATION_NAME) -> None:
        self.url: URL = make_url(source) if isinstance(source, str) else source.engine.url
        if self.url.get_backend_name() not in ("sqlite", "postgresql"):
            raise ValueError(f"live updates need SQLite or PostgreSQL, not {self.url.get_backend_name()}")
        if self.url.get_backend_name() == "sqlite" and self.url.database in (None, "", ":memory:"):
            raise ValueError("live updates need a SQLite file, not an in-memory database")
        self.topics = set(topics) if topics is not None else None
        self.on_change, self.on_status = on_change, on_status
        self.poll_interval, self.safety_interval = poll_interval, safety_interval
        self.application_name = application_name
        self.online: bool | None = None
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> LiveFeed:
        """Start watching (returns at once)."""
        if self._thread is None:
            run = self._run_sqlite if self.url.get_backend_name() == "sqlite" else self._run_postgresql
            self._thread = threading.Thread(target=self._guarded, args=(run,), name="motcua-live", daemon=True)
            self._thread.start()
        return self

    def stop(self, timeout: float = 1.0) -> None:
        """Stop watching; no callback runs after this returns (a thread stuck in connect ends by itself)."""
        self._stop.set()
        if self._thread is not None and self._thread is not threading.current_thread():
            self._thread.join(timeout)

    def __enter__(self) -> LiveFeed:
        return self.start()

    def __exit__(self, *_exc: object) -> None:
        self.stop()

    # --- delivery -------------------------------------------------------------------------------------------

    def _deliver(self, change: Change) -> None:
        """Hand one change to the caller if it is wanted; a failing callback is logged, never fatal."""
        unwanted = change.topic != "*" and self.topics is not None and change.topic not in self.topics
        if unwanted or self._stop.is_set():
            return
        try:
            self.on_change(change)
        except Exception:
            log.exception("live: on_change failed")

    def _status(self, online: bool) -> None:
        """Report a status transition (only transitions, never repeats)."""
        if online == self.online or self._stop.is_set():
            return
        self.online = online
        message = ONLINE if online else (SQLITE_OFFLINE if self.url.get_backend_name() == "sqlite" else PG_OFFLINE)
        if self.on_status is not None:
            try:
                self.on_status(online, message)
            except Exception:
                log.exception("live: on_status failed")

    def _guarded(self, run: Callable[[], None]) -> None:
        """Run the loop; a bug is logged (the thread must not die silently)."""
        try:
            run()
        except Exception:
            log.exception("live: feed stopped by an unexpected error")
            self._status(False)

    # --- PostgreSQL -----------------------------------------------------------------------------------------

    def _run_postgresql(self) -> None:
        """LISTEN on a dedicated autocommit connection; on loss report offline and reconnect with backoff."""
        import psycopg

        conninfo = self.url.set(drivername="postgresql").render_as_string(hide_password=False)
        delay, was_offline = 0.2, False
        while not self._stop.is_set():
            try:
                conn = psycopg.connect(conninfo, autocommit=True, application_name=self.application_name,
                                       connect_timeout=3, keepalives=1, keepalives_idle=5, keepalives_interval=2,
                                       keepalives_count=2, tcp_user_timeout=8000)
            except psycopg.Error as exc:
                log.info("live: cannot connect: %s", str(exc).splitlines()[0] if str(exc) else type(exc).__name__)
                self._status(False)
                was_offline = True
                self._stop.wait(delay)
                delay = min(delay * 2, 2.0)
                continue
            try:
                conn.execute(f"LISTEN {CHANNEL}")
                delay = 0.2
                self._status(True)
                if was_offline:
                    self._deliver(Change("*", {"reason": "reconnected"}))
                was_offline = False
                self._listen(conn)
            except psycopg.Error as exc:
                log.info("live: connection lost: %s", type(exc).__name__)
                self._status(False)
                was_offline = True
            finally:
                conn.close()

    def _listen(self, conn: Any) -> None:
        """Deliver notifications until stopped; a safety tick also checks the connection is alive."""
        next_safety = time.monotonic() + self.safety_interval
        while not self._stop.is_set():
            for note in conn.notifies(timeout=0.1):
                change = decode(note.payload) if note.channel == CHANNEL else None
                if change is not None:
                    self._deliver(change)
            if time.monotonic() >= next_safety:
                conn.execute("SELECT 1")
                self._deliver(Change("*", {"reason": "safety"}))
                next_safety = time.monotonic() + self.safety_interval

    # --- SQLite ---------------------------------------------------------------------------------------------

    def _run_sqlite(self) -> None:
        """Poll PRAGMA data_version on an own connection; a missing or unreadable file means offline."""
        path = str(self.url.database)
        conn: sqlite3.Connection | None = None
        last, next_safety = None, time.monotonic() + self.safety_interval
        while not self._stop.is_set():
            try:
                if not os.path.exists(path):
                    raise sqlite3.OperationalError("database file is missing")
                if conn is None:
                    conn = sqlite3.connect(f"file:{path}?mode=rw", uri=True, timeout=1, isolation_level=None)
                version = conn.execute("PRAGMA data_version").fetchone()[0]
                conn.execute("SELECT 1 FROM sqlite_master LIMIT 1").fetchall()  # a corrupt/foreign file fails here
                was_offline = self.online is False
                self._status(True)
                if was_offline:
                    self._deliver(Change("*", {"reason": "reconnected"}))
                elif last is not None and version != last:
                    self._deliver(Change("*", {}))
                last = version
                if time.monotonic() >= next_safety:
                    self._deliver(Change("*", {"reason": "safety"}))
                    next_safety = time.monotonic() + self.safety_interval
            except sqlite3.Error as exc:
                log.info("live: SQLite file not readable: %s", exc)
                if conn is not None:
                    conn.close()
                conn, last = None, None
                self._status(False)
            self._stop.wait(self.poll_interval)
        if conn is not None:
            conn.close()
