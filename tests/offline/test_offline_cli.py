"""`motcua ticket issue`, `dossier receive` and `sync status|now` on a station of a central PostgreSQL that the test
stops and starts (real processes, a throwaway server)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import select

from app.store.engine import Store
from app.store.models import Dossier, Ticket
from bench.throwaway_pg import ThrowawayPostgres

pytestmark = pytest.mark.postgres


def station_config(folder: Path, url: str, kind: str, counter: int = 0) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "motcua.toml"
    path.write_text(f'database_url = "{url}"\nstation = "{kind}"\ncounter_number = {counter}\n', encoding="utf-8")
    return path


def motcua(config: Path, *args: str, password: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "MOTCUA_DATA_DIR": str(config.parent / "data")}
    return subprocess.run([sys.executable, "-m", "app", "--config", str(config), *args], capture_output=True,
                          text=True, env=env, timeout=60, input=f"{password}\n" if password else "")


APPLICANT = ("--procedure", "DEMO.SXD.004", "--name", "Nguyễn Văn An", "--id-number", "001085012345", "--phone",
             "0912345678", "--address", "12 Lê Lợi, Hà Nội")


def test_kiosk_and_counter_work_through_an_outage(central_url: str, running_pg: ThrowawayPostgres,
                                                  tmp_path: Path) -> None:
    kiosk = station_config(tmp_path / "kiosk", central_url, "kiosk")
    counter = station_config(tmp_path / "counter", central_url, "counter", 1)
    for cfg in (kiosk, counter):
        done = motcua(cfg, "sync", "now")
        assert done.returncode == 0, done.stderr
    online = motcua(kiosk, "ticket", "issue", "--service", "DD")
    assert online.returncode == 0 and online.stderr == ""
    signed = motcua(counter, "dossier", "receive", *APPLICANT, "--officer", "canbo01", password="canbo123")
    assert signed.returncode == 0, signed.stderr  # canbo01 worked here online: the station keeps its own hash

    running_pg.stop()
    started = time.monotonic()
    offline = motcua(kiosk, "ticket", "issue", "--service", "DD")
    took = time.monotonic() - started
    assert offline.returncode == 0, offline.stderr
    assert offline.stdout.strip() == "1001"  # the first number of the kiosk's block, taken before the online one
    assert offline.stderr.strip() == "đã lưu tại máy, 1 mục chờ đồng bộ"
    assert took < 10  # the process start included; the ≤ 2 s switch itself is measured in bench/
    nobody = motcua(counter, "dossier", "receive", *APPLICANT)
    assert nobody.returncode == 1 and "--officer" in nobody.stderr
    wrong = motcua(counter, "dossier", "receive", *APPLICANT, "--officer", "canbo01", password="sai-mat-khau")
    assert wrong.returncode == 1 and "Sai tên đăng nhập hoặc mật khẩu" in wrong.stderr
    stranger = motcua(counter, "dossier", "receive", *APPLICANT, "--officer", "canbo02", password="canbo123")
    assert stranger.returncode == 1  # never signed in on this station: no hash kept here
    received = motcua(counter, "--json", "dossier", "receive", *APPLICANT, "--officer", "canbo01",
                      password="canbo123")
    assert received.returncode == 0, received.stderr
    made = json.loads(received.stdout)
    assert made["offline"] is True and made["code"] and made["register_line"] >= 1
    assert received.stderr.strip() == "đã lưu tại máy, 1 mục chờ đồng bộ"
    bad = motcua(counter, "dossier", "receive", "--procedure", "DEMO.SXD.004", "--name", "An",
                 "--id-number", "123", "--address", "Hà Nội", "--officer", "canbo01", password="canbo123")
    assert bad.returncode == 1 and bad.stderr.count("\n") == 1 and "Traceback" not in bad.stderr
    unreachable = motcua(kiosk, "sync", "now")
    assert unreachable.returncode == 3 and "1 mục vẫn chờ đồng bộ" in unreachable.stderr
    status = json.loads(motcua(kiosk, "--json", "sync", "status").stdout)
    assert (status["mode"], status["waiting"]) == ("offline", 1) and status["offline_since"]

    running_pg.start()
    for cfg in (kiosk, counter):
        done = motcua(cfg, "sync", "now")
        assert done.returncode == 0, done.stderr
        assert "Đã gửi 1 mục" in done.stdout
    again = motcua(kiosk, "--json", "sync", "status")
    assert json.loads(again.stdout)["mode"] == "online"
    store = Store(central_url)
    try:
        with store.read() as s:
            numbers = sorted(s.scalars(select(Ticket.display_number)))
            codes = list(s.scalars(select(Dossier.code)))
    finally:
        store.dispose()
    assert "1001" in numbers and len(numbers) == len(set(numbers)) == 2
    assert made["code"] in codes and len(codes) == len(set(codes)) == 2  # the online one and the offline one
