"""«Kiểm tra kết nối» against the real PostgreSQL and real SQLite files: each failure named plainly."""

from __future__ import annotations

import socket
import uuid
from pathlib import Path

import psycopg
import psycopg.errors
import pytest
from sqlalchemy.engine import make_url
from sqlalchemy.exc import OperationalError

from app.services.connection_check import Problem, ServerTarget, check_embedded, check_server, classify
from app.store import migrate
from app.store.engine import Store
from tests.conftest import PG_ADMIN_URL, pg_execute


def _target(database: str = "postgres", user: str | None = None, port: int | None = None) -> ServerTarget:
    u = make_url(PG_ADMIN_URL)
    return ServerTarget(u.host or "127.0.0.1", port or u.port or 5432, database, user or u.username or "postgres")


def _free_port() -> int:
    """A local port nothing listens on (bound, then released)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_nothing_listening_is_refused() -> None:
    report = check_server(ServerTarget("127.0.0.1", _free_port(), "motcua", "motcua_counter"), "secret")
    assert not report.ok and report.problem is Problem.REFUSED
    assert "từ chối kết nối" in report.message and "sai cổng" in report.message


def test_a_database_that_does_not_exist(postgres_available: None) -> None:
    name = f"motcua_t_nope_{uuid.uuid4().hex[:8]}"
    report = check_server(_target(name), None)
    assert report.problem is Problem.NO_DATABASE
    assert report.message == f"Máy chủ {_target().where} không có cơ sở dữ liệu «{name}»."


def test_a_role_that_does_not_exist_is_refused(postgres_available: None) -> None:
    user = f"motcua_t_{uuid.uuid4().hex[:8]}"
    report = check_server(_target(user=user), "secret")
    assert report.problem is Problem.ROLE_REFUSED and f"«{user}»" in report.message


def test_a_fresh_empty_database_is_not_at_head(postgres_available: None, store_factories) -> None:  # type: ignore[no-untyped-def]
    url = store_factories["postgresql"].empty_url()
    report = check_server(ServerTarget.from_url(url), None)
    assert not report.ok and report.problem is Problem.SCHEMA_EMPTY
    assert "motcua db upgrade" in report.message


def test_an_older_schema_is_behind_and_a_migrated_one_is_ok(postgres_available: None,
                                                            store_factories) -> None:  # type: ignore[no-untyped-def]
    url = store_factories["postgresql"].url("migrated")
    ok = check_server(ServerTarget.from_url(url), None)
    assert ok.ok and ok.problem is None and ok.revision == migrate.head_revision()
    assert "lược đồ ở bản mới nhất" in ok.message
    history = migrate.revision_history()
    if len(history) < 2:
        pytest.skip("only one migration: no older schema to try")
    store = Store(url)
    try:
        migrate.downgrade(store, history[1][0])
    finally:
        store.dispose()
    behind = check_server(ServerTarget.from_url(url), None)
    assert behind.problem is Problem.SCHEMA_BEHIND and history[1][0] in behind.message


def _hba_trusts_local_tcp() -> bool:
    """Whether the server lets any TCP client on 127.0.0.1 in without a password (pg_hba 'trust')."""
    u = make_url(PG_ADMIN_URL)
    with psycopg.connect(host=u.host, port=u.port or 5432, user=u.username, dbname=u.database,
                         password=u.password) as conn:
        rows = conn.execute("SELECT address, auth_method FROM pg_hba_file_rules WHERE type LIKE 'host%'").fetchall()
    return any(method == "trust" and (address in ("127.0.0.1", "all", "samehost") or address is None)
               for address, method in rows)


def test_wrong_password_of_a_real_role(postgres_available: None) -> None:
    """A throwaway role with a password; where pg_hba trusts 127.0.0.1 the server never asks for it, so the
    wrong password cannot fail there (the classification of SQLSTATE 28P01 is tested below on psycopg's class)."""
    role = f"motcua_t_{uuid.uuid4().hex[:10]}"
    pg_execute(f"CREATE ROLE \"{role}\" LOGIN PASSWORD 'dung-mat-khau'")
    try:
        report = check_server(_target(user=role), "sai-mat-khau")
        if report.problem is not Problem.WRONG_PASSWORD and _hba_trusts_local_tcp():
            assert report.problem is Problem.SCHEMA_EMPTY  # trust let it in: the postgres database has no schema
            pytest.skip("pg_hba.conf trusts 127.0.0.1: the server accepts any password, 28P01 cannot happen here")
        assert report.problem is Problem.WRONG_PASSWORD
        assert report.message == f"Sai mật khẩu của người dùng «{role}» trên máy chủ {_target().where}."
    finally:
        pg_execute(f'DROP ROLE IF EXISTS "{role}"')


@pytest.mark.parametrize(("error", "problem"), [
    (psycopg.errors.InvalidPassword("FATAL: password authentication failed"), Problem.WRONG_PASSWORD),
    (psycopg.errors.InvalidAuthorizationSpecification("FATAL: role refused"), Problem.ROLE_REFUSED),
    (psycopg.errors.InvalidCatalogName("FATAL: no such database"), Problem.NO_DATABASE),
])
def test_sqlstates_are_classified_also_inside_sqlalchemy_errors(error: psycopg.Error, problem: Problem) -> None:
    assert classify(error) is problem
    assert classify(OperationalError("connect", {}, error)) is problem


@pytest.mark.parametrize(("text", "problem"), [
    ('connection to server at "10.0.0.2", port 5432 failed: FATAL:  password authentication failed for user "a"',
     Problem.WRONG_PASSWORD),
    ('connection to server at "10.0.0.2", port 5432 failed: fe_sendauth: no password supplied',
     Problem.PASSWORD_MISSING),
    ('connection to server at "10.0.0.2", port 5432 failed: FATAL:  no pg_hba.conf entry for host "10.0.0.9"',
     Problem.ROLE_REFUSED),
    ('connection to server at "10.0.0.2", port 5432 failed: timeout expired', Problem.TIMEOUT),
    ('connection to server at "10.0.0.2", port 5432 failed: No route to host', Problem.NO_ROUTE),
    ('connection to server at "10.0.0.2", port 5432 failed: Network is unreachable', Problem.NO_ROUTE),
    ("failed to resolve host 'may-chu': [Errno -2] Name or service not known", Problem.UNKNOWN_HOST),
    ('connection to server at "10.0.0.2", port 5432 failed: Connection refused (0x0000274D/10061)',
     Problem.REFUSED),
    ("server closed the connection unexpectedly", Problem.OTHER),
])
def test_libpq_messages_without_sqlstate(text: str, problem: Problem) -> None:
    """psycopg has no SQLSTATE for a failure during the handshake: libpq's words are all there is."""
    assert classify(psycopg.OperationalError(text)) is problem


def test_every_problem_reads_as_vietnamese_naming_the_server() -> None:
    from app.services.connection_check import describe

    target = ServerTarget("10.0.0.2", 5432, "motcua", "motcua_counter")
    for problem in Problem:
        message = describe(problem, target, "boom")
        assert "10.0.0.2" in message


def test_embedded_file_missing_is_not_created(tmp_path: Path) -> None:
    path = tmp_path / "motcua.sqlite3"
    report = check_embedded(path)
    assert report.problem is Problem.NO_FILE and "motcua db upgrade" in report.message
    assert not path.exists()


def test_embedded_file_empty_then_migrated(tmp_path: Path) -> None:
    path = tmp_path / "motcua.sqlite3"
    store = Store(f"sqlite:///{path}")
    with store.engine.connect():
        pass
    assert check_embedded(path).problem is Problem.SCHEMA_EMPTY
    migrate.upgrade(store)
    store.dispose()
    report = check_embedded(path)
    assert report.ok and report.revision == migrate.head_revision()


def test_embedded_file_that_is_not_a_database(tmp_path: Path) -> None:
    path = tmp_path / "motcua.sqlite3"
    path.write_bytes(b"this is not a database file, just some text" * 100)
    report = check_embedded(path)
    assert report.problem is Problem.OTHER and "Không đọc được" in report.message
