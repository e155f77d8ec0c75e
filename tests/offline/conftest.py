"""Fixtures of the offline tests: a throwaway PostgreSQL server (skipped only when initdb is missing, and never
under CI=true), a migrated demo centre on it."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.services.context import Context
from tests.offline.helpers import MORNING, Clock
from bench.throwaway_pg import ThrowawayPostgres, pg_bin


@pytest.fixture(scope="session")
def throwaway_pg(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ThrowawayPostgres]:
    """A PostgreSQL server of our own for the whole run, which tests may stop and start."""
    if pg_bin() is None:
        if os.environ.get("CI") == "true":
            pytest.fail("initdb is missing: the offline tests must run under CI")
        pytest.skip("initdb is missing (PostgreSQL server binaries not installed)")
    # its own folder outside pytest's (which is private to root, and the server may run as `postgres`)
    folder = Path(tempfile.mkdtemp(prefix="motcua-pg-"))
    server = ThrowawayPostgres(folder)
    server.start()
    yield server
    try:
        server.stop("immediate")
    except subprocess.CalledProcessError:  # already stopped by a test that failed half-way
        pass
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture()
def running_pg(throwaway_pg: ThrowawayPostgres) -> Iterator[ThrowawayPostgres]:
    """The throwaway server, running when the test starts and started again after it if the test stopped it."""
    _ensure_running(throwaway_pg)
    yield throwaway_pg
    _ensure_running(throwaway_pg)


def _ensure_running(server: ThrowawayPostgres) -> None:
    import psycopg

    try:
        psycopg.connect(f"host=127.0.0.1 port={server.port} user=postgres dbname=postgres", connect_timeout=2).close()
    except psycopg.OperationalError:
        server.start()


@pytest.fixture(scope="session")
def demo_template(throwaway_pg: ThrowawayPostgres) -> str:
    """The demo centre, migrated and seeded once on the throwaway server: the template of every test's copy."""
    from app.services.context import Actor, Context
    from app.services.demo import seed_demo
    from app.store import migrate
    from app.store.engine import Store

    _ensure_running(throwaway_pg)
    name = "motcua_off_template"
    store = Store(throwaway_pg.create_database(name))
    migrate.upgrade(store)
    seed_demo(Context(store), Actor.maintenance(Context(store)))
    store.dispose()
    return name


@pytest.fixture()
def central_url(running_pg: ThrowawayPostgres, demo_template: str) -> str:
    """A fresh copy of the demo centre on the throwaway server."""
    import uuid

    return running_pg.create_database(f"motcua_off_{uuid.uuid4().hex[:10]}", template=demo_template)


@pytest.fixture()
def clock() -> Clock:
    """Monday 30/11/2026 09:00 in Hà Nội, moved by hand."""
    return Clock(MORNING)


@pytest.fixture()
def central_ctx(central_url: str, clock: Clock) -> Iterator[Context]:
    """A context on the central demo centre with the station's short timeouts and the test's clock."""
    from app.services.offline import STATION_TIMEOUTS
    from app.store.engine import Store

    store = Store(central_url, timeouts=STATION_TIMEOUTS)
    yield Context(store, clock=clock)
    store.dispose()
