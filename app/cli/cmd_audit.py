"""`motcua audit verify [--from --to]`: check the hash chains of the history (exit 0 intact, 1 with every row
changed, removed or inserted out of chain named); `motcua audit log [--from --to]`: the account, role, catalogue,
calendar and settings changes (docs/audit.md)."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from app import config
from app.cli.common import require_current_schema
from app.cli.output import emit, parse_day

if TYPE_CHECKING:  # the parser imports every command module: nothing heavy at import (the lean ticket path)
    from app.services.context import Context


def register(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add the audit command."""
    audit = commands.add_parser("audit", help="kiểm tra lịch sử không bị sửa; nhật ký thay đổi tài khoản, danh mục")
    sub = audit.add_subparsers(title="lệnh", metavar="ACTION", required=True)
    verify = sub.add_parser("verify", help="kiểm tra chuỗi băm của lịch sử (phiếu, hồ sơ, thu phí, đánh giá, "
                                           "nhật ký): nêu mọi dòng bị sửa, bị xoá hoặc chèn ngoài chuỗi")
    log = sub.add_parser("log", help="nhật ký thay đổi tài khoản, quyền, danh mục, lịch làm việc, cài đặt")
    for parser in (verify, log):
        parser.add_argument("--from", dest="date_from", type=parse_day, metavar="YYYY-MM-DD",
                            help="từ ngày (tính cả ngày này)")
        parser.add_argument("--to", dest="date_to", type=parse_day, metavar="YYYY-MM-DD",
                            help="đến ngày (tính cả ngày này)")
    verify.set_defaults(handler=audit_verify)
    log.set_defaults(handler=audit_log)


def audit_verify(args: argparse.Namespace, ctx: Context, cfg: config.MachineConfig) -> int:
    """Exit 0 when every chain is intact, 1 otherwise, naming each row."""
    from app.services import audit

    require_current_schema(ctx)
    result = audit.verify(ctx, args.date_from, args.date_to)
    if result.intact:
        text = f"Lịch sử nguyên vẹn: {result.rows} dòng trong {result.chains} chuỗi."
    else:
        text = "\n".join([f"Lịch sử KHÔNG nguyên vẹn: {len(result.findings)} dòng có vấn đề "
                          f"(đã kiểm tra {result.rows} dòng trong {result.chains} chuỗi)."]
                         + [f"  {f.line()}" for f in result.findings])
    emit(args.json, text, {"intact": result.intact, "rows": result.rows, "chains": result.chains,
                           "findings": [f.as_json() for f in result.findings]})
    return 0 if result.intact else 1


def audit_log(args: argparse.Namespace, ctx: Context, cfg: config.MachineConfig) -> int:
    """The audit events of the period, oldest first."""
    from app.services import audit
    from app.services.context import LOCAL_TZ

    require_current_schema(ctx)
    lines = audit.audit_log(ctx, args.date_from, args.date_to)
    text = "\n".join(f"{e.at.astimezone(LOCAL_TZ):%d/%m/%Y %H:%M:%S}  {audit.describe(e.actor)}  {e.action}  "
                     f"{audit.describe(e.target)}: {audit.describe(e.before)} → {audit.describe(e.after)}"
                     for e in lines) or "Không có thay đổi nào."
    emit(args.json, text, [e.as_json() for e in lines])
    return 0
