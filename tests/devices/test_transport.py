"""Byte transport over pyserial URLs: loop://, missing ports, bad URLs, closed sockets, silent printers."""

from __future__ import annotations

import socket
import time
from pathlib import Path

import pytest

from app.devices.printer import TicketPrinter
from app.devices.transport import DeviceError, DeviceReason, SerialTransport
from app.domain.errors import EnvironmentFault
from app.printing.ticket import PROFILE_58MM


def test_loop_url_round_trip() -> None:
    port = SerialTransport("loop://", 115200)
    port.open()
    port.write(b"\x10\x04\x01")
    assert port.read(3, 0.5) == b"\x10\x04\x01"
    assert port.read(1, 0.1) == b""  # nothing more: returns after the timeout, no hang
    port.close()
    port.close()  # closing twice is harmless


def test_missing_port_gives_a_vietnamese_reason(tmp_path: Path) -> None:
    url = str(tmp_path / "ttyUSB9")
    with pytest.raises(DeviceError) as info:
        SerialTransport(url, label_vi="máy in").open()
    assert info.value.reason_vi == f"Không tìm thấy máy in ở cổng {url} (chưa cắm hoặc sai cổng)"
    assert info.value.reason is DeviceReason.NOT_FOUND and isinstance(info.value, EnvironmentFault)


def test_bad_url_and_closed_socket() -> None:
    with pytest.raises(DeviceError, match="không hợp lệ") as bad:
        SerialTransport("nosuch://x").open()
    assert bad.value.reason is DeviceReason.BAD_ADDRESS
    with socket.socket() as sock:  # a free local port with nobody listening
        sock.bind(("127.0.0.1", 0))
        free = sock.getsockname()[1]
    with pytest.raises(DeviceError, match="qua mạng") as offline:
        SerialTransport(f"socket://127.0.0.1:{free}", label_vi="máy in").open()
    assert offline.value.reason is DeviceReason.OFFLINE


def test_write_before_open_is_a_device_error() -> None:
    with pytest.raises(DeviceError):
        SerialTransport("loop://").write(b"x")


def test_status_query_on_a_port_that_never_answers_returns_none_quickly() -> None:
    with TicketPrinter("loop://", PROFILE_58MM, status_timeout=0.2) as printer:  # loop:// echoes, no status
        started = time.monotonic()
        assert printer.query_status() is None
        assert time.monotonic() - started < 1
        assert printer.probe() is None
