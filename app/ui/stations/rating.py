"""The citizen-facing rating screen: for a counter without a keypad, the same choices as big buttons."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.domain.satisfaction import default_key_map, level_label
from app.services import ratings
from app.services.context import Context
from app.services.ratings import CounterFeedback, PressResult
from app.ui.live import LiveFactory, live_factory
from app.ui.worker import Worker

_STYLE = """
QWidget#rating-screen { background: #0d47a1; }
QLabel { color: white; font-size: 28px; font-weight: bold; }
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
        self.prompt = QLabel(self.tr("Xin cảm ơn quý khách"))
        self.prompt.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.prompt.setWordWrap(True)
        self.grid = QGridLayout()
        self.buttons: dict[str, QPushButton] = {}
        layout = QVBoxLayout(self)
        layout.addWidget(self.prompt, 1)
        layout.addLayout(self.grid)
        self.live = (live or live_factory(ctx))({"queue", "rating"}, parent=self)
        self.live.reload_needed.connect(self._reload)
        self.live.start()
        self.worker.submit(lambda: ratings.rating_settings(ctx), self._on_settings_loaded, lambda _e: None)
        self._reload()

    def _on_settings_loaded(self, settings: tuple[int, int]) -> None:
        scale, _timeout = settings
        for i, (key, level) in enumerate(sorted(default_key_map(scale).items())):
            button = QPushButton(level_label(level))
            button.setEnabled(False)
            button.clicked.connect(lambda _=False, k=key: self._vote(k))
            self.grid.addWidget(button, 0, i)
            self.buttons[key] = button

    def _reload(self) -> None:
        ctx, number = self.ctx, self.counter_number
        self.worker.submit(lambda: ratings.counter_feedback(ctx, number), self._on_feedback_loaded,
                           lambda _e: None)

    def _on_feedback_loaded(self, feedback: CounterFeedback | None) -> None:
        armed = feedback is not None and feedback.armed_until is not None
        if armed:
            self.prompt.setText(self.tr("Mời quý khách đánh giá mức độ hài lòng với cán bộ vừa phục vụ"))
        elif feedback is not None and feedback.vote_label:
            self.prompt.setText(self.tr("Cảm ơn quý khách đã đánh giá: %1").replace("%1", feedback.vote_label))
        else:
            self.prompt.setText(self.tr("Xin cảm ơn quý khách"))
        for button in self.buttons.values():
            button.setEnabled(armed)

    def _vote(self, key: str) -> None:
        for button in self.buttons.values():
            button.setEnabled(False)
        ctx, number = self.ctx, self.counter_number
        self.worker.submit(lambda: ratings.record_vote(ctx, number, key), self._on_voted, lambda _e: self._reload())

    def _on_voted(self, result: PressResult) -> None:
        self.prompt.setText(self.tr("Cảm ơn quý khách đã đánh giá: %1").replace("%1", result.label or "")
                            if result.kind == "vote" else self.tr("Xin cảm ơn quý khách"))

    def closeEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        self.live.stop()
        super().closeEvent(event)
