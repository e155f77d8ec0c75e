"""`motcua queue call|recall|serve|finish|skip|transfer|cancel|status`: working the queue from a counter."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from app import config
from app.cli.common import actor_for, require_current_schema, status_label, ticket_json
from app.cli.output import emit

if TYPE_CHECKING:
    from app.services.context import Context


def register(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add the queue command."""
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


def queue_action(args: argparse.Namespace, ctx: Context, cfg: config.MachineConfig) -> int:
    """call / recall / serve / finish / skip at a counter."""
    from app.services import queue

    require_current_schema(ctx)
    actor = actor_for(ctx, cfg, args.officer)
    action = {"call": queue.call_next, "recall": queue.recall, "serve": queue.start_serving,
              "finish": queue.finish, "skip": queue.skip}[args.action]
    view = action(ctx, actor, args.counter)
    if view is None:
        emit(args.json, f"Quầy {args.counter}: không có ai đang chờ", {"ticket": None})
        return 0
    emit(args.json, f"Quầy {args.counter}: số {view.display_number} — {status_label(view.status)}",
         {"ticket": ticket_json(view)})
    return 0


def queue_transfer(args: argparse.Namespace, ctx: Context, cfg: config.MachineConfig) -> int:
    """Transfer a ticket to another service."""
    from app.services import queue

    require_current_schema(ctx)
    view = queue.transfer(ctx, actor_for(ctx, cfg, args.officer), args.ticket, args.to, args.counter)
    emit(args.json, f"Đã chuyển số {view.display_number} sang «{view.service_name}»", ticket_json(view))
    return 0


def queue_cancel(args: argparse.Namespace, ctx: Context, cfg: config.MachineConfig) -> int:
    """Cancel a waiting ticket."""
    from app.services import queue

    require_current_schema(ctx)
    view = queue.cancel(ctx, actor_for(ctx, cfg, args.officer), args.ticket, args.reason)
    emit(args.json, f"Đã hủy số {view.display_number}", ticket_json(view))
    return 0


def queue_status(args: argparse.Namespace, ctx: Context, cfg: config.MachineConfig) -> int:
    """Print waiting counts and counters."""
    from app.services import queue

    require_current_schema(ctx)
    st = queue.queue_status(ctx)
    lines = [f"Hàng đợi ngày {st.day:%d/%m/%Y}"]
    lines += [f"  {q.code:<5} {q.name:<55} chờ {q.waiting:>3} (ưu tiên {q.priority_waiting})" for q in st.services]
    lines += [f"  Quầy {c.number:>2}: {c.ticket or '—'} {status_label(c.status) if c.status else ''}".rstrip()
              for c in st.counters]
    emit(args.json, "\n".join(lines), st)
    return 0
