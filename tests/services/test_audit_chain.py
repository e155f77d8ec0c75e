"""Append-only, hash-chained history (issue 12 point 3): the triggers refuse UPDATE/DELETE even for the owner,
every row is chained per (table, writer, day), and `audit.verify` names each row changed, removed or inserted out of
chain when the triggers are bypassed (on PostgreSQL `session_replication_role = replica` as the owner, on SQLite
the trigger dropped)."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from app.services import audit, queue
from app.services.context import Actor, Context
from app.store import chain

DAY = date(2026, 11, 30)


def _history(ctx: Context) -> None:
    """Tickets from two stations and the CLI, one ticket called: three writers' chains of ticket events."""
    stations = [uuid.uuid4(), uuid.uuid4(), None]
    for i in range(6):
        ctx.station_id = stations[i % 3]
        queue.issue_ticket(ctx, "DD")
    ctx.station_id = stations[0]
    queue.call_next(ctx, Actor.maintenance(ctx), 1)


@contextmanager
def _bypassed(ctx: Context) -> Iterator[object]:
    """A connection of the owner with the history triggers off: what someone holding the owner's password can do."""
    with ctx.store.engine.begin() as conn, chain.triggers_off(conn):
        yield conn


def _rows(ctx: Context) -> list[tuple[str, str, int, str]]:
    with ctx.store.engine.connect() as conn:
        return [(str(i), str(w), int(n), str(h)) for i, w, n, h in conn.execute(text(
            "SELECT id, writer, chain_seq, row_hash FROM ticket_events ORDER BY writer, chain_seq"))]


def test_rows_are_chained_per_writer_and_day_and_verify_passes(hall_ctx: Context) -> None:
    _history(hall_ctx)
    rows = _rows(hall_ctx)
    assert len(rows) == 7  # six issued, one called
    writers = {w for _, w, _, _ in rows}
    assert len(writers) == 3 and chain.CLI_WRITER in writers
    for writer in writers:
        assert [n for _, w, n, _ in rows if w == writer] == list(range(1, 1 + sum(w == writer for _, w, _, _ in rows)))
    assert all(len(h) == 64 for *_, h in rows)
    result = audit.verify(hall_ctx)
    with hall_ctx.store.engine.connect() as conn:  # the demo's set-up wrote audit events (one chain: the CLI's)
        audited = conn.execute(text("SELECT count(*) FROM audit_events")).scalar_one()
    assert audited > 0
    assert result.intact and result.rows == 7 + audited and result.chains == 3 + 1


@pytest.mark.parametrize("statement", ["UPDATE ticket_events SET reason = 'sửa'", "DELETE FROM ticket_events",
                                       "UPDATE ticket_events SET row_hash = NULL"])
def test_the_owner_cannot_update_or_delete_history(hall_ctx: Context, statement: str) -> None:
    _history(hall_ctx)
    with pytest.raises(DBAPIError, match="append-only"):
        with hall_ctx.store.engine.begin() as conn:
            conn.execute(text(statement))
    assert len(_rows(hall_ctx)) == 7 and audit.verify(hall_ctx).intact


def test_a_unit_of_work_gets_one_vietnamese_error_not_a_driver_error(hall_ctx: Context) -> None:
    from app.store.engine import HistoryIsAppendOnly

    _history(hall_ctx)
    with pytest.raises(HistoryIsAppendOnly, match="chỉ được ghi thêm"):
        with hall_ctx.store.write() as s:
            s.execute(text("DELETE FROM ticket_events"))
    assert len(_rows(hall_ctx)) == 7


def _named(result: audit.Verification) -> set[tuple[str, str | None, int | None]]:
    return {(f.problem, f.row_id, f.place) for f in result.findings}


def _uuid_sql(ctx: Context, row_id: str) -> str:
    return row_id if ctx.store.backend == "postgresql" else uuid.UUID(row_id).hex


def test_verify_names_a_row_edited_with_the_triggers_bypassed(hall_ctx: Context) -> None:
    _history(hall_ctx)
    row_id, writer, place, _ = _rows(hall_ctx)[1]
    with _bypassed(hall_ctx) as conn:
        conn.execute(text("UPDATE ticket_events SET reason = 'đã sửa' WHERE id = :i"),  # type: ignore[attr-defined]
                     {"i": _uuid_sql(hall_ctx, row_id)})
    result = audit.verify(hall_ctx)
    assert not result.intact
    assert _named(result) == {("changed", str(uuid.UUID(row_id)) if hall_ctx.store.backend == "postgresql"
                               else _rows(hall_ctx)[1][0], place)}
    assert "nội dung đã bị sửa" in result.findings[0].line() and writer in result.findings[0].line()


def test_verify_names_rows_removed_inside_and_at_the_end_of_a_chain(hall_ctx: Context) -> None:
    _history(hall_ctx)
    rows = _rows(hall_ctx)
    writer = max({r[1] for r in rows}, key=lambda w: sum(r[1] == w for r in rows))
    chain_rows = [r for r in rows if r[1] == writer]
    assert len(chain_rows) >= 3
    with _bypassed(hall_ctx) as conn:
        for victim in (chain_rows[0], chain_rows[-1]):
            conn.execute(text("DELETE FROM ticket_events WHERE id = :i"),  # type: ignore[attr-defined]
                         {"i": _uuid_sql(hall_ctx, victim[0])})
    result = audit.verify(hall_ctx)
    assert {(f.problem, f.writer, f.place) for f in result.findings} == {
        ("removed", writer, 1), ("removed", writer, chain_rows[-1][2])}


def test_verify_names_a_forged_row_inserted_out_of_chain(hall_ctx: Context) -> None:
    _history(hall_ctx)
    template = _rows(hall_ctx)[0]
    forged = uuid.uuid4()
    with _bypassed(hall_ctx) as conn:
        ticket = conn.execute(text("SELECT ticket_id FROM ticket_events WHERE id = :i"),  # type: ignore[attr-defined]
                              {"i": _uuid_sql(hall_ctx, template[0])}).scalar_one()
        at = "2026-11-30 01:30:00.000000" if hall_ctx.store.backend == "sqlite" else "2026-11-30 01:30:00+00"
        conn.execute(text(  # type: ignore[attr-defined]
            "INSERT INTO ticket_events (id, ticket_id, kind, at, to_status) "
            "VALUES (:i, :t, 'cancelled', :at, 'cancelled')"),
                     {"i": forged if hall_ctx.store.backend == "postgresql" else forged.hex, "t": ticket, "at": at})
        # a subtler forger copies a real row's place and writer with a made-up hash
        twin = uuid.uuid4()
        conn.execute(text(  # type: ignore[attr-defined]
            "INSERT INTO ticket_events (id, ticket_id, kind, at, to_status, writer, chain_day, chain_seq, row_hash) "
            "VALUES (:i, :t, 'cancelled', :at, 'cancelled', :w, :d, :n, :h)"),
                     {"i": twin if hall_ctx.store.backend == "postgresql" else twin.hex, "t": ticket, "at": at,
                      "w": template[1], "d": DAY, "n": template[2], "h": "0" * 64})
    result = audit.verify(hall_ctx, DAY, DAY)
    names = {(f.problem, f.row_id) for f in result.findings}
    assert names == {("inserted", str(forged) if hall_ctx.store.backend == "postgresql" else forged.hex),
                     ("inserted", str(twin) if hall_ctx.store.backend == "postgresql" else twin.hex)}


def test_the_cli_exits_1_naming_the_edited_row_and_0_on_intact_history(hall_ctx: Context) -> None:
    import subprocess
    import sys

    _history(hall_ctx)

    def verify_cli(*extra: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "app", "--db", hall_ctx.store.url, *extra, "audit", "verify"],
                              capture_output=True, text=True, timeout=120)

    intact = verify_cli()
    assert intact.returncode == 0 and intact.stdout.startswith("Lịch sử nguyên vẹn:"), intact.stderr
    row_id = _rows(hall_ctx)[0][0]
    with _bypassed(hall_ctx) as conn:
        conn.execute(text("UPDATE ticket_events SET kind = 'cancelled' WHERE id = :i"),  # type: ignore[attr-defined]
                     {"i": _uuid_sql(hall_ctx, row_id)})
    broken = verify_cli()
    assert broken.returncode == 1 and "Traceback" not in broken.stderr
    assert "Lịch sử KHÔNG nguyên vẹn: 1 dòng" in broken.stdout
    assert f"ticket_events dòng {row_id}" in broken.stdout and "nội dung đã bị sửa" in broken.stdout
    as_json = __import__("json").loads(verify_cli("--json").stdout)
    assert as_json["intact"] is False and [f["problem"] for f in as_json["findings"]] == ["changed"]
