"""The kiosk on both backends: the priority choice is cleared after a ticket and after PRIORITY_RESET_MS without
a touch; each service button shows who waits and the expected wait; a receipt's barcode scanned at the kiosk (a
keyboard wedge: fast keys, then Enter) gives a result-return ticket joined to that dossier, whose printed QR code
reads back as the ticket."""

from __future__ import annotations

from PySide6.QtCore import Qt

from app.domain.queue import ticket_qr_payload
from app.services import dossiers, queue
from app.services.context import Actor, Context
from tests.services.test_dossiers import _draft
from tests.ui.conftest import WAIT_MS, wait_idle
from tests.ui.test_kiosk import _kiosk, _press, printer, sim  # noqa: F401 (fixtures)


def test_the_priority_choice_clears_after_a_ticket_and_after_no_touch(qtbot, demo_ctx: Context) -> None:  # type: ignore[no-untyped-def]
    w = _kiosk(qtbot, demo_ctx, None)
    assert w.priority_reset_ms == 15_000
    w.priority_reset_ms = 300  # the test does not wait 15 s
    qtbot.mouseClick(w.priority_buttons["elderly"], Qt.MouseButton.LeftButton)
    assert w.chosen_priority == "elderly"
    qtbot.waitUntil(lambda: w.chosen_priority is None, timeout=WAIT_MS)  # nobody touched: cleared
    qtbot.mouseClick(w.priority_buttons["disabled"], Qt.MouseButton.LeftButton)
    view = _press(qtbot, w, "DD")
    assert view.priority_kind == "disabled" and w.chosen_priority is None  # cleared after the ticket
    w.close()


def test_each_service_button_shows_who_waits_and_the_expected_wait(qtbot, demo_ctx: Context, tmp_path) -> None:  # type: ignore[no-untyped-def]
    w = _kiosk(qtbot, demo_ctx, None)
    assert w.service_wait_text("DD") == "Không có ai đang chờ"
    for _ in range(3):
        queue.issue_ticket(demo_ctx, "DD")
    expected = queue.service_waits(demo_ctx)["DD"]
    qtbot.waitUntil(lambda: w.service_wait_text("DD") == f"3 người đang chờ · khoảng {expected.wait_minutes} phút",
                    timeout=WAIT_MS)  # the live feed reloads the kiosk
    assert w.grab().save(str(tmp_path / "kiosk-waits.png"))
    w.close()


def test_a_scanned_receipt_gives_a_result_return_ticket(qtbot, demo_ctx: Context, printer, sim) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    pid = dossiers.procedure_id_by_code(demo_ctx, "DEMO.SXD.004")
    d = dossiers.receive_dossier(demo_ctx, Actor.maintenance(demo_ctx), pid, _draft())
    w = _kiosk(qtbot, demo_ctx, printer)
    w.activateWindow()
    w.setFocus()
    with qtbot.waitSignal(w.ticket_issued, timeout=WAIT_MS) as blocker:
        qtbot.keyClicks(w, d.code)  # the scanner types the barcode's text, then Enter
        qtbot.keyClick(w, Qt.Key.Key_Return)
    view = blocker.args[0]
    assert view.dossier_id == d.id
    assert f"Trả kết quả hồ sơ {d.code}" in w.confirmation_text()
    assert sim.wait_for_tickets(1, 5)
    ticket = sim.tickets[0].decoded
    assert [q.data.decode() for q in ticket.qr_codes] == [ticket_qr_payload(view.id, view.display_number)]
    assert d.code in ticket.plain_text()
    wait_idle(qtbot, w)
    w.close()


def test_a_scanned_code_of_no_dossier_says_so(qtbot, demo_ctx: Context) -> None:  # type: ignore[no-untyped-def]
    w = _kiosk(qtbot, demo_ctx, None)
    w.setFocus()
    qtbot.keyClicks(w, "000.00.02.H33-231027-9999")
    qtbot.keyClick(w, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: w.confirmation_visible, timeout=WAIT_MS)
    assert "Không tìm thấy hồ sơ mã 000.00.02.H33-231027-9999" in w.confirmation_text()
    w.close()
