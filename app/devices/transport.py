"""Byte transport over pyserial URLs (/dev/ttyUSB0, COM3, socket://host:9100, loop://) with Vietnamese errors."""

from __future__ import annotations

import enum
import errno
import re
import time
from typing import Any, Protocol

import serial

from app.domain.errors import EnvironmentFault
from app.domain.messages import Message, Translate, translate

try:  # termios exists on POSIX only; pyserial lets its raw errors escape on dead ports
    import termios

    _PORT_ERRORS: tuple[type[BaseException], ...] = (serial.SerialException, OSError, termios.error)
except ImportError:  # pragma: no cover - Windows
    _PORT_ERRORS = (serial.SerialException, OSError)

_POLL_SECONDS = 0.05  # pyserial read timeout; read() loops on it up to the caller's deadline
_WRITE_TIMEOUT_SECONDS = 5.0  # per write() call; callers send in chunks


class DeviceReason(str, enum.Enum):
    """Why a device cannot work, as a code: the UI picks its words by the code, never by reading `reason_vi`."""

    NOT_CONNECTED = "not_connected"  # not opened yet
    NOT_FOUND = "not_found"  # nothing at that port: unplugged, or the wrong port
    DISCONNECTED = "disconnected"  # the port stopped working while in use (unplugged)
    BUSY = "busy"  # another program holds the port
    NO_PERMISSION = "no_permission"
    BAD_ADDRESS = "bad_address"  # the configured port or URL cannot be a port
    OFFLINE = "offline"  # a network device that cannot be reached
    NOT_RESPONDING = "not_responding"  # the port is open, the device does not answer
    REFUSED_DATA = "refused_data"  # the device did not take or confirm the bytes
    PAPER_OUT = "paper_out"
    COVER_OPEN = "cover_open"
    PRINTER_ERROR = "printer_error"  # paper jam or cutter
    STOPPED = "stopped"  # the station stopped the device
    SOFTWARE = "software"  # our own bug while using the device


class _Capitalized(Message):
    """A marked message read with a capital first letter, in either language («máy in» → «Máy in»)."""

    def __new__(cls, inner: Message) -> _Capitalized:
        obj = str.__new__(cls, inner[:1].upper() + inner[1:])
        obj.context, obj.source, obj.args = inner.context, inner.source, inner.args
        return obj

    def localized(self, translate_fn: Translate) -> str:
        text = super().localized(translate_fn)
        return text[:1].upper() + text[1:]

    def __reduce__(self) -> tuple[Any, ...]:
        return (_Capitalized, (Message(self.context, self.source, self.args),))


def capitalized(label: str) -> str:
    """`label` (a device's name, «máy in») with a capital first letter, still translated when it is marked."""
    return _Capitalized(label) if isinstance(label, Message) else label[:1].upper() + label[1:]


DEVICE = translate("devices.transport", "thiết bị")


class DeviceError(EnvironmentFault):
    """An environment error of a device, with a plain Vietnamese reason and its code; fault=True means the port is
    still fine (the device itself cannot work)."""

    def __init__(self, reason_vi: str, *, fault: bool = False, reason: DeviceReason | None = None) -> None:
        super().__init__(reason_vi)
        self.reason_vi = reason_vi
        self.fault = fault
        self.reason = reason or (DeviceReason.NOT_RESPONDING if fault else DeviceReason.DISCONNECTED)


class Transport(Protocol):
    """What a device driver needs from a port: bytes in, bytes out."""

    url: str

    def open(self) -> None: ...
    def write(self, data: bytes) -> None: ...
    def read(self, size: int, timeout: float) -> bytes: ...
    def read_some(self, size: int, timeout: float) -> bytes: ...
    def reset_input(self) -> None: ...
    def close(self) -> None: ...


class SerialTransport:
    """A pyserial port opened from a URL; every library error becomes DeviceError."""

    def __init__(self, url: str, baudrate: int = 9600, label_vi: str = DEVICE,
                 poll_s: float = _POLL_SECONDS) -> None:
        self.url = url
        self.baudrate = baudrate
        self.label_vi = label_vi
        self.poll_s = poll_s  # how long one pyserial read waits: the grain of read_some's reaction time
        self._port: serial.SerialBase | None = None

    @property
    def is_open(self) -> bool:
        """True while the port is open."""
        return self._port is not None

    def open(self) -> None:
        """Open the port (no-op when open); raise DeviceError with the reason when it cannot be opened."""
        if self._port is not None:
            return
        try:
            self._port = serial.serial_for_url(
                self.url, baudrate=self.baudrate, timeout=self.poll_s, write_timeout=_WRITE_TIMEOUT_SECONDS
            )
        except ValueError as exc:
            raise DeviceError(translate("devices.transport", "Địa chỉ cổng %1 không hợp lệ: %2")
                              .arg(self.label_vi, self.url), reason=DeviceReason.BAD_ADDRESS) from exc
        except _PORT_ERRORS as exc:
            raise open_error(self.url, self.label_vi, exc) from exc

    def write(self, data: bytes) -> None:
        """Write all bytes; raise DeviceError when the port is gone or the device does not take them."""
        port = self._require()
        try:
            port.write(data)
        except serial.SerialTimeoutException as exc:
            raise DeviceError(translate("devices.transport", "%1 không nhận dữ liệu (cổng %2)")
                              .arg(capitalized(self.label_vi), self.url), fault=True,
                              reason=DeviceReason.REFUSED_DATA) from exc
        except _PORT_ERRORS as exc:
            raise DeviceError(self.lost_reason()) from exc

    def read(self, size: int, timeout: float) -> bytes:
        """Read up to size bytes, returning what arrived within timeout seconds (maybe nothing)."""
        port = self._require()
        deadline = time.monotonic() + timeout
        data = b""
        try:
            while len(data) < size:
                data += port.read(size - len(data))
                if time.monotonic() >= deadline:
                    break
        except _PORT_ERRORS as exc:
            raise DeviceError(self.lost_reason()) from exc
        return data

    def read_some(self, size: int, timeout: float) -> bytes:
        """Return as soon as bytes arrive (up to size: the first byte and all that waits behind it), or b"" after
        timeout seconds; for devices whose reader must react to each byte, like a keypad."""
        port = self._require()
        deadline = time.monotonic() + timeout
        try:
            while True:
                data = port.read(1)
                if data:
                    waiting = min(port.in_waiting, size - 1)
                    return data + port.read(waiting) if waiting > 0 else data
                if time.monotonic() >= deadline:
                    return b""
        except _PORT_ERRORS as exc:
            raise DeviceError(self.lost_reason()) from exc

    def reset_input(self) -> None:
        """Drop bytes already received and not read."""
        try:
            self._require().reset_input_buffer()
        except _PORT_ERRORS as exc:
            raise DeviceError(self.lost_reason()) from exc

    def close(self) -> None:
        """Close the port, ignoring errors of an already dead port."""
        port, self._port = self._port, None
        if port is not None:
            try:
                port.close()
            except _PORT_ERRORS:
                pass

    def lost_reason(self) -> str:
        """The Vietnamese reason for a port that stopped working."""
        return translate("devices.transport", "Mất kết nối %1 (cổng %2)").arg(self.label_vi, self.url)

    def _require(self) -> serial.SerialBase:
        if self._port is None:
            raise DeviceError(translate("devices.transport", "Chưa mở cổng %1 (%2)").arg(self.label_vi, self.url),
                              reason=DeviceReason.NOT_CONNECTED)
        return self._port


def open_error(url: str, label_vi: str, exc: BaseException) -> DeviceError:
    """Translate a failed open into a DeviceError with its code and a plain Vietnamese reason."""
    code = _errno_of(exc)
    if code in (errno.ENOENT, errno.ENODEV, errno.ENXIO):
        return DeviceError(translate("devices.transport", "Không tìm thấy %1 ở cổng %2 (chưa cắm hoặc sai cổng)")
                           .arg(label_vi, url), reason=DeviceReason.NOT_FOUND)
    if code in (errno.EACCES, errno.EPERM):
        return DeviceError(translate("devices.transport", "Không có quyền mở cổng %1 của %2").arg(url, label_vi),
                           reason=DeviceReason.NO_PERMISSION)
    if code == errno.EBUSY:
        return DeviceError(translate("devices.transport", "Cổng %1 của %2 đang bị chương trình khác sử dụng")
                           .arg(url, label_vi), reason=DeviceReason.BUSY)
    if url.startswith("socket://"):
        return DeviceError(translate("devices.transport", "Không kết nối được %1 qua mạng (%2)").arg(label_vi, url),
                           reason=DeviceReason.OFFLINE)
    return DeviceError(translate("devices.transport", "Không mở được cổng %1 của %2").arg(url, label_vi),
                       reason=DeviceReason.NOT_FOUND)


def open_error_reason(url: str, label_vi: str, exc: BaseException) -> str:
    """Translate a failed open into a plain Vietnamese reason."""
    return open_error(url, label_vi, exc).reason_vi


def _errno_of(exc: BaseException) -> int | None:
    """The errno carried by a pyserial/OS error, also when only its message has it."""
    code = getattr(exc, "errno", None)
    if isinstance(code, int):
        return code
    if exc.args and isinstance(exc.args[0], int):
        return exc.args[0]
    match = re.search(r"\[Errno (\d+)\]", str(exc))
    if match:
        return int(match.group(1))
    return errno.ENOENT if "No such file" in str(exc) else None
