"""`motcua support bundle`: logs, crash reports, config without secrets, versions and `db check`, on both backends."""

from __future__ import annotations

import json
import sys
import threading
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy.engine import make_url

from app import logs
from app.main import main

SECRET = "Hunter2-secret"
CCCD = "001203004567"


@pytest.fixture()
def machine(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """This test's own data and config folders; the process's logging and hooks are put back afterwards."""
    saved = sys.excepthook, threading.excepthook
    monkeypatch.setenv("MOTCUA_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("MOTCUA_CONFIG_DIR", str(tmp_path / "config"))
    logs.shutdown()
    yield tmp_path
    logs.shutdown()
    sys.excepthook, threading.excepthook = saved


def _with_password(url: str) -> str:
    """The URL with a password in it (the test server trusts every local connection, so it still connects)."""
    u = make_url(url)
    return u.set(password=SECRET).render_as_string(hide_password=False) if u.drivername.startswith("postgresql") \
        else url


def _read(bundle: Path) -> dict[str, str]:
    with zipfile.ZipFile(bundle) as zf:
        return {name: zf.read(name).decode("utf-8") for name in zf.namelist()}


def test_the_bundle_has_logs_versions_and_db_check_and_no_secret(
        machine: Path, store_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    url = _with_password(store_url)
    # something to find in the log: a refused reception whose input carries an ID number
    assert main(["--db", url, "dossier", "receive", "--procedure", "NOPE", "--name", "Nguyễn Văn A",
                 "--id-number", CCCD, "--phone", "0912345678"]) != 0
    crash = machine / "data" / "logs" / "crash-20261206-101010.txt"
    crash.write_text(f"Traceback …\nValueError: CCCD {CCCD}\n", encoding="utf-8")  # an older report, unmasked
    out = machine / "support.zip"
    capsys.readouterr()
    assert main(["--db", url, "--json", "support", "bundle", "--out", str(out)]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert printed["database"]["ok"] is True and printed["database"]["error"] is None

    files = _read(out)
    assert {"README.txt", "summary.json", "versions.txt", "db-check.txt", "logs/cli.log",
            "logs/crash-20261206-101010.txt"} <= set(files)
    everything = "\n".join(files.values())
    assert SECRET not in everything and CCCD not in everything and "0912345678" not in everything
    assert "motcua dossier receive" in files["logs/cli.log"] and "NOPE" in files["logs/cli.log"]
    assert "ValueError: CCCD 0012******67" in files["logs/crash-20261206-101010.txt"]
    summary = json.loads(files["summary.json"])
    assert summary["versions"]["motcua"] and summary["versions"]["SQLAlchemy"] != "—"
    assert summary["versions"]["psycopg"] != "—" and summary["versions"]["Qt"][:2] == "6."
    assert summary["database"]["current"] == summary["database"]["head"] and summary["database"]["ok"]
    assert "đúng bản mới nhất" in files["db-check.txt"]
    if "postgresql" in url:
        assert "***" in summary["database"]["url"]


def test_the_bundle_reports_an_unreachable_store_and_a_broken_config(
        machine: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config_file = machine / "config" / "motcua.toml"
    config_file.parent.mkdir(parents=True)
    config_file.write_text(f'database_url = "postgresql+psycopg://motcua:{SECRET}@127.0.0.1:1/motcua"\n'
                           f'station = "counter"\n', encoding="utf-8")
    out = machine / "support.zip"
    assert main(["support", "bundle", "--out", str(out)]) == 0  # a config the stations refuse: still a bundle
    text = capsys.readouterr().out
    assert "Tệp cấu hình có lỗi" in text and SECRET not in text

    files = _read(out)
    everything = "\n".join(files.values())
    assert SECRET not in everything
    assert 'database_url = "postgresql+psycopg://motcua:***@127.0.0.1:1/motcua"' in files["config/motcua.toml"]
    assert "không có tệp cơ sở dữ liệu" in files["db-check.txt"]  # the defaults: an embedded store never made
    assert not (machine / "data" / "motcua.sqlite3").exists()  # and looking did not make one
    assert json.loads(files["summary.json"])["config_error"]

    unreachable = "postgresql+psycopg://motcua@127.0.0.1:1/motcua"
    assert main(["--db", unreachable, "support", "bundle", "--out", str(out)]) == 0
    files = _read(out)
    assert files["db-check.txt"].startswith("Không kiểm tra được cơ sở dữ liệu postgresql+psycopg://motcua@127.0.0.1:1")
    assert json.loads(files["summary.json"])["database"]["ok"] is False
