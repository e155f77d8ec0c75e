"""Keypad simulator on a pseudo-terminal: press keys (ASCII or framed with an address), send noise, unplug, replug."""

from __future__ import annotations

import errno
import os
import select
import threading
import time
import tty
from pathlib import Path

from app.devices.keypad import frame

_WRITE_TIMEOUT_SECONDS = 10.0


class KeypadSimulator:
    """Plays one keypad, or a whole RS485 bus of framed keypads, on a pty; url is the stable link or slave path."""

    def __init__(self, *, link: Path | None = None, mode: str = "ascii", address: int | None = None) -> None:
        if mode not in ("ascii", "framed"):
            raise ValueError(f"unknown keypad protocol {mode!r}")
        self.link = link
        self.mode = mode
        self.address = address  # default address of framed presses
        self.received = bytearray()  # what the station sent (lamp commands), across replugs
        self.sent = 0  # bytes written to the station
        self.slave_path: str | None = None
        self._fds: tuple[int, int] | None = None
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._write_lock = threading.Lock()

    @property
    def url(self) -> str:
        """What the station uses as its keypad URL."""
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
        """Create the pty pair (raw), point the link at it, listen for lamp commands; return the URL."""
        if self._fds is not None:
            return self.url
        master, slave = os.openpty()
        tty.setraw(slave)
        os.set_blocking(master, False)
        self._fds = (master, slave)  # the slave stays open here so the pty lives between the station's opens
        self.slave_path = os.ttyname(slave)
        if self.link is not None:
            temp = self.link.with_name(self.link.name + ".new")
            temp.unlink(missing_ok=True)
            os.symlink(self.slave_path, temp)
            os.replace(temp, self.link)
        self._stop.clear()
        self._thread = threading.Thread(target=self._read_loop, args=(master,), name="keypad-simulator",
                                        daemon=True)
        self._thread.start()
        return self.url

    def press(self, key: str, address: int | None = None) -> None:
        """Press one key: an ASCII digit, or a frame 0x01 addr key 0x07 in framed mode."""
        if self.mode == "framed":
            addr = self.address if address is None else address
            if addr is None:
                raise ValueError("a framed keypad press needs an address")
            self.send_raw(frame(addr, key))
        else:
            self.send_raw(key.encode("ascii"))

    def send_raw(self, data: bytes, timeout: float = _WRITE_TIMEOUT_SECONDS) -> None:
        """Write bytes to the station (all of them, waiting while the pty buffer is full, up to timeout)."""
        if self._fds is None:
            raise RuntimeError("keypad simulator is unplugged")
        master = self._fds[0]
        view = memoryview(data)
        deadline = time.monotonic() + timeout
        with self._write_lock:
            while view:
                try:
                    written = os.write(master, view[:4096])
                except BlockingIOError:
                    written = 0
                except OSError as exc:
                    if exc.errno != errno.EAGAIN:
                        raise
                    written = 0
                if written:
                    view = view[written:]
                    self.sent += written
                    continue
                if time.monotonic() >= deadline:
                    raise TimeoutError(f"the station did not read {len(view)} bytes within {timeout} s")
                select.select([], [master], [], 0.05)

    def unplug(self) -> None:
        """Close the pty like a pulled cable: the station's port goes dead, the link dangles."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join(2.0)
            self._thread = None
        if self._fds is not None:
            with self._write_lock:
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

    def __enter__(self) -> KeypadSimulator:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def _read_loop(self, master: int) -> None:
        while not self._stop.is_set():
            ready, _, _ = select.select([master], [], [], 0.05)
            if not ready:
                continue
            try:
                data = os.read(master, 4096)
            except OSError:  # EIO while no station holds the port open
                self._stop.wait(0.05)
                continue
            self.received += data
