"""`motcua ticket issue|reprint`, `motcua queue call|recall|serve|finish|skip|transfer|status`,
`motcua devices test-print`, `motcua simulate printer`."""

from __future__ import annotations

import argparse
import time
from pathlib import Path
from typing import TYPE_CHECKING

from app import config
from app.cli.cmd_db import require_current_schema
from app.cli.output import CliError, emit

if TYPE_CHECKING:
    from app.services.context import Actor, Context

PRIORITY_CHOICES = ("elderly", "disabled", "pregnant", "small_child", "merit")


def register(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add the ticket, queue, devices and simulate commands."""
    ticket = commands.add_parser("ticket", help="phiếu số thứ tự: cấp, in lại")
    tsub = ticket.add_subparsers(title="lệnh", metavar="ACTION", required=True)
    issue = tsub.add_parser("issue", help="cấp số mới của một dịch vụ và in ra số")
    issue.add_argument("--service", required=True, metavar="CODE")
    issue.add_argument("--priority", nargs="?", const="elderly", choices=PRIORITY_CHOICES,
                       help="phiếu ưu tiên (mặc định: người cao tuổi)")
    _printer_options(issue)
    issue.set_defaults(handler=ticket_issue, lean_handler=ticket_issue_lean)

    q = commands.add_parser("queue", help="gọi số tại quầy, chuyển số, xem hàng đợi")
    qsub = q.add_subparsers(title="lệnh", metavar="ACTION", required=True)
    for name, text in (("call", "gọi số tiếp theo"), ("recall", "gọi lại số hiện tại"),
                       ("serve", "bắt đầu phục vụ số hiện tại"), ("finish", "kết thúc số hiện tại"),
                       ("skip", "đánh dấu vắng mặt số hiện tại")):
        p = qsub.add_parser(name, help=text)
        p.add_argument("--counter", type=int, required=True, metavar="N")
        p.add_argument("--officer", metavar="LOGIN", help="cán bộ thực hiện (ghi vào nhật ký)")
        p.set_defaults(handler=queue_action, action=name)
    tr = qsub.add_parser("transfer", help="chuyển một số sang dịch vụ (hoặc quầy) khác")
    tr.add_argument("ticket", metavar="TICKET", help="số trên phiếu, vd. 1023")
    tr.add_argument("--to", required=True, metavar="SERVICE")
    tr.add_argument("--counter", type=int, metavar="N", help="dành riêng cho quầy này")
    tr.add_argument("--officer", metavar="LOGIN")
    tr.set_defaults(handler=queue_transfer)
    ca = qsub.add_parser("cancel", help="hủy một số đang chờ")
    ca.add_argument("ticket", metavar="TICKET")
    ca.add_argument("--reason", default="", help="lý do")
    ca.add_argument("--officer", metavar="LOGIN")
    ca.set_defaults(handler=queue_cancel)
    st = qsub.add_parser("status", help="số đang chờ theo dịch vụ và số đang phục vụ tại mỗi quầy")
    st.set_defaults(handler=queue_status)

    dev = commands.add_parser("devices", help="thiết bị: in thử")
    dsub = dev.add_subparsers(title="lệnh", metavar="ACTION", required=True)
    tp = dsub.add_parser("test-print", help="in trang thử tiếng Việt")
    _printer_options(tp, required=True)
    tp.set_defaults(handler=devices_test_print, needs_store=False)

    sim = commands.add_parser("simulate", help="giả lập thiết bị trên một pty (cho chạy thử và kiểm thử)")
    ssub = sim.add_subparsers(title="thiết bị", metavar="DEVICE", required=True)
    sp = ssub.add_parser("printer", help="máy in phiếu: lưu mỗi phiếu nhận được thành ảnh PNG")
    sp.add_argument("--out", type=Path, default=Path("tickets"), help="thư mục lưu ảnh phiếu")
    sp.add_argument("--link", type=Path, help="đường dẫn cố định trỏ tới pty (vd. /tmp/motcua-printer)")
    sp.add_argument("--width", choices=("80mm", "58mm"), default="80mm")
    sp.set_defaults(handler=simulate_printer, needs_store=False)


def _printer_options(parser: argparse.ArgumentParser, required: bool = False) -> None:
    parser.add_argument("--printer", metavar="URL", required=required,
                        help="cổng máy in (/dev/ttyUSB0, socket://host:9100, đường dẫn pty)")
    parser.add_argument("--profile", choices=("80mm", "58mm"), help="khổ giấy (mặc định theo cấu hình máy)")


def _actor(ctx: "Context", login: str | None) -> "Actor":
    from app.services import accounts
    from app.services.context import Actor

    return accounts.actor_for_login(ctx, login) if login else Actor.system()


def ticket_issue(args: argparse.Namespace, ctx: "Context", cfg: config.MachineConfig) -> int:
    """Issue a ticket, print it when a printer is given or configured, print the number."""
    from app.services import queue

    require_current_schema(ctx)
    view = queue.issue_ticket(ctx, args.service, args.priority)
    url = args.printer or cfg.get("printer_url")
    problem = None
    if url:  # Pillow and the printer code are loaded only when there is a printer
        from app.services import ticket_printing

        profile = ticket_printing.profile_named(args.profile or cfg.get("printer_profile"))
        problem = ticket_printing.print_ticket(ctx, view, url, profile)
    emit(args.json, view.display_number, {**_ticket_json(view), "printed": bool(url) and problem is None,
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
    from app.services import queue_lean

    try:
        view = queue_lean.issue_ticket(path, args.service, args.priority)
    except lean_sqlite.SchemaNotCurrent as exc:
        raise CliError(str(exc), EXIT_SCHEMA) from exc
    except lean_sqlite.LeanStoreError as exc:
        raise CliError(str(exc), EXIT_STORE) from exc
    emit(args.json, view.display_number, {**_ticket_json(view), "printed": False, "printer_problem": None})
    return 0


def _ticket_json(view: object) -> dict[str, object]:
    from app.cli.output import _plain

    return dict(_plain(view))


def queue_action(args: argparse.Namespace, ctx: "Context", cfg: config.MachineConfig) -> int:
    """call / recall / serve / finish / skip at a counter."""
    from app.services import queue

    require_current_schema(ctx)
    actor = _actor(ctx, args.officer)
    action = {"call": queue.call_next, "recall": queue.recall, "serve": queue.start_serving,
              "finish": queue.finish, "skip": queue.skip}[args.action]
    view = action(ctx, actor, args.counter)
    if view is None:
        emit(args.json, f"Quầy {args.counter}: không có ai đang chờ", {"ticket": None})
        return 0
    emit(args.json, f"Quầy {args.counter}: số {view.display_number} — {_status_label(view.status)}",
         {"ticket": _ticket_json(view)})
    return 0


def _status_label(status: str) -> str:
    from app.domain.queue import TicketStatus

    return TicketStatus(status).label


def queue_transfer(args: argparse.Namespace, ctx: "Context", cfg: config.MachineConfig) -> int:
    """Transfer a ticket to another service."""
    from app.services import queue

    require_current_schema(ctx)
    view = queue.transfer(ctx, _actor(ctx, args.officer), args.ticket, args.to, args.counter)
    emit(args.json, f"Đã chuyển số {view.display_number} sang «{view.service_name}»", _ticket_json(view))
    return 0


def queue_cancel(args: argparse.Namespace, ctx: "Context", cfg: config.MachineConfig) -> int:
    """Cancel a waiting ticket."""
    from app.services import queue

    require_current_schema(ctx)
    view = queue.cancel(ctx, _actor(ctx, args.officer), args.ticket, args.reason)
    emit(args.json, f"Đã hủy số {view.display_number}", _ticket_json(view))
    return 0


def queue_status(args: argparse.Namespace, ctx: "Context", cfg: config.MachineConfig) -> int:
    """Print waiting counts and counters."""
    from app.services import queue

    require_current_schema(ctx)
    st = queue.queue_status(ctx)
    lines = [f"Hàng đợi ngày {st.day:%d/%m/%Y}"]
    lines += [f"  {q.code:<5} {q.name:<55} chờ {q.waiting:>3} (ưu tiên {q.priority_waiting})" for q in st.services]
    lines += [f"  Quầy {c.number:>2}: {c.ticket or '—'} {_status_label(c.status) if c.status else ''}".rstrip()
              for c in st.counters]
    emit(args.json, "\n".join(lines), st)
    return 0


def devices_test_print(args: argparse.Namespace, ctx: None, cfg: config.MachineConfig) -> int:
    """Print the Vietnamese test page."""
    from app.devices.printer import TicketPrinter
    from app.devices.transport import DeviceError
    from app.printing.ticket import render_test_page
    from app.services.ticket_printing import profile_named

    profile = profile_named(args.profile or cfg.get("printer_profile"))
    try:
        with TicketPrinter(args.printer, profile) as printer:
            printer.print_bytes(render_test_page(profile))
    except DeviceError as exc:
        raise CliError(str(exc)) from exc
    emit(args.json, f"Đã in trang thử ra {args.printer}", {"printer": args.printer, "ok": True})
    return 0


def simulate_printer(args: argparse.Namespace, ctx: None, cfg: config.MachineConfig) -> int:
    """Play a printer on a pty until Ctrl+C, saving each ticket as a PNG."""
    from app.devices.simulators import PrinterSimulator

    def on_ticket(ticket: object) -> None:
        print(f"Đã nhận phiếu: {getattr(ticket, 'png_path', '')}", flush=True)

    sim = PrinterSimulator(args.out, link=args.link, paper_width_dots=384 if args.width == "58mm" else 576,
                           on_ticket=on_ticket)
    url = sim.start()
    print(url, flush=True)
    try:
        while True:
            time.sleep(3600)
    finally:
        sim.stop()
