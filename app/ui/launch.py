"""Start a window station: the QApplication (Fusion, a font with Vietnamese glyphs), the station's log and crash
reports, sign-in, the event loop."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from app.config import MachineConfig
from app.domain.accounts import Role
from app.domain.errors import MotcuaError
from app.resources import resource
from app.services.context import Actor, Context
from app.ui import i18n, smoke
from app.ui.i18n import text_of
from app.ui.live import live_factory
from app.ui.signin import SignInDialog, sign_in_for
from app.ui.worker import collect_on_the_gui_thread

if TYPE_CHECKING:
    from app.devices.keypad import KeypadConfig
    from app.services.offline import OfflineStation
    from app.services.keypad_station import KeypadStation


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
    i18n.install()
    smoke.arm(app)
    collect_on_the_gui_thread(app)  # Qt objects are destroyed on their own thread, never on a Worker's
    return app


def _not_signed_in(app: QApplication) -> int:
    """Exit code when nobody signed in: 2, unless the packaging smoke run closed the sign-in itself."""
    return 0 if smoke.closed_by_smoke(app) else 2


HALL_MESSAGE_MS = 15_000  # a bug's message box on a hall screen closes itself: nobody may be there to close it


def _start_log(kind: str, counter_number: int | None = None, hall: bool = False) -> None:
    """The station's own log file (`<data>/logs/counter-3.log`…) and crash reports, from here on."""
    from app import logs
    from app.ui import crash

    crash.start(logs.station_name(kind, counter_number), HALL_MESSAGE_MS if hall else None)


def _sign_in(ctx: Context, role: Role, sign_in_as: tuple[str, str] | None, what: str,
             station: str = "", offline: "OfflineStation | None" = None) -> Actor | None:
    """The signed-in actor: the dialog, or `sign_in_as` (the demo); None when refused or cancelled."""
    app = application()
    if sign_in_as is not None:
        try:
            return sign_in_for(ctx, *sign_in_as, role)
        except MotcuaError as exc:
            QMessageBox.critical(None, i18n.fill(app.translate("launch", "Không mở được %1"), what), text_of(exc))
            return None
    dialog = SignInDialog(ctx, role, station=station or what[:1].upper() + what[1:], offline=offline)
    if dialog.exec() != SignInDialog.DialogCode.Accepted:
        return None
    return dialog.actor


def run_admin(ctx: Context, cfg: MachineConfig | None, sign_in_as: tuple[str, str] | None = None) -> int:
    """Sign in (the dialog, or `sign_in_as` for the demo), show the admin window maximised, run until closed."""
    from app.ui.admin import AdminWindow

    app = application()
    _start_log("admin")
    actor = _sign_in(ctx, Role.ADMIN, sign_in_as, "cửa sổ quản trị")
    if actor is None:
        return _not_signed_in(app)
    window = AdminWindow(ctx, actor)
    _attach_mode(window, ctx, "admin")
    window.showMaximized()
    return app.exec()


def _offline_station(ctx: Context, kind: str, counter_number: int = 0) -> "OfflineStation | None":
    """The station's journal on a station of a central server (None on the embedded store: no server to lose)."""
    if ctx.store.backend != "postgresql":
        return None
    from app.config import data_dir
    from app.services.offline import OfflineStation

    return OfflineStation(ctx, data_dir(), kind, counter_number)


def _attach_mode(window: QWidget, ctx: Context, kind: str, counter_number: int = 0,
                 station: "OfflineStation | None" = None) -> None:
    """On a station of a central server: the mode badge over the window (online, or cut off since a time with the
    items waiting), which also syncs the station's journal in the background (docs/offline.md). `station`: the
    journal the window itself works with (its owner closes it), else one of the badge's own."""
    from app.ui.stations.mode_badge import ModeBadge

    if station is None:
        station = _offline_station(ctx, kind, counter_number)
        if station is None:
            return  # the embedded store has no server to lose
        window.destroyed.connect(station.close)
    badge = ModeBadge(station, kind, window)
    app = QApplication.instance()
    if app is not None:
        app.aboutToQuit.connect(badge.stop)


def _show(window: QWidget, windowed: bool) -> None:
    """Full screen on a station, or a normal window (--windowed, the demo)."""
    if windowed:
        window.show()
    else:
        window.showFullScreen()


def run_counter(ctx: Context, counter_number: int, windowed: bool, keypad_setup: "KeypadConfig | None" = None,
                sign_in_as: tuple[str, str] | None = None) -> int:
    """The counter station: an officer signs in and works the queue of one counter (and its keypad, if any)."""
    from app.ui.stations.counter.shift import CounterShift

    app = application()
    _start_log("counter", counter_number)
    station = i18n.fill(app.translate("launch", "Quầy số %1"), counter_number)
    offline = _offline_station(ctx, "counter", counter_number)  # sign-in, calls and intake when the server is down
    try:
        actor = _sign_in(ctx, Role.OFFICER, sign_in_as, "cửa sổ quầy", station, offline)
        if actor is None:
            return _not_signed_in(app)
        keypad = _keypad_station(ctx, keypad_setup, counter_number, offline) if keypad_setup is not None else None
        if keypad_setup is not None and keypad is None:
            return 2
        shift = CounterShift(ctx, counter_number, live_factory(ctx), keypad, windowed,
                             decorate=lambda w: _attach_mode(w, ctx, "counter", counter_number, offline),
                             offline=offline)
        shift.finished.connect(app.quit)
        shift.start(actor)
        if keypad is not None:
            keypad.start()
        try:
            return app.exec()
        finally:
            if keypad is not None:
                keypad.stop()
    finally:
        if offline is not None:
            offline.close()


def _keypad_station(ctx: Context, setup: "KeypadConfig", counter_number: int,
                    offline: "OfflineStation | None" = None) -> "KeypadStation | None":
    """The counter's keypad as the machine is set up, feeding votes to the store; None (after saying why) when
    its keys do not fit the centre's scale."""
    from app.services.keypad_station import KeypadStation

    try:
        return KeypadStation.for_counter(ctx, setup, counter_number, offline=offline)
    except MotcuaError as exc:
        app = application()
        QMessageBox.critical(None, app.translate("launch", "Không mở được bàn phím đánh giá"), text_of(exc))
        return None


def run_kiosk(ctx: Context, printer_url: str, profile_name: str, windowed: bool) -> int:
    """The kiosk: service buttons and the ticket printer (no sign-in: citizens use it)."""
    from app.devices.printer import printer_manager
    from app.services.ticket_printing import profile_named
    from app.ui.stations.kiosk import KioskWindow

    app = application()
    _start_log("kiosk", hall=True)
    profile = profile_named(profile_name)
    manager = printer_manager(printer_url, profile) if printer_url else None
    offline = _offline_station(ctx, "kiosk")  # tickets from leased numbers when the server is down
    window = KioskWindow(ctx, manager, profile, live=live_factory(ctx), offline=offline)
    _attach_mode(window, ctx, "kiosk", station=offline)
    if manager is not None:
        manager.start()
    _show(window, windowed)
    try:
        return app.exec()
    finally:
        if manager is not None:
            manager.stop()
        if offline is not None:
            offline.close()


def run_display(ctx: Context, notice: str, windowed: bool, sound: bool = True) -> int:
    """The hall's queue display (TV): numbers per counter, last calls, voice announcements."""
    from app.ui.stations.announcer import Announcer
    from app.ui.stations.display import DisplayWindow

    app = application()
    _start_log("display", hall=True)
    window = DisplayWindow(ctx, Announcer() if sound else None, notice, live=live_factory(ctx))
    _attach_mode(window, ctx, "display")
    _show(window, windowed)
    return app.exec()


def run_supervisor(ctx: Context, windowed: bool, sign_in_as: tuple[str, str] | None = None) -> int:
    """The supervisor station: today's queue live, a day's review, the period report, due and late dossiers."""
    from app.ui.supervisor import SupervisorWindow

    app = application()
    _start_log("supervisor")
    actor = _sign_in(ctx, Role.SUPERVISOR, sign_in_as, "cửa sổ giám sát")
    if actor is None:
        return _not_signed_in(app)
    window = SupervisorWindow(ctx, actor, live=live_factory(ctx))
    _attach_mode(window, ctx, "supervisor")
    window.resize(1366, 768)
    if windowed:
        window.show()
    else:
        window.showMaximized()
    return app.exec()


def run_rating(ctx: Context, counter_number: int, windowed: bool) -> int:
    """The citizen-facing rating screen of a counter without a keypad."""
    from app.ui.stations.rating import RatingWindow

    app = application()
    _start_log("rating", counter_number, hall=True)
    window = RatingWindow(ctx, counter_number, live=live_factory(ctx))
    _attach_mode(window, ctx, "rating", counter_number)
    _show(window, windowed)
    return app.exec()


def run_demo(ctx: Context, data_dir: Path, sign_in_as: dict[str, tuple[str, str]]) -> int:
    """Every station on one screen, on the embedded store, with a simulated ticket printer and a simulated
    satisfaction keypad (counter 1) on ptys."""
    from app.devices.keypad import KeypadConfig
    from app.devices.keypad_sim import KeypadSimulator
    from app.devices.printer import printer_manager
    from app.devices.simulators import PrinterSimulator
    from app.printing.ticket import PROFILE_80MM
    from app.services.keypad_station import KeypadStation
    from app.ui.admin import AdminWindow
    from app.ui.stations.announcer import Announcer
    from app.ui.stations.counter import CounterWindow
    from app.ui.stations.display import DisplayWindow
    from app.ui.stations.keypad_pad import KeypadPadWindow
    from app.ui.stations.kiosk import KioskWindow

    app = application()
    _start_log("demo")
    simulator = PrinterSimulator(data_dir / "demo-tickets", link=data_dir / "demo-printer")
    simulator.start()
    keypad_sim = KeypadSimulator(link=data_dir / "demo-keypad")
    keypad_sim.start()
    manager = printer_manager(simulator.url, PROFILE_80MM)
    admin = _sign_in(ctx, Role.ADMIN, sign_in_as["admin"], "cửa sổ quản trị")
    officer = _sign_in(ctx, Role.OFFICER, sign_in_as["officer"], "cửa sổ quầy")
    if admin is None or officer is None:
        simulator.stop()
        keypad_sim.stop()
        return 2
    keypad = KeypadStation.for_counter(ctx, KeypadConfig(url=keypad_sim.url), 1)
    live = live_factory(ctx)
    windows: list[QWidget] = [KioskWindow(ctx, manager, PROFILE_80MM, live=live),
                              CounterWindow(ctx, officer, 1, keypad=keypad, live=live),
                              DisplayWindow(ctx, Announcer(), "Chạy thử motcua — phiếu in ra được lưu tại "
                                            f"{data_dir / 'demo-tickets'}", live=live), AdminWindow(ctx, admin)]
    pad = KeypadPadWindow(keypad_sim, keypad.key_map or {}, 1)  # the citizen's keys at counter 1
    manager.start()
    keypad.start()
    _tile(windows)
    pad.resize(560, 220)
    pad.show()
    try:
        return app.exec()
    finally:
        keypad.stop()
        manager.stop()
        keypad_sim.stop()
        simulator.stop()


def _tile(windows: list[QWidget]) -> None:
    """Lay the demo's windows out 2 × 2 on the primary screen."""
    screen = QApplication.primaryScreen()
    area = screen.availableGeometry() if screen is not None else None
    width = area.width() // 2 if area else 960
    height = area.height() // 2 if area else 540
    left = area.left() if area else 0
    top = area.top() if area else 0
    for i, window in enumerate(windows):
        window.resize(width, height)
        window.move(left + (i % 2) * width, top + (i // 2) * height)
        window.show()
