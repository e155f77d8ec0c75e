"""`motcua keypad listen`: read the rating keypad(s) of a port without a window and store the votes."""

from __future__ import annotations

import argparse
import sys
import time
from typing import TYPE_CHECKING, Any

from app import config
from app.cli.common import keypad_setup, require_current_schema
from app.cli.output import CliError, emit

if TYPE_CHECKING:
    from app.services.context import Context


def register(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add the keypad command."""
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


def keypad_listen(args: argparse.Namespace, ctx: Context, cfg: config.MachineConfig) -> int:
    """Run the keypad(s) of a port headless until Ctrl+C (or --for seconds), printing each vote."""
    from app.domain import satisfaction as rules
    from app.services import ratings
    from app.services.keypad_station import KeypadStation

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

    station = KeypadStation(ctx, args.port, counters, protocol, key_map=key_map, on_status=on_status,
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


_STATES_VI = {"connected": "đã kết nối", "disconnected": "mất kết nối", "fault": "lỗi thiết bị"}


def _state_vi(state: str) -> str:
    return _STATES_VI.get(state, state)
