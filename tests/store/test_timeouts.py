"""PostgreSQL connections never wait without end: statement, lock and idle-in-transaction timeouts and TCP
keepalives are set on every connection, a row held by another station gives a clear "busy" message within the
lock timeout, and a session left idle inside a transaction is ended by the server, its locks released."""

from __future__ import annotations

import socket
import time
from collections.abc import Iterator
from datetime import date

import psycopg
import pytest
from sqlalchemy import select, text
from sqlalchemy.engine import make_url

from app.domain.dossier import IntakeDraft
from app.services import dossiers, queue
from app.services.context import Actor, Context
from app.store.engine import PgTimeouts, Store, StoreBusy, StoreUnavailable, allow_long_work
from app.store.models import Service
from app.store.sequences import allocate


@pytest.fixture()
def pg_demo(postgres_available, store_factories) -> str:  # type: ignore[no-untyped-def]
    """A demo-seeded PostgreSQL database."""
    return str(store_factories["postgresql"].url("demo"))


@pytest.fixture()
def other_station(pg_demo: str) -> Iterator[psycopg.Connection]:
    """A second connection, as another station would hold one (plain psycopg, no timeouts of ours)."""
    u = make_url(pg_demo)
    with psycopg.connect(host=u.host, port=u.port or 5432, user=u.username, dbname=u.database,
                         password=u.password) as conn:
        yield conn


def _draft() -> IntakeDraft:
    return IntakeDraft(applicant_name="Nguyễn Thị Ánh Tuyết", id_number="001185012345", phone="0912345678",
                       address="Tân Phong, Lai Châu", birth_year=1985, sex="female")


def test_every_connection_carries_the_timeouts_and_keepalives(pg_demo: str) -> None:
    store = Store(pg_demo)
    try:
        with store.read() as s:
            shown = {name: s.execute(text(f"SHOW {name}")).scalar_one()
                     for name in ("statement_timeout", "lock_timeout", "idle_in_transaction_session_timeout")}
            dbapi = s.connection().connection.dbapi_connection
            assert dbapi is not None
            sock = socket.fromfd(dbapi.pgconn.socket, socket.AF_INET, socket.SOCK_STREAM)  # a duplicate
            try:
                tcp = {"keepalive": sock.getsockopt(socket.SOL_SOCKET, socket.SO_KEEPALIVE),
                       "idle": sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_KEEPIDLE),
                       "interval": sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_KEEPINTVL),
                       "count": sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_KEEPCNT),
                       "user_timeout_ms": sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_USER_TIMEOUT)}
            finally:
                sock.close()
        assert shown == {"statement_timeout": "5s", "lock_timeout": "3s",
                         "idle_in_transaction_session_timeout": "5s"}
        assert tcp == {"keepalive": 1, "idle": 2, "interval": 1, "count": 3, "user_timeout_ms": 5000}
        with store.write() as s:  # a report or an import raises the limits for its own transaction only
            allow_long_work(s, 120)
            assert s.execute(text("SHOW statement_timeout")).scalar_one() == "2min"
            assert s.execute(text("SHOW idle_in_transaction_session_timeout")).scalar_one() == "2min"
            assert s.execute(text("SHOW lock_timeout")).scalar_one() == "3s"
        with store.read() as s:
            assert s.execute(text("SHOW statement_timeout")).scalar_one() == "5s"
    finally:
        store.dispose()


def test_options_of_the_url_still_apply_after_ours(pg_demo: str) -> None:
    store = Store(make_url(pg_demo).update_query_dict({"options": "-c lock_timeout=7000"})
                  .render_as_string(hide_password=False))
    try:
        with store.read() as s:
            assert s.execute(text("SHOW lock_timeout")).scalar_one() == "7s"
            assert s.execute(text("SHOW statement_timeout")).scalar_one() == "5s"
    finally:
        store.dispose()


def test_a_reception_behind_a_held_agency_sequence_says_busy_within_the_lock_timeout(
        pg_demo: str, other_station: psycopg.Connection) -> None:
    ctx = Context(Store(pg_demo, timeouts=PgTimeouts(lock_ms=800)))
    pid = dossiers.procedure_id_by_code(ctx, "DEMO.SXD.004")
    first = dossiers.receive_dossier(ctx, Actor.maintenance(ctx), pid, _draft())  # the agency's sequence row exists
    other_station.execute("SELECT value FROM sequences WHERE kind = 'dossier' AND scope = %s FOR UPDATE",
                          (f"agency:{first.agency_id}",))  # the other station stopped inside its transaction
    started = time.monotonic()
    with pytest.raises(StoreBusy) as busy:
        dossiers.receive_dossier(ctx, Actor.maintenance(ctx), pid, _draft())
    waited = time.monotonic() - started
    assert str(busy.value) == ("Hệ thống đang bận: một máy khác đang giữ dữ liệu này quá 0,8 giây. "
                               "Vui lòng thử lại sau giây lát")
    assert 0.8 <= waited < 30, "it waited for the lock timeout, then gave up (not for as long as the holder)"
    other_station.rollback()
    again = dossiers.receive_dossier(ctx, Actor.maintenance(ctx), pid, _draft())
    assert again.code.endswith("-0002")  # nothing burnt by the refused attempt
    ctx.store.dispose()


def test_a_ticket_behind_a_held_service_sequence_says_busy(pg_demo: str, other_station: psycopg.Connection) -> None:
    ctx = Context(Store(pg_demo, timeouts=PgTimeouts(lock_ms=500)))
    first = queue.issue_ticket(ctx, "DD")
    with ctx.store.read() as s:
        service_id = s.scalar(select(Service.id).where(Service.code == "DD"))
    other_station.execute("SELECT value FROM sequences WHERE kind = 'ticket' AND scope = %s FOR UPDATE",
                          (f"service:{service_id}",))
    with pytest.raises(StoreBusy, match="đang bận"):
        queue.issue_ticket(ctx, "DD")
    other_station.rollback()
    assert queue.issue_ticket(ctx, "DD").number == first.number + 1  # no number burnt by the refused one
    ctx.store.dispose()


def test_a_session_idle_in_a_transaction_is_ended_and_its_lock_released(pg_demo: str) -> None:
    stalled = Store(pg_demo, timeouts=PgTimeouts(idle_in_transaction_ms=500))
    other = Store(pg_demo, timeouts=PgTimeouts(lock_ms=3000))
    day = date(2026, 12, 1)
    try:
        with pytest.raises(StoreUnavailable, match="ngắt phiên làm việc vì bị treo giữa chừng quá 0,5 giây"):
            with stalled.write() as s:
                assert allocate(s, "dossier", "agency:held", day) == 1  # the row is locked …
                pid = s.execute(text("SELECT pg_backend_pid()")).scalar_one()
                time.sleep(2.0)  # … and the station hangs inside its transaction
                with other.write() as o:  # the server ended that session: the row is free, no lock wait
                    started = time.monotonic()
                    assert allocate(o, "dossier", "agency:held", day) == 1  # the stalled one was rolled back
                    assert time.monotonic() - started < 2.5, "got the row without waiting out the lock timeout"
                    alive = o.execute(text("SELECT count(*) FROM pg_stat_activity WHERE pid = :pid"),
                                      {"pid": pid}).scalar_one()
                    assert alive == 0
                s.execute(text("SELECT 1"))  # the stalled station's next statement learns it plainly
    finally:
        stalled.dispose()
        other.dispose()


def test_a_statement_over_the_limit_is_reported_plainly(pg_demo: str) -> None:
    store = Store(pg_demo, timeouts=PgTimeouts(statement_ms=300))
    try:
        with pytest.raises(StoreUnavailable, match="không trả lời trong 0,3 giây"):
            with store.read() as s:
                s.execute(text("SELECT pg_sleep(2)"))
        with store.read() as s:  # the connection is still good
            assert s.execute(text("SELECT 1")).scalar_one() == 1
    finally:
        store.dispose()
