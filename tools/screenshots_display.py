"""A screenshot of the real queue display for the README, made offscreen on a fresh demo store.

Run: .venv/bin/python tools/screenshots_display.py  (writes docs/img/display.png)
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "docs" / "img" / "display.png"
SIZE = (1920, 1080)


sys.path.insert(0, str(Path(__file__).resolve().parent))
from screenshots import demo_context  # noqa: E402


def _wait(app: "QApplication", done: Callable[[], bool], timeout_s: float = 30.0) -> None:  # noqa: F821
    """Process events until `done()`."""
    deadline = time.monotonic() + timeout_s
    while not done():
        if time.monotonic() > deadline:
            raise TimeoutError("the display did not show the call in time")
        app.processEvents()
        time.sleep(0.01)
    for _ in range(5):
        app.processEvents()


def main() -> int:
    """Seed a temp demo store, call tickets at several counters, open the display at 1920×1080, save a PNG."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from app.services import accounts, queue
    from app.ui.launch import application
    from app.ui.stations.display import DEFAULT_NOTICE, DisplayWindow

    OUT.parent.mkdir(parents=True, exist_ok=True)
    with demo_context() as ctx:
        me = accounts.maintenance_acting_as(ctx, "canbo01")
        for code in ("DD", "DD", "DD", "TP", "TP", "DN", "GT", "GT", "TKQ", "DD"):
            queue.issue_ticket(ctx, code)
        for counter in (1, 3, 2, 5, 7):
            queue.call_next(ctx, me, counter)
        queue.start_serving(ctx, me, 1)
        app = application()
        window = DisplayWindow(ctx, None, DEFAULT_NOTICE)
        window.resize(*SIZE)
        window.show()
        _wait(app, lambda: window.loaded and not window.worker.busy)
        queue.call_next(ctx, me, 10)  # a new call while the display watches: it blinks
        _wait(app, lambda: window.shown_ticket(10) == "9001" and window.blinking_counter == 10)
        _wait(app, lambda: window._cells[10]._lit is True)
        window.grab().save(str(OUT))
        window.close()
    print(OUT)
    return 0


if __name__ == "__main__":
    sys.exit(main())
