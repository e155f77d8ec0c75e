"""Screenshot of the real counter window for the README, made offscreen on a fresh demo store.

Run: .venv/bin/python tools/screenshots_counter.py  (writes docs/img/counter.png)
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from screenshots import OUT, SIZE, _wait, demo_context


def main() -> int:
    """Seed a temp demo store, issue a few tickets (one priority), call one at counter 1, save the PNG."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from app.services import accounts, queue
    from app.ui.launch import application
    from app.ui.stations.counter import CounterWindow

    OUT.mkdir(parents=True, exist_ok=True)
    target = OUT / "counter.png"
    with demo_context() as ctx:
        for code, priority in (("DD", None), ("DD", None), ("DD", "elderly"), ("DD", "pregnant"), ("DD", None),
                               ("TP", None), ("TP", None), ("DN", None)):
            queue.issue_ticket(ctx, code, priority)
        app = application()
        window = CounterWindow(ctx, accounts.sign_in(ctx, "canbo01", "canbo123"), 1)
        window.resize(*SIZE)
        window.show()
        idle = lambda: not window.worker.busy and window.panel.waiting("DD") != ""
        _wait(app, idle)
        window.actions_by_name["call_next"].trigger()  # the priority ticket goes first
        _wait(app, lambda: not window.worker.busy and window.current is not None)
        window.grab().save(str(target))
        window.close()
    print(target)
    return 0


if __name__ == "__main__":
    sys.exit(main())
