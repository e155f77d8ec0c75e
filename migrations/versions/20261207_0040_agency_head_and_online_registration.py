"""agency head (who signs Mẫu 04/05) and online registrations (registered, accepted or refused at the counter)

Mẫu 04 and Mẫu 05 are signed by the head of the resolving agency, not by the counter officer: each agency keeps
the name and title of its signer. Dossiers submitted on the public service portal arrive as "đăng ký trực tuyến"
with the portal's code; when the counter accepts one it gets a code and a due date from the acceptance moment, so
the portal's code is kept apart (registration_code, unique: a re-import of the same file skips it) with the moment
it was registered and, when the counter refused it, the moment of the refusal (the period report counts both).

Revision ID: 20261207_0040
Revises: 20261206_0003
Create Date: 2026-12-07 09:00:00
"""

from __future__ import annotations

from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

revision: str = "20261207_0040"
down_revision: Union[str, None] = "20261207_0010"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.add_column("agencies", sa.Column("head_name", sa.String(length=300), nullable=True))
    op.add_column("agencies", sa.Column("head_title", sa.String(length=300), nullable=True))
    op.add_column("dossiers", sa.Column("registration_code", sa.String(length=64), nullable=True))
    op.add_column("dossiers", sa.Column("registered_at", sa.DateTime(timezone=True), nullable=True))
    op.add_column("dossiers", sa.Column("refused_at", sa.DateTime(timezone=True), nullable=True))
    op.create_index("ix_dossiers_registration_code", "dossiers", ["registration_code"], unique=True)
    op.create_index("ix_dossiers_registered_at", "dossiers", ["registered_at"])


def downgrade() -> None:
    op.drop_index("ix_dossiers_registered_at", table_name="dossiers")
    op.drop_index("ix_dossiers_registration_code", table_name="dossiers")
    for table, column in (("dossiers", "refused_at"), ("dossiers", "registered_at"),
                          ("dossiers", "registration_code"), ("agencies", "head_title"), ("agencies", "head_name")):
        op.execute(f"ALTER TABLE {table} DROP COLUMN {column}")  # SQLite ≥ 3.35 drops a plain column in place
