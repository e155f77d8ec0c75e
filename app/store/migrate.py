"""Schema migrations through Alembic (`migrations/`, installed as app.migrations), with a SQLite backup before upgrading."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy.engine import make_url

from app.resources import migrations_dir
from app.store.engine import Store, allow_long_work, create_private_file

MIGRATION_S = 3600


def _config(store: Store) -> Config:
    """Alembic configuration built in code (no alembic.ini needed at run time)."""
    cfg = Config()
    cfg.set_main_option("script_location", str(migrations_dir()))
    cfg.set_main_option("sqlalchemy.url", store.url.replace("%", "%%"))
    return cfg


def head_revision() -> str:
    """The newest revision of the migration scripts."""
    script = ScriptDirectory(str(migrations_dir()))
    head = script.get_current_head()
    assert head is not None, "migrations/ has no revision"
    return head


def revision_history() -> list[tuple[str, str | None]]:
    """(revision, down_revision) of every script, newest first."""
    script = ScriptDirectory(str(migrations_dir()))
    return [(s.revision, s.down_revision if isinstance(s.down_revision, str) or s.down_revision is None
             else ",".join(s.down_revision)) for s in script.walk_revisions()]


def current_revision(store: Store) -> str | None:
    """The revision the database is at (None for an empty database)."""
    with store.engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def is_current(store: Store) -> bool:
    """Whether the database schema is at head."""
    return current_revision(store) == head_revision()


def upgrade(store: Store, target: str = "head") -> Path | None:
    """Bring the schema to `target`; a non-empty SQLite file is backed up first (its path is returned)."""
    backup = None
    if current_revision(store) != head_revision():
        backup = backup_sqlite(store)
    _run(store, "upgrade", target)
    return backup


def downgrade(store: Store, target: str) -> None:
    """Take the schema back to `target` ('base' drops everything)."""
    _run(store, "downgrade", target)


def _run(store: Store, action: str, target: str) -> None:
    """Run an Alembic command on one connection, in one transaction."""
    cfg = _config(store)
    with store.engine.begin() as conn:
        allow_long_work(conn, MIGRATION_S)  # an index over millions of rows takes more than a station's 5 s
        cfg.attributes["connection"] = conn
        getattr(command, action)(cfg, target)


def backup_sqlite(store: Store) -> Path | None:
    """Copy a SQLite database that has data to `<file>.bak-<revision>-<time>` with SQLite's backup API."""
    url = make_url(store.url)
    if url.get_backend_name() != "sqlite" or not url.database or url.database == ":memory:":
        return None
    source = Path(url.database)
    if not source.exists() or source.stat().st_size == 0 or current_revision(store) is None:
        return None
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = source.with_name(f"{source.name}.bak-{current_revision(store)}-{stamp}")
    create_private_file(target)  # a copy of citizens' data: 0600 like the store
    with sqlite3.connect(source) as src, sqlite3.connect(target) as dst:
        src.backup(dst)
    return target
