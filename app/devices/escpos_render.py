"""Draw a decoded ESC/POS ticket as a PNG-ready image, text lines with the bundled font, rasters as sent."""

from __future__ import annotations

from functools import lru_cache

from PIL import Image, ImageDraw, ImageFont

from app.devices.escpos_decode import LINE_DOTS, DecodedTicket, Feed, QrCode, Raster, TextLine
from app.resources import resource

_FONT_A_PX = 20  # DejaVu size that matches the 24-dot Font A cell


@lru_cache(maxsize=16)
def _font(size: int, bold: bool) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    path = resource("fonts", "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf")
    try:
        return ImageFont.truetype(str(path), size)
    except OSError:
        return ImageFont.load_default(size)


def ticket_to_image(ticket: DecodedTicket, paper_width_dots: int = 576) -> Image.Image:
    """Render what the printer would put on paper (grayscale, black on white)."""
    blocks = [_block(item, paper_width_dots) for item in ticket.items]
    height = sum(b.height for b, _ in blocks) + 16
    page = Image.new("L", (paper_width_dots, max(height, 1)), 255)
    top = 8
    for block, align in blocks:
        left = {0: 0, 1: (paper_width_dots - block.width) // 2, 2: paper_width_dots - block.width}.get(align, 0)
        page.paste(block, (max(0, left), top))
        top += block.height
    return page


def _block(item: TextLine | Raster | QrCode | Feed, width: int) -> tuple[Image.Image, int]:
    """One item as an image and its alignment."""
    if isinstance(item, Raster):
        return item.to_image(), item.align
    if isinstance(item, QrCode):  # drawn as the printer draws it: model 2, its module size and error correction
        from PIL import ImageOps

        from app.qr import qr_image

        return ImageOps.invert(qr_image(item.data.decode("latin-1"), item.module_dots, item.ec).convert("L")), \
            item.align
    if isinstance(item, Feed) or not item.text:
        return Image.new("L", (1, item.dots if isinstance(item, Feed) else LINE_DOTS), 255), 0
    font = _font(_FONT_A_PX * item.height_mult, item.bold)
    left, top, right, bottom = (int(v) for v in font.getbbox(item.text))
    cell = 24 * item.height_mult
    img = Image.new("L", (max(1, right), cell + 6), 255)
    ImageDraw.Draw(img).text((0, (cell - bottom) // 2 + 2), item.text, font=font, fill=0)
    if item.width_mult != item.height_mult:
        img = img.resize((max(1, img.width * item.width_mult // item.height_mult), img.height))
    if img.width > width:
        img = img.crop((0, 0, width, img.height))
    return img, item.align
