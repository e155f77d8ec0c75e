"""`motcua report period`: the period report (the seed's appendix) as text, CSV, JSON, XLSX or PDF."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from app import config
from app.cli.cmd_db import require_current_schema
from app.cli.output import CliError, parse_day

if TYPE_CHECKING:
    from app.services.context import Context


def register(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add the report commands."""
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
        sys.stdout.write(str(result) if str(result).endswith("\n") else f"{result}\n")
    return 0
