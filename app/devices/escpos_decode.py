"""Tiny ESC/POS reader: printer bytes to text lines, rasters, feeds and cuts; unknown bytes reported, never raised."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field

from PIL import Image, ImageOps

ESC, GS, DLE = 0x1B, 0x1D, 0x10
DEFAULT_CODEPAGES = {0: "cp437", 16: "cp1252", 30: "cp1258", 52: "cp1258"}  # ESC t n -> codec (model-specific)
_ESC_ARGS = {b"@": 0, b"a": 1, b"E": 1, b"!": 1, b"t": 1, b"d": 1, b"J": 1, b"2": 0, b"3": 1,
             b"-": 1, b"M": 1, b"G": 1, b"{": 1, b"R": 1, b"=": 1, b"V": 1}
_GS_ARGS = {b"!": 1, b"B": 1, b"L": 2, b"W": 2, b"a": 1, b"H": 1, b"f": 1, b"h": 1, b"w": 1}
LINE_DOTS = 30  # Font A 24 dots + default spacing, for ESC d and empty lines


@dataclass
class TextLine:
    """A line printed in the printer's own font."""

    text: str
    align: int = 0
    bold: bool = False
    width_mult: int = 1
    height_mult: int = 1


@dataclass
class Raster:
    """A GS v 0 image: width in bytes (8 dots each), rows, packed bits (1 = black dot)."""

    width_bytes: int
    height: int
    data: bytes
    align: int = 0

    @property
    def width_dots(self) -> int:
        """Width in dots."""
        return self.width_bytes * 8

    def to_image(self) -> Image.Image:
        """As a grayscale image, black ink on white."""
        bits = Image.frombytes("1", (self.width_dots, self.height), self.data)
        return ImageOps.invert(bits.convert("L"))


@dataclass
class QrCode:
    """A QR code the printer draws itself (GS ( k): its stored data and how it was asked to draw it."""

    data: bytes
    module_dots: int = 3
    ec: int = 48
    align: int = 0


@dataclass
class Feed:
    """Paper fed without printing (ESC J, ESC d)."""

    dots: int


@dataclass
class DecodedTicket:
    """What was printed between two cuts."""

    items: list[TextLine | Raster | QrCode | Feed] = field(default_factory=list)
    cut: str | None = None  # "full", "partial" or None (not cut)
    unknown: list[str] = field(default_factory=list)
    status_queries: list[int] = field(default_factory=list)
    size_bytes: int = 0

    @property
    def text_lines(self) -> list[TextLine]:
        """Non-empty lines in the printer's font."""
        return [i for i in self.items if isinstance(i, TextLine) and i.text.strip()]

    @property
    def qr_codes(self) -> list[QrCode]:
        """The QR codes printed by the printer's own command, top to bottom."""
        return [i for i in self.items if isinstance(i, QrCode)]

    @property
    def rasters(self) -> list[Raster]:
        """The GS v 0 images, top to bottom."""
        return [i for i in self.items if isinstance(i, Raster)]

    def plain_text(self) -> str:
        """Text lines as printed, rasters as a [raster W×H] marker."""
        out = []
        for item in self.items:
            if isinstance(item, TextLine):
                out.append(item.text)
            elif isinstance(item, Raster):
                out.append(f"[raster {item.width_dots}×{item.height}]")
            elif isinstance(item, QrCode):
                out.append(f"[QR {item.data.decode('latin-1')}]")
        return "\n".join(out)


class EscPosDecoder:
    """Incremental decoder: feed() bytes as they come, get the tickets completed by a cut."""

    def __init__(self, codepages: dict[int, str] | None = None,
                 on_status_query: Callable[[int], None] | None = None) -> None:
        self.codepages = dict(DEFAULT_CODEPAGES if codepages is None else codepages)
        self.on_status_query = on_status_query
        self._buf = bytearray()
        self._line = bytearray()
        self._ticket = DecodedTicket()
        self._reset_modes()

    def feed(self, data: bytes) -> list[DecodedTicket]:
        """Decode what can be decoded; keep an incomplete command for the next call."""
        self._buf += data
        done: list[DecodedTicket] = []
        pos = 0
        while pos < len(self._buf):
            used = self._step(pos, done)
            if used == 0:
                break  # incomplete command: wait for more bytes
            self._ticket.size_bytes += used
            pos += used
        del self._buf[:pos]
        return done

    def flush(self) -> DecodedTicket | None:
        """End of stream: the uncut rest as a ticket (cut=None), or None when nothing is left."""
        if self._buf:
            self._ticket.unknown.append(f"lệnh dở dang: {bytes(self._buf[:8]).hex(' ')}")
            self._buf.clear()
        self._end_line()
        ticket, self._ticket = self._ticket, DecodedTicket()
        return ticket if ticket.items or ticket.unknown else None

    def _reset_modes(self) -> None:
        self._qr = QrCode(b"")
        self.align, self.bold, self.width_mult, self.height_mult, self.codepage = 0, False, 1, 1, 0
        self._line.clear()
        self._line_style = (0, False, 1, 1)

    def _step(self, pos: int, done: list[DecodedTicket]) -> int:
        """Decode one command or byte at pos; return bytes used, 0 when more are needed."""
        buf, byte = self._buf, self._buf[pos]
        if byte == 0x0A:
            self._end_line(empty_ok=True)
            return 1
        if byte >= 0x20 or byte == 0x09:
            if not self._line:
                self._line_style = (self.align, self.bold, self.width_mult, self.height_mult)
            self._line.append(0x20 if byte == 0x09 else byte)
            return 1
        if byte == 0x0D:
            return 1
        if byte not in (ESC, GS, DLE):
            self._ticket.unknown.append(f"byte 0x{byte:02x}")
            return 1
        if pos + 1 >= len(buf):
            return 0
        cmd = bytes(buf[pos + 1:pos + 2])
        if byte == DLE:
            return self._dle(pos, cmd)
        if byte == GS and cmd == b"v":
            return self._raster(pos)
        if byte == GS and cmd == b"V":
            return self._cut(pos, done)
        if byte == GS and cmd == b"(":
            return self._gs_paren(pos)
        table = _ESC_ARGS if byte == ESC else _GS_ARGS
        if cmd not in table:
            self._ticket.unknown.append(f"{'ESC' if byte == ESC else 'GS'} 0x{cmd[0]:02x}")
            return 2
        size = 2 + table[cmd]
        if pos + size > len(buf):
            return 0
        self._apply(byte, cmd, buf[pos + 2] if size > 2 else 0)
        return size

    def _apply(self, prefix: int, cmd: bytes, arg: int) -> None:
        """Apply a fixed-length ESC or GS command."""
        if prefix == GS:
            if cmd == b"!":
                self.width_mult, self.height_mult = (arg >> 4) + 1, (arg & 0x0F) + 1
            return
        if cmd == b"@":
            self._end_line()
            self._reset_modes()
        elif cmd == b"a":
            self.align = arg % 48 if arg >= 48 else arg
        elif cmd == b"E":
            self.bold = bool(arg & 1)
        elif cmd == b"!":
            self.bold = bool(arg & 0x08)
            self.height_mult, self.width_mult = 2 if arg & 0x10 else 1, 2 if arg & 0x20 else 1
        elif cmd == b"t":
            self.codepage = arg
            if arg not in self.codepages:
                self._ticket.unknown.append(f"ESC t {arg}: bảng mã không biết")
        elif cmd in (b"d", b"J"):
            self._end_line()
            self._ticket.items.append(Feed(arg * LINE_DOTS if cmd == b"d" else arg))

    def _dle(self, pos: int, cmd: bytes) -> int:
        if cmd not in (b"\x04", b"\x05"):
            self._ticket.unknown.append(f"DLE 0x{cmd[0]:02x}")
            return 2
        if pos + 3 > len(self._buf):
            return 0
        if cmd == b"\x04":
            n = self._buf[pos + 2]
            self._ticket.status_queries.append(n)
            if self.on_status_query is not None:
                self.on_status_query(n)
        return 3

    def _raster(self, pos: int) -> int:
        buf = self._buf
        if pos + 8 > len(buf):
            return 0
        if buf[pos + 2] not in (0x30, 0):
            self._ticket.unknown.append(f"GS v 0x{buf[pos + 2]:02x}")
            return 3
        width, height = buf[pos + 4] | buf[pos + 5] << 8, buf[pos + 6] | buf[pos + 7] << 8
        if not 0 < width <= 256 or not 0 < height <= 8192:
            self._ticket.unknown.append(f"GS v 0 cỡ vô lý {width}×{height}")
            return 8
        end = pos + 8 + width * height
        if end > len(buf):
            return 0
        self._end_line()
        self._ticket.items.append(Raster(width, height, bytes(buf[pos + 8:end]), self.align))
        return end - pos

    def _gs_paren(self, pos: int) -> int:
        """GS ( fn pL pH …: the QR functions of GS ( k (cn 49) are understood, the rest skipped as unknown."""
        buf = self._buf
        if pos + 5 > len(buf):
            return 0
        kind, size = bytes(buf[pos + 2:pos + 3]), buf[pos + 3] | buf[pos + 4] << 8
        end = pos + 5 + size
        if end > len(buf):
            return 0
        params = bytes(buf[pos + 5:end])
        if kind != b"k" or len(params) < 2 or params[0] != 49:
            self._ticket.unknown.append(f"GS ( {kind.decode('latin-1')} {params[:2].hex(' ')}")
            return end - pos
        fn, args = params[1], params[2:]
        if fn == 67 and args:
            self._qr.module_dots = args[0]
        elif fn == 69 and args:
            self._qr.ec = args[0]
        elif fn == 80 and args[:1] == b"\x30":
            self._qr.data = args[1:]
        elif fn == 81:
            self._end_line()
            self._ticket.items.append(QrCode(self._qr.data, self._qr.module_dots, self._qr.ec, self.align))
        elif fn != 65:
            self._ticket.unknown.append(f"GS ( k QR fn {fn}")
        return end - pos

    def _cut(self, pos: int, done: list[DecodedTicket]) -> int:
        if pos + 3 > len(self._buf):
            return 0
        mode = self._buf[pos + 2]
        size = 4 if mode in (65, 66) else 3
        if pos + size > len(self._buf):
            return 0
        self._end_line()
        self._ticket.cut = "partial" if mode in (1, 49, 66) else "full"
        self._ticket.size_bytes += size
        done.append(self._ticket)
        self._ticket = DecodedTicket()
        self._ticket.size_bytes -= size  # feed() adds it to the new ticket; it belongs to the old one
        return size

    def _end_line(self, empty_ok: bool = False) -> None:
        """Emit the pending text line (an LF on an empty line feeds one line)."""
        if self._line:
            align, bold, wm, hm = self._line_style
            text = bytes(self._line).decode(self.codepages.get(self.codepage, "cp437"), errors="replace")
            self._ticket.items.append(TextLine(unicodedata.normalize("NFC", text), align, bold, wm, hm))
            self._line.clear()
        elif empty_ok:
            self._ticket.items.append(TextLine("", self.align))


def decode_stream(data: bytes, codepages: dict[int, str] | None = None) -> list[DecodedTicket]:
    """Decode a whole capture into tickets (the last one uncut if bytes follow the last cut)."""
    decoder = EscPosDecoder(codepages)
    tickets = decoder.feed(data)
    rest = decoder.flush()
    return tickets + ([rest] if rest else [])
