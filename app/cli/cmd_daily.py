"""`motcua report daily --date D`: the supervisor's review of one day (tickets, waits, service times).

Adds to the `report` command made by cmd_report (register this module after it).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from app import config
from app.cli.cmd_db import require_current_schema
from app.cli.cmd_keypad import _subcommands
from app.cli.output import CliError, parse_day, write_output

if TYPE_CHECKING:
    from app.services.context import Context


def register(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add `report daily`."""
    report = _subcommands(commands, "report", "báo cáo")
    daily = report.add_parser("daily", help="rà soát một ngày: từng số, thời gian chờ và phục vụ, theo nhóm")
    daily.add_argument("--date", dest="day", type=parse_day, metavar="NGÀY", help="ngày (mặc định hôm nay)")
    daily.add_argument("--format", choices=("text", "csv", "xlsx", "pdf"), default="text",
                       help="text: các bảng tổng hợp; csv: từng số trong ngày; xlsx, pdf: cả hai (pdf có biểu đồ)")
    daily.add_argument("--out", type=Path, metavar="FILE",
                       help="ghi ra tệp thay vì màn hình (bắt buộc với xlsx, pdf)")
    daily.set_defaults(handler=report_daily)
    fees = report.add_parser("fees", help="phí, lệ phí đã thu theo ngày và cơ quan")
    fees.add_argument("--from", dest="date_from", required=True, type=parse_day, metavar="NGÀY")
    fees.add_argument("--to", dest="date_to", required=True, type=parse_day, metavar="NGÀY")
    fees.add_argument("--format", choices=("text", "csv", "json"), default="text")
    fees.add_argument("--out", type=Path, metavar="FILE", help="ghi ra tệp thay vì màn hình")
    fees.set_defaults(handler=report_fees)


def report_daily(args: argparse.Namespace, ctx: Context, cfg: config.MachineConfig) -> int:
    """Print (or write) the day's review; the CLI acts as the system administrator, like the other reports."""
    from app.services import daily_review
    from app.services.context import LOCAL_TZ, Actor

    require_current_schema(ctx)
    if args.format in daily_review.BINARY_FORMATS and args.out is None:
        raise CliError(f"định dạng {args.format} cần --out TỆP")
    day = args.day or ctx.now().astimezone(LOCAL_TZ).date()
    review = daily_review.daily_review(ctx, Actor.system(), day)
    try:
        if args.format in daily_review.BINARY_FORMATS:
            daily_review.write_day(ctx, review, args.format, args.out)
            print(f"Đã ghi {args.out}", file=sys.stderr)
        else:
            body = daily_review.to_csv(review) if args.format == "csv" else daily_review.to_text(review) + "\n"
            write_output(body, args.out)
    except OSError as exc:
        raise CliError(f"không ghi được tệp {args.out}: {exc.strerror or exc}") from exc
    return 0


def report_fees(args: argparse.Namespace, ctx: Context, cfg: config.MachineConfig) -> int:
    """Fees collected per day and agency, per agency, and in all."""
    from app.cli.output import _plain
    from app.services import fees

    require_current_schema(ctx)
    totals = fees.fee_totals(ctx, args.date_from, args.date_to)
    fmt = "json" if args.json else args.format
    if fmt == "json":
        import json

        body = json.dumps(_plain(totals), ensure_ascii=False, indent=2, default=str) + "\n"
    else:
        body = fees.to_csv(totals) if fmt == "csv" else fees.to_text(totals) + "\n"
    write_output(body, args.out)
    return 0
