"""`motcua db upgrade|check|password`: the database's schema and its password."""

from __future__ import annotations

import argparse
import getpass
import sys
from typing import TYPE_CHECKING

from app import config
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
    pw = sub.add_parser("password", help="lưu mật khẩu PostgreSQL vào keyring của hệ điều hành")
    pw.add_argument("--url", required=True, help="postgresql+psycopg://user@host/db (không kèm mật khẩu)")
    pw.set_defaults(handler=db_password, needs_store=False)


def db_upgrade(args: argparse.Namespace, ctx: Context, cfg: config.MachineConfig) -> int:
    """Upgrade the schema to head."""
    from app.store import migrate

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
