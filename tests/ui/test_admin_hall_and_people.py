"""Counters, officers and sign-in as an administrator sees them."""

from __future__ import annotations

from PySide6.QtCore import Qt

from app.domain.accounts import Role
from app.services import accounts, hall
from app.ui.signin import SignInDialog


def test_a_counter_with_a_taken_number_is_refused_at_the_number(qtbot, idle, window, demo_ctx) -> None:
    tab = window.counters
    window.tabs.setCurrentWidget(tab)
    before = hall.list_counters(demo_ctx)
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    tab.number.setValue(3)
    tab.name.setText("Quầy thử")
    tab.service_list.set_checked(tab.service_list.item(0).data(Qt.ItemDataRole.UserRole))
    qtbot.keyClick(window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    idle(window)
    assert tab.fields.message("number") == "Quầy số 3 đã có"
    assert hall.list_counters(demo_ctx) == before


def test_a_new_counter_is_listed(qtbot, idle, window, demo_ctx) -> None:
    tab = window.counters
    tab.new()
    tab.number.setValue(11)
    tab.service_list.set_checked(tab.service_list.item(0).data(Qt.ItemDataRole.UserRole))
    tab.save()
    idle(window)
    assert "11" in [tab.table.item(r, 0).text() for r in range(tab.table.rowCount())]
    assert 11 in [c.number for c in hall.list_counters(demo_ctx)]


def test_an_added_officer_appears_in_the_list(qtbot, idle, window, demo_ctx, admin) -> None:
    tab = window.officers
    window.tabs.setCurrentWidget(tab)
    tab.new()
    qtbot.keyClicks(tab.login, "canbo11")
    tab.full_name.setText("Lường Thị Hoa")  # QTest.keyClicks aborts on characters outside Latin-1
    tab.password.setText("matkhau123")
    tab.password2.setText("matkhau123")
    tab.save()
    idle(window)
    rows = {tab.table.item(r, 0).text(): (tab.table.item(r, 1).text(), tab.table.item(r, 2).text())
            for r in range(tab.table.rowCount())}
    assert rows["canbo11"] == ("Lường Thị Hoa", "Cán bộ tiếp nhận")
    assert accounts.sign_in(demo_ctx, "canbo11", "matkhau123").role is Role.OFFICER


def test_mismatched_passwords_are_refused_at_the_second_one(qtbot, idle, window) -> None:
    tab = window.officers
    tab.new()
    tab.login.setText("canbo12")
    tab.full_name.setText("Quàng Văn Tú")
    tab.password.setText("matkhau123")
    tab.password2.setText("matkhau124")
    tab.save()
    assert tab.fields.message("password2") == "Hai lần nhập mật khẩu không khớp"


def _sign_in(qtbot, ctx, login: str, password: str) -> SignInDialog:  # type: ignore[no-untyped-def]
    dialog = SignInDialog(ctx, Role.ADMIN)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.login, login)
    qtbot.keyClicks(dialog.password, password)
    qtbot.mouseClick(dialog.sign_in_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.worker.busy, timeout=20_000)
    return dialog


def test_an_officer_is_refused_the_admin_window(qtbot, demo_ctx) -> None:
    dialog = _sign_in(qtbot, demo_ctx, "canbo01", "canbo123")
    assert dialog.actor is None
    assert dialog.isVisible()
    assert "không được phép mở cửa sổ quản trị" in dialog.bar.current_text()


def test_a_wrong_password_is_said_plainly(qtbot, demo_ctx) -> None:
    dialog = _sign_in(qtbot, demo_ctx, "quantri", "sai-mat-khau")
    assert dialog.actor is None
    assert dialog.bar.current_text().startswith("Sai tên đăng nhập hoặc mật khẩu, hoặc tài khoản đang tạm khóa")
    assert "nhờ quản trị viên đặt lại mật khẩu" in dialog.bar.current_text()  # how to get unlocked
    label = dialog.bar.text
    qtbot.waitUntil(lambda: label.height() >= label.heightForWidth(label.width()), timeout=5_000)  # all of it shows


def test_the_admin_signs_in(qtbot, demo_ctx) -> None:
    dialog = _sign_in(qtbot, demo_ctx, "quantri", "quantri123")
    assert dialog.actor is not None and dialog.actor.role is Role.ADMIN
    assert dialog.result() == SignInDialog.DialogCode.Accepted


def test_the_status_bar_says_who_is_signed_in(window) -> None:
    texts = [w.text() for w in window.statusBar().findChildren(type(window.bar.text))]
    assert any("Nguyễn Văn Quản (Quản trị)" in t for t in texts)
    assert any(t.startswith("Cơ sở dữ liệu: ") for t in texts)
