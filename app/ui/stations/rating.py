"""The citizen-facing rating screen: for a counter without a keypad, the same choices as big buttons.

Three states: idle (a neutral greeting and the officer's name, buttons off), asking (the counter finished a ticket:
buttons on) and thanking (after a vote, for IDLE_AFTER_VOTE_MS, then idle again): the next citizen never sees the
previous one's vote."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QGridLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.domain.satisfaction import default_key_map, level_label
from app.services import ratings
from app.services.context import Context
from app.services.ratings import CounterFeedback, PressResult
from app.ui.i18n import text_of
from app.ui.live import LiveFactory, live_factory
from app.ui.worker import Worker

IDLE_AFTER_VOTE_MS = 5_000

_STYLE = """
QWidget#rating-screen { background: #0d47a1; }
QLabel { color: white; font-size: 28px; font-weight: bold; }
QLabel#officer { font-size: 22px; font-weight: normal; color: #e3f2fd; }
QPushButton { font-size: 26px; font-weight: bold; min-height: 120px; border-radius: 12px;
              background: white; color: #0d47a1; }
QPushButton:disabled { background: #5c7fb5; color: #c5d3e8; }
"""


class RatingWindow(QWidget):
    """One button per level of the centre's scale; enabled only while this counter waits for a rating."""

    def __init__(self, ctx: Context, counter_number: int, parent: QWidget | None = None,
                 live: LiveFactory | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.counter_number = ctx, counter_number
        self.setObjectName("rating-screen")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet(_STYLE)
        self.setWindowTitle(self.tr("motcua — Đánh giá tại quầy %1").replace("%1", str(counter_number)))
        self.worker = Worker(self, threads=1)
        self.state = "idle"  # "idle" | "asking" | "thanking"
        self.prompt = QLabel()
        self.prompt.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.prompt.setWordWrap(True)
        self.officer = QLabel()
        self.officer.setObjectName("officer")
        self.officer.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.officer.setWordWrap(True)
        self.grid = QGridLayout()
        self.buttons: dict[str, QPushButton] = {}
        self.back_to_idle = QTimer(self)
        self.back_to_idle.setSingleShot(True)
        self.back_to_idle.setInterval(IDLE_AFTER_VOTE_MS)
        self.back_to_idle.timeout.connect(self._on_back_to_idle_timeout)
        self.time_up = QTimer(self)  # the centre's rating time runs out without a vote: read the state again
        self.time_up.setSingleShot(True)
        self.time_up.timeout.connect(self._reload)
        layout = QVBoxLayout(self)
        layout.addWidget(self.prompt, 1)
        layout.addWidget(self.officer)
        layout.addLayout(self.grid)
        self._show_idle()
        self.live = (live or live_factory(ctx))({"queue", "rating"}, parent=self)
        self.live.reload_needed.connect(self._reload)
        self.live.start()
        self.worker.submit(lambda: ratings.rating_settings(ctx), self._on_settings_loaded, lambda _e: None)
        self._reload()

    def _on_settings_loaded(self, settings: tuple[int, int]) -> None:
        scale, _timeout = settings
        for i, (key, level) in enumerate(sorted(default_key_map(scale).items())):
            button = QPushButton(text_of(level_label(level)))
            button.setEnabled(self.state == "asking")
            button.clicked.connect(lambda _=False, k=key: self._vote(k))
            self.grid.addWidget(button, 0, i)
            self.buttons[key] = button

    def _reload(self) -> None:
        ctx, number = self.ctx, self.counter_number
        self.worker.submit(lambda: (ratings.counter_feedback(ctx, number), ratings.counter_officer(ctx, number)),
                           self._on_feedback_loaded, lambda _e: None)

    def _on_feedback_loaded(self, loaded: tuple[CounterFeedback | None, str | None]) -> None:
        feedback, officer = loaded
        self.officer.setText(self.tr("Cán bộ phục vụ: %1").replace("%1", officer) if officer else "")
        if self.state == "thanking":  # the thanks stay for their few seconds
            return
        if feedback is not None and feedback.armed_until is not None:
            self.state = "asking"
            self.prompt.setText(self.tr("Mời quý khách đánh giá mức độ hài lòng với cán bộ vừa phục vụ"))
            self._enable(True)
            left_ms = int((feedback.armed_until - self.ctx.now()).total_seconds() * 1000)
            self.time_up.start(max(0, left_ms) + 200)
        else:  # nothing to rate, or the last citizen's vote: never shown to the next one
            self._show_idle()

    def _show_idle(self) -> None:
        self.state = "idle"
        self.prompt.setText(self.tr("Quầy số %1 kính chào quý khách").replace("%1", str(self.counter_number)))
        self._enable(False)

    def _enable(self, on: bool) -> None:
        for button in self.buttons.values():
            button.setEnabled(on)

    def _vote(self, key: str) -> None:
        self._enable(False)
        ctx, number = self.ctx, self.counter_number
        self.worker.submit(lambda: ratings.record_vote(ctx, number, key), self._on_voted, lambda _e: self._reload())

    def _on_voted(self, result: PressResult) -> None:
        if result.kind != "vote":  # too late, or someone else's vote came first
            self._show_idle()
            self._reload()
            return
        self.state = "thanking"
        self.prompt.setText(self.tr("Cảm ơn quý khách đã đánh giá: %1").replace("%1", result.label or ""))
        self.back_to_idle.start()

    def _on_back_to_idle_timeout(self) -> None:
        self._show_idle()
        self._reload()

    def closeEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        self.back_to_idle.stop()
        self.time_up.stop()
        self.live.stop()
        super().closeEvent(event)
