"""Serial ports of this PC as the system lists them (pyserial's list_ports), for choosing a printer or keypad port."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class SerialPortInfo:
    """One serial port: its device name (/dev/ttyUSB0, COM3) and what the system says it is."""

    device: str
    description: str
    hwid: str = ""

    @property
    def label(self) -> str:
        """The port as shown in a list: «/dev/ttyUSB0 — USB-Serial CH340» (the device alone when undescribed)."""
        described = self.description and self.description not in ("n/a", self.device)
        return f"{self.device} — {self.description}" if described else self.device


def serial_ports() -> list[SerialPortInfo]:
    """Every serial port the system knows of, USB adapters first, then by name."""
    from serial.tools import list_ports

    found = [SerialPortInfo(p.device, p.description or "", p.hwid or "") for p in list_ports.comports()]
    return sorted(found, key=lambda p: (not p.hwid.startswith("USB"), p.device))
