"""A QR code as a 1-bit image, by reportlab's encoder (already a dependency for the PDF forms) and Pillow.

Shared by the ticket's raster fallback (app.printing.ticket) and the drawing of a printer's own QR command in the
decoded-ticket preview (app.devices.escpos_render), two layers that may not import each other; it holds no rule
and does no I/O.
"""

from __future__ import annotations

from PIL import Image

QR_QUIET_MODULES = 4  # the white border a QR code needs around it
QR_EC_M = 49  # GS ( k's byte for error correction level M (15 %): a crease or a smudge still reads
_EC_BYTES = {48: "L", 49: "M", 50: "Q", 51: "H"}  # GS ( k function 169's values


def qr_matrix(text: str, ec: int = QR_EC_M) -> list[list[bool]]:
    """The QR code's modules (True = dark), by reportlab's encoder (already a dependency for the PDF forms)."""
    from reportlab.graphics.barcode import qrencoder

    code = qrencoder.QRCode(None, getattr(qrencoder.QRErrorCorrectLevel, _EC_BYTES.get(ec, "M")))
    code.addData(text)
    code.make()
    n = code.getModuleCount()
    return [[bool(code.isDark(r, c)) for c in range(n)] for r in range(n)]


def qr_image(text: str, module_dots: int, ec: int = QR_EC_M) -> Image.Image:
    """The QR code as a 1-bit image (1 = black dot) with its quiet zone, `module_dots` per module."""
    matrix = qr_matrix(text, ec)
    side = len(matrix) + 2 * QR_QUIET_MODULES
    img = Image.new("1", (side, side), 0)
    for r, row in enumerate(matrix):
        for c, dark in enumerate(row):
            if dark:
                img.putpixel((c + QR_QUIET_MODULES, r + QR_QUIET_MODULES), 1)
    return img.resize((side * module_dots, side * module_dots), Image.Resampling.NEAREST)
