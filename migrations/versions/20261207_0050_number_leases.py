"""number leases: blocks of ticket, dossier-code and register numbers a station holds for offline work

Revision ID: 20261207_0050
Revises: 20261206_0003
Create Date: 2026-12-07 09:00:00
"""

from __future__ import annotations

from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

from app.store.types import UTCDateTime

revision: str = "20261207_0050"
down_revision: Union[str, None] = "20261207_0060"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.create_table(
        "number_leases",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("station_id", sa.Uuid(), nullable=False),
        sa.Column("kind", sa.String(length=24), nullable=False),
        sa.Column("scope", sa.String(length=64), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("first_seq", sa.BigInteger(), nullable=False),
        sa.Column("last_seq", sa.BigInteger(), nullable=False),
        sa.Column("taken_at", UTCDateTime(), nullable=False),
        sa.Column("used_upto", sa.BigInteger(), nullable=True),
        sa.Column("released_at", UTCDateTime(), nullable=True),
        sa.Column("given_back", sa.Integer(), nullable=False),
        sa.Column("unused", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_number_leases")),
    )
    op.create_index("ix_number_leases_station", "number_leases", ["station_id", "day"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_number_leases_station", table_name="number_leases")
    op.drop_table("number_leases")
