"""The `motcua` argument parser: global options and every command (names are a public contract)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import NoReturn

from app import __version__
from app.cli import (cmd_audit, cmd_calendar, cmd_catalog, cmd_db, cmd_devices, cmd_dossier, cmd_keypad, cmd_login,
                     cmd_logout, cmd_print, cmd_queue, cmd_report, cmd_seed, cmd_setup, cmd_simulate, cmd_support,
                     cmd_sync, cmd_ticket, cmd_user, cmd_windows)
from app.cli.output import EXIT_USAGE


class Parser(argparse.ArgumentParser):
    """argparse that reports bad arguments on one line (Vietnamese) instead of usage + error."""

    def error(self, message: str) -> NoReturn:
        print(f"motcua: lỗi: {message} (xem «{self.prog} --help»)", file=sys.stderr)
        raise SystemExit(EXIT_USAGE)


def build_parser() -> Parser:
    """Every command with its options."""
    parser = Parser(prog="motcua", description="Phần mềm quầy một cửa — Trung tâm Phục vụ hành chính công")
    parser.add_argument("--version", action="version", version=f"motcua {__version__}")
    parser.add_argument("--db", metavar="URL", help="cơ sở dữ liệu (sqlite:///tệp hoặc postgresql+psycopg://...)")
    parser.add_argument("--config", metavar="FILE", type=Path, help="tệp cấu hình TOML của máy này")
    parser.add_argument("--json", action="store_true", help="in kết quả dạng JSON")
    commands = parser.add_subparsers(title="lệnh", metavar="COMMAND", parser_class=Parser)
    # one module per top-level command, each adding its own; `motcua --help` lists them in this order
    # (cmd_setup after cmd_windows: it adds the first-run set-up to the window commands)
    for module in (cmd_db, cmd_seed, cmd_catalog, cmd_user, cmd_login, cmd_logout, cmd_ticket, cmd_queue,
                   cmd_devices, cmd_simulate, cmd_dossier, cmd_print, cmd_report, cmd_windows, cmd_keypad, cmd_setup,
                   cmd_support, cmd_sync, cmd_audit, cmd_calendar):
        module.register(commands)
    return parser
