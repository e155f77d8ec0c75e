"""`motcua setup` scripted by flags, as an installer runs it: config written atomically, bad answers refused with
one clear line and nothing written (no config file, no keyring entry, no autostart entry)."""

from __future__ import annotations

import io
import json
import os
import socket
import tomllib
from pathlib import Path

import pytest

from app.main import main
from tests.cli.test_cli import assert_one_clear_line, motcua

FAIL_KEYRING = {"PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}


def _env(tmp_path: Path, **extra: str) -> dict[str, str]:
    return {"XDG_CONFIG_HOME": str(tmp_path / "xdg"), **FAIL_KEYRING, **extra}


def _nothing_written(tmp_path: Path) -> bool:
    return not (tmp_path / "motcua.toml").exists() and not (tmp_path / "xdg").exists()


def test_scripted_counter_on_this_pc_with_autostart(tmp_path: Path) -> None:
    path = tmp_path / "motcua.toml"
    result = motcua("--config", str(path), "setup", "--station", "counter", "--counter", "5", "--embedded",
                    "--keypad", "/dev/ttyUSB1", "--autostart", env=_env(tmp_path))
    assert result.returncode == 0, result.stderr
    assert f"Đã lưu cấu hình máy trạm: {path}" in result.stdout
    assert tomllib.loads(path.read_text(encoding="utf-8")) == {
        "station": "counter", "counter_number": 5, "keypad_url": "/dev/ttyUSB1", "keypad_protocol": "ascii"}
    entry = tmp_path / "xdg" / "autostart" / "motcua-counter.desktop"
    exec_line = next(line for line in entry.read_text(encoding="utf-8").splitlines() if line.startswith("Exec="))
    assert exec_line.endswith(f"--config {path} station")
    assert [p.name for p in tmp_path.iterdir() if p.is_file()] == ["motcua.toml"]


def test_scripted_kiosk_on_a_server_json(tmp_path: Path) -> None:
    path = tmp_path / "motcua.toml"
    result = motcua("--config", str(path), "--json", "setup", "--station", "kiosk", "--server-host", "10.0.0.2",
                    "--user", "motcua_kiosk", "--printer", "10.0.0.5", "--no-autostart", env=_env(tmp_path))
    assert result.returncode == 0, result.stderr
    out = json.loads(result.stdout)
    assert out["database_url"] == "postgresql+psycopg://motcua_kiosk@10.0.0.2:5432/motcua"
    assert tomllib.loads(path.read_text(encoding="utf-8"))["printer_url"] == "socket://10.0.0.5:9100"
    assert out["password"].startswith("Mật khẩu: không lưu")


@pytest.mark.parametrize(("args", "words"), [
    (["--station", "counter", "--embedded"], ["--counter", "số quầy"]),
    (["--station", "kiosk", "--server-host", "10.0.0.2", "--server-port", "99999", "--user", "k"],
     ["--server-port", "65535"]),
    (["--station", "display", "--server-host", "may chu", "--user", "d"], ["--server-host", "không hợp lệ"]),
    (["--station", "display", "--embedded", "--printer", "/dev/ttyUSB0"], ["--printer", "kiosk"]),
    (["--station", "counter", "--counter", "2", "--embedded", "--keypad", "ban phim"], ["--keypad"]),
])
def test_bad_answers_exit_1_and_write_nothing(tmp_path: Path, args: list[str], words: list[str]) -> None:
    result = motcua("--config", str(tmp_path / "motcua.toml"), "setup", *args, "--autostart", env=_env(tmp_path))
    assert_one_clear_line(result, 1, *words)
    assert _nothing_written(tmp_path)


@pytest.mark.parametrize(("args", "words"), [
    (["--station", "king", "--embedded"], ["--station"]),
    (["--station", "kiosk"], ["--embedded", "--server-host"]),
    (["--station", "kiosk", "--embedded", "--user", "x"], ["--server-host"]),
    (["--embedded", "--server-host", "10.0.0.2"], ["--server-host"]),
    ([], ["--station"]),
])
def test_usage_errors_exit_2_and_write_nothing(tmp_path: Path, args: list[str], words: list[str]) -> None:
    result = motcua("--config", str(tmp_path / "motcua.toml"), "setup", *args, env=_env(tmp_path))
    assert_one_clear_line(result, 2, *words)
    assert _nothing_written(tmp_path)


def test_a_password_without_a_usable_keyring_is_refused_not_claimed_saved(tmp_path: Path) -> None:
    result = motcua("--config", str(tmp_path / "motcua.toml"), "setup", "--station", "supervisor", "--server-host",
                    "10.0.0.2", "--user", "motcua_supervisor", "--password-stdin", "--autostart",
                    stdin="mat-khau\n", env=_env(tmp_path))
    assert_one_clear_line(result, 1, "--password-stdin", "keyring")
    assert _nothing_written(tmp_path)


def test_the_password_from_stdin_goes_to_the_keyring(tmp_path: Path, memory_keyring,  # type: ignore[no-untyped-def]
                                                     monkeypatch: pytest.MonkeyPatch,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("mat khau có dấu cách\n"))
    path = tmp_path / "motcua.toml"
    assert main(["--config", str(path), "setup", "--station", "admin", "--server-host", "10.0.0.2", "--server-port",
                 "5433", "--database", "trungtam", "--user", "motcua_admin", "--password-stdin"]) == 0
    assert memory_keyring.secrets == {("motcua", "motcua_admin@10.0.0.2:5433/trungtam"): "mat khau có dấu cách"}
    assert "mat khau" not in path.read_text(encoding="utf-8")
    assert "đã lưu vào keyring" in capsys.readouterr().out


def test_check_refuses_a_server_that_cannot_be_used(tmp_path: Path) -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    result = motcua("--config", str(tmp_path / "motcua.toml"), "setup", "--station", "display", "--server-host",
                    "127.0.0.1", "--server-port", str(port), "--user", "motcua_display", "--check",
                    env=_env(tmp_path))
    assert_one_clear_line(result, 3, "từ chối kết nối", "Chưa ghi gì")
    assert _nothing_written(tmp_path)


def test_check_passes_on_a_migrated_database(tmp_path: Path, postgres_available: None,  # type: ignore[no-untyped-def]
                                             store_factories) -> None:
    from sqlalchemy.engine import make_url

    u = make_url(store_factories["postgresql"].url("migrated"))
    result = motcua("--config", str(tmp_path / "motcua.toml"), "setup", "--station", "display", "--server-host",
                    str(u.host), "--server-port", str(u.port or 5432), "--database", str(u.database), "--user",
                    str(u.username), "--check", env=_env(tmp_path))
    assert result.returncode == 0, result.stderr
    assert tomllib.loads((tmp_path / "motcua.toml").read_text(encoding="utf-8"))["station"] == "display"


def test_an_unconfigured_station_without_a_screen_says_how_to_set_it_up(tmp_path: Path) -> None:
    env = {name: "" for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env["MOTCUA_CONFIG_DIR"] = str(tmp_path)  # no motcua.toml there: an unconfigured PC
    result = motcua("counter", env=env)
    assert_one_clear_line(result, 2, "chưa được cài đặt", "motcua setup")
    assert not (tmp_path / "motcua.toml").exists()


def test_setup_replaces_a_broken_config(tmp_path: Path) -> None:
    path = tmp_path / "motcua.toml"
    path.write_text('station = "quầy"\ncounter_number = \n', encoding="utf-8")
    assert_one_clear_line(motcua("--config", str(path), "devices", "list", env=_env(tmp_path)), 1,
                          "tệp cấu hình")
    result = motcua("--config", str(path), "setup", "--station", "display", "--embedded", env=_env(tmp_path))
    assert result.returncode == 0, result.stderr
    assert tomllib.loads(path.read_text(encoding="utf-8")) == {"station": "display"}


def test_the_windowed_launcher_without_arguments_opens_the_station(tmp_path: Path) -> None:
    """The bundle's motcua-station (a shortcut, the autostart entry) runs `motcua station`: on an unconfigured PC
    with no screen that is the first-run message, not the help text."""
    import subprocess
    import sys

    launcher = tmp_path / "motcua-station"
    launcher.write_text("from app.main import main\nraise SystemExit(main())\n", encoding="utf-8")
    env = {**os.environ, "MOTCUA_CONFIG_DIR": str(tmp_path / "config"), "DISPLAY": "", "WAYLAND_DISPLAY": "",
           "QT_QPA_PLATFORM": ""}
    result = subprocess.run([sys.executable, str(launcher)], capture_output=True, text=True, timeout=120, env=env)
    assert_one_clear_line(result, 2, "chưa được cài đặt")
    assert not (tmp_path / "config").exists()
