"""A coloured dot and a Vietnamese reason for one device (ticket printer, rating keypad), fed by DeviceStatus."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from app.devices.manager import DeviceReason, DeviceState, DeviceStatus
from app.ui.i18n import text_of

# dot colour per state: green works, amber plugged in but cannot work (paper out), red not reachable
COLOURS = {DeviceState.CONNECTED: "#2e7d32", DeviceState.FAULT: "#f9a825", DeviceState.DISCONNECTED: "#c62828"}
_NOT_USED = "#9e9e9e"
# the words for people who are not technicians, by the status's code (no ports, no paths); the full reason, with
# the port, is the tooltip. Codes not listed read as "đang gặp sự cố" (fault) or "chưa kết nối".
_SHORT = {
    DeviceReason.PAPER_OUT: QT_TRANSLATE_NOOP("device_status", "Máy in hết giấy"),
    DeviceReason.COVER_OPEN: QT_TRANSLATE_NOOP("device_status", "Nắp máy in đang mở"),
    DeviceReason.PRINTER_ERROR: QT_TRANSLATE_NOOP("device_status", "Máy in báo lỗi"),
    DeviceReason.NOT_RESPONDING: QT_TRANSLATE_NOOP("device_status", "không phản hồi"),
    DeviceReason.REFUSED_DATA: QT_TRANSLATE_NOOP("device_status", "không nhận dữ liệu"),
    DeviceReason.DISCONNECTED: QT_TRANSLATE_NOOP("device_status", "mất kết nối"),
    DeviceReason.STOPPED: QT_TRANSLATE_NOOP("device_status", "đã dừng"),
    DeviceReason.SOFTWARE: QT_TRANSLATE_NOOP("device_status", "lỗi phần mềm"),
}
# what the kiosk tells a citizen after "Máy in đang gặp sự cố: …"
_FOR_CITIZEN = {
    **_SHORT,
    DeviceReason.PAPER_OUT: QT_TRANSLATE_NOOP("device_status", "hết giấy"),
    DeviceReason.COVER_OPEN: QT_TRANSLATE_NOOP("device_status", "nắp máy đang mở"),
    DeviceReason.PRINTER_ERROR: QT_TRANSLATE_NOOP("device_status", "máy báo lỗi"),
    DeviceReason.SOFTWARE: QT_TRANSLATE_NOOP("device_status", "không tạo được nội dung phiếu"),
}


def _tr(text: str) -> str:
    """A text of the tables above (marked there with QT_TRANSLATE_NOOP) in the windows' language."""
    return QCoreApplication.translate("device_status", text)


def short_reason(status: DeviceStatus) -> str:
    """The reason without ports and paths, for people who are not technicians ("Máy in hết giấy")."""
    text = _SHORT.get(status.reason) if status.reason is not None else None
    if text is None:
        text = (QT_TRANSLATE_NOOP("device_status", "đang gặp sự cố") if status.state is DeviceState.FAULT
                else QT_TRANSLATE_NOOP("device_status", "chưa kết nối"))
    return _tr(text)


def reason_for_citizen(status: DeviceStatus) -> str:
    """What went wrong with the ticket printer in a citizen's words ("hết giấy"), by the status's code."""
    text = _FOR_CITIZEN.get(status.reason) if status.reason is not None else None
    if text is None:
        text = (QT_TRANSLATE_NOOP("device_status", "đang gặp sự cố") if status.state is DeviceState.FAULT
                else QT_TRANSLATE_NOOP("device_status", "chưa kết nối"))
    return _tr(text)


class DeviceStatusWidget(QWidget):
    """“● Máy in: đã kết nối” — the state as a dot, the reason as words (colour is never the only cue)."""

    def __init__(self, label: str, parent: QWidget | None = None, dot_px: int = 16, compact: bool = False) -> None:
        super().__init__(parent)
        self.label = label
        self.compact = compact  # short reason shown, the full one (port, path) in the tooltip
        self.state: DeviceState | None = None
        self.dot = QLabel()
        self.dot.setObjectName("device_dot")
        self.text = QLabel()
        self.text.setObjectName("device_text")
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addWidget(self.dot, 0, Qt.AlignmentFlag.AlignVCenter)
        layout.addWidget(self.text, 1)
        self.set_dot_size(dot_px)
        self.set_status(None)

    def set_dot_size(self, px: int) -> None:
        """Resize the dot (the kiosk scales it with the screen)."""
        self._dot_px = px
        self.dot.setFixedSize(px, px)
        self._paint_dot()

    def set_status(self, status: DeviceStatus | None) -> None:
        """Show a status; None means this station has no such device configured."""
        self.state = status.state if status else None
        self.text.setText(f"{self.label}: {self.describe(status, short=self.compact)}")
        self.setToolTip(f"{self.label}: {self.describe(status)}")
        self._paint_dot()

    def describe(self, status: DeviceStatus | None, short: bool = False) -> str:
        """The words shown after the label (without port details when short)."""
        if status is None:
            return self.tr("không sử dụng")
        if status.state is DeviceState.CONNECTED:
            return self.tr("sẵn sàng")
        if short:
            return short_reason(status)
        if status.reason_vi:
            return text_of(status.reason_vi)
        return self.tr("đang gặp sự cố") if status.state is DeviceState.FAULT else self.tr("chưa kết nối")

    def _paint_dot(self) -> None:
        colour = COLOURS[self.state] if self.state is not None else _NOT_USED
        self.dot.setStyleSheet(f"background: {colour}; border: 2px solid white; "
                               f"border-radius: {self._dot_px // 2}px;")
