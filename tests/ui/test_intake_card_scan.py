"""The intake form reads the QR code of the citizen's CCCD card from a 2-D scanner typing like a keyboard (key
events, fast, then Enter): the applicant fills in and goes through the usual validators; a scan that is not a card
gets one clear line; a person typing is never taken for a scanner. Made-up card data (tests/unit/test_cccd_qr.py)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget

from app.domain.cccd_qr import NOT_A_CARD
from tests.ui.test_intake import officer, open_standalone  # noqa: F401 (fixture)

K = Qt.Key
CARD = "001085012345|013456789|Nguyễn Văn Ánh|01021985|Nam|Số 5 ngõ 12, phường Điện Biên, Ba Đình, Hà Nội|15082021"


def scan(qtbot, widget: QWidget, text: str) -> None:  # type: ignore[no-untyped-def]
    """What a keyboard-wedge scanner does: one key event per character, no pause, then Enter. QTest.keyClicks
    aborts on letters outside Latin-1, so those are sent as key events carrying their text."""
    for ch in text:
        if ch.isascii():
            qtbot.keyClicks(widget, ch)
        else:
            QTest.sendKeyEvent(QTest.KeyAction.Click, widget, K.Key_unknown, ch, Qt.KeyboardModifier.NoModifier)
    qtbot.keyClick(widget, K.Key_Return)


def test_a_scanned_card_fills_the_applicant(qtbot, demo_ctx, officer, tmp_path) -> None:  # noqa: F811
    dialog = open_standalone(qtbot, demo_ctx, officer)
    focused = dialog.focusWidget()
    scan(qtbot, focused, CARD)
    assert dialog.applicant_name.text() == "Nguyễn Văn Ánh"
    assert dialog.id_number.text() == "001085012345"
    assert dialog.birth_year.text() == "1985"
    assert dialog.sex.currentData() == "male"
    assert dialog.address.text() == "Số 5 ngõ 12, phường Điện Biên, Ba Đình, Hà Nội"
    assert focused.text() == ""  # the scan did not stay in the field it was typed into  # type: ignore[union-attr]
    assert "Đã đọc thẻ CCCD" in dialog.bar.current_text()
    assert dialog.fields.message("id_number") == "" and dialog.fields.message("applicant_name") == ""
    assert dialog.grab().save(str(tmp_path / "intake_card_scanned.png"))  # looked at while writing this test


def test_the_usual_validators_judge_the_card(qtbot, demo_ctx, officer) -> None:  # noqa: F811
    """A card whose number says female (century digit 1 is a man born in the 1900s) but reads «Nữ»: the
    CCCD cross-check refuses it at the ID field, as when typed."""
    dialog = open_standalone(qtbot, demo_ctx, officer)
    dialog.address.setFocus()
    scan(qtbot, dialog.address, CARD.replace("|Nam|", "|Nữ|"))
    assert dialog.sex.currentData() == "female"
    assert "giới tính" in dialog.fields.message("id_number")


def test_a_newer_card_with_more_fields_and_one_without_the_old_id(qtbot, demo_ctx, officer) -> None:  # noqa: F811
    dialog = open_standalone(qtbot, demo_ctx, officer)
    dialog.applicant_name.setFocus()
    scan(qtbot, dialog.applicant_name, "079190004567|Trần Thị Bích Ngọc|23111990|Nữ|12 Lê Lợi, Quận 1|02032022|x|y")
    assert (dialog.applicant_name.text(), dialog.id_number.text(), dialog.birth_year.text()) == (
        "Trần Thị Bích Ngọc", "079190004567", "1990")
    assert dialog.sex.currentData() == "female" and dialog.address.text() == "12 Lê Lợi, Quận 1"


def test_a_scan_that_is_not_a_card_says_so_and_changes_nothing(qtbot, demo_ctx, officer) -> None:  # noqa: F811
    dialog = open_standalone(qtbot, demo_ctx, officer)
    dialog.applicant_name.setText("Lò Văn Minh")
    dialog.applicant_name.setFocus()
    dialog.applicant_name.end(False)
    scan(qtbot, dialog.applicant_name, "000.00.00.H38-250101-0001")  # a receipt's barcode, not a card
    assert dialog.applicant_name.text() == "Lò Văn Minh"
    assert dialog.id_number.text() == ""
    assert dialog.fields.message("id_number") == NOT_A_CARD


def test_a_person_typing_is_not_a_scan(qtbot, demo_ctx, officer) -> None:  # noqa: F811
    dialog = open_standalone(qtbot, demo_ctx, officer)
    dialog.phone.setFocus()
    qtbot.keyClicks(dialog.phone, "0912345678|0912345678", delay=120)
    qtbot.keyClick(dialog.phone, K.Key_Return)
    assert dialog.phone.text() == "0912345678|0912345678"  # kept as typed; Enter moved on as usual
    assert dialog.fields.message("id_number") == ""

