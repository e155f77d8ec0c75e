"""dossier pause history (paused_at kept, resumed_at, paused_due_at) and imported fees as payments

The period report of a past period is computed "as of" its last day: a dossier paused then and resumed later was
paused at that moment, with the due date that counted before the resume moved it. So the pause moment is kept
after the resume, and two columns record when the pause ended and the due date in force while it lasted. They are
backfilled from the dossier events (each `resumed` event records the pause moment and the due dates it replaced).

Fees count only when paid (issue 14): an imported dossier's `fee_vnd` was counted by the report as collected; the
import now records it as a payment (method `import`, at the reception moment), and the imported dossiers already
stored get that payment here, so their past reports do not change.

Revision ID: 20261206_0003
Revises: 20261128_0002
Create Date: 2026-12-06 06:40:00
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any, Sequence, Union

import sqlalchemy as sa
from alembic import op

from app.store.types import UTCDateTime

revision: str = "20261206_0003"
down_revision: Union[str, None] = "20261128_0002"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

IMPORT_METHOD = "import"
CHUNK = 5000

dossiers = sa.table("dossiers", sa.column("id", sa.Uuid()), sa.column("status", sa.String()),
                    sa.column("received_at", UTCDateTime()), sa.column("due_at", UTCDateTime()),
                    sa.column("original_due_at", UTCDateTime()), sa.column("paused_at", UTCDateTime()),
                    sa.column("resumed_at", UTCDateTime()), sa.column("paused_due_at", UTCDateTime()),
                    sa.column("fee_vnd", sa.BigInteger()))
events = sa.table("dossier_events", sa.column("dossier_id", sa.Uuid()), sa.column("kind", sa.String()),
                  sa.column("at", UTCDateTime()), sa.column("data", sa.JSON()))
payments = sa.table("payments", sa.column("id", sa.Uuid()), sa.column("dossier_id", sa.Uuid()),
                    sa.column("amount_vnd", sa.BigInteger()), sa.column("method", sa.String()),
                    sa.column("receipt_no", sa.String()), sa.column("officer_id", sa.Integer()),
                    sa.column("paid_at", UTCDateTime()))


def upgrade() -> None:
    # plain ALTER TABLE on both backends (a batch copy of dossiers would trip the foreign keys that point at it)
    op.add_column("dossiers", sa.Column("resumed_at", sa.DateTime(timezone=True), nullable=True))
    op.add_column("dossiers", sa.Column("paused_due_at", sa.DateTime(timezone=True), nullable=True))
    conn = op.get_bind()
    _backfill_pauses(conn)
    _backfill_imported_fees(conn)


def _moment(text: Any) -> datetime | None:
    """An ISO moment written by the lifecycle service into an event's data (local time with its offset)."""
    if not text:
        return None
    try:
        moment = datetime.fromisoformat(str(text))
    except ValueError:
        return None
    return moment if moment.tzinfo is not None else None


def _backfill_pauses(conn: Any) -> None:
    """resumed_at, the pause moment and the due date in force during the pause, from each `resumed` event; the
    due date in force for the dossiers paused now."""
    began = dict(conn.execute(sa.select(events.c.dossier_id, events.c.at)
                              .where(events.c.kind == "supplement_requested").order_by(events.c.at)).all())
    rows = []
    for dossier_id, at, data in conn.execute(sa.select(events.c.dossier_id, events.c.at, events.c.data)
                                             .where(events.c.kind == "resumed").order_by(events.c.at)):
        data = data or {}
        rows.append({"b_id": dossier_id, "b_resumed": at,
                     "b_paused": _moment(data.get("paused_at")) or began.get(dossier_id),
                     "b_due": _moment(data.get("previous_original_due")) or _moment(data.get("previous_due"))})
    statement = (sa.update(dossiers).where(dossiers.c.id == sa.bindparam("b_id"))
                 .values(resumed_at=sa.bindparam("b_resumed", type_=UTCDateTime()),
                         paused_at=sa.bindparam("b_paused", type_=UTCDateTime()),
                         paused_due_at=sa.func.coalesce(sa.bindparam("b_due", type_=UTCDateTime()),
                                                        dossiers.c.original_due_at, dossiers.c.due_at)))
    for i in range(0, len(rows), CHUNK):
        conn.execute(statement, rows[i:i + CHUNK])
    conn.execute(sa.update(dossiers).where(dossiers.c.status == "paused")
                 .values(paused_due_at=sa.func.coalesce(dossiers.c.original_due_at, dossiers.c.due_at)))


def _backfill_imported_fees(conn: Any) -> None:
    """A payment of `fee_vnd` at the reception moment for each imported dossier with a fee and no payment."""
    unpaid = (sa.select(dossiers.c.id, dossiers.c.fee_vnd, dossiers.c.received_at, events.c.data)
              .join(events, sa.and_(events.c.dossier_id == dossiers.c.id, events.c.kind == "received"))
              .where(dossiers.c.fee_vnd > 0, ~sa.exists().where(payments.c.dossier_id == dossiers.c.id)))
    rows = [{"id": uuid.uuid4(), "dossier_id": dossier_id, "amount_vnd": fee, "method": IMPORT_METHOD,
             "receipt_no": None, "officer_id": None, "paid_at": received}
            for dossier_id, fee, received, data in conn.execute(unpaid)
            if (data or {}).get("source") == "import"]
    for i in range(0, len(rows), CHUNK):
        conn.execute(sa.insert(payments), rows[i:i + CHUNK])


def downgrade() -> None:
    conn = op.get_bind()
    conn.execute(sa.delete(payments).where(payments.c.method == IMPORT_METHOD))
    conn.execute(sa.update(dossiers).where(dossiers.c.status != "paused").values(paused_at=None))
    for column in ("paused_due_at", "resumed_at"):  # SQLite ≥ 3.35 drops a plain column in place
        op.execute(f"ALTER TABLE dossiers DROP COLUMN {column}")
