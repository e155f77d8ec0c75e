"""The fast `ticket issue` path (sqlite3, no SQLAlchemy) stores what the ORM path stores, shares its numbering
under concurrency, and `motcua ticket issue` on SQLite takes it without importing SQLAlchemy."""

from __future__ import annotations

import json
import multiprocessing as mp
import os
import sqlite3
import subprocess
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from app.domain.errors import NotFound
from app.domain.queue import QueueError
from app.services import accounts, queue, ticket_issue
from app.services.context import Context
from app.store import lean_sqlite
from app.store.engine import Store

MONDAY_0800 = datetime(2026, 11, 30, 1, 0, tzinfo=timezone.utc)
VARYING = {"id", "seq", "number", "display_number", "ticket_id", "issued_at", "at", "chain_seq", "row_hash"}


@pytest.fixture()
def sqlite_demo(store_factories: dict) -> tuple[Path, Context]:  # type: ignore[type-arg]
    """A fresh demo centre on SQLite: its file, and a service context on it."""
    url = store_factories["sqlite"].url("demo")
    store = Store(url)
    yield lean_sqlite.sqlite_file(url), Context(store)  # type: ignore[misc]
    store.dispose()


def _raw_rows(path: Path, table: str, where: str, value: str) -> list[dict[str, object]]:
    conn = sqlite3.connect(path)
    conn.row_factory = sqlite3.Row
    try:
        return [dict(r) for r in conn.execute(f"SELECT * FROM {table} WHERE {where} = ?", (value,))]
    finally:
        conn.close()


def _shape(row: dict[str, object]) -> dict[str, object]:
    """A row with the values that differ between two tickets replaced by their type and textual form."""
    return {k: (type(v).__name__, len(str(v))) if k in VARYING else v for k, v in row.items()}


def test_the_lean_path_stores_exactly_what_the_orm_path_stores(sqlite_demo) -> None:  # type: ignore[no-untyped-def]
    path, ctx = sqlite_demo
    ctx.clock = lambda: MONDAY_0800
    orm = queue.issue_ticket(ctx, "DD", "elderly")
    lean = ticket_issue.issue_ticket_lean(path, "dd", "elderly", now=MONDAY_0800 + timedelta(seconds=5))
    assert (orm.display_number, lean.display_number) == ("1001", "1002")
    assert (lean.service_code, lean.service_name, lean.status, lean.people_ahead) == \
        (orm.service_code, orm.service_name, "waiting", 1)
    orm_row = _raw_rows(path, "tickets", "id", orm.id.hex)[0]
    lean_row = _raw_rows(path, "tickets", "id", lean.id.hex)[0]
    assert _shape(lean_row) == _shape(orm_row)
    assert lean_row["issued_at"] == "2026-11-30 01:00:05.000000" == \
        orm_row["issued_at"].replace("01:00:00", "01:00:05")  # type: ignore[union-attr]
    orm_events = _raw_rows(path, "ticket_events", "ticket_id", orm.id.hex)
    lean_events = _raw_rows(path, "ticket_events", "ticket_id", lean.id.hex)
    assert [_shape(e) for e in lean_events] == [_shape(e) for e in orm_events]
    assert [e["chain_seq"] for e in orm_events + lean_events] == [1, 2]  # one chain: the same writer, the same day
    # and the ORM reads the lean ticket like any other: in the queue, called in its turn
    again = queue.ticket_view(ctx, lean.id)
    assert (again.display_number, again.priority_kind, again.issued_at) == \
        ("1002", "elderly", MONDAY_0800 + timedelta(seconds=5))
    me = accounts.maintenance_acting_as(ctx, "canbo01")
    assert [queue.call_next(ctx, me, 1).display_number, queue.finish(ctx, me, 1).display_number,  # type: ignore[union-attr]
            queue.call_next(ctx, me, 1).display_number] == ["1001", "1001", "1002"]  # type: ignore[union-attr]


def test_the_lean_path_refuses_like_the_orm_path(sqlite_demo, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path, _ctx = sqlite_demo
    with pytest.raises(NotFound, match="KHONG"):
        ticket_issue.issue_ticket_lean(path, "KHONG")
    with pytest.raises(QueueError):
        ticket_issue.issue_ticket_lean(path, "DD", "vip")
    with pytest.raises(lean_sqlite.SchemaNotCurrent):
        ticket_issue.issue_ticket_lean(tmp_path / "none.sqlite3", "DD")
    empty = tmp_path / "empty.sqlite3"
    sqlite3.connect(empty).close()
    with pytest.raises(lean_sqlite.SchemaNotCurrent):
        ticket_issue.issue_ticket_lean(empty, "DD")
    assert lean_sqlite.sqlite_file("postgresql+psycopg://u@h/db") is None
    assert lean_sqlite.sqlite_file("sqlite:///:memory:") is None


def _issue_both_ways(path: str, lean: bool, n: int, out: "mp.Queue[list[str]]") -> None:
    got = []
    if lean:
        for _ in range(n):
            got.append(ticket_issue.issue_ticket_lean(Path(path), "DD").display_number)
    else:
        store = Store(f"sqlite:///{path}")
        ctx = Context(store)
        for _ in range(n):
            got.append(queue.issue_ticket(ctx, "DD").display_number)
        store.dispose()
    out.put(got)


def test_lean_and_orm_processes_at_once_share_one_numbering(sqlite_demo) -> None:  # type: ignore[no-untyped-def]
    path, _ctx = sqlite_demo
    spawn = mp.get_context("spawn")
    out: "mp.Queue[list[str]]" = spawn.Queue()
    procs = [spawn.Process(target=_issue_both_ways, args=(str(path), lean, 20, out)) for lean in (True, True, False)]
    for p in procs:
        p.start()
    numbers = sorted(n for _ in procs for n in out.get(timeout=180))
    for p in procs:
        p.join(timeout=60)
    assert numbers == [str(1001 + i) for i in range(60)], "no number twice, none lost"


def test_motcua_ticket_issue_on_sqlite_imports_no_sqlalchemy(sqlite_demo, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path, _ctx = sqlite_demo
    env = {**os.environ, "MOTCUA_DATA_DIR": str(tmp_path), "MOTCUA_CONFIG_DIR": str(tmp_path)}
    code = ("import sys, json\nfrom app.main import main\n"
            "rc = main(sys.argv[1:])\n"
            "heavy = sorted({m.split('.')[0] for m in sys.modules} & {'sqlalchemy', 'PySide6', 'PIL', 'alembic'})\n"
            "print('HEAVY', json.dumps(heavy))\nsys.exit(rc)\n")
    db = f"sqlite:///{path}"
    done = subprocess.run([sys.executable, "-c", code, "--db", db, "--json", "ticket", "issue", "--service", "DD"],
                          capture_output=True, text=True, env=env, timeout=60)
    assert done.returncode == 0, done.stderr
    body, heavy = done.stdout.rsplit("HEAVY", 1)
    assert json.loads(heavy) == []
    assert json.loads(body)["display_number"] == "1001" and json.loads(body)["printed"] is False
    bad = subprocess.run([sys.executable, "-m", "app", "--db", db, "ticket", "issue", "--service", "KHONG"],
                         capture_output=True, text=True, env=env, timeout=60)
    assert bad.returncode == 1 and "KHONG" in bad.stderr and "Traceback" not in bad.stderr
    fresh = subprocess.run([sys.executable, "-m", "app", "--db", f"sqlite:///{tmp_path / 'new.sqlite3'}", "ticket",
                            "issue", "--service", "DD"], capture_output=True, text=True, env=env, timeout=60)
    assert fresh.returncode == 4 and "motcua db upgrade" in fresh.stderr
