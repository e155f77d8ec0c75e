"""`motcua ticket reprint NUMBER`: the ticket printed again on a simulated printer (a pty), the outcome recorded
as a ticket event, the same way the kiosk records its reprints."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from sqlalchemy import select

from app.devices.simulators import PrinterSimulator
from app.store.engine import Store
from app.store.models import Ticket, TicketEvent
from test_cli import assert_one_clear_line, motcua


@pytest.fixture()
def printer(tmp_path: Path):  # type: ignore[no-untyped-def]
    sim = PrinterSimulator(tmp_path / "tickets", link=tmp_path / "printer")
    sim.start()
    yield sim
    sim.stop()


def _events(url: str, number: str) -> list[tuple[str, bool]]:
    """(event kind, ticket printed) of today's tickets with this number, oldest first."""
    store = Store(url)
    try:
        with store.read() as s:
            rows = s.execute(select(TicketEvent.kind, Ticket.printed).join(Ticket, Ticket.id == TicketEvent.ticket_id)
                             .where(Ticket.display_number == number).order_by(TicketEvent.at))
            return [(kind, bool(printed)) for kind, printed in rows]
    finally:
        store.dispose()


def test_a_ticket_that_did_not_come_out_is_printed_again(demo_url: str, printer: PrinterSimulator,
                                                         tmp_path: Path) -> None:
    failed = motcua("--db", demo_url, "ticket", "issue", "--service", "DD", "--printer", str(tmp_path / "none"))
    assert_one_clear_line(failed, 1, "đã cấp số 1001", "chưa in được")
    result = motcua("--db", demo_url, "--json", "ticket", "reprint", "1001", "--printer", printer.url)
    assert result.returncode == 0, result.stderr
    reprinted = json.loads(result.stdout)
    assert reprinted["display_number"] == "1001" and reprinted["printed"] is True
    assert reprinted["printer_problem"] is None
    deadline = time.monotonic() + 5
    while not printer.tickets and time.monotonic() < deadline:  # the simulator decodes on its own thread
        time.sleep(0.05)
    assert "1001" in [line.text.strip() for line in printer.tickets[-1].decoded.text_lines]
    assert [kind for kind, _ in _events(demo_url, "1001")] == ["issued", "print_failed", "printed"]
    assert _events(demo_url, "1001")[-1][1] is True  # the ticket now says it was printed


def test_reprint_names_what_is_wrong(demo_url: str, tmp_path: Path) -> None:
    assert motcua("--db", demo_url, "ticket", "issue", "--service", "DD").returncode == 0
    assert_one_clear_line(motcua("--db", demo_url, "ticket", "reprint", "1001"), 1, "--printer")
    assert_one_clear_line(motcua("--db", demo_url, "ticket", "reprint", "9999", "--printer", str(tmp_path / "x")),
                          1, "9999")
    assert_one_clear_line(motcua("--db", demo_url, "ticket", "reprint", "1001", "--date", "2020-01-01",
                                 "--printer", str(tmp_path / "x")), 1, "1001", "01/01/2020")
    gone = motcua("--db", demo_url, "ticket", "reprint", "1001", "--printer", str(tmp_path / "none"))
    assert_one_clear_line(gone, 1, "chưa in lại được số 1001")
    assert [kind for kind, _ in _events(demo_url, "1001")] == ["issued", "print_failed"]
    assert_one_clear_line(motcua("--db", demo_url, "ticket", "reprint", "1001", "--date", "hôm qua"), 2, "--date")


def test_a_transferred_ticket_is_reprinted_as_what_it_became(demo_url: str, printer: PrinterSimulator) -> None:
    assert motcua("--db", demo_url, "ticket", "issue", "--service", "DD").returncode == 0
    assert motcua("--db", demo_url, "queue", "transfer", "1001", "--to", "TP").returncode == 0
    result = motcua("--db", demo_url, "--json", "ticket", "reprint", "1001", "--printer", printer.url)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["service_code"] == "TP"
    wrong = motcua("--db", demo_url, "ticket", "reprint", "1001", "--service", "XX", "--printer", printer.url)
    assert_one_clear_line(wrong, 1, "1001", "XX")
