"""The set-up's answers, checks and writes: config atomically, password in the keyring, autostart entry; a refused
or failing set-up leaves nothing behind."""

from __future__ import annotations

import tomllib
from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import fail
from keyring.errors import PasswordSetError

from app import config
from app.domain.errors import FormErrors
from app.services import autostart, station_setup
from app.services.station_setup import SetupAnswers, apply, check_answers, normalise_port

COMMAND = ["/opt/motcua/motcua", "--config", "/home/lan/.config/motcua/motcua.toml", "station"]


def _server(**changes: object) -> SetupAnswers:
    values: dict[str, object] = dict(station="counter", counter_number=5, store="server", host="10.0.0.2",
                                     port="5432", database="motcua", user="motcua_counter", password="mat-khau")
    values.update(changes)
    return SetupAnswers(**values)  # type: ignore[arg-type]


def _linux(tmp_path: Path) -> dict[str, str]:
    return {"XDG_CONFIG_HOME": str(tmp_path / "xdg"), "HOME": str(tmp_path / "home")}


def _fields(exc: pytest.ExceptionInfo[FormErrors]) -> dict[str, str]:
    return exc.value.by_field()


def test_every_wrong_answer_is_named_at_its_field_at_once() -> None:
    answers = SetupAnswers(station="counter", counter_number=None, store="server", host="10.0.0 .2", port="99999",
                           database="mốt cửa", user="", printer_url="/dev/ttyUSB0", keypad_url="máy in",
                           keypad_protocol="framed", keypad_address=300)
    with pytest.raises(FormErrors) as exc:
        check_answers(answers)
    fields = _fields(exc)
    assert set(fields) == {"counter_number", "host", "port", "database", "user", "printer_url", "keypad_url",
                           "keypad_address"}
    assert fields["counter_number"] == "Nhập số quầy của máy này (1–999)"
    assert "«10.0.0 .2» không hợp lệ" in fields["host"]
    assert "1 đến 65535" in fields["port"]
    assert fields["printer_url"].startswith("Chỉ máy lấy số (kiosk)")
    assert "0–255" in fields["keypad_address"]


def test_answers_are_cleaned() -> None:
    clean = check_answers(_server(host=" 10.0.0.2 ", port=" 5433", station="kiosk", counter_number=7,
                                  printer_url="10.0.0.5"))
    assert (clean.host, clean.port, clean.counter_number, clean.printer_url) == \
        ("10.0.0.2", 5433, None, "socket://10.0.0.5:9100")
    assert clean.database_url() == "postgresql+psycopg://motcua_counter@10.0.0.2:5433/motcua"


@pytest.mark.parametrize(("text", "default", "url"), [
    ("/dev/ttyUSB0", 9100, "/dev/ttyUSB0"), ("com3", 9100, "COM3"), (r"\\.\COM12", None, "COM12"),
    ("10.0.0.5", 9100, "socket://10.0.0.5:9100"), ("may-in.local:9101", 9100, "socket://may-in.local:9101"),
    ("socket://10.0.0.6:4001", None, "socket://10.0.0.6:4001"), ("loop://", None, "loop://"),
])
def test_ports_accepted(text: str, default: int | None, url: str) -> None:
    assert normalise_port(text, default) == (url, None)


@pytest.mark.parametrize(("text", "default"), [("máy in", 9100), ("10.0.0.5", None), ("socket://x:0", 9100),
                                               ("ttyUSB0", 9100), ("10.0.0.5:70000", 9100)])
def test_ports_refused(text: str, default: int | None) -> None:
    url, problem = normalise_port(text, default)
    assert problem is not None and f"«{text}»" in problem


def test_embedded_counter_writes_the_config_atomically(tmp_path: Path) -> None:
    path = tmp_path / "config" / "motcua.toml"
    result = apply(SetupAnswers(station="counter", counter_number=5, keypad_url="/dev/ttyUSB1"), path,
                   platform="linux", env=_linux(tmp_path), command=COMMAND)
    assert tomllib.loads(path.read_text(encoding="utf-8")) == {
        "station": "counter", "counter_number": 5, "keypad_url": "/dev/ttyUSB1", "keypad_protocol": "ascii"}
    assert [p.name for p in path.parent.iterdir()] == ["motcua.toml"]  # no temp file left behind
    assert result.autostart_path is None and "Máy trạm: Quầy tiếp nhận và trả kết quả — quầy 5" in result.summary()
    assert config.load_machine_config(path).get("station") == "counter"


def test_server_password_goes_to_the_keyring_never_to_the_file(tmp_path: Path, memory_keyring) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "motcua.toml"
    result = apply(_server(port=5433), path, platform="linux", env=_linux(tmp_path), command=COMMAND)
    text = path.read_text(encoding="utf-8")
    assert "mat-khau" not in text
    assert tomllib.loads(text)["database_url"] == "postgresql+psycopg://motcua_counter@10.0.0.2:5433/motcua"
    assert memory_keyring.secrets == {("motcua", "motcua_counter@10.0.0.2:5433/motcua"): "mat-khau"}
    assert any("đã lưu vào keyring" in line for line in result.summary())


def test_an_unusable_keyring_refuses_the_password_and_writes_nothing(tmp_path: Path) -> None:
    keyring.set_keyring(fail.Keyring())
    path = tmp_path / "motcua.toml"
    try:
        with pytest.raises(FormErrors) as exc:
            apply(_server(autostart=True), path, platform="linux", env=_linux(tmp_path), command=COMMAND)
    finally:
        from tests.conftest import MemoryKeyring

        keyring.set_keyring(MemoryKeyring())
    assert _fields(exc)["password"].startswith("Không lưu được mật khẩu: máy này chưa có keyring")
    assert not path.exists() and not (tmp_path / "xdg").exists()


class _RefusingKeyring(KeyringBackend):
    """A keyring that is there but refuses to store (a locked Secret Service collection)."""

    priority = 1  # type: ignore[assignment]

    def get_password(self, service: str, username: str) -> str | None:
        return None

    def set_password(self, service: str, username: str, password: str) -> None:
        raise PasswordSetError("the collection is locked")

    def delete_password(self, service: str, username: str) -> None:
        raise PasswordSetError("the collection is locked")


def test_a_keyring_that_refuses_to_store_leaves_nothing(tmp_path: Path) -> None:
    keyring.set_keyring(_RefusingKeyring())
    path = tmp_path / "motcua.toml"
    try:
        with pytest.raises(FormErrors) as exc:
            apply(_server(autostart=True), path, platform="linux", env=_linux(tmp_path), command=COMMAND)
    finally:
        from tests.conftest import MemoryKeyring

        keyring.set_keyring(MemoryKeyring())
    assert "Không lưu được mật khẩu vào keyring: the collection is locked" == _fields(exc)["password"]
    assert not path.exists() and autostart.existing_entries("linux", _linux(tmp_path)) == []


def test_a_config_that_cannot_be_written_undoes_keyring_and_autostart(tmp_path: Path, memory_keyring) -> None:  # type: ignore[no-untyped-def]
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the config folder should be", encoding="utf-8")
    with pytest.raises(config.ConfigError, match="Không ghi được tệp cấu hình"):
        apply(_server(autostart=True), blocker / "motcua.toml", platform="linux", env=_linux(tmp_path),
              command=COMMAND)
    assert memory_keyring.secrets == {}
    assert autostart.existing_entries("linux", _linux(tmp_path)) == []


def test_a_failed_save_restores_the_password_stored_before(tmp_path: Path, memory_keyring) -> None:  # type: ignore[no-untyped-def]
    account = ("motcua", "motcua_counter@10.0.0.2:5432/motcua")
    memory_keyring.secrets[account] = "mat-khau-cu"
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    with pytest.raises(config.ConfigError):
        apply(_server(password="mat-khau-moi"), blocker / "motcua.toml", platform="linux", env=_linux(tmp_path),
              command=COMMAND)
    assert memory_keyring.secrets == {account: "mat-khau-cu"}


def test_linux_autostart_entry_then_another_station_then_none(tmp_path: Path) -> None:
    path, env = tmp_path / "motcua.toml", _linux(tmp_path)
    first = apply(SetupAnswers(station="kiosk", autostart=True), path, platform="linux", env=env,
                  command=["/opt/motcua app/motcua", "--config", "/home/lan/cấu hình/motcua.toml", "station"])
    entry = tmp_path / "xdg" / "autostart" / "motcua-kiosk.desktop"
    assert first.autostart_path == entry
    lines = entry.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "[Desktop Entry]" and "Type=Application" in lines
    assert 'Exec="/opt/motcua app/motcua" --config "/home/lan/cấu hình/motcua.toml" station' in lines
    second = apply(SetupAnswers(station="display", autostart=True), path, platform="linux", env=env, command=COMMAND)
    assert autostart.existing_entries("linux", env) == [tmp_path / "xdg" / "autostart" / "motcua-display.desktop"]
    assert second.removed_autostart == [entry]
    third = apply(SetupAnswers(station="display", autostart=False), path, platform="linux", env=env, command=COMMAND)
    assert autostart.existing_entries("linux", env) == [] and third.autostart_path is None


def test_xdg_default_is_dot_config_in_home(tmp_path: Path) -> None:
    assert autostart.autostart_dir("linux", {"HOME": str(tmp_path)}) == tmp_path / ".config" / "autostart"


def test_windows_startup_folder_entry(tmp_path: Path) -> None:
    env = {"APPDATA": str(tmp_path / "Roaming")}
    command = [r"C:\Program Files\motcua\motcua-station.exe", "--config",
               r"C:\Users\Lan\AppData\Roaming\motcua\motcua.toml", "station"]
    result = apply(SetupAnswers(station="counter", counter_number=3, autostart=True), tmp_path / "motcua.toml",
                   platform="win32", env=env, command=command)
    entry = tmp_path / "Roaming" / "Microsoft" / "Windows" / "Start Menu" / "Programs" / "Startup" / \
        "motcua-counter.cmd"
    assert result.autostart_path == entry
    content = entry.read_bytes().decode("utf-8")
    assert content.split("\r\n") == [
        "@echo off", "chcp 65001 >nul", "rem motcua — Quầy tiếp nhận và trả kết quả 3 (tạo bởi motcua setup)",
        r'start "" "C:\Program Files\motcua\motcua-station.exe" --config '
        r"C:\Users\Lan\AppData\Roaming\motcua\motcua.toml station", ""]
    apply(SetupAnswers(station="counter", counter_number=3, autostart=False), tmp_path / "motcua.toml",
          platform="win32", env=env, command=command)
    assert not entry.exists()


def test_windows_without_appdata_is_said_at_the_field(tmp_path: Path) -> None:
    with pytest.raises(FormErrors) as exc:
        apply(SetupAnswers(station="kiosk", autostart=True), tmp_path / "motcua.toml", platform="win32", env={},
              command=COMMAND)
    assert "APPDATA" in _fields(exc)["autostart"] and not (tmp_path / "motcua.toml").exists()


def test_the_station_command_runs_this_installation_with_this_config(tmp_path: Path) -> None:
    command = station_setup.station_command(tmp_path / "motcua.toml", "linux")
    assert command[-3:] == ["--config", str(tmp_path / "motcua.toml"), "station"]
    assert Path(command[0]).exists()


def test_rerunning_keeps_other_settings_and_drops_what_no_longer_applies(tmp_path: Path) -> None:
    path = tmp_path / "motcua.toml"
    path.write_text('station = "counter"\ncounter_number = 2\nkeypad_url = "/dev/ttyUSB1"\nkeypad_keys = "1,2,3"\n'
                    'ui_language = "en"\n', encoding="utf-8")
    before = station_setup.answers_from_config(config.load_machine_config(path))
    assert (before.station, before.counter_number, before.keypad_url) == ("counter", 2, "/dev/ttyUSB1")
    apply(SetupAnswers(station="kiosk", printer_url="COM3", printer_profile="58mm"), path, platform="linux",
          env=_linux(tmp_path), command=COMMAND)
    assert tomllib.loads(path.read_text(encoding="utf-8")) == {
        "station": "kiosk", "printer_url": "COM3", "printer_profile": "58mm", "ui_language": "en"}


def test_server_answers_read_back_from_the_config(tmp_path: Path) -> None:
    cfg = config.MachineConfig({}, tmp_path / "motcua.toml")
    cfg.set("station", "rating")
    cfg.set("counter_number", 4)
    cfg.set("database_url", "postgresql+psycopg://motcua_rating@10.0.0.2:5433/trungtam")
    answers = station_setup.answers_from_config(cfg)
    assert (answers.station, answers.counter_number, answers.store, answers.host, answers.port, answers.database,
            answers.user) == ("rating", 4, "server", "10.0.0.2", 5433, "trungtam", "motcua_rating")


def test_the_embedded_store_is_created_at_head_on_request(tmp_path: Path) -> None:
    env = {"MOTCUA_DATA_DIR": str(tmp_path / "data")}
    before = station_setup.check_connection(SetupAnswers(store="embedded"), env)
    assert before.problem in station_setup.EMBEDDED_PREPARABLE and not (tmp_path / "data").exists()
    after = station_setup.prepare_embedded(env)
    assert after.ok and (tmp_path / "data" / "motcua.sqlite3").exists()
    assert station_setup.check_connection(SetupAnswers(store="embedded"), env).ok


def _ca_file(tmp_path: Path) -> Path:
    """A real self-signed CA certificate (openssl), as a centre would hand to its stations."""
    import subprocess

    ca = tmp_path / "trung-tam-ca.crt"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj",
                    "/CN=motcua test CA", "-keyout", str(tmp_path / "ca.key"), "-out", str(ca)],
                   check=True, capture_output=True)
    return ca


def test_a_ca_file_makes_the_station_connect_with_verify_full(tmp_path: Path) -> None:
    with pytest.raises(FormErrors) as exc:
        check_answers(_server(ssl_ca=str(tmp_path / "khong-co.crt")))
    assert _fields(exc) == {"ssl_ca": f"Không có tệp chứng chỉ CA «{tmp_path / 'khong-co.crt'}»"}
    ca = _ca_file(tmp_path)
    clean = check_answers(_server(ssl_ca=f" {ca} "))
    url = clean.database_url()
    from sqlalchemy.engine import make_url

    assert url.startswith("postgresql+psycopg://motcua_counter@10.0.0.2:5432/motcua?")
    assert dict(make_url(url).query) == {"sslmode": "verify-full", "sslrootcert": str(ca)}
    again = station_setup.answers_from_config(config.MachineConfig({"database_url": url}))
    assert again.ssl_ca == str(ca) and again.store == "server"


def test_verify_full_against_a_server_without_tls_is_refused_plainly(tmp_path: Path,
                                                                       postgres_available: None) -> None:
    from sqlalchemy.engine import make_url

    from tests.conftest import PG_ADMIN_URL
    from app.services.connection_check import Problem

    u = make_url(PG_ADMIN_URL)
    report = station_setup.check_connection(_server(host=str(u.host), port=str(u.port or 5432),
                                                    database=str(u.database), user=str(u.username), password="",
                                                    ssl_ca=str(_ca_file(tmp_path))))
    assert not report.ok and report.problem == Problem.TLS  # the test server has TLS off
    assert "Không lập được kết nối mã hóa (TLS)" in report.message
