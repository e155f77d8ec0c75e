"""Screenshots of the real admin window for the README, made offscreen on a fresh demo store.

Run: .venv/bin/python tools/screenshots.py  (writes docs/img/admin-*.png)
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "docs" / "img"
SIZE = (1366, 768)


def _wait(app: "QApplication", done: Callable[[], bool], timeout_s: float = 30.0) -> None:  # noqa: F821
    """Process events until `done()` (background work finished and delivered)."""
    deadline = time.monotonic() + timeout_s
    while not done():
        if time.monotonic() > deadline:
            raise TimeoutError("the window did not finish loading")
        app.processEvents()
        time.sleep(0.01)
    for _ in range(5):
        app.processEvents()


@contextmanager
def demo_context() -> Iterator["Context"]:  # noqa: F821
    """A fresh demo centre in a temporary SQLite file (dropped afterwards)."""
    from app.services.context import Actor, Context
    from app.services.demo import seed_demo
    from app.store import migrate
    from app.store.engine import Store

    with tempfile.TemporaryDirectory() as tmp:
        store = Store(f"sqlite:///{Path(tmp) / 'demo.sqlite3'}")
        migrate.upgrade(store)
        ctx = Context(store)
        seed_demo(ctx, Actor.maintenance(ctx))
        try:
            yield ctx
        finally:
            store.dispose()


def main() -> int:
    """Seed a temp demo store, open the admin window at 1366×768 and save three PNGs."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt

    from app.services import accounts
    from app.ui.admin import AdminWindow
    from app.ui.launch import application

    OUT.mkdir(parents=True, exist_ok=True)
    with demo_context() as ctx:
        app = application()
        window = AdminWindow(ctx, accounts.sign_in(ctx, "quantri", "quantri123"))
        window.resize(*SIZE)
        window.show()
        idle = lambda: not window.worker.busy  # noqa: E731
        _wait(app, idle)
        tab = window.catalogue
        agency = next(a for a in tab._agencies if a.key == "STNMT")
        tab.select_agency(agency.id)
        chosen = next(p for p in tab._procedures.values()
                      if p.agency_id == agency.id and p.draft.fee_vnd and len(p.draft.documents) >= 3)
        tab.select_procedure(chosen.id)
        _wait(app, idle)
        window.grab().save(str(OUT / "admin-catalogue.png"))
        tab.search_box.setText("tai nguyen")
        tab.select_procedure(int(tab.table.item(0, 0).data(Qt.ItemDataRole.UserRole)))
        _wait(app, idle)
        window.grab().save(str(OUT / "admin-search.png"))
        window.tabs.setCurrentWidget(window.counters)
        window.counters.table.setCurrentCell(8, 0)
        _wait(app, idle)
        window.grab().save(str(OUT / "admin-counters.png"))
        window.close()
    print("\n".join(str(OUT / n) for n in ("admin-catalogue.png", "admin-search.png", "admin-counters.png")))
    return 0


if __name__ == "__main__":
    sys.exit(main())
