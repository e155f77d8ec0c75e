"""The set-up window as a person uses it: fill it in, test the connection (fails with a plain message, then
passes), test the printer and the keypad on real ptys, save; bad answers are shown at their fields."""

from __future__ import annotations

import socket
import tomllib
from collections.abc import Callable, Iterator
from pathlib import Path

import keyring
import pytest
from keyring.backends import fail
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget
from sqlalchemy.engine import make_url

from app.devices.keypad_sim import KeypadSimulator
from app.devices.simulators import PrinterSimulator
from app.services.station_setup import SetupAnswers
from app.ui.setup.window import SetupWindow
from tests.ui.conftest import WAIT_MS


@pytest.fixture()
def make_window(qtbot, tmp_path: Path) -> Iterator:  # type: ignore[no-untyped-def]
    """make(answers): the set-up window for tmp_path/motcua.toml, shown."""
    made: list[SetupWindow] = []

    def make(answers: SetupAnswers | None = None) -> SetupWindow:
        window = SetupWindow(answers, tmp_path / "motcua.toml")
        qtbot.addWidget(window)
        window.resize(1040, 680)
        window.show()
        made.append(window)
        return window

    yield make
    for window in made:
        window.devices.stop()
        window.worker.shutdown()


def _idle(qtbot, window: SetupWindow) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: not window.worker.busy, timeout=WAIT_MS)


def _when_set_up_shows(then: Callable[[SetupWindow], None]) -> None:
    """Once the set-up window is up as the modal dialog (main() is blocked in it), call `then` with it."""
    dialog = QApplication.activeModalWidget()
    if isinstance(dialog, SetupWindow) and dialog.isVisible():
        then(dialog)
    else:
        QTimer.singleShot(50, lambda: _when_set_up_shows(then))


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _server(window: SetupWindow, url: str) -> None:
    u = make_url(url)
    window.server.setChecked(True)
    window.host.setText(str(u.host))
    window.port.setText(str(u.port or 5432))
    window.database.setText(str(u.database))
    window.user.setText(str(u.username))


def test_connection_test_fails_plainly_then_passes(qtbot, make_window, postgres_available: None,  # type: ignore[no-untyped-def]
                                                   store_factories) -> None:
    window = make_window(SetupAnswers(station="display"))
    good = store_factories["postgresql"].url("migrated")
    _server(window, good)
    window.port.setText(str(_free_port()))
    window.check_button.click()
    assert window.connection_status.state == "busy" and not window.check_button.isEnabled()
    _idle(qtbot, window)
    assert window.connection_status.state == "failed"
    assert "từ chối kết nối" in window.connection_status.text()
    _server(window, good)
    window.check_button.click()
    _idle(qtbot, window)
    assert window.connection_status.state == "ok", window.connection_status.text()
    assert "lược đồ ở bản mới nhất" in window.connection_status.text()


def test_connection_test_of_a_missing_database(qtbot, make_window, postgres_available: None,  # type: ignore[no-untyped-def]
                                               store_factories) -> None:
    window = make_window()
    _server(window, store_factories["postgresql"].url("migrated"))
    window.database.setText("motcua_khong_co")
    window.check_button.click()
    _idle(qtbot, window)
    assert window.connection_status.state == "failed"
    assert "không có cơ sở dữ liệu «motcua_khong_co»" in window.connection_status.text()


def test_connection_test_with_answers_missing_shows_them_at_the_fields(qtbot, make_window) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    window.server.setChecked(True)
    window.host.setText("")
    window.port.setText("cổng")
    window.check_button.click()
    _idle(qtbot, window)
    assert window.fields.message("host").startswith("Nhập địa chỉ máy chủ")
    assert "1 đến 65535" in window.fields.message("port")
    assert window.connection_status.state == "failed"


def test_the_user_follows_the_station_and_a_missing_ca_file_is_named(qtbot, make_window,  # type: ignore[no-untyped-def]
                                                                     tmp_path: Path) -> None:
    window = make_window(SetupAnswers(station="counter", counter_number=3, store="server", host="10.0.0.2"))
    assert window.user.text() == "motcua_counter"  # the role `motcua db roles` made for a counter
    window.station.setCurrentIndex(window.station.findData("kiosk"))
    assert window.user.text() == "motcua_kiosk"
    window.user.setText("rieng")
    window.station.setCurrentIndex(window.station.findData("display"))
    assert window.user.text() == "rieng"  # a name typed by hand is kept
    window.ssl_ca.setText(str(tmp_path / "khong-co.crt"))
    window.save_button.click()
    _idle(qtbot, window)
    assert window.fields.message("ssl_ca") == f"Không có tệp chứng chỉ CA «{tmp_path / 'khong-co.crt'}»"
    assert window.saved is None


def test_bad_answers_are_shown_at_their_fields_and_nothing_is_written(qtbot, make_window,  # type: ignore[no-untyped-def]
                                                                      tmp_path: Path) -> None:
    window = make_window(SetupAnswers(station="counter", counter_number=None, autostart=True))
    window.devices.keypad.set_value("bàn phím")
    window.save_button.click()
    _idle(qtbot, window)
    assert window.fields.message("counter_number") == "Nhập số quầy của máy này (1–999)"
    assert window.fields.message("keypad_url").startswith("Cổng bàn phím: «bàn phím» không phải cổng hợp lệ")
    assert window.bar.current_text() == "Chưa lưu: hãy sửa các ô được đánh dấu đỏ."
    assert window.saved is None and window.isVisible()
    assert list(tmp_path.iterdir()) == []


def test_in_english_the_set_up_shows_the_services_messages_in_english(qtbot, make_window, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    from app.ui import i18n

    monkeypatch.setenv("MOTCUA_DATA_DIR", str(tmp_path / "data"))
    i18n.use("en")
    try:
        window = make_window(SetupAnswers(station="counter", counter_number=None))
        assert window.station.itemText(window.station.findData("kiosk")) == "Ticket kiosk"
        window.devices.keypad.set_value("bàn phím")
        window.save_button.click()
        _idle(qtbot, window)
        assert window.fields.message("counter_number") == "Enter this computer's counter number (1–999)"
        assert window.fields.message("keypad_url") == ("Keypad port: «bàn phím» is not a valid port (e.g. "
                                                       "/dev/ttyUSB0, COM4 or socket://10.0.0.6:4001)")
        window.check_button.click()
        _idle(qtbot, window)
        assert window.connection_status.message.startswith("There is no database on this computer yet (")
    finally:
        i18n.use("vi")
    window = make_window(SetupAnswers(station="counter", counter_number=None))
    window.save_button.click()
    _idle(qtbot, window)
    assert window.fields.message("counter_number") == "Nhập số quầy của máy này (1–999)"


def test_save_writes_the_config_and_closes(qtbot, make_window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    window.station.setCurrentIndex(window.station.findData("kiosk"))
    assert window.devices.printer.isEnabled() and not window.devices.keypad.isEnabled()
    assert not window.counter.isEnabled()
    window.devices.printer.set_value("10.0.0.5")
    window.devices.profile.setCurrentIndex(window.devices.profile.findData("58mm"))
    window.embedded.setChecked(True)
    window.save_button.click()
    qtbot.waitUntil(lambda: window.saved is not None, timeout=WAIT_MS)
    assert not window.isVisible()
    assert tomllib.loads((tmp_path / "motcua.toml").read_text(encoding="utf-8")) == {
        "station": "kiosk", "printer_url": "socket://10.0.0.5:9100", "printer_profile": "58mm"}


def test_an_unusable_keyring_is_said_and_a_password_is_refused_at_its_field(qtbot, make_window,  # type: ignore[no-untyped-def]
                                                                            tmp_path: Path) -> None:
    from tests.conftest import MemoryKeyring

    keyring.set_keyring(fail.Keyring())
    try:
        window = make_window(SetupAnswers(station="supervisor", store="server", host="10.0.0.2",
                                          user="motcua_supervisor"))
        assert window.keyring_note.text().startswith("Không lưu được mật khẩu: máy này chưa có keyring")
        window.password.setText("mat-khau")
        window.save_button.click()
        _idle(qtbot, window)
        assert "keyring" in window.fields.message("password")
    finally:
        keyring.set_keyring(MemoryKeyring())
    assert list(tmp_path.iterdir()) == []


def test_test_print_reaches_the_printer(qtbot, make_window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    with PrinterSimulator(tmp_path / "tickets", link=tmp_path / "printer") as sim:
        window = make_window(SetupAnswers(station="kiosk", printer_url=sim.url))
        window.devices.test_print_button.click()
        _idle(qtbot, window)
        assert window.devices.printer_status.state == "ok", window.devices.printer_status.text()
        assert sim.wait_for_tickets(1, 10)


def test_test_print_on_a_missing_port_says_why(qtbot, make_window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window = make_window(SetupAnswers(station="kiosk", printer_url=str(tmp_path / "ttyUSB9")))
    window.devices.test_print_button.click()
    _idle(qtbot, window)
    assert window.devices.printer_status.state == "failed"
    assert "Không tìm thấy máy in" in window.devices.printer_status.text()


def test_keypad_test_shows_the_next_key(qtbot, make_window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    sim = KeypadSimulator(link=tmp_path / "keypad")
    sim.start()
    try:
        window = make_window(SetupAnswers(station="counter", counter_number=2, keypad_url=sim.url))
        window.devices.test_keypad_button.click()
        assert "Hãy bấm một phím" in window.devices.keypad_status.text()
        while window.worker.busy:  # the port opens on the worker (dropping what came before): press until seen
            sim.press("2")
            qtbot.wait(200)
        _idle(qtbot, window)
        assert window.devices.keypad_status.state == "ok"
        assert window.devices.keypad_status.message == "Đã nhận phím «2»"
        window.devices.keypad_timeout_s = 0.3
        window.devices.test_keypad_button.click()
        _idle(qtbot, window)
        assert window.devices.keypad_status.state == "failed"
        assert "Không nhận được phím nào trong 0.3 giây" in window.devices.keypad_status.message
    finally:
        sim.stop()


def test_listed_serial_ports_are_offered(qtbot, make_window) -> None:  # type: ignore[no-untyped-def]
    from app.devices.ports import serial_ports

    window = make_window(SetupAnswers(station="counter", counter_number=1))
    listed = [window.devices.keypad.itemData(i) for i in range(window.devices.keypad.count())]
    assert listed == [p.device for p in serial_ports()]


def test_a_station_started_on_an_unconfigured_pc_opens_the_set_up_first(qtbot, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    from app.main import main

    monkeypatch.setenv("MOTCUA_CONFIG_DIR", str(tmp_path))  # no motcua.toml there: an unconfigured PC

    seen: list[str] = []

    def close_set_up(dialog: SetupWindow) -> None:
        seen.append(type(dialog).__name__)
        dialog.reject()

    _when_set_up_shows(close_set_up)
    assert main(["kiosk", "--windowed"]) == 1
    assert seen == ["SetupWindow"]
    assert not (tmp_path / "motcua.toml").exists()


def test_after_the_set_up_the_chosen_station_opens(qtbot, tmp_path: Path, postgres_available: None,  # type: ignore[no-untyped-def]
                                                   store_factories, monkeypatch: pytest.MonkeyPatch) -> None:
    from app.main import main

    monkeypatch.setenv("MOTCUA_CONFIG_DIR", str(tmp_path))  # no motcua.toml there: an unconfigured PC
    from app.ui.stations.display import DisplayWindow

    url = store_factories["postgresql"].url("demo")
    opened: list[DisplayWindow] = []

    def fill_and_save(dialog: SetupWindow) -> None:
        dialog.station.setCurrentIndex(dialog.station.findData("display"))
        _server(dialog, url)
        dialog.save_button.click()
        QTimer.singleShot(100, wait_for_display)

    def wait_for_display() -> None:
        shown = [w for w in QApplication.topLevelWidgets() if isinstance(w, DisplayWindow) and w.isVisible()]
        if not shown:
            QTimer.singleShot(100, wait_for_display)
            return
        opened.extend(shown)
        QApplication.quit()

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    # closing the last window would post a quit that stops every later event loop of this test process
    app.setQuitOnLastWindowClosed(False)
    try:
        _when_set_up_shows(fill_and_save)
        assert main(["counter", "--windowed"]) == 0
        assert opened
        for window in opened:
            window.close()
    finally:
        app.setQuitOnLastWindowClosed(True)
    assert tomllib.loads((tmp_path / "motcua.toml").read_text(encoding="utf-8"))["station"] == "display"


def test_the_embedded_store_can_be_made_from_the_window(qtbot, make_window, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MOTCUA_DATA_DIR", str(tmp_path / "data"))
    window = make_window(SetupAnswers(station="kiosk", store="embedded"))
    assert not window.prepare_button.isVisible()
    window.check_button.click()
    _idle(qtbot, window)
    assert window.connection_status.state == "failed"
    assert window.connection_status.message.startswith("Chưa có cơ sở dữ liệu trên máy này")
    assert window.prepare_button.isVisible()
    window.prepare_button.click()
    _idle(qtbot, window)
    assert window.connection_status.state == "ok", window.connection_status.message
    assert not window.prepare_button.isVisible()
    assert (tmp_path / "data" / "motcua.sqlite3").exists()


@pytest.mark.parametrize(("station", "window_class"), [("kiosk", "KioskWindow"), ("rating", "RatingWindow"),
                                                       ("display", "DisplayWindow")])
def test_motcua_station_opens_what_the_config_names(qtbot, tmp_path: Path, postgres_available: None,  # type: ignore[no-untyped-def]
                                                     store_factories, station: str, window_class: str) -> None:
    from app.main import main

    path = tmp_path / "motcua.toml"
    path.write_text(f'station = "{station}"\ncounter_number = 1\n'
                    f'database_url = "{store_factories["postgresql"].url("demo")}"\n', encoding="utf-8")
    opened: list[QWidget] = []

    def wait_for_station() -> None:
        shown = [w for w in QApplication.topLevelWidgets() if type(w).__name__ == window_class and w.isVisible()]
        if not shown:
            QTimer.singleShot(100, wait_for_station)
            return
        opened.extend(shown)
        QApplication.quit()

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    app.setQuitOnLastWindowClosed(False)  # see test_after_the_set_up_the_chosen_station_opens
    try:
        QTimer.singleShot(100, wait_for_station)
        assert main(["--config", str(path), "station", "--windowed"]) == 0
        assert opened
        for window in opened:
            window.close()
    finally:
        app.setQuitOnLastWindowClosed(True)
