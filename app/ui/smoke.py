"""The packaging smoke run: with MOTCUA_SMOKE_EXIT_MS set, a station says on stderr when its first window is on
screen and closes itself cleanly that many milliseconds later.

CI opens every station of the installed bundle this way (tools/smoke_installed.sh), and the P14 benchmark times
`start -> ready` from the bundle by reading the line. Without the variable nothing here runs.
"""

from __future__ import annotations

import os
import sys
import time

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog, QWidget

ENV = "MOTCUA_SMOKE_EXIT_MS"
_ARMED = "motcua_smoke_armed"
_CLOSED = "motcua_smoke_closed"


def arm(app: QApplication) -> None:
    """Watch for the first exposed window when MOTCUA_SMOKE_EXIT_MS is set (once per application)."""
    value = os.environ.get(ENV, "")
    if not value or app.property(_ARMED):
        return
    app.setProperty(_ARMED, True)
    exit_ms = max(0, int(value))
    started = time.monotonic()
    watch = QTimer(app)
    watch.setInterval(10)

    def check() -> None:
        shown = _first_exposed(app)
        if shown is None:
            return
        watch.stop()
        try:
            print(f"motcua: ready {type(shown).__name__} {time.monotonic() - started:.3f}", file=sys.stderr,
                  flush=True)
        except OSError:  # nobody reads stderr any more (a closed pipe): the run still closes itself
            pass
        QTimer.singleShot(exit_ms, lambda: _close_all(app))

    watch.timeout.connect(check)
    watch.start()


def closed_by_smoke(app: QApplication) -> bool:
    """Whether the smoke run closed the windows (a sign-in it cancelled is then not a failure)."""
    return bool(app.property(_CLOSED))


def _first_exposed(app: QApplication) -> QWidget | None:
    for widget in app.topLevelWidgets():
        handle = widget.windowHandle()
        if widget.isVisible() and handle is not None and handle.isExposed():
            return widget
    return None


def _close_all(app: QApplication) -> None:
    app.setProperty(_CLOSED, True)
    for widget in app.topLevelWidgets():
        if isinstance(widget, QDialog) and widget.isVisible():
            widget.reject()
        else:
            widget.close()
    app.quit()
