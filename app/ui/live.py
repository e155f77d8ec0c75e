"""Live updates for windows: the store's change feed as Qt signals, with reloads coalesced."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

from app.store.engine import Store
from app.store.live import Change, LiveFeed


class LiveUpdates(QObject):
    """Emits `changed(Change)` for each change and `reload_needed()` at most every `coalesce_ms` (GUI thread),
    and `status_changed(online, message)` when the store is lost or back. Start it before the first load."""

    changed = Signal(object)
    reload_needed = Signal()
    status_changed = Signal(bool, str)

    def __init__(self, store: Store, topics: set[str] | None, coalesce_ms: int = 100,
                 poll_interval: float = 0.25, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(coalesce_ms)
        self._timer.timeout.connect(self.reload_needed)
        self.changed.connect(self._on_changed)
        # the feed calls back on its own thread; emitting a signal hands the call to the GUI thread
        self._feed = LiveFeed(store, topics, self.changed.emit, self.status_changed.emit,
                              poll_interval=poll_interval)

    def start(self) -> "LiveUpdates":
        """Start listening (returns at once)."""
        self._feed.start()
        return self

    def stop(self) -> None:
        """Stop listening; no signal is emitted afterwards."""
        self._feed.stop()
        self._timer.stop()

    def _on_changed(self, _change: Change) -> None:
        if not self._timer.isActive():
            self._timer.start()
