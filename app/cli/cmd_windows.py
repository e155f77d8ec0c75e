"""Commands that open a window: `motcua admin`, `motcua demo`. Qt is imported only inside these handlers."""

from __future__ import annotations

import argparse

from typing import TYPE_CHECKING

from app import config
from app.cli.cmd_db import require_current_schema

if TYPE_CHECKING:
    from app.services.context import Context


def register(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add the window commands."""
    admin = commands.add_parser("admin", help="mở cửa sổ quản trị (danh mục, quầy, cán bộ, ngày nghỉ)")
    admin.set_defaults(handler=open_admin)
    demo = commands.add_parser("demo", help="chạy thử trên máy này: CSDL nhúng, dữ liệu mẫu, mở các cửa sổ")
    demo.set_defaults(handler=open_demo)


def open_admin(args: argparse.Namespace, ctx: Context, cfg: config.MachineConfig) -> int:
    """The admin window, after signing in."""
    require_current_schema(ctx)
    from app.ui.launch import run_admin

    return run_admin(ctx, cfg, sign_in_as=None)


def open_demo(args: argparse.Namespace, ctx: Context, cfg: config.MachineConfig) -> int:
    """Upgrade the embedded store, load the demo centre once, and open the stations signed in as the demo admin."""
    from app.services import demo
    from app.services.context import Actor
    from app.store import migrate

    migrate.upgrade(ctx.store)
    if not demo.is_seeded(ctx):
        demo.seed_demo(ctx, Actor.system())
    from app.ui.launch import run_admin

    return run_admin(ctx, cfg, sign_in_as=("quantri", demo.DEMO_PASSWORD["admin"]))
