"""`motcua devices test-print|list`: this machine's ticket printer and rating keypad."""

from __future__ import annotations

import argparse

from app import config
from app.cli.common import printer_options
from app.cli.output import CliError, emit


def register(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add the devices command."""
    dev = commands.add_parser("devices", help="thiết bị: in thử")
    dsub = dev.add_subparsers(title="lệnh", metavar="ACTION", required=True)
    tp = dsub.add_parser("test-print", help="in trang thử tiếng Việt")
    printer_options(tp, required=True)
    tp.set_defaults(handler=devices_test_print, needs_store=False)
    dl = dsub.add_parser("list", help="máy in và bàn phím đánh giá của máy này, với trạng thái hiện tại")
    dl.set_defaults(handler=devices_list, needs_store=False)


def devices_test_print(args: argparse.Namespace, ctx: None, cfg: config.MachineConfig) -> int:
    """Print the Vietnamese test page."""
    from app.devices.transport import DeviceError
    from app.services import ticket_printing

    profile = ticket_printing.profile_named(args.profile or cfg.get("printer_profile"))
    try:
        ticket_printing.print_test_page(args.printer, profile)
    except DeviceError as exc:
        raise CliError(str(exc)) from exc
    emit(args.json, f"Đã in trang thử ra {args.printer}", {"printer": args.printer, "ok": True})
    return 0


def devices_list(args: argparse.Namespace, ctx: None, cfg: config.MachineConfig) -> int:
    """This machine's printer and keypad ports with a live probe (open, then close)."""
    rows = []
    for key, label in (("printer_url", "Máy in phiếu"), ("keypad_url", "Bàn phím đánh giá")):
        url = cfg.get(key)
        ok, reason = probe_port(url, label.lower()) if url else (False, "chưa cấu hình")
        rows.append({"device": key.removesuffix("_url"), "label": label, "url": url, "connected": ok,
                     "state": "đã kết nối" if ok else ("chưa cấu hình" if not url else "mất kết nối"),
                     "reason": reason})
    text = "\n".join(f"{r['label']:<18} {r['url'] or '—':<28} {r['state']}"
                     + (f" — {r['reason']}" if r["reason"] and r["url"] else "") for r in rows)
    emit(args.json, text, rows)
    return 0


def probe_port(url: str, label_vi: str) -> tuple[bool, str | None]:
    """Open and close a port: (True, None) when it opens, else (False, the Vietnamese reason).

    A device path is probed with a bare open(2) so the probe neither flushes the input nor changes the line
    settings of a port a running station is reading; URLs (socket://, loop://) go through pyserial.
    """
    import os

    from app.devices.transport import DeviceError, SerialTransport, open_error_reason

    if "://" not in url and os.name == "posix":
        try:
            fd = os.open(url, os.O_RDWR | os.O_NOCTTY | os.O_NONBLOCK)
        except OSError as exc:
            return False, open_error_reason(url, label_vi, exc)
        os.close(fd)
        return True, None
    transport = SerialTransport(url, label_vi=label_vi)
    try:
        transport.open()
    except DeviceError as exc:
        return False, exc.reason_vi
    transport.close()
    return True, None
