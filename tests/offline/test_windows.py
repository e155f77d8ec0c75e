"""The kiosk, counter, sign-in and supervisor windows of a station of a central server while a real (throwaway)
PostgreSQL is stopped and started again: the kiosk prints a ticket from its leased numbers, the counter calls it by
the number the citizen holds, receives a dossier with its Mẫu 01 and finishes the ticket, the sign-in falls back to
the journal, the supervisor shows «mất kết nối từ HH:MM»; after the sync everything is central, as it happened."""

from __future__ import annotations

import os
import subprocess
import uuid
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from app.devices.escpos_decode import decode_stream
from app.devices.escpos_render import ticket_to_image
from app.devices.manager import DeviceManager
from app.devices.printer import TicketPrinter
from app.devices.simulators import PrinterSimulator
from app.domain.queue import parse_ticket_qr, ticket_qr_number, ticket_qr_payload
from app.printing.ticket import PROFILE_80MM, render_ticket
from app.services import accounts, ticket_printing
from app.services.context import Context
from app.services.dossiers import get_dossier
from app.services.offline import RETRY_EVERY, OfflineStation
from app.ui.stations.mode_badge import ModeBadge
from app.store.models import Ticket
from bench.throwaway_pg import ThrowawayPostgres
from tests.offline.helpers import Clock, station
from tests.printing.test_ticket_qr import zbar
from tests.ui.test_kiosk import printer, sim  # noqa: F401 (fixtures: a simulated printer on a pty)

pytestmark = [pytest.mark.postgres, pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")]
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
WAIT_MS = 30_000
K = Qt.Key
CTRL = Qt.KeyboardModifier.ControlModifier
GOOD_CCCD = "001085012345"
SHOTS = os.environ.get("MOTCUA_SHOTS")  # a folder to keep the screenshots in (else the test's tmp_path)


@pytest.fixture(autouse=True)
def _vietnamese(qapp) -> None:  # type: ignore[no-untyped-def]
    from app.ui import i18n

    i18n.use("vi")


def _shot(widget, tmp_path: Path, name: str) -> Path:  # type: ignore[no-untyped-def]
    path = Path(SHOTS or tmp_path) / name
    widget.grab().save(str(path))
    return path


def _idle(qtbot, w) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: not w.worker.busy, timeout=WAIT_MS)


def _back_online(server: ThrowawayPostgres, clock: Clock, *stations: OfflineStation) -> None:
    server.start()
    clock.at += RETRY_EVERY
    for s in stations:
        report = s.sync_now()
        assert not report.failed and s.waiting() == 0


def _central_ticket(ctx: Context, display: str) -> Ticket:
    with ctx.store.read() as s:
        found = s.scalar(select(Ticket).where(Ticket.display_number == display))
        assert found is not None
        s.expunge(found)
        return found


def _kiosk(qtbot, ctx: Context, printer, kiosk: OfflineStation):  # type: ignore[no-untyped-def]
    from app.ui.stations.kiosk import KioskWindow

    w = KioskWindow(ctx, printer, PROFILE_80MM, offline=kiosk)
    qtbot.addWidget(w)
    w.resize(1366, 768)
    w.show()
    qtbot.waitUntil(lambda: bool(w.service_buttons), timeout=WAIT_MS)
    _idle(qtbot, w)
    return w


def _press(qtbot, w, code: str):  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(w.ticket_issued, timeout=WAIT_MS) as blocker:
        w.service_buttons[code].click()
    return blocker.args[0]


def test_the_kiosk_prints_a_ticket_while_the_server_is_down_and_it_is_central_after_sync(  # type: ignore[no-untyped-def]
        qtbot, central_ctx: Context, running_pg: ThrowawayPostgres, tmp_path: Path, clock: Clock,
        sim: PrinterSimulator, printer: DeviceManager[TicketPrinter]) -> None:
    kiosk = station(central_ctx, tmp_path / "kiosk", "kiosk", clock)
    kiosk.sync_now()
    w = _kiosk(qtbot, central_ctx, printer, kiosk)
    assert w.service_wait_text("DD") == "Không có ai đang chờ"

    running_pg.stop()
    view = _press(qtbot, w, "DD")  # the server refuses: the number comes from the kiosk's lease
    assert view.id in w._offline_ids and kiosk.waiting() == 1
    text = w.confirmation_text()
    assert view.display_number in text and "Xin lỗi" not in text and "gián đoạn" not in text
    assert "Xin mời ngồi chờ, số của bạn sẽ được mời tại quầy phục vụ" in text
    qtbot.waitUntil(lambda: len(sim.tickets) == 1, timeout=WAIT_MS)
    ticket = sim.tickets[0].decoded
    lines = [line.text for line in ticket.text_lines]
    assert view.display_number in lines
    paper = Path(SHOTS or tmp_path) / "kiosk-offline-paper.png"
    ticket_to_image(ticket, 576).save(str(paper))
    assert [ticket_qr_number(text) for text in zbar(paper)] == [view.display_number]  # a phone or scanner reads it
    assert [parse_ticket_qr(q.data.decode()) for q in ticket.qr_codes] == [view.id]  # the counter's scanner reads it
    qtbot.waitUntil(lambda: "Mời bạn nhận phiếu in" in w.confirmation_text(), timeout=WAIT_MS)
    qtbot.waitUntil(lambda: kiosk.waiting() == 2, timeout=WAIT_MS)  # the ticket, then its paper came out
    badge = ModeBadge(kiosk, "kiosk", w, poll_ms=60_000)  # as launch.py attaches it, sharing the kiosk's journal
    assert badge.text() == "● Mất kết nối từ 09:00 — 2 mục chờ đồng bộ"
    _shot(w, tmp_path, "kiosk-offline-ticket.png")
    w._close_confirmation()
    _idle(qtbot, w)
    assert w.service_wait_text("DD") == ""  # offline the hall's queue cannot be seen: no count is made up
    assert w.notice.isHidden()  # and nothing on screen speaks of an error
    _shot(w, tmp_path, "kiosk-offline-chooser.png")

    _back_online(running_pg, clock, kiosk)
    stored = _central_ticket(central_ctx, view.display_number)
    assert stored.id == view.id and stored.issued_at == view.issued_at and stored.status == "waiting"
    assert stored.printed  # the paper came out offline: recorded as online
    # the paper printed offline is the one the server would have printed: centre name, layout, QR
    online = ticket_printing.ticket_content(central_ctx, view)
    assert online.people_ahead == 0  # online the paper would say «nobody ahead»: offline that is not known
    (same,) = decode_stream(render_ticket(replace(online, people_ahead=None), PROFILE_80MM))
    assert same.items == ticket.items
    after = _press(qtbot, w, "DD")  # online again: the central store gives the number
    assert after.id not in w._offline_ids and after.people_ahead == 1
    badge.stop()
    w.close()


def _officer_window(qtbot, ctx: Context, counter: OfflineStation):  # type: ignore[no-untyped-def]
    from app.ui.stations.counter import CounterWindow

    w = CounterWindow(ctx, accounts.sign_in(ctx, "canbo01", "canbo123"), 1, offline=counter)
    qtbot.addWidget(w)
    w.resize(1366, 768)
    w.show()
    w.activateWindow()
    qtbot.waitUntil(lambda: w.isActiveWindow() and w.panel.waiting("DD") != "" and not w.worker.busy,
                    timeout=WAIT_MS)
    return w


def _fill_intake(qtbot, dialog) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: dialog.isVisible() and dialog.index is not None and not dialog.worker.busy,
                    timeout=WAIT_MS)
    dialog.search.setText("giay phep xay dung")
    qtbot.keyClick(dialog.search, K.Key_Down)
    qtbot.keyClick(dialog.results, K.Key_Return)
    assert dialog.procedure is not None and dialog.procedure.agency_name == "Sở Xây dựng"
    for widget, text in ((dialog.applicant_name, "Nguyễn Thị Hoa"), (dialog.id_number, GOOD_CCCD),
                         (dialog.phone, "0912 345 678"),
                         (dialog.address, "Số 5, đường Trần Phú, phường Tân Phong, Lai Châu")):
        widget.setText(text)


def test_the_counter_calls_by_number_receives_a_dossier_and_finishes_offline(  # type: ignore[no-untyped-def]
        qtbot, central_ctx: Context, running_pg: ThrowawayPostgres, tmp_path: Path, clock: Clock) -> None:
    kiosk = station(central_ctx, tmp_path / "kiosk", "kiosk", clock)
    counter = station(central_ctx, tmp_path / "counter", "counter", clock, counter=1)
    kiosk.sync_now()
    counter.sync_now()
    w = _officer_window(qtbot, central_ctx, counter)
    assert not w.offline_mode

    running_pg.stop()
    held, _ = kiosk.issue("DD")  # the citizen's ticket, printed offline by the kiosk
    qtbot.keyClick(w, K.Key_F1)  # the server does not answer: the counter goes offline, nothing is locked
    qtbot.waitUntil(lambda: w.offline_mode and not w.worker.busy, timeout=WAIT_MS)
    assert "Mất kết nối tới máy chủ" in w.offline_bar.current_text()
    assert w.number.text() == "Mất kết nối: bấm F1 hoặc Space rồi nhập số in trên phiếu của người dân."
    assert w.buttons["call_next"].isEnabled() and w.buttons["intake"].isEnabled()
    assert not w.buttons["transfer"].isEnabled()

    qtbot.keyClick(w, K.Key_F1)  # F1 asks for the number printed on the citizen's ticket
    qtbot.waitUntil(lambda: w.number_dialog is not None and w.number_dialog.isVisible(), timeout=WAIT_MS)
    _shot(w.number_dialog, tmp_path, "counter-offline-number.png")
    w.number_dialog.setTextValue(held.display_number)
    w.number_dialog.accept()
    qtbot.waitUntil(lambda: w.current is not None and not w.worker.busy, timeout=WAIT_MS)
    assert (w.number.text(), w.state.text()) == (held.display_number, "Đã gọi")
    _shot(w, tmp_path, "counter-offline-called.png")
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow, timeout=WAIT_MS)
    qtbot.keyClick(w, K.Key_F3)  # start serving, from the journal
    qtbot.waitUntil(lambda: w.current is not None and w.state.text() == "Đang phục vụ", timeout=WAIT_MS)

    qtbot.keyClick(w, K.Key_F7)  # the intake form: catalogue, code, due date and Mẫu 01 from the journal
    dialog = w.intake_dialog
    _fill_intake(qtbot, dialog)
    assert dialog.ticket_number == held.display_number
    qtbot.keyClick(dialog, K.Key_S, CTRL)
    qtbot.waitUntil(lambda: dialog.offline_dossier is not None, timeout=WAIT_MS)
    received = dialog.offline_dossier
    receipt = dialog.receipt_dialog
    qtbot.waitUntil(lambda: receipt.path is not None and receipt.path.exists(), timeout=WAIT_MS)
    page = subprocess.run(["pdftotext", "-layout", str(receipt.path), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert received.code in page and "Nguyễn Thị Hoa" in page and f"{received.register_line}/TNHS" in page
    assert f"{received.due_at.astimezone(received.received_at.tzinfo):%d/%m/%Y}"[-4:] in page
    qtbot.waitUntil(receipt.preview_ready, timeout=WAIT_MS)
    _shot(receipt, tmp_path, "counter-offline-receipt.png")
    receipt.accept()
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow, timeout=WAIT_MS)

    qtbot.keyClick(w, K.Key_F6)  # finish
    qtbot.waitUntil(lambda: w.current is None and not w.worker.busy, timeout=WAIT_MS)
    assert w.number.text() == f"Đã kết thúc số {held.display_number} (lưu tại máy)."
    assert counter.waiting() == 4  # the call, the start, the dossier, the finish
    _shot(w, tmp_path, "counter-offline-finished.png")

    _back_online(running_pg, clock, kiosk, counter)  # the kiosk's ticket first, then the counter's work
    ticket = _central_ticket(central_ctx, held.display_number)
    assert ticket.status == "finished" and ticket.call_count == 1 and ticket.finished_at is not None
    dossier = get_dossier(central_ctx, received.code)
    assert dossier.applicant_name == "Nguyễn Thị Hoa" and dossier.received_by_name == "Lò Văn Minh"
    assert dossier.ticket_number == held.display_number and dossier.received_at == received.received_at
    assert dossier.due_at == received.due_at and dossier.register_line == received.register_line
    w._on_offline_retry()  # the next reload finds the server: online again, the keys as usual
    qtbot.waitUntil(lambda: not w.offline_mode and not w.worker.busy, timeout=WAIT_MS)
    assert w.offline_bar.isHidden() and w.buttons["call_next"].isEnabled()
    w.close()


def test_a_form_being_filled_when_the_connection_drops_is_saved_into_the_outbox(  # type: ignore[no-untyped-def]
        qtbot, central_ctx: Context, running_pg: ThrowawayPostgres, tmp_path: Path, clock: Clock) -> None:
    from app.ui.stations.intake import IntakeDialog

    counter = station(central_ctx, tmp_path / "counter", "counter", clock, counter=1)
    counter.sync_now()
    dialog = IntakeDialog(central_ctx, accounts.sign_in(central_ctx, "canbo01", "canbo123"), None, None,
                          out_dir=tmp_path / "receipts", offline=counter)
    qtbot.addWidget(dialog)
    dialog.open()
    _fill_intake(qtbot, dialog)  # the catalogue came from the server
    running_pg.stop()
    qtbot.keyClick(dialog, K.Key_S, CTRL)
    qtbot.waitUntil(lambda: dialog.offline_dossier is not None, timeout=WAIT_MS)
    assert counter.waiting() == 1 and not dialog.isVisible()
    code = dialog.offline_dossier.code
    dialog.receipt_dialog.accept()
    _back_online(running_pg, clock, counter)
    assert get_dossier(central_ctx, code).applicant_name == "Nguyễn Thị Hoa"


def test_the_sign_in_falls_back_to_the_journal(qtbot, central_ctx: Context,  # type: ignore[no-untyped-def]
                                              running_pg: ThrowawayPostgres, tmp_path: Path, clock: Clock) -> None:
    from app.domain.accounts import Role
    from app.ui.signin import SignInDialog, sign_in_for

    counter = station(central_ctx, tmp_path / "counter", "counter", clock, counter=1)
    counter.sync_now()
    sign_in_for(central_ctx, "canbo01", "canbo123", Role.OFFICER, counter)  # canbo01 worked here while online
    running_pg.stop()
    dialog = SignInDialog(central_ctx, Role.OFFICER, station="Quầy số 1", offline=counter)
    qtbot.addWidget(dialog)
    dialog.open()
    dialog.login.setText("canbo01")
    dialog.password.setText("sai-mat-khau")
    dialog.sign_in_button.click()
    qtbot.waitUntil(lambda: not dialog.worker.busy and dialog.bar.current_text() != "", timeout=WAIT_MS)
    assert dialog.actor is None and "Sai tên đăng nhập hoặc mật khẩu" in dialog.bar.current_text()
    dialog.password.setText("canbo123")
    dialog.sign_in_button.click()
    qtbot.waitUntil(lambda: dialog.actor is not None, timeout=WAIT_MS)
    assert (dialog.actor.login, dialog.actor.full_name) == ("canbo01", "Lò Văn Minh")

    from app.ui.stations.counter import CounterWindow

    w = CounterWindow(central_ctx, dialog.actor, 1, offline=counter)  # a counter opened while the server is down
    qtbot.addWidget(w)
    w.resize(1366, 768)
    w.show()
    qtbot.waitUntil(lambda: w.offline_mode and not w.worker.busy, timeout=WAIT_MS)
    assert w.buttons["call_next"].isEnabled() and w.buttons["intake"].isEnabled()
    w.call_number("1007")
    qtbot.waitUntil(lambda: w.current is not None and not w.worker.busy, timeout=WAIT_MS)
    assert w.number.text() == "1007" and counter.waiting() == 1
    _shot(w, tmp_path, "counter-started-offline.png")

    scanned = ticket_qr_payload(uuid.uuid4(), "1008")  # what the QR of ticket 1008 holds
    assert scanned.endswith("-1008") and ticket_qr_number(scanned) == "1008"
    assert ticket_qr_number(ticket_qr_payload(uuid.uuid4())) is None  # an older ticket: its id only
    qtbot.keyClicks(w, scanned)  # the 2-D scanner while 1007 is held: the station's refusal, as online
    qtbot.keyClick(w, K.Key_Return)
    qtbot.waitUntil(lambda: "Quầy đang giữ số 1007" in w.bar.current_text() and not w.worker.busy, timeout=WAIT_MS)
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow, timeout=WAIT_MS)
    qtbot.keyClick(w, K.Key_F6)
    qtbot.waitUntil(lambda: w.current is None and not w.worker.busy, timeout=WAIT_MS)
    qtbot.keyClicks(w, scanned)  # now the scan calls the number its QR carries
    qtbot.keyClick(w, K.Key_Return)
    qtbot.waitUntil(lambda: w.current is not None and not w.worker.busy, timeout=WAIT_MS)
    assert w.number.text() == "1008" and counter.waiting() == 3
    w.close()


def test_the_supervisor_shows_since_when_the_connection_is_lost(  # type: ignore[no-untyped-def]
        qtbot, central_ctx: Context, running_pg: ThrowawayPostgres, tmp_path: Path, clock: Clock) -> None:
    from app.ui.supervisor import SupervisorWindow

    supervisor = station(central_ctx, tmp_path / "supervisor", "supervisor", clock)
    supervisor.sync_now()
    w = SupervisorWindow(central_ctx, accounts.sign_in(central_ctx, "giamsat", "giamsat123"))
    qtbot.addWidget(w)
    w.resize(1366, 768)
    w.show()
    qtbot.waitUntil(lambda: w.waiting("DD") != "" and not w.worker.busy, timeout=WAIT_MS)
    badge = ModeBadge(supervisor, "supervisor", w, poll_ms=60_000)
    assert badge.text() == "● Trực tuyến"
    running_pg.stop()
    badge.poll()
    qtbot.waitUntil(lambda: not badge.worker.busy, timeout=WAIT_MS)
    assert badge.text() == "● Mất kết nối từ 09:00 — 0 mục chờ đồng bộ"
    assert badge.isVisible() and badge.geometry().right() <= w.width()
    _shot(w, tmp_path, "supervisor-offline.png")
    badge.stop()
    w.close()


def test_a_kiosk_started_while_the_server_is_down_opens_from_its_journal(  # type: ignore[no-untyped-def]
        qtbot, central_ctx: Context, running_pg: ThrowawayPostgres, tmp_path: Path, clock: Clock) -> None:
    kiosk = station(central_ctx, tmp_path / "kiosk", "kiosk", clock)
    kiosk.sync_now()
    running_pg.stop()
    w = _kiosk(qtbot, central_ctx, None, kiosk)
    assert list(w.service_buttons) == ["DD", "TP", "DN", "GT", "DN2", "TKQ"]
    assert w.centre_label.text() == "Trung tâm Phục vụ hành chính công tỉnh Lai Châu"
    assert w.service_wait_text("DD") == "" and w.notice.isHidden()
    view = _press(qtbot, w, "TP")
    assert view.service_code == "TP" and kiosk.waiting() == 1
    assert f"Vui lòng ghi nhớ số {view.display_number} và chờ gọi số" in w.confirmation_text()
    _back_online(running_pg, clock, kiosk)
    assert _central_ticket(central_ctx, view.display_number).id == view.id
    w.close()


def test_a_ticket_called_online_is_finished_offline_when_the_server_goes_away(  # type: ignore[no-untyped-def]
        qtbot, central_ctx: Context, running_pg: ThrowawayPostgres, tmp_path: Path, clock: Clock) -> None:
    from app.services import queue

    counter = station(central_ctx, tmp_path / "counter", "counter", clock, counter=1)
    counter.sync_now()
    queue.issue_ticket(central_ctx, "DD")
    w = _officer_window(qtbot, central_ctx, counter)
    qtbot.keyClick(w, K.Key_F1)  # online: the next ticket of the queue
    qtbot.waitUntil(lambda: w.current is not None and not w.worker.busy, timeout=WAIT_MS)
    number = w.current.display_number
    running_pg.stop()
    qtbot.keyClick(w, K.Key_F3)  # the server is gone: the counter goes offline and keeps the ticket it holds
    qtbot.waitUntil(lambda: w.offline_mode and not w.worker.busy, timeout=WAIT_MS)
    assert w.current is not None and w.current.display_number == number
    qtbot.keyClick(w, K.Key_F6)
    qtbot.waitUntil(lambda: w.current is None and not w.worker.busy, timeout=WAIT_MS)
    assert counter.waiting() == 1  # the finish (the start was refused by the server, never made)
    qtbot.keyClick(w, K.Key_F1)  # the next citizen holds ticket 1002, printed by an offline kiosk
    qtbot.waitUntil(lambda: w.number_dialog is not None and w.number_dialog.isVisible(), timeout=WAIT_MS)
    w.number_dialog.setTextValue("1002")
    w.number_dialog.accept()
    qtbot.waitUntil(lambda: w.current is not None and not w.worker.busy, timeout=WAIT_MS)
    running_pg.start()
    queue.issue_ticket(central_ctx, "DD")  # 1002 reaches the server (as the kiosk's sync would bring it)
    w._on_offline_retry()  # the window's next reload: it syncs the journal first, then reads the hall
    qtbot.waitUntil(lambda: not w.offline_mode and not w.worker.busy, timeout=WAIT_MS)
    assert counter.waiting() == 0 and w.offline_bar.isHidden()
    ticket = _central_ticket(central_ctx, number)
    assert ticket.status == "finished" and ticket.finished_at is not None
    assert w.current is not None and (w.number.text(), w.state.text()) == ("1002", "Đã gọi")  # still held
    assert _central_ticket(central_ctx, "1002").status == "called"
    w.close()


def test_a_receipt_scanned_at_an_offline_kiosk_gives_a_result_return_ticket(  # type: ignore[no-untyped-def]
        qtbot, central_ctx: Context, running_pg: ThrowawayPostgres, tmp_path: Path, clock: Clock) -> None:
    kiosk = station(central_ctx, tmp_path / "kiosk", "kiosk", clock)
    kiosk.sync_now()
    w = _kiosk(qtbot, central_ctx, None, kiosk)
    running_pg.stop()
    with qtbot.waitSignal(w.ticket_issued, timeout=WAIT_MS) as blocker:
        qtbot.keyClicks(w, "000.00.02.H33-261127-0003")  # the receipt's barcode, typed by the scanner
        qtbot.keyClick(w, K.Key_Return)
    view = blocker.args[0]
    assert view.service_code == "TKQ" and view.id in w._offline_ids  # the centre's result-return service
    text = w.confirmation_text()
    assert "Trả kết quả hồ sơ 000.00.02.H33-261127-0003" in text and "Xin lỗi" not in text
    _back_online(running_pg, clock, kiosk)
    assert _central_ticket(central_ctx, view.display_number).id == view.id
    w.close()
