"""The commands that open a window: `motcua admin|counter|kiosk|display|rating|supervisor|demo`. Qt is imported
only inside these handlers."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from app import config
from app.cli.cmd_setup import first_run
from app.cli.common import keypad_setup, require_current_schema
from app.cli.output import CliError

if TYPE_CHECKING:
    from app.services.context import Context


def register(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add the window commands; each station opens the first-run set-up first on an unconfigured PC."""
    admin = commands.add_parser("admin", help="mở cửa sổ quản trị (danh mục, quầy, cán bộ, ngày nghỉ)")
    admin.set_defaults(handler=open_admin, lean_handler=first_run, first_run_station="admin")
    counter = commands.add_parser("counter", help="mở cửa sổ quầy (cán bộ đăng nhập, gọi số bằng bàn phím)")
    counter.add_argument("--counter", type=int, metavar="N", help="số quầy (mặc định theo cấu hình máy)")
    counter.add_argument("--windowed", action="store_true", help="không mở toàn màn hình")
    counter.set_defaults(handler=open_counter, lean_handler=first_run, first_run_station="counter", works_offline=True)
    kiosk = commands.add_parser("kiosk", help="mở máy lấy số (toàn màn hình, in phiếu)")
    kiosk.add_argument("--printer", metavar="URL", help="cổng máy in (mặc định theo cấu hình máy)")
    kiosk.add_argument("--profile", choices=("80mm", "58mm"))
    kiosk.add_argument("--windowed", action="store_true")
    kiosk.set_defaults(handler=open_kiosk, lean_handler=first_run, first_run_station="kiosk", works_offline=True)
    display = commands.add_parser("display", help="mở màn hình hiển thị số thứ tự (TV), có đọc số")
    display.add_argument("--notice", default="", help="dòng thông báo chạy chữ")
    display.add_argument("--mute", action="store_true", help="không phát âm thanh")
    display.add_argument("--windowed", action="store_true")
    display.set_defaults(handler=open_display, lean_handler=first_run, first_run_station="display")
    rating = commands.add_parser("rating", help="màn hình đánh giá hài lòng hướng về công dân (quầy không có bàn phím)")
    rating.add_argument("--counter", type=int, metavar="N")
    rating.add_argument("--windowed", action="store_true")
    rating.set_defaults(handler=open_rating, lean_handler=first_run, first_run_station="rating")
    sup = commands.add_parser("supervisor", help="mở cửa sổ giám sát (hàng chờ trực tiếp, rà soát ngày, báo cáo kỳ)")
    sup.add_argument("--windowed", action="store_true")
    sup.set_defaults(handler=open_supervisor, lean_handler=first_run, first_run_station="supervisor")
    demo = commands.add_parser("demo", help="chạy thử trên máy này: CSDL nhúng, dữ liệu mẫu, mở các cửa sổ")
    demo.set_defaults(handler=open_demo)


def _language(cfg: config.MachineConfig) -> None:
    """The windows speak the machine's `ui_language` (Vietnamese unless set)."""
    from app.ui import i18n

    i18n.use(cfg.get("ui_language"))


def open_admin(args: argparse.Namespace, ctx: Context, cfg: config.MachineConfig) -> int:
    """The admin window, after signing in."""
    _language(cfg)
    require_current_schema(ctx)
    from app.ui.launch import run_admin

    return run_admin(ctx, cfg, sign_in_as=None)


def open_counter(args: argparse.Namespace, ctx: Context, cfg: config.MachineConfig) -> int:
    """The counter window for the counter given or configured."""
    _language(cfg)
    from app.ui.launch import run_counter

    _schema_or_offline(ctx)
    number = args.counter or cfg.get("counter_number")
    if not number:
        raise CliError("chưa chọn quầy: dùng --counter N hoặc đặt counter_number trong tệp cấu hình")
    setup = keypad_setup(cfg) if cfg.get("keypad_url") else None  # a setting that cannot work stops here
    return run_counter(ctx, number, args.windowed, setup)


def open_kiosk(args: argparse.Namespace, ctx: Context, cfg: config.MachineConfig) -> int:
    """The kiosk window."""
    _language(cfg)
    from app.ui.launch import run_kiosk

    _schema_or_offline(ctx)
    return run_kiosk(ctx, args.printer or cfg.get("printer_url"), args.profile or cfg.get("printer_profile"),
                     args.windowed)


def _schema_or_offline(ctx: Context) -> None:
    """The schema check of a kiosk or counter; on a station of a central server that does not answer, none: the
    window opens from the station's journal (docs/offline.md)."""
    from app.services.offline import is_unreachable
    from app.store.engine import StoreUnavailable

    try:
        require_current_schema(ctx)
    except StoreUnavailable as exc:
        if ctx.store.backend != "postgresql" or not is_unreachable(exc):
            raise


def open_display(args: argparse.Namespace, ctx: Context, cfg: config.MachineConfig) -> int:
    """The queue display."""
    _language(cfg)
    from app.ui.launch import run_display

    require_current_schema(ctx)
    return run_display(ctx, args.notice, args.windowed, sound=not args.mute)


def open_rating(args: argparse.Namespace, ctx: Context, cfg: config.MachineConfig) -> int:
    """The rating screen of a counter."""
    _language(cfg)
    from app.ui.launch import run_rating

    require_current_schema(ctx)
    number = args.counter or cfg.get("counter_number")
    if not number:
        raise CliError("chưa chọn quầy: dùng --counter N hoặc đặt counter_number trong tệp cấu hình")
    return run_rating(ctx, number, args.windowed)


def open_supervisor(args: argparse.Namespace, ctx: Context, cfg: config.MachineConfig) -> int:
    """The supervisor window, after signing in."""
    _language(cfg)
    from app.ui.launch import run_supervisor

    require_current_schema(ctx)
    return run_supervisor(ctx, args.windowed)


def open_demo(args: argparse.Namespace, ctx: Context, cfg: config.MachineConfig) -> int:
    """Upgrade the embedded store, load the demo centre once, open every station on one screen with a simulated
    ticket printer, signed in as the demo accounts."""
    _language(cfg)
    from app.services import demo
    from app.services.context import Actor
    from app.store import migrate
    from app.ui.launch import run_demo

    migrate.upgrade(ctx.store)
    if not demo.is_seeded(ctx):
        demo.seed_demo(ctx, Actor.maintenance(ctx))
    return run_demo(ctx, config.data_dir(), {"admin": ("quantri", demo.DEMO_PASSWORD["admin"]),
                                             "officer": ("canbo01", demo.DEMO_PASSWORD["officer"])})
