"""The admin window: one tab per thing an administrator maintains, a message bar, who is signed in."""

from __future__ import annotations

from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QLabel, QMainWindow, QTabWidget, QVBoxLayout, QWidget

from app.config import safe_url
from app.domain.accounts import Role
from app.services.context import Actor, Context
from app.ui.admin.base import AdminEnv, AdminTab
from app.ui.labels import leave_ink_room
from app.ui.admin.calendar_tab import CalendarTab
from app.ui.admin.catalogue_tab import CatalogueTab
from app.ui.admin.counters_tab import CountersTab
from app.ui.admin.officers_tab import OfficersTab
from app.ui.admin.services_tab import ServicesTab
from app.ui.admin.settings_tab import SettingsTab
from app.ui.errors import MessageBar
from app.ui.i18n import text_of
from app.ui.labels import STATUS_URL_PX, elided_label
from app.ui.worker import Worker


class AdminWindow(QMainWindow):
    """Station 6 (Quản trị): catalogue, services, counters, officers, calendar and settings of the centre."""

    def __init__(self, ctx: Context, actor: Actor) -> None:
        actor.require(Role.ADMIN, "mở cửa sổ quản trị")
        super().__init__()
        self.setWindowTitle(self.tr("motcua — Quản trị trung tâm"))
        self.worker = Worker(self)
        self.bar = MessageBar()
        self.env = AdminEnv(ctx, actor, self.worker, self.bar)
        self.catalogue = CatalogueTab(self.env)
        self.services = ServicesTab(self.env)
        self.counters = CountersTab(self.env)
        self.officers = OfficersTab(self.env)
        self.calendar = CalendarTab(self.env)
        self.settings = SettingsTab(self.env)
        self.tabs = QTabWidget()
        for tab in self.all_tabs():
            self.tabs.addTab(tab, tab.title)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(6, 6, 6, 0)
        layout.addWidget(self.bar)
        layout.addWidget(self.tabs, 1)
        self.setCentralWidget(central)
        self.statusBar().addWidget(QLabel(self.tr("Đăng nhập: %1 (%2)").replace("%1", actor.full_name)
                                          .replace("%2", text_of(actor.role.label))))
        self.statusBar().addPermanentWidget(elided_label(self.tr("Cơ sở dữ liệu: %1").replace("%1", safe_url(ctx.store.url)),
                                                         STATUS_URL_PX))
        self._add_shortcuts()
        leave_ink_room(self)
        for tab in self.all_tabs():
            tab.load()

    def all_tabs(self) -> list[AdminTab]:
        """The tabs in display order."""
        return [self.catalogue, self.services, self.counters, self.officers, self.calendar, self.settings]

    def current_tab(self) -> AdminTab:
        """The tab on screen."""
        return self.tabs.currentWidget()  # type: ignore[return-value]

    def _add_shortcuts(self) -> None:
        for keys, slot in ((QKeySequence.StandardKey.Find, self._on_find_activated),
                           (QKeySequence.StandardKey.Save, self._on_save_activated),
                           (QKeySequence.StandardKey.New, self._on_new_activated),
                           (QKeySequence("Esc"), self._on_cancel_activated)):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.activated.connect(slot)

    def _on_find_activated(self) -> None:
        self.tabs.setCurrentWidget(self.catalogue)
        self.catalogue.focus_search()

    def _on_save_activated(self) -> None:
        self.current_tab().save()

    def _on_new_activated(self) -> None:
        self.current_tab().new()

    def _on_cancel_activated(self) -> None:
        self.current_tab().cancel()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt override)
        """Let running database work finish before the window goes."""
        self.worker.shutdown()
        super().closeEvent(event)
