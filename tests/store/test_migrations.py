"""Migrations: linear history, up/down/up on both backends, models match the scripts, SQLite backup, db check."""

from __future__ import annotations

import re
from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect, text

from app.store import migrate
from app.store.engine import Store
from app.store.models import Base


def test_history_is_linear_with_date_prefixed_revisions() -> None:
    history = migrate.revision_history()
    revisions = [r for r, _ in history]
    assert len(set(revisions)) == len(revisions)
    downs = [d for _, d in history]
    assert downs.count(None) == 1, "exactly one base"
    assert all(d is None or "," not in d for d in downs), "no merge revisions"
    # each revision is the down revision of at most one other: a single chain
    assert len([d for d in downs if d]) == len(set(d for d in downs if d))
    assert history[0][0] == migrate.head_revision()
    assert all(re.fullmatch(r"\d{8}_\d{4}", r) for r in revisions)
    files = sorted(p.name for p in (migrate.migrations_dir() / "versions").glob("2*.py"))
    assert [f[:13] for f in files] == sorted(revisions)


def test_schema_head_constant_matches_the_scripts(store: Store) -> None:
    from app.store import schema

    assert schema.SCHEMA_HEAD == migrate.head_revision()
    assert schema.stored_revision(store) == schema.SCHEMA_HEAD and schema.is_current(store)


def test_upgrade_downgrade_upgrade(backend: str, store_factories) -> None:  # type: ignore[no-untyped-def]
    store = Store(store_factories[backend].empty_url())
    try:
        assert migrate.current_revision(store) is None
        from app.store import schema

        assert schema.stored_revision(store) is None
        migrate.upgrade(store)
        assert migrate.is_current(store)
        assert "dossiers" in inspect(store.engine).get_table_names()
        migrate.downgrade(store, "base")
        assert migrate.current_revision(store) is None
        assert set(inspect(store.engine).get_table_names()) <= {"alembic_version"}
        migrate.upgrade(store)
        assert migrate.current_revision(store) == migrate.head_revision()
    finally:
        store.dispose()


def test_models_match_migrations(store: Store) -> None:
    with store.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn, opts={"compare_type": True}), Base.metadata)
    assert diff == [], f"models and migrations differ: {diff}"


def test_sqlite_is_backed_up_before_upgrade(tmp_path: Path) -> None:
    db = tmp_path / "centre.sqlite3"
    store = Store(f"sqlite:///{db}")
    migrate.upgrade(store, "20261128_0001")
    with store.write() as s:
        s.execute(text("INSERT INTO counters (number, name, active) VALUES (7, 'Quầy số 7', 1)"))
    backup = migrate.upgrade(store)
    store.dispose()
    assert backup is not None and backup.exists()
    assert "20261128_0001" in backup.name
    copy = Store(f"sqlite:///{backup}")
    with copy.read() as s:
        assert s.execute(text("SELECT name FROM counters")).scalar_one() == "Quầy số 7"
    assert migrate.current_revision(copy) == "20261128_0001"
    copy.dispose()


def test_no_backup_when_already_current(tmp_path: Path) -> None:
    store = Store(f"sqlite:///{tmp_path / 'c.sqlite3'}")
    migrate.upgrade(store)
    assert migrate.upgrade(store) is None
    store.dispose()


def test_pause_history_and_imported_fees_are_backfilled_from_the_events(backend: str,  # type: ignore[no-untyped-def]
                                                                        store_factories) -> None:
    """20261206_0003 on a store at 0002: a resumed dossier gets its pause moment, resume moment and the due date of
    the pause from its `resumed` event; a paused one the due date in force; an imported dossier with a fee and no
    payment gets it as a payment (a counter dossier nobody paid does not); downgrade undoes it."""
    import uuid
    from datetime import UTC, datetime

    import sqlalchemy as sa

    from app.store.types import UTCDateTime

    def t(*columns: str, name: str) -> sa.TableClause:
        types = {"id": sa.Uuid(), "dossier_id": sa.Uuid(), "data": sa.JSON()}
        return sa.table(name, *(sa.column(c, types.get(c, UTCDateTime() if c.endswith("_at") or c == "at"
                                                      else None)) for c in columns))

    at = lambda d, h=2: datetime(2023, 11, d, h, tzinfo=UTC)  # noqa: E731
    store = Store(store_factories[backend].empty_url())
    try:
        migrate.upgrade(store, "20261128_0002")
        resumed, paused, imported, counter = (uuid.uuid4() for _ in range(4))
        base = {"agency_id": 1, "procedure_id": 1, "channel": "direct", "applicant_kind": "person",
                "applicant_name": "Thử", "sets": 1, "received_at": at(1), "result_by_post": False,
                "rule_set": "x", "supplement_requests": 0, "apologies": 0, "paused_at": None}
        dossiers = t("id", "code", "agency_id", "procedure_id", "channel", "applicant_kind", "applicant_name", "sets",
                     "received_at", "status", "result_by_post", "fee_vnd", "rule_set", "supplement_requests",
                     "apologies", "due_at", "original_due_at", "paused_at", name="dossiers")
        events = t("id", "dossier_id", "kind", "at", "data", name="dossier_events")
        with store.engine.begin() as conn:
            conn.execute(sa.text("INSERT INTO agencies (id, key, name, identifier, kind, sort_order, active) "
                                 "VALUES (1, 'A', 'Sở A', '000.00.01.H99', 'department', 0, TRUE)"))
            conn.execute(sa.text("INSERT INTO procedures (id, code, name, agency_id, processing_value, "
                                 "processing_unit, supplement_policy, fee_vnd, on_the_spot, postal_allowed, active, "
                                 "sort_order) VALUES (1, 'P', 'Thủ tục', 1, 5, 'working_days', 'pause', 10000, "
                                 "FALSE, FALSE, TRUE, 0)"))
            conn.execute(sa.insert(dossiers), [
                base | {"id": resumed, "code": "R", "status": "processing", "fee_vnd": 10000, "due_at": at(20, 10),
                        "original_due_at": at(20, 10)},
                base | {"id": paused, "code": "P", "status": "paused", "fee_vnd": 0, "due_at": at(8, 10),
                        "original_due_at": at(7, 10), "paused_at": at(3)},
                base | {"id": imported, "code": "I", "status": "received", "fee_vnd": 25000, "due_at": at(8, 10),
                        "original_due_at": at(8, 10)},
                base | {"id": counter, "code": "C", "status": "received", "fee_vnd": 10000, "due_at": at(8, 10),
                        "original_due_at": at(8, 10)}])
            conn.execute(sa.insert(events), [
                {"id": uuid.uuid4(), "dossier_id": resumed, "kind": "supplement_requested", "at": at(2), "data": {}},
                {"id": uuid.uuid4(), "dossier_id": resumed, "kind": "resumed", "at": at(9),
                 "data": {"policy": "pause", "paused_at": "2023-11-02T09:00:00+07:00",
                          "previous_due": "2023-11-08T17:00:00+07:00",
                          "previous_original_due": "2023-11-07T17:00:00+07:00"}},
                {"id": uuid.uuid4(), "dossier_id": imported, "kind": "received", "at": at(1),
                 "data": {"n": 1, "source": "import", "line": 2}},
                {"id": uuid.uuid4(), "dossier_id": counter, "kind": "received", "at": at(1), "data": {"n": 1}}])
        migrate.upgrade(store)
        with store.engine.connect() as conn:
            rows = {r.code: r for r in conn.execute(sa.select(
                t("code", "paused_at", "resumed_at", "paused_due_at", name="dossiers")))}
            paid = conn.execute(sa.select(t("dossier_id", "amount_vnd", "method", "paid_at", name="payments"))).all()
        assert (rows["R"].paused_at, rows["R"].resumed_at, rows["R"].paused_due_at) == (at(2), at(9), at(7, 10))
        assert (rows["P"].paused_at, rows["P"].resumed_at, rows["P"].paused_due_at) == (at(3), None, at(7, 10))
        assert rows["I"].paused_due_at is None and rows["C"].paused_due_at is None
        assert [(p.dossier_id, p.amount_vnd, p.method, p.paid_at) for p in paid] == [(imported, 25000, "import", at(1))]
        migrate.downgrade(store, "20261128_0002")
        with store.engine.connect() as conn:
            assert conn.execute(sa.text("SELECT count(*) FROM payments")).scalar_one() == 0
            assert conn.execute(sa.text("SELECT paused_at FROM dossiers WHERE code = 'R'")).scalar_one() is None
    finally:
        store.dispose()
