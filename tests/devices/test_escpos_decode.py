"""ESC/POS decoder: commands, incremental feeding, status queries, garbage never crashes."""

from __future__ import annotations

import random

from app.devices.escpos_decode import EscPosDecoder, Feed, TextLine, decode_stream

RASTER = b"\x1dv0\x00\x02\x00\x02\x00" + b"\xff\x00\x0f\xf0"  # 16x2 dots


def test_commands_decode_to_lines_rasters_and_cuts() -> None:
    data = (b"\x1b@\x1ba\x01\x1bE\x01\x1d!\x33A1023\n\x1d!\x00\x1bE\x00" + RASTER + b"\x1bJ\x06"
            + b"\x1b!\x38big\n" + b"\x1bd\x03\x1dV\x01" + b"second\n\x1dVA\x05")
    first, second = decode_stream(data)
    assert first.cut == "partial" and second.cut == "full" and not first.unknown
    number = first.items[0]
    assert number == TextLine("A1023", align=1, bold=True, width_mult=4, height_mult=4)
    raster = first.rasters[0]
    assert (raster.width_dots, raster.height, raster.data, raster.align) == (16, 2, b"\xff\x00\x0f\xf0", 1)
    assert raster.to_image().getpixel((0, 0)) == 0 and raster.to_image().getpixel((8, 0)) == 255
    assert Feed(6) in first.items and Feed(90) in first.items
    assert first.items[3] == TextLine("big", align=1, bold=True, width_mult=2, height_mult=2)
    assert second.text_lines[0].text == "second"
    assert first.size_bytes + second.size_bytes == len(data)


def test_byte_by_byte_feeding_gives_the_same_tickets() -> None:
    data = b"\x1b@\x1bt\x34S\xf2\n" + RASTER + b"\x1dV\x00" + b"\x1b@x\n\x1dV\x01"
    decoder = EscPosDecoder()
    tickets = [t for i in range(len(data)) for t in decoder.feed(data[i:i + 1])]
    assert tickets == decode_stream(data)
    assert tickets[0].text_lines[0].text == "Ṣ"  # cp1258 base letter + combining dot below, NFC


def test_status_queries_are_reported_to_the_callback() -> None:
    asked: list[int] = []
    decoder = EscPosDecoder(on_status_query=asked.append)
    decoder.feed(b"\x10\x04\x02\x10\x04")
    decoder.feed(b"\x04")
    assert asked == [2, 4]


def test_random_garbage_never_crashes_and_is_reported() -> None:
    rng = random.Random(7)
    data = bytes(rng.randrange(256) for _ in range(200_000))
    tickets = decode_stream(data)
    assert tickets and sum(len(t.unknown) for t in tickets) > 0


def test_absurd_raster_header_is_skipped() -> None:
    (ticket,) = decode_stream(b"\x1dv0\x00\xff\xff\xff\xffok\n")
    assert ticket.unknown and ticket.text_lines[-1].text.endswith("ok")
