"""Live updates for windows: the store's change feed as Qt signals, with reloads coalesced.

The composition root (`app/ui/launch.py`) hands each window a `LiveFactory` (`live_factory(ctx)`); a window asks it
for the topics it follows and never opens a feed on the store itself."""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QObject, QTimer, Signal

from app.services import live
from app.services.context import Context


class LiveUpdates(QObject):
    """Emits `changed(Change)` for each change and `reload_needed()` at most every `coalesce_ms` (GUI thread),
    and `status_changed(online, message)` when the store is lost or back. Start it before the first load."""

    changed = Signal(object)
    reload_needed = Signal()
    status_changed = Signal(bool, str)

    def __init__(self, ctx: Context, topics: set[str] | None, coalesce_ms: int = 100,
                 poll_interval: float = 0.25, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(coalesce_ms)
        self._timer.timeout.connect(self.reload_needed)
        self.changed.connect(self._on_changed)
        # the feed calls back on its own thread; emitting a signal hands the call to the GUI thread
        self._feed = live.follow(ctx, topics, self.changed.emit, self.status_changed.emit,
                                 poll_interval=poll_interval)

    def start(self) -> "LiveUpdates":
        """Start listening (returns at once)."""
        self._feed.start()
        return self

    def stop(self) -> None:
        """Stop listening; no signal is emitted afterwards."""
        self._feed.stop()
        self._timer.stop()

    def _on_changed(self, _change: live.Change) -> None:
        if not self._timer.isActive():
            self._timer.start()


class LiveFactory(Protocol):
    """Makes a window's live updates: `live(topics, coalesce_ms=…, parent=window)` (not started)."""

    def __call__(self, topics: set[str] | None, *, coalesce_ms: int = 100,
                 parent: QObject | None = None) -> LiveUpdates: ...


def live_factory(ctx: Context, poll_interval: float = 0.25) -> LiveFactory:
    """The factory the composition root hands windows: live updates over the context's store (a window made
    without one, as in tests and tools, gets this same one)."""
    def make(topics: set[str] | None, *, coalesce_ms: int = 100, parent: QObject | None = None) -> LiveUpdates:
        return LiveUpdates(ctx, topics, coalesce_ms=coalesce_ms, poll_interval=poll_interval, parent=parent)
    return make
