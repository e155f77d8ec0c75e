"""Start a window station: the QApplication (Fusion, a font with Vietnamese glyphs), sign-in, the event loop."""

from __future__ import annotations

import sys

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication, QMessageBox

from app.config import MachineConfig
from app.domain.accounts import Role
from app.domain.errors import DomainError
from app.resources import resource
from app.services.context import Actor, Context
from app.store.engine import StoreUnavailable
from app.ui.signin import SignInDialog, sign_in_for


def application() -> QApplication:
    """The QApplication, set up once: Fusion style and the bundled DejaVu Sans (every Vietnamese glyph)."""
    app = QApplication.instance()
    if app is None:
        app = QApplication(sys.argv)
    assert isinstance(app, QApplication)
    app.setApplicationName("motcua")
    app.setStyle("Fusion")
    families: list[str] = []
    for name in ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf"):
        font_id = QFontDatabase.addApplicationFont(str(resource("fonts", name)))
        if font_id >= 0:
            families += QFontDatabase.applicationFontFamilies(font_id)
    if families:
        app.setFont(QFont(families[0], 10))
    return app


def run_admin(ctx: Context, cfg: MachineConfig | None, sign_in_as: tuple[str, str] | None = None) -> int:
    """Sign in (the dialog, or `sign_in_as` for the demo), show the admin window maximised, run until closed."""
    from app.ui.admin import AdminWindow

    app = application()
    actor: Actor | None
    if sign_in_as is not None:
        try:
            actor = sign_in_for(ctx, *sign_in_as, Role.ADMIN)
        except (DomainError, StoreUnavailable) as exc:
            QMessageBox.critical(None, app.translate("launch", "Không mở được cửa sổ quản trị"), str(exc))
            return 2
    else:
        dialog = SignInDialog(ctx, Role.ADMIN)
        if dialog.exec() != SignInDialog.DialogCode.Accepted:
            return 1
        actor = dialog.actor
    assert actor is not None
    window = AdminWindow(ctx, actor)
    window.showMaximized()
    return app.exec()
