"""The Qt binding must not corrupt Python's reference counts (PySide6 6.12.0 did, crashing the stations)."""

from __future__ import annotations

import os
import subprocess
import sys

SCRIPT = """
import sys
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLineEdit
app = QApplication([])
class Box(QLineEdit):
    def keyPressEvent(self, event):
        super().keyPressEvent(event)
box = Box()
before = sys.getrefcount(None)
for _ in range(20000):
    QCoreApplication.sendEvent(box, QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_A, Qt.KeyboardModifier.NoModifier, 'a'))
print(sys.getrefcount(None) - before)
"""


def test_overriding_a_void_virtual_keeps_none_alive() -> None:
    result = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, timeout=120,
                            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert result.returncode == 0, result.stderr[-2000:]
    assert abs(int(result.stdout.strip().splitlines()[-1])) < 100
