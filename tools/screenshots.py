"""Screenshots of the real admin window for the README, made offscreen on a fresh demo store; with --sizes, every
station at 1366×768 and 1920×1080 on a busy morning (ten counters calling four-digit numbers, a late dossier).

Run: .venv/bin/python tools/screenshots.py  (writes docs/img/admin-*.png)
     .venv/bin/python tools/screenshots.py --sizes  (writes docs/img/sizes/<station>-<width>x<height>.png)
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


STATION_SIZES = ((1366, 768), (1920, 1080))


def busy_morning(ctx: "Context") -> None:  # noqa: F821
    """Thirty tickets, each of the ten counters calling one by its own officer, one citizen served at counter 2
    and rating at counter 1, a dossier a month late."""
    from datetime import UTC, datetime, timedelta

    from app.domain.dossier import IntakeDraft
    from app.services import accounts, dossiers, queue

    for i in range(30):
        queue.issue_ticket(ctx, ("DD", "TP", "DN", "GT", "TKQ")[i % 5])
    for counter in range(1, 11):
        queue.call_next(ctx, accounts.maintenance_acting_as(ctx, f"canbo{counter:02d}"), counter)
    queue.finish(ctx, accounts.maintenance_acting_as(ctx, "canbo02"), 2)
    now = datetime.now(UTC)
    ctx.clock = lambda: now - timedelta(days=30)
    draft = IntakeDraft(applicant_name="Nguyễn Thị Ánh Tuyết", id_number="001185012345", phone="0912345678",
                        address="Tân Phong, Lai Châu", birth_year=1985, sex="female")
    dossiers.receive_dossier(ctx, accounts.maintenance_acting_as(ctx, "canbo02"),
                             dossiers.procedure_id_by_code(ctx, "DEMO.SXD.004"), draft)
    ctx.clock = lambda: datetime.now(UTC)


def station_windows(ctx: "Context") -> dict[str, tuple["QWidget", Callable[[], bool]]]:  # noqa: F821
    """Each station's window on `ctx` with the test of its first loads being on screen."""
    from app.printing.ticket import PROFILE_80MM
    from app.services import accounts, hall
    from app.ui.admin import AdminWindow
    from app.ui.stations.counter import CounterWindow
    from app.ui.stations.display import DEFAULT_NOTICE, DisplayWindow
    from app.ui.stations.intake import IntakeDialog
    from app.ui.stations.kiosk import KioskWindow
    from app.ui.stations.rating import RatingWindow
    from app.ui.supervisor import SupervisorWindow

    dd = next(v for v in hall.list_services(ctx) if v.draft.code == "DD")
    counter = CounterWindow(ctx, accounts.sign_in(ctx, "canbo01", "canbo123"), 1)
    intake = IntakeDialog(ctx, accounts.sign_in(ctx, "canbo01", "canbo123"), "1001", set(dd.draft.agency_ids))
    display = DisplayWindow(ctx, None, DEFAULT_NOTICE)
    kiosk = KioskWindow(ctx, None, PROFILE_80MM)
    supervisor = SupervisorWindow(ctx, accounts.sign_in(ctx, "giamsat", "giamsat123"))
    admin = AdminWindow(ctx, accounts.sign_in(ctx, "quantri", "quantri123"))
    rating = RatingWindow(ctx, 2)
    return {
        "counter": (counter, lambda: counter.panel.waiting("DD") != "" and not counter.worker.busy),
        "intake": (intake, lambda: intake.index is not None and not intake.worker.busy),
        "display": (display, lambda: display.loaded and display.shown_ticket(10) != "" and not display.worker.busy),
        "kiosk": (kiosk, lambda: bool(kiosk.service_buttons) and not kiosk.worker.busy),
        "supervisor": (supervisor, lambda: supervisor.waiting("DD") != "" and not supervisor.worker.busy),
        "admin": (admin, lambda: not admin.worker.busy),
        "rating": (rating, lambda: rating.officer.text() != "" and not rating.worker.busy),
    }


def station_sizes() -> list[Path]:
    """Every station at each of STATION_SIZES on a busy morning; the intake form with a long procedure chosen,
    the supervisor on its due and late tab."""
    from PySide6.QtCore import Qt

    from app.ui.launch import application

    out_dir = OUT / "sizes"
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    with demo_context() as ctx:
        busy_morning(ctx)
        app = application()
        for name, (window, ready) in station_windows(ctx).items():
            window.show()
            _wait(app, ready)
            if name == "intake":
                window.search.setText("dat dai")  # type: ignore[attr-defined]
                items = [window.results.item(r) for r in range(window.results.count())]  # type: ignore[attr-defined]
                longest = max(items, key=lambda i: len(i.text()))
                window.choose_procedure(int(longest.data(Qt.ItemDataRole.UserRole)))  # type: ignore[attr-defined]
            if name == "supervisor":
                window.tabs.setCurrentWidget(window.due)  # type: ignore[attr-defined]
            for width, height in STATION_SIZES:
                window.resize(width, height)
                _wait(app, ready)
                target = out_dir / f"{name}-{width}x{height}.png"
                window.grab().save(str(target))
                written.append(target)
            window.close()
    return written


def main() -> int:
    """Seed a temp demo store, open the admin window at 1366×768 and save three PNGs (--sizes: every station at
    every size of STATION_SIZES)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt

    from app.services import accounts
    from app.ui.admin import AdminWindow
    from app.ui.launch import application

    if "--sizes" in sys.argv[1:]:
        print("\n".join(str(path) for path in station_sizes()))
        return 0
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
