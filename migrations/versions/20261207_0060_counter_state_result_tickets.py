"""counter state (open / paused / closed) and result-return tickets joined to their dossier

A counter's officer can pause, resume and close the counter (issue 15): the state is stored on the counter so the
display, the other counters and the kiosk's wait estimate all see it, with the moment it last changed. A citizen
back for a result scans the receipt's barcode at the kiosk and gets a ticket joined to that dossier
(`tickets.dossier_id`), so the counter that calls it shows the dossier.

Revision ID: 20261207_0060
Revises: 20261206_0003
Create Date: 2026-12-07 09:00:00
"""

from __future__ import annotations

from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

revision: str = "20261207_0060"
down_revision: Union[str, None] = "20261206_0003"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    # plain ALTER TABLE on both backends (a batch copy would trip the foreign keys that point at these tables)
    op.add_column("counters", sa.Column("state", sa.String(16), nullable=False, server_default="open"))
    op.add_column("counters", sa.Column("state_changed_at", sa.DateTime(timezone=True), nullable=True))
    if op.get_bind().dialect.name == "sqlite":  # SQLite adds a column's reference inline, never as an ALTER
        op.execute("ALTER TABLE tickets ADD COLUMN dossier_id CHAR(32) "
                   "CONSTRAINT fk_tickets_dossier_id_dossiers REFERENCES dossiers (id)")
    else:
        op.add_column("tickets", sa.Column("dossier_id", sa.Uuid(), nullable=True))
        op.create_foreign_key("fk_tickets_dossier_id_dossiers", "tickets", "dossiers", ["dossier_id"], ["id"])
    op.create_index("ix_tickets_dossier_id", "tickets", ["dossier_id"])


def downgrade() -> None:
    op.drop_index("ix_tickets_dossier_id", table_name="tickets")
    if op.get_bind().dialect.name == "postgresql":
        op.drop_constraint("fk_tickets_dossier_id_dossiers", "tickets", type_="foreignkey")
    for table, column in (("tickets", "dossier_id"), ("counters", "state_changed_at"), ("counters", "state")):
        op.execute(f"ALTER TABLE {table} DROP COLUMN {column}")  # SQLite ≥ 3.35 drops a plain column in place
