"""`motcua db upgrade|check|roles|password`: the database's schema, the station roles, the password."""

from __future__ import annotations

import argparse
import getpass
import sys
from typing import TYPE_CHECKING

from app import config
from app.cli.common import require_current_schema
from app.cli.output import EXIT_SCHEMA, CliError, emit

if TYPE_CHECKING:
    from app.services.context import Context


def register(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add the db command."""
    db = commands.add_parser("db", help="cơ sở dữ liệu: nâng cấp, kiểm tra, mật khẩu")
    sub = db.add_subparsers(title="lệnh", metavar="ACTION", required=True)
    up = sub.add_parser("upgrade", help="nâng cấp lược đồ lên bản mới nhất (sao lưu SQLite trước)")
    up.set_defaults(handler=db_upgrade)
    check = sub.add_parser("check", help="báo lỗi (mã 4) khi lược đồ chưa ở bản mới nhất")
    check.set_defaults(handler=db_check)
    roles = sub.add_parser("roles", help="tạo hoặc cập nhật vai trò PostgreSQL của từng loại máy trạm (chủ cơ sở "
                                         "dữ liệu chạy; chạy lại bao nhiêu lần cũng được)")
    roles.add_argument("--prefix", default="motcua_", metavar="PREFIX",
                       help="tiền tố tên vai trò (mặc định motcua_: motcua_kiosk, motcua_counter, …)")
    roles.add_argument("--password-stdin", action="store_true",
                       help="đặt mật khẩu: mỗi dòng của stdin «loại=mật khẩu» (vd. counter=…); loại không có dòng "
                            "giữ mật khẩu cũ")
    roles.set_defaults(handler=db_roles)
    pw = sub.add_parser("password", help="lưu mật khẩu PostgreSQL vào keyring của hệ điều hành")
    pw.add_argument("--url", required=True, help="postgresql+psycopg://user@host/db (không kèm mật khẩu)")
    pw.set_defaults(handler=db_password, needs_store=False)


def db_upgrade(args: argparse.Namespace, ctx: Context, cfg: config.MachineConfig) -> int:
    """Upgrade the schema to head (the owner's connection only: the maintenance account)."""
    from app.store import migrate, roles

    roles.require_maintenance(ctx.store, "nâng cấp lược đồ cơ sở dữ liệu")
    before = migrate.current_revision(ctx.store)
    backup = migrate.upgrade(ctx.store)
    after = migrate.current_revision(ctx.store)
    text = f"Lược đồ: {before or '(trống)'} → {after}" + (f"; bản sao lưu: {backup}" if backup else "")
    emit(args.json, text, {"from": before, "to": after, "backup": str(backup) if backup else None})
    return 0


def db_check(args: argparse.Namespace, ctx: Context, cfg: config.MachineConfig) -> int:
    """Exit 4 when the schema is not at head."""
    from app.store import migrate

    current, head = migrate.current_revision(ctx.store), migrate.head_revision()
    emit(args.json, f"Lược đồ: {current or '(trống)'}; mới nhất: {head}",
         {"current": current, "head": head, "ok": current == head})
    if current != head:
        raise CliError(f"lược đồ cơ sở dữ liệu chưa ở bản mới nhất ({current or 'trống'} ≠ {head}); "
                       "chạy «motcua db upgrade»", EXIT_SCHEMA)
    return 0


def db_roles(args: argparse.Namespace, ctx: Context, cfg: config.MachineConfig) -> int:
    """Create or update the station roles and their grants (the owner's connection only)."""
    from app.store import roles

    require_current_schema(ctx)
    passwords: dict[str, str] = {}
    if args.password_stdin:
        for number, line in enumerate(sys.stdin, start=1):
            line = line.rstrip("\r\n")
            if not line.strip():
                continue
            kind, sep, password = line.partition("=")
            if not sep or kind.strip() not in roles.STATION_KINDS or not password:
                raise CliError(f"--password-stdin: dòng {number} phải có dạng «loại=mật khẩu», loại là một trong "
                               f"{', '.join(roles.STATION_KINDS)}")
            passwords[kind.strip()] = password
    names = roles.apply_roles(ctx.store, args.prefix, passwords)
    lines = [f"Đã tạo/cập nhật vai trò: {', '.join(names)}"]
    if passwords:
        lines.append(f"Đã đặt mật khẩu cho: {', '.join(roles.role_name(k, args.prefix) for k in passwords)}")
    lines.append("Mỗi máy trạm kết nối bằng vai trò của loại máy đó («motcua setup --user …»); xem docs/security.md")
    emit(args.json, "\n".join(lines), {"roles": names, "passwords_set": sorted(passwords)})
    return 0


def db_password(args: argparse.Namespace, ctx: None, cfg: config.MachineConfig) -> int:
    """Store a PostgreSQL password in the OS keyring (read from a prompt, or stdin when piped)."""
    if config.make_url_password(args.url):
        raise CliError("không ghi mật khẩu vào dòng lệnh: bỏ mật khẩu khỏi --url, nhập khi được hỏi")
    password = getpass.getpass("Mật khẩu: ") if sys.stdin.isatty() else sys.stdin.readline().rstrip("\n")
    if not password:
        raise CliError("mật khẩu trống")
    config.store_password(args.url, password)
    emit(args.json, f"Đã lưu mật khẩu cho {config.keyring_account(args.url)} vào keyring",
         {"account": config.keyring_account(args.url)})
    return 0
