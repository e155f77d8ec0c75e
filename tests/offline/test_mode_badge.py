"""The mode badge every window of a central server's station shows: online, then «mất kết nối từ HH:MM — N mục
chờ đồng bộ» when the server stops, the display's calm notice, and back online with the outbox drained."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QWidget

from app.services.context import Context
from app.ui.stations.mode_badge import ModeBadge
from bench.throwaway_pg import ThrowawayPostgres
from tests.offline.helpers import Clock, station

pytestmark = pytest.mark.postgres
WAIT_MS = 30_000
OFFSCREEN_NOISE = "This plugin does not support propagateSizeHints"


@pytest.fixture(autouse=True)
def _offscreen_noise(request: pytest.FixtureRequest) -> None:
    request.node.add_marker(pytest.mark.qt_log_ignore(OFFSCREEN_NOISE))


def _window(qtbot, width: int = 900, height: int = 500) -> QWidget:  # type: ignore[no-untyped-def]
    window = QWidget()
    window.resize(width, height)
    qtbot.addWidget(window)
    window.show()
    return window


def test_the_badge_follows_the_server(qtbot, central_ctx: Context, running_pg: ThrowawayPostgres,  # type: ignore[no-untyped-def]
                                      tmp_path: Path, clock: Clock) -> None:
    kiosk = station(central_ctx, tmp_path / "kiosk", "kiosk", clock)
    kiosk.sync_now()
    window = _window(qtbot)
    badge = ModeBadge(kiosk, "kiosk", window, poll_ms=60_000)
    assert badge.text() == "● Trực tuyến"
    assert badge.geometry().right() <= window.width() and badge.geometry().bottom() <= window.height()

    running_pg.stop()
    kiosk.issue("DD")
    kiosk.issue("DD")
    badge.poll()
    qtbot.waitUntil(lambda: not badge.worker.busy, timeout=WAIT_MS)
    assert badge.text() == "● Mất kết nối từ 09:00 — 2 mục chờ đồng bộ"
    window.grab().save(str(tmp_path / "kiosk-offline.png"))

    running_pg.start()
    clock.at += kiosk_retry()
    badge.poll()
    qtbot.waitUntil(lambda: not badge.worker.busy, timeout=WAIT_MS)
    assert badge.text() == "● Trực tuyến" and kiosk.waiting() == 0  # the poll synced the outbox
    badge.stop()


def kiosk_retry():  # type: ignore[no-untyped-def]
    from app.services.offline import RETRY_EVERY

    return RETRY_EVERY


def test_the_display_shows_a_calm_notice_across_its_width(qtbot, central_ctx: Context,  # type: ignore[no-untyped-def]
                                                           running_pg: ThrowawayPostgres, tmp_path: Path,
                                                           clock: Clock) -> None:
    display = station(central_ctx, tmp_path / "display", "display", clock)
    display.sync_now()
    running_pg.stop()
    window = _window(qtbot, 1280, 720)
    badge = ModeBadge(display, "display", window, poll_ms=60_000)
    badge.poll()
    qtbot.waitUntil(lambda: not badge.worker.busy, timeout=WAIT_MS)
    assert badge.text().startswith("Đang mất kết nối với máy chủ: số tiếp theo được mời trực tiếp tại các quầy")
    assert badge.width() == 1280 - 24 and badge.wordWrap()
    window.grab().save(str(tmp_path / "display-offline.png"))
    badge.stop()
