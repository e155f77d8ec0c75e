"""The intake form as an officer uses it from the counter: keyboard, errors at the field, receipt, scanner (both
backends, demo centre, canbo01 at counter 1 which calls service DD)."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import func, select

from app.services import accounts, queue
from app.services.context import Context
from app.services.dossiers import get_dossier
from app.store.engine import Store
from app.store.models import Dossier
from app.ui.stations.intake import IntakeDialog
from tests.ui.conftest import WAIT_MS, wait_idle
from tests.ui.test_counter import open_counter

K = Qt.Key
CTRL = Qt.KeyboardModifier.ControlModifier
GOOD_CCCD = "001085012345"  # Hà Nội, male born 1985
UNREACHABLE = "postgresql+psycopg://postgres@127.0.0.1:1/motcua_nowhere"
SHOTS = Path(os.environ["MOTCUA_SHOTS"]) if os.environ.get("MOTCUA_SHOTS") else None  # screenshots to look at


@pytest.fixture()
def officer(demo_ctx):  # type: ignore[no-untyped-def]
    """The demo officer canbo01, signed in."""
    return accounts.sign_in(demo_ctx, "canbo01", "canbo123")


def dossier_count(ctx: Context) -> int:
    """How many dossiers the store holds."""
    with ctx.store.read() as s:
        return int(s.scalar(select(func.count()).select_from(Dossier)) or 0)


def pdf_text(path: Path) -> str:
    """The text of a PDF, as poppler reads it."""
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout


def ready(qtbot, dialog: IntakeDialog) -> IntakeDialog:  # type: ignore[no-untyped-def]
    """Wait until the dialog is active and its catalogue is loaded."""
    qtbot.waitUntil(lambda: dialog.isVisible() and dialog.index is not None and not dialog.worker.busy,
                    timeout=WAIT_MS)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow, timeout=WAIT_MS)
    return dialog


def type_into(qtbot, dialog: IntakeDialog, text: str) -> None:  # type: ignore[no-untyped-def]
    """Type into the focused field (setText: QTest cannot type Vietnamese letters), then Tab to the next."""
    widget = dialog.focusWidget()
    widget.setText(text)  # type: ignore[union-attr]
    qtbot.keyClick(widget, K.Key_Tab)


def open_standalone(qtbot, ctx, officer, out_dir: Path | None = None) -> IntakeDialog:  # type: ignore[no-untyped-def]
    """An intake dialog without a counter or ticket."""
    dialog = IntakeDialog(ctx, officer, None, None, out_dir=out_dir)
    qtbot.addWidget(dialog)
    dialog.open()
    return ready(qtbot, dialog)


def pick_building_permit(qtbot, dialog: IntakeDialog) -> None:  # type: ignore[no-untyped-def]
    dialog.search.setText("giay phep xay dung")
    qtbot.keyClick(dialog.search, K.Key_Down)
    qtbot.keyClick(dialog.results, K.Key_Return)
    assert dialog.procedure is not None


def test_officer_fills_the_form_by_keyboard_fixes_an_error_and_gets_the_receipt(qtbot, demo_ctx, officer,
                                                                                 tmp_path) -> None:
    window = open_counter(qtbot, demo_ctx, officer)
    queue.issue_ticket(demo_ctx, "DD")
    qtbot.keyClick(window, K.Key_F1)
    wait_idle(qtbot, window)
    assert window.current is not None and window.current.display_number == "1001"

    qtbot.keyClick(window, K.Key_F7)
    dialog = ready(qtbot, window.intake_dialog)
    assert dialog.ticket_number == "1001" and not dialog.all_agencies.isChecked()
    assert dialog.focusWidget() is dialog.search
    pick_building_permit(qtbot, dialog)
    assert dialog.procedure.agency_name == "Sở Xây dựng"
    assert dialog.procedure.draft.name.startswith("Cấp giấy phép xây dựng")
    assert dialog.fee.text() == "100.000 đồng"
    assert len(dialog.checklist.received()) == len(dialog.procedure.draft.documents) > 0
    assert dialog.focusWidget() is dialog.applicant_name

    type_into(qtbot, dialog, "Nguyễn Thị Hoa")
    assert dialog.focusWidget() is dialog.id_number
    type_into(qtbot, dialog, "12345")  # a wrong CCCD
    assert dialog.focusWidget() is dialog.birth_year  # the organisation's tax code row is hidden
    qtbot.keyClick(dialog.focusWidget(), K.Key_Tab)  # birth year: taken from the CCCD
    qtbot.keyClick(dialog.focusWidget(), K.Key_Tab)  # sex: taken from the CCCD
    assert dialog.focusWidget() is dialog.phone
    type_into(qtbot, dialog, "0912 345 678")
    qtbot.keyClick(dialog.focusWidget(), K.Key_Tab)  # e-mail left empty
    type_into(qtbot, dialog, "Số 5, đường Trần Phú, phường Tân Phong, Lai Châu")

    qtbot.keyClick(dialog, K.Key_S, CTRL)
    assert "12 chữ số" in dialog.fields.message("id_number")
    assert dialog.fields.label("id_number").isVisible()
    assert dialog.fields.message("phone") == "" and dialog.fields.message("address") == ""
    assert dialog.focusWidget() is dialog.id_number  # the cursor goes to the field to fix
    assert "sửa các ô được đánh dấu đỏ" in dialog.bar.current_text()
    wait_idle(qtbot, dialog)
    assert dossier_count(demo_ctx) == 0  # nothing saved

    dialog.id_number.setText(GOOD_CCCD)
    dialog.results.setFocus()  # Ctrl+S works wherever the cursor is
    qtbot.keyClick(dialog.results, K.Key_S, CTRL)
    qtbot.waitUntil(lambda: dialog.dossier is not None, timeout=WAIT_MS)
    code = dialog.dossier.code
    receipt = window.findChild(type(dialog.receipt_dialog)) or dialog.receipt_dialog
    assert receipt is dialog.receipt_dialog and not dialog.isVisible()
    qtbot.waitUntil(lambda: receipt.path is not None and receipt.path.exists(), timeout=WAIT_MS)
    assert code in pdf_text(receipt.path)
    qtbot.waitUntil(receipt.preview_ready, timeout=WAIT_MS)
    stored = get_dossier(demo_ctx, code)
    assert stored.ticket_number == "1001" and stored.applicant_name == "Nguyễn Thị Hoa"
    assert (stored.id_number, stored.phone, stored.birth_year) == (GOOD_CCCD, "0912345678", 1985)
    receipt.save_to(tmp_path / "copy.pdf")
    assert (tmp_path / "copy.pdf").read_bytes() == receipt.path.read_bytes()
    receipt.accept()
    wait_idle(qtbot, window)

    # a USB scanner types the printed code fast and ends with Enter, wherever the focus is in the window
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=WAIT_MS)
    qtbot.keyClicks(window.focusWidget() or window, code)
    qtbot.keyClick(window.focusWidget() or window, K.Key_Return)
    qtbot.waitUntil(lambda: window.dossier_dialog is not None
                    and window.dossier_dialog.values["applicant"].text() == "Nguyễn Thị Hoa", timeout=WAIT_MS)
    view = window.dossier_dialog
    assert view.values["code"].text() == code and view.values["ticket"].text() == "1001"
    assert view.values["status"].text() == "Đã tiếp nhận"
    view.accept()
    # the F-keys still work after a scan
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=WAIT_MS)
    qtbot.keyClick(window, K.Key_F6)
    wait_idle(qtbot, window)
    assert window.current is None
    window.close()


def test_slow_typing_is_not_a_scan(qtbot, demo_ctx, officer) -> None:
    window = open_counter(qtbot, demo_ctx, officer)
    qtbot.keyClicks(window, "000.00.00.H38-250101-0001", delay=70)
    qtbot.keyClick(window, K.Key_Return)
    assert window.dossier_dialog is None
    window.close()


def test_a_scan_of_an_unknown_code_says_so(qtbot, demo_ctx, officer) -> None:
    window = open_counter(qtbot, demo_ctx, officer)
    qtbot.keyClicks(window, "000.00.00.H38-250101-0001")
    qtbot.keyClick(window, K.Key_Return)
    qtbot.waitUntil(lambda: window.dossier_dialog is not None and window.dossier_dialog.bar.current_text() != "",
                    timeout=WAIT_MS)
    assert "Không tìm thấy hồ sơ" in window.dossier_dialog.bar.current_text()
    window.dossier_dialog.accept()
    window.close()


def test_f7_without_a_ticket_offers_every_agency(qtbot, demo_ctx, officer) -> None:
    window = open_counter(qtbot, demo_ctx, officer)
    qtbot.keyClick(window, K.Key_F7)
    dialog = ready(qtbot, window.intake_dialog)
    assert dialog.ticket_number is None and dialog.all_agencies.isChecked()
    assert "không gắn số thứ tự" in dialog.windowTitle() + "".join(
        label.text() for label in dialog.findChildren(type(dialog.fee)))
    qtbot.keyClick(dialog.search, K.Key_Escape)  # nothing typed: Escape closes at once
    assert not dialog.isVisible()
    window.close()


def test_store_offline_keeps_what_was_typed_and_says_so(qtbot, demo_ctx, officer) -> None:
    dialog = open_standalone(qtbot, demo_ctx, officer)
    pick_building_permit(qtbot, dialog)
    for widget, text in ((dialog.applicant_name, "Trần Văn Bình"), (dialog.id_number, GOOD_CCCD),
                         (dialog.phone, "0912345678"), (dialog.address, "Lai Châu")):
        widget.setText(text)
    offline = Store(UNREACHABLE)
    dialog.ctx = Context(offline)
    try:
        qtbot.keyClick(dialog, K.Key_S, CTRL)
        qtbot.waitUntil(lambda: "giữ nguyên" in dialog.bar.current_text(), timeout=WAIT_MS)
    finally:
        offline.dispose()
    assert dialog.isVisible() and dialog.dossier is None
    assert (dialog.applicant_name.text(), dialog.id_number.text()) == ("Trần Văn Bình", GOOD_CCCD)
    assert dialog.save_button.isEnabled()
    assert dossier_count(demo_ctx) == 0
    dialog.ctx = demo_ctx
    dialog.bar.retry_button.click()  # the connection is back: «Thử lại» saves what was kept
    qtbot.waitUntil(lambda: dialog.dossier is not None, timeout=WAIT_MS)
    assert dossier_count(demo_ctx) == 1
    dialog.receipt_dialog.accept()


def test_mau02_instead_of_receiving_writes_a_pdf(qtbot, demo_ctx, officer, tmp_path) -> None:
    dialog = open_standalone(qtbot, demo_ctx, officer, out_dir=tmp_path)
    dialog.form02_button.click()
    assert dialog.fields.message("procedure") and dialog.form_dialog is None
    pick_building_permit(qtbot, dialog)
    dialog.applicant_name.setText("Lê Văn Nam")
    first_box = dialog.checklist.rows[0][0]
    first_box.setChecked(False)  # not handed in
    missing = dialog.checklist.not_received()
    dialog.form02_button.click()
    form = dialog.form_dialog
    assert form is not None and form.items() == missing
    form.accept()  # no reason yet: refused at the field
    assert form.isVisible() and form.fields.message("reason")
    form.reason.setPlainText("Thiếu đơn đề nghị theo mẫu")
    form.accept()
    qtbot.waitUntil(lambda: dialog.pdf_dialog is not None, timeout=WAIT_MS)
    written = list(tmp_path.glob("mau02-*.pdf"))
    assert len(written) == 1
    text = pdf_text(written[0])
    assert "PHIẾU YÊU CẦU BỔ SUNG" in text and "Lê Văn Nam" in text and "Thiếu đơn đề nghị" in text
    assert dossier_count(demo_ctx) == 0  # the dossier is not received
    dialog.pdf_dialog.accept()


def test_mau03_from_the_ticket_in_service_is_recorded_on_that_ticket(qtbot, demo_ctx, officer, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """The officer refuses the dossier of the ticket being served: Mẫu 03 is printed and the visit keeps it."""
    from app.services import dossier_forms, dossiers

    ticket = queue.issue_ticket(demo_ctx, "DD")
    dialog = IntakeDialog(demo_ctx, officer, ticket.display_number, None, out_dir=tmp_path)
    qtbot.addWidget(dialog)
    dialog.open()
    ready(qtbot, dialog)
    pick_building_permit(qtbot, dialog)
    dialog.applicant_name.setText("Lê Văn Nam")
    dialog.form03_button.click()
    form = dialog.form_dialog
    assert form is not None
    form.reason.setPlainText("Không thuộc thẩm quyền giải quyết\nĐã có kết quả giải quyết trước đó")
    form.accept()
    qtbot.waitUntil(lambda: dialog.pdf_dialog is not None, timeout=WAIT_MS)
    issued = dossier_forms.forms_of_ticket(demo_ctx, dossiers.ticket_id_by_number(demo_ctx, ticket.display_number))
    assert [(f.number, f.applicant_name, f.items) for f in issued] == [
        ("03", "Lê Văn Nam", ("Không thuộc thẩm quyền giải quyết", "Đã có kết quả giải quyết trước đó"))]
    assert issued[0].officer_name == officer.full_name and (tmp_path / issued[0].file).exists()
    assert dossier_count(demo_ctx) == 0
    dialog.pdf_dialog.accept()


def test_owner_fields_are_saved_and_checked_at_the_field(qtbot, demo_ctx, officer, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from app.services import dossiers

    dialog = open_standalone(qtbot, demo_ctx, officer, out_dir=tmp_path)
    pick_building_permit(qtbot, dialog)
    for widget, text in ((dialog.applicant_name, "Nguyễn Thị Ánh Tuyết"), (dialog.id_number, "001185012345"),
                         (dialog.phone, "0912 345 678"), (dialog.address, "Số 12, phường Tân Phong"),
                         (dialog.owner, "Lò Thị Mai"), (dialog.owner_id, "0121900")):
        widget.setText(text)
    dialog._on_save_triggered()
    qtbot.waitUntil(lambda: bool(dialog.fields.message("owner_id_number")), timeout=WAIT_MS)
    assert dossier_count(demo_ctx) == 0 and dialog.owner.text() == "Lò Thị Mai"  # nothing saved, nothing lost
    dialog.owner_id.setText("012190012345")
    dialog._on_save_triggered()
    qtbot.waitUntil(lambda: dialog.dossier is not None, timeout=WAIT_MS)
    view = dossiers.get_dossier(demo_ctx, dialog.dossier.code)
    assert (view.owner_name, view.owner_id_number) == ("Lò Thị Mai", "012190012345")
    if dialog.receipt_dialog is not None:
        dialog.receipt_dialog.accept()


def test_an_on_the_spot_procedure_is_received_resolved_and_returned_in_one_go(qtbot, demo_ctx, officer,  # type: ignore[no-untyped-def]
                                                                              tmp_path) -> None:
    """«4 tại chỗ»: the form offers to resolve at the counter (ticked), and saving returns the result at once;
    a procedure that is not on the spot does not offer it."""
    from app.services import dossiers

    dialog = open_standalone(qtbot, demo_ctx, officer, out_dir=tmp_path)
    pick_building_permit(qtbot, dialog)
    assert dialog.on_the_spot.isHidden() and "trả kết quả" not in dialog.save_button.text()
    dialog.search.setText("tim kiem viec lam hang thang")
    qtbot.keyClick(dialog.search, K.Key_Down)
    qtbot.keyClick(dialog.results, K.Key_Return)
    assert dialog.procedure is not None and dialog.procedure.draft.code == "DEMO.SLDTBXH.002"
    assert not dialog.on_the_spot.isHidden() and dialog.on_the_spot.isChecked()
    assert "trả kết quả" in dialog.save_button.text()
    for widget, text in ((dialog.applicant_name, "Nguyễn Thị Ánh Tuyết"), (dialog.id_number, "001185012345"),
                         (dialog.phone, "0912 345 678"), (dialog.address, "Số 12, phường Tân Phong")):
        widget.setText(text)
    dialog._on_save_triggered()
    qtbot.waitUntil(lambda: dialog.dossier is not None, timeout=WAIT_MS)
    view = dossiers.get_dossier(demo_ctx, dialog.dossier.code)
    assert view.status == "returned" and [e.kind for e in view.events] == ["received", "resolved", "returned"]
    if dialog.receipt_dialog is not None:
        dialog.receipt_dialog.accept()


def test_a_save_whose_commit_reply_was_lost_retried_gives_the_same_dossier(qtbot, demo_ctx, officer,  # type: ignore[no-untyped-def]
                                                                         monkeypatch) -> None:
    dialog = open_standalone(qtbot, demo_ctx, officer)
    pick_building_permit(qtbot, dialog)
    for widget, text in ((dialog.applicant_name, "Trần Văn Bình"), (dialog.id_number, GOOD_CCCD),
                         (dialog.phone, "0912345678"), (dialog.address, "Lai Châu")):
        widget.setText(text)
    request = dialog.request_id
    dialect = demo_ctx.store.engine.dialect
    commit = dialect.do_commit

    def reply_lost(dbapi_connection) -> None:  # type: ignore[no-untyped-def]
        commit(dbapi_connection)  # the commit goes through; its answer never comes back
        monkeypatch.setattr(dialect, "do_commit", commit)
        raise dialect.loaded_dbapi.OperationalError("server closed the connection unexpectedly")

    monkeypatch.setattr(dialect, "do_commit", reply_lost)
    qtbot.keyClick(dialog, K.Key_S, CTRL)
    qtbot.waitUntil(lambda: "giữ nguyên" in dialog.bar.current_text(), timeout=WAIT_MS)
    assert dialog.dossier is None and dossier_count(demo_ctx) == 1  # saved, though the form could not know
    dialog.bar.retry_button.click()  # «Thử lại»: the same request id, so the same dossier comes back
    qtbot.waitUntil(lambda: dialog.dossier is not None, timeout=WAIT_MS)
    assert dossier_count(demo_ctx) == 1
    assert dialog.dossier.id == request and dialog.dossier.code.endswith("-0001")
    assert dialog.request_id != request  # after a successful save the next form gets a new id
    dialog.receipt_dialog.accept()


def test_an_unknown_province_is_a_warning_the_officer_may_go_past(qtbot, demo_ctx, officer,  # type: ignore[no-untyped-def]
                                                                  tmp_path) -> None:
    """Issue 14.5: a CCCD whose province code is not one of the 63 is shown at the field (amber), nothing saved yet;
    saving again receives the dossier and records the override on its reception."""
    from app.services import dossiers

    dialog = open_standalone(qtbot, demo_ctx, officer, out_dir=tmp_path)
    pick_building_permit(qtbot, dialog)
    for widget, text in ((dialog.applicant_name, "Nguyễn Thị Ánh Tuyết"), (dialog.id_number, "003185012345"),
                         (dialog.phone, "0912 345 678"), (dialog.address, "Số 12, phường Tân Phong")):
        widget.setText(text)
    dialog._on_save_triggered()
    assert "Mã tỉnh 003" in dialog.fields.message("id_number")
    assert "#8a5300" in dialog.fields.label("id_number").styleSheet()  # amber: a warning, not an error
    assert dialog.id_number.styleSheet() == ""  # the field is not marked invalid
    assert "bấm «Tiếp nhận» lần nữa" in dialog.bar.current_text()
    if SHOTS:
        dialog.grab().save(str(SHOTS / "intake-warning.png"))
    wait_idle(qtbot, dialog)
    assert dossier_count(demo_ctx) == 0
    dialog._on_save_triggered()  # the officer goes on
    qtbot.waitUntil(lambda: dialog.dossier is not None, timeout=WAIT_MS)
    view = dossiers.get_dossier(demo_ctx, dialog.dossier.code)
    assert view.id_number == "003185012345" and view.warnings and "Mã tỉnh 003" in view.warnings[0]
    if dialog.receipt_dialog is not None:
        dialog.receipt_dialog.accept()
