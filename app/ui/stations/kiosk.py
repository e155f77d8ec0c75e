"""The kiosk (station 1, máy lấy số): one big button per service, a priority choice, a printed numbered ticket.

Citizens may be old and may not read well: few, huge, high-contrast touch targets; the number stays on screen
long enough to be remembered when the printer fails; the ticket exists whether or not the paper came out, and is
reprinted by itself once the printer is back.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import (QFrame, QGridLayout, QHBoxLayout, QLabel, QPushButton, QSizePolicy,
                               QStackedWidget, QVBoxLayout, QWidget)

from app.devices.manager import DeviceManager, DeviceReason, DeviceState, DeviceStatus, JobResult
from app.devices.printer import TicketPrinter
from app.domain.errors import EnvironmentFault, MotcuaError
from app.domain.queue import PRIORITY_KINDS
from app.printing.ticket import PrinterProfile
from app.services import hall, queue, result_return, ticket_printing
from app.services.context import Context
from app.services.offline import OfflineStation, is_unreachable
from app.services.settings import get_centre_settings
from app.ui import i18n
from app.ui.errors import report_bug
from app.ui.i18n import text_of
from app.ui.live import LiveFactory, live_factory
from app.ui.stations.device_status import DeviceStatusWidget, reason_for_citizen
from app.ui.stations.dossier_view import ScanCollector
from app.ui.worker import Worker

log = logging.getLogger(__name__)

CONFIRM_MS = 8_000  # how long the number stays on screen after a ticket
PRIORITY_RESET_MS = 15_000  # a priority choice left this long without a touch is cleared for the next citizen
CONFIRM_FAILED_MS = 15_000  # longer when the paper did not come out: the citizen must remember the number
STATUS_POLL_MS = 300  # DeviceManager has no listener API besides its constructor's on_status: we read .status
BASE_SIZE = (1366, 768)  # sizes below are px at this screen; larger screens scale up

NAVY, BLUE, AMBER, GREEN, RED = "#0b2e59", "#0d47a1", "#ffd54f", "#1b5e20", "#b71c1c"
STYLE = """
KioskWindow {{ background: #f2f4f7; }}
#header {{ background: {navy}; }}
#header QLabel {{ color: white; font-size: {status}px; }}
#header QLabel#centre_name {{ font-size: {centre}px; font-weight: bold; }}
#invite {{ color: #111; font-size: {invite}px; font-weight: bold; }}
#priority_caption {{ color: #111; font-size: {caption}px; font-weight: bold; }}
#notice {{ background: #fff3cd; color: #5c3c00; border: 3px solid #e0a800; border-radius: 8px;
           font-size: {caption}px; padding: 6px 12px; }}
QPushButton#service {{ background: {blue}; border: none; border-radius: 14px; }}
QPushButton#service:pressed {{ background: {navy}; }}
QPushButton#service:disabled {{ background: #8a99ad; }}
QLabel#service_text {{ color: white; font-size: {service}px; font-weight: bold; }}
QLabel#service_wait {{ color: #e3f2fd; font-size: {wait}px; }}
QPushButton#priority {{ background: white; border: 4px solid {navy}; border-radius: 12px; }}
QPushButton#priority:checked {{ background: {amber}; border: 6px solid #000; }}
QPushButton#priority:disabled {{ border-color: #8a99ad; }}
QLabel#priority_text {{ color: {navy}; font-size: {priority}px; font-weight: bold; }}
QLabel#priority_text[on="true"] {{ color: #000; }}
#confirmation {{ background: white; }}
#your_number {{ color: #111; font-size: {caption2}px; }}
#number {{ color: {blue}; font-size: {number}px; font-weight: bold; }}
#ticket_service {{ color: #111; font-size: {line}px; font-weight: bold; }}
#ticket_priority {{ color: #5c3c00; font-size: {line}px; font-weight: bold; }}
#ticket_wait {{ color: #111; font-size: {line}px; }}
#print_message {{ font-size: {line}px; font-weight: bold; border-radius: 10px; padding: 10px 18px; }}
#print_message[kind="ok"] {{ background: #e8f5e9; color: {green}; border: 3px solid {green}; }}
#print_message[kind="wait"] {{ background: #eef2f7; color: #111; border: 3px solid #8a99ad; }}
#print_message[kind="fault"] {{ background: #fff3cd; color: #5c3c00; border: 4px solid #e0a800; }}
#print_message[kind="error"] {{ background: #fdecea; color: {red}; border: 4px solid {red}; }}
QPushButton#done {{ background: {navy}; color: white; font-size: {line}px; font-weight: bold;
                    border-radius: 12px; padding: 12px 60px; }}
QPushButton#language {{ background: white; color: {navy}; font-size: {status}px; font-weight: bold;
                        border-radius: 8px; padding: 8px 18px; }}
"""
_SIZES = {"status": 18, "centre": 30, "invite": 34, "caption": 22, "service": 30, "priority": 21,
          "caption2": 40, "number": 170, "line": 30, "wait": 19}

LANGUAGE_RESET_MS = 60_000  # a citizen's language choice lasts this long without a touch, or until their ticket

class _TouchButton(QPushButton):
    """A big push button whose (wrapped, centred) text is a label inside it: service names are long."""

    def __init__(self, text: str, kind: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(kind)
        self.setAccessibleName(text)
        self.label = QLabel(text)
        self.label.setObjectName(f"{kind}_text")
        self.label.setWordWrap(True)
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 8, 14, 8)
        layout.addWidget(self.label)
        self.wait_label: QLabel | None = None
        if kind == "service":  # the people waiting and the expected wait, under the name
            self.wait_label = QLabel()
            self.wait_label.setObjectName("service_wait")
            self.wait_label.setWordWrap(True)
            self.wait_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            self.wait_label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
            layout.addWidget(self.wait_label)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.toggled.connect(self._on_toggled)

    def set_text(self, text: str) -> None:
        """A new caption (the kiosk's language changed), keeping the chosen mark."""
        self.setAccessibleName(text)
        self._on_toggled(self.isChecked())

    def _on_toggled(self, on: bool) -> None:
        text = self.accessibleName()
        self.label.setText(f"✓ {text}" if on else text)  # a mark, not only a colour, says it is chosen
        self.label.setProperty("on", on)
        self.label.style().unpolish(self.label)
        self.label.style().polish(self.label)


class KioskWindow(QWidget):
    """The ticket kiosk: choose a service (and a priority), get a number, on paper when the printer works."""

    ticket_issued = Signal(object)  # TicketView, once the number is on screen
    print_recorded = Signal(object, bool)  # (ticket id, printed) once the outcome is stored
    print_finished = Signal(object, object)  # (TicketView, JobResult) from the device thread
    printer_status_changed = Signal(object)  # DeviceStatus

    def __init__(self, ctx: Context, printer: DeviceManager[TicketPrinter] | None, profile: PrinterProfile,
                 parent: QWidget | None = None, live: LiveFactory | None = None,
                 offline: OfflineStation | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.printer, self.profile = ctx, printer, profile
        self.offline = offline  # a station of a central server: numbers from its leases when the server is down
        self._offline_ids: set[uuid.UUID] = set()  # tickets issued offline: their paper's outcome is queued
        self._waits_known = True  # False while offline: the kiosk cannot see the hall's queue
        self.worker = Worker(self)
        self.services: list[hall.ServiceView] = []
        self.service_buttons: dict[str, _TouchButton] = {}
        self.priority_buttons: dict[str, _TouchButton] = {}
        self.last_ticket: queue.TicketView | None = None
        self.last_result: result_return.ResultTicket | None = None
        self.waits: dict[str, queue.ServiceWait] = {}
        self.confirm_ms, self.confirm_failed_ms = CONFIRM_MS, CONFIRM_FAILED_MS
        self._issuing = False
        self._printing: set[uuid.UUID] = set()  # tickets with a print job in flight
        self._failed: set[uuid.UUID] = set()  # tickets this kiosk failed to print: reprinted when the printer is back
        self._printer_seen: DeviceStatus | None = None
        self._printer_state: DeviceState | None = None
        self.home_language = i18n.current()  # the machine's; a citizen's choice lasts until their ticket
        self.setWindowTitle(self.tr("Lấy số thứ tự"))
        self._build()
        self.print_finished.connect(self._on_print_finished)
        self.printer_status_changed.connect(self._on_printer_status_changed)
        self._confirm_timer = QTimer(self, singleShot=True)
        self._confirm_timer.timeout.connect(self._on_confirm_timer_timeout)
        self._priority_timer = QTimer(self, singleShot=True, interval=PRIORITY_RESET_MS)
        self._priority_timer.timeout.connect(self._on_priority_timer_timeout)
        self._language_timer = QTimer(self, singleShot=True, interval=LANGUAGE_RESET_MS)
        self._language_timer.timeout.connect(self._on_language_timer_timeout)
        self.scanner = ScanCollector(self)  # a receipt's barcode scanned at the kiosk: a result-return ticket
        self.scanner.scanned.connect(self._on_receipt_scanned)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # the scanner types into the kiosk window
        self._status_timer = QTimer(self, interval=STATUS_POLL_MS)
        self._status_timer.timeout.connect(self._on_status_timer_timeout)
        QShortcut(QKeySequence("Ctrl+R"), self, activated=self.reprint_failed)  # staff only: "In lại phiếu lỗi"
        self.live = (live or live_factory(ctx))({"queue", "catalog"}, coalesce_ms=300, parent=self)
        self.live.reload_needed.connect(self._on_live_reload_needed)
        self.live.start()
        if printer is not None:
            self._status_timer.start()
            self._on_status_timer_timeout()
        self.load()

    # --- layout -------------------------------------------------------------------------------------------

    def _build(self) -> None:
        self.pages = QStackedWidget()
        self.pages.addWidget(self._build_chooser())
        self.pages.addWidget(self._build_confirmation())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self._build_header())
        layout.addWidget(self.pages, 1)
        self._apply_scale()

    def _build_header(self) -> QWidget:
        header = QFrame()
        header.setObjectName("header")
        self.centre_label = QLabel()
        self.centre_label.setObjectName("centre_name")
        self.centre_label.setWordWrap(True)
        self.printer_status = DeviceStatusWidget(self.tr("Máy in phiếu"), compact=True)
        self.printer_status.setVisible(self.printer is not None)
        self.language_button = QPushButton()
        self.language_button.setObjectName("language")
        self.language_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the scanner keeps typing into the kiosk
        self.language_button.clicked.connect(self._on_language_button_clicked)
        self.language_button.setText(self._other_language_name())
        row = QHBoxLayout(header)
        row.setContentsMargins(24, 12, 24, 12)
        row.addWidget(self.centre_label, 1)
        row.addWidget(self.language_button, 0, Qt.AlignmentFlag.AlignVCenter)
        row.addWidget(self.printer_status, 0, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return header

    def _build_chooser(self) -> QWidget:
        page = QWidget()
        self.invite = QLabel(self.tr("Xin mời chạm vào lĩnh vực bạn cần để lấy số thứ tự"))
        self.invite.setObjectName("invite")
        self.invite.setWordWrap(True)
        self.invite.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.notice = QLabel()
        self.notice.setObjectName("notice")
        self.notice.setWordWrap(True)
        self.notice.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.notice.hide()
        self.service_grid = QGridLayout()
        self.service_grid.setSpacing(18)
        caption = QLabel(self.tr("Nếu bạn thuộc diện ưu tiên, hãy chạm chọn một ô dưới đây trước, rồi chạm lĩnh vực:"))
        caption.setObjectName("priority_caption")
        caption.setWordWrap(True)
        self.priority_caption = caption
        priority_row = QHBoxLayout()
        priority_row.setSpacing(12)
        for kind, label in PRIORITY_KINDS.items():
            button = _TouchButton(text_of(label), "priority")
            button.setCheckable(True)
            button.toggled.connect(lambda on, k=kind: self._on_priority_toggled(k, on))
            self.priority_buttons[kind] = button
            priority_row.addWidget(button)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(28, 14, 28, 20)
        layout.setSpacing(12)
        layout.addWidget(self.invite)
        layout.addWidget(self.notice)
        layout.addLayout(self.service_grid, 1)
        layout.addSpacing(6)
        layout.addWidget(caption)
        layout.addLayout(priority_row)
        return page

    def _build_confirmation(self) -> QWidget:
        page = QFrame()
        page.setObjectName("confirmation")
        self.your_number = QLabel(self.tr("Số của bạn"))
        self.your_number.setObjectName("your_number")
        self.number_label = QLabel()
        self.number_label.setObjectName("number")
        self.service_label = QLabel()
        self.service_label.setObjectName("ticket_service")
        self.ticket_priority_label = QLabel()
        self.ticket_priority_label.setObjectName("ticket_priority")
        self.wait_label = QLabel()
        self.wait_label.setObjectName("ticket_wait")
        self.print_message = QLabel()
        self.print_message.setObjectName("print_message")
        self.done_button = QPushButton(self.tr("Xong"))
        self.done_button.setObjectName("done")
        self.done_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.done_button.clicked.connect(self._on_done_button_clicked)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(40, 16, 40, 24)
        layout.setSpacing(8)
        layout.addStretch(1)
        for label in (self.your_number, self.number_label, self.service_label, self.ticket_priority_label,
                      self.wait_label, self.print_message):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.PlainText)
            layout.addWidget(label)
        layout.addStretch(1)
        layout.addWidget(self.done_button, 0, Qt.AlignmentFlag.AlignCenter)
        return page

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._apply_scale()

    def _apply_scale(self) -> None:
        """Font sizes follow the screen: designed at 1366×768, scaled for 1920×1080 and the like."""
        scale = max(0.7, min(2.0, self.width() / BASE_SIZE[0], self.height() / BASE_SIZE[1]))
        if getattr(self, "_scale", None) == scale:
            return
        self._scale = scale
        sizes = {k: round(v * scale) for k, v in _SIZES.items()}
        self.setStyleSheet(STYLE.format(navy=NAVY, blue=BLUE, amber=AMBER, green=GREEN, red=RED, **sizes))
        self.printer_status.set_dot_size(round(18 * scale))
        for button in self.priority_buttons.values():
            button.setMinimumHeight(round(84 * scale))

    # --- services -----------------------------------------------------------------------------------------

    def load(self) -> None:
        """Read the centre's name and the active services (background)."""
        self._run(self._read_hall, self._on_loaded)

    def _read_hall(self) -> tuple[str, list[hall.ServiceView], dict[str, queue.ServiceWait] | None]:
        """Worker: the centre's name, the active services and their waits; on a station of a central server that
        does not answer, the name and services from the journal (no waits: the hall's queue cannot be seen)."""
        ctx = self.ctx

        def online() -> tuple[str, list[hall.ServiceView], dict[str, queue.ServiceWait] | None]:
            return (str(get_centre_settings(ctx).get("centre_name", "")),
                    [v for v in hall.list_services(ctx) if v.draft.active], queue.service_waits(ctx))

        if self.offline is None:
            return online()
        read = self.offline.on_server(online)
        return read if read is not None else (self.offline.centre_name(), self.offline.service_views(), None)

    def _on_loaded(self, result: tuple[str, list[hall.ServiceView], dict[str, queue.ServiceWait] | None]) -> None:
        centre, services, waits = result
        self._waits_known, self.waits = waits is not None, waits or {}
        self.centre_label.setText(centre)
        if [(v.draft.code, v.draft.name, v.draft.name_en) for v in services] != \
                [(v.draft.code, v.draft.name, v.draft.name_en) for v in self.services]:
            self._rebuild_services(services)
        self._show_waits()

    def _show_waits(self) -> None:
        """Under each service's name: how many wait and about how long a ticket taken now waits."""
        for code, button in self.service_buttons.items():
            wait = self.waits.get(code)
            assert button.wait_label is not None
            if not self._waits_known:
                button.wait_label.setText("")
            elif wait is None or wait.waiting == 0:
                button.wait_label.setText(self.tr("Không có ai đang chờ"))
            else:
                button.wait_label.setText(i18n.fill(self.tr("%1 người đang chờ · khoảng %2 phút"),
                                                    wait.waiting, wait.wait_minutes))

    def service_wait_text(self, code: str) -> str:
        """What the button of a service says about the wait (for tests)."""
        button = self.service_buttons.get(code)
        return button.wait_label.text() if button is not None and button.wait_label is not None else ""

    def _rebuild_services(self, services: list[hall.ServiceView]) -> None:
        self.services = services
        for button in self.service_buttons.values():
            self.service_grid.removeWidget(button)
            button.deleteLater()
        self.service_buttons = {}
        columns = 3 if len(services) > 4 else 2
        for i, service in enumerate(services):
            button = _TouchButton(self._service_name(service.draft.code), "service")
            button.clicked.connect(lambda _=False, code=service.draft.code: self.issue(code))
            button.setEnabled(not self._issuing)
            self.service_buttons[service.draft.code] = button
            self.service_grid.addWidget(button, i // columns, i % columns)
        self.invite.setText(self._invite_text())

    def _service_name(self, code: str, fallback: str = "") -> str:
        """A service's name for the citizen: its English name while the kiosk speaks English (when the centre gave
        one), else the Vietnamese name (catalogue data, not in the translation catalogue)."""
        draft = next((v.draft for v in self.services if v.draft.code == code), None)
        if draft is None:
            return fallback
        return draft.name_en if i18n.current() == "en" and draft.name_en else draft.name

    def _invite_text(self) -> str:
        return (self.tr("Xin mời chạm vào lĩnh vực bạn cần để lấy số thứ tự") if self.service_buttons else
                self.tr("Hiện chưa có lĩnh vực nào nhận số. Xin vui lòng hỏi cán bộ hướng dẫn."))

    # --- language -----------------------------------------------------------------------------------------

    def _other_language_name(self) -> str:
        """The button names the language it switches to, in that language ("English" / "Tiếng Việt")."""
        return i18n.LANGUAGES["en" if i18n.current() == "vi" else "vi"]

    def _on_language_button_clicked(self) -> None:
        self.use_language("en" if i18n.current() == "vi" else "vi")
        if i18n.current() != self.home_language:
            self._language_timer.start()

    def _touched(self) -> None:
        """A citizen touched the kiosk: their language choice lasts another LANGUAGE_RESET_MS."""
        if self._language_timer.isActive():
            self._language_timer.start()

    def _on_language_timer_timeout(self) -> None:
        """Nobody touched the kiosk for a while: the next citizen finds it in the centre's language."""
        self.use_language(self.home_language)

    def use_language(self, language: str) -> None:
        """Speak `language` from now on (every text of the kiosk set again)."""
        if language == i18n.current():
            return
        i18n.use(language)
        self.setWindowTitle(self.tr("Lấy số thứ tự"))
        self.invite.setText(self._invite_text())
        self.priority_caption.setText(
            self.tr("Nếu bạn thuộc diện ưu tiên, hãy chạm chọn một ô dưới đây trước, rồi chạm lĩnh vực:"))
        for kind, button in self.priority_buttons.items():
            button.set_text(text_of(PRIORITY_KINDS[kind]))
        self.your_number.setText(self.tr("Số của bạn"))
        self.done_button.setText(self.tr("Xong"))
        self.language_button.setText(self._other_language_name())
        for code, button in self.service_buttons.items():
            button.set_text(self._service_name(code))
        self._show_waits()
        if language == self.home_language:
            self._language_timer.stop()

    def _on_live_reload_needed(self) -> None:
        self.load()

    def _on_priority_toggled(self, kind: str, on: bool) -> None:
        self._touched()
        if on:  # one priority at a time; pressing the chosen one again clears it
            for other, button in self.priority_buttons.items():
                if other != kind:
                    button.setChecked(False)
            self._priority_timer.start()  # each touch of a priority box gives the citizen another 15 s
        elif self.chosen_priority is None:
            self._priority_timer.stop()

    def _on_priority_timer_timeout(self) -> None:
        """Nobody touched the kiosk for a while: the next citizen starts with no priority chosen."""
        self.clear_priority()

    def clear_priority(self) -> None:
        """Uncheck every priority box (after a ticket, and after PRIORITY_RESET_MS without a touch)."""
        for button in self.priority_buttons.values():
            button.setChecked(False)
        self._priority_timer.stop()

    @property
    def priority_reset_ms(self) -> int:
        """How long a priority choice waits for a touch before it is cleared."""
        return self._priority_timer.interval()

    @priority_reset_ms.setter
    def priority_reset_ms(self, ms: int) -> None:
        self._priority_timer.setInterval(ms)

    @property
    def chosen_priority(self) -> str | None:
        """The priority kind selected now (None: a normal ticket)."""
        return next((k for k, b in self.priority_buttons.items() if b.isChecked()), None)

    # --- issuing ------------------------------------------------------------------------------------------

    def issue(self, service_code: str) -> None:
        """Take a number for a service (background); the buttons stay disabled until it is on screen."""
        self._touched()
        if self._issuing:
            return
        self._set_issuing(True)
        priority = self.chosen_priority
        station = self.offline
        if station is not None:  # the central store, or the station's leased numbers when it does not answer
            self.worker.submit(lambda: station.issue(service_code, priority), self._on_station_issued,
                               self._on_issue_failed)
            return
        self.worker.submit(lambda: queue.issue_ticket(self.ctx, service_code, priority),
                           self._on_ticket_issued, self._on_issue_failed)

    def _on_station_issued(self, result: tuple[queue.TicketView, bool]) -> None:
        view, offline = result
        if offline:
            self._offline_ids.add(view.id)
            if self._waits_known:
                self.load()  # the services' waits give way to the offline view
        self._on_ticket_issued(view)

    def _set_issuing(self, issuing: bool) -> None:
        self._issuing = issuing
        for button in [*self.service_buttons.values(), *self.priority_buttons.values()]:
            button.setEnabled(not issuing)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt's name)
        """The receipt scanner types the dossier code fast and ends with Enter."""
        if self.scanner.feed(event):
            event.accept()
            return
        super().keyPressEvent(event)

    def _on_receipt_scanned(self, code: str) -> None:
        """A citizen back for a result: a ticket joined to the scanned dossier (background)."""
        if self._issuing:
            return
        self._set_issuing(True)
        ctx, station = self.ctx, self.offline

        def work() -> result_return.ResultTicket | queue.TicketView:
            if station is None:
                return result_return.issue_result_ticket(ctx, code)
            done = station.on_server(lambda: result_return.issue_result_ticket(ctx, code))
            return done if done is not None else station.issue_result_ticket(code)  # offline: the result service

        self.worker.submit(work, lambda result: self._on_result_ticket(result, code), self._on_issue_failed)

    def _on_result_ticket(self, result: result_return.ResultTicket | queue.TicketView, code: str = "") -> None:
        if isinstance(result, queue.TicketView):  # issued offline from the kiosk's leases, not joined to the dossier
            self._on_station_issued((result, True))
            self.ticket_priority_label.setText(i18n.fill(self.tr("Trả kết quả hồ sơ %1"), code))
            self.ticket_priority_label.show()
            return
        self.last_result = result
        self._on_ticket_issued(result.ticket)
        self.ticket_priority_label.setText(i18n.fill(self.tr("Trả kết quả hồ sơ %1"), result.dossier.code))
        self.ticket_priority_label.show()

    def _on_ticket_issued(self, view: queue.TicketView) -> None:
        self.last_ticket = view
        self._set_issuing(False)
        self.clear_priority()
        self._show_ticket(view)
        if self.printer is None:
            self._set_print_message("wait", i18n.fill(self.tr("Vui lòng ghi nhớ số %1 và chờ gọi số"),
                                                            view.display_number))
        else:
            self._set_print_message("wait", self.tr("Đang in phiếu…"))
            self._print(view)
        self.ticket_issued.emit(view)

    def _on_issue_failed(self, exc: BaseException) -> None:
        self._set_issuing(False)
        if isinstance(exc, EnvironmentFault):
            text = self.tr("Hệ thống tạm thời gián đoạn, chưa lấy được số. Xin vui lòng thử lại sau ít phút "
                           "hoặc hỏi cán bộ hướng dẫn.")
        elif isinstance(exc, MotcuaError):
            text = text_of(exc)
        else:
            self._report_bug(exc)
            text = self.tr("Chưa lấy được số do lỗi phần mềm. Xin vui lòng hỏi cán bộ hướng dẫn.")
        self._show_message_only(text)
        self.load()  # a service may have been closed meanwhile

    def _show_ticket(self, view: queue.TicketView) -> None:
        self.your_number.setText(self.tr("Số của bạn"))
        self.number_label.setText(view.display_number)
        self.number_label.show()
        self.service_label.setText(self._service_name(view.service_code, view.service_name))
        self.service_label.show()
        label = PRIORITY_KINDS.get(view.priority_kind or "")
        self.ticket_priority_label.setText(i18n.fill(self.tr("Ưu tiên: %1"), text_of(label)) if label else "")
        self.ticket_priority_label.setVisible(bool(label))
        if view.id in self._offline_ids:  # the hall's queue cannot be seen: no count, a calm line
            wait = self.tr("Xin mời ngồi chờ, số của bạn sẽ được mời tại quầy phục vụ")
        elif view.people_ahead:
            wait = i18n.fill(self.tr("Trước bạn còn %1 người · Chờ khoảng %2 phút"),
                             view.people_ahead, view.estimated_wait_minutes)
        else:
            wait = self.tr("Không có ai chờ trước bạn")
        self.wait_label.setText(wait)
        self.wait_label.show()
        self._open_confirmation(self.confirm_ms)

    def _show_message_only(self, text: str) -> None:
        self.your_number.setText(self.tr("Xin lỗi"))
        for label in (self.number_label, self.service_label, self.ticket_priority_label, self.wait_label):
            label.hide()
        self._set_print_message("error", text)
        self._open_confirmation(self.confirm_ms)

    def _open_confirmation(self, ms: int) -> None:
        self.pages.setCurrentIndex(1)
        self._confirm_timer.start(ms)

    def _set_print_message(self, kind: str, text: str) -> None:
        self.print_message.setText(text)
        self.print_message.setProperty("kind", kind)
        self.print_message.style().unpolish(self.print_message)
        self.print_message.style().polish(self.print_message)

    @property
    def confirmation_visible(self) -> bool:
        """Whether the number (or a refusal) is on screen."""
        return self.pages.currentIndex() == 1

    def confirmation_text(self) -> str:
        """Everything the confirmation panel says, top to bottom (for tests and screen readers)."""
        labels = (self.your_number, self.number_label, self.service_label, self.ticket_priority_label,
                  self.wait_label, self.print_message)
        return "\n".join(label.text() for label in labels if not label.isHidden() and label.text())

    def _on_done_button_clicked(self) -> None:
        self._close_confirmation()

    def _on_confirm_timer_timeout(self) -> None:
        self._close_confirmation()

    def _close_confirmation(self) -> None:
        self._confirm_timer.stop()
        self.pages.setCurrentIndex(0)
        self.use_language(self.home_language)  # the next citizen starts in the centre's language

    # --- printing -----------------------------------------------------------------------------------------

    def _print(self, view: queue.TicketView) -> None:
        """Render in the background and queue on the printer's own thread (the ticket-printing service)."""
        printer = self.printer
        assert printer is not None
        self._printing.add(view.id)
        station = self.offline if view.id in self._offline_ids else None
        # on_done runs on the device thread: the signal hands the result to the GUI thread
        self._run(lambda: ticket_printing.queue_print(self.ctx, view, printer, self.profile,
                                                      lambda result: self.print_finished.emit(view, result),
                                                      station.centre_name() if station is not None else None),
                  lambda _job_id: None, on_error=lambda exc: self._on_render_failed(view, exc))

    def _on_render_failed(self, view: queue.TicketView, exc: BaseException) -> None:
        if not isinstance(exc, MotcuaError):
            self._report_bug(exc)
        self._on_print_finished(view, JobResult(0, False, self.tr("Không tạo được nội dung phiếu"),
                                                reason=DeviceReason.SOFTWARE))

    def _on_print_finished(self, view: queue.TicketView, result: JobResult) -> None:
        self._printing.discard(view.id)
        if result.ok:
            self._failed.discard(view.id)
            if self._failed:  # the printer works again (a fault too short to see in the status): catch up
                self._reprint(only_this_kiosk=True)
        else:
            self._failed.add(view.id)
        reason = None if result.ok else result.reason_vi
        station = self.offline
        if view.id in self._offline_ids and station is not None:  # not central yet: queued after the ticket
            self._run(lambda: station.record_printed(view.id, result.ok, reason),
                      lambda _: self.print_recorded.emit(view.id, result.ok))
        else:
            self._run(lambda: ticket_printing.record_outcome(self.ctx, view.id, result.ok, reason),
                      lambda _: self.print_recorded.emit(view.id, result.ok))
        if self.last_ticket is not None and self.last_ticket.id == view.id and self.confirmation_visible:
            self._show_print_outcome(view, result)

    def _show_print_outcome(self, view: queue.TicketView, result: JobResult) -> None:
        if result.ok:
            self._set_print_message("ok", self.tr("Mời bạn nhận phiếu in"))
            return
        state = self.printer.status.state if self.printer is not None else DeviceState.DISCONNECTED
        reason = reason_for_citizen(DeviceStatus(state, result.reason_vi, result.reason))
        self._set_print_message("fault", i18n.fill(self.tr("Máy in đang gặp sự cố: %1.\nVui lòng ghi nhớ số %2 "
                                                           "và chờ gọi số"), reason, view.display_number))
        self._confirm_timer.start(self.confirm_failed_ms)

    def reprint_failed(self) -> None:
        """Staff action «In lại phiếu lỗi» (Ctrl+R): print again today's waiting tickets that did not come out."""
        self._reprint(only_this_kiosk=False)

    def _reprint(self, only_this_kiosk: bool) -> None:
        if self.printer is None:
            return
        self._run(lambda: ticket_printing.unprinted_tickets(self.ctx),
                  lambda views: self._on_unprinted_loaded(views, only_this_kiosk))

    def _on_unprinted_loaded(self, views: list[queue.TicketView], only_this_kiosk: bool) -> None:
        # automatic reprints are limited to this kiosk's own failures: the store does not say which kiosk issued
        # a ticket, and a citizen cannot collect paper from a printer across the hall
        if only_this_kiosk:
            self._failed &= {v.id for v in views}  # called or served meanwhile: no paper needed any more
        for view in views:
            if view.id not in self._printing and (view.id in self._failed or not only_this_kiosk):
                self._print(view)

    def _on_status_timer_timeout(self) -> None:
        if self.printer is not None and self.printer.status != self._printer_seen:
            self._printer_seen = self.printer.status
            self.printer_status_changed.emit(self._printer_seen)

    def _on_printer_status_changed(self, status: DeviceStatus) -> None:
        was = self._printer_state
        self._printer_state = status.state
        self.printer_status.set_status(status)
        ok = status.state is DeviceState.CONNECTED
        self.notice.setVisible(not ok)
        if not ok:
            self.notice.setText(i18n.fill(self.tr("Máy in phiếu đang tạm dừng (%1). Bạn vẫn lấy được số: hãy ghi nhớ "
                                                  "số hiện trên màn hình."), reason_for_citizen(status)))
        if ok and was is not None and was is not DeviceState.CONNECTED and self._failed:
            self._reprint(only_this_kiosk=True)  # the fault is over: the paper the citizens did not get

    # --- plumbing -----------------------------------------------------------------------------------------

    def _run(self, fn: Callable[[], Any], on_done: Callable[[Any], None],
             on_error: Callable[[BaseException], None] | None = None) -> None:
        self.worker.submit(fn, on_done, on_error or self._on_background_failed)

    def _on_background_failed(self, exc: BaseException) -> None:
        if self.offline is not None and is_unreachable(exc):
            log.info("kiosk works offline: %s", exc)  # the mode badge says so; a citizen sees no error
        elif isinstance(exc, MotcuaError):
            log.warning("kiosk background work failed: %s", exc)  # retried by the next live reload
            self.notice.setText(text_of(exc))
            self.notice.show()
        else:
            self._report_bug(exc)

    @staticmethod
    def _report_bug(exc: BaseException) -> None:
        report_bug(exc)  # logged with a crash report; the citizen sees a plain sentence

    def closeEvent(self, event: Any) -> None:
        """Stop listening and let background work finish (the printer manager belongs to the launcher)."""
        self._status_timer.stop()
        self._confirm_timer.stop()
        self._priority_timer.stop()
        self.live.stop()
        self.worker.shutdown()
        super().closeEvent(event)
