"""The child process of P10: `motcua --db URL counter --counter N --windowed` as `app.main.main` runs it, with the
officer signed in from MOTCUA_BENCH_LOGIN / MOTCUA_BENCH_PASSWORD (the dialog's own check, `sign_in_for`, without
a person typing), and marks printed on stdout (`MARK name monotonic-seconds`) up to the moment the window is
visible, has its first queue status and its call button enabled (`READY`); then it stays 2 s and quits.

Run by bench/p10_counter_start.py only; imports nothing of the app before `main()` would.
"""

import os
import sys
import time


def mark(name: str) -> None:
    rss = hwm = 0
    with open("/proc/self/status", encoding="ascii") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                rss = int(line.split()[1])
            elif line.startswith("VmHWM:"):
                hwm = int(line.split()[1])
    print(f"MARK {name} {time.monotonic():.6f} {rss} {hwm}", flush=True)


def main() -> int:
    mark("child_start")
    login, password = os.environ.pop("MOTCUA_BENCH_LOGIN"), os.environ.pop("MOTCUA_BENCH_PASSWORD")
    stay_ms = int(os.environ.pop("MOTCUA_BENCH_STAY_MS", "2000"))
    from app.cli import cmd_windows

    check_schema = cmd_windows.require_current_schema

    def require_current_schema(ctx):  # type: ignore[no-untyped-def]
        """Called by `open_counter` before `run_counter`: the hook to sign in without the dialog and watch the
        window (everything else runs as `motcua counter` runs it)."""
        mark("handler_entered")
        check_schema(ctx)
        mark("schema_checked")
        from PySide6.QtCore import QTimer
        from PySide6.QtWidgets import QApplication

        from app.ui import launch
        from app.ui.stations import counter

        original_sign_in = launch._sign_in

        def signing_in(ctx, role, sign_in_as, what, *rest):  # type: ignore[no-untyped-def]
            mark("sign_in_start")
            try:
                return original_sign_in(ctx, role, sign_in_as or (login, password), what, *rest)
            finally:
                mark("signed_in")

        launch._sign_in = signing_in
        original_init = counter.CounterWindow.__init__

        def init(self, *a, **k):  # type: ignore[no-untyped-def]
            mark("window_init")
            original_init(self, *a, **k)
            mark("window_built")
            poll = QTimer(self)
            poll.setInterval(5)

            def check() -> None:
                handle = self.windowHandle()
                if (self.isVisible() and handle is not None and handle.isExposed() and self._status is not None
                        and self.actions_by_name["call_next"].isEnabled()):
                    poll.stop()
                    mark("READY")

                    def leave() -> None:
                        mark("after_stay")
                        QApplication.quit()

                    QTimer.singleShot(stay_ms, leave)

            poll.timeout.connect(check)
            poll.start()

        counter.CounterWindow.__init__ = init

    cmd_windows.require_current_schema = require_current_schema
    from app.main import main as motcua

    code = motcua(sys.argv[1:])
    mark("exit")
    return code


if __name__ == "__main__":
    sys.exit(main())
