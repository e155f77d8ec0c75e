"""The dossier window as an officer uses it: facts, timeline, only the allowed actions, refusals in Vietnamese,
forms as PDF (both backends; the demo centre on a clock starting Monday 30/11/2026 08:00)."""

from __future__ import annotations

import subprocess
import unicodedata
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDateEdit, QLineEdit

from app.domain.dossier import IntakeDraft
from app.domain.lifecycle import Action
from app.services import accounts, dossiers
from app.services.context import Actor, Context
from app.ui.stations.dossier_actions import ActionDialog
from app.ui.stations.dossier_view import DossierViewDialog
from tests.ui.conftest import WAIT_MS, wait_idle
from tests.ui.test_counter import open_counter

K = Qt.Key
RECEIVER, OFFICER = "Lò Văn Minh", "Nguyễn Thị Hương"


@pytest.fixture()
def officer(hall_ctx: Context) -> Actor:
    """canbo02 (Nguyễn Thị Hương), signed in: she follows dossiers canbo01 received."""
    return accounts.sign_in(hall_ctx, "canbo02", "canbo123")


def receive(ctx: Context) -> str:
    """A building-permit dossier (5 working days) received by canbo01; its code."""
    draft = IntakeDraft(applicant_name="Nguyễn Thị Ánh Tuyết", id_number="001185012345", phone="0912345678",
                        address="Tân Phong, Lai Châu", birth_year=1985, sex="female")
    pid = dossiers.procedure_id_by_code(ctx, "DEMO.SXD.004")
    return dossiers.receive_dossier(ctx, accounts.maintenance_acting_as(ctx, "canbo01"), pid, draft).code


def open_window(qtbot, ctx: Context, code: str, actor: Actor | None,  # type: ignore[no-untyped-def]
                out_dir: Path | None = None) -> DossierViewDialog:
    """The dossier window, shown, with the dossier and its timeline loaded."""
    w = DossierViewDialog(ctx, code, out_dir=out_dir, actor=actor)
    qtbot.addWidget(w)
    w.resize(1100, 720)
    w.show()
    qtbot.waitUntil(lambda: w.dossier is not None and not w.worker.busy, timeout=WAIT_MS)
    return w


def act(qtbot, w: DossierViewDialog, action: Action, **typed: Any) -> ActionDialog:  # type: ignore[no-untyped-def]
    """Click the action's button, type the details, press Enter and wait for the answer (and the reload)."""
    qtbot.mouseClick(w.action_buttons[action], Qt.MouseButton.LeftButton)
    dialog = w.action_dialog
    assert dialog is not None and dialog.action is action
    qtbot.waitUntil(dialog.isVisible, timeout=WAIT_MS)
    fill(dialog, **typed)
    press_enter(qtbot, w, dialog)
    return dialog


def fill(dialog: ActionDialog, **typed: Any) -> None:
    """Type into the dialog's fields (setText: QTest cannot type Vietnamese letters)."""
    for name, value in typed.items():
        widget = dialog.inputs[name]
        if isinstance(widget, QDateEdit):
            widget.setDate(QDate(value))
        else:
            assert isinstance(widget, QLineEdit)
            widget.setText(value)


def press_enter(qtbot, w: DossierViewDialog, dialog: ActionDialog) -> None:  # type: ignore[no-untyped-def]
    """Enter in the dialog's first field; wait for the action and, when it succeeded, for the window's reload."""
    target = next(iter(dialog.inputs.values()), dialog.ok_button)
    qtbot.keyClick(target, K.Key_Return)
    qtbot.waitUntil(lambda: not dialog.worker.busy, timeout=WAIT_MS)
    wait_idle(qtbot, w)


def timeline(w: DossierViewDialog) -> list[list[str]]:
    """The timeline table as text, row by row."""
    t = w.timeline
    return [[t.item(r, c).text() for c in range(t.columnCount())] for r in range(t.rowCount())]


def pdf_text(path: Path) -> str:
    """The PDF's text laid out as printed, NFC (pdftotext may give letters and their marks apart)."""
    return unicodedata.normalize("NFC", subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True,
                                                       text=True, check=True).stdout)


def test_a_received_dossier_shows_its_facts_and_only_the_allowed_actions(qtbot, hall_ctx, officer) -> None:
    code = receive(hall_ctx)
    w = open_window(qtbot, hall_ctx, code, officer)
    assert w.values["code"].text() == code and w.values["status"].text() == "Đã tiếp nhận"
    assert w.values["due"].text() == "17:00 07/12/2026"
    assert w.values["fees"].text() == "10.000 đồng; chưa thu"
    assert w.overdue_badge.isHidden()
    assert w.values["paused"].isHidden() or not w.values["paused"].isVisibleTo(w)
    assert w.visible_actions() == [Action.HAND_OVER, Action.REQUEST_SUPPLEMENT, Action.AWAIT_PAYMENT,
                                   Action.WITHDRAW, Action.STOP, Action.CANCEL, Action.RESOLVE, Action.APOLOGY]
    assert w.action_buttons[Action.RETURN_RESULT].isHidden() and w.action_buttons[Action.RESUME].isHidden()
    assert timeline(w) == [["08:00 30/11/2026", RECEIVER, "Tiếp nhận hồ sơ", "Đã tiếp nhận", ""]]
    assert w.form_buttons["06"].isEnabled() and not w.form_buttons["04"].isEnabled()
    assert not w.form_buttons["05"].isEnabled()
    qtbot.mouseClick(w.action_buttons[Action.CANCEL], Qt.MouseButton.LeftButton)
    dialog = w.action_dialog
    assert dialog is not None and list(dialog.inputs) == ["reason"]
    qtbot.waitUntil(dialog.isVisible, timeout=WAIT_MS)
    qtbot.keyClick(dialog.inputs["reason"], K.Key_Escape)  # Escape: nothing done
    assert not dialog.isVisible() and dialog.updated is None
    assert dossiers.get_dossier(hall_ctx, code).status == "received"
    w.accept()


def test_hand_over_then_supplement_grow_the_timeline_with_the_officer(qtbot, hall_ctx, officer) -> None:
    code = receive(hall_ctx)
    w = open_window(qtbot, hall_ctx, code, officer)
    dialog = act(qtbot, w, Action.HAND_OVER, unit="")  # a unit is needed: said at the field, dialog stays
    assert dialog.isVisible() and dialog.fields.message("unit") == \
        "Cần ghi đơn vị nhận hồ sơ để chuyển cơ quan giải quyết"
    fill(dialog, unit="Phòng Quản lý xây dựng")
    press_enter(qtbot, w, dialog)
    assert not dialog.isVisible() and dialog.updated is not None
    assert w.values["status"].text() == "Đang giải quyết"
    assert w.bar.current_text() == f"Đã chuyển cơ quan giải quyết: hồ sơ {code}."
    rows = timeline(w)
    assert len(rows) == 2 and rows[1][1:4] == [OFFICER, "Chuyển cơ quan giải quyết", "Đã tiếp nhận → Đang giải quyết"]
    assert rows[1][4] == "Đơn vị nhận: Phòng Quản lý xây dựng"

    dialog = act(qtbot, w, Action.REQUEST_SUPPLEMENT)
    assert dialog.isVisible() and dialog.fields.message("reason") == "Cần ghi lý do để yêu cầu bổ sung"
    assert dialog.fields.message("items") == "Cần ghi giấy tờ cần bổ sung, hoàn thiện để yêu cầu bổ sung"
    fill(dialog, reason="Thiếu bản vẽ mặt bằng", items="Bản vẽ mặt bằng:sao:hai")
    press_enter(qtbot, w, dialog)
    assert dialog.isVisible() and "số lượng phải từ 1" in dialog.fields.message("items")
    fill(dialog, items="Bản vẽ mặt bằng:sao:2; Tờ khai")
    press_enter(qtbot, w, dialog)
    assert not dialog.isVisible()
    assert w.values["status"].text() == "Chờ bổ sung hồ sơ"
    assert w.values["paused"].text().endswith("— Thiếu bản vẽ mặt bằng") and w.values["paused"].isVisibleTo(w)
    assert [r[1] for r in timeline(w)] == [RECEIVER, OFFICER, OFFICER]
    assert timeline(w)[2][2:] == ["Yêu cầu bổ sung", "Đang giải quyết → Chờ bổ sung hồ sơ", "Thiếu bản vẽ mặt bằng"]
    assert w.visible_actions() == [Action.RESUME, Action.WITHDRAW, Action.STOP, Action.CANCEL]
    # Mẫu 02 is offered at once (the original); its button then prints copies of the same request
    box = w.offer_box
    assert box is not None and box.isVisible()
    next(b for b in box.buttons() if b.text() == "In Mẫu 02").click()
    form = w.form_dialog
    assert form is not None and form.number == "02"
    qtbot.waitUntil(lambda: form.path is not None, timeout=WAIT_MS)
    text = pdf_text(form.path)
    assert "PHIẾU YÊU CẦU BỔ SUNG" in text and "Bản vẽ mặt bằng" in text and "Bản sao chứng thực" in text
    assert "BẢN SAO" not in text
    form.accept()
    assert w.form_buttons["02"].isEnabled() and not w.form_buttons["03"].isEnabled()
    w.form_buttons["02"].click()
    copy = w.form_dialog
    assert copy is not None and copy is not form
    qtbot.waitUntil(lambda: copy.path is not None, timeout=WAIT_MS)
    assert "(BẢN SAO)" in pdf_text(copy.path) and "Tờ khai" in pdf_text(copy.path)
    copy.accept()
    w.accept()


def test_a_refused_apology_says_why_keeps_what_was_typed_then_offers_mau_04(qtbot, hall_ctx, officer,
                                                                             tmp_path: Path) -> None:
    code = receive(hall_ctx)  # due Monday 07/12/2026
    w = open_window(qtbot, hall_ctx, code, officer, out_dir=tmp_path)
    dialog = act(qtbot, w, Action.APOLOGY, reason="Chờ ý kiến Sở Tài chính", new_date=QDate(2026, 12, 4))
    assert dialog.isVisible()
    assert dialog.bar.current_text() == "Ngày hẹn trả mới (04/12/2026) phải sau ngày hẹn cũ (07/12/2026)"
    assert dialog.inputs["reason"].text() == "Chờ ý kiến Sở Tài chính"  # type: ignore[attr-defined]
    assert w.values["due"].text() == "17:00 07/12/2026"
    fill(dialog, new_date=QDate(2026, 12, 11))
    press_enter(qtbot, w, dialog)
    assert not dialog.isVisible()
    assert w.values["due"].text() == "17:00 11/12/2026"
    assert w.values["original_due"].text() == "17:00 07/12/2026" and w.values["original_due"].isVisibleTo(w)
    assert timeline(w)[-1][2] == "Xin lỗi và hẹn lại ngày trả"
    assert "Hẹn trả mới: 17:00 11/12/2026" in timeline(w)[-1][4]
    # the table still allows an apology from this state; the rule of «only once» refuses it, in Vietnamese
    again = act(qtbot, w, Action.APOLOGY, reason="Lần hai", new_date=QDate(2026, 12, 18))
    assert again.isVisible() and "không được gia hạn lần thứ hai" in again.bar.current_text()
    again.reject()
    box = w.offer_box
    assert box is not None and box.isVisible()
    print_button = next(b for b in box.buttons() if b.text() == "In Mẫu 04")
    print_button.click()
    form = w.form_dialog
    assert form is not None and form.number == "04"
    qtbot.waitUntil(lambda: form.path is not None, timeout=WAIT_MS)
    assert form.path == tmp_path / f"{code}-mau04.pdf"
    text = pdf_text(form.path)
    assert code in text and "11/12/2026" in text
    form.accept()
    w.accept()


def test_resolve_return_the_result_and_print_the_control_slip(qtbot, hall_ctx, officer, tmp_path: Path) -> None:
    code = receive(hall_ctx)
    w = open_window(qtbot, hall_ctx, code, officer, out_dir=tmp_path)
    act(qtbot, w, Action.HAND_OVER, unit="Phòng Quản lý xây dựng")
    dialog = act(qtbot, w, Action.RESOLVE)  # nothing to ask: Enter confirms
    assert not dialog.inputs and not dialog.isVisible()
    assert w.values["status"].text() == "Đã có kết quả"
    assert w.visible_actions() == [Action.RETURN_RESULT, Action.DISPATCH_BY_POST]
    act(qtbot, w, Action.RETURN_RESULT, collector="Lò Thị Hoa")
    assert w.values["status"].text() == "Đã trả kết quả"
    assert w.visible_actions() == [] and "không còn thao tác" in w.actions_box.title()
    assert timeline(w)[-1][2:] == ["Trả kết quả", "Đã có kết quả → Đã trả kết quả", "Người nhận: Lò Thị Hoa"]
    qtbot.mouseClick(w.form_buttons["06"], Qt.MouseButton.LeftButton)
    form = w.form_dialog
    assert form is not None
    qtbot.waitUntil(lambda: form.path is not None, timeout=WAIT_MS)
    assert form.path.exists() and code in pdf_text(form.path)
    assert "Nhận: Phòng Quản lý xây" in pdf_text(form.path)
    qtbot.waitUntil(form.preview_ready, timeout=WAIT_MS)
    form.accept()
    w.accept()


def test_a_fee_paid_is_recorded_with_its_receipt_and_shown(qtbot, hall_ctx, officer) -> None:
    code = receive(hall_ctx)
    w = open_window(qtbot, hall_ctx, code, officer)
    act(qtbot, w, Action.AWAIT_PAYMENT)
    assert w.values["status"].text() == "Chờ nộp phí, lệ phí"
    assert w.visible_actions() == [Action.HAND_BACK, Action.PAID, Action.WITHDRAW, Action.STOP, Action.CANCEL,
                                   Action.APOLOGY]
    dialog = act(qtbot, w, Action.PAID)  # the amount starts at the procedure's fee; the receipt number is needed
    assert dialog.isVisible() and dialog.fields.message("receipt_no") == "Cần ghi số biên lai thu phí, lệ phí"
    fill(dialog, receipt_no="BL-0001")
    press_enter(qtbot, w, dialog)
    assert not dialog.isVisible() and w.values["status"].text() == "Đang giải quyết"
    assert w.values["fees"].text() == "10.000 đồng; đã thu 10.000 đồng (biên lai BL-0001)"
    assert timeline(w)[-1][4] == "Biên lai: BL-0001; Số tiền: 10.000 đồng (Tiền mặt)"
    w.accept()


def test_an_overdue_dossier_shows_the_red_badge_the_late_list_agrees(qtbot, hall_ctx, officer) -> None:
    """Due 07/12/2026: on Thursday 10/12 it is 3 days late, in the window as in the late list (one rule); a
    dossier paused before its due date is not late while paused."""
    from datetime import datetime, timezone

    from app.services import lifecycle

    code, paused = receive(hall_ctx), receive(hall_ctx)
    lifecycle.apply_action(hall_ctx, officer, paused, "request_supplement", reason="Thiếu bản vẽ",
                           items="Bản vẽ thiết kế:sao:2")
    hall_ctx.extra["clock"][0] = datetime(2026, 12, 10, 2, 0, tzinfo=timezone.utc)  # 09:00 Thursday 10/12
    w = open_window(qtbot, hall_ctx, code, officer)
    assert not w.overdue_badge.isHidden() and w.overdue_badge.text() == "Quá hạn 3 ngày"
    assert [(line.code, line.overdue_days) for line in lifecycle.late(hall_ctx)] == [(code, 3)]
    w.accept()
    other = open_window(qtbot, hall_ctx, paused, officer)
    assert other.overdue_badge.isHidden() and other.values["status"].text() == "Chờ bổ sung hồ sơ"
    other.accept()


def test_without_an_officer_the_window_is_read_only(qtbot, hall_ctx) -> None:
    code = receive(hall_ctx)
    w = open_window(qtbot, hall_ctx, code, None)
    assert w.actions_box.isHidden() and w.visible_actions() == []
    assert not any(b.isEnabled() for b in w.form_buttons.values())
    assert w.reprint_button.isEnabled()
    w.start_action(Action.RESOLVE)
    assert w.action_dialog is None
    w.accept()


def test_f8_at_the_counter_looks_a_dossier_up_by_its_code(qtbot, demo_ctx) -> None:
    actor = accounts.sign_in(demo_ctx, "canbo01", "canbo123")
    code = receive(demo_ctx)
    window = open_counter(qtbot, demo_ctx, actor)
    qtbot.keyClick(window, K.Key_F8)
    lookup = window.lookup_dialog
    assert lookup is not None
    qtbot.waitUntil(lookup.isVisible, timeout=WAIT_MS)
    line = lookup.findChild(QLineEdit)
    line.setText(f"  {code} ")
    qtbot.keyClick(line, K.Key_Return)
    qtbot.waitUntil(lambda: window.dossier_dialog is not None and window.dossier_dialog.dossier is not None,
                    timeout=WAIT_MS)
    view = window.dossier_dialog
    assert view.actor == actor and view.values["code"].text() == code
    assert Action.HAND_OVER in view.visible_actions()
    wait_idle(qtbot, view)
    view.accept()
    window.close()
