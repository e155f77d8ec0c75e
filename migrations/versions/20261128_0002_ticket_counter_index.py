"""index tickets by counter and status (the ticket in service at a counter, call-next)

Revision ID: 20261128_0002
Revises: 20261128_0001
Create Date: 2026-11-28 04:40:00
"""

from __future__ import annotations

from typing import Sequence, Union

from alembic import op

revision: str = "20261128_0002"
down_revision: Union[str, None] = "20261128_0001"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.create_index("ix_tickets_counter_status", "tickets", ["counter_id", "status"])


def downgrade() -> None:
    op.drop_index("ix_tickets_counter_status", table_name="tickets")
