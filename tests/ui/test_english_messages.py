"""Messages of the lower layers reach a real window in its language (issue 15.7): the validators of
app.domain.validators mark their messages (app.domain.messages), and the counter's intake form shows them at their
fields through i18n.text_of — English in an English window, Vietnamese (the source text) in a Vietnamese one,
with the field's name inside a message translated too."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from app.ui import i18n
from tests.ui.test_intake import officer, open_standalone, pick_building_permit  # noqa: F401 (fixture)

BAD_PHONE = "12345"
BAD_CCCD_SEX = "001085012345"  # century digit 0: a man born in 1985; the form says female


@pytest.fixture()
def language(qapp):  # type: ignore[no-untyped-def]
    """Switch the windows' language inside a test; always back to Vietnamese afterwards."""
    yield i18n.use
    i18n.use("vi")


def _save_with_bad_fields(qtbot, demo_ctx, officer):  # type: ignore[no-untyped-def]  # noqa: F811
    dialog = open_standalone(qtbot, demo_ctx, officer)
    pick_building_permit(qtbot, dialog)
    dialog.applicant_name.setText("")
    dialog.phone.setText(BAD_PHONE)
    dialog.id_number.setText(BAD_CCCD_SEX)
    dialog.birth_year.setText("1985")
    dialog.sex.setCurrentIndex(dialog.sex.findData("female"))
    dialog.address.setText("Số 12, phường Tân Phong")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    return dialog


def test_validation_errors_read_english_in_an_english_window(qtbot, demo_ctx, officer, language) -> None:  # noqa: F811
    language("en")
    dialog = _save_with_bad_fields(qtbot, demo_ctx, officer)
    assert dialog.fields.message("phone") == (
        "Invalid phone number: a mobile number has 10 digits starting with 03, 05, 07, 08 or 09; a landline has "
        "11 digits starting with 02")
    assert dialog.fields.message("applicant_name") == "Full name must not be empty"  # the field's name translated
    assert dialog.fields.message("id_number") == (  # the sexes inside the message translated with it
        "The citizen ID number gives the sex male, which does not match the sex entered (female)")


def test_the_same_errors_read_vietnamese_in_a_vietnamese_window(qtbot, demo_ctx, officer, language) -> None:  # noqa: F811
    language("en")
    language("vi")  # switched back: the catalogue is unloaded again
    dialog = _save_with_bad_fields(qtbot, demo_ctx, officer)
    assert dialog.fields.message("phone") == (
        "Số điện thoại không hợp lệ: di động gồm 10 chữ số bắt đầu bằng 03, 05, 07, 08 hoặc 09; cố định gồm 11 chữ "
        "số bắt đầu bằng 02")
    assert dialog.fields.message("applicant_name") == "Họ và tên không được để trống"
    assert dialog.fields.message("id_number") == "Số CCCD cho giới tính nam, không khớp với giới tính đã nhập (nữ)"


def test_a_cccd_warning_reads_english_in_an_english_window(qtbot, demo_ctx, officer, language) -> None:  # noqa: F811
    """A warning of the domain (an unknown province code), not an error, shown at the field in English."""
    language("en")
    dialog = open_standalone(qtbot, demo_ctx, officer)
    pick_building_permit(qtbot, dialog)
    for widget, text in ((dialog.applicant_name, "Nguyễn Thị Ánh Tuyết"), (dialog.id_number, "003185012345"),
                         (dialog.phone, "0912 345 678"), (dialog.address, "Số 12, phường Tân Phong")):
        widget.setText(text)
    dialog._on_save_triggered()
    assert dialog.fields.message("id_number") == (
        "The province code 003 of the citizen ID number is not one of the 63 provinces and cities")
