"""Keypad simulator on a pseudo-terminal: press keys (ASCII or framed with an address), send noise, unplug, replug."""

from __future__ import annotations

import errno
import os
import random
import select
import time
from dataclasses import dataclass
from pathlib import Path

from app.devices.keypad import frame
from app.devices.pty_device import PtyDevice

_WRITE_TIMEOUT_SECONDS = 10.0


@dataclass(frozen=True)
class NoiseSent:
    """What `send_noise` wrote: byte count, how many were a key of the keypad, and how many of those had at least
    the frame timeout of silence on both sides (each of which a per-byte timing rule alone would take for a press)."""

    sent: int
    keys: int
    isolated_keys: int
    seconds: float


class KeypadSimulator(PtyDevice):
    """Plays one keypad, or a whole RS485 bus of framed keypads, on a pty; url is the stable link or slave path."""

    def __init__(self, *, link: Path | None = None, mode: str = "ascii", address: int | None = None) -> None:
        if mode not in ("ascii", "framed"):
            raise ValueError(f"unknown keypad protocol {mode!r}")
        super().__init__(link)
        self.mode = mode
        self.address = address  # default address of framed presses
        self.received = bytearray()  # what the station sent (lamp commands), across replugs
        self.sent = 0  # bytes written to the station

    thread_name = "keypad-simulator"

    def start(self) -> str:
        """Create the pty (see PtyDevice.start); writes to it never block the caller for long."""
        url = super().start()
        if self._fds is not None:
            os.set_blocking(self._fds[0], False)
        return url

    def press(self, key: str, address: int | None = None) -> None:
        """Press one key: an ASCII digit, or a frame 0x01 addr key 0x07 in framed mode."""
        if self.mode == "framed":
            addr = self.address if address is None else address
            if addr is None:
                raise ValueError("a framed keypad press needs an address")
            self.send_raw(frame(addr, key))
        else:
            self.send_raw(key.encode("ascii"))

    def send_noise(self, count: int, quiet_s: float, rng: random.Random, *, gaps: tuple[float, float] = (0.5, 2.5),
                   keys: str = "123") -> NoiseSent:
        """A noisy line: `count` random single bytes, each followed by a random silence of `gaps` times the frame
        timeout (some shorter, most longer). Returns what was sent, timed by the real writes."""
        values, times = rng.randbytes(count), []
        for value in values:
            self.send_raw(bytes([value]))
            times.append(time.monotonic())
            time.sleep(rng.uniform(*gaps) * quiet_s)
        codes = {ord(k) for k in keys}
        isolated = sum(1 for i, v in enumerate(values) if v in codes
                       and (i == 0 or times[i] - times[i - 1] >= quiet_s)
                       and (i == count - 1 or times[i + 1] - times[i] >= quiet_s))
        return NoiseSent(count, sum(1 for v in values if v in codes), isolated,
                         times[-1] - times[0] if times else 0.0)

    def send_raw(self, data: bytes, timeout: float = _WRITE_TIMEOUT_SECONDS) -> None:
        """Write bytes to the station (all of them, waiting while the pty buffer is full, up to timeout)."""
        if self._fds is None:
            raise RuntimeError("keypad simulator is unplugged")
        master = self._fds[0]
        view = memoryview(data)
        deadline = time.monotonic() + timeout
        with self._io_lock:
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
