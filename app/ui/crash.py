"""Our bugs in a window station: an uncaught exception (a Qt slot, any thread) is logged with a crash report by
app.logs, and the user sees a short Vietnamese message in a non-modal box while the station keeps running."""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from typing import Any

from PySide6.QtCore import QMessageLogContext, QObject, Qt, QtMsgType, QTimer, Signal, qInstallMessageHandler
from PySide6.QtWidgets import QApplication, QMessageBox

from app import __version__, logs
from app.ui.i18n import fill
from app.ui.qt_versions import qt_versions


class CrashNotifier(QObject):
    """Shows one message box for uncaught exceptions (repeats update it); `reported` may be emitted on any thread."""

    reported = Signal(str, str)  # summary (masked), crash report path ('' when none was written)

    def __init__(self, auto_close_ms: int | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.auto_close_ms = auto_close_ms  # hall stations (kiosk, display, rating): nobody is there to close it
        self.box: QMessageBox | None = None
        self.count = 0
        self.reported.connect(self._on_reported)

    def notify(self, summary: str, report: Path | None) -> None:
        """For app.logs.install_hooks: hand the news to the GUI thread."""
        self.reported.emit(summary, str(report) if report else "")

    def _on_reported(self, summary: str, report: str) -> None:
        self.count += 1
        if self.box is None:
            self.box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Lỗi phần mềm"), self.tr(
                "Đã xảy ra lỗi phần mềm không mong muốn. Thao tác vừa rồi có thể chưa được thực hiện; chương "
                "trình vẫn tiếp tục chạy.\nHãy báo cho bộ phận kỹ thuật."), QMessageBox.StandardButton.Close)
            self.box.setObjectName("crash_box")
            self.box.setModal(False)
            self.box.setWindowFlag(Qt.WindowType.WindowStaysOnTopHint)  # above a full-screen station
            self.box.button(QMessageBox.StandardButton.Close).setText(self.tr("Đóng"))
            self.box.finished.connect(self._on_box_finished)
        where = fill(self.tr("Báo cáo lỗi: %1"), report) if report else self.tr("Lỗi đã được ghi vào nhật ký.")
        repeats = fill(self.tr(" (lần thứ %1)"), self.count) if self.count > 1 else ""
        self.box.setInformativeText(where + repeats)
        self.box.setToolTip(summary)  # masked; the whole story is in the report
        self.box.show()
        if self.auto_close_ms:
            QTimer.singleShot(self.auto_close_ms, self._close_box)

    def _close_box(self) -> None:
        if self.box is not None:
            self.box.close()

    def _on_box_finished(self, _result: int) -> None:
        self.count = 0
        if self.box is not None:
            self.box.deleteLater()
            self.box = None


_QT_LEVELS = {QtMsgType.QtWarningMsg: logging.WARNING, QtMsgType.QtCriticalMsg: logging.ERROR,
              QtMsgType.QtFatalMsg: logging.CRITICAL}


def start(station: str, auto_close_ms: int | None = None) -> CrashNotifier:
    """Set up this station's log file and crash reports (once, by the composition root), and the message box;
    Qt's own warnings go to the log too."""
    app = QApplication.instance()
    logs.setup(station)
    versions = qt_versions()
    logs.add_versions(versions)
    notifier = CrashNotifier(auto_close_ms, app)
    logs.install_hooks(notifier.notify)
    _log_qt_messages()
    logging.getLogger("motcua.station").info("%s started (motcua %s, Qt %s)", station, __version__, versions["Qt"])
    return notifier


def _log_qt_messages() -> None:
    """Qt's warnings and errors into the station's log, then on to whatever handled them before (a test's capture,
    or Qt's own printout)."""
    log = logging.getLogger("qt")
    previous: Any = None

    def handler(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
        level = _QT_LEVELS.get(kind)
        if level is not None:
            log.log(level, "%s", message)
        if previous is not None:
            previous(kind, context, message)
        elif level is not None and sys.stderr is not None:
            try:
                sys.stderr.write(message + "\n")
            except (OSError, ValueError):  # no console, or a closed pipe: the log has it
                pass

    previous = qInstallMessageHandler(handler)
    if getattr(previous, "__name__", "") == "handler" and getattr(previous, "__module__", "") == __name__:
        qInstallMessageHandler(previous)  # already installed by an earlier start(): keep one
