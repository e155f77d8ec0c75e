"""The set-up's «Thiết bị» section: ticket printer and rating keypad ports, «In thử» and the keypad test."""

from __future__ import annotations

import threading

from PySide6.QtWidgets import (QComboBox, QFormLayout, QGroupBox, QHBoxLayout, QLabel, QPushButton, QSpinBox,
                               QVBoxLayout, QWidget)

from app.devices.keypad import KeyPress
from app.devices.transport import DeviceError
from app.domain.errors import FormErrors, ValidationError
from app.services import device_check
from app.services.station_setup import KEYPAD_STATIONS, PRINTER_PORT, PRINTER_STATIONS, normalise_port
from app.ui.errors import FieldErrors, MessageBar, present_error
from app.ui.i18n import fill, text_of
from app.ui.setup.status import StatusLine
from app.ui.worker import Worker

KEYPAD_TEST_SECONDS = 10.0


class PortCombo(QComboBox):
    """An editable list of this PC's serial ports («/dev/ttyUSB0 — USB-Serial»); any URL may be typed instead."""

    def __init__(self, placeholder: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setMinimumContentsLength(24)
        line = self.lineEdit()
        if line is not None:
            line.setPlaceholderText(placeholder)

    def set_ports(self, ports: list[device_check.SerialPortInfo]) -> None:
        """Replace the listed ports, keeping what is typed."""
        typed = self.value()
        self.clear()
        for port in ports:
            self.addItem(port.label, port.device)
        self.set_value(typed)

    def value(self) -> str:
        """The port chosen (the device of a listed port) or typed."""
        text = self.currentText().strip()
        index = self.findText(text)
        return str(self.itemData(index)) if index >= 0 and self.itemData(index) else text

    def set_value(self, url: str) -> None:
        """Show a port: its listed line when the system lists it, else the URL as typed."""
        index = self.findData(url)
        if index >= 0:
            self.setCurrentIndex(index)
        else:
            self.setCurrentIndex(-1)
            self.setEditText(url)


class DevicesBox(QGroupBox):
    """Printer (kiosk) and keypad (counter) ports with their tests; the tests run on the window's worker."""

    def __init__(self, worker: Worker, fields: FieldErrors, bar: MessageBar, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("3. Thiết bị"), parent)
        self.worker, self.fields, self.bar = worker, fields, bar
        self.keypad_timeout_s = KEYPAD_TEST_SECONDS
        self._stop_keypad = threading.Event()
        self.printer = PortCombo(self.tr("không dùng — hoặc địa chỉ IP máy in mạng"))
        self.printer.setObjectName("printer_url")
        self.profile = QComboBox()
        self.profile.setMaximumWidth(140)
        self.profile.addItem(self.tr("80 mm"), "80mm")
        self.profile.addItem(self.tr("58 mm"), "58mm")
        self.test_print_button = QPushButton(self.tr("In thử"))
        self.test_print_button.clicked.connect(self._on_test_print_button_clicked)
        self.printer_status = StatusLine()
        self.keypad = PortCombo(self.tr("không dùng"))
        self.keypad.setObjectName("keypad_url")
        self.protocol = QComboBox()
        self.protocol.addItem(self.tr("ascii — mỗi phím một ký tự"), "ascii")
        self.protocol.addItem(self.tr("framed — nhiều bàn phím trên RS485"), "framed")
        self.address = QSpinBox()
        self.address.setRange(0, 255)
        self.address.setValue(1)
        self.address.setPrefix(self.tr("địa chỉ "))
        self.test_keypad_button = QPushButton(self.tr("Thử bàn phím"))
        self.test_keypad_button.clicked.connect(self._on_test_keypad_button_clicked)
        self.keypad_status = StatusLine()
        self.refresh_button = QPushButton(self.tr("Làm mới danh sách cổng"))
        self.refresh_button.clicked.connect(self.refresh_ports)
        self.hint = QLabel(fill(self.tr("Cổng nối tiếp do hệ điều hành liệt kê. Máy in mạng: gõ địa chỉ IP "
                                        "(vd. 10.0.0.5, cổng %1)."), PRINTER_PORT))
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: #555;")
        self._layout()
        self.refresh_ports()

    def _layout(self) -> None:
        captions = [QLabel(text) for text in (self.tr("Máy in phiếu"), self.tr("Khổ giấy"), self.tr("Bàn phím đánh giá"),
                                              self.tr("Giao thức"))]
        width = max(label.sizeHint().width() for label in captions)
        for label in captions:  # the two forms' fields line up
            label.setMinimumWidth(width)
        printer_form, keypad_form = QFormLayout(), QFormLayout()
        self.printer_row = _row(self.printer, self.test_print_button)
        printer_form.addRow(captions[0], self.fields.wrap("printer_url", self.printer_row, self.printer))
        printer_form.addRow(captions[1], self.profile)
        self.keypad_row = _row(self.keypad, self.test_keypad_button)
        keypad_form.addRow(captions[2], self.fields.wrap("keypad_url", self.keypad_row, self.keypad))
        keypad_form.addRow(captions[3], self.fields.wrap("keypad_address", _row(self.protocol, self.address),
                                                         self.address))
        for form in (printer_form, keypad_form):
            form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        layout = QVBoxLayout(self)
        layout.addLayout(printer_form)
        layout.addWidget(self.printer_status)
        layout.addSpacing(6)
        layout.addLayout(keypad_form)
        layout.addWidget(self.keypad_status)
        layout.addSpacing(6)
        layout.addWidget(self.hint)
        refresh = QHBoxLayout()
        refresh.addWidget(self.refresh_button)
        refresh.addStretch(1)
        layout.addLayout(refresh)

    def refresh_ports(self) -> None:
        """List the serial ports again (an adapter plugged in after the window opened)."""
        ports = device_check.serial_ports()
        self.printer.set_ports(ports)
        self.keypad.set_ports(ports)

    def station_changed(self, station: str) -> None:
        """Only the kiosk has a ticket printer, only a counter a keypad: the rest is greyed out."""
        for widgets, used in (((self.printer, self.profile, self.test_print_button), station in PRINTER_STATIONS),
                              ((self.keypad, self.protocol, self.address, self.test_keypad_button),
                               station in KEYPAD_STATIONS)):
            for widget in widgets:
                widget.setEnabled(used)
        self.printer_status.show_note(self.tr("Máy lấy số (kiosk) in phiếu") if station not in PRINTER_STATIONS
                                      else self.tr("Chọn cổng rồi bấm «In thử»"))
        self.keypad_status.show_note(self.tr("Bàn phím đánh giá gắn với máy quầy") if station not in KEYPAD_STATIONS
                                     else self.tr("Chọn cổng, bấm «Thử bàn phím» rồi bấm một phím"))

    def used_printer(self) -> str:
        """The printer port, when this station uses one."""
        return self.printer.value() if self.printer.isEnabled() else ""

    def used_keypad(self) -> str:
        """The keypad port, when this station uses one."""
        return self.keypad.value() if self.keypad.isEnabled() else ""

    def stop(self) -> None:
        """The window is closing: end a keypad test that is still waiting."""
        self._stop_keypad.set()

    def _port(self, field: str, text: str, default_port: int | None, what: str) -> str | None:
        """A port checked before a test: its URL, or None after showing the problem at the field."""
        if not text:
            self.fields.show(FormErrors([ValidationError(field, fill(self.tr("Chọn hoặc nhập cổng %1 trước khi thử"),
                                                              what))]))
            return None
        url, problem = normalise_port(text, default_port)
        if problem:
            self.fields.show(FormErrors([ValidationError(field, problem)]))
            return None
        self.fields.clear()
        return url

    def _on_test_print_button_clicked(self) -> None:
        url = self._port("printer_url", self.printer.value(), PRINTER_PORT, self.tr("máy in"))
        if url is None:
            return
        profile = str(self.profile.currentData())
        self.test_print_button.setEnabled(False)
        self.printer_status.show_busy(fill(self.tr("Đang in trang thử ra %1…"), url))
        self.worker.submit(lambda: device_check.print_test_page(url, profile), self._on_printed,
                           self._on_print_failed)

    def _on_printed(self, message: str) -> None:
        self.test_print_button.setEnabled(True)
        self.printer_status.show_ok(text_of(message))

    def _on_print_failed(self, exc: BaseException) -> None:
        self.test_print_button.setEnabled(True)
        if not isinstance(exc, DeviceError):
            self.printer_status.show_note("")
            present_error(exc, self.bar)
            return
        self.printer_status.show_failed(fill(self.tr("In thử không được: %1"), text_of(exc.reason_vi)))

    def _on_test_keypad_button_clicked(self) -> None:
        url = self._port("keypad_url", self.keypad.value(), None, self.tr("bàn phím"))
        if url is None:
            return
        protocol, timeout = str(self.protocol.currentData()), self.keypad_timeout_s
        stop = self._stop_keypad = threading.Event()
        self.test_keypad_button.setEnabled(False)
        self.keypad_status.show_busy(fill(self.tr("Hãy bấm một phím trên bàn phím đánh giá… (chờ %1 giây)"),
                                          f"{timeout:g}"))
        self.worker.submit(lambda: device_check.next_key(url, protocol, timeout_s=timeout, stop=stop),
                           self._on_key, self._on_keypad_failed)

    def _on_key(self, press: KeyPress | None) -> None:
        self.test_keypad_button.setEnabled(True)
        if press is None:
            self.keypad_status.show_failed(fill(self.tr("Không nhận được phím nào trong %1 giây: kiểm tra cáp, cổng "
                                                        "và giao thức"), f"{self.keypad_timeout_s:g}"))
            return
        where = fill(self.tr(" (bàn phím địa chỉ %1)"), press.address) if press.address is not None else ""
        self.keypad_status.show_ok(fill(self.tr("Đã nhận phím «%1»%2"), press.key, where))

    def _on_keypad_failed(self, exc: BaseException) -> None:
        self.test_keypad_button.setEnabled(True)
        if not isinstance(exc, DeviceError):
            self.keypad_status.show_note("")
            present_error(exc, self.bar)
            return
        self.keypad_status.show_failed(fill(self.tr("Không thử được bàn phím: %1"), text_of(exc.reason_vi)))


def _row(*widgets: QWidget) -> QWidget:
    """Widgets side by side, the first one stretching."""
    box = QWidget()
    layout = QHBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    for i, widget in enumerate(widgets):
        layout.addWidget(widget, 1 if i == 0 else 0)
    return box
