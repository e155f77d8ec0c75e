"""The rating screen facing the citizen: buttons only while the counter waits for a rating; a click votes."""

from __future__ import annotations

from sqlalchemy import select

from app.services import accounts, queue
from app.store.models import Rating
from app.ui.stations.rating import RatingWindow


def test_buttons_arm_after_finish_and_a_click_is_the_vote(qtbot, demo_ctx) -> None:  # type: ignore[no-untyped-def]
    officer = accounts.sign_in(demo_ctx, "canbo01", "canbo123")
    window = RatingWindow(demo_ctx, 1)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: len(window.buttons) == 3)
    assert not any(b.isEnabled() for b in window.buttons.values())
    queue.issue_ticket(demo_ctx, "DD")
    queue.call_next(demo_ctx, officer, 1)
    queue.finish(demo_ctx, officer, 1)
    qtbot.waitUntil(lambda: all(b.isEnabled() for b in window.buttons.values()), timeout=10_000)
    assert [b.text() for b in window.buttons.values()] == ["Rất hài lòng", "Hài lòng", "Không hài lòng"]
    window.buttons["2"].click()
    qtbot.waitUntil(lambda: "Hài lòng" in window.prompt.text() and "Cảm ơn" in window.prompt.text(), timeout=10_000)
    with demo_ctx.store.read() as s:
        assert s.execute(select(Rating.level, Rating.officer_id)).one() == (2, officer.officer_id)
    qtbot.waitUntil(lambda: not any(b.isEnabled() for b in window.buttons.values()))  # one vote per ticket
    window.live.stop()
