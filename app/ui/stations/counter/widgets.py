"""The counter window's own widgets: the ticket card, the big action buttons with their keys, and the panel of
waiting counts. Colours that change with the state are set here; the fixed ones are in
resources/styles/counter.qss."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QAction, QResizeEvent
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.domain.queue import PRIORITY_KINDS, TicketStatus
from app.services.context import LOCAL_TZ
from app.services.queue import QueueStatus
from app.ui.i18n import text_of
from app.ui.stations.counter.state import CurrentTicket

STATE_STYLES = {TicketStatus.CALLED: "background:#ffb300; color:#212121;",
                TicketStatus.SERVING: "background:#2e7d32; color:white;"}
IDLE_STATE_STYLE = "background:#eceff1; color:#546e7a;"
STATE_BASE = "font-size: 24px; font-weight: bold; padding: 6px 18px; border-radius: 8px;"
_OWN_COUNT_STYLE = "font-size: 44px; font-weight: bold; color: %s;"


class ActionButton(QPushButton):
    """A big button with its action's name and, under it, the keys that do the same."""

    def __init__(self, action: QAction, title: str, keys: str, primary: bool = False) -> None:
        super().__init__()
        self.setObjectName("action")
        self.setProperty("primary", primary)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Space must reach the window's shortcut, not a button
        self.title, self.keys = QLabel(title), QLabel(keys)
        self.title.setObjectName("action_title")
        self.keys.setObjectName("action_keys")
        self._style_min: int | None = None
        self.title.setWordWrap(True)  # on two lines when the window is narrow (1024 px), never cut
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        for label in (self.title, self.keys):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
            layout.addWidget(label)
        self._primary = primary
        self.clicked.connect(action.trigger)
        action.changed.connect(lambda: self.setEnabled(action.isEnabled()))
        self._recolour()

    def set_primary(self, primary: bool) -> None:
        """Make this the window's most prominent action (filled, white text) or an ordinary one."""
        if primary == self._primary:
            return
        self._primary = primary
        self.setProperty("primary", primary)
        self.style().unpolish(self)
        self.style().polish(self)
        self._recolour()

    def resizeEvent(self, event: QResizeEvent) -> None:
        """As tall as the title needs at this width (a QPushButton does not ask its layout)."""
        super().resizeEvent(event)
        layout = self.layout()
        m = layout.contentsMargins()
        needed = (m.top() + self.title.heightForWidth(self.width() - m.left() - m.right()) + layout.spacing()
                  + self.keys.sizeHint().height() + m.bottom())
        if self._style_min is None:
            self._style_min = self.minimumHeight()  # the style sheet's min-height
        if max(needed, self._style_min) != self.minimumHeight():
            self.setMinimumHeight(max(needed, self._style_min))

    def changeEvent(self, event: QEvent) -> None:
        """Greyed text when disabled, so a disabled button never looks pressable."""
        if event.type() == QEvent.Type.EnabledChange:
            self._recolour()
        super().changeEvent(event)

    def _recolour(self) -> None:
        colour = "#90a4ae" if not self.isEnabled() else "white" if self._primary else "#0d47a1"
        for label in (self.title, self.keys):
            label.setStyleSheet(f"color: {colour};")


class QueuePanel(QFrame):
    """Waiting counts: the counter's own services large (highlighted when someone waits), the others small."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFixedWidth(380)
        self._counts: dict[str, QLabel] = {}
        self._rows: dict[str, QFrame] = {}
        self._priority: dict[str, QLabel] = {}
        self._codes: tuple[tuple[str, ...], tuple[str, ...]] = ((), ())
        title = QLabel(self.tr("Đang chờ tại quầy này"))
        title.setObjectName("panel_title")
        others = QLabel(self.tr("Các dịch vụ khác (để chuyển số)"))
        others.setWordWrap(True)
        others.setObjectName("others_title")
        self.own_box, self.others_box = QVBoxLayout(), QGridLayout()
        # offline: what the panel says instead of counts it can no longer see (hidden while online)
        self.offline_notice = QLabel()
        self.offline_notice.setObjectName("offline_notice")
        self.offline_notice.setWordWrap(True)
        self.offline_notice.setStyleSheet("QLabel#offline_notice { background:#eceff1; color:#37474f; "
                                          "border-radius:8px; padding:10px; font-size:16px; }")
        self.offline_notice.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.offline_notice)
        layout.addLayout(self.own_box)
        layout.addSpacing(12)
        layout.addWidget(others)
        layout.addLayout(self.others_box)
        layout.addStretch(1)

    def waiting(self, code: str) -> str:
        """The waiting count shown for a service ('' when not shown)."""
        label = self._counts.get(code)
        return label.text() if label is not None else ""

    @property
    def offline(self) -> bool:
        """Whether the panel shows the offline notice instead of counts."""
        return not self.offline_notice.isHidden()

    def show_offline(self, headline: str, detail: str) -> None:
        """The server does not answer: no count is shown as if live (each one «—», greyed), a calm notice says
        how the counter works now. The next `show_status` restores the counts."""
        self.offline_notice.setText(f"<b>{headline}</b><br>{detail}")
        self.offline_notice.show()
        for code, count in self._counts.items():
            count.setText("—")
            if code in self._rows:
                self._rows[code].setStyleSheet("QFrame#own { background:#f5f5f5; border:1px solid #e0e0e0; "
                                               "border-radius:8px; }")
                count.setStyleSheet(_OWN_COUNT_STYLE % "#b0bec5")
                self._priority[code].setText("")
            else:
                count.setStyleSheet("color: #b0bec5;")

    def show_status(self, status: QueueStatus, own: tuple[str, ...]) -> None:
        """Show the counts of `status`, the counter's own services first (and leave the offline notice)."""
        self.offline_notice.hide()
        others = tuple(s.code for s in status.services if s.code not in own)
        if (own, others) != self._codes:
            self._rebuild(status, own)
            self._codes = (own, others)
        for s in status.services:
            self._counts[s.code].setText(str(s.waiting))
            if s.code in self._rows:
                busy = s.waiting > 0
                self._rows[s.code].setStyleSheet(
                    "QFrame#own { background:%s; border:1px solid %s; border-radius:8px; }"
                    % (("#fff8e1", "#ffb300") if busy else ("#f5f5f5", "#e0e0e0")))
                self._counts[s.code].setStyleSheet(_OWN_COUNT_STYLE % ("#e65100" if busy else "#90a4ae"))
                self._priority[s.code].setText(self.tr("trong đó ưu tiên: %1").replace("%1", str(s.priority_waiting))
                                               if s.priority_waiting else "")
            else:
                self._counts[s.code].setStyleSheet("")  # greyed while offline

    def _rebuild(self, status: QueueStatus, own: tuple[str, ...]) -> None:
        for box in (self.own_box, self.others_box):
            while (item := box.takeAt(0)) is not None:
                if (widget := item.widget()) is not None:
                    widget.deleteLater()
        self._counts.clear()
        self._rows.clear()
        self._priority.clear()
        by_code = {s.code: s for s in status.services}
        for code in own:
            if code in by_code:
                self.own_box.addWidget(self._own_row(code, by_code[code].name))
        for r, s in enumerate(s for s in status.services if s.code not in own):
            name, count = QLabel(), QLabel()
            name.setText(name.fontMetrics().elidedText(f"{s.code} — {s.name}", Qt.TextElideMode.ElideRight, 300))
            name.setToolTip(s.name)
            count.setAlignment(Qt.AlignmentFlag.AlignRight)
            self._counts[s.code] = count
            self.others_box.addWidget(name, r, 0)
            self.others_box.addWidget(count, r, 1)

    def _own_row(self, code: str, name: str) -> QFrame:
        row = QFrame()
        row.setObjectName("own")
        title, count, priority = QLabel(f"<b>{code}</b> — {name}"), QLabel(), QLabel()
        title.setWordWrap(True)
        title.setStyleSheet("font-size: 15px;")
        count.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        priority.setStyleSheet("font-size: 15px; color: #c62828; font-weight: bold;")
        grid = QGridLayout(row)
        grid.addWidget(title, 0, 0)
        grid.addWidget(priority, 1, 0)
        grid.addWidget(count, 0, 1, 2, 1)
        grid.setColumnStretch(0, 1)
        self._counts[code], self._rows[code], self._priority[code] = count, row, priority
        return row


class TicketCard(QFrame):
    """The middle of the window: the number the counter holds (or what to do next), its state, service and
    priority, and how long ago it was called."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        self.caption, self.number, self.state = QLabel(self.tr("SỐ TẠI QUẦY")), QLabel(), QLabel()
        self.service, self.priority, self.elapsed, self.hint_label = QLabel(), QLabel(), QLabel(), QLabel()
        for name, label in (("caption", self.caption), ("number", self.number), ("service", self.service),
                            ("priority", self.priority), ("elapsed", self.elapsed), ("hint", self.hint_label)):
            label.setObjectName(name)
        self.number.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.number.setWordWrap(True)
        self.service.setWordWrap(True)
        self.hint_label.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.caption)
        row.addStretch(1)
        row.addWidget(self.priority)
        row.addWidget(self.state)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.number, 1)
        layout.addWidget(self.service)
        layout.addWidget(self.elapsed)
        layout.addWidget(self.hint_label)

    def show_ticket(self, t: CurrentTicket | None, idle_text: str) -> None:
        """The ticket held, with the keys that move it on; or, with none, `idle_text` where the number goes."""
        if t is None:  # the middle of the card says what to do next
            self.number.setText(idle_text)
            self.state.setText(self.tr("Chưa có số"))
            self.state.setStyleSheet(STATE_BASE + IDLE_STATE_STYLE)
            self.service.setText("")
            hint = ""
        else:
            self.number.setText(t.display_number)
            self.state.setText(text_of(t.status.label))
            self.state.setStyleSheet(STATE_BASE + STATE_STYLES[t.status])
            self.service.setText(f"{t.service_code} — {t.service_name}" if t.service_name else "")
            hint = self.tr("Công dân đã đến: F3 bắt đầu phục vụ.  Chưa thấy đến: F2 gọi lại, F4 vắng mặt.") \
                if t.status is TicketStatus.CALLED else \
                self.tr("Xong việc: F6 kết thúc, hoặc Ctrl+Enter kết thúc và gọi số tiếp theo.")
        self.number.setProperty("idle", t is None)
        self.number.style().unpolish(self.number)
        self.number.style().polish(self.number)
        kind = t.priority_kind if t else None
        self.priority.setText(self.tr("ƯU TIÊN: %1").replace("%1", text_of(PRIORITY_KINDS.get(kind, kind)))
                              if kind else "")
        self.priority.setVisible(bool(kind))
        self.hint_label.setText(hint)

    def show_elapsed(self, t: CurrentTicket | None, now: datetime) -> None:
        """When the ticket held was called, how long ago, and how many times."""
        if t is None or t.called_at is None:
            self.elapsed.setText("")
            return
        seconds = max(0, int((now - t.called_at).total_seconds()))
        minutes, s = divmod(seconds, 60)
        text = self.tr("Gọi lúc %1 (cách đây %2) · đã gọi %3 lần").replace("%1", t.called_at.astimezone(LOCAL_TZ)
                                                                 .strftime("%H:%M"))
        self.elapsed.setText(text.replace("%2", f"{minutes:02d}:{s:02d}").replace("%3", str(t.call_count)))
