"""append-only, hash-chained history; audit events

Ticket events, dossier events, payments and ratings become history nobody rewrites (issue 12): each gets its chain
fields (writer, chain_day, chain_seq, row_hash), payments and ratings the station that wrote them; a new
`audit_events` table records account, role, catalogue, calendar and settings changes; `chain_heads` keeps each
chain's last place and hash. The rows already stored are chained here (by time within each writer and day), then
the triggers are created: they chain every new row and refuse UPDATE and DELETE (app/store/chain.py,
docs/audit.md).

Revision ID: 20261207_0020
Revises: 20261206_0003
Create Date: 2026-12-07 09:00:00
"""

from __future__ import annotations

from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

from app.store import chain

revision: str = "20261207_0020"
down_revision: Union[str, None] = "20261207_0040"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

HISTORY = ("ticket_events", "dossier_events", "payments", "ratings")


def _chain_columns(table: str) -> None:
    op.add_column(table, sa.Column("writer", sa.String(length=40), nullable=True))
    op.add_column(table, sa.Column("chain_day", sa.Date(), nullable=True))
    op.add_column(table, sa.Column("chain_seq", sa.BigInteger(), nullable=True))
    op.add_column(table, sa.Column("row_hash", sa.String(length=64), nullable=True))


def upgrade() -> None:
    # plain ALTER TABLE on both backends (nullable columns; SQLite adds them in place)
    for table in HISTORY:
        _chain_columns(table)
    for table in ("payments", "ratings"):
        op.add_column(table, sa.Column("station_id", sa.Uuid(), nullable=True))
    op.create_table(
        "audit_events",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("station_id", sa.Uuid(), nullable=True),
        sa.Column("officer_id", sa.Integer(), nullable=True),
        sa.Column("actor", sa.String(length=64), nullable=False),
        sa.Column("action", sa.String(length=48), nullable=False),
        sa.Column("target", sa.String(length=300), nullable=False),
        sa.Column("before", sa.JSON(), nullable=True),
        sa.Column("after", sa.JSON(), nullable=True),
        sa.Column("writer", sa.String(length=40), nullable=True),
        sa.Column("chain_day", sa.Date(), nullable=True),
        sa.Column("chain_seq", sa.BigInteger(), nullable=True),
        sa.Column("row_hash", sa.String(length=64), nullable=True),
        sa.ForeignKeyConstraint(["officer_id"], ["officers.id"], name=op.f("fk_audit_events_officer_id_officers")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_events")),
    )
    op.create_index(op.f("ix_audit_events_at"), "audit_events", ["at"])
    op.create_table(
        "chain_heads",
        sa.Column("stream", sa.String(length=32), nullable=False),
        sa.Column("writer", sa.String(length=40), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("seq", sa.BigInteger(), nullable=False),
        sa.Column("head", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("stream", "writer", "day", name=op.f("pk_chain_heads")),
    )
    for table in HISTORY + ("audit_events",):
        op.create_index(f"ix_{table}_chain", table, ["chain_day", "writer", "chain_seq"])
    conn = op.get_bind()
    dialect = conn.dialect.name
    chain.backfill(conn, dialect)
    for statement in chain.install(dialect):
        conn.exec_driver_sql(statement)


def downgrade() -> None:
    conn = op.get_bind()
    for statement in chain.uninstall(conn.dialect.name):
        conn.exec_driver_sql(statement)
    for table in HISTORY + ("audit_events",):
        op.drop_index(f"ix_{table}_chain", table_name=table)
    op.drop_table("chain_heads")
    op.drop_index(op.f("ix_audit_events_at"), table_name="audit_events")
    op.drop_table("audit_events")
    for table in ("payments", "ratings"):  # SQLite ≥ 3.35 drops a plain column in place
        op.execute(f"ALTER TABLE {table} DROP COLUMN station_id")
    for table in HISTORY:
        for column in ("row_hash", "chain_seq", "chain_day", "writer"):
            op.execute(f"ALTER TABLE {table} DROP COLUMN {column}")
