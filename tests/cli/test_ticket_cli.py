"""`motcua ticket issue --printer` and `queue ...` as whole processes, printing to a simulated printer on a pty."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from app.devices.simulators import PrinterSimulator
from test_cli import assert_one_clear_line, motcua


@pytest.fixture()
def printer(tmp_path: Path):  # type: ignore[no-untyped-def]
    sim = PrinterSimulator(tmp_path / "tickets", link=tmp_path / "printer")
    sim.start()
    yield sim
    sim.stop()


def test_issue_prints_a_ticket_the_printer_can_read(demo_url: str, printer: PrinterSimulator) -> None:
    result = motcua("--db", demo_url, "--json", "ticket", "issue", "--service", "DD", "--printer", printer.url)
    assert result.returncode == 0, result.stderr
    issued = json.loads(result.stdout)
    assert issued["display_number"] == "1001" and issued["printed"] is True
    deadline = time.monotonic() + 5
    while not printer.tickets and time.monotonic() < deadline:  # the simulator decodes on its own thread
        time.sleep(0.05)
    ticket = printer.tickets[-1]
    assert "1001" in [line.text.strip() for line in ticket.decoded.text_lines]  # the big number, printer font
    assert ticket.png_path.exists() and ticket.decoded.cut == "partial"


def test_printer_gone_keeps_the_ticket_unprinted(demo_url: str, tmp_path: Path) -> None:
    result = motcua("--db", demo_url, "ticket", "issue", "--service", "TP", "--printer", str(tmp_path / "none"))
    assert_one_clear_line(result, 1, "đã cấp số 2001", "chưa in được")
    status = json.loads(motcua("--db", demo_url, "--json", "queue", "status").stdout)
    assert {s["code"]: s["waiting"] for s in status["services"]}["TP"] == 1  # the ticket exists


def test_queue_commands(demo_url: str) -> None:
    for _ in range(2):
        assert motcua("--db", demo_url, "ticket", "issue", "--service", "DD").stdout.strip()
    called = motcua("--db", demo_url, "queue", "call", "--counter", "1", "--officer", "canbo01", stdin="canbo123\n")
    assert called.returncode == 0 and "1001" in called.stdout
    assert_one_clear_line(motcua("--db", demo_url, "queue", "call", "--counter", "1"), 1, "1001")
    assert motcua("--db", demo_url, "queue", "finish", "--counter", "1").returncode == 0
    moved = motcua("--db", demo_url, "queue", "transfer", "1002", "--to", "TP")
    assert moved.returncode == 0, moved.stderr
    status = json.loads(motcua("--db", demo_url, "--json", "queue", "status").stdout)
    assert {s["code"]: s["waiting"] for s in status["services"]}["TP"] == 1
    assert_one_clear_line(motcua("--db", demo_url, "queue", "call", "--counter", "77"), 1, "77")
    assert_one_clear_line(motcua("--db", demo_url, "queue", "call", "--counter", "1", "--officer", "ai",
                                 stdin="sai-mat-khau\n"), 1, "Sai tên đăng nhập hoặc mật khẩu")
