"""The counter station (station 3, Quầy): an officer calls, recalls, serves, finishes, skips and transfers tickets
from the keyboard alone, and sees the waiting counts and the ticket in service stay current.

Shortcuts are function keys, Space, End and Ctrl+Enter only: letters, digits and a plain Enter stay free for the
barcode scanner (a keyboard wedge typing a receipt code then Enter), which opens the scanned dossier; F8 looks one up
by its typed code; Shift+F8 lists the online registrations waiting for reception (accepted or refused in the dossier
window).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMainWindow,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.config import safe_url
from app.domain.accounts import Role
from app.domain.dossier import looks_like_dossier_code
from app.domain.queue import CounterMode, TicketStatus, parse_ticket_qr, ticket_qr_number
from app.resources import resource
from app.services import queue, ratings, result_return
from app.services.context import LOCAL_TZ, Actor, Context
from app.services.queue import QueueStatus, TicketView
from app.services.keypad_station import KeypadStation
from app.services.offline import OfflineStation
from app.services.ratings import CounterFeedback, PressResult
from app.store.engine import StoreUnavailable
from app.ui.errors import MessageBar, present_error
from app.ui.i18n import text_of
from app.ui.labels import STATUS_URL_PX, elided_label
from app.ui.live import LiveFactory, live_factory
from app.ui.stations.counter.registrations import RegistrationsDialog
from app.ui.stations.counter.state import CounterSetup, CurrentTicket, allowed_actions, load_setup
from app.ui.stations.counter.widgets import ActionButton, QueuePanel, TicketCard
from app.ui.stations.device_status import DeviceStatusWidget
from app.ui.stations.dossier_view import DossierViewDialog, ScanCollector
from app.ui.stations.intake import IntakeDialog
from app.ui.stations.transfer_dialog import TransferDialog, TransferTarget
from app.ui.worker import Worker

SAFETY_RELOAD_MS = 30_000
# what the counter does offline to the ticket it holds (a transfer too: to a service of the journal, see
# OfflineStation.transfer_held; no pause or closing, the hall's queues cannot be seen)
OFFLINE_EVENTS = {"recall": "recalled", "start_serving": "serving", "skip": "no_show", "finish": "finished",
                  "finish_and_next": "finished"}


class CounterWindow(QMainWindow):
    """Station 3 (Quầy): one officer at one counter; every store call runs in the worker."""

    keypad_result = Signal(object)  # a PressResult of this counter's keypad, emitted from the keypad's thread
    signed_out = Signal()  # the officer signed out (F12): the launcher asks for the next sign-in

    def __init__(self, ctx: Context, actor: Actor, counter_number: int, parent: QWidget | None = None,
                 keypad: KeypadStation | None = None, live: LiveFactory | None = None,
                 offline: OfflineStation | None = None) -> None:
        actor.require(Role.OFFICER, "làm việc tại quầy")
        super().__init__(parent)
        self.ctx, self.actor, self.counter_number = ctx, actor, counter_number
        self.offline = offline  # a station of a central server: calls by number and intake when it does not answer
        self.number_dialog: QInputDialog | None = None
        self.keypad = keypad  # this counter's satisfaction keypad, when the station runs one
        self.keypad_result.connect(self._on_keypad_result)
        self._keypad_listener = self.keypad_result.emit  # called on the keypad's thread; the signal queues it here
        if keypad is not None:
            keypad.add_listener(self._keypad_listener)
            if offline is not None and keypad.offline is None:  # its votes go to the journal when offline
                keypad.offline = offline
        self.current: CurrentTicket | None = None
        self.hint = ""
        self.transfer_dialog: TransferDialog | None = None
        self.intake_dialog: IntakeDialog | None = None
        self.dossier_dialog: DossierViewDialog | None = None
        self.lookup_dialog: QInputDialog | None = None
        self.registrations_dialog: RegistrationsDialog | None = None
        self.payment_dialog: Any = None  # offline: the fee form of a scanned receipt (OfflinePaymentDialog)
        self._transfer_counter: int | None = None
        self.mode = CounterMode.OPEN  # open / paused / closed, as stored (every station sees it)
        self.return_dossier: result_return.ReturnDossier | None = None
        self._return_loading: Any = None  # the dossier id being read
        self.return_label = QLabel()
        self.return_label.setObjectName("return_dossier")
        self.return_label.setWordWrap(True)
        self.return_label.hide()
        self.mode_label = QLabel()
        self.mode_label.setObjectName("mode")
        self._setup: CounterSetup | None = None
        self._status: QueueStatus | None = None
        self._acting = False
        self._lost: dict[str, str] = {}  # why the store is unusable, by who noticed: "feed" or "calls"
        self._reloading = self._reload_again = False
        self.worker = Worker(self, threads=1)  # one thread: results arrive in the order the work was asked
        self.setWindowTitle(self.tr("motcua — Quầy số %1").replace("%1", str(counter_number)))
        self.setStyleSheet(resource("styles", "counter.qss").read_text(encoding="utf-8"))
        self.bar, self.offline_bar = MessageBar(), MessageBar()
        for b in (self.bar, self.offline_bar):
            for button in b.findChildren(QPushButton):
                button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.actions_by_name: dict[str, QAction] = {}
        self.buttons: dict[str, ActionButton] = {}
        self.panel = QueuePanel()
        self.card = TicketCard()
        # the card's labels, by the names tests and tools read
        self.number, self.state, self.service, self.priority, self.elapsed = (
            self.card.number, self.card.state, self.card.service, self.card.priority, self.card.elapsed)
        self.feedback: CounterFeedback | None = None  # the citizen's rating of the last finished ticket
        self.rating_label = QLabel()
        self.rating_label.setObjectName("rating")
        self.rating_label.setWordWrap(True)
        self._build()
        # a receipt scanned anywhere in the window opens its dossier; a ticket's QR calls and serves that citizen
        self.scanner = ScanCollector(self, accept=lambda code: looks_like_dossier_code(code)
                                     or parse_ticket_qr(code) is not None)
        self.scanner.scanned.connect(self._on_scanner_scanned)
        lookup = QAction(self.tr("Tra cứu hồ sơ"), self)
        lookup.setShortcut(QKeySequence("F8"))
        lookup.triggered.connect(self._on_lookup_triggered)
        self.addAction(lookup)
        online = QAction(self.tr("Hồ sơ đăng ký trực tuyến"), self)
        online.setShortcut(QKeySequence("Shift+F8"))
        online.triggered.connect(self._on_registrations_triggered)
        self.addAction(online)
        self.registrations_action = online
        self.keypad_status = DeviceStatusWidget(self.tr("Bàn phím đánh giá"), compact=True)
        self.keypad_status.set_status(keypad.status if keypad else None)
        self.statusBar().addWidget(self.keypad_status)
        self.statusBar().addWidget(QLabel(self.tr("F8: tra cứu hồ sơ theo mã")))
        self.statusBar().addWidget(QLabel(self.tr("Shift+F8: hồ sơ đăng ký trực tuyến")))
        self.statusBar().addPermanentWidget(elided_label(self.tr("Cơ sở dữ liệu: %1").replace("%1", safe_url(ctx.store.url)),
                                                         STATUS_URL_PX))
        self._tick = QTimer(self)
        self._tick.setInterval(1000)
        self._tick.timeout.connect(self._on_tick_timeout)
        self._tick.start()
        self._safety = QTimer(self)
        self._safety.setInterval(SAFETY_RELOAD_MS)
        self._safety.timeout.connect(self._on_safety_timeout)
        self._safety.start()
        self.live = (live or live_factory(ctx))({"queue", "rating"}, parent=self)
        self.live.reload_needed.connect(self._on_live_reload_needed)
        self.live.status_changed.connect(self._on_live_status_changed)
        self.live.start()  # before the first load, so no change falls between the two
        self._render()
        self._load_setup()
        self._reload()

    # --- layout -------------------------------------------------------------------------------------------

    def _build(self) -> None:
        header = QFrame()
        header.setObjectName("header")
        title = QLabel(self.tr("Quầy số %1 — %2").replace("%1", str(self.counter_number))
                       .replace("%2", self.actor.full_name))
        self.clock = QLabel()
        self.header_buttons: dict[str, QPushButton] = {}
        top = QHBoxLayout(header)
        top.addWidget(title, 1)
        top.addWidget(self.mode_label)
        for name, text, key, slot in (
                ("pause", self.tr("Tạm dừng quầy"), "F9", self._on_pause_triggered),
                ("resume", self.tr("Mở lại quầy"), "F10", self._on_resume_triggered),
                ("close_counter", self.tr("Đóng quầy"), "F11", self._on_close_counter_triggered),
                ("sign_out", self.tr("Đăng xuất"), "F12", self._on_sign_out_triggered)):
            action = QAction(text, self)
            action.setShortcut(QKeySequence(key))
            action.triggered.connect(slot)
            self.addAction(action)
            button = QPushButton(f"{text} ({key})")
            button.setObjectName("header_action")
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(action.trigger)
            action.changed.connect(lambda b=button, a=action: b.setEnabled(a.isEnabled()))
            self.actions_by_name[name] = action
            self.header_buttons[name] = button
            top.addWidget(button)
        top.addWidget(self.clock)
        body = QHBoxLayout()
        left = QVBoxLayout()
        left.addWidget(self.card, 1)
        left.addWidget(self.return_label)
        left.addLayout(self._build_actions())
        body.addLayout(left, 1)
        side = QVBoxLayout()
        side.addWidget(self.panel, 1)
        side.addWidget(self.rating_label)
        body.addLayout(side)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(header)
        layout.addWidget(self.offline_bar)
        layout.addWidget(self.bar)
        inner = QVBoxLayout()
        inner.setContentsMargins(12, 8, 12, 8)
        inner.addLayout(body, 1)
        layout.addLayout(inner, 1)
        central.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCentralWidget(central)
        self._central = central

    def _build_actions(self) -> QGridLayout:
        specs = [("call_next", self.tr("Gọi số tiếp theo"), ("F1", "Space"), self._on_call_next_triggered),
                 ("recall", self.tr("Gọi lại"), ("F2",), self._on_recall_triggered),
                 ("start_serving", self.tr("Bắt đầu phục vụ"), ("F3",), self._on_start_serving_triggered),
                 ("skip", self.tr("Vắng mặt"), ("F4",), self._on_skip_triggered),
                 ("transfer", self.tr("Chuyển…"), ("F5",), self._on_transfer_triggered),
                 ("finish", self.tr("Kết thúc"), ("F6", "End"), self._on_finish_triggered),
                 ("finish_and_next", self.tr("Kết thúc và gọi số tiếp theo"), ("Ctrl+Return", "Ctrl+Enter"),
                  self._on_finish_and_next_triggered),
                 ("intake", self.tr("Tiếp nhận hồ sơ"), ("F7",), self._on_intake_triggered)]
        grid = QGridLayout()
        for i, (name, title, keys, slot) in enumerate(specs):
            action = QAction(title, self)
            action.setShortcuts([QKeySequence(k) for k in keys])
            action.triggered.connect(slot)
            self.addAction(action)
            shown = " · ".join(QKeySequence(k).toString(QKeySequence.SequenceFormat.NativeText) for k in keys[:2])
            if name == "finish_and_next":
                shown = "Ctrl + Enter"
            button = ActionButton(action, title, shown, primary=name in ("call_next", "finish_and_next"))
            self.actions_by_name[name], self.buttons[name] = action, button
            if name == "intake":  # the counter's main work: a tall button on the right
                button.setSizePolicy(button.sizePolicy().horizontalPolicy(), button.sizePolicy().Policy.Expanding)
                grid.addWidget(button, 0, 4, 2, 1)
            else:
                grid.addWidget(button, i // 4, i % 4, 1, 2 if name == "finish_and_next" else 1)
        return grid

    # --- showing the state ----------------------------------------------------------------------------------

    @property
    def offline_mode(self) -> bool:
        """Working from the station's journal: the server does not answer (a station of a central server)."""
        return self.offline is not None and bool(self._lost)

    def _allowed(self) -> set[str]:
        if not self._acting and self.offline_mode:
            # the ticket the citizen holds is called by its number; no counter state, no queue
            allowed = (allowed_actions(self.current) & ({"call_next", "transfer"} | set(OFFLINE_EVENTS))) | {
                "intake", "scan_ticket"}
            return allowed | ({"sign_out"} if self.current is None else set())
        if self._acting or self._lost or self._setup is None or not self._setup.found:
            return set()
        # a scanned ticket always reaches the queue service, whose refusal (paused, busy…) is the officer's answer
        allowed = allowed_actions(self.current) | {"intake", "scan_ticket"}
        if self.current is None:  # the counter's state changes, and the officer leaves, with no citizen held
            allowed |= {"sign_out", "pause", "close_counter"}
            allowed.discard({CounterMode.PAUSED: "pause", CounterMode.CLOSED: "close_counter"}.get(self.mode, ""))
        if self.mode is not CounterMode.OPEN:
            allowed = (allowed - {"call_next"}) | {"resume"}
        return allowed

    def _render(self) -> None:
        allowed = self._allowed()
        for name, action in self.actions_by_name.items():
            action.setEnabled(name in allowed)
        # only the state changes that make sense now take room in the header (it must fit 1024 px)
        self.header_buttons["pause"].setVisible(self.mode is CounterMode.OPEN)
        self.header_buttons["resume"].setVisible(self.mode is not CounterMode.OPEN)
        self.header_buttons["close_counter"].setVisible(self.mode is not CounterMode.CLOSED)
        idle = {CounterMode.PAUSED: self.tr("Quầy đang tạm dừng: không gọi số. Bấm F10 để mở lại quầy."),
                CounterMode.CLOSED: self.tr("Quầy đã đóng. Bấm F10 để mở lại quầy.")}.get(
            self.mode, self.tr("Bấm F1 hoặc Space để gọi số tiếp theo."))
        if self.offline_mode:
            idle = self.tr("Mất kết nối: bấm F1 hoặc Space rồi nhập số in trên phiếu của người dân.")
        self.card.show_ticket(self.current, self.hint or idle)
        self.mode_label.setText(text_of(CounterMode(self.mode).label))
        self.mode_label.setProperty("mode", self.mode.value)
        self.mode_label.style().unpolish(self.mode_label)
        self.mode_label.style().polish(self.mode_label)
        serving = self.current is not None and self.current.status is TicketStatus.SERVING
        self.buttons["intake"].set_primary(serving)  # while serving, the intake form is the main action
        self.buttons["finish_and_next"].set_primary(not serving)
        self._render_return()
        self._render_elapsed()

    def _render_return(self) -> None:
        """A result-return ticket: its dossier, the dossier's state and whether the result is ready."""
        d = self.return_dossier
        held = self.current.dossier_id if self.current is not None else None
        if d is None or held != d.id:
            self.return_label.hide()
            if held is not None and self._return_loading != held:
                self._load_return(held)
            return
        ready = (self.tr("KẾT QUẢ ĐÃ SẴN SÀNG ĐỂ TRẢ") if d.result_ready else
                 self.tr("Chưa có kết quả") + (self.tr(" (hẹn trả %1)").replace(
                     "%1", d.due_at.astimezone(LOCAL_TZ).strftime("%d/%m/%Y")) if d.due_at else ""))
        self.return_label.setText(self.tr("Trả kết quả hồ sơ %1 — %2\nTrạng thái: %3 · %4 · F8 rồi Enter: mở hồ sơ")
                                  .replace("%1", d.code).replace("%2", d.procedure_name)
                                  .replace("%3", text_of(d.status_label)).replace("%4", ready))
        self.return_label.setProperty("ready", d.result_ready)
        self.return_label.style().unpolish(self.return_label)
        self.return_label.style().polish(self.return_label)
        self.return_label.show()

    def _load_return(self, dossier_id: Any) -> None:
        """Read the held result-return ticket's dossier now (again after each reload: its state may change)."""
        ctx = self.ctx
        self._return_loading = dossier_id
        self.worker.submit(lambda: result_return.return_dossier(ctx, dossier_id), self._on_return_loaded,
                           self._on_return_failed)

    def _on_return_loaded(self, dossier: result_return.ReturnDossier) -> None:
        self._return_loading = None
        self.return_dossier = dossier
        self._render()

    def _on_return_failed(self, exc: BaseException) -> None:
        self._return_loading = None
        present_error(exc, self.bar)

    def _render_elapsed(self) -> None:
        now = self.ctx.now()
        self.clock.setText(now.astimezone(LOCAL_TZ).strftime("%H:%M"))
        self.card.show_elapsed(self.current, now)

    def _sync_from_status(self, status: QueueStatus) -> None:
        """Take the counter's ticket from the hall status: a restart, or a change made at another station."""
        state = next((c for c in status.counters if c.number == self.counter_number), None)
        if state is not None:
            self.mode = CounterMode(state.mode)
        if state is None or state.ticket is None or state.status is None:
            self.current = None
        elif self.current is not None and self.current.display_number == state.ticket:
            self.current = replace(self.current, status=TicketStatus(state.status))
        else:
            self.current = CurrentTicket.of(state.current) or CurrentTicket(state.ticket, TicketStatus(state.status))
            self.hint = ""

    # --- loading ----------------------------------------------------------------------------------------------

    def _load_setup(self) -> None:
        ctx, number = self.ctx, self.counter_number
        self.worker.submit(lambda: load_setup(ctx, number), self._on_setup_loaded, self._on_load_failed)

    def _on_setup_loaded(self, setup: CounterSetup) -> None:
        self._setup = setup
        if not setup.found:
            self.bar.show_error(self.tr("Không có quầy số %1 (hoặc quầy đã ngừng hoạt động); hãy báo quản trị.")
                                .replace("%1", str(self.counter_number)))
        if self._status is not None and not self.offline_mode:  # offline the last counts are not shown as live
            self.panel.show_status(self._status, setup.own_codes)
        self._render()

    def _reload(self) -> None:
        if self._reloading:
            self._reload_again = True
            return
        self._reloading = True
        ctx, number = self.ctx, self.counter_number
        station = self.offline if self.offline_mode else None

        def work() -> tuple[QueueStatus, CounterFeedback | None]:
            if station is not None:  # back from offline: what was done offline is central before the status is read
                station.sync_now()
            return queue.queue_status(ctx), ratings.counter_feedback(ctx, number)

        self.worker.submit(work, self._on_status_loaded, self._on_load_failed)

    def _on_status_loaded(self, loaded: tuple[QueueStatus, CounterFeedback | None]) -> None:
        self._reloading = False
        status, self.feedback = loaded
        self._show_feedback()
        self._status = status
        self._store_back("calls")
        self.panel.show_status(status, self._setup.own_codes if self._setup else ())
        if not self._acting:
            self._sync_from_status(status)
        held = self.current.dossier_id if self.current is not None else None
        if held is not None and self._return_loading is None:
            self._load_return(held)  # its dossier may have changed meanwhile (the result recorded, returned…)
        self._render()
        if self._reload_again:
            self._reload_again = False
            self._reload()

    def _show_feedback(self) -> None:
        """'Đang chờ đánh giá' with the seconds left while the keypad is armed (naming the keypad only when this
        station runs one), then the vote received."""
        f = self.feedback
        if f is None:
            self.rating_label.setText("")
        elif f.vote_label is not None:
            self.rating_label.setText(self.tr("Số %1: công dân đã đánh giá «%2»").replace("%1", f.display_number)
                                      .replace("%2", f.vote_label))
        elif f.armed_until is not None:
            left = int((f.armed_until - self.ctx.now()).total_seconds())
            if left <= 0:
                self.feedback = None
                self.rating_label.setText("")
            else:
                waiting = (self.tr("Số %1: đang chờ đánh giá trên bàn phím (còn %2 giây)") if self.keypad is not None
                           else self.tr("Số %1: công dân có thể đánh giá (còn %2 giây)"))  # no keypad here: maybe a screen
                self.rating_label.setText(waiting.replace("%1", f.display_number).replace("%2", str(left)))

    def _on_load_failed(self, exc: BaseException) -> None:
        self._reloading = self._reload_again = False
        if isinstance(exc, StoreUnavailable):
            self._store_lost("calls", text_of(exc))
        else:
            present_error(exc, self.bar, retry=self._reload)

    def _store_lost(self, source: str, message: str) -> None:
        """The live feed or one of our calls found the store unusable: banner, keys locked; on a station of a
        central server, offline mode instead (the journal's calls by number and intake)."""
        was_offline = self.offline_mode
        self._lost[source] = message
        if self.offline is not None:
            if not was_offline:
                self._go_offline()
            return
        self.offline_bar.show_environment(
            self.tr("%1. Các nút tạm khóa cho đến khi kết nối lại; số đang phục vụ vẫn được giữ.")
            .replace("%1", message.rstrip(".")), self._on_offline_retry)
        self._render()

    def _go_offline(self) -> None:
        """The server stopped answering: the counter goes on from the journal; the ticket it held stays held."""
        station = self.offline
        assert station is not None
        held = station.held()
        if held is None and self.current is not None:  # called online, finished offline: the journal holds it now
            station.hold(self.current.display_number, self.current.status.value)
        elif held is not None:
            self.current = CurrentTicket(held[0], TicketStatus(held[1]))
        f = self.feedback
        if f is not None and f.armed_until is not None and f.vote_label is None:
            station.arm_keypad(f.display_number, f.armed_until, self.actor.officer_id)  # the vote goes to the journal
        self.panel.show_offline(self.tr("Mất kết nối — gọi theo số công dân cầm"),
                                self.tr("Máy quầy không thấy hàng chờ khi mất kết nối: số người chờ sẽ hiện lại khi "
                                        "có kết nối."))
        self.offline_bar.show_info(self.tr(
            "Mất kết nối tới máy chủ: quầy làm việc bằng dữ liệu tại máy. Gọi số theo số in trên phiếu (F1), "
            "chuyển số (F5), tiếp nhận hồ sơ (F7), thu phí theo mã hồ sơ (F8 hoặc quét phiếu hẹn) như thường; mọi "
            "việc được lưu tại máy và đồng bộ khi có kết nối."))
        self._render()

    def _store_back(self, source: str) -> None:
        if self._lost.pop(source, None) is None:
            return
        if not self._lost and self.offline is not None:
            self.offline.release_held()  # the server holds it from now on (the reload synced the calls first)
        if self._lost:
            self._store_lost(*next(iter(self._lost.items())))
        else:
            self.offline_bar.hide()
            self._render()

    def _on_offline_retry(self) -> None:
        self._load_setup()
        self._reload()

    def _on_live_reload_needed(self) -> None:
        self._reload()

    def _on_live_status_changed(self, online: bool, message: str) -> None:
        if online:
            self._store_back("feed")
            self._on_offline_retry()
        else:
            self._store_lost("feed", message)

    def _on_safety_timeout(self) -> None:
        self._on_offline_retry()

    def _on_tick_timeout(self) -> None:
        self._render_elapsed()
        self._show_feedback()
        if self.keypad is not None:  # the keypad's manager reports on its own thread; its state is read here
            self.keypad_status.set_status(self.keypad.status)

    # --- actions ----------------------------------------------------------------------------------------------

    def _act(self, name: str, work: Callable[[], Any], retry: Callable[[], None],
             done: Callable[[Any], None] | None = None) -> None:
        """Run one queue action in the worker; keys are ignored until it is back."""
        if name not in self._allowed():
            return
        self._acting = True
        self.bar.hide()
        self._render()
        self.worker.submit(work, done or (lambda result: self._on_action_done(name, result)),
                           lambda exc: self._on_action_failed(exc, retry))

    # --- offline: the ticket the citizen holds, by its number ------------------------------------------------

    def _ask_number(self) -> None:
        """Offline, F1: the officer types the number printed on the citizen's ticket."""
        if "call_next" not in self._allowed():
            return
        dialog = QInputDialog(self)
        dialog.setWindowTitle(self.tr("Gọi số theo phiếu"))
        dialog.setLabelText(self.tr("Mất kết nối tới máy chủ: nhập số in trên phiếu của người dân (ví dụ A012):"))
        dialog.textValueSelected.connect(self.call_number)
        dialog.finished.connect(self._on_dialog_finished)
        self.number_dialog = dialog
        dialog.open()

    def call_number(self, text: str, name: str = "call_next") -> None:
        """Offline: call the ticket the citizen holds by its printed number, typed or scanned (queued for the
        server); a scan while a ticket is held gets the station's refusal, as online."""
        station, actor = self.offline, self.actor
        assert station is not None
        self._act(name, lambda: station.call_number(actor, text), self._ask_number,
                  lambda number: self._on_offline_done("call", number))

    def _offline_act(self, name: str) -> None:
        station, actor, event = self.offline, self.actor, OFFLINE_EVENTS[name]
        assert station is not None
        self._act(name, lambda: station.act_on_held(actor, event), lambda: self._offline_act(name),
                  lambda number: self._on_offline_done(name, number))

    def _on_offline_done(self, name: str, number: str) -> None:
        self._acting = False
        assert self.offline is not None
        held = self.offline.held()
        self.current = CurrentTicket(held[0], TicketStatus(held[1])) if held else None
        done = {"finish": self.tr("Đã kết thúc số %1 (lưu tại máy)."),
                "finish_and_next": self.tr("Đã kết thúc số %1 (lưu tại máy)."),
                "skip": self.tr("Số %1 được ghi vắng mặt (lưu tại máy)."),
                "transfer": self.tr("Đã chuyển số %1 (lưu tại máy); số sẽ chờ tại dịch vụ mới khi có kết nối.")
                }.get(name)
        self.hint = done.replace("%1", number) if done else ""
        # the keypad waits for the citizen's vote, as online (a rating screen reads the server: not offline)
        armed = self.offline.armed() if name in ("finish", "finish_and_next") and self.keypad is not None else None
        if armed is not None:
            self.feedback = CounterFeedback(armed[0], armed[1], None)
            self._show_feedback()
        self._render()
        if name == "finish_and_next":
            self._ask_number()

    def _on_action_done(self, name: str, result: Any) -> None:
        self._acting = False
        before = self.current.display_number if self.current else ""
        if name == "finish_and_next":
            finished, called = result
            self._show_called(called, self.tr("Đã kết thúc số %1.").replace("%1", finished.display_number))
        elif name == "call_next":
            self._show_called(result, "")
        elif name in ("pause", "resume", "close_counter"):
            self.mode, self.hint = result, ""
        elif name == "transfer":
            self.current = None
            where = result.service_code + (self.tr(", quầy số %1").replace("%1", str(self._transfer_counter))
                                           if self._transfer_counter else "")
            self.hint = self.tr("Đã chuyển số %1 sang %2. Bấm F1 để gọi số tiếp theo.") \
                .replace("%1", result.display_number).replace("%2", where)
        else:
            self.current = CurrentTicket.of(result)
            if name == "finish":
                self.hint = self.tr("Đã kết thúc số %1. Bấm F1 để gọi số tiếp theo.").replace("%1", before)
            elif name == "skip":
                self.hint = self.tr("Số %1 được ghi vắng mặt. Bấm F1 để gọi số tiếp theo.").replace("%1", before)
        self._render()
        self._reload()

    def _show_called(self, view: TicketView | None, done: str) -> None:
        self.current = CurrentTicket.of(view)
        nobody = self.tr("Không có ai đang chờ.")
        self.hint = "" if view is not None else f"{done} {nobody}".strip()

    def _on_action_failed(self, exc: BaseException, retry: Callable[[], None]) -> None:
        self._acting = False
        if isinstance(exc, StoreUnavailable):
            self._store_lost("calls", text_of(exc))
        else:
            present_error(exc, self.bar, retry=retry)
        self._render()
        self._reload()  # the store knows best what the counter holds now

    def _simple(self, name: str, fn: Callable[[Context, Actor, int], Any], retry: Callable[[], None]) -> None:
        ctx, actor, number = self.ctx, self.actor, self.counter_number
        self._act(name, lambda: fn(ctx, actor, number), retry)

    def _on_call_next_triggered(self) -> None:
        if self.offline_mode:
            self._ask_number()
            return
        self._simple("call_next", queue.call_next, self._on_call_next_triggered)

    def _set_mode(self, name: str, mode: CounterMode, retry: Callable[[], None]) -> None:
        ctx, actor, number = self.ctx, self.actor, self.counter_number
        self._act(name, lambda: queue.set_counter_mode(ctx, actor, number, mode), retry)

    def _on_pause_triggered(self) -> None:
        self._set_mode("pause", CounterMode.PAUSED, self._on_pause_triggered)

    def _on_resume_triggered(self) -> None:
        self._set_mode("resume", CounterMode.OPEN, self._on_resume_triggered)

    def _on_close_counter_triggered(self) -> None:
        self._set_mode("close_counter", CounterMode.CLOSED, self._on_close_counter_triggered)

    def _on_sign_out_triggered(self) -> None:
        """F12: the officer leaves; the window closes and the launcher asks the next officer to sign in."""
        if "sign_out" not in self._allowed():
            return
        self.signed_out.emit()
        self.close()

    def _on_ticket_scanned(self, ticket_id: Any) -> None:
        """A citizen's ticket QR scanned at the counter: call (out of turn) and serve that citizen now. Offline, an
        older ticket's QR (its id only, no number) cannot be looked up: the officer types the printed number."""
        if self.offline_mode:
            self.bar.show_info(self.tr("Mất kết nối: máy quầy không tra được mã QR của phiếu; hãy nhập số in trên "
                                       "phiếu."))
            self._ask_number()
            return
        ctx, actor, number = self.ctx, self.actor, self.counter_number
        self._act("scan_ticket", lambda: queue.call_ticket(ctx, actor, number, ticket_id),
                  lambda: self._on_ticket_scanned(ticket_id))

    def _on_recall_triggered(self) -> None:
        if self.offline_mode:
            self._offline_act("recall")
            return
        self._simple("recall", queue.recall, self._on_recall_triggered)

    def _on_start_serving_triggered(self) -> None:
        if self.offline_mode:
            self._offline_act("start_serving")
            return
        self._simple("start_serving", queue.start_serving, self._on_start_serving_triggered)

    def _on_skip_triggered(self) -> None:
        if self.offline_mode:
            self._offline_act("skip")
            return
        self._simple("skip", queue.skip, self._on_skip_triggered)

    def _on_finish_triggered(self) -> None:
        if self.offline_mode:
            self._offline_act("finish")
            return
        self._simple("finish", queue.finish, self._on_finish_triggered)

    def _on_finish_and_next_triggered(self) -> None:
        if self.offline_mode:
            self._offline_act("finish_and_next")
            return
        ctx, actor, number = self.ctx, self.actor, self.counter_number
        self._act("finish_and_next", lambda: (queue.finish(ctx, actor, number), queue.call_next(ctx, actor, number)),
                  self._on_finish_and_next_triggered)

    def _on_transfer_triggered(self) -> None:
        if self.offline_mode and "transfer" in self._allowed() and self.current is not None:
            self._open_transfer(self._offline_targets())
            return
        if "transfer" not in self._allowed() or self.current is None or self._setup is None:
            return
        waiting = {s.code: s.waiting for s in self._status.services} if self._status else {}
        # a paused or closed counter takes no ticket reserved for it: not offered
        shut = {c.number for c in self._status.counters if c.mode != CounterMode.OPEN.value} if self._status else set()
        targets = [TransferTarget(v.draft.code, v.draft.name, waiting.get(v.draft.code, 0),
                                  tuple(n for n in self._setup.counters_by_code.get(v.draft.code, ()) if n not in shut))
                   for v in self._setup.services]
        self._open_transfer(targets)

    def _offline_targets(self) -> list[TransferTarget]:
        """Offline: the services and counters as the journal last saw them, with no waiting count (the hall's
        queues cannot be seen)."""
        station = self.offline
        assert station is not None
        counters = station.journal.reference("counters") or []
        return [TransferTarget(v.draft.code, v.draft.name, None,
                               tuple(c["number"] for c in counters if c["active"] and v.id in c["services"]))
                for v in station.service_views()]

    def _open_transfer(self, targets: list[TransferTarget]) -> None:
        assert self.current is not None
        own = self.current.service_code
        targets.sort(key=lambda t: t.code == own)  # its own service last: rarely the one wanted
        dialog = TransferDialog(self.current.display_number, targets, self.counter_number, self)
        dialog.finished.connect(self._on_transfer_dialog_finished)
        self.transfer_dialog = dialog
        dialog.open()

    def _on_transfer_dialog_finished(self, result: int) -> None:
        dialog, self.transfer_dialog = self.transfer_dialog, None
        if dialog is None:
            return
        chosen = dialog.chosen() if result == TransferDialog.DialogCode.Accepted else None
        dialog.deleteLater()
        self._central.setFocus()
        if chosen is None or self.current is None:
            return
        ctx, actor, ticket = self.ctx, self.actor, self.current.display_number
        code, counter = chosen
        self._transfer_counter = counter
        station = self.offline
        if self.offline_mode and station is not None:
            self._act("transfer", lambda: station.transfer_held(actor, code, counter), self._on_transfer_triggered,
                      lambda number: self._on_offline_done("transfer", number))
            return
        self._act("transfer", lambda: queue.transfer(ctx, actor, ticket, code, counter), self._on_transfer_triggered)

    def _on_intake_triggered(self) -> None:
        """F7: the intake form for the ticket in service (or with no ticket), its procedures those of the service."""
        if "intake" not in self._allowed():
            return
        t, services = self.current, self._setup.services if self._setup else ()
        agencies = next((set(v.draft.agency_ids) for v in services if t and v.draft.code == t.service_code), None)
        self.intake_dialog = IntakeDialog(self.ctx, self.actor, t.display_number if t else None, agencies, self,
                                          offline=self.offline)
        self.intake_dialog.finished.connect(self._on_dialog_finished)
        self.intake_dialog.open()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt's name)
        """Keys no widget took: the barcode scanner's, among others."""
        if self.scanner.feed(event):
            event.accept()
            return
        super().keyPressEvent(event)

    def _on_scanner_scanned(self, code: str) -> None:
        ticket_id = parse_ticket_qr(code)
        number = ticket_qr_number(code)
        if ticket_id is not None and self.offline_mode and number is not None:
            self.call_number(number, "scan_ticket")  # offline: the number the QR carries
            return
        if ticket_id is not None:
            self._on_ticket_scanned(ticket_id)
            return
        self._open_dossier(code)

    def _open_dossier(self, code: str) -> None:
        if self.offline_mode and self.offline is not None:  # the dossier cannot be read: its fee can be recorded
            self._open_offline_payment(code)
            return
        self.dossier_dialog = DossierViewDialog(self.ctx, code, self, actor=self.actor)
        self.dossier_dialog.finished.connect(self._on_dialog_finished)
        self.dossier_dialog.open()

    def _open_offline_payment(self, code: str) -> None:
        """Offline, a receipt scanned or a code typed (F8): the fee paid for that dossier, kept in the journal."""
        from app.ui.stations.counter.offline_payment import OfflinePaymentDialog

        assert self.offline is not None
        dialog = OfflinePaymentDialog(self.offline, self.actor, code, self)
        dialog.finished.connect(self._on_payment_dialog_finished)
        self.payment_dialog = dialog
        dialog.open()

    def _on_payment_dialog_finished(self, _result: int) -> None:
        dialog, self.payment_dialog = self.payment_dialog, None
        if dialog is not None and dialog.recorded is not None:
            self.bar.show_info(self.tr("Đã ghi khoản thu phí, lệ phí của hồ sơ %1 (lưu tại máy).")
                               .replace("%1", dialog.recorded))
        self._central.setFocus()

    def _on_lookup_triggered(self) -> None:
        """F8: type a dossier code, then its window opens (as when its receipt is scanned)."""
        dialog = QInputDialog(self)
        dialog.setWindowTitle(self.tr("Tra cứu hồ sơ"))
        dialog.setLabelText(self.tr("Mã hồ sơ (như in trên phiếu hẹn):"))
        dialog.textValueSelected.connect(self._on_lookup_text_value_selected)
        dialog.finished.connect(self._on_dialog_finished)
        self.lookup_dialog = dialog
        dialog.open()

    def _on_registrations_triggered(self) -> None:
        """Shift+F8: the online registrations waiting for reception; the one chosen opens in its dossier window."""
        dialog = RegistrationsDialog(self.ctx, self._on_scanner_scanned, self)
        dialog.finished.connect(self._on_dialog_finished)
        self.registrations_dialog = dialog
        dialog.open()

    def _on_lookup_text_value_selected(self, text: str) -> None:
        if text.strip():
            self._on_scanner_scanned(text.strip())
        elif self.return_dossier is not None and self.current is not None \
                and self.current.dossier_id == self.return_dossier.id:
            self._open_dossier(self.return_dossier.code)

    def _on_dialog_finished(self, _result: int) -> None:
        self._central.setFocus()  # keys (and the scanner) reach the window again

    def _on_keypad_result(self, result: PressResult) -> None:
        """A press of this counter's keypad was stored: show the vote now, without waiting for a reload."""
        if result.kind == "vote" and result.counter_number == self.counter_number:
            self.feedback = CounterFeedback(result.display_number or "", None, result.label)
            self._show_feedback()

    def closeEvent(self, event: QCloseEvent) -> None:
        """Stop listening and let running work finish before the window goes."""
        if self.keypad is not None:
            self.keypad.remove_listener(self._keypad_listener)
        self._tick.stop()
        self._safety.stop()
        self.live.stop()
        self.worker.shutdown()
        super().closeEvent(event)
