"""Engine set-up for both backends and the unit of work (`Store.read()` / `Store.write()`)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, event, text
from sqlalchemy.engine import Connection, Engine, make_url
from sqlalchemy.exc import DBAPIError, InterfaceError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from app.domain.errors import DomainError, EnvironmentFault

_WRITE = "motcua_write"


class StoreUnavailable(EnvironmentFault):
    """The database cannot be reached or is busy; the message is Vietnamese and safe to show."""


class Store:
    """One database (SQLite file or PostgreSQL server) and how to work in it."""

    def __init__(self, url: str, echo: bool = False) -> None:
        self.url = url
        self.engine = _build_engine(url, echo)
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
        except (OperationalError, InterfaceError) as exc:
            if _is_connection_problem(exc):
                raise StoreUnavailable(_unavailable_message(self)) from exc
            raise

    def dispose(self) -> None:
        """Close every pooled connection."""
        self.engine.dispose()


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
        return "Không mở được cơ sở dữ liệu trên máy này (tệp bị khóa hoặc không truy cập được)"
    return "Mất kết nối tới máy chủ cơ sở dữ liệu; đang thử kết nối lại"


def _build_engine(url: str, echo: bool) -> Engine:
    """Create the engine with each backend's settings (WAL and manual BEGIN on SQLite, pre-ping on PostgreSQL)."""
    u = make_url(url)
    # hide_parameters: a driver error's text never carries the values of the statement (ID numbers, phones), so
    # no log line, crash report or error box can show them (app/logs.py masks what is left)
    kwargs: dict[str, Any] = {"echo": echo, "hide_parameters": True}
    if u.get_backend_name() == "sqlite":
        if u.database and u.database != ":memory:":
            Path(u.database).parent.mkdir(parents=True, exist_ok=True)
        kwargs["connect_args"] = {"timeout": 30}
        engine = create_engine(url, **kwargs)
        _configure_sqlite(engine)
        return engine
    if u.get_backend_name() == "postgresql":
        kwargs.update(pool_pre_ping=True, pool_size=5, max_overflow=5,
                      connect_args={"connect_timeout": 5, "application_name": "motcua"})
        return create_engine(url, **kwargs)
    raise StoreUnavailable(f"Loại cơ sở dữ liệu không được hỗ trợ: {u.get_backend_name()} "
                           "(chỉ SQLite hoặc PostgreSQL)")


def _configure_sqlite(engine: Engine) -> None:
    """Foreign keys, WAL, a busy timeout, and BEGIN IMMEDIATE for write units of work."""

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # we emit BEGIN ourselves
        cursor = dbapi_connection.cursor()
        for pragma in ("foreign_keys=ON", "journal_mode=WAL", "busy_timeout=30000", "synchronous=NORMAL"):
            cursor.execute(f"PRAGMA {pragma}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        write = connection.get_execution_options().get(_WRITE)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")
