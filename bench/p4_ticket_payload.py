"""P4: the bytes of a queue ticket with a Vietnamese service name on an 80 mm printer, and their time on the wire.

`render_ticket` sends ASCII lines in the printer's own font and only the Vietnamese lines as small GS v 0
rasters cropped to their ink. The peer's way, measured in the same run, is `render_full_raster`: the whole
ticket as one full-width image (what most kiosk programs send). Wire time = bytes × 10 bits (8N1) / baud.
"""

from __future__ import annotations

import time
import uuid
from datetime import datetime

from bench.common import Row, Section, Stats, ms, say, verdict

TARGET_BYTES = 8 * 1024
TARGET_WIRE_S = 1.0
SERVICE_NAME = "Sở Tài nguyên và Môi trường"
RENDERS = 20


def wire_seconds(size: int, baud: int) -> float:
    """Time to send `size` bytes over a serial line at `baud`, 8N1 (10 bits per byte)."""
    return size * 10 / baud


def raster_bytes(data: bytes) -> int:
    """How many of the payload's bytes are GS v 0 raster (headers and image data)."""
    total, i = 0, 0
    while (i := data.find(b"\x1dv0", i)) >= 0:
        width_bytes = int.from_bytes(data[i + 4:i + 6], "little")
        height = int.from_bytes(data[i + 6:i + 8], "little")
        size = 8 + width_bytes * height
        total += size
        i += size
    return total


def _timed(render, content, profile) -> tuple[bytes, Stats]:  # type: ignore[no-untyped-def]
    render(content, profile)  # warm: fonts loaded
    times, data = [], b""
    for _ in range(RENDERS):
        start = time.perf_counter()
        data = render(content, profile)
        times.append(time.perf_counter() - start)
    return data, Stats.of(times)


def _kb(size: int) -> str:
    return f"{size:,} bytes ({size / 1024:.1f} KB)"


def run() -> Section:
    from app.printing.ticket import (
        PROFILE_58MM,
        PROFILE_80MM,
        TicketContent,
        render_full_raster,
        render_ticket,
    )
    from app.domain.queue import ticket_qr_payload
    from app.services.demo import DEMO_SETTINGS

    section = Section("p4", "P4 — ticket with a Vietnamese service name, 80 mm printer: payload and wire time")
    say(f"== {section.title}")
    content = TicketContent(centre_name=DEMO_SETTINGS["centre_name"], service_name=SERVICE_NAME,
                            number_text="1023", issued_at=datetime(2026, 11, 27, 8, 42), people_ahead=12,
                            estimated_wait_minutes=35, qr_payload=ticket_qr_payload(uuid.uuid4()))
    priority = TicketContent(centre_name=DEMO_SETTINGS["centre_name"], service_name=SERVICE_NAME,
                             number_text="1024", issued_at=datetime(2026, 11, 27, 8, 43), people_ahead=3,
                             estimated_wait_minutes=10, priority_label="Người cao tuổi",
                             qr_payload=ticket_qr_payload(uuid.uuid4()))  # every ticket carries its QR code
    profile = PROFILE_80MM
    mixed, mixed_time = _timed(render_ticket, content, profile)
    full, full_time = _timed(render_full_raster, content, profile)
    mixed_p = render_ticket(priority, profile)
    full_p = render_full_raster(priority, profile)
    mixed_58, full_58 = render_ticket(content, PROFILE_58MM), render_full_raster(content, PROFILE_58MM)
    wire, wire_full = wire_seconds(len(mixed), profile.baudrate), wire_seconds(len(full), profile.baudrate)
    ratio = len(full) / len(mixed)
    say(f"  render_ticket:      {_kb(len(mixed))}, {ms(wire)} on the wire at {profile.baudrate} baud"
        f"   target ≤ {TARGET_BYTES // 1024} KB, ≤ {TARGET_WIRE_S:.0f} s   (raster {_kb(raster_bytes(mixed))})")
    say(f"  render_full_raster: {_kb(len(full))}, {ms(wire_full)} on the wire   → ×{ratio:.1f} the bytes")
    say(f"  with a priority line: {_kb(len(mixed_p))} vs full raster {_kb(len(full_p))}")
    say(f"  58 mm at {PROFILE_58MM.baudrate} baud: {_kb(len(mixed_58))}, "
        f"{wire_seconds(len(mixed_58), PROFILE_58MM.baudrate):.2f} s vs full raster {_kb(len(full_58))}, "
        f"{wire_seconds(len(full_58), PROFILE_58MM.baudrate):.2f} s")
    section.rows = [
        Row(f"`render_ticket`, service «{SERVICE_NAME}», 80 mm (576 dots), payload", f"≤ {TARGET_BYTES // 1024} KB",
            _kb(len(mixed)), verdict(len(mixed) <= TARGET_BYTES),
            f"raster {_kb(raster_bytes(mixed))} of it (the centre and service names, the Vietnamese body lines and "
            f"footer); the number, date and rules are printer text; rendered in {ms(mixed_time.median)} (median of "
            f"{RENDERS})"),
        Row(f"its time on the wire at {profile.baudrate} baud (8N1)", f"≤ {TARGET_WIRE_S:.0f} s", ms(wire),
            verdict(wire <= TARGET_WIRE_S), "bytes × 10 bits / baud; the printer's own printing time is not included"),
        Row("peer: `render_full_raster`, the whole ticket as one 576-dot-wide image", "—",
            f"{_kb(len(full))}, {ms(wire_full)} on the wire", verdict(len(full) <= TARGET_BYTES) + " (peer)",
            f"×{ratio:.1f} the bytes of `render_ticket`; rendered in {ms(full_time.median)}; QUALITY.md expects "
            f"~40 KB for a full-raster ticket: this one crops every line's height to its ink and sends no blank "
            f"rows, so it flatters the peer"),
        Row("the same ticket with a priority line («Người cao tuổi»)", f"≤ {TARGET_BYTES // 1024} KB",
            f"{_kb(len(mixed_p))}; full raster {_kb(len(full_p))}", verdict(len(mixed_p) <= TARGET_BYTES),
            f"×{len(full_p) / len(mixed_p):.1f}; {ms(wire_seconds(len(mixed_p), profile.baudrate))} on the wire"),
        Row(f"58 mm (384 dots) at {PROFILE_58MM.baudrate} baud, for scale", "—",
            f"{_kb(len(mixed_58))}, {wire_seconds(len(mixed_58), PROFILE_58MM.baudrate):.2f} s on the wire", "—",
            f"full raster {_kb(len(full_58))}, {wire_seconds(len(full_58), PROFILE_58MM.baudrate):.2f} s"),
    ]
    return section
