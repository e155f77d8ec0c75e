"""The set-up's device tests: «In thử» prints the test page on a ticket printer, the keypad test waits for one key."""

from __future__ import annotations

import string
import threading
import time

from app.devices.keypad import KeyPress, KeypadProtocol, KeypadReader
from app.devices.ports import SerialPortInfo, serial_ports
from app.devices.printer import TicketPrinter
from app.domain.messages import translate
from app.printing.ticket import render_test_page
from app.services.ticket_printing import profile_named

__all__ = ["SerialPortInfo", "next_key", "print_test_page", "serial_ports"]

_ANY_KEY = frozenset(string.digits + string.ascii_uppercase + "*#")


def print_test_page(printer_url: str, profile_name: str) -> str:
    """Print the Vietnamese test page (the one of `motcua devices test-print`); DeviceError says why it could not.
    Returns the confirmation to show."""
    profile = profile_named(profile_name)
    with TicketPrinter(printer_url, profile) as printer:
        printer.print_bytes(render_test_page(profile))
    return translate("services.device_check", "Đã in trang thử ra %1").arg(printer_url)


def next_key(keypad_url: str, protocol: str = "ascii", baudrate: int = 9600, timeout_s: float = 10.0,
             stop: threading.Event | None = None) -> KeyPress | None:
    """Open the keypad port and wait for the next key pressed (any digit, letter, * or #): the press, or None when
    no key came within `timeout_s` (or `stop` was set). DeviceError when the port cannot be opened or is lost."""
    presses: list[KeyPress] = []
    reader = KeypadReader(keypad_url, KeypadProtocol(mode=protocol, keys=_ANY_KEY), presses.append,
                          baudrate=baudrate)
    reader.open()
    try:
        deadline = time.monotonic() + timeout_s
        stop = stop or threading.Event()
        while not presses and time.monotonic() < deadline and not stop.is_set():
            reader.step()
    finally:
        reader.close()
    return presses[0] if presses else None
