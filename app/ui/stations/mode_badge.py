"""The mode of a station of a central server, on every window: online, or cut off since a time with the items that
wait to sync (docs/offline.md). A small label laid over the window's bottom-right corner, so no window's own
layout changes; launch.py attaches it. While the window runs it also syncs the station's journal in the background
every few seconds (replay, leases, reference data), so the outbox drains as soon as the server answers."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QLabel, QWidget

from app.domain.calendar import LOCAL_TZ
from app.domain.errors import MotcuaError
from app.services.offline import OFFLINE, OfflineStation
from app.ui.worker import Worker

POLL_MS = 5_000
MARGIN = 12

_ONLINE_STYLE = ("QLabel { background: rgba(236, 246, 238, 230); color: #1d5e2c; border: 1px solid #9cc7a6; "
                 "border-radius: 6px; padding: 4px 10px; font-size: 13px; }")
_OFFLINE_STYLE = ("QLabel { background: rgba(255, 244, 214, 240); color: #6b4a00; border: 1px solid #e0b84f; "
                  "border-radius: 6px; padding: 6px 12px; font-size: 15px; }")


def _sync_and_read(station: OfflineStation) -> dict[str, Any]:
    """Worker thread: sync when the server is to be tried (a failure only means offline), then the state."""
    if station.should_try_server():
        try:
            station.sync_now()
        except MotcuaError:
            pass  # unreachable: recorded as offline by sync_now; anything else shows again at the next poll
    return station.status()


def mode_text(state: dict[str, Any], kind: str) -> str:
    """The badge's words for a station's state (Vietnamese): the display's calm notice, or the mode and waits."""
    waiting = int(state.get("waiting") or 0)
    if state.get("mode") != OFFLINE:
        return "● Trực tuyến" + (f" — đang đồng bộ {waiting} mục" if waiting else "")
    since = state.get("offline_since")
    when = f" từ {datetime.fromisoformat(since).astimezone(LOCAL_TZ):%H:%M}" if since else ""
    if kind == "display":
        return ("Đang mất kết nối với máy chủ: số tiếp theo được mời trực tiếp tại các quầy. "
                "Xin quý khách giữ phiếu và theo dõi quầy phục vụ")
    return f"● Mất kết nối{when} — {waiting} mục chờ đồng bộ"


class ModeBadge(QLabel):
    """The mode label over `window`'s bottom-right corner, refreshed every `poll_ms`."""

    def __init__(self, station: OfflineStation, kind: str, window: QWidget, poll_ms: int = POLL_MS) -> None:
        super().__init__(window)
        self.station, self.kind, self.window_ = station, kind, window
        self.state: dict[str, Any] = {}
        self.worker = Worker(self, threads=1)
        self.setObjectName("modeBadge")
        self.setWordWrap(kind == "display")
        self._show_state(station.status())  # from the journal at once: a station started offline says so
        self.timer = QTimer(self)
        window.installEventFilter(self)
        setattr(window, "mode_badge", self)  # its Python side lives as long as the window's
        self.timer.timeout.connect(self.poll)
        self.timer.start(poll_ms)

    def poll(self) -> None:
        """Sync and read the state in the background (one poll at a time)."""
        if self.worker.busy:
            return
        self.worker.submit(lambda: _sync_and_read(self.station), self._show_state, lambda _exc: None)

    def _show_state(self, state: dict[str, Any]) -> None:
        self.state = state
        self.setText(mode_text(state, self.kind))
        self.setStyleSheet(_OFFLINE_STYLE if state.get("mode") == OFFLINE else _ONLINE_STYLE)
        self._place()

    def _place(self) -> None:
        parent = self.window_
        if self.kind == "display" and self.state.get("mode") == OFFLINE:
            self.setFixedWidth(max(200, parent.width() - 2 * MARGIN))
        else:
            self.setMaximumWidth(parent.width())
            self.setMinimumWidth(0)
        self.adjustSize()
        self.move(parent.width() - self.width() - MARGIN, parent.height() - self.height() - MARGIN)
        self.raise_()
        self.show()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        window = self.__dict__.get("window_")  # absent on a wrapper PySide made anew while the window is torn down
        if window is None or watched is not window:
            return False
        if event.type() == QEvent.Type.Close:  # no filter left on a window being closed and destroyed
            window.removeEventFilter(self)
            self.timer.stop()
        elif event.type() in (QEvent.Type.Resize, QEvent.Type.Show):
            self._place()
        return False

    def stop(self) -> None:
        """The window is closing: no more polls, wait for the one running."""
        self.timer.stop()
        self.worker.shutdown()
