"""Printer simulator on a pseudo-terminal: decodes each ESC/POS ticket into ticket-NNNN.png and .txt."""

from __future__ import annotations

import os
import select
import threading
import time
import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from app.devices.escpos_decode import DecodedTicket, EscPosDecoder
from app.devices.escpos_render import ticket_to_image
from app.devices.pty_device import PtyDevice

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class SimulatedTicket:
    """One ticket the simulator received and saved."""

    index: int
    decoded: DecodedTicket
    png_path: Path
    text_path: Path


class PrinterSimulator(PtyDevice):
    """Plays an ESC/POS printer on a pty; url is the stable symlink (or the slave path) for the station."""

    thread_name = "printer-simulator"

    def __init__(self, out_dir: Path, *, link: Path | None = None, paper_width_dots: int = 576,
                 on_ticket: Callable[[SimulatedTicket], None] | None = None, answer_status: bool = True,
                 emulate_baudrate: int | None = None, codepages: dict[int, str] | None = None) -> None:
        super().__init__(link)
        self.out_dir = Path(out_dir)
        self.paper_width_dots = paper_width_dots
        self.on_ticket = on_ticket
        self.answer_status = answer_status
        self.emulate_baudrate = emulate_baudrate  # read no faster than this wire speed (None: at once)
        self.codepages = codepages
        self.paper_out = False
        self.cover_open = False
        self.tickets: list[SimulatedTicket] = []
        self.received = bytearray()  # every byte ever received, across replugs
        self._lock = threading.Lock()

    def start(self) -> str:
        """Create the pty (see PtyDevice.start) with the ticket folder ready; return the URL."""
        self.out_dir.mkdir(parents=True, exist_ok=True)
        return super().start()

    def wait_for_tickets(self, count: int, timeout: float) -> bool:
        """Wait until count tickets were saved (for tests and demos)."""
        deadline = time.monotonic() + timeout
        while len(self.tickets) < count and time.monotonic() < deadline:
            time.sleep(0.02)
        return len(self.tickets) >= count

    def status_byte(self, n: int) -> int:
        """The answer to DLE EOT n for the simulated paper and cover state."""
        if n == 2:
            return 0x12 | (0x20 if self.paper_out else 0) | (0x04 if self.cover_open else 0)
        if n == 4:
            return 0x12 | (0x6C if self.paper_out else 0)
        return 0x12 | (0x08 if self.paper_out or self.cover_open else 0) | 0x04

    def _answer(self, master: int, n: int) -> None:
        if self.answer_status:
            try:
                os.write(master, bytes([self.status_byte(n)]))
            except OSError:
                pass

    def _read_loop(self, master: int) -> None:
        decoder = EscPosDecoder(self.codepages, on_status_query=lambda n: self._answer(master, n))
        while not self._stop.is_set():
            ready, _, _ = select.select([master], [], [], 0.05)
            if not ready:
                continue
            baud = self.emulate_baudrate  # may change while running
            try:
                data = os.read(master, max(1, baud // 500) if baud else 65536)  # 20 ms of wire at a time
            except OSError:
                self._stop.wait(0.05)
                continue
            if baud and self._stop.wait(len(data) * 10 / baud):
                break
            self.received += data
            for ticket in decoder.feed(data):
                self._save(ticket)

    def _save(self, decoded: DecodedTicket) -> None:
        with self._lock:
            index = len(self.tickets) + 1
            png = self.out_dir / f"ticket-{index:04d}.png"
            txt = png.with_suffix(".txt")
            ticket_to_image(decoded, self.paper_width_dots).save(png)
            txt.write_text(decoded.plain_text() + "\n", encoding="utf-8")
            ticket = SimulatedTicket(index, decoded, png, txt)
            self.tickets.append(ticket)
        if self.on_ticket is not None:
            try:
                self.on_ticket(ticket)
            except Exception:  # a demo's callback must not stop the simulated printer
                log.exception("on_ticket callback failed")
