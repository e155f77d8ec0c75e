"""The kiosk window on both backends: a press takes a number, the simulated printer (a real pty) gets the ticket,
a pulled cable leaves the ticket unprinted with a plain message, and the replugged printer reprints it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from app.devices.manager import DeviceManager, DeviceState
from app.devices.printer import TicketPrinter, printer_manager
from app.devices.simulators import PrinterSimulator
from app.printing.ticket import PROFILE_80MM
from app.services import hall, ticket_printing
from app.services.context import Actor, Context
from tests.ui.conftest import WAIT_MS, wait_idle


def _kiosk(qtbot, ctx: Context, printer: DeviceManager[TicketPrinter] | None):  # type: ignore[no-untyped-def]
    from app.ui.stations.kiosk import KioskWindow

    w = KioskWindow(ctx, printer, PROFILE_80MM)
    qtbot.addWidget(w)
    w.resize(1366, 768)
    w.show()
    qtbot.waitUntil(lambda: bool(w.service_buttons), timeout=WAIT_MS)
    wait_idle(qtbot, w)
    return w


@pytest.fixture()
def sim(tmp_path: Path) -> Iterator[PrinterSimulator]:
    """A simulated ESC/POS printer on a pty behind tmp_path/printer."""
    simulator = PrinterSimulator(tmp_path / "tickets", link=tmp_path / "printer")
    simulator.start()
    yield simulator
    simulator.stop()


@pytest.fixture()
def printer(sim: PrinterSimulator) -> Iterator[DeviceManager[TicketPrinter]]:
    """The kiosk's printer manager, started and connected."""
    # the simulator is a thread of this busy test process: give it longer than a real printer to answer
    manager = printer_manager(sim.url, PROFILE_80MM, idle_interval=0.3, status_timeout=2.0)
    manager.start()
    assert manager.wait_for(DeviceState.CONNECTED, 5)
    yield manager
    manager.stop()


@pytest.fixture()
def kiosk(qtbot, demo_ctx: Context, printer: DeviceManager[TicketPrinter]) -> Iterator:  # type: ignore[no-untyped-def]
    """The kiosk with the simulated printer, services loaded and the printer shown as ready."""
    w = _kiosk(qtbot, demo_ctx, printer)
    qtbot.waitUntil(lambda: w.printer_status.state is DeviceState.CONNECTED, timeout=WAIT_MS)
    yield w
    w.close()


def _press(qtbot, w, code: str):  # type: ignore[no-untyped-def]
    """Press a service button and return the TicketView once the number is on screen."""
    with qtbot.waitSignal(w.ticket_issued, timeout=WAIT_MS) as blocker:
        w.service_buttons[code].click()
    return blocker.args[0]


def _printed(ctx: Context, view) -> bool:  # type: ignore[no-untyped-def]
    return ticket_printing.reprint_view(ctx, view.id).printed


def test_one_big_button_per_active_service_and_the_centre_name(qtbot, demo_ctx: Context) -> None:  # type: ignore[no-untyped-def]
    w = _kiosk(qtbot, demo_ctx, None)
    assert list(w.service_buttons) == ["DD", "TP", "DN", "GT", "DN2", "TKQ"]
    assert w.service_buttons["TKQ"].label.text() == "Trả kết quả"
    assert all(b.height() >= 120 and b.width() >= 300 for b in w.service_buttons.values())  # touch-sized
    assert all(b.height() >= 70 for b in w.priority_buttons.values())
    assert w.centre_label.text() == "Trung tâm Phục vụ hành chính công tỉnh Lai Châu"
    assert w.printer_status.isHidden()
    w.close()


def test_a_press_issues_1001_and_shows_it_without_a_printer(qtbot, demo_ctx: Context) -> None:  # type: ignore[no-untyped-def]
    w = _kiosk(qtbot, demo_ctx, None)
    view = _press(qtbot, w, "DD")
    assert view.display_number == "1001" and view.service_code == "DD" and view.priority_kind is None
    assert w.confirmation_visible
    text = w.confirmation_text()
    assert "1001" in text and "Đất đai, Tài nguyên – Môi trường, Xây dựng" in text
    assert "Vui lòng ghi nhớ số 1001 và chờ gọi số" in text
    assert not _printed(demo_ctx, view)  # no printer at this kiosk: nothing claims it was printed
    w.done_button.click()
    assert not w.confirmation_visible
    assert _press(qtbot, w, "DD").display_number == "1002"
    assert "Trước bạn còn 1 người" in w.confirmation_text()
    w.close()


def test_buttons_are_disabled_while_the_ticket_is_being_issued(qtbot, demo_ctx: Context) -> None:  # type: ignore[no-untyped-def]
    w = _kiosk(qtbot, demo_ctx, None)
    with qtbot.waitSignal(w.ticket_issued, timeout=WAIT_MS):
        w.service_buttons["TP"].click()
        assert not w.service_buttons["TP"].isEnabled() and not w.service_buttons["DD"].isEnabled()
        w.issue("TP")  # a second press before the first answer is ignored
    wait_idle(qtbot, w)
    assert w.last_ticket.display_number == "2001"
    assert [v.display_number for v in ticket_printing.unprinted_tickets(demo_ctx)] == ["2001"]
    assert all(b.isEnabled() for b in w.service_buttons.values())
    w.close()


def test_a_priority_press_issues_a_priority_ticket_and_clears_the_choice(qtbot, demo_ctx: Context) -> None:  # type: ignore[no-untyped-def]
    w = _kiosk(qtbot, demo_ctx, None)
    w.priority_buttons["disabled"].click()
    w.priority_buttons["elderly"].click()  # one at a time
    assert w.chosen_priority == "elderly" and not w.priority_buttons["disabled"].isChecked()
    view = _press(qtbot, w, "TKQ")
    assert view.priority_kind == "elderly" and view.display_number == "9001"
    assert "Ưu tiên: Người cao tuổi" in w.confirmation_text()
    assert w.chosen_priority is None
    w.close()


def test_a_deactivated_service_disappears(qtbot, demo_ctx: Context) -> None:  # type: ignore[no-untyped-def]
    w = _kiosk(qtbot, demo_ctx, None)
    view = next(v for v in hall.list_services(demo_ctx) if v.draft.code == "DN2")
    draft = view.draft.__class__(**{**view.draft.__dict__, "active": False})
    hall.save_service(demo_ctx, Actor.maintenance(demo_ctx), view.id, draft)
    w.load()  # the live feed does the same on PostgreSQL once save_service publishes "catalog"
    qtbot.waitUntil(lambda: "DN2" not in w.service_buttons, timeout=WAIT_MS)
    assert list(w.service_buttons) == ["DD", "TP", "DN", "GT", "TKQ"]
    w.close()


def test_the_ticket_is_printed_and_marked_printed(qtbot, kiosk, sim: PrinterSimulator,  # type: ignore[no-untyped-def]
                                                  demo_ctx: Context) -> None:
    with qtbot.waitSignal(kiosk.print_recorded, timeout=WAIT_MS) as recorded:
        view = _press(qtbot, kiosk, "DD")
    assert recorded.args == [view.id, True]
    assert view.display_number == "1001" and "1001" in kiosk.confirmation_text()
    assert "Mời bạn nhận phiếu in" in kiosk.confirmation_text()
    assert sim.wait_for_tickets(1, 5)
    assert "1001" in [line.text for line in sim.tickets[0].decoded.text_lines]
    assert _printed(demo_ctx, view)
    assert ticket_printing.unprinted_tickets(demo_ctx) == []


def test_unplugged_printer_keeps_the_ticket_and_reprints_it_after_replug(  # type: ignore[no-untyped-def]
        qtbot, kiosk, sim: PrinterSimulator, demo_ctx: Context) -> None:
    sim.unplug()
    qtbot.waitUntil(lambda: kiosk.printer_status.state is DeviceState.DISCONNECTED, timeout=WAIT_MS)
    assert not kiosk.notice.isHidden()  # citizens are told before they press
    with qtbot.waitSignal(kiosk.print_recorded, timeout=WAIT_MS) as recorded:
        view = _press(qtbot, kiosk, "GT")
    assert recorded.args == [view.id, False]
    text = kiosk.confirmation_text()
    assert "Máy in đang gặp sự cố: " in text and "\nVui lòng ghi nhớ số 4001 và chờ gọi số" in text
    assert str(sim.link) not in text  # plain words for citizens; the port is for staff (tooltip)
    assert str(sim.link) in kiosk.printer_status.toolTip()
    assert not _printed(demo_ctx, view)
    assert [v.id for v in ticket_printing.unprinted_tickets(demo_ctx)] == [view.id]
    assert not sim.tickets

    with qtbot.waitSignal(kiosk.print_recorded, timeout=10_000) as reprinted:
        sim.replug()
    assert reprinted.args == [view.id, True]
    assert sim.wait_for_tickets(1, 5)
    assert "4001" in [line.text for line in sim.tickets[0].decoded.text_lines]
    assert _printed(demo_ctx, view)
    assert kiosk.printer_status.state is DeviceState.CONNECTED and kiosk.notice.isHidden()


def test_paper_out_then_staff_reprint_on_demand_after_a_restart(  # type: ignore[no-untyped-def]
        qtbot, kiosk, printer: DeviceManager[TicketPrinter], sim: PrinterSimulator, demo_ctx: Context) -> None:
    from PySide6.QtCore import Qt

    sim.paper_out = True
    with qtbot.waitSignal(kiosk.print_recorded, timeout=WAIT_MS):
        view = _press(qtbot, kiosk, "TP")
    assert "Máy in đang gặp sự cố: hết giấy.\nVui lòng ghi nhớ số 2001" in kiosk.confirmation_text()
    qtbot.waitUntil(lambda: kiosk.printer_status.state is DeviceState.FAULT, timeout=WAIT_MS)
    assert kiosk.printer_status.text.text() == "Máy in phiếu: Máy in hết giấy"
    kiosk.close()  # the kiosk is restarted while the printer is out of paper: it forgets its own failures
    sim.paper_out = False
    restarted = _kiosk(qtbot, demo_ctx, printer)
    qtbot.waitUntil(lambda: restarted.printer_status.state is DeviceState.CONNECTED, timeout=WAIT_MS)
    wait_idle(qtbot, restarted)
    assert not _printed(demo_ctx, view) and not sim.tickets
    with qtbot.waitSignal(restarted.print_recorded, timeout=WAIT_MS) as reprinted:
        qtbot.keyClick(restarted, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)  # staff: «In lại phiếu lỗi»
    assert reprinted.args == [view.id, True]
    assert sim.wait_for_tickets(1, 5) and _printed(demo_ctx, view)
    assert "2001" in [line.text for line in sim.tickets[0].decoded.text_lines]
    restarted.close()
