"""The counter on both backends: pause (F9), resume (F10) and close (F11) are stored, the display shows them and
calls skip a paused counter; sign-out (F12); a ticket's QR scanned at the counter calls and serves that citizen;
a result-return ticket shows its dossier, its state and whether the result is ready; while serving, the intake
form is the most prominent action."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from app.domain.queue import ticket_qr_payload
from app.services import dossiers, lifecycle, queue
from app.services.context import Actor
from app.services.result_return import issue_result_ticket
from app.ui.stations.announcer import Announcer
from app.ui.stations.display import DisplayWindow
from tests.services.test_dossiers import _draft
from tests.ui.conftest import WAIT_MS, wait_idle
from tests.ui.test_counter import counter_state, officer, open_counter, press  # noqa: F401 (fixture)
from tests.ui.test_display import FakeChime, FakeSpeech

F = Qt.Key


def open_counter_10(qtbot, ctx, actor):  # type: ignore[no-untyped-def]
    """Counter 10 (it calls TKQ, result return), shown, its first loads done."""
    from app.ui.stations.counter import CounterWindow

    w = CounterWindow(ctx, actor, 10)
    qtbot.addWidget(w)
    w.resize(1366, 768)
    w.show()
    w.activateWindow()
    qtbot.waitUntil(lambda: w.isActiveWindow() and w.panel.waiting("TKQ") != "" and not w.worker.busy,
                    timeout=WAIT_MS)
    return w


def test_pause_shows_on_the_display_and_calls_skip_the_counter(qtbot, demo_ctx, officer, tmp_path) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    heard: list[tuple[str, str]] = []
    display = DisplayWindow(demo_ctx, Announcer(FakeSpeech(heard), FakeChime(heard)), "Thông báo thử")
    qtbot.addWidget(display)
    display.resize(1280, 720)
    display.show()
    qtbot.waitUntil(lambda: display.loaded and not display.worker.busy, timeout=WAIT_MS)
    w = open_counter(qtbot, demo_ctx, officer)
    queue.issue_ticket(demo_ctx, "DD")
    press(qtbot, w, F.Key_F9)
    assert counter_state(demo_ctx).mode == "paused" and w.mode_label.text() == "Tạm dừng"
    qtbot.waitUntil(lambda: display.shown_status(1) == "Tạm dừng", timeout=WAIT_MS)
    press(qtbot, w, F.Key_F1)  # a paused counter calls nobody: the key does nothing
    assert counter_state(demo_ctx).ticket is None and not w.actions_by_name["call_next"].isEnabled()
    assert "F10" in w.number.text()
    t = queue.issue_ticket(demo_ctx, "DD")
    qtbot.keyClicks(w, ticket_qr_payload(t.id))  # a scanned ticket at a paused counter: the refusal says why
    qtbot.keyClick(w, F.Key_Return)
    wait_idle(qtbot, w)
    assert "Quầy 1 đang tạm dừng: mở lại quầy (F10)" in w.bar.current_text()
    assert w.grab().save(str(tmp_path / "counter-paused.png"))
    assert display.grab().save(str(tmp_path / "display-paused.png"))
    press(qtbot, w, F.Key_F11)
    qtbot.waitUntil(lambda: display.shown_status(1) == "Đã đóng", timeout=WAIT_MS)
    press(qtbot, w, F.Key_F10)
    assert counter_state(demo_ctx).mode == "open"
    qtbot.waitUntil(lambda: display.shown_status(1) == "", timeout=WAIT_MS)
    press(qtbot, w, F.Key_F1)
    assert counter_state(demo_ctx).ticket is not None
    w.close()
    display.close()


def test_sign_out_asks_the_next_officer_to_sign_in_at_the_same_counter(qtbot, demo_ctx, officer) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    from app.ui.live import live_factory
    from app.ui.stations.counter.shift import CounterShift

    shift = CounterShift(demo_ctx, 1, live_factory(demo_ctx))
    # the shift deletes each window itself after its sign-out: not registered with qtbot, whose teardown would close
    # a deleted window whenever a reference cycle not yet collected keeps its Python wrapper alive
    first = shift.start(officer)
    first.activateWindow()
    qtbot.waitUntil(lambda: first.isActiveWindow() and not first.worker.busy and first._setup is not None,
                    timeout=WAIT_MS)
    queue.issue_ticket(demo_ctx, "DD")
    press(qtbot, first, F.Key_F1)
    assert not first.actions_by_name["sign_out"].isEnabled()  # finish the citizen first
    press(qtbot, first, F.Key_F6)
    qtbot.keyClick(first, F.Key_F12)
    dialog = shift.sign_in_dialog
    assert dialog is not None and dialog.windowTitle() == "Đăng nhập — Quầy số 1"
    qtbot.waitUntil(lambda: not first.isVisible(), timeout=WAIT_MS)
    qtbot.keyClicks(dialog.login, "canbo02")
    qtbot.keyClicks(dialog.password, "canbo123")
    with qtbot.waitSignal(dialog.finished, timeout=WAIT_MS):
        dialog.sign_in_button.click()
    second = shift.window
    assert second is not None and second is not first and second.actor.login == "canbo02"
    assert "Quầy số 1 — Nguyễn Thị Hương" in [label.text() for label in second.findChildren(type(second.number))]
    qtbot.waitUntil(lambda: not second.worker.busy and second._setup is not None, timeout=WAIT_MS)
    with qtbot.waitSignal(shift.finished, timeout=WAIT_MS):  # the next sign-in cancelled: the station ends
        qtbot.keyClick(second, F.Key_F12)
        assert shift.sign_in_dialog is not None
        shift.sign_in_dialog.cancel_button.click()


def test_a_scanned_ticket_is_served_and_a_result_return_shows_its_dossier(qtbot, demo_ctx, officer,  # type: ignore[no-untyped-def]  # noqa: F811
                                                                          tmp_path) -> None:
    pid = dossiers.procedure_id_by_code(demo_ctx, "DEMO.SXD.004")
    d = dossiers.receive_dossier(demo_ctx, Actor.maintenance(demo_ctx), pid, _draft())
    lifecycle.apply_action(demo_ctx, Actor.maintenance(demo_ctx), d.code, "resolve")
    got = issue_result_ticket(demo_ctx, d.code)
    assert got.ticket.service_code == "TKQ"  # the demo's result-return service, called at counter 10
    w = open_counter_10(qtbot, demo_ctx, officer)
    qtbot.keyClicks(w, ticket_qr_payload(got.ticket.id))  # the 2-D scanner reads the ticket's QR
    qtbot.keyClick(w, F.Key_Return)
    qtbot.waitUntil(lambda: w.return_label.isVisible(), timeout=WAIT_MS)
    wait_idle(qtbot, w)
    state = counter_state(demo_ctx, 10)
    if state.ticket is None:
        pytest.fail(w.bar.current_text())
    assert state.ticket == got.ticket.display_number and state.status == "serving"
    text = w.return_label.text()
    assert d.code in text and "Đã có kết quả" in text and "KẾT QUẢ ĐÃ SẴN SÀNG ĐỂ TRẢ" in text
    assert w.buttons["intake"].property("primary") is True  # serving: the intake form leads
    assert w.buttons["finish_and_next"].property("primary") is False
    assert w.grab().save(str(tmp_path / "counter-result-return.png"))
    w.close()


def test_the_sign_in_names_the_station_and_can_be_cancelled(qtbot, demo_ctx) -> None:  # type: ignore[no-untyped-def]
    from app.domain.accounts import Role
    from app.ui.signin import SignInDialog

    dialog = SignInDialog(demo_ctx, Role.OFFICER, station="Quầy số 3")
    qtbot.addWidget(dialog)
    dialog.open()
    assert dialog.windowTitle() == "Đăng nhập — Quầy số 3" and dialog.station_label.text() == "Quầy số 3"
    assert dialog.cancel_button.text() == "Hủy (Esc)"
    with qtbot.waitSignal(dialog.finished, timeout=WAIT_MS):
        dialog.cancel_button.click()
    assert dialog.result() == SignInDialog.DialogCode.Rejected and dialog.actor is None


def test_the_transfer_dialog_does_not_offer_a_paused_counter(qtbot, demo_ctx, officer) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    from app.domain.queue import CounterMode

    queue.set_counter_mode(demo_ctx, officer, 4, CounterMode.PAUSED)  # counters 3 and 4 call TP
    w = open_counter(qtbot, demo_ctx, officer)
    queue.issue_ticket(demo_ctx, "DD")
    press(qtbot, w, F.Key_F1)
    qtbot.keyClick(w, F.Key_F5)
    dialog = w.transfer_dialog
    assert dialog is not None
    qtbot.keyClicks(dialog.filter, "TP")
    offered = [dialog.counter.itemData(i) for i in range(dialog.counter.count())]
    assert offered == [None, 3]  # any counter, or counter 3; not the paused counter 4
    qtbot.keyClick(dialog.filter, F.Key_Escape)
    w.close()
