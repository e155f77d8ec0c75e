"""Code 128 barcodes and QR codes of dossier codes, as reportlab flowables (no extra dependency)."""

from __future__ import annotations

from reportlab.graphics.barcode.code128 import Code128
from reportlab.graphics.barcode.qr import QrCode
from reportlab.platypus import Flowable

MAX_BAR_WIDTH = 1.0  # points per narrow bar; scanners and zbar at 200 dpi want ≥ ~0.7 pt


def code128(value: str, max_width: float, height: float = 26.0) -> Flowable:
    """A Code 128 barcode of `value` no wider than `max_width` points (quiet zones included, no text line)."""
    probe = Code128(value, barWidth=1.0, barHeight=height, humanReadable=False)
    bar_width = min(MAX_BAR_WIDTH, max_width / probe.width)
    return Code128(value, barWidth=bar_width, barHeight=height, humanReadable=False)


def qr(value: str, size: float) -> Flowable:
    """A square QR code of `value`, `size` points wide (error correction M, 4-module quiet border included).

    The flowable draws straight on the canvas: a graphics Drawing would drag an unembedded Helvetica into the PDF.
    """
    return QrCode(value, width=size, height=size, qrLevel="M", qrBorder=4)
