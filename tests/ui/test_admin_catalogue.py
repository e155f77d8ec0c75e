"""The catalogue tab as an administrator sees it: instant accent-insensitive search, errors at the field, saving."""

from __future__ import annotations

from PySide6.QtCore import Qt

from app.services import catalog
from app.ui.admin.catalogue_tab import AGENCY_COLUMN, NAME_COLUMN

STNMT = "Sở Tài nguyên và Môi trường"


def _column(table, column: int) -> list[str]:  # type: ignore[no-untyped-def]
    return [table.item(r, column).text() for r in range(table.rowCount())]


def _agency(tab, key: str):  # type: ignore[no-untyped-def]
    return next(a for a in tab._agencies if a.key == key)


def _open_first_procedure_of(qtbot, window, key: str):  # type: ignore[no-untyped-def]
    tab = window.catalogue
    tab.select_agency(_agency(tab, key).id)
    qtbot.mouseClick(tab.table.viewport(), Qt.MouseButton.LeftButton,
                     pos=tab.table.visualItemRect(tab.table.item(0, 1)).center())
    assert tab.form.procedure_id is not None
    return tab


def test_unaccented_search_lists_only_that_departments_procedures(qtbot, idle, window) -> None:
    tab = window.catalogue
    qtbot.keyClicks(tab.search_box, "tai nguyen moi truong")
    agencies = _column(tab.table, AGENCY_COLUMN)
    assert agencies, "the search found nothing"
    assert set(agencies) == {STNMT}
    assert not tab.table.isColumnHidden(AGENCY_COLUMN)
    assert "khớp «tai nguyen moi truong»" in tab.count_label.text()


def test_ctrl_f_focuses_the_search_box(qtbot, idle, window) -> None:
    window.tabs.setCurrentWidget(window.counters)
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.currentWidget() is window.catalogue
    assert window.catalogue.search_box.hasFocus()


def test_bad_values_are_shown_at_their_fields_and_nothing_is_saved(qtbot, idle, window, demo_ctx) -> None:
    tab = _open_first_procedure_of(qtbot, window, "STNMT")
    pid = tab.form.procedure_id
    before = catalog.get_procedure(demo_ctx, pid)
    tab.form.name.clear()
    tab.form.processing_unit.setCurrentIndex(tab.form.processing_unit.findData("working_days"))
    tab.form.processing_value.setValue(0)
    qtbot.keyClick(window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    idle(window)
    assert "từ 3 đến 1000 ký tự" in tab.form.fields.message("name")
    assert "phải lớn hơn 0" in tab.form.fields.message("processing_value")
    assert tab.form.fields.label("name").isVisible()
    assert "Chưa lưu" in window.bar.current_text()
    assert catalog.get_procedure(demo_ctx, pid) == before


def test_a_fee_typed_with_letters_is_refused_at_the_fee(qtbot, idle, window, demo_ctx) -> None:
    tab = _open_first_procedure_of(qtbot, window, "STNMT")
    before = catalog.get_procedure(demo_ctx, tab.form.procedure_id)
    tab.form.fee.setText("12a")
    tab.save()
    idle(window)
    assert "số đồng nguyên" in tab.form.fields.message("fee_vnd")
    assert catalog.get_procedure(demo_ctx, tab.form.procedure_id) == before


def test_a_changed_fee_is_saved_and_shown_in_the_table(qtbot, idle, window, demo_ctx) -> None:
    tab = _open_first_procedure_of(qtbot, window, "STNMT")
    pid, code = tab.form.procedure_id, tab.form.code.text()
    tab.form.fee.clear()
    qtbot.keyClicks(tab.form.fee, "1414812973")
    qtbot.mouseClick(tab.form.save_button, Qt.MouseButton.LeftButton)
    idle(window)
    assert catalog.get_procedure(demo_ctx, pid).draft.fee_vnd == 1_414_812_973
    row = _column(tab.table, 0).index(code)
    assert tab.table.item(row, 4).text() == "1.414.812.973"
    assert tab.form.fee.text() == "1.414.812.973"
    assert "Đã lưu thủ tục" in window.bar.current_text()


def test_escape_drops_the_edits(qtbot, idle, window) -> None:
    tab = _open_first_procedure_of(qtbot, window, "STNMT")
    original = tab.form.name.toPlainText()
    tab.form.name.setPlainText("Tên tạm")
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert tab.form.name.toPlainText() == original


def test_a_new_procedure_is_added_to_the_chosen_agency(qtbot, idle, window, demo_ctx) -> None:
    tab = window.catalogue
    agency = _agency(tab, "SYT")
    tab.select_agency(agency.id)
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(tab.form.code, "TEST.SYT.999")
    tab.form.name.setPlainText("Cấp chứng chỉ hành nghề thử nghiệm")
    tab.form.documents.add_row()
    tab.form.documents.item(0, 0).setText("Đơn đề nghị")
    tab.save()
    idle(window)
    assert "TEST.SYT.999" in _column(tab.table, 0)
    saved = [p for p in catalog.list_procedures(demo_ctx, agency.id) if p.draft.code == "TEST.SYT.999"]
    assert [d.name for d in saved[0].draft.documents] == ["Đơn đề nghị"]


def test_procedure_names_are_readable_and_a_search_clears_the_agency_highlight(qtbot, idle, window) -> None:
    tab = window.catalogue
    agency = _agency(tab, "STNMT")
    tab.select_agency(agency.id)
    assert [i.text() for i in tab.agencies.selectedItems()] == [tab.agencies.currentItem().text()]
    widest = max(range(tab.table.columnCount()), key=tab.table.columnWidth)
    assert widest == NAME_COLUMN and tab.table.columnWidth(NAME_COLUMN) >= 350  # was about 100 px
    assert tab.table.rowHeight(0) >= 2 * tab.table.fontMetrics().lineSpacing()  # two lines of a long name
    names = _column(tab.table, NAME_COLUMN)
    assert all(tab.table.item(r, NAME_COLUMN).toolTip() == name for r, name in enumerate(names))
    qtbot.keyClicks(tab.search_box, "giay phep")
    assert tab.table.rowCount() > 0 and len(set(_column(tab.table, AGENCY_COLUMN))) > 1
    assert tab.agencies.selectedItems() == []  # the list spans every agency: none highlighted
    assert max(range(tab.table.columnCount()), key=tab.table.columnWidth) == NAME_COLUMN
    assert tab.table.columnWidth(NAME_COLUMN) >= 250  # with the agency column beside it
    tab.search_box.clear()
    assert [i.text() for i in tab.agencies.selectedItems()] == [tab.agencies.currentItem().text()]
    assert tab.current_agency() == agency


def test_the_agency_dialog_keeps_who_signs_mau_04_and_05(qtbot, idle, window, demo_ctx, tmp_path) -> None:  # type: ignore[no-untyped-def]
    tab = window.catalogue
    tab.select_agency(_agency(tab, "SXD").id)
    tab._open_agency_dialog(tab.current_agency())
    dialog = tab.agency_dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.head_name.text() == "Nguyễn Văn Quyết" and dialog.head_title.text() == "GIÁM ĐỐC"
    dialog.grab().save(str(tmp_path / "agency-dialog.png"))
    dialog.head_name.clear()  # a title without a name: said at the field, nothing saved
    dialog._on_accepted()
    idle(window)
    assert dialog.isVisible() and "Ghi họ tên thủ trưởng" in dialog.fields.message("head_name")
    dialog.head_name.setText("Lò Thị Hương")
    dialog.head_title.setText("PHÓ GIÁM ĐỐC")
    dialog._on_accepted()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    saved = next(a for a in catalog.list_agencies(demo_ctx) if a.key == "SXD")
    assert (saved.head_name, saved.head_title) == ("Lò Thị Hương", "PHÓ GIÁM ĐỐC")
