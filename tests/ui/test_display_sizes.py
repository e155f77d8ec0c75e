"""The hall display at every screen size a centre has: ten counters calling four-digit numbers, no number or
label clipped, and no minimum size larger than the screen."""

from __future__ import annotations

import pytest

from app.services import accounts, queue
from app.services.context import Context
from app.ui.stations.display import DEFAULT_NOTICE, DisplayWindow
from fit import clipped_texts

SIZES = [(1280, 720), (1366, 768), (1920, 1080), (3840, 2160), (1080, 1920)]


@pytest.fixture()
def ten_calls(demo_ctx: Context) -> Context:
    """Every counter of the demo centre has called a number (1001 … 9001: four digits, wide ones included)."""
    me = accounts.maintenance_acting_as(demo_ctx, "canbo01")
    for i in range(30):
        queue.issue_ticket(demo_ctx, ("DD", "TP", "DN", "GT", "TKQ")[i % 5])
    for counter in range(1, 11):
        queue.call_next(demo_ctx, me, counter)
    return demo_ctx


@pytest.mark.parametrize("backend", ["sqlite"], indirect=True)
@pytest.mark.parametrize(("width", "height"), SIZES)
def test_nothing_is_clipped_at_any_size(qtbot, ten_calls: Context, width: int, height: int) -> None:  # type: ignore[no-untyped-def]
    window = DisplayWindow(ten_calls, None, DEFAULT_NOTICE)
    qtbot.addWidget(window)
    window.resize(width, height)
    window.show()
    qtbot.waitUntil(lambda: window.loaded and not window.worker.busy, timeout=20_000)
    qtbot.waitUntil(lambda: window.shown_ticket(10) != "", timeout=5_000)
    qtbot.wait(50)  # the rescale queued after the last resize
    assert (window.width(), window.height()) == (width, height)  # no minimum size pushed it bigger
    assert [window.shown_ticket(n) for n in range(1, 11)] == ["1001", "1002", "2001", "2002", "3001", "3002",
                                                              "4001", "4002", "4003", "9001"]
    assert clipped_texts(window) == []
    window.close()


@pytest.mark.parametrize("backend", ["sqlite"], indirect=True)
def test_the_checker_sees_a_clipped_number(qtbot, ten_calls: Context) -> None:  # type: ignore[no-untyped-def]
    """The size test can fail: a number forced into half its room is reported."""
    window = DisplayWindow(ten_calls, None, DEFAULT_NOTICE)
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    qtbot.waitUntil(lambda: window.loaded and not window.worker.busy, timeout=20_000)
    qtbot.wait(50)
    cell = window._cells[7]
    font = cell.ticket.font()
    font.setPixelSize(font.pixelSize() * 2)
    cell.ticket.setFont(font)
    assert any("«4001»" in problem for problem in clipped_texts(window))
    window.close()
