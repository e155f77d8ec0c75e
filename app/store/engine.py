"""Engine set-up for both backends and the unit of work (`Store.read()` / `Store.write()`)."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, event, text
from sqlalchemy.engine import Connection, Engine, make_url
from sqlalchemy.exc import DBAPIError, InterfaceError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from app.domain.errors import DomainError, EnvironmentFault, PermissionDenied
from app.domain.messages import translate
from app.store.chain import APPEND_ONLY_MESSAGE, register_sqlite_functions

_WRITE = "motcua_write"


class HistoryIsAppendOnly(DomainError):
    """An UPDATE or DELETE of append-only history reached the database's trigger (app/store/chain.py)."""


class StoreUnavailable(EnvironmentFault):
    """The database cannot be reached or is busy; the message is Vietnamese and safe to show."""


class StoreBusy(StoreUnavailable):
    """Another station holds what this operation needs for longer than the lock timeout: try again shortly."""


@dataclass(frozen=True)
class PgTimeouts:
    """How long a PostgreSQL connection waits before giving up, so that a hung server or a station that died inside
    a transaction is noticed within about 5 s (the values and why: docs/store-timeouts.md). Tests pass shorter
    ones; `allow_long_work` raises the statement limits for one transaction (reports, imports, migrations)."""

    connect_s: int = 5
    statement_ms: int = 5_000  # one statement of a station: milliseconds; 5 s means the server is not answering
    lock_ms: int = 3_000  # waiting for a row another station holds (a sequence row: held for milliseconds)
    idle_in_transaction_ms: int = 5_000  # the server ends a session left idle inside a transaction, and its locks
    keepalives_idle_s: int = 2  # TCP: a silent connection is probed after 2 s …
    keepalives_interval_s: int = 1  # … every second …
    keepalives_count: int = 3  # … and dropped after 3 unanswered probes (2 + 3 × 1 = 5 s)
    tcp_user_timeout_ms: int = 5_000  # TCP: data sent but not acknowledged for 5 s drops the connection

    def connect_args(self) -> dict[str, Any]:
        """libpq connection parameters (psycopg passes them through)."""
        return {"connect_timeout": self.connect_s, "keepalives": 1, "keepalives_idle": self.keepalives_idle_s,
                "keepalives_interval": self.keepalives_interval_s, "keepalives_count": self.keepalives_count,
                "tcp_user_timeout": self.tcp_user_timeout_ms,
                "options": f"-c statement_timeout={self.statement_ms} -c lock_timeout={self.lock_ms} "
                           f"-c idle_in_transaction_session_timeout={self.idle_in_transaction_ms}"}


LONG_WORK_S = 600  # a period report over millions of dossiers, an import of 100,000 rows, a migration


def allow_long_work(unit: Session | Connection, seconds: int = LONG_WORK_S) -> None:
    """Let the statements of this one transaction run (and the transaction pause between them) for up to `seconds`
    on PostgreSQL (`SET LOCAL`, gone at commit or rollback); the lock timeout stays. Nothing on SQLite."""
    bind = unit.get_bind() if isinstance(unit, Session) else unit
    if bind.dialect.name != "postgresql":
        return
    ms = int(seconds * 1000)
    unit.execute(text(f"SET LOCAL statement_timeout = {ms}"))
    unit.execute(text(f"SET LOCAL idle_in_transaction_session_timeout = {ms}"))


class Store:
    """One database (SQLite file or PostgreSQL server) and how to work in it."""

    def __init__(self, url: str, echo: bool = False, timeouts: PgTimeouts | None = None) -> None:
        self.url = url
        self.timeouts = timeouts or PgTimeouts()
        self.engine = _build_engine(url, echo, self.timeouts)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)

    @property
    def backend(self) -> str:
        """'sqlite' or 'postgresql'."""
        return self.engine.dialect.name

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A read-only unit of work; closing it rolls the transaction back and leaves loaded objects usable."""
        with self._guard(), self._sessions() as session:
            yield session

    @contextmanager
    def write(self) -> Iterator[Session]:
        """A unit of work that commits at the end, or rolls back everything on any error.

        On SQLite the transaction starts with BEGIN IMMEDIATE, so allocations (ticket numbers, dossier codes)
        never race; on PostgreSQL the sequence rows are locked with SELECT … FOR UPDATE.
        """
        with self._guard(), self._sessions() as session:
            session.connection(execution_options={_WRITE: True})
            try:
                yield session
                session.commit()
            except BaseException:
                session.rollback()
                raise

    @contextmanager
    def autocommit(self) -> Iterator[Connection]:
        """A connection where every statement is its own transaction: for a hot path whose write is one
        self-contained statement (no BEGIN and COMMIT round trips). PostgreSQL only; on SQLite use write()."""
        if self.backend != "postgresql":
            raise ValueError("autocommit units are for PostgreSQL; SQLite writes need BEGIN IMMEDIATE")
        with self._guard(), self.engine.connect() as conn:
            yield conn.execution_options(isolation_level="AUTOCOMMIT")

    @contextmanager
    def twin_readers(self) -> Iterator[tuple[Connection, Connection]]:
        """Two read-only connections that see exactly the same data, so one report can run two queries side by
        side on two cores (P7). PostgreSQL: the first one's snapshot is exported to the second. SQLite (WAL): a
        third connection holds writers off (BEGIN IMMEDIATE) while both start their read snapshot, so no commit
        can land between the two starts. (An in-memory SQLite database is one per connection: refused.)"""
        if self.backend == "sqlite" and make_url(self.url).database in (None, "", ":memory:"):
            raise ValueError("twin readers need a database file")
        with self._guard(), self.engine.connect() as first, self.engine.connect() as second:
            if self.backend == "postgresql":
                first.execution_options(isolation_level="REPEATABLE READ")
                second.execution_options(isolation_level="REPEATABLE READ")
                snapshot = str(first.execute(text("SELECT pg_export_snapshot()")).scalar_one())
                if not re.fullmatch(r"[0-9A-Fa-f-]+", snapshot):  # SET takes no parameters: the id goes in as is
                    raise ValueError(f"unexpected snapshot id {snapshot!r}")
                second.execute(text(f"SET TRANSACTION SNAPSHOT '{snapshot}'"))
            else:
                with self.engine.connect() as gate:
                    gate.execution_options(**{_WRITE: True}).execute(text("SELECT 1"))  # BEGIN IMMEDIATE
                    try:
                        for reader in (first, second):  # a WAL read snapshot starts at the first read
                            reader.execute(text("SELECT count(*) FROM sqlite_master")).scalar_one()
                    finally:
                        gate.rollback()
            try:
                yield first, second
            finally:
                first.rollback()
                second.rollback()

    @contextmanager
    def _guard(self) -> Iterator[None]:
        """Translate the driver's connection failures into StoreUnavailable (bugs pass through)."""
        try:
            yield
        except DomainError:
            raise
        except DBAPIError as exc:
            state = getattr(exc.orig, "sqlstate", None)
            if state == "25P03":  # idle_in_transaction_session_timeout: the server ended this session
                raise StoreUnavailable(translate(
                    "store.engine", "Máy chủ đã ngắt phiên làm việc vì bị treo giữa chừng quá %1 giây; thao tác chưa "
                    "được lưu, vui lòng thử lại").arg(_seconds(self.timeouts.idle_in_transaction_ms))) from exc
            if state == "55P03":  # lock_not_available: lock_timeout
                raise StoreBusy(translate(
                    "store.engine", "Hệ thống đang bận: một máy khác đang giữ dữ liệu này quá %1 giây. Vui lòng thử "
                    "lại sau giây lát").arg(_seconds(self.timeouts.lock_ms))) from exc
            if state == "42501":  # insufficient_privilege: this station's database role may not do this
                raise PermissionDenied(translate(
                    "store.engine", "Vai trò cơ sở dữ liệu của máy trạm này không được phép làm việc này (xem "
                    "docs/security.md: mỗi loại máy trạm chỉ làm phần việc của nó)")) from exc
            if state == "57014":  # query_canceled: statement_timeout
                raise StoreUnavailable(translate(
                    "store.engine", "Máy chủ cơ sở dữ liệu không trả lời trong %1 giây (quá tải hoặc treo). Vui lòng "
                    "thử lại").arg(_seconds(self.timeouts.statement_ms))) from exc
            if APPEND_ONLY_MESSAGE in str(exc.orig):
                raise HistoryIsAppendOnly(translate(
                    "store.engine", "Lịch sử (phiếu, hồ sơ, thu phí, đánh giá, nhật ký thay đổi) chỉ được ghi thêm: "
                    "không sửa, không xoá được; hãy ghi một sự kiện điều chỉnh")) from exc
            if isinstance(exc, (OperationalError, InterfaceError)) and _is_connection_problem(exc):
                raise StoreUnavailable(_unavailable_message(self)) from exc
            raise

    def dispose(self) -> None:
        """Close every pooled connection."""
        self.engine.dispose()


def _seconds(ms: int) -> str:
    """Milliseconds as Vietnamese seconds: 3000 → "3", 500 → "0,5"."""
    return f"{ms / 1000:g}".replace(".", ",")


def _is_connection_problem(exc: DBAPIError) -> bool:
    """Whether a driver error means 'cannot reach / use the database' rather than a bad statement."""
    if exc.connection_invalidated or isinstance(exc, InterfaceError):
        return True
    text = str(exc.orig).lower()
    return any(s in text for s in ("connection", "could not connect", "server closed", "database is locked",
                                    "unable to open", "terminating", "no such host", "timeout", "disk"))


def _unavailable_message(store: Store) -> str:
    """The Vietnamese message shown when the store cannot be used."""
    if store.backend == "sqlite":
        return translate("store.engine", "Không mở được cơ sở dữ liệu trên máy này (tệp bị khóa hoặc không "
                                         "truy cập được)")
    return translate("store.engine", "Mất kết nối tới máy chủ cơ sở dữ liệu; đang thử kết nối lại")


def _build_engine(url: str, echo: bool, timeouts: PgTimeouts) -> Engine:
    """Create the engine with each backend's settings (WAL and manual BEGIN on SQLite; on PostgreSQL pre-ping,
    statement/lock/idle-in-transaction timeouts and TCP keepalives, options of the URL kept after ours)."""
    u = make_url(url)
    # hide_parameters: a driver error's text never carries the values of the statement (ID numbers, phones), so
    # no log line, crash report or error box can show them (app/logs.py masks what is left)
    kwargs: dict[str, Any] = {"echo": echo, "hide_parameters": True}
    if u.get_backend_name() == "sqlite":
        if u.database and u.database != ":memory:":
            Path(u.database).parent.mkdir(parents=True, exist_ok=True)
        kwargs["connect_args"] = {"timeout": 30}
        engine = create_engine(url, **kwargs)
        _configure_sqlite(engine, Path(u.database) if u.database and u.database != ":memory:" else None)
        return engine
    if u.get_backend_name() == "postgresql":
        connect_args = {**timeouts.connect_args(), "application_name": "motcua"}
        if u.query.get("options"):  # the URL's own -c settings come after ours, so they win
            connect_args["options"] += f" {u.query['options']}"
        kwargs.update(pool_pre_ping=True, pool_size=5, max_overflow=5, connect_args=connect_args)
        return create_engine(url, **kwargs)
    raise StoreUnavailable(translate("store.engine", "Loại cơ sở dữ liệu không được hỗ trợ: %1 (chỉ SQLite "
                                                     "hoặc PostgreSQL)").arg(u.get_backend_name()))


def create_private_file(path: Path) -> None:
    """Create `path` empty, readable and writable by this OS user only (0600), unless it exists: a store file
    holds citizens' ID and phone numbers. (SQLite gives its -wal and -shm files the database file's mode.)"""
    try:
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    except FileExistsError:
        pass


def _configure_sqlite(engine: Engine, path: Path | None) -> None:
    """Foreign keys, WAL, a busy timeout, BEGIN IMMEDIATE for write units of work, and a new file made 0600."""

    @event.listens_for(engine, "do_connect")
    def _private_file(*_args: Any) -> None:
        if path is not None:
            create_private_file(path)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # we emit BEGIN ourselves
        cursor = dbapi_connection.cursor()
        for pragma in ("foreign_keys=ON", "journal_mode=WAL", "busy_timeout=30000", "synchronous=NORMAL"):
            cursor.execute(f"PRAGMA {pragma}")
        cursor.close()
        register_sqlite_functions(dbapi_connection)  # the history triggers hash with it (app/store/chain.py)

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        write = connection.get_execution_options().get(_WRITE)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")
