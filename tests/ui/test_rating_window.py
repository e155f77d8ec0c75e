"""The rating screen facing the citizen: a neutral greeting and the officer's name until a ticket is finished,
buttons only while the counter waits for a rating, a click votes, and the screen is idle again a few seconds after
the vote (the next citizen never sees the previous one's vote)."""

from __future__ import annotations

from sqlalchemy import select

from app.services import accounts, queue
from app.store.models import Rating
from app.ui.stations.rating import IDLE_AFTER_VOTE_MS, RatingWindow

IDLE_PROMPT = "Quầy số 1 kính chào quý khách"


def test_buttons_arm_after_finish_and_a_click_is_the_vote(qtbot, demo_ctx) -> None:  # type: ignore[no-untyped-def]
    officer = accounts.sign_in(demo_ctx, "canbo01", "canbo123")
    window = RatingWindow(demo_ctx, 1)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: len(window.buttons) == 3)
    assert not any(b.isEnabled() for b in window.buttons.values())
    assert (window.state, window.prompt.text(), window.officer.text()) == ("idle", IDLE_PROMPT, "")
    queue.issue_ticket(demo_ctx, "DD")
    queue.call_next(demo_ctx, officer, 1)
    qtbot.waitUntil(lambda: window.officer.text() == "Cán bộ phục vụ: Lò Văn Minh", timeout=10_000)
    assert window.prompt.text() == IDLE_PROMPT  # still being served: nothing to rate, no thanks yet
    queue.finish(demo_ctx, officer, 1)
    qtbot.waitUntil(lambda: all(b.isEnabled() for b in window.buttons.values()), timeout=10_000)
    assert window.state == "asking" and "đánh giá" in window.prompt.text()
    assert window.officer.text() == "Cán bộ phục vụ: Lò Văn Minh"
    assert [b.text() for b in window.buttons.values()] == ["Rất hài lòng", "Hài lòng", "Không hài lòng"]
    window.buttons["2"].click()
    qtbot.waitUntil(lambda: window.state == "thanking", timeout=10_000)
    assert window.prompt.text() == "Cảm ơn quý khách đã đánh giá: Hài lòng"
    assert window.back_to_idle.isActive() and window.back_to_idle.interval() == IDLE_AFTER_VOTE_MS == 5_000
    with demo_ctx.store.read() as s:
        assert s.execute(select(Rating.level, Rating.officer_id)).one() == (2, officer.officer_id)
    assert not any(b.isEnabled() for b in window.buttons.values())  # one vote per ticket
    qtbot.waitUntil(lambda: window.state == "idle", timeout=IDLE_AFTER_VOTE_MS + 10_000)  # the timer, not a sleep
    assert window.prompt.text() == IDLE_PROMPT and "Hài lòng" not in window.prompt.text()
    window.close()


def test_a_screen_opened_after_a_vote_does_not_greet_with_it(qtbot, demo_ctx) -> None:  # type: ignore[no-untyped-def]
    """The previous citizen voted (say on another screen of the counter): a fresh screen shows the greeting."""
    from app.services import ratings

    officer = accounts.sign_in(demo_ctx, "canbo01", "canbo123")
    queue.issue_ticket(demo_ctx, "DD")
    queue.call_next(demo_ctx, officer, 1)
    queue.finish(demo_ctx, officer, 1)
    assert ratings.record_vote(demo_ctx, 1, "1").kind == "vote"
    window = RatingWindow(demo_ctx, 1)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: len(window.buttons) == 3 and window.officer.text() != "", timeout=10_000)
    assert (window.state, window.prompt.text()) == ("idle", IDLE_PROMPT)
    assert not any(b.isEnabled() for b in window.buttons.values())
    window.close()
