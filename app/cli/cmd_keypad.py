"""`motcua keypad listen`, `motcua simulate keypad`, `motcua report satisfaction`, `motcua devices list`.

Adds to the `devices` and `simulate` commands made by cmd_queue (register this module after it).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app import config
from app.cli.cmd_db import require_current_schema
from app.cli.output import CliError, emit, parse_day, write_output

if TYPE_CHECKING:
    from app.devices.keypad import KeypadConfig
    from app.services.context import Context


def register(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add keypad listen, simulate keypad, report satisfaction and devices list."""
    keypad = commands.add_parser("keypad", help="bàn phím đánh giá mức độ hài lòng")
    ksub = keypad.add_subparsers(title="lệnh", metavar="ACTION", required=True)
    listen = ksub.add_parser("listen", help="đọc bàn phím của quầy (không cần cửa sổ), lưu các lượt đánh giá")
    listen.add_argument("--port", required=True, metavar="URL", help="cổng (/dev/ttyUSB0, đường dẫn pty …)")
    listen.add_argument("--counter", type=int, required=True, action="append", metavar="N",
                        help="số quầy (lặp lại cùng --address cho nhiều bàn phím trên một đường RS485)")
    listen.add_argument("--protocol", choices=("ascii", "framed"),
                        help="giao thức (mặc định: keypad_protocol trong tệp cấu hình, hoặc ascii)")
    listen.add_argument("--address", type=int, action="append", metavar="A",
                        help="địa chỉ bàn phím (chế độ framed), theo thứ tự của --counter")
    listen.add_argument("--keys", metavar="K1,K2,…", help="phím của từng mức, tốt nhất trước (mặc định 1,2,3…)")
    listen.add_argument("--baud", type=int, help="tốc độ cổng (mặc định: keypad_baud, hoặc 9600)")
    listen.add_argument("--frame-timeout-ms", type=int, metavar="MS",
                        help="thời gian im lặng kết thúc một lần bấm (mặc định: keypad_frame_timeout_ms, hoặc 30)")
    listen.add_argument("--for", dest="seconds", type=float, metavar="GIÂY", help="dừng sau số giây này")
    listen.set_defaults(handler=keypad_listen)

    sim = _subcommands(commands, "simulate", "giả lập thiết bị trên một pty (cho chạy thử và kiểm thử)")
    sk = sim.add_parser("keypad", help="bàn phím đánh giá: mỗi dòng gõ vào là một phím (hoặc «địa_chỉ phím»)")
    sk.add_argument("--link", type=Path, help="đường dẫn cố định trỏ tới pty (vd. /tmp/motcua-keypad)")
    sk.add_argument("--protocol", choices=("ascii", "framed"), default="ascii")
    sk.add_argument("--address", type=int, metavar="A", help="địa chỉ mặc định (chế độ framed)")
    sk.set_defaults(handler=simulate_keypad, needs_store=False)

    report = _subcommands(commands, "report", "báo cáo")
    sat = report.add_parser("satisfaction", help="số lượt đánh giá theo mức, tỷ lệ phần trăm")
    sat.add_argument("--from", dest="date_from", required=True, type=parse_day, metavar="NGÀY")
    sat.add_argument("--to", dest="date_to", required=True, type=parse_day, metavar="NGÀY")
    sat.add_argument("--by", choices=("counter", "officer", "service", "agency"))
    sat.add_argument("--format", choices=("text", "csv", "json"), default="text")
    sat.add_argument("--out", type=Path, metavar="FILE", help="ghi ra tệp thay vì màn hình")
    sat.set_defaults(handler=report_satisfaction)

    dev = _subcommands(commands, "devices", "thiết bị")
    dl = dev.add_parser("list", help="máy in và bàn phím đánh giá của máy này, với trạng thái hiện tại")
    dl.set_defaults(handler=devices_list, needs_store=False)


def _subcommands(commands: argparse._SubParsersAction, name: str,  # type: ignore[type-arg]
                 help_text: str) -> argparse._SubParsersAction:  # type: ignore[type-arg]
    """The sub-commands of `name`, made by another module or here."""
    parser = commands.choices.get(name) or commands.add_parser(name, help=help_text)
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return action
    return parser.add_subparsers(title="lệnh", metavar="ACTION", required=True)


# --- keypad listen ------------------------------------------------------------------------------------------

def keypad_listen(args: argparse.Namespace, ctx: "Context", cfg: config.MachineConfig) -> int:
    """Run the keypad(s) of a port headless until Ctrl+C (or --for seconds), printing each vote."""
    from app.domain import satisfaction as rules
    from app.services import ratings

    require_current_schema(ctx)
    setup = keypad_setup(cfg, args.port, mode=args.protocol, keys=args.keys, baudrate=args.baud,
                         frame_timeout_ms=args.frame_timeout_ms)
    addresses = args.address or ([setup.address] if setup.mode == "framed" and len(args.counter) == 1 else None)
    counters = _bindings(setup.mode, args.counter, addresses)
    scale, timeout = ratings.rating_settings(ctx)
    try:
        key_map = rules.key_map_from_keys(scale, setup.keys) if setup.keys else rules.default_key_map(scale)
    except rules.SatisfactionError as exc:
        raise CliError(f"Phím của từng mức (--keys hoặc keypad_keys): {exc}") from exc
    protocol = setup.protocol(key_map)
    for number in counters.values():
        ratings.arming(ctx, number)  # a missing counter is refused now, not at the first press

    def on_status(status: Any) -> None:
        print(f"Bàn phím {args.port}: {_state_vi(status.state.value)}"
              + (f" — {status.reason_vi}" if status.reason_vi else ""), file=sys.stderr, flush=True)

    def on_result(result: Any) -> None:
        if args.json:
            emit(True, "", result)
        elif result.kind == "vote":
            print(f"Quầy {result.counter_number}: số {result.display_number} — {result.label} "
                  f"(phím {result.raw_key})", flush=True)
        else:
            print(f"Quầy {result.counter_number}: phím {result.raw_key} ngoài lượt đánh giá (không tính)",
                  flush=True)

    station = ratings.KeypadStation(ctx, args.port, counters, protocol, key_map=key_map, on_status=on_status,
                                    on_result=on_result, baudrate=setup.baudrate)
    print(f"Đang nghe bàn phím {args.port} (thang {scale} mức, chờ đánh giá {timeout} giây sau khi kết thúc số)",
          file=sys.stderr, flush=True)
    station.start()
    try:
        deadline = time.monotonic() + args.seconds if args.seconds is not None else None
        while deadline is None or time.monotonic() < deadline:
            time.sleep(0.1 if deadline is None else max(0.0, min(0.1, deadline - time.monotonic())))
    finally:
        station.stop()
        st = station.stats
        print(f"Đã dừng: {st.votes} lượt đánh giá, {st.stray} lần bấm ngoài lượt, "
              f"{st.garbage_bytes_reported} byte rác", file=sys.stderr, flush=True)
    return 0


def _bindings(protocol: str, counters: list[int], addresses: list[int] | None) -> dict[int | None, int]:
    """address → counter: one counter on an ASCII keypad; framed: one address per counter."""
    if protocol == "ascii":
        if len(counters) != 1 or addresses:
            raise CliError("chế độ ascii: một bàn phím cho đúng một quầy (không dùng --address)")
        return {None: counters[0]}
    addresses = addresses or []
    if len(addresses) != len(counters):
        raise CliError("chế độ framed: mỗi --counter cần một --address (cùng thứ tự)")
    if any(not 0 <= a <= 255 for a in addresses) or len(set(addresses)) != len(addresses):
        raise CliError("địa chỉ bàn phím là số 0–255, không trùng nhau")
    return dict(zip(addresses, counters))


def keypad_setup(cfg: config.MachineConfig, url: str | None = None, **overrides: Any) -> "KeypadConfig":
    """This machine's keypad from its settings (keypad_*), with command-line values (not None) taking precedence;
    a setting that cannot work is one clear error naming it."""
    from app.devices.keypad import KeypadConfig, KeypadConfigError, parse_hex

    values: dict[str, Any] = {
        "url": url if url is not None else cfg.get("keypad_url"), "mode": cfg.get("keypad_protocol"),
        "address": cfg.get("keypad_address"), "keys": cfg.get("keypad_keys").strip(),
        "baudrate": cfg.get("keypad_baud"), "frame_timeout_ms": cfg.get("keypad_frame_timeout_ms")}
    values.update({k: v for k, v in overrides.items() if v is not None})
    try:
        lamp_on = parse_hex(cfg.get("keypad_lamp_on"), "keypad_lamp_on")
        lamp_off = parse_hex(cfg.get("keypad_lamp_off"), "keypad_lamp_off")
        return KeypadConfig(lamp_on=lamp_on, lamp_off=lamp_off, **values)
    except KeypadConfigError as exc:
        raise CliError(str(exc)) from exc


_STATES_VI = {"connected": "đã kết nối", "disconnected": "mất kết nối", "fault": "lỗi thiết bị"}


def _state_vi(state: str) -> str:
    return _STATES_VI.get(state, state)


# --- simulate keypad ----------------------------------------------------------------------------------------

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


# --- report satisfaction ------------------------------------------------------------------------------------

def report_satisfaction(args: argparse.Namespace, ctx: "Context", cfg: config.MachineConfig) -> int:
    """Votes per level with percentages, in total or per group."""
    from app.services import satisfaction_report as sr

    require_current_schema(ctx)
    report = sr.satisfaction_report(ctx, args.date_from, args.date_to, args.by)
    fmt = "json" if args.json else args.format
    if fmt == "json":
        import json

        body = json.dumps(sr.to_json(report), ensure_ascii=False, indent=2) + "\n"
    else:
        body = (sr.to_csv(report) if fmt == "csv" else sr.to_text(report) + "\n")
    write_output(body, args.out)
    return 0


# --- devices list -------------------------------------------------------------------------------------------

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
