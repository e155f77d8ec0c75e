"""Counters open, pause and close (stored: every station sees it), on both backends: a paused or closed counter
calls nobody, is not offered as a transfer target, does not shorten the wait estimate, and shows on the display;
the kiosk's per-service waits come from two grouped counts."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from app.domain.queue import CounterMode, QueueError
from app.services import accounts, queue
from app.services.context import Actor, Context
from app.services.display_feed import display_feed
from app.store.models import Counter


def officer(ctx: Context, login: str = "canbo01") -> Actor:
    return accounts.maintenance_acting_as(ctx, login)


def dd_counters(ctx: Context) -> list[int]:
    """The counters that call service DD in the demo centre."""
    with ctx.store.read() as s:
        return sorted(c.number for c in s.scalars(select(Counter)) if any(v.code == "DD" for v in c.services))


def test_a_paused_counter_calls_nobody_and_says_how_to_reopen(hall_ctx: Context) -> None:
    me = officer(hall_ctx)
    queue.issue_ticket(hall_ctx, "DD")
    assert queue.set_counter_mode(hall_ctx, me, 1, CounterMode.PAUSED) is CounterMode.PAUSED
    with pytest.raises(QueueError, match="Quầy 1 đang tạm dừng: mở lại quầy"):
        queue.call_next(hall_ctx, me, 1)
    queue.set_counter_mode(hall_ctx, me, 1, CounterMode.CLOSED)
    with pytest.raises(QueueError, match="Quầy 1 đã đóng: mở lại quầy"):
        queue.call_next(hall_ctx, me, 1)
    queue.set_counter_mode(hall_ctx, me, 1, CounterMode.OPEN)
    assert queue.call_next(hall_ctx, me, 1) is not None
    with hall_ctx.store.read() as s:
        stored = s.scalar(select(Counter).where(Counter.number == 1))
        assert stored is not None and stored.state == "open" and stored.state_changed_at is not None


def test_no_pause_while_holding_a_ticket(hall_ctx: Context) -> None:
    me = officer(hall_ctx)
    t = queue.issue_ticket(hall_ctx, "DD")
    queue.call_next(hall_ctx, me, 1)
    with pytest.raises(QueueError, match=f"đang có số {t.display_number}.*tạm dừng quầy"):
        queue.set_counter_mode(hall_ctx, me, 1, CounterMode.PAUSED)
    queue.finish(hall_ctx, me, 1)
    assert queue.set_counter_mode(hall_ctx, me, 1, CounterMode.PAUSED) is CounterMode.PAUSED


def test_every_station_sees_the_mode(hall_ctx: Context) -> None:
    queue.set_counter_mode(hall_ctx, officer(hall_ctx), 1, CounterMode.PAUSED)
    assert {b.number: b.mode for b in display_feed(hall_ctx).counters}[1] == "paused"
    assert {c.number: c.mode for c in queue.queue_status(hall_ctx).counters}[1] == "paused"


def test_paused_counters_do_not_shorten_the_wait_and_take_no_transfers(hall_ctx: Context) -> None:
    counters = dd_counters(hall_ctx)
    assert len(counters) == 2
    for _ in range(3):
        queue.issue_ticket(hall_ctx, "DD")
    assert queue.service_waits(hall_ctx)["DD"].waiting == 3
    assert queue.service_waits(hall_ctx)["DD"].wait_minutes == 18  # 3 × 12 min / 2 open counters
    assert queue.issue_ticket(hall_ctx, "DD").estimated_wait_minutes == 18
    queue.set_counter_mode(hall_ctx, officer(hall_ctx), counters[1], CounterMode.PAUSED)
    assert queue.service_waits(hall_ctx)["DD"].wait_minutes == 48  # 4 × 12 / 1
    assert queue.issue_ticket(hall_ctx, "DD").estimated_wait_minutes == 48
    t = queue.issue_ticket(hall_ctx, "TP")
    with pytest.raises(QueueError, match="tạm dừng"):
        queue.transfer(hall_ctx, officer(hall_ctx), t.display_number, "DD", to_counter=counters[1])
    assert queue.service_waits(hall_ctx)["TP"].waiting == 1
