"""Fixtures of the window tests: offscreen Qt, the demo centre, the admin window signed in as the demo admin."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator  # noqa: E402

import pytest  # noqa: E402

WAIT_MS = 20_000
# the offscreen platform says this whenever a window is shown; it is about the platform, not about us
OFFSCREEN_NOISE = "This plugin does not support propagateSizeHints"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Ignore the offscreen platform's own warning in every window test (other Qt warnings still fail)."""
    for item in items:
        if "tests/ui/" in str(item.fspath).replace("\\", "/"):
            item.add_marker(pytest.mark.qt_log_ignore(OFFSCREEN_NOISE))


@pytest.fixture()
def admin(demo_ctx):  # type: ignore[no-untyped-def]
    """The demo administrator (quantri), signed in."""
    from app.services.accounts import sign_in

    return sign_in(demo_ctx, "quantri", "quantri123")


@pytest.fixture()
def idle(qtbot):  # type: ignore[no-untyped-def]
    """wait(widget_with_worker): wait until its background work is done and its results are shown."""
    return lambda w: wait_idle(qtbot, w)


@pytest.fixture()
def window(qtbot, demo_ctx, admin) -> Iterator:  # type: ignore[no-untyped-def]
    """The admin window on the demo centre, shown, with its first loads finished."""
    from app.ui.admin import AdminWindow

    w = AdminWindow(demo_ctx, admin)
    qtbot.addWidget(w)
    w.resize(1366, 768)
    w.show()
    wait_idle(qtbot, w)
    yield w
    w.close()


def wait_idle(qtbot, w) -> None:  # type: ignore[no-untyped-def]
    """Wait until the window's background work has finished and its results are on screen."""
    qtbot.waitUntil(lambda: not w.worker.busy, timeout=WAIT_MS)


@pytest.fixture()
def ten_calls(demo_ctx):  # type: ignore[no-untyped-def]
    """Every counter of the demo centre has called a number (1001 … 9001: four digits, wide ones included)."""
    from app.services import accounts, queue

    me = accounts.actor_for_login(demo_ctx, "canbo01")
    for i in range(30):
        queue.issue_ticket(demo_ctx, ("DD", "TP", "DN", "GT", "TKQ")[i % 5])
    for counter in range(1, 11):
        queue.call_next(demo_ctx, me, counter)
    return demo_ctx
