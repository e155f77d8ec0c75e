"""The dossier window (hồ sơ): its facts, its whole timeline, the actions its state allows and its forms; and the
barcode-scanner hook of a station window that opens it.

A USB scanner is a keyboard wedge: it types the code fast and ends with Enter. `ScanCollector` watches the key
presses that reach a window and tells a scan (printable keys < 50 ms apart, then Enter) from a person typing.
"""

from __future__ import annotations

import tempfile
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.dossier import DossierStatus, looks_like_dossier_code
from app.domain.lifecycle import TRANSITIONS, Action
from app.domain.messages import Message
from app.services.context import LOCAL_TZ, Actor, Context
from app.services.dossiers import DossierView, get_dossier
from app.services.fees import PaymentLine, payments_of
from app.services.lifecycle import HistoryEntry, history, overdue_days_of
from app.ui.errors import MessageBar, present_error
from app.ui.i18n import text_of
from app.ui.stations.dossier_actions import (
    FORM_AFTER,
    FORM_NEEDS_EVENT,
    FORM_TITLES,
    ActionDialog,
    FormPreviewDialog,
    allowed_actions,
    capitalised,
    form_title,
    payment_method_label,
)
from app.ui.stations.intake import money
from app.ui.stations.receipt_view import ReceiptDialog
from app.ui.worker import Worker

SCAN_GAP_S = 0.05
_RETURN_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class ScanCollector(QObject):
    """Fed the key presses that reach a window (its keyPressEvent): emits `scanned(code)` when a dossier code is
    typed fast and ends with Enter. No event filter: a filter on a window also sees the events of its teardown,
    which crashed PySide6 now and then."""

    scanned = Signal(str)

    def __init__(self, parent: QObject | None = None, accept: Callable[[str], bool] = looks_like_dossier_code) -> None:
        super().__init__(parent)
        self._buffer = ""
        self._last = 0.0
        self._accept = accept  # which scanned texts are this window's (dossier codes by default)

    def feed(self, event: QKeyEvent) -> bool:
        """Collect fast printable keys; True when this key ended a scan (the caller then swallows it)."""
        now = time.monotonic()
        fast = now - self._last < SCAN_GAP_S
        if event.key() in _RETURN_KEYS and event.modifiers() in (Qt.KeyboardModifier.NoModifier,
                                                                  Qt.KeyboardModifier.KeypadModifier):
            code, self._buffer = self._buffer, ""
            if fast and self._accept(code.strip()):
                self.scanned.emit(code.strip())
                return True
            return False
        text = event.text()
        plain = not event.modifiers() & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
        if text and text.isprintable() and plain:
            self._buffer = self._buffer + text if fast else text
            self._last = now
        return False


STAMP = "%H:%M %d/%m/%Y"
TIMELINE_COLUMNS = (QT_TRANSLATE_NOOP("DossierViewDialog", "Thời gian"),
                    QT_TRANSLATE_NOOP("DossierViewDialog", "Cán bộ"),
                    QT_TRANSLATE_NOOP("DossierViewDialog", "Việc"),
                    QT_TRANSLATE_NOOP("DossierViewDialog", "Từ → Đến trạng thái"),
                    QT_TRANSLATE_NOOP("DossierViewDialog", "Lý do / chi tiết"))
RECEIVED_EVENT = "received"  # written by receive_dossier, not by the transitions table
EVENT_LABELS = ({RECEIVED_EVENT: QT_TRANSLATE_NOOP("DossierViewDialog", "tiếp nhận hồ sơ"),
                 "registered": QT_TRANSLATE_NOOP("DossierViewDialog", "đăng ký trực tuyến trên Cổng dịch vụ công")}
                | {row.event: row.label for row in TRANSITIONS.values()})
NOT_RECEIVED = (DossierStatus.REGISTERED.value, DossierStatus.REFUSED.value)  # no Mẫu 01 / 06 for these
ACTION_COLUMNS = 4


def _stamp(moment: datetime | None) -> str:
    return moment.astimezone(LOCAL_TZ).strftime(STAMP) if moment else "—"


def _status_label(status: str | None) -> str:
    return text_of(DossierStatus(status).label) if status else ""


class DossierViewDialog(QDialog):
    """One dossier: its facts and timeline; with a signed-in `actor`, the actions its state allows and its forms
    (without one, read-only). «In lại phiếu hẹn» reprints the receipt."""

    def __init__(self, ctx: Context, code: str, parent: QWidget | None = None, out_dir: Path | None = None, *,
                 actor: Actor | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.code, self.out_dir, self.actor = ctx, code, out_dir, actor
        self.dossier: DossierView | None = None
        self.entries: list[HistoryEntry] = []
        self.payments: list[PaymentLine] = []
        self.receipt_dialog: ReceiptDialog | None = None
        self.action_dialog: ActionDialog | None = None
        self.form_dialog: FormPreviewDialog | None = None
        self.offer_box: QMessageBox | None = None
        self._forms_tmp: tempfile.TemporaryDirectory[str] | None = None
        self.worker = Worker(self, threads=1)
        self.setWindowTitle(self.tr("Hồ sơ %1").replace("%1", code))
        self.setMinimumWidth(900)
        self.bar = MessageBar()
        self.values: dict[str, QLabel] = {}
        self._forms: dict[str, QFormLayout] = {}
        self.action_buttons: dict[Action, QPushButton] = {}
        self.form_buttons: dict[str, QPushButton] = {}
        self.timeline = self._build_timeline()
        layout = QVBoxLayout(self)
        layout.addWidget(self.bar)
        layout.addLayout(self._build_facts())
        self.actions_box = self._build_actions()
        layout.addWidget(self.actions_box)
        caption = QLabel(self.tr("Quá trình giải quyết"))
        caption.setStyleSheet("font-weight: bold;")
        layout.addWidget(caption)
        layout.addWidget(self.timeline, 1)
        layout.addLayout(self._build_buttons())
        self._load()

    # --- layout -------------------------------------------------------------------------------------------

    def _build_facts(self) -> QHBoxLayout:
        columns = ((("code", self.tr("Mã hồ sơ")), ("applicant", self.tr("Người nộp")),
                    ("procedure", self.tr("Thủ tục")), ("agency", self.tr("Cơ quan giải quyết")),
                    ("ticket", self.tr("Số thứ tự"))),
                   (("status", self.tr("Trạng thái")), ("paused", self.tr("Tạm dừng")),
                    ("received", self.tr("Tiếp nhận lúc")), ("due", self.tr("Hẹn trả kết quả")),
                    ("original_due", self.tr("Hẹn trả ban đầu")), ("fees", self.tr("Phí, lệ phí"))))
        row = QHBoxLayout()
        for column in columns:
            form = QFormLayout()
            for key, caption in column:
                label = QLabel("…" if key != "code" else self.code)
                label.setWordWrap(True)
                label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
                self.values[key] = label
                self._forms[key] = form
                if key == "status":  # the state, and beside it the overdue badge
                    line = QHBoxLayout()
                    line.addWidget(label)
                    line.addWidget(self._overdue_badge())
                    line.addStretch(1)
                    form.addRow(caption, line)
                else:
                    form.addRow(caption, label)
            row.addLayout(form, 1)
        self.values["code"].setStyleSheet("font-size: 15pt; font-weight: bold; color: #0d47a1;")
        self.values["status"].setStyleSheet("font-weight: bold;")
        self._show_row("paused", False)
        self._show_row("original_due", False)
        return row

    def _overdue_badge(self) -> QLabel:
        """A red «Quá hạn N ngày» badge beside the state, shown only while the dossier is overdue."""
        self.overdue_badge = QLabel()
        self.overdue_badge.setObjectName("overdue_badge")
        self.overdue_badge.setStyleSheet("background: #c62828; color: white; font-weight: bold; "
                                         "border-radius: 4px; padding: 2px 8px;")
        self.overdue_badge.hide()
        return self.overdue_badge

    def _show_overdue(self, days: int | None) -> None:
        """The badge, by the one overdue rule (app.domain.overdue, the same as the late list and the report)."""
        if days is None:
            self.overdue_badge.hide()
            return
        self.overdue_badge.setText(self.tr("Quá hạn %1 ngày").replace("%1", str(days)))
        self.overdue_badge.setToolTip(self.tr("Tính từ ngày hẹn trả ban đầu; hồ sơ tạm dừng trước hạn không bị tính "
                                              "quá hạn trong khi tạm dừng"))
        self.overdue_badge.show()

    def _show_row(self, key: str, visible: bool) -> None:
        self._forms[key].setRowVisible(self.values[key], visible)

    def _build_actions(self) -> QGroupBox:
        box = QGroupBox(self.tr("Thao tác được phép ở trạng thái hiện tại"))
        self.actions_grid = QGridLayout(box)
        for action, row in TRANSITIONS.items():
            button = QPushButton(capitalised(text_of(row.label)) + ("…" if row.needs else ""))
            button.setObjectName(f"action_{action.value}")
            button.clicked.connect(lambda _checked=False, a=action: self.start_action(a))
            button.hide()
            self.action_buttons[action] = button
        box.setVisible(self.actor is not None)
        return box

    def _build_timeline(self) -> QTableWidget:
        table = QTableWidget(0, len(TIMELINE_COLUMNS))
        table.setHorizontalHeaderLabels([self.tr(c) for c in TIMELINE_COLUMNS])
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setWordWrap(True)
        table.verticalHeader().hide()
        header = table.horizontalHeader()
        for i in range(len(TIMELINE_COLUMNS) - 1):
            header.setSectionResizeMode(i, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        table.setMinimumHeight(160)
        return table

    def _build_buttons(self) -> QHBoxLayout:
        self.reprint_button = QPushButton(self.tr("In lại phiếu hẹn"))
        self.reprint_button.setEnabled(False)
        self.reprint_button.clicked.connect(self._on_reprint_clicked)
        buttons = QHBoxLayout()
        buttons.addWidget(self.reprint_button)
        for number in FORM_TITLES:
            button = QPushButton(self.tr("In Mẫu %1").replace("%1", number))
            button.setToolTip(form_title(number))
            button.setEnabled(False)
            button.clicked.connect(lambda _checked=False, n=number: self.print_form(n))
            self.form_buttons[number] = button
            buttons.addWidget(button)
        close = QPushButton(self.tr("Đóng (Esc)"))
        close.setAutoDefault(False)
        close.clicked.connect(self.accept)
        buttons.addStretch(1)
        buttons.addWidget(close)
        return buttons

    # --- loading and showing -----------------------------------------------------------------------------

    def _load(self) -> None:
        ctx, code = self.ctx, self.code
        self.worker.submit(lambda: (get_dossier(ctx, code), history(ctx, code), payments_of(ctx, code),
                                    overdue_days_of(ctx, code)),
                           self._on_loaded, self._on_load_failed)

    def _on_loaded(self, loaded: tuple[DossierView, list[HistoryEntry], list[PaymentLine], int | None]) -> None:
        v, self.entries, self.payments, overdue = loaded
        self._show_overdue(overdue)
        self.dossier, self.code = v, v.code
        self.setWindowTitle(self.tr("Hồ sơ %1").replace("%1", v.code))
        shown = {"code": v.code, "applicant": v.applicant_name, "procedure": f"{v.procedure_name} ({v.procedure_code})",
                 "agency": v.agency_name, "received": _stamp(v.received_at), "due": _stamp(v.due_at),
                 "original_due": _stamp(v.original_due_at), "status": text_of(v.status_label),
                 "paused": self._paused_text(), "fees": self._fees_text(v), "ticket": v.ticket_number or "—"}
        for key, text in shown.items():
            self.values[key].setText(text)
        self._show_row("paused", v.status == DossierStatus.PAUSED.value)
        self._show_row("original_due", v.original_due_at is not None and v.original_due_at != v.due_at)
        self._show_timeline()
        self._show_actions(v.status)
        kinds = {e.kind for e in self.entries}
        received = self.dossier is not None and self.dossier.status not in NOT_RECEIVED
        for number, button in self.form_buttons.items():
            needed = FORM_NEEDS_EVENT[number]
            button.setEnabled(self.actor is not None and (needed in kinds if needed else received))
        self.reprint_button.setEnabled(received)
        if self.focusWidget() is None or not self.focusWidget().isEnabled():
            self.reprint_button.setFocus()

    def _paused_text(self) -> str:
        pause = next((e for e in reversed(self.entries) if e.kind == TRANSITIONS[Action.REQUEST_SUPPLEMENT].event),
                     None)
        if pause is None:
            return self.tr("Đang tạm dừng")
        text = self.tr("Chờ bổ sung từ %1").replace("%1", _stamp(pause.at))
        return f"{text} — {pause.reason}" if pause.reason else text

    def _fees_text(self, v: DossierView) -> str:
        """The fee owed and what was paid (recorded payments only), with the receipt numbers: «chưa thu» while a
        fee is owed and nothing was paid."""
        paid = self.payments
        total = sum(p.amount_vnd for p in paid)
        receipts = ", ".join(p.receipt_no for p in paid if p.receipt_no)
        due = money(v.fee_vnd) if v.fee_vnd else self.tr("Không thu")
        if not paid:
            return self.tr("%1; chưa thu").replace("%1", due) if v.fee_vnd else due
        text = self.tr("%1; đã thu %2").replace("%1", due).replace("%2", money(total))
        return f"{text} ({self.tr('biên lai')} {receipts})" if receipts else text

    def _event_label(self, kind: str) -> str:
        label = EVENT_LABELS.get(kind, kind)
        return text_of(label) if isinstance(label, Message) else self.tr(label)  # the domain's are marked there

    def _show_timeline(self) -> None:
        self.timeline.setRowCount(len(self.entries))
        for r, e in enumerate(self.entries):
            moved = _status_label(e.to_status)
            if e.from_status and e.from_status != e.to_status:
                moved = f"{_status_label(e.from_status)} → {moved}"
            cells = (_stamp(e.at), e.officer_name or str(e.data.get("actor", "")) or "—",
                     capitalised(self._event_label(e.kind)), moved, self._details_text(e))
            for c, text in enumerate(cells):
                self.timeline.setItem(r, c, QTableWidgetItem(text))
        self.timeline.resizeRowsToContents()
        self.timeline.scrollToBottom()

    def _details_text(self, e: HistoryEntry) -> str:
        """The reason, then what the event records (unit, tracking, collector, payment, moved due dates)."""
        d = e.data
        parts = [e.reason] if e.reason else []
        captions = (("unit", self.tr("Đơn vị nhận")), ("tracking", self.tr("Số hiệu bưu gửi")),
                    ("collector", self.tr("Người nhận")), ("receipt_no", self.tr("Biên lai")))
        parts += [f"{caption}: {d[key]}" for key, caption in captions if d.get(key)]
        if d.get("amount_vnd"):
            method = payment_method_label(str(d.get("method", "")))
            parts.append(f"{self.tr('Số tiền')}: {money(int(d['amount_vnd']))} ({method})")
        new_due = d.get("new_due") or (d.get("due_at") if e.kind == TRANSITIONS[Action.RESUME].event else None)
        if new_due:
            parts.append(self.tr("Hẹn trả mới: %1").replace("%1", _stamp(datetime.fromisoformat(str(new_due)))))
        return "; ".join(parts)

    def _show_actions(self, status: str) -> None:
        """Buttons for exactly the actions the table allows from `status`, packed in rows."""
        allowed = allowed_actions(status) if self.actor is not None else []
        for button in self.action_buttons.values():
            self.actions_grid.removeWidget(button)
            button.hide()
        for i, action in enumerate(allowed):
            button = self.action_buttons[action]
            self.actions_grid.addWidget(button, i // ACTION_COLUMNS, i % ACTION_COLUMNS)
            button.setEnabled(True)
            button.show()
        if not allowed and self.actor is not None:
            self.actions_box.setTitle(self.tr("Hồ sơ đã kết thúc: không còn thao tác nào"))
        else:
            self.actions_box.setTitle(self.tr("Thao tác được phép ở trạng thái hiện tại"))

    def visible_actions(self) -> list[Action]:
        """The actions offered now (tests and screenshots read it)."""
        return [a for a, b in self.action_buttons.items() if not b.isHidden() and b.isEnabled()]

    def _on_load_failed(self, exc: BaseException) -> None:
        for key, label in self.values.items():
            if key != "code":
                label.setText("")
        present_error(exc, self.bar, retry=self._load)

    # --- acting -------------------------------------------------------------------------------------------

    def start_action(self, action: Action) -> None:
        """Open the small dialog of `action` (only when the state allows it and an officer is signed in)."""
        v = self.dossier
        if self.actor is None or v is None or action not in allowed_actions(v.status):
            return
        self.bar.hide()
        self.action_dialog = ActionDialog(self.ctx, self.actor, v, action, self)
        self.action_dialog.accepted.connect(lambda: self._on_action_accepted(action))
        self.action_dialog.open()

    def _on_action_accepted(self, action: Action) -> None:
        self.bar.show_info(self.tr("Đã %1: hồ sơ %2.").replace("%1", text_of(TRANSITIONS[action].label))
                           .replace("%2", self.code))
        updated = self.action_dialog.updated if self.action_dialog is not None else None
        if updated is not None:
            self.code = updated.code  # an accepted online registration has a code of its own from now on
        self._load()
        if action is Action.ACCEPT:  # an online registration received: its Mẫu 01 with the new code and due date
            self._on_reprint_clicked()
        number = FORM_AFTER.get(action)
        if number is not None:
            self._offer_form(number)

    def _offer_form(self, number: str) -> None:
        """After a supplement request, a refusal, an apology or a stop: offer to print its form now."""
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("In Mẫu %1?").replace("%1", number),
                          self.tr("In %1 cho người nộp?").replace("%1", form_title(number)),
                          QMessageBox.StandardButton.NoButton, self)
        print_button = box.addButton(self.tr("In Mẫu %1").replace("%1", number), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("Để sau"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(print_button)
        box.finished.connect(lambda _result: self._on_offer_box_finished(box, print_button, number))
        self.offer_box = box
        box.open()

    def _on_offer_box_finished(self, box: QMessageBox, print_button: QAbstractButton, number: str) -> None:
        if box.clickedButton() is print_button:
            self.print_form(number, original=True)

    def print_form(self, number: str, original: bool = False) -> None:
        """Write Mẫu `number` of this dossier and preview it (Mẫu 02 / 03: a copy unless `original`)."""
        if self.actor is None:
            return
        out_dir = self.out_dir
        if out_dir is None:
            if self._forms_tmp is None:
                self._forms_tmp = tempfile.TemporaryDirectory(prefix="motcua-forms-")
            out_dir = Path(self._forms_tmp.name)
        self.form_dialog = FormPreviewDialog(self.ctx, self.actor, number, self.code, out_dir, self, original)
        self.form_dialog.open()

    def _on_reprint_clicked(self) -> None:
        self.receipt_dialog = ReceiptDialog(self.ctx, self.code, self, self.out_dir)
        self.receipt_dialog.open()

    def done(self, result: int) -> None:
        """Let the loading finish before the dialog goes; drop the forms written to a temporary folder."""
        self.worker.shutdown()
        super().done(result)
        if self._forms_tmp is not None:
            self._forms_tmp.cleanup()
            self._forms_tmp = None
