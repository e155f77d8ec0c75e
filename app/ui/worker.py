"""The one background-work helper: run database work off the GUI thread, hand results back on the GUI thread."""

from __future__ import annotations

import gc
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal, Slot

OnDone = Callable[[Any], None]
OnError = Callable[[BaseException], None]


class _Job(QObject):
    """One piece of work: lives on the GUI thread, so its slots (and the callbacks) run there."""

    finished = Signal(object)
    failed = Signal(object)

    def __init__(self, worker: "Worker", on_done: OnDone, on_error: OnError) -> None:
        super().__init__()
        self._worker, self._on_done, self._on_error = worker, on_done, on_error
        self.finished.connect(self._on_finished)
        self.failed.connect(self._on_failed)

    def _owner_alive(self) -> bool:
        """The worker is a child of its window: once Qt has deleted it, the window and its widgets are gone too."""
        if shiboken6.isValid(self._worker):
            return True
        self.deleteLater()  # a late result for a closed window: nobody is left to show it
        return False

    @Slot(object)
    def _on_finished(self, result: object) -> None:
        if not self._owner_alive():
            return
        try:
            self._on_done(result)
        finally:
            self._worker._release(self)

    @Slot(object)
    def _on_failed(self, exc: object) -> None:
        if not self._owner_alive():
            return
        try:
            self._on_error(exc)  # type: ignore[arg-type]
        finally:
            self._worker._release(self)


class _Runnable(QRunnable):
    """Runs the work function on a pool thread and emits the outcome; never touches a widget."""

    def __init__(self, fn: Callable[[], Any], job: _Job) -> None:
        super().__init__()
        self._fn, self._job = fn, job

    def run(self) -> None:
        try:
            result = self._fn()
        except BaseException as exc:  # every failure goes back to the GUI thread to be shown
            self._job.failed.emit(exc)
        else:
            self._job.finished.emit(result)


class Worker(QObject):
    """Runs callables on a private thread pool; `on_done(result)` / `on_error(exc)` run on the GUI thread."""

    idle = Signal()

    def __init__(self, parent: QObject | None = None, threads: int = 2) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(threads)
        self._jobs: set[_Job] = set()

    @property
    def busy(self) -> bool:
        """Whether some work (or its callback) is still pending."""
        return bool(self._jobs)

    def submit(self, fn: Callable[[], Any], on_done: OnDone, on_error: OnError) -> None:
        """Run `fn()` in the background; its result or exception comes back through the callbacks."""
        job = _Job(self, on_done, on_error)
        self._jobs.add(job)
        self._pool.start(_Runnable(fn, job))

    def _release(self, job: _Job) -> None:
        self._jobs.discard(job)
        job.deleteLater()
        if not self._jobs:
            self.idle.emit()

    def shutdown(self, timeout_ms: int = 10_000) -> None:
        """Wait for running work (the window is closing); callbacks still queued are dropped."""
        self._pool.waitForDone(timeout_ms)
        for job in list(self._jobs):
            job.finished.disconnect()
            job.failed.disconnect()
        self._jobs.clear()


class MainThreadCollector(QObject):
    """Python's cyclic garbage collector runs in whichever thread happens to allocate, a pool thread of the Worker
    included. A Qt object found in a cycle there is destroyed off its own thread («QBasicTimer::stop: Failed.
    Possibly trying to stop from a different thread», or a crash). So the windows turn automatic collection off and
    collect on the GUI thread instead, from a timer, generation by generation when its threshold is passed —
    the same thresholds Python itself would use."""

    INTERVAL_MS = 500

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setInterval(self.INTERVAL_MS)
        self._timer.timeout.connect(self.collect_due)
        self._timer.start()
        gc.disable()
        self.destroyed.connect(gc.enable)

    def uninstall(self) -> None:
        """Back to Python's own collection (a test that borrowed the application's set-up gives it back)."""
        self._timer.stop()
        gc.enable()
        self.setParent(None)
        self.deleteLater()

    @Slot()
    def collect_due(self) -> None:
        """Collect the generations whose count passed their threshold (on the GUI thread)."""
        counts, thresholds = gc.get_count(), gc.get_threshold()
        for generation in (2, 1, 0):  # the oldest due one: a collection of a generation includes the younger ones
            if thresholds[generation] and counts[generation] > thresholds[generation]:
                gc.collect(generation)
                return


def collect_on_the_gui_thread(app: QObject) -> MainThreadCollector:
    """Install the collector once for the application (idempotent)."""
    found = app.findChild(MainThreadCollector)
    return found if isinstance(found, MainThreadCollector) else MainThreadCollector(app)
