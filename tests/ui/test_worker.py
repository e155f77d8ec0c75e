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
    window.deleteLater()
    qtbot.waitUntil(lambda: not shiboken6.isValid(window))
    release.set()
    # the job's queued result is delivered on this thread: it must neither touch the dead label nor raise
    qtbot.wait(300)
    assert seen == []


def test_result_for_a_live_window_is_delivered(qtbot):
    window = QWidget()
    worker = Worker(window)
    seen: list[object] = []
    worker.submit(lambda: 41 + 1, seen.append, seen.append)
    qtbot.waitUntil(lambda: seen == [42])
    assert not worker.busy
    window.deleteLater()
