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
