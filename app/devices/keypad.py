"""Rating keypad (bàn phím đánh giá): protocol decoders and a reader the DeviceManager runs on its own thread.

Bytes are grouped into bursts: a burst ends after `quiet_s` seconds without a byte (the frame timeout), so every
burst has at least that much silence on both sides. A burst is a key press only when it is a clean frame:
- ascii: one single key byte (optionally ended by CR, LF or CR LF), and no noise on the line for `noise_guard_s`
  (1 s) before it. A lone byte is all a plain keypad sends, so a lone noise byte that happens to be a key looks
  exactly like a press; what tells them apart is the line: noise comes in series, and a key byte within a second
  of other noise is noise too. On a quiet line a press counts as soon as its trailing silence is over;
- framed: one or more back-to-back frames `0x01 <address> <key> 0x07` (several keypads on one RS485 bus), the
  key as an ASCII digit or a binary 1..9.
Anything else (a torn frame, noise, a repeated key, a key not on the keypad) is garbage: every byte of the burst is
counted, and no byte of it becomes a press. So random bytes never vote, even when a valid-looking frame hides
inside them (P15 in docs/benchmarks.md: 10,000 isolated noise bytes on a pty).
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from app.devices.manager import DeviceManager, DeviceStatus
from app.devices.transport import SerialTransport, Transport
from app.domain.errors import MotcuaError
from app.domain.messages import translate

log = logging.getLogger(__name__)

LABEL_VI = translate("devices.keypad", "bàn phím đánh giá")
FRAME_START, FRAME_END = 0x01, 0x07
WHITESPACE = frozenset(b"\r\n \t")
_READ_BYTES = 4096
_READ_SECONDS = 0.05  # longest wait for bytes while no burst is open
_POLL_SECONDS = 0.01  # the pyserial read timeout of a keypad port: how late after its quiet end a burst is seen
DEFAULT_QUIET_S = 0.03  # a key press is 1–4 bytes sent back to back; 30 ms of silence ends it (USB-serial
#                         adapters deliver within their 16 ms latency timer)
_MAX_ASCII_BURST = 16  # a key and its line end are at most 3 bytes; more is noise, counted without being kept
NOISE_GUARD_S = 1.0  # ascii: a key byte less than this after noise is noise (noise comes in series)
LINE_ENDS = (b"\r\n", b"\r", b"\n")
_MAX_FRAMES_PER_BURST = 64  # every keypad of a long bus pressed at once


@dataclass(frozen=True)
class KeyPress:
    """One key pressed on a keypad (address None on a keypad of its own), at a monotonic time."""

    key: str
    address: int | None
    at: float


@dataclass(frozen=True)
class KeypadProtocol:
    """How one port speaks: mode, valid keys, frame timeout, optional lamp commands (bytes; framed: a command
    byte sent in a frame to the keypad's address)."""

    mode: str = "ascii"
    keys: frozenset[str] = frozenset("123")
    quiet_s: float = DEFAULT_QUIET_S
    lamp_on: bytes | None = None
    lamp_off: bytes | None = None
    noise_guard_s: float = NOISE_GUARD_S

    def __post_init__(self) -> None:
        if self.mode not in ("ascii", "framed"):
            raise ValueError(f"unknown keypad protocol {self.mode!r}")

    def lamp_command(self, on: bool, address: int | None) -> bytes | None:
        """The bytes that light (or darken) a keypad, None when this protocol has no lamp."""
        command = self.lamp_on if on else self.lamp_off
        if command is None:
            return None
        if self.mode == "framed":
            return b"".join(bytes([FRAME_START, address or 0, c, FRAME_END]) for c in command)
        return command


class KeypadConfigError(MotcuaError, ValueError):
    """A keypad setting that cannot work; the message names the setting, in Vietnamese."""


def parse_hex(text: str, what: str) -> bytes | None:
    """Bytes written as hex ("4C", "1b 4c", "0x4C"), None for an empty text; KeypadConfigError when not hex."""
    cleaned = text.replace("0x", "").replace("0X", "").replace(" ", "").replace(",", "")
    if not cleaned:
        return None
    try:
        return bytes.fromhex(cleaned)
    except ValueError as exc:
        raise KeypadConfigError(translate("devices.keypad", "%1: «%2» không phải dãy byte hex (vd. 4C hoặc "
                                                            "1B 4C)").arg(what, text)) from exc


@dataclass(frozen=True)
class KeypadConfig:
    """One station's keypad as the machine is set up: port, protocol, its address on a framed bus, the keys of
    the levels (best first, "" for 1, 2, 3 …), line speed, frame timeout and lamp commands."""

    url: str
    mode: str = "ascii"
    address: int | None = None
    keys: str = ""
    baudrate: int = 9600
    frame_timeout_ms: int = round(DEFAULT_QUIET_S * 1000)
    lamp_on: bytes | None = None
    lamp_off: bytes | None = None

    def __post_init__(self) -> None:
        if self.mode not in ("ascii", "framed"):
            raise KeypadConfigError(translate("devices.keypad", "Giao thức bàn phím «%1» không có; chọn ascii "
                                                                "hoặc framed").arg(self.mode))
        if self.mode == "framed" and (self.address is None or not 0 <= self.address <= 255):
            raise KeypadConfigError(translate("devices.keypad", "Địa chỉ bàn phím (chế độ framed) phải là số "
                                                                "0–255"))
        if not 5 <= self.frame_timeout_ms <= 1000:
            raise KeypadConfigError(translate("devices.keypad", "Thời gian im lặng kết thúc một lần bấm phải từ "
                                                                "5 đến 1000 ms"))
        if self.baudrate <= 0:
            raise KeypadConfigError(translate("devices.keypad", "Tốc độ cổng bàn phím (baud) phải là số "
                                                                "dương"))

    @property
    def bus_address(self) -> int | None:
        """The address presses of this keypad carry (None for an ASCII keypad of its own)."""
        return self.address if self.mode == "framed" else None

    def protocol(self, keys: Iterable[str]) -> KeypadProtocol:
        """The decoder's protocol for these keys."""
        return KeypadProtocol(mode=self.mode, keys=frozenset(keys), quiet_s=self.frame_timeout_ms / 1000,
                              lamp_on=self.lamp_on, lamp_off=self.lamp_off)


def frame(address: int, key: str) -> bytes:
    """One framed key press: 0x01 <address> <key as ASCII> 0x07."""
    return bytes([FRAME_START, address, ord(key), FRAME_END])


@dataclass
class KeypadDecoder:
    """Turns a byte stream into key presses and a garbage count; not thread-safe (one reader thread)."""

    protocol: KeypadProtocol
    garbage_bytes: int = 0  # total ever counted (monotonic, read from other threads)
    garbage_bursts: int = 0
    guarded_keys: int = 0  # ascii key bytes refused because noise came less than noise_guard_s before them
    _burst: bytearray = field(default_factory=bytearray)
    _tainted: bool = False
    _started_at: float | None = None
    _last_at: float | None = None
    _noise_at: float | None = None  # when the latest garbage burst ended

    def feed(self, data: bytes, now: float) -> list[KeyPress]:
        """Take bytes read at `now`; returns the presses of bursts that ended before them."""
        presses = self.poll(now) if data else []
        if not data:
            return presses
        if self._last_at is None:
            self._started_at = now
        self._last_at = now
        if self._tainted:
            self.garbage_bytes += len(data)
            return presses
        self._burst += data
        if len(self._burst) > self._max_burst():
            self._taint()
        return presses

    def burst_ends_at(self) -> float | None:
        """When the open burst ends if nothing more arrives (None: no burst open)."""
        return None if self._last_at is None else self._last_at + self.protocol.quiet_s

    def poll(self, now: float) -> list[KeyPress]:
        """End the current burst when the line has been quiet for quiet_s; returns its presses."""
        if self._last_at is None or now - self._last_at < self.protocol.quiet_s:
            return []
        return self.flush(self._last_at)

    def flush(self, at: float | None = None) -> list[KeyPress]:
        """End the current burst now (port closed, or quiet): its presses, or its bytes counted as garbage."""
        burst, tainted, started, ended = bytes(self._burst), self._tainted, self._started_at, self._last_at
        at = self._last_at if at is None else at
        self._burst.clear()
        self._tainted, self._started_at, self._last_at = False, None, None
        if tainted:
            self.garbage_bursts += 1
            self._noise_at = ended
            return []
        if not burst:
            return []
        found = self._parse(burst)
        if found and self.protocol.mode == "ascii" and self._after_noise(started):
            self.guarded_keys += 1
            found = None
        if found is None:
            self.garbage_bytes += len(burst)
            self.garbage_bursts += 1
            self._noise_at = ended
            return []
        return [KeyPress(key, address, at or 0.0) for key, address in found]

    def _after_noise(self, started: float | None) -> bool:
        """Whether a burst that started at `started` came less than the noise guard after the latest noise."""
        return self._noise_at is not None and (started is None or
                                               started - self._noise_at < self.protocol.noise_guard_s)

    def _taint(self) -> None:
        self.garbage_bytes += len(self._burst)
        self._burst.clear()
        self._tainted = True

    def _max_burst(self) -> int:
        return _MAX_ASCII_BURST if self.protocol.mode == "ascii" else 4 * _MAX_FRAMES_PER_BURST

    def _parse(self, burst: bytes) -> list[tuple[str, int | None]] | None:
        return parse_ascii(burst, self.protocol.keys) if self.protocol.mode == "ascii" \
            else parse_framed(burst, self.protocol.keys)


def parse_ascii(burst: bytes, keys: Iterable[str]) -> list[tuple[str, int | None]] | None:
    """A single key byte, optionally ended by CR, LF or CR LF → [(key, None)]; only whitespace → []; anything else
    (two keys, a repeated key, noise around the key) → None."""
    if all(b in WHITESPACE for b in burst):
        return []
    body = next((burst[:-len(end)] for end in LINE_ENDS if burst.endswith(end)), burst)
    if len(body) != 1:
        return None
    key = chr(body[0])
    return [(key, None)] if key in set(keys) else None


def parse_framed(burst: bytes, keys: Iterable[str]) -> list[tuple[str, int | None]] | None:
    """Back-to-back frames 0x01 addr key 0x07 → [(key, addr), …]; anything else in the burst → None."""
    if len(burst) % 4:
        return None
    valid = set(keys)
    found: list[tuple[str, int | None]] = []
    for i in range(0, len(burst), 4):
        start, address, raw, end = burst[i:i + 4]
        key = _frame_key(raw)
        if start != FRAME_START or end != FRAME_END or key not in valid:
            return None
        found.append((key, address))
    return found


def _frame_key(raw: int) -> str | None:
    """A frame's key byte: an ASCII digit "1" or a binary 1..9 both mean key "1"."""
    if 0x30 <= raw <= 0x39:
        return chr(raw)
    if 1 <= raw <= 9:
        return str(raw)
    return None


class KeypadReader:
    """A keypad port for DeviceManager: `step()` is its idle hook (read ≤ 50 ms, decode, report presses)."""

    def __init__(self, url: str, protocol: KeypadProtocol, on_press: Callable[[KeyPress], None], *,
                 baudrate: int = 9600, transport: Transport | None = None,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.url = url
        self.protocol = protocol
        self.on_press = on_press
        self.decoder = KeypadDecoder(protocol)
        self.presses = 0
        self._clock = clock
        self._transport: Transport = transport or SerialTransport(url, baudrate, LABEL_VI, _POLL_SECONDS)
        self._lock = threading.Lock()

    @property
    def garbage_bytes(self) -> int:
        """Garbage bytes counted since this reader was made (across reconnects)."""
        return self.decoder.garbage_bytes

    def open(self) -> None:
        """Open the port; raise DeviceError when it cannot be opened."""
        self._transport.open()

    def close(self) -> None:
        """Close the port; a burst torn by the close is garbage."""
        self._emit(self.decoder.flush())
        self._transport.close()

    def step(self) -> None:
        """Wait for bytes (≤ 50 ms, or until the open burst's quiet time is over), report finished key presses;
        DeviceError when the port died. A press is reported about quiet_s after its last byte."""
        ends = self.decoder.burst_ends_at()
        wait = _READ_SECONDS if ends is None else max(0.0, min(_READ_SECONDS, ends - self._clock()))
        data = self._transport.read_some(_READ_BYTES, wait)
        self._emit(self.decoder.feed(data, self._clock()) if data else self.decoder.poll(self._clock()))

    def set_lamp(self, on: bool, address: int | None = None) -> bool:
        """Light or darken the keypad where the protocol has lamp commands; False when it has none."""
        command = self.protocol.lamp_command(on, address)
        if command is None:
            return False
        self._transport.write(command)
        return True

    def _emit(self, presses: list[KeyPress]) -> None:
        for press in presses:
            self.presses += 1
            try:
                self.on_press(press)
            except Exception:  # the receiver's bug must not stop the keypad
                log.exception("keypad on_press failed")


def keypad_manager(url: str, protocol: KeypadProtocol, on_press: Callable[[KeyPress], None],
                   on_status: Callable[[DeviceStatus], None] | None = None, *, baudrate: int = 9600,
                   backoff_initial: float = 0.2, backoff_max: float = 2.0) -> DeviceManager[KeypadReader]:
    """A device manager reading one keypad port (lazy open on start, reconnect with backoff, own thread)."""
    reader = KeypadReader(url, protocol, on_press, baudrate=baudrate)
    return DeviceManager(reader, label_vi=LABEL_VI, on_status=on_status, idle=KeypadReader.step,
                         idle_interval=0, backoff_initial=backoff_initial, backoff_max=backoff_max)
