"""Settings declared once: machine TOML saved atomically, centre settings in the store, passwords only in the
keyring."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from app import config
from app.config import ConfigError
from app.domain.errors import PermissionDenied
from app.services import settings
from app.services.context import Actor, Context


def test_every_setting_has_a_vietnamese_label_and_valid_default() -> None:
    assert len({s.key for s in config.SETTINGS}) == len(config.SETTINGS)
    for s in config.SETTINGS:
        assert s.label and s.scope in ("machine", "centre")
        assert s.coerce(s.default) == s.default


def test_machine_config_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "cfg" / "motcua.toml"
    cfg = config.load_machine_config(path)
    assert cfg.get("printer_profile") == "80mm"
    cfg.set("counter_number", "5")
    cfg.set("printer_url", "/dev/ttyUSB0")
    config.save_machine_config(cfg)
    assert [p.name for p in path.parent.iterdir()] == ["motcua.toml"]  # no temp file left behind
    again = config.load_machine_config(path)
    assert again.get("counter_number") == 5 and again.get("printer_url") == "/dev/ttyUSB0"
    with pytest.raises(ConfigError, match="Khổ giấy"):
        again.set("printer_profile", "110mm")
    with pytest.raises(ConfigError, match="trung tâm"):
        again.get("centre_name")


def test_broken_config_file_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "motcua.toml"
    path.write_text("counter_number = [", encoding="utf-8")
    with pytest.raises(ConfigError, match="Không đọc được"):
        config.load_machine_config(path)
    path.write_text('counter_number = "năm"', encoding="utf-8")
    with pytest.raises(ConfigError, match="Số quầy"):
        config.load_machine_config(path)


def test_a_config_file_named_but_missing_is_an_error_not_the_defaults(tmp_path: Path) -> None:
    typo = tmp_path / "motcau.toml"
    with pytest.raises(config.ConfigFileMissing, match="motcau.toml"):
        config.load_machine_config(typo, must_exist=True)
    with pytest.raises(config.ConfigFileMissing, match="không phải là một tệp"):
        config.load_machine_config(tmp_path, must_exist=True)
    assert config.load_machine_config(typo).get("database_url") == ""  # the default file may be absent


@pytest.mark.parametrize("command", [["ticket", "issue", "--service", "DD"], ["user", "list"], ["db", "check"]])
def test_cli_with_a_missing_config_file_exits_2_and_opens_no_store(tmp_path: Path, command: list[str]) -> None:
    data = tmp_path / "data"
    typo = tmp_path / "tram-3" / "motcau.toml"
    env = {**os.environ, "MOTCUA_DATA_DIR": str(data), "MOTCUA_CONFIG_DIR": str(tmp_path / "config")}
    result = subprocess.run([sys.executable, "-m", "app", "--config", str(typo), *command], capture_output=True,
                            text=True, timeout=60, env=env)
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("motcua: lỗi: Không có tệp cấu hình") and str(typo) in lines[0]
    assert not list(data.rglob("*.sqlite3*"))  # the embedded store was never opened or created (only the log)


def test_password_never_goes_into_the_file(tmp_path: Path) -> None:
    cfg = config.load_machine_config(tmp_path / "motcua.toml")
    with pytest.raises(ConfigError, match="keyring"):
        cfg.set("database_url", "postgresql+psycopg://motcua:secret@db.local/motcua")
    cfg.set("database_url", "postgresql+psycopg://motcua@db.local/motcua")
    config.save_machine_config(cfg)
    assert "secret" not in (tmp_path / "motcua.toml").read_text(encoding="utf-8")


def test_url_precedence(tmp_path: Path) -> None:
    cfg = config.MachineConfig({"database_url": "sqlite:///from-file.sqlite3"})
    env = {"MOTCUA_DATABASE_URL": "sqlite:///from-env.sqlite3", "MOTCUA_DATA_DIR": str(tmp_path)}
    assert config.resolve_database_url("sqlite:///cli.sqlite3", cfg, env) == "sqlite:///cli.sqlite3"
    assert config.resolve_database_url(None, cfg, env) == "sqlite:///from-env.sqlite3"
    assert config.resolve_database_url(None, cfg, {"MOTCUA_DATA_DIR": str(tmp_path)}) == "sqlite:///from-file.sqlite3"
    assert config.resolve_database_url(None, None, {"MOTCUA_DATA_DIR": str(tmp_path)}) == \
        f"sqlite:///{tmp_path / 'motcua.sqlite3'}"


def test_postgres_password_comes_from_keyring(memory_keyring) -> None:  # type: ignore[no-untyped-def]
    url = "postgresql+psycopg://motcua@10.0.0.2:5432/centre"
    assert config.with_password(url, interactive=False) == url  # nothing stored: left to the server
    config.store_password(url, "p@ss:word")
    assert memory_keyring.secrets == {("motcua", "motcua@10.0.0.2:5432/centre"): "p@ss:word"}
    full = config.with_password(url, interactive=False)
    from sqlalchemy.engine import make_url

    assert make_url(full).password == "p@ss:word"
    assert "p@ss" not in config.safe_url(full)


def test_centre_settings_in_the_store(ctx: Context) -> None:
    assert settings.get_centre_settings(ctx)["rating_scale"] == 3
    settings.set_centre_settings(ctx, Actor.maintenance(ctx), {"rating_scale": "5", "centre_name": "TTPVHCC Lai Châu"})
    got = settings.get_centre_settings(ctx)
    assert got["rating_scale"] == 5 and got["centre_name"] == "TTPVHCC Lai Châu"
    with pytest.raises(ConfigError):
        settings.set_centre_settings(ctx, Actor.maintenance(ctx), {"rating_scale": 7, "centre_name": "X"})
    assert settings.get_centre_settings(ctx)["centre_name"] == "TTPVHCC Lai Châu"  # nothing half saved
    from app.services import accounts

    accounts.add_user(ctx, Actor.maintenance(ctx), "cb", "Cán bộ", "officer", "mat-khau-cb")
    officer = accounts.sign_in(ctx, "cb", "mat-khau-cb")
    with pytest.raises(PermissionDenied):
        settings.set_centre_settings(ctx, officer, {"rating_scale": 4})
