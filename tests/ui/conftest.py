"""Fixtures of the window tests: offscreen Qt, the demo centre, the admin window signed in as the demo admin."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator  # noqa: E402

import pytest  # noqa: E402

WAIT_MS = 20_000
# the offscreen platform says this whenever a window is shown; it is about the platform, not about us
OFFSCREEN_NOISE = "This plugin does not support propagateSizeHints"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Ignore the offscreen platform's own warning in every window test (other Qt warnings still fail)."""
    for item in items:
        if "tests/ui/" in str(item.fspath).replace("\\", "/"):
            item.add_marker(pytest.mark.qt_log_ignore(OFFSCREEN_NOISE))


@pytest.fixture(autouse=True)
def vietnamese_windows(qapp):  # type: ignore[no-untyped-def]
    """Every window test runs in Vietnamese, Qt's own buttons included, as `motcua demo` and the stations do."""
    from app.ui import i18n

    i18n.use("vi")


@pytest.fixture(autouse=True)
def collect_on_the_gui_thread_only() -> Iterator[None]:
    """As the stations do (app.ui.worker.MainThreadCollector): no automatic garbage collection while a window test
    runs, so a Worker's pool thread never destroys a Qt object left in a cycle (a «QBasicTimer::stop: Failed …
    from a different thread» warning failed a sign-in test); what a test leaves is collected here, on this thread."""
    import gc

    gc.collect()
    gc.disable()
    yield
    gc.collect()
    gc.enable()


@pytest.fixture(autouse=True)
def scanner_pace(monkeypatch: pytest.MonkeyPatch) -> None:
    """A scanner types a key every few ms, a person every 100 ms or more; the product tells them apart at 50 ms.
    qtbot types a scan from this test process, which a busy machine may pause between two keys (a real scanner's
    keys wait in the event queue instead), so the tests draw the line at 100 ms: still below a person's pace,
    which test_a_person_typing_is_not_a_scan types at 120 ms a key."""
    from app.ui.stations import dossier_view
    from app.ui.stations.intake import card_scan

    monkeypatch.setattr(dossier_view, "SCAN_GAP_S", 0.1)
    monkeypatch.setattr(card_scan, "SCAN_GAP_S", 0.1)


@pytest.fixture()
def admin(demo_ctx):  # type: ignore[no-untyped-def]
    """The demo administrator (quantri), signed in."""
    from app.services.accounts import sign_in

    return sign_in(demo_ctx, "quantri", "quantri123")


@pytest.fixture()
def idle(qtbot):  # type: ignore[no-untyped-def]
    """wait(widget_with_worker): wait until its background work is done and its results are shown."""
    return lambda w: wait_idle(qtbot, w)


@pytest.fixture()
def window(qtbot, demo_ctx, admin) -> Iterator:  # type: ignore[no-untyped-def]
    """The admin window on the demo centre, shown, with its first loads finished."""
    from app.ui.admin import AdminWindow

    w = AdminWindow(demo_ctx, admin)
    qtbot.addWidget(w)
    w.resize(1366, 768)
    w.show()
    wait_idle(qtbot, w)
    yield w
    w.close()


def wait_idle(qtbot, w) -> None:  # type: ignore[no-untyped-def]
    """Wait until the window's background work has finished and its results are on screen."""
    qtbot.waitUntil(lambda: not w.worker.busy, timeout=WAIT_MS)


@pytest.fixture()
def ten_calls(demo_ctx):  # type: ignore[no-untyped-def]
    """Every counter of the demo centre has called a number (1001 … 9001: four digits, wide ones included), each
    by its own officer."""
    from app.services import accounts, queue

    for i in range(30):
        queue.issue_ticket(demo_ctx, ("DD", "TP", "DN", "GT", "TKQ")[i % 5])
    for counter in range(1, 11):  # canbo01 at counter 1 … canbo10 at counter 10
        queue.call_next(demo_ctx, accounts.maintenance_acting_as(demo_ctx, f"canbo{counter:02d}"), counter)
    return demo_ctx


def late_dossier(ctx, procedure_code: str, days_ago: int) -> str:  # type: ignore[no-untyped-def]
    """A dossier of `procedure_code` received `days_ago` days ago (late when its time was shorter), its code."""
    from datetime import timedelta

    from app.domain.dossier import IntakeDraft
    from app.services import accounts, dossiers

    now = ctx.clock
    ctx.clock = lambda: now() - timedelta(days=days_ago)
    try:
        officer = accounts.maintenance_acting_as(ctx, "canbo02")
        draft = IntakeDraft(applicant_name="Nguyễn Thị Ánh Tuyết", id_number="001185012345", phone="0912345678",
                            address="Tân Phong, Lai Châu", birth_year=1985, sex="female")
        return dossiers.receive_dossier(ctx, officer, dossiers.procedure_id_by_code(ctx, procedure_code), draft).code
    finally:
        ctx.clock = now


@pytest.fixture()
def station_look(qapp) -> Iterator[None]:  # type: ignore[no-untyped-def]
    """The look the stations have in production (app.ui.launch.application: Fusion, the bundled DejaVu Sans at
    10 pt, not the test platform's 9 pt default), so text widths are measured as a centre sees them; the test
    application's font is put back afterwards."""
    from app.ui.launch import application

    from app.ui.worker import MainThreadCollector

    font = qapp.font()
    application()
    yield
    qapp.setFont(font)
    collector = qapp.findChild(MainThreadCollector)
    if isinstance(collector, MainThreadCollector):  # the tests that are not window tests collect as Python does
        collector.uninstall()
