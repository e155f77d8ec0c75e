"""The sign-in dialog (đăng nhập): login and password, checked by the accounts service off the GUI thread."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from app.domain.accounts import Role
from app.services import accounts
from app.services.context import Actor, Context
from app.services.offline import OfflineStation
from app.ui.errors import MessageBar, present_error
from app.ui.worker import Worker

ACTIONS = {Role.ADMIN: "mở cửa sổ quản trị", Role.SUPERVISOR: "mở cửa sổ giám sát", Role.OFFICER: "làm việc tại quầy"}


def sign_in_for(ctx: Context, login: str, password: str, required: Role,
                offline: OfflineStation | None = None) -> Actor:
    """Sign in, then refuse (PermissionDenied) an account whose role is below `required`. With `offline` (a
    station of a central server), against the hash this station kept at the officer's last online sign-in here when
    the server does not answer."""
    if offline is None:
        actor = accounts.sign_in(ctx, login, password)
    else:
        online = offline.on_server(lambda: accounts.sign_in(ctx, login, password))
        if online is not None:  # this officer may now sign in here while the server does not answer
            offline.remember_sign_in(login, password)
        actor = online or offline.sign_in(login, password)
    actor.require(required, ACTIONS[required])
    return actor


class SignInDialog(QDialog):
    """Asks for login and password; `actor` is set when accepted."""

    def __init__(self, ctx: Context, required: Role = Role.ADMIN, centre_name: str = "",
                 parent: QWidget | None = None, station: str = "", offline: OfflineStation | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.required, self.offline = ctx, required, offline
        self.actor: Actor | None = None
        self.worker = Worker(self, threads=1)
        self.setWindowTitle(self.tr("Đăng nhập — %1").replace("%1", station) if station
                            else self.tr("Đăng nhập — motcua"))
        self.setMinimumWidth(420)
        self.bar = MessageBar()
        self.login = QLineEdit()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.sign_in_button = QPushButton(self.tr("Đăng nhập"))
        self.sign_in_button.setDefault(True)
        self.sign_in_button.clicked.connect(self._on_sign_in_button_clicked)
        self.cancel_button = QPushButton(self.tr("Hủy (Esc)"))  # leave without signing in
        self.cancel_button.clicked.connect(self.reject)
        self.station_label = QLabel(station)  # which station this sign-in opens («Quầy số 3»)
        self.station_label.setStyleSheet("font-size: 16pt; font-weight: bold; color: #0d47a1;")
        self.station_label.setVisible(bool(station))
        form = QFormLayout()
        form.addRow(self.tr("Tên đăng nhập"), self.login)
        form.addRow(self.tr("Mật khẩu"), self.password)
        layout = QVBoxLayout(self)
        if centre_name:
            layout.addWidget(QLabel(centre_name))
        layout.addWidget(self.station_label)
        layout.addWidget(self.bar)
        layout.addLayout(form)
        buttons = QHBoxLayout()
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.sign_in_button, 1)
        layout.addLayout(buttons)

    def _on_sign_in_button_clicked(self) -> None:
        ctx, login, password, required = self.ctx, self.login.text(), self.password.text(), self.required
        offline = self.offline
        self.sign_in_button.setEnabled(False)
        self.bar.hide()
        self.worker.submit(lambda: sign_in_for(ctx, login, password, required, offline), self._on_signed_in,
                           self._on_failed)

    def _on_signed_in(self, actor: Actor) -> None:
        self.actor = actor
        self.sign_in_button.setEnabled(True)
        self.accept()

    def _on_failed(self, exc: BaseException) -> None:
        self.sign_in_button.setEnabled(True)
        self.password.clear()
        self.password.setFocus()
        present_error(exc, self.bar, retry=self._on_sign_in_button_clicked)
        self.adjustSize()  # the refusal says how to get unlocked: grow so all of it shows

    def done(self, result: int) -> None:
        """Closing: let a pending check finish first."""
        self.worker.shutdown()
        super().done(result)
