"""The demo's simulated satisfaction keypad: a small window whose buttons press the keys of a keypad simulator on a
pseudo-terminal, so a vote travels the same way as from a real keypad (bytes → port → decoder → store)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QGridLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.devices.keypad_sim import KeypadSimulator
from app.domain.satisfaction import level_label
from app.ui.i18n import text_of

_STYLE = """
QWidget#keypad-pad { background: #263238; }
QLabel { color: white; font-size: 15px; }
QPushButton { font-size: 17px; font-weight: bold; min-height: 64px; border-radius: 10px; background: #eceff1;
              color: #263238; }
QPushButton:pressed { background: #90caf9; }
"""


class KeypadPadWindow(QWidget):
    """One button per key of the simulated keypad (key and level label); keys 1, 2, 3 … on the keyboard too.

    Like a real keypad it can always be pressed: a press while the counter is not waiting for a rating is
    counted as a stray press by the station, never as a vote."""

    def __init__(self, simulator: KeypadSimulator, key_map: dict[str, int], counter_number: int,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.simulator, self.key_map = simulator, dict(key_map)
        self.setObjectName("keypad-pad")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet(_STYLE)
        self.setWindowTitle(self.tr("Bàn phím đánh giá — quầy %1 (giả lập)").replace("%1", str(counter_number)))
        title = QLabel(self.tr("Bàn phím đánh giá của quầy %1 (giả lập trên cổng %2)")
                       .replace("%1", str(counter_number)).replace("%2", simulator.url))
        title.setWordWrap(True)
        self.last = QLabel(self.tr("Công dân bấm một phím sau khi cán bộ kết thúc số (F6 ở quầy)"))
        self.last.setWordWrap(True)
        grid = QGridLayout()
        self.buttons: dict[str, QPushButton] = {}
        for i, (key, level) in enumerate(sorted(self.key_map.items())):
            button = QPushButton(f"{key}\n{text_of(level_label(level))}")
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(lambda _=False, k=key: self.press(k))
            grid.addWidget(button, 0, i)
            self.buttons[key] = button
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(grid)
        layout.addWidget(self.last)

    def press(self, key: str) -> None:
        """Send the key's bytes down the pty, as the keypad's own electronics would."""
        try:
            self.simulator.press(key)
        except (RuntimeError, OSError, TimeoutError) as exc:  # the simulated cable is unplugged
            self.last.setText(self.tr("Không gửi được phím %1: %2").replace("%1", key).replace("%2", text_of(exc)))
            return
        self.last.setText(self.tr("Đã bấm phím %1 — %2").replace("%1", key)
                          .replace("%2", text_of(level_label(self.key_map[key]))))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Digits on the keyboard press the keys of the same name."""
        if event.text() in self.buttons:
            self.press(event.text())
            return
        super().keyPressEvent(event)
