"""Ticket ESC/POS rendering: payload size, framing, widths, code page path, decoded content."""

from __future__ import annotations

import ast
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest

from app.devices.escpos_decode import Raster, decode_stream
from app.printing.ticket import (
    PROFILE_58MM,
    PROFILE_80MM,
    PrinterProfile,
    TicketContent,
    render_full_raster,
    render_test_page,
    render_ticket,
)

ROOT = Path(__file__).resolve().parents[2]
SERVICE = "Sở Tài nguyên và Môi trường"


def _content(priority: str | None = "Người cao tuổi") -> TicketContent:
    return TicketContent(
        centre_name="TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG TỈNH LAI CHÂU", service_name=SERVICE,
        number_text="A1023", issued_at=datetime(2026, 11, 28, 8, 15), people_ahead=12,
        estimated_wait_minutes=15, priority_label=priority,
    )


def test_80mm_payload_is_small_and_full_raster_much_bigger() -> None:
    mixed = render_ticket(_content(), PROFILE_80MM)
    full = render_full_raster(_content(), PROFILE_80MM)
    print(f"80 mm ticket: mixed {len(mixed)} B, full raster {len(full)} B, ratio {len(full) / len(mixed):.1f}")
    assert len(mixed) <= 8 * 1024
    assert len(full) >= 3 * len(mixed)
    assert len(mixed) * 10 / 115200 <= 1.0  # P4: at most 1 s on the wire at 115200 baud


@pytest.mark.parametrize("render", [render_ticket, render_full_raster])
def test_starts_with_init_and_ends_with_cut(render) -> None:  # type: ignore[no-untyped-def]
    data = render(_content(), PROFILE_80MM)
    assert data.startswith(b"\x1b@")
    assert data.endswith(b"\x1dV\x01")  # partial cut on the default profile
    full_cut = PrinterProfile("x", cut="full")
    assert render(_content(), full_cut).endswith(b"\x1dV\x00")
    assert b"\x1dV" not in render(_content(), PrinterProfile("x", cut="none"))


def test_decoded_ticket_keeps_ascii_in_printer_font_and_vietnamese_as_raster() -> None:
    (ticket,) = decode_stream(render_ticket(_content(), PROFILE_80MM))
    assert ticket.cut == "partial" and not ticket.unknown
    texts = {line.text: line for line in ticket.text_lines}
    assert texts["A1023"].width_mult == 4 and texts["A1023"].height_mult == 4 and texts["A1023"].bold
    assert "28/11/2026 08:15" in texts
    assert all(line.text.isascii() for line in ticket.text_lines)
    assert len(ticket.rasters) >= 6  # centre, service, "SỐ THỨ TỰ", priority, waiting lines, footer
    assert all(r.align == 1 for r in ticket.rasters)


def test_58mm_rasters_fit_384_dots() -> None:
    (ticket,) = decode_stream(render_ticket(_content(), PROFILE_58MM))
    assert max(r.width_dots for r in ticket.rasters) <= 384
    (full,) = decode_stream(render_full_raster(_content(), PROFILE_58MM))
    assert {r.width_dots for r in full.rasters} == {384}
    assert all(r.height <= 255 for r in full.rasters)  # split for picky firmwares


def test_priority_line_only_when_priority() -> None:
    with_priority = decode_stream(render_ticket(_content(), PROFILE_80MM))[0]
    without = decode_stream(render_ticket(_content(priority=None), PROFILE_80MM))[0]
    assert len(with_priority.rasters) == len(without.rasters) + 1


def test_codepage_profile_sends_vietnamese_as_text_and_reselects_after_init() -> None:
    profile = PrinterProfile("cp1258", codepage="cp1258", codepage_number=52)
    data = render_ticket(_content(), profile)
    assert data.startswith(b"\x1b@\x1bt\x34")  # ESC t re-selected right after ESC @
    (ticket,) = decode_stream(data, codepages={52: "cp1258"})
    assert not ticket.rasters
    texts = [line.text for line in ticket.text_lines]
    assert SERVICE in texts and "SỐ THỨ TỰ" in texts and "Ưu tiên: Người cao tuổi" in texts
    assert len(data) < 1024


def test_unknown_codec_falls_back_to_raster() -> None:
    profile = PrinterProfile("tcvn", codepage="tcvn3", codepage_number=30)
    (ticket,) = decode_stream(render_ticket(_content(), profile))
    assert ticket.rasters


def test_padding_mode_centres_rasters_without_esc_a() -> None:
    profile = PrinterProfile("pad", center_raster_by_padding=True)
    (ticket,) = decode_stream(render_ticket(_content(), profile))
    footer = ticket.rasters[-1]
    assert footer.width_dots > 250
    assert footer.data[0] == 0  # left blank bytes do the centring


def test_test_page_decodes_cleanly() -> None:
    (page,) = decode_stream(render_test_page(PROFILE_58MM))
    assert page.cut == "partial" and not page.unknown
    assert any(line.text == "A1023" for line in page.text_lines)
    assert max(r.width_dots for r in page.rasters) <= 384


def test_bad_profile_rejected() -> None:
    with pytest.raises(ValueError):
        PrinterProfile("bad", paper_width_dots=500)
    with pytest.raises(ValueError):
        PrinterProfile("bad", codepage="cp1258")


def test_nothing_loaded_at_import_time() -> None:
    code = ("import app.printing.ticket, app.devices.printer, app.devices.simulators, app.devices.manager\n"
            "from app.printing.fonts import load_font\n"
            "assert load_font.cache_info().currsize == 0\n"
            "import sys; assert 'PySide6' not in sys.modules")
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True)


@pytest.mark.parametrize("package,forbidden", [
    ("devices", ("app.printing", "app.store", "app.ui", "PySide6")),
    ("printing", ("app.devices", "app.store", "app.ui", "PySide6")),
])
def test_layer_rule(package: str, forbidden: tuple[str, ...]) -> None:
    for path in (ROOT / "app" / package).glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else \
                [node.module or ""] if isinstance(node, ast.ImportFrom) else []
            bad = [n for n in names if n.startswith(forbidden)]
            assert not bad, f"{path.name} imports {bad}"


def test_raster_type_for_mypy() -> None:
    assert Raster(1, 1, b"\x80").to_image().getpixel((0, 0)) == 0  # 1 bit = black dot
