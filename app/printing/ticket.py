"""Queue ticket to ESC/POS bytes: Vietnamese lines as small GS v 0 rasters, ASCII in the printer's own fonts."""

from __future__ import annotations

import codecs
import unicodedata
from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from PIL import Image, ImageDraw

from app.printing.fonts import load_font
from app.qr import QR_EC_M, qr_image

ESC, GS = b"\x1b", b"\x1d"
CutMode = Literal["full", "partial", "none"]
DEFAULT_FOOTER = "Vui lòng chờ gọi số. Xin cảm ơn!"
_TONE_MARKS = "\u0300\u0301\u0303\u0309\u0323"  # cp1258 sends these as combining bytes after the letter
_FONT_A_WIDTH = 12  # dots per character of the printer's Font A (12x24)
_MAX_RASTER_ROWS = 255  # some clone firmwares misprint taller GS v 0 blocks
_RASTER_GAP_DOTS = 6  # ESC J feed after a raster line, instead of sending blank rows
_MARGIN_DOTS = 16
# style -> (font size in px, bold); sizes chosen so a line matches Font A (24 dots) in height
_STYLES: dict[str, tuple[int, bool]] = {
    "title": (20, True), "service": (26, True), "label": (22, True),
    "body": (20, False), "small": (17, False), "big": (88, True),
}
Line = tuple[str, str]  # (text, style); style "rule" draws a separator, "big" is the ticket number


@dataclass(frozen=True)
class TicketContent:
    """What a queue ticket (phiếu số thứ tự) shows; issued_at is printed as given (centre local time)."""

    centre_name: str
    service_name: str
    number_text: str
    issued_at: datetime
    people_ahead: int | None  # None: not known (a ticket issued offline), no line about the wait
    estimated_wait_minutes: int | None = None
    priority_label: str | None = None
    footer: str | None = None  # None: DEFAULT_FOOTER; "": no footer
    qr_payload: str | None = None  # the ticket's QR code (app.domain.queue.ticket_qr_payload); None: no code
    dossier_code: str | None = None  # a result-return ticket: the dossier it is for


@dataclass(frozen=True)
class PrinterProfile:
    """Per-printer settings: paper width in dots, baud, cut, optional Vietnamese code page (codec + ESC t n)."""

    name: str
    paper_width_dots: int = 576
    baudrate: int = 115200
    cut: CutMode = "partial"
    codepage: str | None = None  # Python codec of the printer's Vietnamese table, e.g. "cp1258"
    codepage_number: int | None = None  # that table's ESC t number on this printer model
    feed_lines_before_cut: int = 4
    center_raster_by_padding: bool = False  # for firmwares that ignore ESC a on GS v 0
    native_qr: bool = True  # the printer draws QR codes itself (GS ( k); else the code is sent as a raster

    def __post_init__(self) -> None:
        if self.paper_width_dots % 8 or not 128 <= self.paper_width_dots <= 832:
            raise ValueError(f"paper_width_dots must be a multiple of 8 in 128..832: {self.paper_width_dots}")
        if self.cut not in ("full", "partial", "none"):
            raise ValueError(f"cut must be full, partial or none: {self.cut}")
        if (self.codepage is None) != (self.codepage_number is None):
            raise ValueError("codepage and codepage_number are set together")


PROFILE_80MM = PrinterProfile("80mm")
# many 58 mm clone printers lack GS ( k: their profile sends the QR code as a raster
PROFILE_58MM = PrinterProfile("58mm", paper_width_dots=384, baudrate=9600, native_qr=False)
QR_MODULE_DOTS = 6  # one QR module on paper, in dots (0.75 mm at 203 dpi): phone cameras and 2-D scanners read it
QR_RASTER_MODULE_DOTS = 4  # the raster fallback is smaller (0.5 mm modules, still read by 2-D scanners): fewer bytes on a slow 58 mm link



def ticket_lines(content: TicketContent) -> list[Line]:
    """Return the ticket's lines (Vietnamese texts) with their styles, top to bottom."""
    lines: list[Line] = [(content.centre_name, "title"), ("", "rule"), (content.service_name, "service"),
                         ("SỐ THỨ TỰ", "label"), (content.number_text, "big")]
    if content.priority_label:
        lines.append((f"Ưu tiên: {content.priority_label}", "label"))
    if content.dossier_code:
        lines += [("TRẢ KẾT QUẢ HỒ SƠ", "label"), (content.dossier_code, "body")]
    lines.append((content.issued_at.strftime("%d/%m/%Y %H:%M"), "body"))
    if content.people_ahead is None:
        pass
    elif content.people_ahead <= 0:
        lines.append(("Không có ai chờ trước bạn", "body"))
    else:
        lines.append((f"Số người đang chờ trước bạn: {content.people_ahead}", "body"))
        if content.estimated_wait_minutes:
            lines.append((f"Thời gian chờ dự kiến: khoảng {content.estimated_wait_minutes} phút", "body"))
    if content.qr_payload:
        lines.append((content.qr_payload, "qr"))
    footer = DEFAULT_FOOTER if content.footer is None else content.footer
    if footer:
        lines += [("", "rule"), (footer, "small")]
    return lines


def render_ticket(content: TicketContent, profile: PrinterProfile) -> bytes:
    """Render a ticket as compact ESC/POS: raster only for lines the printer cannot print as text."""
    return _render_mixed(ticket_lines(content), profile)


def render_test_page(profile: PrinterProfile) -> bytes:
    """Render the `devices test-print` page: profile facts, Vietnamese samples, big number, cut."""
    lines: list[Line] = [
        ("TRANG IN THỬ MÁY IN PHIẾU", "title"), ("", "rule"),
        (f"Profile: {profile.name}", "body"), (f"Width: {profile.paper_width_dots} dots", "body"),
        (f"Baud: {profile.baudrate}  Cut: {profile.cut}", "body"),
        (f"Code page: {profile.codepage or 'none'}", "body"),
        ("Tiếng Việt: ă â đ ê ô ơ ư Đ", "body"), ("ắ ằ ẳ ẵ ặ ấ ầ ẩ ẫ ậ ế ề ể ễ ệ", "body"),
        ("Ố Ồ Ổ Ỗ Ộ Ớ Ờ Ở Ỡ Ợ Ứ Ừ Ử Ữ Ự", "body"), ("A1023", "big"),
        (datetime.now().strftime("%d/%m/%Y %H:%M"), "body"),
    ]
    return _render_mixed(lines, profile)


def render_full_raster(content: TicketContent, profile: PrinterProfile) -> bytes:
    """Render the whole ticket as one full-width image (the peers' way; for the benchmark ratio)."""
    width = profile.paper_width_dots
    blocks: list[Image.Image] = []
    for text, style in ticket_lines(content):
        if style == "qr":
            img = qr_image(text, QR_RASTER_MODULE_DOTS)
            row = Image.new("1", (width, img.height + _RASTER_GAP_DOTS), 0)
            row.paste(img, ((width - img.width) // 2, 0))
            blocks.append(row)
            continue
        if style == "rule":
            blocks.append(Image.new("1", (width, 9), 0))
            ImageDraw.Draw(blocks[-1]).line((_MARGIN_DOTS, 4, width - _MARGIN_DOTS, 4), fill=1, width=2)
            continue
        for img in _text_images(text, style, width - 2 * _MARGIN_DOTS):
            row = Image.new("1", (width, img.height + _RASTER_GAP_DOTS), 0)
            row.paste(img, ((width - img.width) // 2, 0))
            blocks.append(row)
    page = Image.new("1", (width, sum(b.height for b in blocks)), 0)
    top = 0
    for block in blocks:
        page.paste(block, (0, top))
        top += block.height
    return ESC + b"@" + ESC + b"a\x00" + _gs_v0(page) + _cut(profile)


def _render_mixed(lines: list[Line], profile: PrinterProfile) -> bytes:
    """Assemble init, code page, centred lines (text or raster) and the cut."""
    out = [ESC + b"@"]
    if profile.codepage_number is not None:
        out.append(ESC + b"t" + bytes([profile.codepage_number]))  # ESC @ resets the table: select it again
    out.append(ESC + b"a\x01")
    for text, style in lines:
        out.append(_line_bytes(text, style, profile))
    out.append(_cut(profile))
    return b"".join(out)


def _line_bytes(text: str, style: str, profile: PrinterProfile) -> bytes:
    """One line as printer text when it can be, else as raster rows."""
    width = profile.paper_width_dots
    bold = _STYLES.get(style, (0, False))[1]
    if style == "rule":
        return _text_bytes(b"-" * (width // _FONT_A_WIDTH), bold=False, mult=1)
    if style == "qr":
        if profile.native_qr:
            return qr_native(text.encode("ascii"), QR_MODULE_DOTS) + b"\n"
        return _raster_bytes(qr_image(text, QR_RASTER_MODULE_DOTS), profile)
    if style == "big" and text.isascii():
        mult = max(1, min(4, width // (_FONT_A_WIDTH * max(1, len(text)))))
        return _text_bytes(text.encode("ascii"), bold=True, mult=mult)
    encoded = text.encode("ascii") if text.isascii() else _encode_codepage(text, profile.codepage)
    if encoded is not None:
        return _text_bytes(encoded, bold=bold, mult=1)
    return b"".join(_raster_bytes(img, profile) for img in _text_images(text, style, width - 2 * _MARGIN_DOTS))


def _raster_bytes(img: Image.Image, profile: PrinterProfile) -> bytes:
    """One centred raster block and its small feed (padded on the left for firmwares that ignore ESC a)."""
    if profile.center_raster_by_padding:
        padded = Image.new("1", (img.width + (profile.paper_width_dots - img.width) // 16 * 8, img.height), 0)
        padded.paste(img, (padded.width - img.width, 0))
        img = padded
    return _gs_v0(img) + ESC + b"J" + bytes([_RASTER_GAP_DOTS])


def qr_native(data: bytes, module_dots: int, ec: int = QR_EC_M) -> bytes:
    """The printer's own QR commands (GS ( k, function 165-181 of ESC/POS): model 2, module size, error
    correction, store the data, print it."""
    if not 1 <= module_dots <= 16 or len(data) > 7089:
        raise ValueError("QR module size must be 1..16 dots and the data at most 7089 bytes")

    def command(fn: int, params: bytes) -> bytes:
        return GS + b"(k" + (len(params) + 2).to_bytes(2, "little") + b"\x31" + bytes([fn]) + params

    return (command(65, b"\x32\x00") + command(67, bytes([module_dots])) + command(69, bytes([ec]))
            + command(80, b"\x30" + data) + command(81, b"\x30"))



def _text_bytes(data: bytes, bold: bool, mult: int) -> bytes:
    """Text in the printer's Font A with emphasis and GS ! size, modes reset after the line."""
    size = (mult - 1) * 0x11
    if not bold and size == 0:
        return data + b"\n"
    return ESC + b"E" + bytes([bold]) + GS + b"!" + bytes([size]) + data + b"\n" + GS + b"!\x00" + ESC + b"E\x00"


def _encode_codepage(text: str, codec: str | None) -> bytes | None:
    """Encode for the printer's code page (cp1258: tone marks as combining bytes), None when impossible."""
    if codec is None:
        return None
    try:
        codecs.lookup(codec)
    except LookupError:
        return None
    out = bytearray()
    for char in unicodedata.normalize("NFC", text):
        parts = unicodedata.normalize("NFD", char)
        base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in _TONE_MARKS))
        for candidate in (char, base + "".join(c for c in parts if c in _TONE_MARKS)):
            try:
                out += candidate.encode(codec)
                break
            except UnicodeEncodeError:
                continue
        else:
            return None
    return bytes(out)


def _text_images(text: str, style: str, max_width: int) -> list[Image.Image]:
    """Word-wrap text and draw each line as a 1-bit image cropped to its ink (1 = black dot)."""
    size, bold = _STYLES[style]
    font = load_font(size, bold)
    images = []
    for line in _wrap(text, font, max_width):
        left, top, right, bottom = (int(v) for v in font.getbbox(line))
        gray = Image.new("L", (max(1, right - left), max(1, bottom - top)), 0)
        ImageDraw.Draw(gray).text((-left, -top), line, font=font, fill=255)
        mono = gray.convert("1", dither=Image.Dither.NONE)
        ink = mono.getbbox()
        if ink:
            images.append(mono.crop(ink).crop((0, 0, min(ink[2] - ink[0], max_width), ink[3] - ink[1])))
    return images


def _wrap(text: str, font: object, max_width: int) -> list[str]:
    """Greedy word wrap by rendered width."""
    lines: list[str] = []
    current = ""
    for word in text.split():
        candidate = f"{current} {word}" if current else word
        if not current or font.getlength(candidate) <= max_width:  # type: ignore[attr-defined]
            current = candidate
        else:
            lines.append(current)
            current = word
    return lines + [current] if current else lines


def _gs_v0(img: Image.Image) -> bytes:
    """GS v 0 raster command(s) for a 1-bit image, split into blocks of at most 255 rows."""
    width_bytes = (img.width + 7) // 8
    if img.width % 8:
        padded = Image.new("1", (width_bytes * 8, img.height), 0)
        padded.paste(img, (0, 0))
        img = padded
    out = []
    for top in range(0, img.height, _MAX_RASTER_ROWS):
        block = img.crop((0, top, img.width, min(img.height, top + _MAX_RASTER_ROWS)))
        header = GS + b"v0\x00" + width_bytes.to_bytes(2, "little") + block.height.to_bytes(2, "little")
        out.append(header + block.tobytes())
    return b"".join(out)


def _cut(profile: PrinterProfile) -> bytes:
    """Feed past the cutter and cut (GS V 0 full, GS V 1 partial)."""
    feed = ESC + b"d" + bytes([profile.feed_lines_before_cut])
    return feed + {"full": GS + b"V\x00", "partial": GS + b"V\x01", "none": b""}[profile.cut]
