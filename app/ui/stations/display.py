"""The queue display (màn hình gọi số) for the hall TV: each counter's number, the last calls, a blinking new call,
the clock, a scrolling notice, a plain banner when the store is lost, and a voice announcement of every call.

Only numbers and counters are shown: the feed carries no names or ID numbers.
"""

from __future__ import annotations

import logging
import math
from datetime import date

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPaintEvent, QResizeEvent, QCloseEvent
from PySide6.QtWidgets import (QBoxLayout, QFrame, QGridLayout, QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout,
                               QWidget)

from app import logs
from app.domain.calendar import WEEKDAY_NAMES
from app.services.context import LOCAL_TZ, Context
from app.services.display_feed import Call, CounterBoard, DisplayFeed, FeedCursor, announcement_for, display_feed
from app.store.engine import StoreUnavailable
from app.ui.i18n import text_of
from app.ui.live import LiveFactory, live_factory
from app.ui.stations.announcer import Announcer, NoChime, NoSpeech
from app.ui.worker import Worker

log = logging.getLogger(__name__)

LAST_CALLS = 6
BLINK_MS = 8_000
BLINK_PERIOD_MS = 500
SAFETY_RELOAD_MS = 30_000
RETRY_MS = 3_000
MARQUEE_TICK_MS = 30

BACKGROUND, PANEL, NUMBER, TEXT, DIM, ALERT = "#0b1220", "#18233d", "#ffd54a", "#ffffff", "#aab4c8", "#c62828"


def vietnamese_date(day: date) -> str:
    """The date as the hall reads it: "Thứ Bảy, 28/11/2026"."""
    weekday = text_of(WEEKDAY_NAMES[day.weekday()])
    return f"{weekday}, {day:%d/%m/%Y}"


def _font(base: QFont, pixels: int, bold: bool = False) -> QFont:
    font = QFont(base)
    font.setPixelSize(max(8, pixels))
    font.setBold(bold)
    return font


def _label(color: str, align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignCenter, fitted: bool = False) -> QLabel:
    """A label in `color`; a `fitted` one never asks for room (its font is sized to the room it gets)."""
    label = QLabel()
    label.setAlignment(align)
    label.setStyleSheet(f"color: {color}; background: transparent;")
    if fitted:
        label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
    return label


class _CounterCell(QFrame):
    """One counter: "Quầy N" and what it is doing on the left, its number (huge) on the right."""

    def __init__(self, number: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.number = number
        left = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        self.title, self.status = _label(TEXT, left, fitted=True), _label(DIM, left, fitted=True)
        self.ticket = _label(NUMBER, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, fitted=True)
        self.title.setText(self.tr("Quầy %1").replace("%1", str(number)))
        layout = QGridLayout(self)
        layout.setContentsMargins(CELL_MARGIN, 0, CELL_MARGIN, 0)
        layout.setSpacing(0)
        layout.addWidget(self.title, 0, 0)
        layout.addWidget(self.status, 1, 0)
        layout.addWidget(self.ticket, 0, 1, 2, 1)
        layout.setRowStretch(0, 3)
        layout.setRowStretch(1, 2)
        layout.setColumnStretch(0, 42)
        layout.setColumnStretch(1, 58)
        self._lit: bool | None = None
        self.set_highlight(False)

    def show_board(self, board: CounterBoard) -> None:
        self.ticket.setText(board.ticket or "—")
        self.status.setText({"called": self.tr("Mời đến quầy"), "serving": self.tr("Đang phục vụ")}
                            .get(board.status or "", ""))
        if board.mode != "open" and not board.ticket:  # a paused or closed counter says so, calls no one
            self.status.setText(self.tr("Tạm dừng") if board.mode == "paused" else self.tr("Đã đóng"))

    def set_highlight(self, on: bool) -> None:
        if on == self._lit:
            return
        self._lit = on
        self.setStyleSheet(f"_CounterCell {{ background: {NUMBER if on else PANEL}; border-radius: 10px; }}")
        self.title.setStyleSheet(f"color: {BACKGROUND if on else TEXT}; background: transparent;")
        self.ticket.setStyleSheet(f"color: {BACKGROUND if on else NUMBER}; background: transparent;")
        self.status.setStyleSheet(f"color: {BACKGROUND if on else DIM}; background: transparent;")

    def scale(self, base: QFont, height: int, width: int, widest_title: str, widest_number: str) -> None:
        """Fonts for a cell of `width` × `height`: the number as big as its box allows for the widest number
        shown anywhere (so every cell uses one size), the title and status fitted to theirs."""
        number_w, title_w = _column_widths(width)
        self.ticket.setFont(_fit(_font(base, int(height * 0.8), bold=True), widest_number, number_w))
        self.title.setFont(_fit(_font(base, int(height * 0.4), bold=True), widest_title, title_w))
        self.status.setFont(_fit(_font(base, int(height * 0.2)), self.tr("Đang phục vụ"), title_w))


CELL_MARGIN = 18  # left and right, inside a counter's cell
FIT_SLACK = 0.94  # glyphs of a bold face may reach a little past their advance: keep a margin


def _column_widths(width: int) -> tuple[int, int]:
    """The room of the number (right 58 %) and of the title (left 42 %) in a cell `width` pixels wide."""
    inner = max(1, width - 2 * CELL_MARGIN)
    return int(inner * 0.58), int(inner * 0.42) - 6


def _fit(font: QFont, text: str, width: int) -> QFont:
    """`font`, made smaller if needed so that `text` (ink included) fits in `width` pixels."""
    metrics = QFontMetrics(font)
    needed = max(metrics.horizontalAdvance(text), metrics.boundingRect(text).width())
    if needed > width * FIT_SLACK and width > 0:
        font.setPixelSize(max(8, int(font.pixelSize() * width * FIT_SLACK / needed)))
    return font


def _number_px(height: int, width: int, base: QFont, widest_number: str = "8888") -> int:
    """The pixel size of the numbers in a cell of `width` × `height`."""
    return _fit(_font(base, int(height * 0.8), bold=True), widest_number, _column_widths(width)[0]).pixelSize()


class _CallRow(QFrame):
    """One line of "Vừa gọi": number → counter, and the time of the call."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ticket, self.counter, self.time = (_label(NUMBER, fitted=True), _label(TEXT, fitted=True),
                                                _label(DIM, fitted=True))
        self.ticket.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.counter.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.time.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(20, 0, 20, 0)
        layout.addWidget(self.ticket, 38)
        layout.addWidget(self.counter, 46)
        layout.addWidget(self.time, 16)
        self._lit: bool | None = None
        self.set_highlight(False)

    def show_call(self, call: Call | None) -> None:
        if call is None:
            for label in (self.ticket, self.counter, self.time):
                label.clear()
            return
        self.ticket.setText(call.display_number)
        self.counter.setText(self.tr("→ Quầy %1").replace("%1", str(call.counter_number)))
        self.time.setText(f"{call.at.astimezone(LOCAL_TZ):%H:%M}")

    def set_highlight(self, on: bool) -> None:
        if on == self._lit:
            return
        self._lit = on
        self.setStyleSheet(f"_CallRow {{ background: {NUMBER if on else PANEL}; border-radius: 10px; }}")
        for label, color in ((self.ticket, NUMBER), (self.counter, TEXT), (self.time, DIM)):
            label.setStyleSheet(f"color: {BACKGROUND if on else color}; background: transparent;")

    def scale(self, base: QFont, height: int, width: int, widest_counter: int) -> None:
        room = {label: (label.width() or width // 3) - 8 for label in (self.ticket, self.counter, self.time)}
        self.ticket.setFont(_fit(_font(base, int(height * 0.7), bold=True), "8888", room[self.ticket]))
        widest = self.tr("→ Quầy %1").replace("%1", str(widest_counter))
        self.counter.setFont(_fit(_font(base, int(height * 0.55), bold=True), widest, room[self.counter]))
        self.time.setFont(_fit(_font(base, int(height * 0.32)), "88:88", room[self.time]))


class _Marquee(QWidget):
    """A notice scrolling right to left, driven by a QTimer."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._text, self._x = text, 40.0
        self._timer = QTimer(self)
        self._timer.setInterval(MARQUEE_TICK_MS)
        self._timer.timeout.connect(self._on_tick)
        self._timer.start()

    def set_text(self, text: str) -> None:
        self._text = text
        self.update()

    def stop(self) -> None:
        self._timer.stop()

    def _on_tick(self) -> None:
        self._x -= max(1.0, self.height() / 40)  # about 2 px a tick at full HD: readable while moving
        if self._x + QFontMetrics(self.font()).horizontalAdvance(self._text) < 0:
            self._x = float(self.width())
        self.update()

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 (Qt's name)
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor(PANEL))
        painter.setPen(QColor(TEXT))
        painter.setFont(self.font())
        painter.drawText(self.rect().adjusted(int(self._x), 0, 100_000, 0),
                         Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, self._text)


class DisplayWindow(QWidget):
    """The hall TV: reloads (through the Worker) whenever the store says the queue changed."""

    def __init__(self, ctx: Context, announcer: Announcer | None, notice: str,
                 parent: QWidget | None = None, live: LiveFactory | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.announcer = ctx, announcer
        self.worker = Worker(self)
        self._cursor: FeedCursor | None = None
        self._loading = self._again = self._live_offline = self._load_failed = False
        self._cells: dict[int, _CounterCell] = {}
        self._blinking: tuple[int, int] | None = None  # (counter, ticks left)
        self._scaled_for = ""  # the widest number the cells' fonts were last fitted to
        self.setWindowTitle(self.tr("Màn hình gọi số"))
        self.setStyleSheet(f"DisplayWindow {{ background: {BACKGROUND}; }}")
        self.setAutoFillBackground(True)
        palette = self.palette()
        palette.setColor(self.backgroundRole(), QColor(BACKGROUND))
        self.setPalette(palette)
        self._build(notice)
        self._start_timers()
        self.live = (live or live_factory(ctx))({"queue"}, parent=self)
        self.live.reload_needed.connect(self.reload)
        self.live.status_changed.connect(self._on_live_status_changed)
        self.live.start()  # before the first load: nothing that happens meanwhile is missed
        self.reload()

    # --- what tests and the launcher read ---------------------------------------------------------------

    def shown_ticket(self, counter: int) -> str:
        """The number the cell of `counter` shows ("—" when free, "" when there is no such cell yet)."""
        cell = self._cells.get(counter)
        return cell.ticket.text() if cell else ""

    def shown_status(self, counter: int) -> str:
        """What the cell of `counter` says under its name ("Mời đến quầy", "Tạm dừng", "Đã đóng" …)."""
        cell = self._cells.get(counter)
        return cell.status.text() if cell else ""

    @property
    def loaded(self) -> bool:
        """Whether the board has been loaded once."""
        return self._cursor is not None

    def shown_calls(self) -> list[str]:
        """The "Vừa gọi" list as shown, newest first ("1001 → Quầy 1")."""
        return [f"{r.ticket.text()} {r.counter.text()}" for r in self._rows if r.ticket.text()]

    @property
    def blinking_counter(self) -> int | None:
        """The counter whose new call blinks now."""
        return self._blinking[0] if self._blinking else None

    @property
    def banner_shown(self) -> bool:
        """Whether the "lost the store" banner is up."""
        return not self.banner.isHidden()

    # --- building -------------------------------------------------------------------------------------

    def _build(self, notice: str) -> None:
        self.centre = _label(TEXT, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, fitted=True)
        self.clock, self.date = _label(TEXT, Qt.AlignmentFlag.AlignRight), _label(DIM, Qt.AlignmentFlag.AlignRight)
        clock_box = QVBoxLayout()
        clock_box.setSpacing(0)
        clock_box.addWidget(self.clock)
        clock_box.addWidget(self.date)
        header = QHBoxLayout()
        header.addWidget(self.centre, 1)
        header.addLayout(clock_box)

        self.banner = _label(TEXT)
        self.banner.setText(self.tr("Mất kết nối cơ sở dữ liệu — đang kết nối lại…"))
        self.banner.setStyleSheet(f"color: {TEXT}; background: {ALERT}; border-radius: 8px; padding: 6px;")
        self.banner.hide()

        self.grid_box = QWidget()
        self.grid = QGridLayout(self.grid_box)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.calls_title = _label(TEXT, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.calls_title.setText(self.tr("Vừa gọi"))
        self._rows = [_CallRow() for _ in range(LAST_CALLS)]
        calls = QVBoxLayout()
        calls.addWidget(self.calls_title)
        for i, row in enumerate(self._rows):
            calls.addWidget(row, 14 if i == 0 else 10)  # the newest call is the biggest
        self.body = QBoxLayout(QBoxLayout.Direction.LeftToRight)  # top to bottom on a portrait screen
        self.body.addWidget(self.grid_box, 62)
        self.body.addSpacing(24)
        self.body.addLayout(calls, 38)

        self.marquee = _Marquee(notice)
        self.sound_note = _label(DIM, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if self.announcer is not None:  # say plainly (small, in a corner) when the hall hears less than it should
            mute = isinstance(self.announcer.speech, NoSpeech), isinstance(self.announcer.chime, NoChime)
            self.sound_note.setText({(True, True): self.tr("Máy này không phát được âm thanh: chỉ hiển thị số"),
                                     (True, False): self.announcer.speech.description,
                                     (False, True): self.announcer.chime.description}.get(mute, ""))
        self.sound_note.setVisible(bool(self.sound_note.text()))

        root = QVBoxLayout(self)
        root.setContentsMargins(32, 16, 32, 16)
        root.setSpacing(14)
        root.addLayout(header)
        root.addWidget(self.banner)
        root.addLayout(self.body, 1)
        root.addWidget(self.marquee)
        root.addWidget(self.sound_note)

    def _start_timers(self) -> None:
        self._clock_timer = self._timer(1000, self._on_clock_tick)
        self._safety_timer = self._timer(SAFETY_RELOAD_MS, self.reload)
        self._blink_timer = self._timer(BLINK_PERIOD_MS, self._on_blink_tick, start=False)
        self._retry_timer = self._timer(RETRY_MS, self.reload, start=False)
        self._retry_timer.setSingleShot(True)
        self._on_clock_tick()

    def _timer(self, interval: int, slot: object, start: bool = True) -> QTimer:
        timer = QTimer(self)
        timer.setInterval(interval)
        timer.timeout.connect(slot)
        if start:
            timer.start()
        return timer

    def _set_counters(self, boards: list[CounterBoard]) -> None:
        """(Re)build the grid when the set of counters changed."""
        if [b.number for b in boards] == list(self._cells):
            return
        for cell in self._cells.values():
            cell.deleteLater()
        self._cells = {b.number: _CounterCell(b.number) for b in boards}
        self._rescale()

    def _grid_shape(self, count: int) -> tuple[int, int, int, int]:
        """Columns, rows and cell size that make the numbers biggest for `count` counters."""
        width, height = max(1, self.grid_box.width()), max(1, self.grid_box.height())
        best = (1, count, width, height // max(1, count))
        best_px = 0.0
        for cols in range(1, count + 1):
            rows = math.ceil(count / cols)
            w, h = (width - 12 * (cols - 1)) // cols, (height - 12 * (rows - 1)) // rows
            px = _number_px(h, w, self.font(), self._widest_number())
            if px > best_px:
                best, best_px = (cols, rows, w, h), px
        return best

    def _rescale(self) -> None:
        """Fonts follow the window size: numbers as big as their cells allow (readable from 10 m)."""
        portrait = self.height() > self.width()
        direction = QBoxLayout.Direction.TopToBottom if portrait else QBoxLayout.Direction.LeftToRight
        if self.body.direction() != direction:
            self.body.setDirection(direction)
            self.body.activate()
        base = self.font()
        unit = max(0.3, min(self.width() / 1080, self.height() / 1920) if portrait
                   else min(self.width() / 1920, self.height() / 1080))
        self.clock.setFont(_font(base, int(84 * unit), bold=True))
        self.date.setFont(_font(base, int(34 * unit)))
        self.clock.setMinimumHeight(QFontMetrics(self.clock.font()).height())
        self.centre.setMinimumHeight(self.clock.minimumHeight())
        room = self.width() - 64 - 24 - max(QFontMetrics(self.clock.font()).horizontalAdvance("88:88"),
                                            QFontMetrics(self.date.font()).horizontalAdvance(self.date.text()))
        self.centre.setFont(_fit(_font(base, int(44 * unit), bold=True), self.centre.text(), room))
        self.banner.setFont(_font(base, int(46 * unit), bold=True))
        self.calls_title.setFont(_font(base, int(56 * unit), bold=True))
        self.marquee.setFont(_font(base, int(44 * unit)))
        self.marquee.setFixedHeight(int(80 * unit))
        self.sound_note.setFont(_font(base, int(18 * unit)))
        widest = max(self._cells, default=99, key=lambda n: len(str(n)))
        for row in self._rows:
            row.scale(base, row.height(), row.width(), widest)
        if self._cells:
            cols, _rows, w, h = self._grid_shape(len(self._cells))
            title = self.tr("Quầy %1").replace("%1", str(widest))
            self._scaled_for = self._widest_number()
            for i, cell in enumerate(self._cells.values()):
                self.grid.addWidget(cell, i // cols, i % cols)
                cell.scale(base, h, w, title, self._scaled_for)

    def _widest_number(self) -> str:
        """The widest of the numbers shown (at least four digits' worth): every cell's font fits it."""
        bold = _font(self.font(), 100, bold=True)
        metrics = QFontMetrics(bold)
        shown = [cell.ticket.text() for cell in self._cells.values()] + ["8888"]
        return max(shown, key=metrics.horizontalAdvance)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        QTimer.singleShot(0, self, self._rescale)  # after the layout has sized the grid

    # --- loading --------------------------------------------------------------------------------------

    def reload(self) -> None:
        """Load the board in the background (one load at a time: each continues from the last one's cursor)."""
        if self._loading:
            self._again = True
            return
        self._loading, self._again = True, False
        ctx, cursor = self.ctx, self._cursor
        self.worker.submit(lambda: display_feed(ctx, LAST_CALLS, cursor), self._on_loaded, self._on_load_failed)

    def _on_loaded(self, feed: DisplayFeed) -> None:
        self._loading, self._load_failed = False, False
        self._update_banner()
        self._cursor = feed.cursor
        if self.centre.text() != feed.centre_name:
            self.centre.setText(feed.centre_name)
            self._rescale()
        self._set_counters(feed.counters)
        for board in feed.counters:
            self._cells[board.number].show_board(board)
        if self._widest_number() != self._scaled_for:  # a wider number than the fonts were made for
            self._rescale()
        for i, row in enumerate(self._rows):
            row.show_call(feed.last_calls[i] if i < len(feed.last_calls) else None)
        if feed.new_calls:
            self._start_blink(feed.new_calls[-1].counter_number)
            if self.announcer is not None:
                for call in feed.new_calls:
                    self.announcer.announce(announcement_for(call, feed.number_words_variant))
        self._paint_blink()
        if self._again:
            self.reload()

    def _on_load_failed(self, exc: BaseException) -> None:
        self._loading, self._load_failed = False, True
        if isinstance(exc, StoreUnavailable):
            log.info("display: store unavailable: %s", exc)
        else:
            log.error("display: loading the board failed", exc_info=exc)
            logs.write_crash_report(exc, "màn hình hiển thị không nạp được bảng số")  # our bug; it retries
        self._update_banner()
        self._retry_timer.start()

    # --- live status, blink, clock ----------------------------------------------------------------------

    def _on_live_status_changed(self, online: bool, _message: str) -> None:
        self._live_offline = not online
        self._update_banner()
        if online:
            self.reload()

    def _update_banner(self) -> None:
        self.banner.setVisible(self._live_offline or self._load_failed)

    def _start_blink(self, counter: int) -> None:
        self._blinking = (counter, BLINK_MS // BLINK_PERIOD_MS)
        self._blink_timer.start()

    def _on_blink_tick(self) -> None:
        if self._blinking is None:
            self._blink_timer.stop()
            return
        counter, left = self._blinking
        self._blinking = (counter, left - 1) if left > 1 else None
        self._paint_blink()

    def _paint_blink(self) -> None:
        """Highlight the blinking counter and the newest call on every other tick; clear everything else."""
        on = self._blinking is not None and self._blinking[1] % 2 == 0
        for number, cell in self._cells.items():
            cell.set_highlight(on and number == self.blinking_counter)
        for i, row in enumerate(self._rows):
            row.set_highlight(on and i == 0)

    def _on_clock_tick(self) -> None:
        now = self.ctx.now().astimezone(LOCAL_TZ)
        if self.clock.text() != f"{now:%H:%M}":
            self.clock.setText(f"{now:%H:%M}")
            self.date.setText(vietnamese_date(now.date()))

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt's name)
        self.live.stop()
        for timer in (self._clock_timer, self._safety_timer, self._blink_timer, self._retry_timer):
            timer.stop()
        self.marquee.stop()
        self.worker.shutdown()
        super().closeEvent(event)


DEFAULT_NOTICE = ("Kính mời công dân theo dõi số thứ tự trên màn hình và chuẩn bị sẵn giấy tờ khi được mời đến "
                  "quầy · Trung tâm không thu bất kỳ khoản phí nào ngoài phí, lệ phí theo quy định · Xin cảm ơn!")
