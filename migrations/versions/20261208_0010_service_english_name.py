"""a queue service's name in English, for a foreign citizen at the kiosk

The kiosk offers English (issue 15): its own texts come from the translation catalogue, but the names of the
services are the centre's data. Each service may carry an English name; the kiosk shows it while a citizen has
chosen English, and the Vietnamese name when none is set.

Revision ID: 20261208_0010
Revises: 20261207_0020
Create Date: 2026-12-08 09:00:00
"""

from __future__ import annotations

from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

revision: str = "20261208_0010"
down_revision: Union[str, None] = "20261207_0020"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.add_column("services", sa.Column("name_en", sa.String(length=200), nullable=False, server_default=""))


def downgrade() -> None:
    op.execute("ALTER TABLE services DROP COLUMN name_en")  # SQLite ≥ 3.35 drops a plain column in place
