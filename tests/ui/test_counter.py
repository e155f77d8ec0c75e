"""The counter station as an officer uses it: keys only, on both backends (counter 1 calls service DD)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt

from app.services import accounts, queue
from app.services.ticket_printing import reprint_view
from app.ui.stations.counter import CounterWindow
from tests.ui.conftest import WAIT_MS, wait_idle

F = Qt.Key
CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture()
def officer(demo_ctx):  # type: ignore[no-untyped-def]
    """The demo officer canbo01 (Lò Văn Minh), signed in."""
    return accounts.sign_in(demo_ctx, "canbo01", "canbo123")


def open_counter(qtbot, ctx, actor, number: int = 1) -> CounterWindow:  # type: ignore[no-untyped-def]
    """A counter window, shown and active, with its first loads on screen."""
    w = CounterWindow(ctx, actor, number)
    qtbot.addWidget(w)
    w.resize(1366, 768)
    w.show()
    w.activateWindow()
    qtbot.waitUntil(lambda: w.isActiveWindow() and w.panel.waiting("DD") != "" and not w.worker.busy,
                    timeout=WAIT_MS)
    return w


@pytest.fixture()
def window(qtbot, demo_ctx, officer) -> Iterator[CounterWindow]:  # type: ignore[no-untyped-def]
    """Counter 1 signed in as canbo01."""
    w = open_counter(qtbot, demo_ctx, officer)
    yield w
    w.close()


def press(qtbot, w: CounterWindow, key: Qt.Key, modifier=Qt.KeyboardModifier.NoModifier) -> None:  # type: ignore[no-untyped-def]
    """One key on the window, then wait for the store's answer to be on screen."""
    qtbot.keyClick(w, key, modifier)
    wait_idle(qtbot, w)


def counter_state(ctx, number: int = 1):  # type: ignore[no-untyped-def]
    """What the store says counter `number` holds now."""
    return next(c for c in queue.queue_status(ctx).counters if c.number == number)


def test_the_header_names_the_counter_and_the_officer(window) -> None:
    texts = [label.text() for label in window.findChildren(type(window.number))]
    assert "Quầy số 1 — Lò Văn Minh" in texts
    assert window.state.text() == "Chưa có số"
    assert window.number.text() == "Bấm F1 hoặc Space để gọi số tiếp theo."


def test_f1_calls_the_next_ticket_in_big_digits(qtbot, window, demo_ctx) -> None:
    queue.issue_ticket(demo_ctx, "DD")
    press(qtbot, window, F.Key_F1)
    assert window.number.text() == "1001"
    assert window.state.text() == "Đã gọi"
    assert window.service.text().startswith("DD — Đất đai")
    assert (counter_state(demo_ctx).ticket, counter_state(demo_ctx).status) == ("1001", "called")
    assert window.buttons["recall"].isEnabled() and not window.buttons["call_next"].isEnabled()


def test_space_calls_too_and_nobody_waiting_is_said(qtbot, window, demo_ctx) -> None:
    press(qtbot, window, F.Key_Space)
    assert window.state.text() == "Chưa có số"
    assert window.number.text() == "Không có ai đang chờ."
    assert counter_state(demo_ctx).ticket is None


def test_f2_recalls_and_counts_the_calls_in_the_store(qtbot, window, demo_ctx) -> None:
    ticket = queue.issue_ticket(demo_ctx, "DD")
    press(qtbot, window, F.Key_F1)
    press(qtbot, window, F.Key_F2)
    assert reprint_view(demo_ctx, ticket.id).call_count == 2
    assert "đã gọi 2 lần" in window.elapsed.text()


def test_f3_then_f6_serves_and_finishes(qtbot, window, demo_ctx) -> None:
    ticket = queue.issue_ticket(demo_ctx, "DD")
    press(qtbot, window, F.Key_F1)
    press(qtbot, window, F.Key_F3)
    assert window.state.text() == "Đang phục vụ"
    assert not window.buttons["recall"].isEnabled() and not window.buttons["skip"].isEnabled()
    press(qtbot, window, F.Key_F6)
    assert window.state.text() == "Chưa có số"
    assert window.number.text() == "Đã kết thúc số 1001. Bấm F1 để gọi số tiếp theo."
    assert reprint_view(demo_ctx, ticket.id).status == "finished"


def test_f4_marks_a_no_show(qtbot, window, demo_ctx) -> None:
    ticket = queue.issue_ticket(demo_ctx, "DD")
    press(qtbot, window, F.Key_F1)
    press(qtbot, window, F.Key_F4)
    assert reprint_view(demo_ctx, ticket.id).status == "no_show"
    assert window.current is None and window.state.text() == "Chưa có số"


def test_ctrl_enter_finishes_and_calls_the_next(qtbot, window, demo_ctx) -> None:
    first, _second = queue.issue_ticket(demo_ctx, "DD"), queue.issue_ticket(demo_ctx, "DD")
    press(qtbot, window, F.Key_F1)
    press(qtbot, window, F.Key_Return, CTRL)
    assert reprint_view(demo_ctx, first.id).status == "finished"
    assert window.number.text() == "1002"
    assert counter_state(demo_ctx).ticket == "1002"


def test_f5_transfers_to_the_chosen_service(qtbot, window, demo_ctx) -> None:
    queue.issue_ticket(demo_ctx, "DD")
    press(qtbot, window, F.Key_F1)
    assert window.panel.waiting("TP") == "0"
    qtbot.keyClick(window, F.Key_F5)
    dialog = window.transfer_dialog
    assert dialog is not None
    qtbot.keyClicks(dialog.filter, "TP")
    qtbot.keyClick(dialog.filter, F.Key_Return)
    wait_idle(qtbot, window)
    qtbot.waitUntil(lambda: window.panel.waiting("TP") == "1", timeout=WAIT_MS)
    assert window.number.text() == "Đã chuyển số 1001 sang TP. Bấm F1 để gọi số tiếp theo."
    assert counter_state(demo_ctx).ticket is None


def test_escape_cancels_a_transfer(qtbot, window, demo_ctx) -> None:
    queue.issue_ticket(demo_ctx, "DD")
    press(qtbot, window, F.Key_F1)
    qtbot.keyClick(window, F.Key_F5)
    dialog = window.transfer_dialog
    assert dialog is not None
    qtbot.keyClick(dialog.filter, F.Key_Escape)
    assert window.transfer_dialog is None
    wait_idle(qtbot, window)
    assert counter_state(demo_ctx).ticket == "1001"


def test_a_ticket_issued_elsewhere_shows_without_a_key(qtbot, window, demo_ctx) -> None:
    assert window.panel.waiting("DD") == "0"
    queue.issue_ticket(demo_ctx, "DD", "elderly")  # the kiosk, another station
    qtbot.waitUntil(lambda: window.panel.waiting("DD") == "1", timeout=WAIT_MS)


def test_a_priority_ticket_shows_its_badge(qtbot, window, demo_ctx) -> None:
    queue.issue_ticket(demo_ctx, "DD", "elderly")
    press(qtbot, window, F.Key_F1)
    assert window.priority.isVisibleTo(window)
    assert "Người cao tuổi" in window.priority.text()


def test_a_restarted_station_shows_the_active_ticket(qtbot, window, demo_ctx, officer) -> None:
    queue.issue_ticket(demo_ctx, "DD")
    press(qtbot, window, F.Key_F1)
    press(qtbot, window, F.Key_F3)
    window.close()
    again = open_counter(qtbot, demo_ctx, officer)
    qtbot.waitUntil(lambda: again.number.text() == "1001", timeout=WAIT_MS)
    assert again.state.text() == "Đang phục vụ"
    assert again.service.text().startswith("DD — ")
    press(qtbot, again, F.Key_End)  # End finishes too
    assert counter_state(demo_ctx).ticket is None
    again.close()


def test_a_refused_action_is_shown_plainly_and_the_state_resynced(qtbot, window, demo_ctx, officer) -> None:
    queue.issue_ticket(demo_ctx, "DD")
    press(qtbot, window, F.Key_F1)
    window.live.stop()  # so the window cannot hear of the next change before the key
    queue.finish(demo_ctx, officer, 1)  # the same counter finished from the CLI meanwhile
    press(qtbot, window, F.Key_F2)
    assert window.bar.current_text() == "Quầy 1 chưa gọi số nào"
    assert window.current is None and window.state.text() == "Chưa có số"
    assert window.buttons["call_next"].isEnabled()


def test_a_double_press_calls_only_one_ticket(qtbot, window, demo_ctx) -> None:
    queue.issue_ticket(demo_ctx, "DD")
    queue.issue_ticket(demo_ctx, "DD")
    qtbot.keyClick(window, F.Key_F1)
    qtbot.keyClick(window, F.Key_F1)  # before the first answer: ignored, not a second call
    wait_idle(qtbot, window)
    assert window.number.text() == "1001"
    assert window.bar.current_text() == ""
    assert next(s for s in queue.queue_status(demo_ctx).services if s.code == "DD").waiting == 1


def test_a_lost_store_locks_the_keys_until_it_is_back(qtbot, window, demo_ctx) -> None:
    queue.issue_ticket(demo_ctx, "DD")  # its live reload may arrive while "offline": it must not unlock the keys
    window.live.status_changed.emit(False, "Mất kết nối tới máy chủ cơ sở dữ liệu")
    assert "Mất kết nối tới máy chủ cơ sở dữ liệu" in window.offline_bar.current_text()
    assert not any(b.isEnabled() for b in window.buttons.values())
    qtbot.keyClick(window, F.Key_F1)
    wait_idle(qtbot, window)
    assert counter_state(demo_ctx).ticket is None
    window.live.status_changed.emit(True, "")
    wait_idle(qtbot, window)
    assert window.offline_bar.current_text() == ""
    press(qtbot, window, F.Key_F1)
    assert window.number.text() == "1001"


def test_counter_shows_the_keypad_waiting_then_the_vote(qtbot, demo_ctx) -> None:  # type: ignore[no-untyped-def]
    """After F6 the window says it waits for the citizen's rating; a key press at the keypad shows the vote."""
    from app.services import accounts as _accounts
    from app.services import queue as _queue
    from app.services import ratings as _ratings
    from app.ui.stations.counter import CounterWindow

    actor = _accounts.sign_in(demo_ctx, "canbo01", "canbo123")
    _queue.issue_ticket(demo_ctx, "DD")
    window = CounterWindow(demo_ctx, actor, 1)
    qtbot.addWidget(window)
    window.show()
    _queue.call_next(demo_ctx, actor, 1)
    _queue.finish(demo_ctx, actor, 1)
    qtbot.waitUntil(lambda: "có thể đánh giá" in window.rating_label.text(), timeout=10_000)
    assert "1001" in window.rating_label.text()
    assert "bàn phím" not in window.rating_label.text()  # this station runs no keypad: none is awaited
    assert _ratings.record_vote(demo_ctx, 1, "1").kind == "vote"  # the keypad (another station) votes
    qtbot.waitUntil(lambda: "Rất hài lòng" in window.rating_label.text(), timeout=10_000)
    window.live.stop()


def test_counter_runs_its_keypad_and_shows_its_state(qtbot, demo_ctx, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """A keypad on a real pty: its state in the status bar, and a press after F6 shows the vote."""
    from PySide6.QtCore import Qt

    from app.devices.keypad_sim import KeypadSimulator
    from app.services import accounts as _accounts
    from app.services import queue as _queue
    from app.devices.keypad import KeypadConfig
    from app.ui.launch import _keypad_station
    from app.ui.stations.counter import CounterWindow

    sim = KeypadSimulator(link=tmp_path / "keypad")
    sim.start()
    keypad = _keypad_station(demo_ctx, KeypadConfig(url=str(tmp_path / "keypad")), 1)
    assert keypad is not None
    actor = _accounts.sign_in(demo_ctx, "canbo01", "canbo123")
    window = CounterWindow(demo_ctx, actor, 1, keypad=keypad)
    qtbot.addWidget(window)
    window.show()
    keypad.start()
    try:
        qtbot.waitUntil(lambda: "sẵn sàng" in window.keypad_status.text.text(), timeout=10_000)
        _queue.issue_ticket(demo_ctx, "DD")
        qtbot.keyClick(window, Qt.Key.Key_F1)
        qtbot.waitUntil(lambda: window.current is not None, timeout=10_000)
        qtbot.keyClick(window, Qt.Key.Key_F6)
        qtbot.waitUntil(lambda: "đang chờ đánh giá" in window.rating_label.text(), timeout=10_000)
        sim.press("1")
        qtbot.waitUntil(lambda: "Rất hài lòng" in window.rating_label.text(), timeout=10_000)
        sim.unplug()
        qtbot.waitUntil(lambda: "sẵn sàng" not in window.keypad_status.text.text(), timeout=10_000)
    finally:
        keypad.stop()
        sim.stop()
        window.live.stop()


def test_demo_keypad_pad_votes_through_the_pty(qtbot, demo_ctx, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """The demo's simulated keypad: its buttons send bytes down a pty to counter 1's keypad station; a press
    before the ticket is finished is a stray press, the press after F6 is the vote the counter shows."""
    from PySide6.QtCore import Qt

    from app.devices.keypad import KeypadConfig
    from app.devices.keypad_sim import KeypadSimulator
    from app.services import accounts as _accounts
    from app.services import queue as _queue
    from app.services.keypad_station import KeypadStation
    from app.ui.stations.counter import CounterWindow
    from app.ui.stations.keypad_pad import KeypadPadWindow

    sim = KeypadSimulator(link=tmp_path / "demo-keypad")
    sim.start()
    keypad = KeypadStation.for_counter(demo_ctx, KeypadConfig(url=sim.url), 1)
    window = CounterWindow(demo_ctx, _accounts.sign_in(demo_ctx, "canbo01", "canbo123"), 1, keypad=keypad)
    pad = KeypadPadWindow(sim, keypad.key_map or {}, 1)
    qtbot.addWidget(window)
    qtbot.addWidget(pad)
    pad.show()
    window.show()  # the officer's window is the active one: its F-keys are window shortcuts
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    keypad.start()
    try:
        assert [b.text().split("\n")[1] for b in pad.buttons.values()] == ["Rất hài lòng", "Hài lòng",
                                                                          "Không hài lòng"]
        qtbot.waitUntil(lambda: "sẵn sàng" in window.keypad_status.text.text(), timeout=10_000)
        _queue.issue_ticket(demo_ctx, "DD")
        qtbot.keyClick(window, Qt.Key.Key_F1)
        qtbot.waitUntil(lambda: window.current is not None, timeout=10_000)
        qtbot.mouseClick(pad.buttons["2"], Qt.MouseButton.LeftButton)  # still being served: not a vote
        qtbot.waitUntil(lambda: keypad.stats.stray == 1, timeout=10_000)
        qtbot.keyClick(window, Qt.Key.Key_F6)
        qtbot.waitUntil(lambda: "đang chờ đánh giá" in window.rating_label.text(), timeout=10_000)
        qtbot.keyClick(pad, Qt.Key.Key_1)  # the keyboard's digits press the pad's keys too
        qtbot.waitUntil(lambda: "Rất hài lòng" in window.rating_label.text(), timeout=10_000)
        assert "Đã bấm phím 1" in pad.last.text()
        assert keypad.stats.votes == 1 and keypad.stats.stray == 1
    finally:
        keypad.stop()
        sim.stop()
        window.live.stop()
