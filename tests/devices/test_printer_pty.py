"""Ticket printer over a real pty: print, decode, OCR, paper out, unplug mid-job, replug and reprint."""

from __future__ import annotations

import subprocess
import threading
import time
import unicodedata
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from PIL import ImageOps

from app.devices.manager import DeviceManager, DeviceReason, DeviceState, JobResult
from app.devices.printer import TicketPrinter, printer_manager, submit_print
from app.devices.simulators import PrinterSimulator
from app.printing.ticket import PROFILE_80MM, TicketContent, render_ticket
from tests.tooling import missing, require_tool

SERVICE = "Sở Tài nguyên và Môi trường"
CONTENT = TicketContent(
    centre_name="TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG TỈNH LAI CHÂU", service_name=SERVICE, number_text="A1023",
    issued_at=datetime(2026, 11, 28, 8, 15), people_ahead=12, estimated_wait_minutes=15,
)


class Results:
    """Collects job results from the device thread."""

    def __init__(self) -> None:
        self.items: list[JobResult] = []
        self._event = threading.Event()

    def __call__(self, result: JobResult) -> None:
        self.items.append(result)
        self._event.set()

    def wait(self, timeout: float) -> JobResult:
        assert self._event.wait(timeout), "no job result"
        self._event.clear()
        return self.items[-1]


@pytest.fixture
def sim(tmp_path: Path) -> Iterator[PrinterSimulator]:
    simulator = PrinterSimulator(tmp_path / "tickets", link=tmp_path / "printer")
    simulator.start()
    yield simulator
    simulator.stop()


@pytest.fixture
def manager(sim: PrinterSimulator) -> Iterator[DeviceManager[TicketPrinter]]:
    mgr = printer_manager(sim.url, PROFILE_80MM, idle_interval=0.5)
    mgr.start()
    yield mgr
    mgr.stop()


def _ocr(image_path: Path) -> str:
    out = subprocess.run(["tesseract", str(image_path), "stdout", "-l", "vie", "--psm", "7"],
                         capture_output=True, text=True, check=True).stdout
    return " ".join(unicodedata.normalize("NFC", out).split())


def _edit_distance(a: str, b: str) -> int:
    row = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        prev, row[0] = row[0], i
        for j, cb in enumerate(b, 1):
            prev, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, prev + (ca != cb))
    return row[-1]


def _require_tesseract_vie() -> None:
    langs = subprocess.run([require_tool("tesseract"), "--list-langs"], capture_output=True, text=True).stdout.split()
    if "vie" not in langs:
        missing("tesseract has no Vietnamese data (apt-get install tesseract-ocr-vie)")


def test_ticket_printed_through_manager_is_decoded(sim: PrinterSimulator,
                                                   manager: DeviceManager[TicketPrinter]) -> None:
    results = Results()
    submit_print(manager, render_ticket(CONTENT, PROFILE_80MM), results)
    assert results.wait(5).ok
    assert sim.wait_for_tickets(1, 5)
    ticket = sim.tickets[0]
    assert ticket.decoded.cut == "partial"
    big = [line for line in ticket.decoded.text_lines if line.text == "A1023"]
    assert big and big[0].width_mult == 4  # the number is in the printer's own font, 4x
    assert "28/11/2026 08:15" in ticket.png_path.with_suffix(".txt").read_text(encoding="utf-8")
    assert len(ticket.decoded.rasters) >= 5 and ticket.png_path.exists()
    assert ticket.decoded.status_queries  # the status was asked before printing
    assert manager.status.state is DeviceState.CONNECTED


def test_service_name_raster_reads_back_with_ocr(sim: PrinterSimulator, manager: DeviceManager[TicketPrinter],
                                                 tmp_path: Path) -> None:
    _require_tesseract_vie()
    results = Results()
    submit_print(manager, render_ticket(CONTENT, PROFILE_80MM), results)
    assert results.wait(5).ok and sim.wait_for_tickets(1, 5)
    texts = []
    for i, raster in enumerate(sim.tickets[0].decoded.rasters):
        path = tmp_path / f"raster-{i}.png"
        ImageOps.expand(raster.to_image(), 20, fill=255).save(path)  # a quiet margin helps tesseract
        texts.append(_ocr(path))
    # At most one character may differ: tesseract sometimes reads "ô" as "ỗ" on 1-bit glyphs.
    best = min(texts, key=lambda t: _edit_distance(t, SERVICE))
    assert _edit_distance(best, SERVICE) <= 1, texts
    assert "SỐ THỨ TỰ" in texts


def test_paper_out_is_reported_then_cleared(sim: PrinterSimulator, manager: DeviceManager[TicketPrinter]) -> None:
    sim.paper_out = True
    results = Results()
    submit_print(manager, render_ticket(CONTENT, PROFILE_80MM), results)
    failed = results.wait(5)
    assert not failed.ok and failed.reason_vi == "Máy in hết giấy"
    assert manager.status.state is DeviceState.FAULT and manager.status.reason_vi == "Máy in hết giấy"
    assert failed.reason is DeviceReason.PAPER_OUT and manager.status.reason is DeviceReason.PAPER_OUT
    assert not sim.tickets
    sim.paper_out = False
    submit_print(manager, render_ticket(CONTENT, PROFILE_80MM), results)
    assert results.wait(5).ok and sim.wait_for_tickets(1, 5)
    assert manager.status.state is DeviceState.CONNECTED


def test_unplug_mid_job_fails_then_replug_reconnects_and_reprints(
        sim: PrinterSimulator, manager: DeviceManager[TicketPrinter]) -> None:
    assert manager.wait_for(DeviceState.CONNECTED, 5)
    payload = render_ticket(CONTENT, PROFILE_80MM)
    sim.emulate_baudrate = 9600  # ~8 s on the wire: time to pull the cable in the middle
    results = Results()
    submit_print(manager, payload, results)
    deadline = time.monotonic() + 5
    while len(sim.received) < 500 and time.monotonic() < deadline:
        time.sleep(0.01)
    assert 500 <= len(sim.received) < len(payload)
    sim.unplug()
    failed = results.wait(5)
    assert not failed.ok and failed.reason_vi is not None and "máy in" in failed.reason_vi
    assert manager.wait_for(DeviceState.DISCONNECTED, 2)
    assert not sim.tickets  # no cut reached the printer: the ticket stays "not printed"

    sim.emulate_baudrate = None
    replugged_at = time.monotonic()
    sim.replug()
    assert manager.wait_for(DeviceState.CONNECTED, 5)
    print(f"reconnected {time.monotonic() - replugged_at:.2f} s after replug")
    submit_print(manager, payload, results)
    assert results.wait(5).ok and sim.wait_for_tickets(1, 5)
    assert any(line.text == "A1023" for line in sim.tickets[0].decoded.text_lines)


def test_manager_opens_lazily_and_finds_a_printer_plugged_later(tmp_path: Path) -> None:
    link = tmp_path / "printer"
    statuses = []
    manager = printer_manager(str(link), PROFILE_80MM, on_status=statuses.append)
    results = Results()
    manager.start()
    try:
        assert manager.wait_for(DeviceState.DISCONNECTED, 1)
        submit_print(manager, b"\x1b@x\n", results)
        failed = results.wait(3)
        assert not failed.ok and "Không tìm thấy máy in" in (failed.reason_vi or "")
        assert failed.reason is DeviceReason.NOT_FOUND
        with PrinterSimulator(tmp_path / "tickets", link=link):
            assert manager.wait_for(DeviceState.CONNECTED, 5)
        assert any(s.state is DeviceState.DISCONNECTED and s.reason_vi for s in statuses)
        assert statuses[-1].state is DeviceState.CONNECTED and statuses[-1].reason is None
    finally:
        manager.stop()


def test_printer_that_never_answers_status_still_prints_without_hanging(tmp_path: Path) -> None:
    with PrinterSimulator(tmp_path / "tickets", answer_status=False) as silent:
        with TicketPrinter(silent.url, PROFILE_80MM, status_timeout=0.3) as printer:
            started = time.monotonic()
            assert printer.query_status() is None
            printer.print_bytes(render_ticket(CONTENT, PROFILE_80MM))
            assert time.monotonic() - started < 2
            assert printer.answers_status is False
        assert silent.wait_for_tickets(1, 5)
