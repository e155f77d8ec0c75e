"""`motcua logout`: end the session `motcua login` kept for this store."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from app import config
from app.cli.output import emit

if TYPE_CHECKING:
    from app.services.context import Context


def register(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add the logout command."""
    logout = commands.add_parser("logout", help="kết thúc phiên đăng nhập đã lưu cho cơ sở dữ liệu này")
    logout.set_defaults(handler=logout_command)


def logout_command(args: argparse.Namespace, ctx: Context, cfg: config.MachineConfig) -> int:
    """Remove the session (nothing to remove is fine)."""
    ended = config.forget_session(ctx.store.url)
    emit(args.json, "Đã đăng xuất" if ended else "Không có phiên đăng nhập nào", {"ended": ended})
    return 0
