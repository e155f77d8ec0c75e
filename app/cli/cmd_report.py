"""`motcua report period|satisfaction|daily|fees`: the period report (the seed's appendix), satisfaction votes,
the supervisor's review of one day and the fees collected, as text, CSV, JSON, XLSX or PDF."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from app import config
from app.cli.common import actor_for, officer_option, require_current_schema
from app.cli.output import CliError, parse_day, plain, write_output

if TYPE_CHECKING:
    from app.services.context import Context


def register(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add the report command."""
    report = commands.add_parser("report", help="báo cáo: tình hình giải quyết hồ sơ theo kỳ")
    rsub = report.add_subparsers(title="báo cáo", metavar="KIND", required=True)
    period = rsub.add_parser("period", help="báo cáo tình hình giải quyết hồ sơ từ ngày … đến ngày …")
    period.add_argument("--from", dest="date_from", type=parse_day, required=True, metavar="YYYY-MM-DD",
                        help="ngày đầu kỳ (tính cả ngày này)")
    period.add_argument("--to", dest="date_to", type=parse_day, required=True, metavar="YYYY-MM-DD",
                        help="ngày cuối kỳ (tính cả ngày này)")
    period.add_argument("--by", choices=("agency", "field"), default="agency",
                        help="mỗi dòng một cơ quan (mặc định) hoặc một lĩnh vực")
    period.add_argument("--format", dest="fmt", choices=("text", "csv", "json", "xlsx", "pdf"), default=None,
                        help="định dạng (mặc định text; json khi có --json)")
    period.add_argument("--out", type=Path, metavar="FILE", help="ghi ra tệp (bắt buộc với xlsx, pdf)")
    period.set_defaults(handler=report_period)
    sat = rsub.add_parser("satisfaction", help="số lượt đánh giá theo mức, tỷ lệ phần trăm")
    sat.add_argument("--from", dest="date_from", required=True, type=parse_day, metavar="NGÀY")
    sat.add_argument("--to", dest="date_to", required=True, type=parse_day, metavar="NGÀY")
    sat.add_argument("--by", choices=("counter", "officer", "service", "agency"))
    sat.add_argument("--format", choices=("text", "csv", "json"), default="text")
    sat.add_argument("--out", type=Path, metavar="FILE", help="ghi ra tệp thay vì màn hình")
    sat.set_defaults(handler=report_satisfaction)
    daily = rsub.add_parser("daily", help="rà soát một ngày: từng số, thời gian chờ và phục vụ, theo nhóm")
    daily.add_argument("--date", dest="day", type=parse_day, metavar="NGÀY", help="ngày (mặc định hôm nay)")
    daily.add_argument("--format", choices=("text", "csv", "xlsx", "pdf"), default="text",
                       help="text: các bảng tổng hợp; csv: từng số trong ngày; xlsx, pdf: cả hai (pdf có biểu đồ)")
    daily.add_argument("--out", type=Path, metavar="FILE",
                       help="ghi ra tệp thay vì màn hình (bắt buộc với xlsx, pdf)")
    officer_option(daily, "giám sát hoặc quản trị viên (mật khẩu hỏi khi chạy, hoặc dòng đầu của stdin)")
    daily.set_defaults(handler=report_daily)
    fees = rsub.add_parser("fees", help="phí, lệ phí đã thu theo ngày và cơ quan")
    fees.add_argument("--from", dest="date_from", required=True, type=parse_day, metavar="NGÀY")
    fees.add_argument("--to", dest="date_to", required=True, type=parse_day, metavar="NGÀY")
    fees.add_argument("--format", choices=("text", "csv", "json"), default="text")
    fees.add_argument("--out", type=Path, metavar="FILE", help="ghi ra tệp thay vì màn hình")
    fees.set_defaults(handler=report_fees)


def report_period(args: argparse.Namespace, ctx: Context, cfg: config.MachineConfig) -> int:
    """Compute the period report and print it or write it to a file."""
    from app.services import report_export, settings
    from app.services.period_report import period_report

    require_current_schema(ctx)
    fmt = args.fmt or ("json" if args.json else "text")
    if fmt in report_export.BINARY_FORMATS and args.out is None:
        raise CliError(f"định dạng {fmt} cần --out TỆP")
    if args.date_to < args.date_from:
        raise CliError(f"ngày cuối kỳ {args.date_to:%d/%m/%Y} trước ngày đầu kỳ {args.date_from:%d/%m/%Y}")
    report = period_report(ctx, args.date_from, args.date_to, by=args.by)
    result: str | Path
    try:
        if fmt == "pdf":
            centre = str(settings.get_centre_settings(ctx).get("centre_name") or "")
            result = report_export.write_pdf(report, args.out, centre)
        else:
            result = report_export.export(report, fmt, args.out)
    except OSError as exc:
        raise CliError(f"không ghi được tệp {args.out}: {exc.strerror or exc}") from exc
    if args.out is not None:
        summary = {"out": str(args.out), "format": fmt, "rows": len(report.rows),
                   "identities_hold": report.identities_hold}
        print(json.dumps(summary, ensure_ascii=False) if args.json else str(args.out))
    else:
        write_output(str(result) if str(result).endswith("\n") else f"{result}\n", None)
        _online_companion(ctx, args, fmt)
    return 0


def _online_companion(ctx: Context, args: argparse.Namespace, fmt: str) -> None:
    """After the text report: the online registrations of the period (registered, accepted, refused, waiting),
    when there are any (app.services.online_report)."""
    if fmt == "text":
        sys.stdout.write(_online_text(ctx, args.date_from, args.date_to))


def _online_text(ctx: Context, date_from: date, date_to: date) -> str:
    """The online registrations table of the days, after a blank line ('' when there are none)."""
    from app.services import online_report

    rows = online_report.online_registrations(ctx, date_from, date_to)
    return "\n" + online_report.to_text(rows) + "\n" if rows else ""


def report_satisfaction(args: argparse.Namespace, ctx: Context, cfg: config.MachineConfig) -> int:
    """Votes per level with percentages, in total or per group."""
    from app.services import satisfaction_report as sr

    require_current_schema(ctx)
    report = sr.satisfaction_report(ctx, args.date_from, args.date_to, args.by)
    fmt = "json" if args.json else args.format
    if fmt == "json":
        body = json.dumps(sr.to_json(report), ensure_ascii=False, indent=2) + "\n"
    else:
        body = (sr.to_csv(report) if fmt == "csv" else sr.to_text(report) + "\n")
    write_output(body, args.out)
    return 0


def report_daily(args: argparse.Namespace, ctx: Context, cfg: config.MachineConfig) -> int:
    """Print (or write) the day's review; by a supervisor or admin (`--officer`), or the maintenance account."""
    from app.domain.calendar import LOCAL_TZ
    from app.services import daily_review

    require_current_schema(ctx)
    if args.format in daily_review.BINARY_FORMATS and args.out is None:
        raise CliError(f"định dạng {args.format} cần --out TỆP")
    day = args.day or ctx.now().astimezone(LOCAL_TZ).date()
    review = daily_review.daily_review(ctx, actor_for(ctx, cfg, args.officer), day)
    try:
        if args.format in daily_review.BINARY_FORMATS:
            daily_review.write_day(ctx, review, args.format, args.out)
            print(f"Đã ghi {args.out}", file=sys.stderr)
        else:
            body = daily_review.to_csv(review) if args.format == "csv" else daily_review.to_text(review) + "\n"
            if args.format == "text":  # the day's online registrations, when there are any (no ticket of theirs)
                body += _online_text(ctx, day, day)
            write_output(body, args.out)
    except OSError as exc:
        raise CliError(f"không ghi được tệp {args.out}: {exc.strerror or exc}") from exc
    return 0


def report_fees(args: argparse.Namespace, ctx: Context, cfg: config.MachineConfig) -> int:
    """Fees collected per day and agency, per agency, and in all."""
    from app.services import fees

    require_current_schema(ctx)
    totals = fees.fee_totals(ctx, args.date_from, args.date_to)
    fmt = "json" if args.json else args.format
    if fmt == "json":
        body = json.dumps(plain(totals), ensure_ascii=False, indent=2, default=str) + "\n"
    else:
        body = fees.to_csv(totals) if fmt == "csv" else fees.to_text(totals) + "\n"
    write_output(body, args.out)
    return 0
