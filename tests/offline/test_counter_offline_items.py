"""The counter window while a real (throwaway) PostgreSQL is stopped: its waiting panel shows no stale count but
a calm notice, the ticket held is transferred to a service chosen from the journal, the keypad's vote on the
ticket just finished goes to the journal; once the server is back all of it is central and the counts return."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from app.devices.keypad import KeypadProtocol
from app.devices.keypad_sim import KeypadSimulator
from app.devices.manager import DeviceState
from app.services import accounts, fees, queue
from app.services.context import Context
from app.services.keypad_station import KeypadStation
from app.store.models import Rating, Service, Ticket
from bench.throwaway_pg import ThrowawayPostgres
from tests.offline.helpers import DRAFT, Clock, station
from tests.offline.test_windows import WAIT_MS, _back_online, _idle, _shot

pytestmark = [pytest.mark.postgres, pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")]
K = Qt.Key


@pytest.fixture(autouse=True)
def _vietnamese(qapp) -> None:  # type: ignore[no-untyped-def]
    from app.ui import i18n

    i18n.use("vi")


def _number(qtbot, w, text: str) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(w, K.Key_F1)
    qtbot.waitUntil(lambda: w.number_dialog is not None and w.number_dialog.isVisible(), timeout=WAIT_MS)
    w.number_dialog.setTextValue(text)
    w.number_dialog.accept()
    qtbot.waitUntil(lambda: w.current is not None and w.current.display_number == text and not w.worker.busy,
                    timeout=WAIT_MS)
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow, timeout=WAIT_MS)


def test_the_counter_offline_panel_transfer_and_keypad_vote(  # type: ignore[no-untyped-def]
        qtbot, central_ctx: Context, running_pg: ThrowawayPostgres, tmp_path: Path, clock: Clock) -> None:
    from app.ui.stations.counter import CounterWindow

    kiosk = station(central_ctx, tmp_path / "kiosk", "kiosk", clock)
    counter = station(central_ctx, tmp_path / "counter", "counter", clock, counter=1)
    kiosk.sync_now()
    counter.sync_now()
    first = queue.issue_ticket(central_ctx, "DD")  # waiting when the server goes away
    with KeypadSimulator(link=tmp_path / "keypad") as sim:
        keypad = KeypadStation(central_ctx, sim.url, {None: 1}, KeypadProtocol(keys=frozenset("123")))
        keypad.start()
        assert keypad.manager.wait_for(DeviceState.CONNECTED, 5)
        w = CounterWindow(central_ctx, accounts.sign_in(central_ctx, "canbo01", "canbo123"), 1, keypad=keypad,
                          offline=counter)
        qtbot.addWidget(w)
        w.resize(1366, 768)
        w.show()
        w.activateWindow()
        qtbot.waitUntil(lambda: w.isActiveWindow() and w.panel.waiting("DD") == "1" and not w.worker.busy,
                        timeout=WAIT_MS)
        assert keypad.offline is counter and not w.panel.offline

        running_pg.stop()
        second, _ = kiosk.issue("DD")  # printed by the kiosk from its lease
        qtbot.keyClick(w, K.Key_F1)  # the server does not answer: offline
        qtbot.waitUntil(lambda: w.offline_mode and not w.worker.busy, timeout=WAIT_MS)
        # the waiting panel: no count shown as if live, a calm notice instead
        assert w.panel.offline and w.panel.waiting("DD") == "—" and w.panel.waiting("TP") == "—"
        assert "Mất kết nối — gọi theo số công dân cầm" in w.panel.offline_notice.text()
        w._on_setup_loaded(w._setup)  # a setup read in between does not bring the old counts back
        assert w.panel.waiting("DD") == "—"
        _shot(w, tmp_path, "counter-offline-panel.png")

        _number(qtbot, w, first.display_number)
        assert w.buttons["transfer"].isEnabled()
        qtbot.keyClick(w, K.Key_F5)  # transfer, to a service of the journal, with no waiting count
        dialog = w.transfer_dialog
        qtbot.waitUntil(lambda: dialog is not None and dialog.isVisible(), timeout=WAIT_MS)
        texts = [dialog.services.item(i).text() for i in range(dialog.services.count())]
        assert texts and not any("đang chờ" in t for t in texts)
        dialog.filter.setText("TP")
        assert dialog.chosen() == ("TP", None)
        _shot(dialog, tmp_path, "counter-offline-transfer.png")
        dialog.accept()
        qtbot.waitUntil(lambda: w.current is None and not w.worker.busy, timeout=WAIT_MS)
        assert w.number.text().startswith(f"Đã chuyển số {first.display_number} (lưu tại máy)")

        w.activateWindow()
        qtbot.waitUntil(w.isActiveWindow, timeout=WAIT_MS)
        _number(qtbot, w, second.display_number)
        qtbot.keyClick(w, K.Key_F6)  # finish: the keypad waits for the citizen's vote, from the journal
        qtbot.waitUntil(lambda: w.current is None and not w.worker.busy, timeout=WAIT_MS)
        assert "đang chờ đánh giá trên bàn phím" in w.rating_label.text()
        sim.press("1")
        deadline = time.monotonic() + 10
        while keypad.stats.votes < 1 and time.monotonic() < deadline:
            qtbot.wait(20)
        assert keypad.stats.votes == 1
        qtbot.waitUntil(lambda: "đã đánh giá" in w.rating_label.text(), timeout=WAIT_MS)
        assert counter.waiting() == 5  # call, transfer, call, finish, vote (the ticket is the kiosk's)
        _shot(w, tmp_path, "counter-offline-voted.png")

        # a receipt scanned offline cannot open its dossier: its fee is recorded in the journal
        made = counter.receive_dossier(w.actor, "DEMO.SXD.004", DRAFT)  # as F7 does offline
        fee = counter.procedure("DEMO.SXD.004")["fee_vnd"]
        w.activateWindow()
        qtbot.waitUntil(w.isActiveWindow, timeout=WAIT_MS)
        qtbot.keyClicks(w, made.code)
        qtbot.keyClick(w, K.Key_Return)
        qtbot.waitUntil(lambda: w.payment_dialog is not None and w.payment_dialog.isVisible(), timeout=WAIT_MS)
        pay = w.payment_dialog
        assert (pay.code.text(), pay.applicant.text(), pay.amount.value()) == (made.code, DRAFT.applicant_name, fee)
        pay.amount.setValue(0)
        pay.accept()  # refused as online, at its fields; nothing typed is lost
        qtbot.waitUntil(lambda: pay.ok_button.isEnabled(), timeout=WAIT_MS)
        assert pay.isVisible() and counter.waiting() == 6
        pay.amount.setValue(50_000)
        pay.receipt_no.setText("BL-0009")
        _shot(pay, tmp_path, "counter-offline-payment.png")
        pay.accept()
        qtbot.waitUntil(lambda: w.payment_dialog is None, timeout=WAIT_MS)
        assert "Đã ghi khoản thu phí, lệ phí của hồ sơ" in w.bar.current_text() and counter.waiting() == 7

        _back_online(running_pg, clock, kiosk, counter)
        w._on_offline_retry()  # the next reload: online, the counts live again
        qtbot.waitUntil(lambda: not w.offline_mode and not w.worker.busy and not w.panel.offline, timeout=WAIT_MS)
        _idle(qtbot, w)
        assert (w.panel.waiting("DD"), w.panel.waiting("TP")) == ("0", "1")  # the transferred citizen waits in TP
        with central_ctx.store.read() as s:
            moved = s.scalars(select(Ticket).where(Ticket.display_number == first.display_number)
                              .order_by(Ticket.seq)).all()
            assert sorted(t.status for t in moved) == ["transferred", "waiting"]
            assert {s.get(Service, t.service_id).code for t in moved if t.status == "waiting"} == {"TP"}
            served = s.scalar(select(Ticket).where(Ticket.id == second.id))
            rating = s.scalar(select(Rating).where(Rating.ticket_id == second.id))
        assert served is not None and served.status == "finished"
        assert rating is not None and rating.raw_key == "1" and rating.officer_id == w.actor.officer_id
        [paid] = fees.payments_of(central_ctx, made.code)
        assert (paid.amount_vnd, paid.receipt_no, paid.officer_name) == (50_000, "BL-0009", "Lò Văn Minh")
        w.close()
        keypad.stop()
