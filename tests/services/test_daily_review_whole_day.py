"""The day review reads every ticket of the day: nothing is cut off at 10,000 (it once silently was)."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

from sqlalchemy import select

from app.services import daily_review
from app.services.context import Actor, Context
from app.store.bulk import bulk_insert
from app.store.models import Service, Ticket

DAY = datetime(2026, 11, 30, 1, 0, tzinfo=UTC).date()
TICKETS = 10_001


def test_a_day_of_more_than_ten_thousand_tickets_is_reviewed_whole(demo_ctx: Context) -> None:
    start = datetime(2026, 11, 30, 0, 0, tzinfo=UTC)
    with demo_ctx.store.write() as s:
        service_id = s.scalar(select(Service.id).where(Service.code == "DD"))
        bulk_insert(s, Ticket.__table__, [  # type: ignore[arg-type]
            {"id": uuid.uuid4(), "service_id": service_id, "service_day": DAY, "seq": n, "number": n,
             "display_number": str(n), "priority_kind": None, "status": "waiting",
             "issued_at": start + timedelta(seconds=n), "called_at": None, "serving_started_at": None,
             "finished_at": None, "counter_id": None, "officer_id": None, "call_count": 0, "printed": True,
             "issued_by_station": None, "transferred_from_id": None} for n in range(1, TICKETS + 1)])
    review = daily_review.daily_review(demo_ctx, Actor.maintenance(demo_ctx), DAY)
    assert review.total.count == TICKETS
    assert [t.display_number for t in review.tickets[-2:]] == [str(TICKETS - 1), str(TICKETS)]
