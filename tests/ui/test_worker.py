"""The background worker: a result that arrives after its window was closed and deleted is dropped, not raised."""

from __future__ import annotations

import threading

import shiboken6
from PySide6.QtWidgets import QLabel, QWidget

from app.ui.worker import Worker


def test_result_for_a_deleted_window_is_dropped(qtbot):
    window = QWidget()
    label = QLabel("…", window)
    worker = Worker(window)
    release = threading.Event()
    seen: list[object] = []

    def slow() -> str:
        release.wait(5)
        return "Trung tâm"

    worker.submit(slow, lambda text: (seen.append(text), label.setText(text)), seen.append)
    (job,) = worker._jobs  # the pending job: it is deleted only once its result has come back to this thread
    handled = threading.Event()
    job.destroyed.connect(lambda *_: handled.set())
    window.deleteLater()
    qtbot.waitUntil(lambda: not shiboken6.isValid(window))
    release.set()
    # the job's queued result is delivered on this thread: it must neither touch the dead label nor raise
    qtbot.waitUntil(handled.is_set, timeout=5000)  # the result did arrive (a slow delivery cannot pass unseen)
    assert seen == []  # ... and was dropped: neither callback ran


def test_result_for_a_live_window_is_delivered(qtbot):
    window = QWidget()
    worker = Worker(window)
    seen: list[object] = []
    worker.submit(lambda: 41 + 1, seen.append, seen.append)
    qtbot.waitUntil(lambda: seen == [42])
    assert not worker.busy
    window.deleteLater()


def test_garbage_is_collected_on_the_gui_thread_only(qapp, qtbot) -> None:  # type: ignore[no-untyped-def]
    """The windows turn Python's automatic collection off and collect from a timer on the GUI thread (a cycle
    holding a Qt object must not be destroyed on a Worker's thread); uninstalling gives collection back."""
    import gc

    from app.ui.worker import MainThreadCollector, collect_on_the_gui_thread

    class Cycle:
        def __init__(self) -> None:
            self.me = self

    gc.enable()
    collector = collect_on_the_gui_thread(qapp)
    try:
        assert collect_on_the_gui_thread(qapp) is collector and not gc.isenabled()
        collected: list[str] = []
        for _ in range(gc.get_threshold()[0] + 10):  # enough new objects to pass generation 0's threshold
            cycle = Cycle()
            import weakref

            weakref.finalize(cycle, collected.append, "gone")
            del cycle
        assert collected == []  # nothing collects them off the timer
        qtbot.waitUntil(lambda: bool(collected), timeout=5_000)
        assert isinstance(collector, MainThreadCollector)
    finally:
        collector.uninstall()
    assert gc.isenabled()
    gc.disable()  # the window tests' own fixture enables it again after the test
