"""The officers tab: accounts (cán bộ) with their roles; add, edit, reset a password."""

from __future__ import annotations

from PySide6.QtWidgets import (QCheckBox, QComboBox, QFormLayout, QLabel, QLineEdit, QPushButton)

from app.domain.accounts import Role
from app.services import accounts
from app.domain.errors import FormErrors, ValidationError
from app.services.accounts import OfficerView
from app.ui.admin.base import (AdminEnv, AdminTab, button_row, fill_table, make_table, master_detail, row_key,
                               select_key)
from app.ui.errors import FieldErrors, present_error
from app.ui.i18n import text_of


class OfficersTab(AdminTab):
    """List and edit officer accounts."""

    def __init__(self, env: AdminEnv) -> None:
        super().__init__(env)
        self.title = self.tr("Cán bộ")
        self._officers: dict[int, OfficerView] = {}
        self.officer_id: int | None = None
        self._select_login = ""
        self.table = make_table([self.tr("Tên đăng nhập"), self.tr("Họ và tên"), self.tr("Vai trò"),
                                 self.tr("Hoạt động"), self.tr("Bị khóa")])
        self.table.currentCellChanged.connect(self._on_table_current_cell_changed)
        self.fields = FieldErrors()
        self.heading = QLabel()
        self.heading.setStyleSheet("font-weight: bold;")
        self.login, self.full_name = QLineEdit(), QLineEdit()
        self.role = QComboBox()
        for role in Role:
            self.role.addItem(text_of(role.label), role.value)
        self.active = QCheckBox(self.tr("Được đăng nhập"))
        self.password, self.password2 = QLineEdit(), QLineEdit()
        for box in (self.password, self.password2):
            box.setEchoMode(QLineEdit.EchoMode.Password)
        self.reset_button = QPushButton(self.tr("Đặt lại mật khẩu"))
        self.reset_button.clicked.connect(self._on_reset_button_clicked)
        self._build()

    def _build(self) -> None:
        form = QFormLayout()
        f = self.fields
        f.add_row(form, self.tr("Tên đăng nhập"), "login", self.login)
        f.add_row(form, self.tr("Họ và tên"), "full_name", self.full_name)
        f.add_row(form, self.tr("Vai trò"), "role", self.role)
        form.addRow(self.active)
        f.add_row(form, self.tr("Mật khẩu"), "password", self.password)
        f.add_row(form, self.tr("Nhập lại mật khẩu"), "password2", self.password2)
        form.addRow(button_row(self.reset_button))
        self.editor = master_detail(self, self.table, self.heading, form, self.tr("Thêm cán bộ (Ctrl+N)"), (760, 560), stretch_form=False)

    def load(self) -> None:
        ctx, actor = self.env.ctx, self.env.actor
        self.run(lambda: accounts.list_users(ctx, actor), self._on_loaded, retry=self.load)

    def _on_loaded(self, officers: list[OfficerView]) -> None:
        self._officers = {o.id: o for o in officers}
        yes, no = self.tr("có"), self.tr("không")
        fill_table(self.table, [(o.id, [o.login, o.full_name, text_of(Role(o.role).label),
                                        yes if o.active else no, yes if o.locked else no]) for o in officers])
        if self.officer_id is not None:
            select_key(self.table, self.officer_id)

    def _on_table_current_cell_changed(self, row: int, *_: int) -> None:
        key = row_key(self.table, row)
        if key is not None:
            self._show(self._officers[key])

    def _show(self, view: OfficerView | None) -> None:
        self.officer_id = view.id if view else None
        self.fields.clear()
        self.heading.setText(self.tr("Sửa tài khoản %1").replace("%1", view.login) if view
                             else self.tr("Tài khoản mới"))
        self.login.setText(view.login if view else "")
        self.login.setEnabled(view is None)
        self.full_name.setText(view.full_name if view else "")
        self.role.setCurrentIndex(max(0, self.role.findData(view.role if view else Role.OFFICER.value)))
        self.active.setChecked(view.active if view else True)
        self.active.setEnabled(view is not None)
        self.password.clear()
        self.password2.clear()
        self.reset_button.setVisible(view is not None)
        self.editor.setEnabled(True)

    def new(self) -> None:
        self.table.clearSelection()
        self._show(None)
        self.login.setFocus()

    def cancel(self) -> None:
        if self.editor.isEnabled():
            self._show(self._officers.get(self.officer_id) if self.officer_id is not None else None)

    def _typed_password(self) -> str | None:
        """The password typed twice, or None after showing why not."""
        if self.password.text() != self.password2.text():
            present_error(FormErrors([ValidationError("password2", self.tr("Hai lần nhập mật khẩu không khớp"))]),
                          self.env.bar, self.fields)
            return None
        return self.password.text()

    def save(self) -> None:
        if not self.editor.isEnabled():
            return
        ctx, actor, oid = self.env.ctx, self.env.actor, self.officer_id
        login, name, role, active = (self.login.text(), self.full_name.text(), str(self.role.currentData()),
                                     self.active.isChecked())
        self.fields.clear()
        if oid is None:
            password = self._typed_password()
            if password is None:
                return
            self.run(lambda: accounts.add_user(ctx, actor, login, name, role, password), self._on_saved,
                     fields=self.fields, retry=self.save)
        else:
            self.run(lambda: accounts.update_user(ctx, actor, oid, name, role, active), self._on_saved,
                     fields=self.fields, retry=self.save)

    def _on_saved(self, view: OfficerView) -> None:
        self.officer_id = view.id
        self.env.bar.show_info(self.tr("Đã lưu tài khoản «%1».").replace("%1", view.login))
        self.load()

    def _on_reset_button_clicked(self) -> None:
        password = self._typed_password()
        if password is None or self.officer_id is None:
            return
        ctx, actor, login = self.env.ctx, self.env.actor, self._officers[self.officer_id].login
        self.run(lambda: accounts.set_password(ctx, actor, login, password), lambda _: self._on_password_set(login),
                 fields=self.fields)

    def _on_password_set(self, login: str) -> None:
        self.password.clear()
        self.password2.clear()
        self.env.bar.show_info(self.tr("Đã đặt mật khẩu mới cho «%1»; tài khoản được mở khóa.").replace("%1", login))
        self.load()
