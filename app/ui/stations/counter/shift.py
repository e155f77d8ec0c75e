"""The counter station across officers: one officer works until they sign out (F12), then the station asks the
next one to sign in, naming the counter; cancelling that sign-in ends the station."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from app.domain.accounts import Role
from app.services.context import Actor, Context
from app.services.keypad_station import KeypadStation
from app.services.offline import OfflineStation
from app.ui.live import LiveFactory
from app.ui.signin import SignInDialog
from app.ui.stations.counter.window import CounterWindow


class CounterShift(QObject):
    """Opens the counter window for a signed-in officer and, after a sign-out, the next sign-in."""

    finished = Signal()  # nobody signed in after a sign-out: the station ends

    def __init__(self, ctx: Context, counter_number: int, live: LiveFactory, keypad: KeypadStation | None = None,
                 windowed: bool = True, parent: QObject | None = None,
                 decorate: "Callable[[CounterWindow], None] | None" = None,
                 offline: OfflineStation | None = None) -> None:
        super().__init__(parent)
        self.offline = offline  # the station's journal: sign-in, calls and intake when the server is down
        self.decorate = decorate  # what the station adds to each window it opens (the offline mode badge)
        self.ctx, self.counter_number, self.live, self.keypad, self.windowed = ctx, counter_number, live, keypad, \
            windowed
        self.window: CounterWindow | None = None
        self.sign_in_dialog: SignInDialog | None = None

    @property
    def station_name(self) -> str:
        """What the sign-in calls this station."""
        return self.tr("Quầy số %1").replace("%1", str(self.counter_number))

    def start(self, actor: Actor) -> CounterWindow:
        """The counter window of `actor`, shown."""
        window = CounterWindow(self.ctx, actor, self.counter_number, keypad=self.keypad, live=self.live,
                               offline=self.offline)
        window.signed_out.connect(self._on_window_signed_out)
        if self.decorate is not None:
            self.decorate(window)
        window.resize(1280, 800)
        if self.windowed:
            window.show()
        else:
            window.showMaximized()
        self.window = window
        return window

    def _on_window_signed_out(self) -> None:
        # opened before the window closes, so the application never finds itself without a window
        dialog = SignInDialog(self.ctx, Role.OFFICER, station=self.station_name, offline=self.offline)
        dialog.finished.connect(self._on_sign_in_dialog_finished)
        self.sign_in_dialog = dialog
        dialog.open()

    def _on_sign_in_dialog_finished(self, result: int) -> None:
        dialog, self.sign_in_dialog = self.sign_in_dialog, None
        if self.window is not None:
            self.window.deleteLater()
            self.window = None
        if dialog is None or result != SignInDialog.DialogCode.Accepted or dialog.actor is None:
            self.finished.emit()
            return
        self.start(dialog.actor)
        dialog.deleteLater()
