"""ESC/POS ticket printer over a byte transport: print bytes, real-time status (DLE EOT n), Vietnamese errors."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from app.devices.manager import DeviceManager, DeviceStatus
from app.devices.transport import DeviceError, DeviceReason, SerialTransport, Transport
from app.domain.messages import translate

if TYPE_CHECKING:
    from types import TracebackType

DLE_EOT = b"\x10\x04"
LABEL_VI = translate("devices.printer", "máy in")
_CHUNK_BYTES = 512  # a dead port fails at the next chunk, not after the whole ticket
_CONFIRM_MARGIN_SECONDS = 2.0


class PrinterSettings(Protocol):
    """The parts of a printer profile the driver needs (app.printing.ticket.PrinterProfile fits)."""

    @property
    def baudrate(self) -> int:
        """The port's speed (read-only: a frozen profile fits)."""


@dataclass(frozen=True)
class PrinterStatus:
    """A decoded real-time status (DLE EOT 2 and 4)."""

    paper_out: bool = False
    paper_near_end: bool = False
    cover_open: bool = False
    error: bool = False

    def problem(self) -> DeviceReason | None:
        """Why this printer cannot print now, or None."""
        if self.paper_out:
            return DeviceReason.PAPER_OUT
        if self.cover_open:
            return DeviceReason.COVER_OPEN
        if self.error:
            return DeviceReason.PRINTER_ERROR
        return None

    def problem_vi(self) -> str | None:
        """The Vietnamese reason this printer cannot print now, or None."""
        problem = self.problem()
        return _PROBLEMS_VI[problem] if problem else None


_PROBLEMS_VI = {DeviceReason.PAPER_OUT: translate("devices.printer", "Máy in hết giấy"),
                DeviceReason.COVER_OPEN: translate("devices.printer", "Nắp máy in đang mở"),
                DeviceReason.PRINTER_ERROR: translate("devices.printer", "Máy in báo lỗi (kẹt giấy hoặc dao cắt)")}


def _valid_status(byte: bytes) -> bool:
    """ESC/POS status bytes have bit 1 and 4 set, bits 0 and 7 clear."""
    return len(byte) == 1 and byte[0] & 0x93 == 0x12


class TicketPrinter:
    """An ESC/POS thermal printer at a pyserial URL; nothing is opened before open()."""

    def __init__(self, url: str, profile: PrinterSettings, *, status_timeout: float = 0.4,
                 transport: Transport | None = None) -> None:
        self.url = url
        self.profile = profile
        self.status_timeout = status_timeout
        self.answers_status: bool | None = None  # learnt from the first query
        self._transport: Transport = transport or SerialTransport(url, profile.baudrate, LABEL_VI)

    def open(self) -> None:
        """Open the port; raise DeviceError when it cannot be opened."""
        self._transport.open()

    def close(self) -> None:
        """Close the port."""
        self._transport.close()

    def __enter__(self) -> TicketPrinter:
        self.open()
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()

    def query_status(self, timeout: float | None = None) -> PrinterStatus | None:
        """Ask DLE EOT 2 and 4; None when the printer does not answer within timeout."""
        wait = self.status_timeout if timeout is None else timeout
        self._transport.reset_input()
        self._transport.write(DLE_EOT + b"\x02")
        offline = self._transport.read(1, wait)
        if not _valid_status(offline):
            if self.answers_status is None:
                self.answers_status = False
            return None
        self._transport.write(DLE_EOT + b"\x04")
        paper = self._transport.read(1, wait)
        self.answers_status = True
        paper_bits = paper[0] if _valid_status(paper) else 0
        return PrinterStatus(
            paper_out=bool(offline[0] & 0x20) or bool(paper_bits & 0x60),
            paper_near_end=bool(paper_bits & 0x0C),
            cover_open=bool(offline[0] & 0x04),
            error=bool(offline[0] & 0x40),
        )

    def print_bytes(self, data: bytes) -> None:
        """Send a rendered ticket; raise DeviceError (fault or lost port) when it cannot be printed."""
        if self.answers_status is not False:
            self._check_ready()
        for start in range(0, len(data), _CHUNK_BYTES):
            self._transport.write(data[start:start + _CHUNK_BYTES])
        if self.answers_status:
            self._confirm_received(len(data))

    def probe(self) -> None:
        """Idle check for the device manager: DeviceError (a fault) when the printer cannot print, None when fine or
        unknown."""
        if self.answers_status is False:
            return None
        status = self.query_status()
        if status is None:
            if self.answers_status:
                raise DeviceError(translate("devices.printer", "Máy in không phản hồi (cổng %1)").arg(self.url),
                                  fault=True)
            return None
        self._raise_problem(status)
        return None

    @staticmethod
    def _raise_problem(status: PrinterStatus) -> None:
        problem = status.problem()
        if problem is not None:
            raise DeviceError(_PROBLEMS_VI[problem], fault=True, reason=problem)

    def _check_ready(self) -> None:
        """Refuse to print on paper out, cover open or a printer that used to answer and stopped."""
        status = self.query_status()
        if status is None and self.answers_status:
            raise DeviceError(translate("devices.printer", "Máy in không phản hồi (cổng %1)").arg(self.url),
                              fault=True)
        if status is not None:
            self._raise_problem(status)

    def _confirm_received(self, size: int) -> None:
        """A status answer after the ticket proves the printer has taken every byte before it."""
        wire_seconds = size * 10 / max(1, self.profile.baudrate)
        self._transport.reset_input()
        self._transport.write(DLE_EOT + b"\x01")
        if not _valid_status(self._transport.read(1, wire_seconds + _CONFIRM_MARGIN_SECONDS)):
            raise DeviceError(translate("devices.printer", "Máy in không xác nhận đã nhận phiếu (cổng %1)")
                              .arg(self.url), fault=True, reason=DeviceReason.REFUSED_DATA)


def printer_manager(url: str, profile: PrinterSettings,
                    on_status: Callable[[DeviceStatus], None] | None = None,
                    idle_interval: float = 2.0, status_timeout: float = 0.4) -> DeviceManager[TicketPrinter]:
    """A device manager for one station's ticket printer (probes its status while idle; a printer silent for
    `status_timeout` seconds after a status request counts as not answering)."""
    printer = TicketPrinter(url, profile, status_timeout=status_timeout)
    return DeviceManager(printer, label_vi=LABEL_VI, on_status=on_status,
                         idle=TicketPrinter.probe, idle_interval=idle_interval)


def submit_print(manager: DeviceManager[TicketPrinter], data: bytes,
                 on_done: Callable[..., None] | None = None) -> int:
    """Queue rendered ticket bytes on a printer manager; on_done gets a JobResult."""
    return manager.submit(lambda printer: printer.print_bytes(data), on_done)
