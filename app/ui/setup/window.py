"""The set-up window (cài đặt máy trạm): which station, which store («Kiểm tra kết nối»), devices, autostart."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QFont
from PySide6.QtWidgets import (QButtonGroup, QCheckBox, QComboBox, QDialog, QFormLayout, QGroupBox, QHBoxLayout,
                               QLabel, QLineEdit, QPushButton, QRadioButton, QSpinBox, QVBoxLayout, QWidget)

from app import config
from app.domain.errors import FormErrors
from app.services import autostart, station_setup
from app.services.connection_check import ConnectionReport
from app.services.station_setup import (EMBEDDED_PREPARABLE, NEEDS_COUNTER, STATIONS, SetupAnswers,
                                        SetupResult)
from app.ui.errors import FieldErrors, MessageBar, present_error
from app.ui.i18n import fill, text_of
from app.ui.setup.devices_box import DevicesBox
from app.ui.setup.status import StatusLine
from app.ui.worker import Worker

_MUTED = "color: #555;"


class SetupWindow(QDialog):
    """Asks the set-up questions; «Lưu và mở trạm» writes everything (`saved` is then set) and closes."""

    def __init__(self, initial: SetupAnswers | None, config_path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.config_path = config_path
        self.saved: SetupResult | None = None
        self.worker = Worker(self, threads=3)
        self.fields = FieldErrors()
        self.bar = MessageBar()
        self.setWindowTitle(self.tr("Cài đặt máy trạm — motcua"))
        self.setMinimumWidth(980)
        self._build_station_box()
        self._build_store_box()
        self.devices = DevicesBox(self.worker, self.fields, self.bar)
        self._build_start_box()
        self.save_button = QPushButton(self.tr("Lưu và mở trạm"))
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self._on_save_button_clicked)
        self.quit_button = QPushButton(self.tr("Thoát"))
        self.quit_button.clicked.connect(self.reject)
        self._layout()
        self.fill(initial or SetupAnswers())

    # --- the sections ----------------------------------------------------------------------------------------

    def _build_station_box(self) -> None:
        self.station = QComboBox()
        self.station.setObjectName("station")
        for key, label in STATIONS.items():
            self.station.addItem(text_of(label), key)
        self.counter = QSpinBox()
        self.counter.setRange(0, 999)
        self.counter.setSpecialValueText(self.tr("— chọn số quầy —"))
        self.station.currentIndexChanged.connect(self._on_station_current_index_changed)
        self.station_box = QGroupBox(self.tr("1. Máy này là"))
        form = QFormLayout(self.station_box)
        self.fields.add_row(form, self.tr("Vai trò"), "station", self.station)
        self.fields.add_row(form, self.tr("Số quầy"), "counter_number", self.counter)

    def _build_store_box(self) -> None:
        self.embedded = QRadioButton(self.tr("Tệp trên máy này (một máy, không cần máy chủ)"))
        self.server = QRadioButton(self.tr("Máy chủ PostgreSQL của trung tâm"))
        self.store_group = QButtonGroup(self)
        for button in (self.embedded, self.server):
            self.store_group.addButton(button)
            button.toggled.connect(self._on_store_toggled)
        self.host, self.port, self.database, self.user = QLineEdit(), QLineEdit(), QLineEdit(), QLineEdit()
        self.host.setPlaceholderText("10.0.0.2")
        self.port.setPlaceholderText("5432")
        self.port.setMaximumWidth(90)
        self.ssl_ca = QLineEdit()
        self.ssl_ca.setPlaceholderText(self.tr("tệp chứng chỉ CA (.crt); để trống: không mã hóa TLS"))
        self.ssl_ca.setToolTip(self.tr("Kết nối mã hóa, kiểm tra chứng chỉ và tên máy chủ (sslmode=verify-full)"))
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("để trống nếu đã lưu hoặc máy chủ không cần"))
        self.keyring_note = QLabel()
        self.keyring_note.setWordWrap(True)
        self.check_button = QPushButton(self.tr("Kiểm tra kết nối"))
        self.check_button.clicked.connect(self._on_check_button_clicked)
        self.prepare_button = QPushButton(self.tr("Tạo / nâng cấp cơ sở dữ liệu trên máy này"))
        self.prepare_button.clicked.connect(self._on_prepare_button_clicked)
        self.prepare_button.hide()
        self.connection_status = StatusLine()
        self.connection_status.setObjectName("connection_status")
        self.server_form = QWidget()
        form = QFormLayout(self.server_form)
        form.setContentsMargins(22, 0, 0, 0)
        self.fields.add_row(form, self.tr("Máy chủ"), "host", _pair(self.host, QLabel(self.tr("Cổng")), self.port),
                            self.host)
        self.fields.add_row(form, self.tr("Cơ sở dữ liệu"), "database", self.database)
        self.fields.add_row(form, self.tr("Người dùng"), "user", self.user)
        self.fields.add_row(form, self.tr("Mật khẩu"), "password", self.password)
        self.fields.add_row(form, self.tr("Chứng chỉ CA"), "ssl_ca", self.ssl_ca)
        form.addRow("", self.keyring_note)
        anchor = QWidget()
        anchor.setFixedHeight(0)
        self.port_error = self.fields.wrap("port", anchor, self.port)  # the port's message, under the host row
        form.insertRow(1, "", self.port_error)
        self.store_box = QGroupBox(self.tr("2. Dữ liệu lưu ở"))
        layout = QVBoxLayout(self.store_box)
        layout.addWidget(self.fields.wrap("store", self.embedded))
        layout.addWidget(self.server)
        layout.addWidget(self.server_form)
        check_row = QHBoxLayout()
        check_row.addWidget(self.check_button)
        check_row.addWidget(self.prepare_button)
        check_row.addStretch(1)
        layout.addLayout(check_row)
        layout.addWidget(self.connection_status)
        self._show_keyring_note()

    def _build_start_box(self) -> None:
        self.autostart = QCheckBox(self.tr("Tự mở trạm này toàn màn hình khi máy tính khởi động"))
        try:
            where = str(autostart.autostart_dir())
        except Exception:  # an OS without autostart support: the save says so at the field
            where = ""
        self.autostart_note = QLabel(fill(self.tr("Mục khởi động được ghi vào %1"), where) if where else "")
        self.autostart_note.setWordWrap(True)
        self.autostart_note.setStyleSheet(_MUTED)
        self.start_box = QGroupBox(self.tr("4. Khi máy tính khởi động"))
        layout = QVBoxLayout(self.start_box)
        layout.addWidget(self.fields.wrap("autostart", self.autostart))
        layout.addWidget(self.autostart_note)

    def _layout(self) -> None:
        title = QLabel(self.tr("Cài đặt máy trạm"))
        font = QFont(title.font())
        font.setPointSize(font.pointSize() + 6)
        font.setBold(True)
        title.setFont(font)
        intro = QLabel(fill(self.tr("Trả lời bốn mục dưới đây rồi bấm «Lưu và mở trạm». Cấu hình được ghi vào %1; "
                                    "mật khẩu chỉ lưu trong keyring của hệ điều hành."), self.config_path))
        intro.setWordWrap(True)
        intro.setStyleSheet(_MUTED)
        left, right = QVBoxLayout(), QVBoxLayout()
        left.addWidget(self.station_box)
        left.addWidget(self.store_box)
        left.addStretch(1)
        right.addWidget(self.devices)
        right.addWidget(self.start_box)
        right.addStretch(1)
        columns = QHBoxLayout()
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.quit_button)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addWidget(self.bar)
        layout.addLayout(columns, 1)
        layout.addLayout(buttons)

    # --- answers in and out ----------------------------------------------------------------------------------

    def fill(self, answers: SetupAnswers) -> None:
        """Show a set of answers (the password is never shown)."""
        self.station.setCurrentIndex(max(0, self.station.findData(answers.station)))
        self.counter.setValue(int(answers.counter_number or 0))
        (self.server if answers.store == "server" else self.embedded).setChecked(True)
        self.host.setText(answers.host)
        self.port.setText(str(answers.port))
        self.database.setText(answers.database)
        self.user.setText(answers.user)
        self.ssl_ca.setText(answers.ssl_ca)
        self.devices.printer.set_value(answers.printer_url)
        self.devices.profile.setCurrentIndex(max(0, self.devices.profile.findData(answers.printer_profile)))
        self.devices.keypad.set_value(answers.keypad_url)
        self.devices.protocol.setCurrentIndex(max(0, self.devices.protocol.findData(answers.keypad_protocol)))
        self.devices.address.setValue(int(answers.keypad_address or 1))
        self.autostart.setChecked(answers.autostart)
        self._on_station_current_index_changed()
        self._on_store_toggled()

    def answers(self) -> SetupAnswers:
        """The answers as typed (checked by the service, not here)."""
        station = str(self.station.currentData())
        return SetupAnswers(
            station=station, counter_number=self.counter.value() or None if station in NEEDS_COUNTER else None,
            store="server" if self.server.isChecked() else "embedded", host=self.host.text(),
            port=self.port.text(), database=self.database.text(), user=self.user.text(),
            password=self.password.text(), ssl_ca=self.ssl_ca.text(), printer_url=self.devices.used_printer(),
            printer_profile=str(self.devices.profile.currentData()), keypad_url=self.devices.used_keypad(),
            keypad_protocol=str(self.devices.protocol.currentData()), keypad_address=self.devices.address.value(),
            autostart=self.autostart.isChecked())

    # --- slots -----------------------------------------------------------------------------------------------

    def _on_station_current_index_changed(self, _index: int = 0) -> None:
        station = str(self.station.currentData())
        self.counter.setEnabled(station in NEEDS_COUNTER)
        self.devices.station_changed(station)
        if self.user.text() in ("", *(f"motcua_{kind}" for kind in STATIONS)):  # the role `db roles` made for it
            self.user.setText(f"motcua_{station}")

    def _on_store_toggled(self, _checked: bool = False) -> None:
        self.server_form.setEnabled(self.server.isChecked())
        self.connection_status.show_note("")
        self.prepare_button.hide()

    def _show_keyring_note(self) -> None:
        problem = config.keyring_problem()
        if problem:
            self.keyring_note.setText(fill(self.tr("Không lưu được mật khẩu: %1. Để trống nếu máy chủ không cần mật "
                                                   "khẩu cho máy này."), problem))
            self.keyring_note.setStyleSheet("color: #7a4100;")
        else:
            self.keyring_note.setText(fill(self.tr("Mật khẩu được lưu vào keyring của hệ điều hành (%1), không ghi "
                                                   "vào tệp."), config.keyring_name()))
            self.keyring_note.setStyleSheet(_MUTED)

    def _on_check_button_clicked(self) -> None:
        answers = self.answers()
        self.fields.clear()
        self.bar.hide()
        self.check_button.setEnabled(False)
        self.connection_status.show_busy(self.tr("Đang kiểm tra kết nối…"))
        self.worker.submit(lambda: station_setup.check_connection(answers), self._on_checked,
                           self._on_check_failed)

    def _on_checked(self, report: ConnectionReport) -> None:
        self.check_button.setEnabled(True)
        self.prepare_button.setEnabled(True)
        if report.ok:
            self.connection_status.show_ok(text_of(report.message))
        else:
            self.connection_status.show_failed(text_of(report.message))
        self.prepare_button.setVisible(self.embedded.isChecked() and report.problem in EMBEDDED_PREPARABLE)
        self._fit()

    def _on_prepare_button_clicked(self) -> None:
        self.prepare_button.setEnabled(False)
        self.check_button.setEnabled(False)
        self.connection_status.show_busy(self.tr("Đang tạo / nâng cấp cơ sở dữ liệu trên máy này…"))
        self.worker.submit(station_setup.prepare_embedded, self._on_checked, self._on_check_failed)

    def _on_check_failed(self, exc: BaseException) -> None:
        self.check_button.setEnabled(True)
        self.prepare_button.setEnabled(True)
        if isinstance(exc, FormErrors):
            self.fields.show(exc)
            self.connection_status.show_failed(self.tr("Chưa thử được: hãy sửa các ô được đánh dấu đỏ."))
        else:
            self.connection_status.show_note("")
            present_error(exc, self.bar)
        self._fit()

    def _on_save_button_clicked(self) -> None:
        answers, path = self.answers(), self.config_path
        self.fields.clear()
        self.bar.hide()
        self.save_button.setEnabled(False)
        self.worker.submit(lambda: station_setup.apply(answers, path), self._on_saved, self._on_save_failed)

    def _on_saved(self, result: SetupResult) -> None:
        self.saved = result
        self.save_button.setEnabled(True)
        self.accept()

    def _on_save_failed(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        present_error(exc, self.bar, self.fields)
        self._fit()

    def _fit(self) -> None:
        """Grow to show every message that has just appeared (wrapped labels need more height than before)."""
        layout = self.layout()
        if layout is None:
            return
        needed = layout.totalHeightForWidth(self.width()) if layout.hasHeightForWidth() else -1
        needed = max(needed, layout.totalMinimumSize().height())
        if needed > self.height():
            self.resize(self.width(), needed)

    def done(self, result: int) -> None:
        """Closing: stop a keypad test and let pending work finish first."""
        self.devices.stop()
        self.worker.shutdown()
        super().done(result)


def _pair(first: QWidget, label: QLabel, second: QWidget) -> QWidget:
    """Two fields on one row with a caption between them (host, then port)."""
    box = QWidget()
    layout = QHBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(first, 1)
    layout.addWidget(label)
    layout.addWidget(second)
    return box
