"""Shared fixtures: an isolated config/data dir, an in-memory keyring, and stores on SQLite and PostgreSQL.

Every store test runs on both backends. PostgreSQL is found at MOTCUA_TEST_PG_URL (default: the local server,
user postgres, trust auth); without it the PostgreSQL tests skip with the reason shown — except under CI=true,
where a missing PostgreSQL fails the run.
"""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend

PG_ADMIN_URL = os.environ.get("MOTCUA_TEST_PG_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres")
IN_CI = os.environ.get("CI") == "true"


# Tests of real-time device behaviour through pseudo-terminals (a keypad's frame timeout of 30 ms, a printer's
# status answer, unplug and replug): `make test` runs them on their own after the rest, which runs in two
# processes, so that the other process's work never stands between a simulated device's byte and its reader.
REALTIME = ("tests/devices/test_keypad_pty.py", "tests/devices/test_printer_pty.py", "tests/services/test_ratings.py",
            "tests/ui/test_counter.py", "tests/ui/test_kiosk.py", "tests/offline/test_counter_offline_items.py")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark the real-time device tests (`-m realtime` / `-m "not realtime"`)."""
    for item in items:
        path = str(item.fspath).replace("\\", "/")
        if any(path.endswith(name) for name in REALTIME):
            item.add_marker(pytest.mark.realtime)


class MemoryKeyring(KeyringBackend):
    """A keyring that lives in memory, so tests never touch the user's real one."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.secrets: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.secrets.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.secrets[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.secrets.pop((service, username), None)


@pytest.fixture(autouse=True, scope="session")
def isolated_environment(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Point config and data dirs at temp folders and install the in-memory keyring for the whole run."""
    base = tmp_path_factory.mktemp("motcua-home")
    os.environ["MOTCUA_CONFIG_DIR"] = str(base / "config")
    os.environ["MOTCUA_DATA_DIR"] = str(base / "data")
    os.environ["XDG_CONFIG_HOME"] = str(base / "xdg")  # the set-up's autostart entries never reach the real home
    os.environ["APPDATA"] = str(base / "appdata")  # (Windows: the Startup folder)
    os.environ.pop("MOTCUA_DATABASE_URL", None)
    keyring.set_keyring(MemoryKeyring())
    yield


@pytest.fixture()
def memory_keyring() -> MemoryKeyring:
    """A fresh in-memory keyring for one test."""
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    return backend


def _pg_reason() -> str | None:
    """None when PostgreSQL answers, else why not."""
    try:
        import psycopg
        from sqlalchemy.engine import make_url

        u = make_url(PG_ADMIN_URL)
        with psycopg.connect(host=u.host, port=u.port or 5432, user=u.username, dbname=u.database,
                             password=u.password, connect_timeout=3):
            return None
    except Exception as exc:  # any failure means: no usable server
        return f"PostgreSQL not reachable at {PG_ADMIN_URL}: {str(exc).splitlines()[0]}"


_PG_REASON: list[str | None] = []


def pg_unavailable() -> str | None:
    """Cached reason PostgreSQL cannot be used (None if it can)."""
    if not _PG_REASON:
        _PG_REASON.append(_pg_reason())
    return _PG_REASON[0]


def require_pg() -> None:
    """Skip (or, under CI=true, fail) when PostgreSQL is missing."""
    reason = pg_unavailable()
    if reason:
        if IN_CI:
            pytest.fail(f"CI=true needs a real PostgreSQL: {reason}")
        pytest.skip(reason)


def pg_execute(sql: str) -> None:
    """Run one autocommit statement as the PostgreSQL admin (CREATE/DROP DATABASE)."""
    import psycopg
    from sqlalchemy.engine import make_url

    u = make_url(PG_ADMIN_URL)
    with psycopg.connect(host=u.host, port=u.port or 5432, user=u.username, dbname=u.database,
                         password=u.password, autocommit=True) as conn:
        conn.execute(sql)  # type: ignore[arg-type]


def pg_url(database: str) -> str:
    """URL of a database on the test server."""
    from sqlalchemy.engine import make_url

    return make_url(PG_ADMIN_URL).set(database=database).render_as_string(hide_password=False)


class StoreFactory:
    """Fresh databases on one backend, copied from migrated (and optionally demo-seeded) templates."""

    def __init__(self, backend: str, workdir: Path) -> None:
        self.backend = backend
        self.workdir = workdir
        self.templates: dict[str, str] = {}
        self.created: list[str] = []

    def empty_url(self) -> str:
        """A new, empty database (no schema)."""
        name = f"motcua_t_{uuid.uuid4().hex[:12]}"
        if self.backend == "sqlite":
            return f"sqlite:///{self.workdir / (name + '.sqlite3')}"
        pg_execute(f'CREATE DATABASE "{name}"')
        self.created.append(name)
        return pg_url(name)

    def url(self, kind: str = "migrated") -> str:
        """A new database copied from the template of `kind` ('migrated' or 'demo')."""
        template = self._template(kind)
        name = f"motcua_t_{uuid.uuid4().hex[:12]}"
        if self.backend == "sqlite":
            target = self.workdir / f"{name}.sqlite3"
            shutil.copyfile(template, target)
            return f"sqlite:///{target}"
        pg_execute(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
        self.created.append(name)
        return pg_url(name)

    def _template(self, kind: str) -> str:
        if kind not in self.templates:
            from app.services.context import Actor, Context
            from app.services.demo import seed_demo
            from app.store import migrate
            from app.store.engine import Store

            url = self.empty_url()
            store = Store(url)
            migrate.upgrade(store)
            if kind == "demo":
                seed_demo(Context(store), Actor.maintenance(Context(store)))
            store.dispose()
            self.templates[kind] = url.split("///", 1)[1] if self.backend == "sqlite" else url.rsplit("/", 1)[1]
        return self.templates[kind]

    def cleanup(self) -> None:
        """Drop every PostgreSQL database made (SQLite files go with the temp dir)."""
        for name in self.created:
            pg_execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(scope="session")
def store_factories(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, StoreFactory]]:
    """One factory per backend for the whole run."""
    factories = {b: StoreFactory(b, tmp_path_factory.mktemp(f"db-{b}")) for b in ("sqlite", "postgresql")}
    yield factories
    if not pg_unavailable():
        factories["postgresql"].cleanup()


@pytest.fixture()
def postgres_available() -> None:
    """For a test that needs PostgreSQL without being parametrised by backend (skips, or fails under CI)."""
    require_pg()


@pytest.fixture(params=["sqlite", "postgresql"])
def backend(request: pytest.FixtureRequest) -> str:
    """Each store test runs once per backend."""
    if request.param == "postgresql":
        require_pg()
    return str(request.param)


@pytest.fixture()
def store_url(backend: str, store_factories: dict[str, StoreFactory]) -> str:
    """URL of a fresh migrated database on the current backend."""
    return store_factories[backend].url("migrated")


@pytest.fixture()
def store(store_url: str) -> Iterator["Store"]:  # type: ignore[name-defined] # noqa: F821
    """A fresh migrated store on the current backend."""
    from app.store.engine import Store

    s = Store(store_url)
    yield s
    s.dispose()


@pytest.fixture()
def ctx(store):  # type: ignore[no-untyped-def]
    """A service context on a fresh migrated store."""
    from app.services.context import Context

    return Context(store)


@pytest.fixture()
def demo_url(backend: str, store_factories: dict[str, StoreFactory]) -> str:
    """URL of a fresh copy of the seeded demo centre on the current backend."""
    return store_factories[backend].url("demo")


@pytest.fixture()
def demo_ctx(demo_url: str) -> Iterator["Context"]:  # type: ignore[name-defined] # noqa: F821
    """A service context on a fresh copy of the demo centre."""
    from app.services.context import Context
    from app.store.engine import Store

    s = Store(demo_url)
    yield Context(s)
    s.dispose()


@pytest.fixture()
def hall_ctx(demo_ctx):  # type: ignore[no-untyped-def]
    """The demo centre on a clock that starts Monday 30/11/2026 08:00 (Hà Nội) and ticks one second per reading;
    tests move it through ctx.extra["clock"][0]."""
    from datetime import datetime, timedelta, timezone

    clock = [datetime(2026, 11, 30, 1, 0, tzinfo=timezone.utc)]

    def tick() -> datetime:
        clock[0] += timedelta(seconds=1)
        return clock[0]

    demo_ctx.clock = tick
    demo_ctx.extra["clock"] = clock
    return demo_ctx
