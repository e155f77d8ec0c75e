"""The ticket's QR code: the printer's own GS ( k commands where the profile has them (the same bytes as
python-escpos sends), a raster where it does not; both decoded from the printer bytes, drawn as the paper would
look and read back by zbarimg; the payload stays within P4's 8 KB."""

from __future__ import annotations

import shutil
import subprocess
import uuid
from datetime import datetime
from pathlib import Path

import pytest

from app.devices.escpos_decode import decode_stream
from app.devices.escpos_render import ticket_to_image
from app.domain.queue import parse_ticket_qr, ticket_qr_payload
from app.printing.ticket import PROFILE_58MM, PROFILE_80MM, TicketContent, qr_native, render_full_raster, render_ticket

TICKET_ID = uuid.UUID("6f1c2a9e-3b4d-4e5f-8a7b-0c1d2e3f4a5b")


def _content(result_return: bool = True) -> TicketContent:
    """A result-return ticket (no priority: it is issued from a scanned receipt), or a priority ticket."""
    return TicketContent(centre_name="TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG TỈNH LAI CHÂU",
                         service_name="Sở Tài nguyên và Môi trường", number_text="A1023",
                         issued_at=datetime(2026, 11, 28, 8, 15), people_ahead=12, estimated_wait_minutes=15,
                         priority_label=None if result_return else "Người cao tuổi",
                         qr_payload=ticket_qr_payload(TICKET_ID),
                         dossier_code="000.00.02.H33-261128-0007" if result_return else None)


def zbar(png: Path) -> list[str]:
    """What zbarimg reads in an image (QR codes only)."""
    if shutil.which("zbarimg") is None:
        pytest.fail("zbarimg is needed (apt install zbar-tools; .ci/run installs it)")
    out = subprocess.run(["zbarimg", "--quiet", "--raw", "-Sdisable", "-Sqrcode.enable", str(png)],
                         capture_output=True, text=True)
    return out.stdout.split()


def test_native_qr_bytes_are_what_python_escpos_sends() -> None:
    escpos = pytest.importorskip("escpos.printer")
    from escpos.constants import QR_ECLEVEL_M

    dummy = escpos.Dummy()
    dummy.qr(ticket_qr_payload(TICKET_ID), ec=QR_ECLEVEL_M, size=6, native=True)
    assert qr_native(ticket_qr_payload(TICKET_ID).encode("ascii"), 6) == dummy.output


def test_80mm_ticket_carries_the_printers_own_qr_and_it_reads_back(tmp_path: Path) -> None:
    assert len(render_ticket(_content(result_return=False), PROFILE_80MM)) <= 8 * 1024  # P4 with the QR code
    data = render_ticket(_content(), PROFILE_80MM)
    assert len(data) <= 8 * 1024
    (ticket,) = decode_stream(data)
    assert not ticket.unknown and ticket.cut == "partial"
    (qr,) = ticket.qr_codes
    assert qr.data == ticket_qr_payload(TICKET_ID).encode() and qr.module_dots == 6 and qr.ec == 49 and qr.align == 1
    png = tmp_path / "ticket80.png"
    ticket_to_image(ticket, 576).save(png)
    assert [parse_ticket_qr(text) for text in zbar(png)] == [TICKET_ID]
    assert "000.00.02.H33-261128-0007" in ticket.plain_text()  # the result-return ticket names its dossier


def test_58mm_profile_without_gs_k_sends_the_qr_as_raster(tmp_path: Path) -> None:
    data = render_ticket(_content(), PROFILE_58MM)
    (ticket,) = decode_stream(data)
    assert ticket.qr_codes == [] and b"\x1d(k" not in data
    assert max(r.width_dots for r in ticket.rasters) <= 384
    png = tmp_path / "ticket58.png"
    ticket_to_image(ticket, 384).save(png)
    assert [parse_ticket_qr(text) for text in zbar(png)] == [TICKET_ID]
    print(f"58 mm ticket with a raster QR: {len(data)} B")
    assert len(data) <= 10 * 1024  # P4 is the 80 mm printer's; the raster QR adds about 2.2 KB here


def test_full_raster_ticket_has_the_qr_too(tmp_path: Path) -> None:
    (ticket,) = decode_stream(render_full_raster(_content(), PROFILE_80MM))
    png = tmp_path / "full.png"
    ticket_to_image(ticket, 576).save(png)
    assert [parse_ticket_qr(text) for text in zbar(png)] == [TICKET_ID]
