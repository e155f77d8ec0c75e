"""`motcua login LOGIN`: sign in once and keep a short-lived session in the OS keyring (docs/security.md)."""

from __future__ import annotations

import argparse
import time
from typing import TYPE_CHECKING

from app import config
from app.cli.common import read_officer_password, require_current_schema
from app.cli.output import CliError, emit

if TYPE_CHECKING:
    from app.services.context import Context

MAX_MINUTES = 12 * 60  # one working day at most


def register(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add the login command."""
    login = commands.add_parser("login", help="đăng nhập một lần: các lệnh sau không cần --officer đến khi hết hạn "
                                              "(phiên lưu trong keyring của hệ điều hành)")
    login.add_argument("login", metavar="LOGIN")
    login.add_argument("--minutes", type=int, default=60, help="phiên hết hạn sau bấy nhiêu phút (mặc định 60)")
    login.set_defaults(handler=login_command)


def login_command(args: argparse.Namespace, ctx: Context, cfg: config.MachineConfig) -> int:
    """Check the password now, then keep the session for this store."""
    from app.services import accounts

    require_current_schema(ctx)
    if not 1 <= args.minutes <= MAX_MINUTES:
        raise CliError(f"--minutes phải từ 1 đến {MAX_MINUTES}")
    password = read_officer_password(args.login)
    actor = accounts.sign_in(ctx, args.login, password)
    config.save_session(ctx.store.url, actor.login, password, time.time() + args.minutes * 60)
    emit(args.json, f"Đã đăng nhập {actor.login} ({actor.full_name}) trong {args.minutes} phút; «motcua logout» để "
                    "kết thúc", {"login": actor.login, "minutes": args.minutes})
    return 0
