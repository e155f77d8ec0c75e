"""`motcua user add|passwd|list`: officer accounts."""

from __future__ import annotations

import argparse
import getpass
import sys
from typing import TYPE_CHECKING

from app import config
from app.cli.common import actor_for, officer_option, require_current_schema
from app.cli.output import CliError, emit

if TYPE_CHECKING:
    from app.services.context import Context


def register(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add the user commands."""
    user = commands.add_parser("user", help="tài khoản cán bộ: thêm, đổi mật khẩu, liệt kê")
    sub = user.add_subparsers(title="lệnh", metavar="ACTION", required=True)
    add = sub.add_parser("add", help="thêm tài khoản (mật khẩu hỏi khi chạy, hoặc đọc từ stdin)")
    add.add_argument("login")
    add.add_argument("--name", required=True, help="họ và tên")
    add.add_argument("--role", required=True, choices=("officer", "supervisor", "admin"))
    officer_option(add, "quản trị viên thực hiện (mật khẩu của họ trước, ở dòng đầu của stdin); bỏ trống: tài khoản "
                        "bảo trì (chủ cơ sở dữ liệu), bắt buộc cho tài khoản đầu tiên")
    add.set_defaults(handler=user_add)
    passwd = sub.add_parser("passwd", help="đặt lại mật khẩu (mở khóa tài khoản)")
    passwd.add_argument("login")
    officer_option(passwd, "cán bộ thực hiện: chính chủ tài khoản, hoặc quản trị viên (mật khẩu của họ ở dòng đầu)")
    passwd.set_defaults(handler=user_passwd)
    lst = sub.add_parser("list", help="liệt kê tài khoản")
    officer_option(lst, "giám sát hoặc quản trị viên xem danh sách")
    lst.set_defaults(handler=user_list)


def read_new_password() -> str:
    """A new password: asked twice on a terminal, else one line of stdin (for scripts)."""
    if sys.stdin.isatty():
        first = getpass.getpass("Mật khẩu mới: ")
        if getpass.getpass("Nhập lại mật khẩu: ") != first:
            raise CliError("hai lần nhập mật khẩu không khớp")
        return first
    return sys.stdin.readline().rstrip("\r\n")


def user_add(args: argparse.Namespace, ctx: Context, cfg: config.MachineConfig) -> int:
    """Create an account."""
    from app.services import accounts

    require_current_schema(ctx)
    actor = actor_for(ctx, cfg, args.officer)
    view = accounts.add_user(ctx, actor, args.login, args.name, args.role, read_new_password())
    emit(args.json, f"Đã thêm tài khoản {view.login} ({view.full_name}, {view.role})", view)
    return 0


def user_passwd(args: argparse.Namespace, ctx: Context, cfg: config.MachineConfig) -> int:
    """Reset a password."""
    from app.services import accounts

    require_current_schema(ctx)
    accounts.set_password(ctx, actor_for(ctx, cfg, args.officer), args.login, read_new_password())
    emit(args.json, f"Đã đặt lại mật khẩu cho {args.login}", {"login": args.login})
    return 0


def user_list(args: argparse.Namespace, ctx: Context, cfg: config.MachineConfig) -> int:
    """List accounts."""
    from app.services import accounts

    require_current_schema(ctx)
    users = accounts.list_users(ctx, actor_for(ctx, cfg, args.officer))
    lines = [f"{u.login:<12} {u.role:<10} {'hoạt động' if u.active else 'ngừng':<10} "
             f"{'KHÓA ' if u.locked else ''}{u.full_name}" for u in users]
    emit(args.json, "\n".join(lines) or "(chưa có tài khoản)", users)
    return 0
