"""`motcua seed demo`: load the demo centre (agencies, real procedures, services, counters, accounts)."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from app import config
from app.cli.common import actor_for, officer_option, require_current_schema
from app.cli.output import CliError, emit

if TYPE_CHECKING:
    from app.services.context import Context


def register(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add the seed command."""
    seed = commands.add_parser("seed", help="nạp dữ liệu mẫu")
    seed_sub = seed.add_subparsers(title="lệnh", metavar="WHAT", required=True)
    demo = seed_sub.add_parser("demo", help="trung tâm mẫu: 17 cơ quan, thủ tục thật, dịch vụ, quầy, cán bộ")
    demo.add_argument("--procedures", type=int, metavar="N",
                      help="sinh đủ N thủ tục (thêm biến thể của thủ tục thật) để đo hiệu năng")
    officer_option(demo)
    demo.set_defaults(handler=seed_demo)


def seed_demo(args: argparse.Namespace, ctx: Context, cfg: config.MachineConfig) -> int:
    """Load the demo centre."""
    from app.services import demo

    require_current_schema(ctx)
    if args.procedures is not None and not 1 <= args.procedures <= 100_000:
        raise CliError("--procedures phải từ 1 đến 100000")
    summary = demo.seed_demo(ctx, actor_for(ctx, cfg, args.officer), args.procedures)
    text = (f"Đã nạp trung tâm mẫu: {summary.agencies} cơ quan, {summary.procedures} thủ tục, "
            f"{summary.services} dịch vụ, {summary.counters} quầy, {summary.officers} tài khoản "
            f"(mật khẩu mẫu: quản trị {demo.DEMO_PASSWORD['admin']}, giám sát {demo.DEMO_PASSWORD['supervisor']}, "
            f"cán bộ {demo.DEMO_PASSWORD['officer']})")
    emit(args.json, text, summary)
    return 0
