"""`motcua setup` (first-run station set-up, scripted by flags or in its window) and `motcua station`.

Registered after cmd_windows: a station window command (`motcua counter`, `kiosk`, …) started on a PC with no
machine config opens the set-up window first, then the station chosen there.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app import config
from app.cli.output import EXIT_STORE, EXIT_USAGE, CliError, emit

if TYPE_CHECKING:
    from app.services.context import Context
    from app.services.station_setup import SetupAnswers

STATION_CHOICES = ("kiosk", "counter", "display", "rating", "supervisor", "admin")
FLAGS = {"station": "--station", "counter_number": "--counter", "store": "--embedded/--server-host",
         "host": "--server-host", "port": "--server-port", "database": "--database", "user": "--user",
         "password": "--password-stdin", "ssl_ca": "--ssl-ca", "printer_url": "--printer",
         "printer_profile": "--printer-profile", "keypad_url": "--keypad", "keypad_protocol": "--keypad-protocol",
         "keypad_address": "--keypad-address", "autostart": "--autostart"}
_ANSWER_OPTIONS = ("station", "counter", "embedded", "server_host", "server_port", "database", "user",
                   "password_stdin", "ssl_ca", "printer", "printer_profile", "keypad", "keypad_protocol",
                   "keypad_address", "autostart")


def register(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add `setup` and `station` (the window commands call `first_run` themselves)."""
    setup = commands.add_parser("setup", help="cài đặt máy trạm: vai trò, nơi lưu dữ liệu, thiết bị, tự khởi động "
                                              "(không có tham số, trên màn hình: mở cửa sổ cài đặt)")
    setup.add_argument("--station", choices=STATION_CHOICES, help="vai trò của máy này")
    setup.add_argument("--counter", metavar="N", help="số quầy (máy quầy, màn hình đánh giá)")
    store = setup.add_mutually_exclusive_group()
    store.add_argument("--embedded", action="store_true", help="dữ liệu trong tệp trên máy này (một máy)")
    store.add_argument("--server-host", metavar="HOST", help="máy chủ PostgreSQL của trung tâm")
    setup.add_argument("--server-port", metavar="PORT", help="cổng máy chủ (mặc định 5432)")
    setup.add_argument("--database", metavar="NAME", help="tên cơ sở dữ liệu (mặc định motcua)")
    setup.add_argument("--user", metavar="NAME", help="vai trò PostgreSQL của máy trạm (mặc định motcua_<vai trò>, "
                                                      "do «motcua db roles» tạo)")
    setup.add_argument("--password-stdin", action="store_true",
                       help="đọc mật khẩu từ dòng đầu của stdin và lưu vào keyring của hệ điều hành")
    setup.add_argument("--ssl-ca", metavar="FILE", help="chứng chỉ CA của trung tâm: kết nối mã hóa TLS, kiểm tra "
                                                       "chứng chỉ và tên máy chủ (sslmode=verify-full)")
    setup.add_argument("--printer", metavar="URL", help="máy in phiếu (kiosk): /dev/ttyUSB0, COM3, "
                                                        "socket://10.0.0.5:9100 hoặc chỉ địa chỉ IP")
    setup.add_argument("--printer-profile", choices=("80mm", "58mm"), help="khổ giấy (mặc định 80mm)")
    setup.add_argument("--keypad", metavar="URL", help="bàn phím đánh giá (máy quầy): /dev/ttyUSB1, COM4 …")
    setup.add_argument("--keypad-protocol", choices=("ascii", "framed"), help="giao thức bàn phím (mặc định ascii)")
    setup.add_argument("--keypad-address", metavar="A", help="địa chỉ bàn phím trên đường RS485 (framed)")
    setup.add_argument("--autostart", action=argparse.BooleanOptionalAction, default=None,
                       help="mở trạm toàn màn hình khi máy tính khởi động (mặc định: không)")
    setup.add_argument("--check", action="store_true",
                       help="thử kết nối trước khi ghi; không ghi gì khi không dùng được (mã 3)")
    setup.set_defaults(handler=run_setup, needs_store=False, replaces_config=True)

    station = commands.add_parser("station", help="mở máy trạm theo cấu hình của máy này "
                                                  "(chưa có cấu hình: mở cửa sổ cài đặt trước)")
    station.add_argument("--windowed", action="store_true", help="không mở toàn màn hình")
    station.set_defaults(handler=open_station, lean_handler=first_run, first_run_station=None)


# --- motcua setup --------------------------------------------------------------------------------------------

def run_setup(args: argparse.Namespace, ctx: None, cfg: config.MachineConfig) -> int:
    """Scripted set-up from the flags; with none, on a terminal, the set-up window."""
    from app.domain.errors import FormErrors
    from app.services import station_setup

    path = _config_path(args)
    if not any(getattr(args, name) not in (None, False) for name in _ANSWER_OPTIONS):
        if sys.stdin is not None and sys.stdin.isatty():
            initial = station_setup.answers_from_config(cfg) if path.exists() else None
            return _set_up_in_window(args, initial, path)
        raise CliError("thiếu câu trả lời: dùng --station và --embedded hoặc --server-host (xem «motcua setup "
                       "--help»), hoặc chạy trên màn hình để mở cửa sổ cài đặt", EXIT_USAGE)
    answers = _answers(args)
    try:
        answers = station_setup.check_answers(answers)
        if args.check:
            report = station_setup.check_connection(answers)
            if not report.ok:
                raise CliError(f"kiểm tra kết nối: {report.message} Chưa ghi gì.", EXIT_STORE)
        result = station_setup.apply(answers, path)
    except FormErrors as exc:
        raise CliError("; ".join(f"{FLAGS.get(e.field, e.field)}: {e.message}" for e in exc.errors)) from exc
    emit(args.json, "\n".join(result.summary()),
         {"config": str(result.config_path), "station": answers.station, "counter": answers.counter_number,
          "database_url": answers.database_url(), "autostart": str(result.autostart_path or ""),
          "password": result.password_note})
    return 0


def _answers(args: argparse.Namespace) -> SetupAnswers:
    """The set-up answers given as flags (usage errors for flags that cannot go together)."""
    from app.services.station_setup import SetupAnswers

    if not args.station:
        raise CliError("thiếu --station (kiosk, counter, display, rating, supervisor hoặc admin)", EXIT_USAGE)
    if not args.embedded and not args.server_host:
        raise CliError("chọn nơi lưu dữ liệu: --embedded (tệp trên máy này) hoặc --server-host HOST", EXIT_USAGE)
    if args.embedded and any(v is not None for v in (args.server_port, args.database, args.user, args.ssl_ca)) \
            or args.embedded and args.password_stdin:
        raise CliError("--server-port, --database, --user, --password-stdin, --ssl-ca chỉ dùng với --server-host",
                       EXIT_USAGE)
    password = ""
    if args.password_stdin:
        line = sys.stdin.readline() if sys.stdin is not None else ""
        password = line.rstrip("\r\n")
        if not password:
            raise CliError("--password-stdin: stdin không có mật khẩu (dòng đầu trống)")
    values: dict[str, Any] = {
        "station": args.station, "counter_number": args.counter,
        "store": "server" if args.server_host else "embedded", "host": args.server_host or "",
        "port": args.server_port if args.server_port is not None else 5432,
        "database": args.database if args.database is not None else "motcua",
        "user": args.user if args.user is not None else f"motcua_{args.station}", "ssl_ca": args.ssl_ca or "",
        "password": password, "printer_url": args.printer or "", "printer_profile": args.printer_profile or "80mm",
        "keypad_url": args.keypad or "", "keypad_protocol": args.keypad_protocol or "ascii",
        "keypad_address": args.keypad_address if args.keypad_address is not None else 1,
        "autostart": bool(args.autostart)}
    return SetupAnswers(**values)


def _config_path(args: argparse.Namespace) -> Path:
    """The machine config file the set-up writes (--config, or this PC's default)."""
    return Path(args.config) if args.config else config.default_config_file()


# --- the set-up window, then the station ------------------------------------------------------------------------

def first_run(args: argparse.Namespace, cfg: config.MachineConfig) -> int | None:
    """Before a station window opens: on a PC with no machine config (and no --db), the set-up window first,
    then the station chosen there. None: the config exists, carry on with the command as asked."""
    path = _config_path(args)
    if path.exists() or args.db or os.environ.get(config.ENV_DATABASE_URL):
        return None
    from app.services.station_setup import SetupAnswers

    initial = None
    if args.first_run_station:
        number = getattr(args, "counter", None)
        initial = SetupAnswers(station=args.first_run_station, counter_number=number)
    return _set_up_in_window(args, initial, path)


def _set_up_in_window(args: argparse.Namespace, initial: SetupAnswers | None, path: Path) -> int:
    """The set-up window; once it has saved, the station it set up (full screen unless --windowed)."""
    if sys.platform.startswith("linux") and not any(os.environ.get(name) for name in
                                                    ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")):
        raise CliError("máy này chưa được cài đặt và không có màn hình để mở cửa sổ cài đặt: dùng «motcua setup "
                       "--station … --embedded» hoặc «… --server-host …» (xem «motcua setup --help»)", EXIT_USAGE)
    from app.ui.setup import run_setup_window

    if run_setup_window(initial, path) is None:
        print("motcua: đã đóng cửa sổ cài đặt; chưa ghi gì", file=sys.stderr)
        return 1
    from app.main import open_store
    from app.services.context import Context

    cfg = config.load_machine_config(path)
    store = open_store(None, cfg)
    try:
        return open_station(args, Context(store), cfg)
    finally:
        store.dispose()


def open_station(args: argparse.Namespace, ctx: Context, cfg: config.MachineConfig) -> int:
    """Open the station this PC's config names (`motcua station`, the autostart entry)."""
    from app.cli import cmd_windows

    station = cfg.get("station")
    options = argparse.Namespace(windowed=getattr(args, "windowed", False), counter=None, printer=None,
                                 profile=None, notice="", mute=False)
    handlers = {"admin": cmd_windows.open_admin, "counter": cmd_windows.open_counter,
                "kiosk": cmd_windows.open_kiosk, "display": cmd_windows.open_display,
                "rating": cmd_windows.open_rating, "supervisor": cmd_windows.open_supervisor}
    return int(handlers[station](options, ctx, cfg) or 0)
