"""`motcua calendar list|set|unset`: the centre's own days off and working days, overriding the holiday data (a
public holiday worked, a make-up working day given off, ...), each with a reason; every change is an audit event."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from app import config
from app.cli.common import actor_for, require_current_schema
from app.cli.output import emit, parse_day

if TYPE_CHECKING:  # the parser imports every command module: nothing heavy at import (the lean ticket path)
    from app.services.context import Context

KINDS = {"off": "nghỉ", "work": "làm việc"}


def register(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add the calendar command."""
    cal = commands.add_parser("calendar", help="lịch làm việc: ngày nghỉ, ngày làm việc khác lịch nghỉ lễ")
    sub = cal.add_subparsers(title="lệnh", metavar="ACTION", required=True)
    listing = sub.add_parser("list", help="các ngày trung tâm đã đánh dấu nghỉ hoặc làm việc")
    listing.set_defaults(handler=calendar_list)
    put = sub.add_parser("set", help="đánh dấu một ngày là ngày nghỉ hoặc ngày làm việc, có lý do")
    put.add_argument("day", type=parse_day, metavar="YYYY-MM-DD")
    put.add_argument("--kind", required=True, choices=tuple(KINDS), help="off: nghỉ; work: làm việc")
    put.add_argument("--reason", required=True, help="lý do (ghi vào nhật ký thay đổi)")
    put.add_argument("--officer", help="tên đăng nhập của cán bộ thực hiện")
    put.set_defaults(handler=calendar_set)
    unset = sub.add_parser("unset", help="bỏ đánh dấu: ngày đó trở lại theo lịch nghỉ lễ")
    unset.add_argument("day", type=parse_day, metavar="YYYY-MM-DD")
    unset.add_argument("--officer", help="tên đăng nhập của cán bộ thực hiện")
    unset.set_defaults(handler=calendar_unset)


def calendar_list(args: argparse.Namespace, ctx: Context, cfg: config.MachineConfig) -> int:
    from app.services import workdays

    require_current_schema(ctx)
    rows = workdays.list_overrides(ctx)
    text = "\n".join(f"{o.day:%d/%m/%Y}  {KINDS.get(o.kind, o.kind):<9} {o.note}" for o in rows) \
        or "Chưa đánh dấu ngày nào."
    emit(args.json, text, [{"day": o.day.isoformat(), "kind": o.kind, "reason": o.note} for o in rows])
    return 0


def calendar_set(args: argparse.Namespace, ctx: Context, cfg: config.MachineConfig) -> int:
    from app.services import workdays

    require_current_schema(ctx)
    workdays.save_override(ctx, actor_for(ctx, cfg, args.officer), args.day, args.kind, args.reason)
    emit(args.json, f"Đã đánh dấu {args.day:%d/%m/%Y} là ngày {KINDS[args.kind]}.",
         {"day": args.day.isoformat(), "kind": args.kind, "reason": args.reason})
    return 0


def calendar_unset(args: argparse.Namespace, ctx: Context, cfg: config.MachineConfig) -> int:
    from app.services import workdays

    require_current_schema(ctx)
    workdays.delete_override(ctx, actor_for(ctx, cfg, args.officer), args.day)
    emit(args.json, f"Đã bỏ đánh dấu ngày {args.day:%d/%m/%Y}.", {"day": args.day.isoformat()})
    return 0
