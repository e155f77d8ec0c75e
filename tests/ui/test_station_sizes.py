"""Every station at every screen size a centre has (the display has its own test, test_display_sizes.py): each
window opens offscreen on the demo centre with ten counters calling four-digit numbers and the catalogue's long
procedure names, keeps the size of the screen (no minimum size larger than it), and no label's or button's text
is wider than its box in any of its tabs."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTabWidget, QWidget

from app.printing.ticket import PROFILE_80MM
from app.services import accounts, hall, queue
from app.services.context import Context
from fit import clipped_texts
from tests.ui.conftest import WAIT_MS, late_dossier

OFFICE = [(1024, 768), (1280, 720), (1366, 768), (1920, 1080)]
HALL = [(1366, 768), (1920, 1080), (1080, 1920)]
STAFF = [(1366, 768), (1920, 1080)]
RATING = [(1024, 768), (1366, 768), (1920, 1080)]


def _counter(qtbot, ctx: Context) -> QWidget:  # type: ignore[no-untyped-def]
    from app.ui.stations.counter import CounterWindow

    w = CounterWindow(ctx, accounts.sign_in(ctx, "canbo01", "canbo123"), 1)
    qtbot.addWidget(w)
    return w


def longest_procedure(dialog) -> int:  # type: ignore[no-untyped-def]
    """The id of the procedure with the longest name the intake picker lists for the ticket's service."""
    items = [dialog.results.item(r) for r in range(dialog.results.count())]
    return int(max(items, key=lambda i: len(i.text())).data(Qt.ItemDataRole.UserRole))


def _intake(qtbot, ctx: Context) -> QWidget:  # type: ignore[no-untyped-def]
    from app.ui.stations.intake import IntakeDialog

    services = {v.draft.code: v for v in hall.list_services(ctx)}
    w = IntakeDialog(ctx, accounts.sign_in(ctx, "canbo01", "canbo123"), "1001", set(services["DD"].draft.agency_ids))
    qtbot.addWidget(w)
    return w


def _kiosk(qtbot, ctx: Context) -> QWidget:  # type: ignore[no-untyped-def]
    from app.ui.stations.kiosk import KioskWindow

    w = KioskWindow(ctx, None, PROFILE_80MM)
    qtbot.addWidget(w)
    return w


def _supervisor(qtbot, ctx: Context) -> QWidget:  # type: ignore[no-untyped-def]
    from app.ui.supervisor import SupervisorWindow

    late_dossier(ctx, "DEMO.SXD.004", 30)  # a long procedure name in the late list
    queue.finish(ctx, accounts.maintenance_acting_as(ctx, "canbo02"), 2)

    w = SupervisorWindow(ctx, accounts.sign_in(ctx, "giamsat", "giamsat123"))
    qtbot.addWidget(w)
    return w


def _admin(qtbot, ctx: Context) -> QWidget:  # type: ignore[no-untyped-def]
    from app.ui.admin import AdminWindow

    w = AdminWindow(ctx, accounts.sign_in(ctx, "quantri", "quantri123"))
    qtbot.addWidget(w)
    return w


def _rating(qtbot, ctx: Context) -> QWidget:  # type: ignore[no-untyped-def]
    from app.ui.stations.rating import RatingWindow

    queue.finish(ctx, accounts.maintenance_acting_as(ctx, "canbo01"), 1)  # the citizen at counter 1 is asked for a rating
    w = RatingWindow(ctx, 1)
    qtbot.addWidget(w)
    return w


STATIONS: dict[str, tuple[Callable[..., QWidget], list[tuple[int, int]]]] = {
    "counter": (_counter, OFFICE), "intake": (_intake, OFFICE), "kiosk": (_kiosk, HALL),
    "supervisor": (_supervisor, STAFF), "admin": (_admin, STAFF), "rating": (_rating, RATING)}
CASES = [(name, size) for name, (_, sizes) in STATIONS.items() for size in sizes]


def loaded(window: QWidget) -> bool:
    """The window's first loads are back and shown."""
    if getattr(window, "worker", None) is not None and window.worker.busy:  # type: ignore[attr-defined]
        return False
    checks: dict[str, Callable[[], bool]] = {
        "CounterWindow": lambda: window.panel.waiting("DD") != "",  # type: ignore[attr-defined]
        "IntakeDialog": lambda: window.index is not None,  # type: ignore[attr-defined]
        "KioskWindow": lambda: bool(window.service_buttons),  # type: ignore[attr-defined]
        "SupervisorWindow": lambda: window.waiting("DD") != "",  # type: ignore[attr-defined]
        "RatingWindow": lambda: bool(window.buttons) and all(  # type: ignore[attr-defined]
            b.isEnabled() for b in window.buttons.values()),  # type: ignore[attr-defined]
    }
    return checks.get(type(window).__name__, lambda: True)()


def every_view(qtbot, window: QWidget) -> Iterator[str]:  # type: ignore[no-untyped-def]
    """Show each tab of each tab widget in turn (the window itself when it has none); yields the tab's name."""
    tabs = window.findChildren(QTabWidget)
    if not tabs:
        yield type(window).__name__
        return
    for tab_widget in tabs:
        for i in range(tab_widget.count()):
            tab_widget.setCurrentIndex(i)
            qtbot.waitUntil(lambda: loaded(window), timeout=WAIT_MS)
            qtbot.wait(20)  # layouts settle after the switch
            yield f"{type(window).__name__} › {tab_widget.tabText(i)}"


def open_at(qtbot, ctx: Context, name: str, width: int, height: int) -> QWidget:  # type: ignore[no-untyped-def]
    """Station `name` shown at width × height, its first loads done (the intake form with a long procedure)."""
    window = STATIONS[name][0](qtbot, ctx)
    window.resize(width, height)
    window.show()
    qtbot.waitUntil(lambda: loaded(window), timeout=WAIT_MS)
    if name == "intake":
        window.search.setText("dat dai")  # type: ignore[attr-defined]
        qtbot.waitUntil(lambda: window.results.count() > 0, timeout=WAIT_MS)  # type: ignore[attr-defined]
        window.choose_procedure(longest_procedure(window))  # type: ignore[attr-defined]
        qtbot.waitUntil(lambda: loaded(window), timeout=WAIT_MS)
    qtbot.wait(50)  # queued resizes and rescales
    return window


@pytest.mark.parametrize("backend", ["sqlite"], indirect=True)
@pytest.mark.usefixtures("station_look")
@pytest.mark.parametrize(("name", "size"), CASES, ids=[f"{n}-{w}x{h}" for n, (w, h) in CASES])
def test_nothing_is_clipped_at_any_size(qtbot, ten_calls: Context, name: str, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
    width, height = size
    window = open_at(qtbot, ten_calls, name, width, height)
    assert (window.width(), window.height()) == (width, height)  # no minimum size pushed it bigger
    problems = {view: clipped_texts(window) for view in every_view(qtbot, window)}
    assert {view: found for view, found in problems.items() if found} == {}
    window.close()


@pytest.mark.parametrize("backend", ["sqlite"], indirect=True)
@pytest.mark.usefixtures("station_look")
def test_the_checker_sees_a_squeezed_button(qtbot, ten_calls: Context) -> None:  # type: ignore[no-untyped-def]
    """The size test can fail: a counter button squeezed to a sliver reports its title (a word wider than it)."""
    window = open_at(qtbot, ten_calls, "counter", 1366, 768)
    button = window.buttons["call_next"]  # type: ignore[attr-defined]
    button.setFixedWidth(40)
    qtbot.wait(50)
    assert any("«Gọi số tiếp theo»" in problem for problem in clipped_texts(window))
    window.close()


def test_the_checker_sees_overlapping_texts_but_not_a_label_inside_its_button(qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QLabel, QPushButton

    window = QWidget()
    qtbot.addWidget(window)
    window.resize(400, 200)
    first, second = QLabel("Quầy 10", window), QLabel("4001", window)
    first.setGeometry(10, 10, 120, 30)
    second.setGeometry(100, 10, 120, 30)  # runs into "Quầy 10"
    button = QPushButton(window)
    button.setGeometry(10, 100, 200, 60)
    QLabel("Gọi số", button).setGeometry(5, 5, 100, 25)
    window.show()
    assert clipped_texts(window) == ["«Quầy 10» over «4001»"]
