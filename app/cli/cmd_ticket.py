"""`motcua ticket issue|reprint`: take a numbered ticket of a service, print a ticket again."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from app import config
from app.cli.common import (offline_capable, offline_station, printer_options, replay_quietly, require_current_schema,
                            require_current_schema_or_offline, saved_locally, ticket_json)
from app.cli.output import CliError, emit, parse_day

if TYPE_CHECKING:
    from app.services.context import Context
    from app.services.queue_views import TicketView

PRIORITY_CHOICES = ("elderly", "disabled", "pregnant", "small_child", "merit")


def register(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add the ticket command."""
    ticket = commands.add_parser("ticket", help="phiếu số thứ tự: cấp, in lại")
    tsub = ticket.add_subparsers(title="lệnh", metavar="ACTION", required=True)
    issue = tsub.add_parser("issue", help="cấp số mới của một dịch vụ và in ra số")
    issue.add_argument("--service", required=True, metavar="CODE")
    issue.add_argument("--priority", nargs="?", const="elderly", choices=PRIORITY_CHOICES,
                       help="phiếu ưu tiên (mặc định: người cao tuổi)")
    printer_options(issue)
    issue.set_defaults(handler=ticket_issue, lean_handler=ticket_issue_lean, works_offline=True)
    reprint = tsub.add_parser("reprint", help="in lại một phiếu đã cấp (ghi vào nhật ký của phiếu)")
    reprint.add_argument("number", metavar="NUMBER", help="số trên phiếu, vd. 1023")
    reprint.add_argument("--service", metavar="CODE", help="dịch vụ của phiếu (khi hai dịch vụ cùng số)")
    reprint.add_argument("--date", dest="day", type=parse_day, metavar="NGÀY",
                         help="ngày cấp phiếu (mặc định hôm nay)")
    printer_options(reprint)
    reprint.set_defaults(handler=ticket_reprint)


def ticket_issue(args: argparse.Namespace, ctx: Context, cfg: config.MachineConfig) -> int:
    """Issue a ticket, print it when a printer is given or configured, print the number. On a station of a central
    server that does not answer: from the station's leased numbers, saved locally (docs/offline.md)."""
    from app.services import queue

    if offline_capable(args, cfg):
        return _ticket_issue_station(args, ctx, cfg)
    require_current_schema(ctx)
    view = queue.issue_ticket(ctx, args.service, args.priority)
    return _print_and_emit(args, ctx, cfg, view)


def _ticket_issue_station(args: argparse.Namespace, ctx: Context, cfg: config.MachineConfig) -> int:
    with offline_station(ctx, cfg) as station:
        require_current_schema_or_offline(ctx, station)
        view, offline = station.issue(args.service, args.priority)
        if offline:
            emit(args.json, view.display_number, {**ticket_json(view), "printed": False, "printer_problem": None,
                                                  "offline": True})
            saved_locally(station)
            return 0
        code = _print_and_emit(args, ctx, cfg, view)
        replay_quietly(station)
        return code


def _print_and_emit(args: argparse.Namespace, ctx: Context, cfg: config.MachineConfig, view: TicketView) -> int:
    url = args.printer or cfg.get("printer_url")
    problem = None
    if url:  # Pillow and the printer code are loaded only when there is a printer
        from app.services import ticket_printing

        profile = ticket_printing.profile_named(args.profile or cfg.get("printer_profile"))
        problem = ticket_printing.print_ticket(ctx, view, url, profile)
    emit(args.json, view.display_number, {**ticket_json(view), "printed": bool(url) and problem is None,
                                          "printer_problem": problem})
    if problem:
        raise CliError(f"đã cấp số {view.display_number} nhưng chưa in được: {problem}")
    return 0


def ticket_issue_lean(args: argparse.Namespace, cfg: config.MachineConfig) -> int | None:
    """`ticket issue` on the embedded SQLite store with no printer: sqlite3 alone, no SQLAlchemy (a kiosk script
    runs a process per ticket; P2 in docs/benchmarks.md). None: take the ordinary path (PostgreSQL, a printer)."""
    from app.store import lean_sqlite

    path = lean_sqlite.sqlite_file(config.resolve_database_url(args.db, cfg))
    if path is None or args.printer or cfg.get("printer_url"):
        return None
    from app.cli.output import EXIT_SCHEMA, EXIT_STORE
    from app.services import ticket_issue

    try:
        view = ticket_issue.issue_ticket_lean(path, args.service, args.priority)
    except lean_sqlite.SchemaNotCurrent as exc:
        raise CliError(str(exc), EXIT_SCHEMA) from exc
    except lean_sqlite.LeanStoreError as exc:
        raise CliError(str(exc), EXIT_STORE) from exc
    emit(args.json, view.display_number, {**ticket_json(view), "printed": False, "printer_problem": None})
    return 0


def ticket_reprint(args: argparse.Namespace, ctx: Context, cfg: config.MachineConfig) -> int:
    """Print an issued ticket again (people ahead counted now) and record the outcome on the ticket."""
    from app.services import ticket_printing

    require_current_schema(ctx)
    url = args.printer or cfg.get("printer_url")
    if not url:
        raise CliError("chưa có máy in: dùng --printer URL hoặc đặt printer_url trong tệp cấu hình")
    view = ticket_printing.find_ticket(ctx, args.number, args.service, args.day)
    profile = ticket_printing.profile_named(args.profile or cfg.get("printer_profile"))
    problem = ticket_printing.print_ticket(ctx, view, url, profile)
    emit(args.json, view.display_number, {**ticket_json(view), "printed": problem is None,
                                          "printer_problem": problem})
    if problem:
        raise CliError(f"chưa in lại được số {view.display_number}: {problem}")
    return 0
