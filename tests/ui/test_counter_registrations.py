"""Shift+F8 at the counter: the online registrations waiting for reception, keyboard only; Enter opens one in the
dossier window, where accepting prints Mẫu 01 with a code of its own and refusing offers Mẫu 03."""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel

from app.domain.lifecycle import Action
from app.services import accounts, dossier_csv, dossiers, lifecycle
from app.services.context import Context
from tests.ui.conftest import WAIT_MS, wait_idle
from tests.ui.test_counter import open_counter
from tests.ui.test_dossier_window import fill, pdf_text, press_enter

K = Qt.Key
DATA = Path(__file__).resolve().parents[1] / "data" / "online-registrations.csv"
PORTAL_A, PORTAL_B = "H33.02-231026-0007", "H33.02-231027-0002"


def import_portal_file(ctx: Context, tmp_path: Path) -> None:
    dossier_csv.import_file(ctx, accounts.maintenance_acting_as(ctx, "giamsat"), shutil.copy(DATA, tmp_path / "p.csv"))


def test_shift_f8_lists_the_registrations_and_enter_accepts_one_with_mau_01(qtbot, demo_ctx, tmp_path: Path) -> None:
    import_portal_file(demo_ctx, tmp_path)
    officer = accounts.sign_in(demo_ctx, "canbo01", "canbo123")
    window = open_counter(qtbot, demo_ctx, officer)
    window.grab().save(str(tmp_path / "counter.png"))
    assert "Shift+F8: hồ sơ đăng ký trực tuyến" in [
        label.text() for label in window.statusBar().findChildren(QLabel)]
    qtbot.keyClick(window, K.Key_F8, Qt.KeyboardModifier.ShiftModifier)
    listing = window.registrations_dialog
    assert listing is not None
    qtbot.waitUntil(lambda: listing.isVisible() and listing.table.rowCount() == 2, timeout=WAIT_MS)
    wait_idle(qtbot, listing)
    listing.grab().save(str(tmp_path / "registrations.png"))
    assert listing.summary.text() == "2 hồ sơ chờ tiếp nhận. Chọn một hồ sơ rồi bấm Enter."
    assert [listing.table.item(r, 0).text() for r in range(2)] == [PORTAL_A, PORTAL_B]
    assert listing.table.item(0, 2).text() == "Nguyễn Thị Ánh Tuyết" and listing.table.hasFocus()
    qtbot.keyClick(listing.table, K.Key_Down)
    assert listing.selected_code() == PORTAL_B
    qtbot.keyClick(listing.table, K.Key_Up)
    qtbot.keyClick(listing.table, K.Key_Return)  # Enter opens the chosen one
    qtbot.waitUntil(lambda: window.dossier_dialog is not None and window.dossier_dialog.dossier is not None,
                    timeout=WAIT_MS)
    view = window.dossier_dialog
    assert not listing.isVisible() and view.values["status"].text() == "Đăng ký trực tuyến"
    assert view.visible_actions() == [Action.CANCEL, Action.ACCEPT, Action.REFUSE]
    wait_idle(qtbot, view)
    view.grab().save(str(tmp_path / "registered-dossier.png"))
    view.action_buttons[Action.ACCEPT].click()
    dialog = view.action_dialog
    assert dialog is not None and not dialog.inputs
    qtbot.waitUntil(dialog.isVisible, timeout=WAIT_MS)
    press_enter(qtbot, view, dialog)
    assert not dialog.isVisible()
    accepted = dossiers.get_dossier(demo_ctx, PORTAL_A)
    assert accepted.status == "received" and accepted.code.startswith("000.00.02.H33-")
    qtbot.waitUntil(lambda: view.values["code"].text() == accepted.code, timeout=WAIT_MS)
    receipt = view.receipt_dialog
    assert receipt is not None
    qtbot.waitUntil(lambda: receipt.path is not None, timeout=WAIT_MS)
    assert accepted.code in pdf_text(receipt.path) and "GIẤY TIẾP NHẬN HỒ SƠ" in pdf_text(receipt.path)
    receipt.accept()
    wait_idle(qtbot, view)
    view.accept()
    assert [line.code for line in lifecycle.registrations(demo_ctx)] == [PORTAL_B]
    window.close()


def test_refusing_a_registration_offers_mau_03(qtbot, demo_ctx, tmp_path: Path) -> None:
    import_portal_file(demo_ctx, tmp_path)
    officer = accounts.sign_in(demo_ctx, "canbo01", "canbo123")
    window = open_counter(qtbot, demo_ctx, officer)
    window._on_scanner_scanned(PORTAL_B)
    qtbot.waitUntil(lambda: window.dossier_dialog is not None and window.dossier_dialog.dossier is not None,
                    timeout=WAIT_MS)
    view = window.dossier_dialog
    wait_idle(qtbot, view)
    view.action_buttons[Action.REFUSE].click()
    dialog = view.action_dialog
    assert dialog is not None and list(dialog.inputs) == ["reason"]
    qtbot.waitUntil(dialog.isVisible, timeout=WAIT_MS)
    fill(dialog, reason="Không thuộc thẩm quyền; Thiếu tờ khai")
    press_enter(qtbot, view, dialog)
    assert view.values["status"].text() == "Từ chối tiếp nhận"
    box = view.offer_box
    assert box is not None and box.isVisible()
    next(b for b in box.buttons() if b.text() == "In Mẫu 03").click()
    form = view.form_dialog
    assert form is not None
    qtbot.waitUntil(lambda: form.path is not None, timeout=WAIT_MS)
    text = pdf_text(form.path)
    assert "PHIẾU TỪ CHỐI TIẾP NHẬN" in text and "2. Thiếu tờ khai" in text and "BẢN SAO" not in text
    form.accept()
    wait_idle(qtbot, view)
    view.accept()
    window.close()
    QApplication.processEvents()
