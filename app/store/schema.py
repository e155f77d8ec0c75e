"""The schema revision the code expects, checked cheaply (one query, no Alembic import) on every CLI command."""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from app.store.engine import Store
from app.store.revision import SCHEMA_HEAD

__all__ = ["SCHEMA_HEAD", "is_current", "stored_revision"]


def stored_revision(store: Store) -> str | None:
    """The revision recorded in the database (None for an empty database). A server that cannot be reached is
    `StoreUnavailable` (the store's unit of work translates it), so a station can switch to offline work."""
    with store.read() as session:
        try:
            return session.connection().execute(text("SELECT version_num FROM alembic_version")).scalar_one_or_none()
        except DBAPIError as exc:
            if "alembic_version" in str(exc.orig):  # no such table: never migrated
                return None
            raise


def is_current(store: Store) -> bool:
    """Whether the database is at the schema this code expects."""
    return stored_revision(store) == SCHEMA_HEAD
