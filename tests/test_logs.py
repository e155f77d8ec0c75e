"""Log files and crash reports (app/logs.py): masked lines, rotation at the cap, uncaught exceptions of threads."""

from __future__ import annotations

import logging
import platform
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from app import __version__, logs

CCCD, PHONE = "001203004567", "0912345678"


@pytest.fixture()
def log_dir(tmp_path: Path) -> Iterator[Path]:
    """A fresh log folder for this test; the process's logging and hooks are put back afterwards."""
    saved = sys.excepthook, threading.excepthook
    logs.shutdown()
    yield tmp_path / "logs"
    logs.shutdown()
    sys.excepthook, threading.excepthook = saved


def _raise_personal() -> None:
    raise ValueError(f"hồ sơ của CCCD {CCCD}, SĐT {PHONE} không lưu được")


def test_log_lines_and_tracebacks_are_masked(log_dir: Path) -> None:
    path = logs.setup("counter-3", folder=log_dir)
    assert path == log_dir / "counter-3.log"
    log = logging.getLogger("motcua.test")
    log.info("gọi số cho công dân CCCD %s, SĐT %s", CCCD, PHONE)
    try:
        _raise_personal()
    except ValueError:
        log.exception("không lưu được")
    logs.shutdown()
    text = path.read_text(encoding="utf-8")
    assert "gọi số cho công dân CCCD 0012******67, SĐT 0912****78" in text
    assert "Traceback (most recent call last)" in text and "in _raise_personal" in text
    assert CCCD not in text and PHONE not in text


def test_sql_statements_and_parameters_never_reach_the_log(log_dir: Path, tmp_path: Path) -> None:
    from sqlalchemy import text as sql

    from app.store.engine import Store

    path = logs.setup("cli", folder=log_dir)
    store = Store(f"sqlite:///{tmp_path / 'x.sqlite3'}")
    try:
        with store.write() as s:
            s.execute(sql("CREATE TABLE t (phone TEXT UNIQUE)"))
            s.execute(sql("INSERT INTO t VALUES (:p)"), {"p": PHONE})
        with pytest.raises(Exception) as failed:
            with store.write() as s:
                s.execute(sql("INSERT INTO t VALUES (:p)"), {"p": PHONE})
        logging.getLogger("motcua.test").error("ghi thất bại", exc_info=failed.value)
    finally:
        store.dispose()
    logs.shutdown()
    text = path.read_text(encoding="utf-8")
    assert "UNIQUE constraint failed" in text and "INSERT INTO t" in text  # what failed is there for the technician
    assert PHONE not in text and "0912****78" not in text  # the engine hides parameters: not even masked
    assert "CREATE TABLE" not in text.split("ghi thất bại")[0]  # no SQL echo before the error


def test_the_log_rotates_at_its_cap(log_dir: Path) -> None:
    path = logs.setup("kiosk", folder=log_dir, max_bytes=10_000, backups=2)
    assert path is not None
    log = logging.getLogger("motcua.test")
    for i in range(1_000):
        log.info("dòng %04d %s", i, "x" * 60)
    logs.shutdown()
    files = sorted(p.name for p in log_dir.iterdir())
    assert files == ["kiosk.log", "kiosk.log.1", "kiosk.log.2"]  # the oldest lines went, the cap holds
    assert all((log_dir / name).stat().st_size <= 10_000 for name in files)
    assert "dòng 0999" in path.read_text(encoding="utf-8")


def test_an_exception_in_a_thread_is_logged_and_reported_without_personal_data(
        log_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = logs.setup("display", folder=log_dir)
    told: list[tuple[str, Path | None]] = []
    logs.install_hooks(lambda summary, report: told.append((summary, report)))
    worker = threading.Thread(target=_raise_personal, name="announcer")
    worker.start()
    worker.join()
    reports = sorted(log_dir.glob("crash-*.txt"))
    assert len(reports) == 1 and told == [(f"ValueError: hồ sơ của CCCD 0012******67, SĐT 0912****78 không lưu "
                                           f"được", reports[0])]
    report = reports[0].read_text(encoding="utf-8")
    for expected in ("Máy trạm: display", f"motcua: {__version__}", f"Python: {platform.python_version()}",
                     f"Hệ điều hành: {platform.platform()}", "Luồng: announcer", "in _raise_personal",
                     "ValueError: hồ sơ của CCCD 0012******67"):
        assert expected in report
    assert CCCD not in report and PHONE not in report
    assert "uncaught exception in thread announcer" in path.read_text(encoding="utf-8")
    err = capsys.readouterr().err
    assert "ValueError" in err and CCCD not in err and f"báo cáo lỗi: {reports[0]}" in err
    assert threading.main_thread().is_alive()  # the process goes on


def test_the_same_bug_again_is_logged_but_not_reported_twice(log_dir: Path) -> None:
    logs.setup("counter-1", folder=log_dir)
    first = second = None
    for attempt in range(2):
        try:
            _raise_personal()
        except ValueError as exc:
            if attempt == 0:
                first = logs.write_crash_report(exc)
            else:
                second = logs.write_crash_report(exc)
    assert first is not None and first.exists() and second is None
    assert len(list(log_dir.glob("crash-*.txt"))) == 1


def test_no_report_before_setup(log_dir: Path) -> None:
    try:
        _raise_personal()
    except ValueError as exc:
        assert logs.write_crash_report(exc) is None
    assert not log_dir.exists()
