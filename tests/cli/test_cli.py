"""The CLI as a user runs it: whole processes, exit codes, one clear stderr line, --json, nothing half written."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from app.services.demo import demo_rows


def motcua(*args: str, stdin: str = "", env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run `python -m app ARGS` as a separate process."""
    return subprocess.run([sys.executable, "-m", "app", *args], input=stdin, capture_output=True, text=True,
                          timeout=120, env={**os.environ, **(env or {})})


def assert_one_clear_line(result: subprocess.CompletedProcess[str], code: int, *words: str) -> None:
    assert result.returncode == code, result.stderr
    assert "Traceback" not in result.stderr
    first = result.stderr.splitlines()[0]
    assert first.startswith("motcua: lỗi: ")
    for word in words:
        assert word in first


@pytest.fixture()
def db(store_factories, backend: str) -> str:  # type: ignore[no-untyped-def]
    """An empty database on the current backend."""
    return store_factories[backend].empty_url()


def test_db_check_upgrade_and_seed(db: str) -> None:
    assert_one_clear_line(motcua("--db", db, "db", "check"), 4, "motcua db upgrade")
    assert_one_clear_line(motcua("--db", db, "user", "list"), 4, "db upgrade")
    up = motcua("--db", db, "--json", "db", "upgrade")
    assert up.returncode == 0 and json.loads(up.stdout)["from"] is None
    check = motcua("--db", db, "--json", "db", "check")
    assert check.returncode == 0 and json.loads(check.stdout)["ok"] is True
    seed = motcua("--db", db, "--json", "seed", "demo")
    assert seed.returncode == 0, seed.stderr
    summary = json.loads(seed.stdout)
    assert summary["agencies"] == 17 and summary["procedures"] >= 150 and summary["counters"] == 10


def test_users(db: str) -> None:
    motcua("--db", db, "db", "upgrade")
    added = motcua("--db", db, "user", "add", "lan", "--name", "Nguyễn Thị Lan", "--role", "supervisor",
                   stdin="mat-khau-lan\n")
    assert added.returncode == 0 and "Nguyễn Thị Lan" in added.stdout
    assert_one_clear_line(motcua("--db", db, "user", "add", "lan", "--name", "Lan Hai", "--role", "officer",
                                 stdin="12345678\n"), 1, "lan", "đã có")
    assert_one_clear_line(motcua("--db", db, "user", "add", "b", "--name", "B", "--role", "officer",
                                 stdin="short\n"), 1, "Tên đăng nhập")
    assert_one_clear_line(motcua("--db", db, "user", "add", "x", "--role", "king", "--name", "X"), 2, "--role")
    assert motcua("--db", db, "user", "passwd", "lan", stdin="mat-khau-moi\n").returncode == 0
    assert_one_clear_line(motcua("--db", db, "user", "passwd", "khongco", stdin="12345678\n"), 1, "khongco")
    listed = json.loads(motcua("--db", db, "--json", "user", "list").stdout)
    assert [(u["login"], u["role"], u["full_name"]) for u in listed] == [("lan", "supervisor", "Nguyễn Thị Lan")]


def test_catalog_import_export(db: str, tmp_path: Path) -> None:
    motcua("--db", db, "db", "upgrade")
    good = tmp_path / "catalogue.csv"
    good.write_bytes((Path(__file__).parents[2] / "resources" / "demo" / "catalogue.csv").read_bytes())
    bad = tmp_path / "bad.csv"
    lines = good.read_text(encoding="utf-8").split("\n")
    bad.write_text(good.read_text(encoding="utf-8").replace(",working_days,", ",tuần,", 2), encoding="utf-8")
    rejected = motcua("--db", db, "catalog", "import", str(bad))
    assert_one_clear_line(rejected, 1, "2 lỗi", "cột processing_unit")
    assert len(rejected.stderr.splitlines()) == 2  # the second error on its own line
    exported = motcua("--db", db, "--json", "catalog", "export", str(tmp_path / "empty.csv"))
    assert json.loads(exported.stdout)["procedures"] == 0  # nothing half imported
    imported = motcua("--db", db, "--json", "catalog", "import", str(good))
    assert json.loads(imported.stdout)["procedures_added"] == len(demo_rows())
    assert motcua("--db", db, "catalog", "export", str(tmp_path / "out.xlsx")).returncode == 0
    assert motcua("--db", db, "catalog", "export", str(tmp_path / "out.csv")).returncode == 0
    assert (tmp_path / "out.csv").read_bytes() == good.read_bytes()
    again = motcua("--db", db, "--json", "catalog", "import", str(tmp_path / "out.xlsx"))
    assert json.loads(again.stdout)["procedures_updated"] == len(demo_rows())
    assert lines[0].startswith("agency_code,")
    assert_one_clear_line(motcua("--db", db, "catalog", "import", str(tmp_path / "none.csv")), 1, "none.csv")
    assert_one_clear_line(motcua("--db", db, "catalog", "export", str(tmp_path / "x.pdf")), 1, ".csv")


def test_unreachable_or_unknown_database() -> None:
    assert_one_clear_line(motcua("--db", "postgresql+psycopg://nobody@127.0.0.1:1/x", "db", "check"), 3,
                          "cơ sở dữ liệu")
    assert_one_clear_line(motcua("--db", "mysql://x/y", "db", "check"), 3, "mysql")


def test_bad_arguments_are_one_line() -> None:
    assert_one_clear_line(motcua("catalog"), 2, "ACTION")
    assert_one_clear_line(motcua("khong-co-lenh"), 2, "khong-co-lenh")
    assert motcua("--version").stdout.startswith("motcua ")


def test_database_url_comes_from_env_then_default(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'env.sqlite3'}"
    assert motcua("db", "upgrade", env={"MOTCUA_DATABASE_URL": url}).returncode == 0
    assert (tmp_path / "env.sqlite3").exists()
    data_dir = tmp_path / "data"
    assert motcua("db", "upgrade", env={"MOTCUA_DATA_DIR": str(data_dir)}).returncode == 0
    assert (data_dir / "motcua.sqlite3").exists()


def test_db_check_fails_on_an_old_schema(tmp_path: Path) -> None:
    from app.store import migrate
    from app.store.engine import Store

    url = f"sqlite:///{tmp_path / 'old.sqlite3'}"
    store = Store(url)
    migrate.upgrade(store, "20261128_0001")
    store.dispose()
    assert_one_clear_line(motcua("--db", url, "db", "check"), 4, "20261128_0001", "db upgrade")
    up = motcua("--db", url, "db", "upgrade")
    assert up.returncode == 0 and "sao lưu" in up.stdout  # the old file was backed up first
    assert motcua("--db", url, "db", "check").returncode == 0
