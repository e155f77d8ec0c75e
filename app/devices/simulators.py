"""Printer simulator on a pseudo-terminal: decodes each ESC/POS ticket into ticket-NNNN.png and .txt."""

from __future__ import annotations

import os
import select
import threading
import time
import logging
import tty
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from app.devices.escpos_decode import DecodedTicket, EscPosDecoder
from app.devices.escpos_render import ticket_to_image

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class SimulatedTicket:
    """One ticket the simulator received and saved."""

    index: int
    decoded: DecodedTicket
    png_path: Path
    text_path: Path


class PrinterSimulator:
    """Plays an ESC/POS printer on a pty; url is the stable symlink (or the slave path) for the station."""

    def __init__(self, out_dir: Path, *, link: Path | None = None, paper_width_dots: int = 576,
                 on_ticket: Callable[[SimulatedTicket], None] | None = None, answer_status: bool = True,
                 emulate_baudrate: int | None = None, codepages: dict[int, str] | None = None) -> None:
        self.out_dir = Path(out_dir)
        self.link = link
        self.paper_width_dots = paper_width_dots
        self.on_ticket = on_ticket
        self.answer_status = answer_status
        self.emulate_baudrate = emulate_baudrate  # read no faster than this wire speed (None: at once)
        self.codepages = codepages
        self.paper_out = False
        self.cover_open = False
        self.tickets: list[SimulatedTicket] = []
        self.received = bytearray()  # every byte ever received, across replugs
        self.slave_path: str | None = None
        self._fds: tuple[int, int] | None = None
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()

    @property
    def url(self) -> str:
        """What the station uses as its printer URL."""
        if self.link is not None:
            return str(self.link)
        if self.slave_path is None:
            raise RuntimeError("simulator not started")
        return self.slave_path

    @property
    def plugged(self) -> bool:
        """True while the pty exists."""
        return self._fds is not None

    def start(self) -> str:
        """Create the pty pair (raw mode), point the link at it, start reading; return the URL."""
        if self._fds is not None:
            return self.url
        self.out_dir.mkdir(parents=True, exist_ok=True)
        master, slave = os.openpty()
        tty.setraw(slave)  # no echo, no CR/LF translation: bytes go through untouched
        self._fds = (master, slave)  # the simulator keeps the slave open so the pty lives between opens
        self.slave_path = os.ttyname(slave)
        if self.link is not None:
            temp = self.link.with_name(self.link.name + ".new")
            temp.unlink(missing_ok=True)
            os.symlink(self.slave_path, temp)
            os.replace(temp, self.link)  # atomic re-point on replug
        self._stop.clear()
        decoder = EscPosDecoder(self.codepages, on_status_query=lambda n: self._answer(master, n))
        self._thread = threading.Thread(target=self._read_loop, args=(master, decoder),
                                        name="printer-simulator", daemon=True)
        self._thread.start()
        return self.url

    def unplug(self) -> None:
        """Close the pty like a pulled cable: the station's port goes dead, the link dangles."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join(2.0)
            self._thread = None
        if self._fds is not None:
            for fd in self._fds:
                os.close(fd)
            self._fds = None

    def replug(self) -> str:
        """A new pty behind the same link (a new /dev/pts number, like a USB re-enumeration)."""
        self.unplug()
        return self.start()

    def stop(self) -> None:
        """Unplug and remove the link."""
        self.unplug()
        if self.link is not None:
            self.link.unlink(missing_ok=True)

    def __enter__(self) -> PrinterSimulator:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

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

    def _read_loop(self, master: int, decoder: EscPosDecoder) -> None:
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
