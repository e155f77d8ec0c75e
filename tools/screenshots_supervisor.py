"""Screenshot of the real supervisor window for the README, made offscreen on a fresh demo store.

Run: .venv/bin/python tools/screenshots_supervisor.py  (writes docs/img/supervisor.png and supervisor-day.png)
"""

from __future__ import annotations

import os
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from screenshots import OUT, SIZE, _wait, demo_context


def main() -> int:
    """Seed a temp demo store, issue, call and finish a few tickets, save the live tab and the day tab."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from app.services import accounts, queue, ratings
    from app.ui.launch import application
    from app.ui.supervisor import SupervisorWindow

    OUT.mkdir(parents=True, exist_ok=True)
    target = OUT / "supervisor.png"
    with demo_context() as ctx:
        clock = [datetime.now(UTC) - timedelta(hours=1)]
        ctx.clock = lambda: clock[0]

        def later(minutes: float) -> None:
            clock[0] += timedelta(minutes=minutes)

        for code in ("DD", "DD", "DD", "TP", "TP", "DN", "GT"):
            queue.issue_ticket(ctx, code)
            later(2.5)
        one, three = accounts.maintenance_acting_as(ctx, "canbo01"), accounts.maintenance_acting_as(ctx, "canbo03")
        steps = ((queue.call_next, one, 1, 1), (queue.start_serving, one, 1, 0.5), (queue.finish, one, 1, 9),
                 (queue.call_next, three, 3, 1), (queue.skip, three, 3, 2), (queue.call_next, three, 3, 0.7),
                 (queue.start_serving, three, 3, 6.3), (queue.finish, three, 3, 0.2), (queue.call_next, one, 1, 3))
        for action, officer, counter, minutes in steps:
            action(ctx, officer, counter)
            if action is queue.finish:
                ratings.record_vote(ctx, counter, "1" if counter == 1 else "2")
            later(minutes)
        for code in ("DD", "TP"):
            queue.issue_ticket(ctx, code)
            later(4)
        app = application()
        window = SupervisorWindow(ctx, accounts.sign_in(ctx, "giamsat", "giamsat123"))
        window.resize(*SIZE)
        window.show()
        _wait(app, lambda: not window.worker.busy and window.waiting("DD") != "")
        window.grab().save(str(target))
        window.tabs.setCurrentIndex(1)
        window.load_day()
        _wait(app, lambda: not window.worker.busy)
        day = OUT / "supervisor-day.png"
        window.grab().save(str(day))
        window.close()
    print(target)
    print(day)
    return 0


if __name__ == "__main__":
    sys.exit(main())
