"""`motcua simulate printer|keypad`: play a device on a pseudo-terminal (for trying the stations and for tests)."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from app import config


def register(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add the simulate command."""
    sim = commands.add_parser("simulate", help="giả lập thiết bị trên một pty (cho chạy thử và kiểm thử)")
    ssub = sim.add_subparsers(title="thiết bị", metavar="DEVICE", required=True)
    sp = ssub.add_parser("printer", help="máy in phiếu: lưu mỗi phiếu nhận được thành ảnh PNG")
    sp.add_argument("--out", type=Path, default=Path("tickets"), help="thư mục lưu ảnh phiếu")
    sp.add_argument("--link", type=Path, help="đường dẫn cố định trỏ tới pty (vd. /tmp/motcua-printer)")
    sp.add_argument("--width", choices=("80mm", "58mm"), default="80mm")
    sp.set_defaults(handler=simulate_printer, needs_store=False)
    sk = ssub.add_parser("keypad", help="bàn phím đánh giá: mỗi dòng gõ vào là một phím (hoặc «địa_chỉ phím»)")
    sk.add_argument("--link", type=Path, help="đường dẫn cố định trỏ tới pty (vd. /tmp/motcua-keypad)")
    sk.add_argument("--protocol", choices=("ascii", "framed"), default="ascii")
    sk.add_argument("--address", type=int, metavar="A", help="địa chỉ mặc định (chế độ framed)")
    sk.set_defaults(handler=simulate_keypad, needs_store=False)


def simulate_printer(args: argparse.Namespace, ctx: None, cfg: config.MachineConfig) -> int:
    """Play a printer on a pty until Ctrl+C, saving each ticket as a PNG."""
    from app.devices.simulators import PrinterSimulator

    def on_ticket(ticket: object) -> None:
        print(f"Đã nhận phiếu: {getattr(ticket, 'png_path', '')}", flush=True)

    sim = PrinterSimulator(args.out, link=args.link, paper_width_dots=384 if args.width == "58mm" else 576,
                           on_ticket=on_ticket)
    url = sim.start()
    print(url, flush=True)
    try:
        while True:
            time.sleep(3600)
    finally:
        sim.stop()


def simulate_keypad(args: argparse.Namespace, ctx: None, cfg: config.MachineConfig) -> int:
    """Play a keypad on a pty: print its path, then send each line of stdin as a key ("2" or "3 2")."""
    from app.devices.keypad_sim import KeypadSimulator

    sim = KeypadSimulator(link=args.link, mode=args.protocol, address=args.address)
    print(sim.start(), flush=True)
    try:
        for line in sys.stdin:
            parts = line.split()
            if not parts:
                continue
            try:
                if len(parts) == 2:
                    sim.press(parts[1], int(parts[0]))
                elif len(parts) == 1 and len(parts[0]) == 1:
                    sim.press(parts[0])
                else:
                    raise ValueError(line.strip())
            except (ValueError, TimeoutError) as exc:
                print(f"motcua: bỏ qua dòng «{line.strip()}»: {exc}", file=sys.stderr, flush=True)
                continue
            print(f"đã bấm {' '.join(parts)}", flush=True)
    finally:
        sim.stop()
    return 0
