"""A device played on a pseudo-terminal (for demos and tests): plug, unplug and replug behind a stable link."""

from __future__ import annotations

import os
import threading
import tty
from pathlib import Path


class PtyDevice:
    """The pty side of a simulated serial device; subclasses read the station's bytes in `_read_loop(master)`.

    `url` is what the station opens: the stable symlink when given (re-pointed atomically on replug, like a
    udev name surviving a USB re-enumeration), else the slave path.
    """

    thread_name = "pty-device"

    def __init__(self, link: Path | None = None) -> None:
        self.link = link
        self.slave_path: str | None = None
        self._fds: tuple[int, int] | None = None
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._io_lock = threading.Lock()  # held while writing to the master or closing it

    @property
    def url(self) -> str:
        """What the station uses as the device's URL."""
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
        master, slave = os.openpty()
        tty.setraw(slave)  # no echo, no CR/LF translation: bytes go through untouched
        self._fds = (master, slave)  # the slave stays open here so the pty lives between the station's opens
        self.slave_path = os.ttyname(slave)
        if self.link is not None:
            temp = self.link.with_name(self.link.name + ".new")
            temp.unlink(missing_ok=True)
            os.symlink(self.slave_path, temp)
            os.replace(temp, self.link)  # atomic re-point on replug
        self._stop.clear()
        self._thread = threading.Thread(target=self._read_loop, args=(master,), name=self.thread_name, daemon=True)
        self._thread.start()
        return self.url

    def unplug(self) -> None:
        """Close the pty like a pulled cable: the station's port goes dead, the link dangles."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join(2.0)
            self._thread = None
        with self._io_lock:
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

    def __enter__(self) -> "PtyDevice":
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def _read_loop(self, master: int) -> None:
        """Read what the station sends until unplugged (subclasses)."""
        raise NotImplementedError
