"""`motcua print receipt|form`: a dossier's forms as PDF (Mẫu 01 … 07), and Mẫu 02/03 for a dossier the counter
does not receive."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from app import config
from app.cli.common import actor_for, require_current_schema, writing
from app.cli.output import CliError, emit, parse_day

if TYPE_CHECKING:
    from app.services.context import Context


def register(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add the print command."""
    pr = commands.add_parser("print", help="in biểu mẫu của hồ sơ ra PDF")
    psub = pr.add_subparsers(title="biểu mẫu", metavar="WHAT", required=True)
    receipt = psub.add_parser("receipt", help="Mẫu 01: giấy tiếp nhận hồ sơ và hẹn trả kết quả (A5, 2 liên)")
    receipt.add_argument("code", metavar="CODE", help="mã hồ sơ")
    receipt.add_argument("--out", type=Path, required=True, metavar="FILE.pdf")
    receipt.set_defaults(handler=print_receipt)
    form = psub.add_parser("form", help="Mẫu 01 (phiếu hẹn), 02 (yêu cầu bổ sung), 03 (từ chối tiếp nhận), "
                                        "04 (xin lỗi), 05 (dừng giải quyết), 06 (phiếu kiểm soát), 07 (sổ theo dõi)")
    form.add_argument("number", choices=("01", "02", "03", "04", "05", "06", "07"), metavar="NN",
                      help="số mẫu: 01 … 07")
    form.add_argument("code", nargs="?", metavar="CODE",
                      help="mã hồ sơ đã tiếp nhận; bỏ trống khi hồ sơ KHÔNG được tiếp nhận (Mẫu 02/03 tại quầy: "
                           "cần --procedure và --applicant, ghi nhận vào --ticket nếu có)")
    form.add_argument("--out", type=Path, required=True, metavar="FILE.pdf")
    form.add_argument("--procedure", metavar="CODE", help="mã thủ tục (hồ sơ chưa tiếp nhận)")
    form.add_argument("--applicant", default="", metavar="TÊN", help="tên người nộp (hồ sơ chưa tiếp nhận)")
    form.add_argument("--applicant-address", default="", metavar="ĐỊA_CHỈ")
    form.add_argument("--applicant-phone", default="", metavar="SĐT")
    form.add_argument("--ticket", metavar="NUMBER", help="số thứ tự hôm nay: phiếu được ghi nhận vào lượt này")
    form.add_argument("--reason", default="", help="lý do (Mẫu 03: nhiều lý do cách nhau bằng ;)")
    form.add_argument("--missing", default="", metavar="DOC;DOC", help="Mẫu 02: giấy tờ cần bổ sung, cách nhau bằng ;")
    form.add_argument("--officer", metavar="LOGIN", help="cán bộ ký phiếu")
    form.add_argument("--from", dest="date_from", type=parse_day, metavar="YYYY-MM-DD", help="Mẫu 07: từ ngày")
    form.add_argument("--to", dest="date_to", type=parse_day, metavar="YYYY-MM-DD", help="Mẫu 07: đến ngày")
    form.set_defaults(handler=print_form)


def print_receipt(args: argparse.Namespace, ctx: Context, cfg: config.MachineConfig) -> int:
    """Write Mẫu 01 of a dossier to a PDF."""
    from app.services import dossier_forms

    require_current_schema(ctx)
    with writing(args.out):
        out = dossier_forms.render_receipt(ctx, args.code, args.out)
    emit(args.json, str(out), {"form": "01", "code": args.code.strip(), "out": str(out)})
    return 0


def print_form(args: argparse.Namespace, ctx: Context, cfg: config.MachineConfig) -> int:
    """Write Mẫu 01, 02 or 03 of a dossier to a PDF."""
    from app.services import dossier_forms

    require_current_schema(ctx)
    missing = args.missing.split(";") if args.missing else []
    if args.number in ("04", "05", "06", "07"):
        return _print_lifecycle_form(args, ctx, cfg)
    if args.code is None:
        return _print_not_received_form(args, ctx, cfg, missing)
    if args.number in ("02", "03") and (args.reason or missing):
        raise CliError(f"Mẫu {args.number} của hồ sơ {args.code} in lại đúng nội dung đã ghi nhận (bản sao), không "
                       "nhận --reason/--missing: yêu cầu bổ sung bằng «motcua dossier request-supplement», từ chối "
                       "hồ sơ trực tuyến bằng «motcua dossier refuse»")
    with writing(args.out):
        out = dossier_forms.render_form(ctx, actor_for(ctx, cfg, args.officer), args.number, args.code, args.out,
                                        reason=args.reason, missing=missing)
    emit(args.json, str(out), {"form": args.number, "code": args.code.strip(), "out": str(out)})
    return 0


def _print_lifecycle_form(args: argparse.Namespace, ctx: Context, cfg: config.MachineConfig) -> int:
    """Mẫu 04 / 05 / 06 of a dossier, or Mẫu 07 (the register) for a date range."""
    from app.services import lifecycle_forms

    if args.number == "07":
        if args.date_from is None or args.date_to is None or args.date_to < args.date_from:
            raise CliError("Mẫu 07 cần --from và --to (--to từ ngày --from trở đi)")
        with writing(args.out):
            out = lifecycle_forms.render_register(ctx, args.date_from, args.date_to, args.out)
        emit(args.json, str(out), {"form": "07", "out": str(out)})
        return 0
    if not args.code:
        raise CliError(f"Mẫu {args.number} cần mã hồ sơ")
    with writing(args.out):
        out = lifecycle_forms.render_form(ctx, actor_for(ctx, cfg, args.officer), args.number, args.code, args.out)
    emit(args.json, str(out), {"form": args.number, "code": args.code.strip(), "out": str(out)})
    return 0


def _print_not_received_form(args: argparse.Namespace, ctx: Context, cfg: config.MachineConfig,
                             missing: list[str]) -> int:
    """Mẫu 02 / 03 for a dossier the counter does not receive, recorded against the visit's ticket."""
    from app.services import dossier_forms, dossiers

    if args.number not in ("02", "03") or not args.procedure:
        raise CliError("hồ sơ chưa tiếp nhận: chỉ Mẫu 02 hoặc 03, và cần --procedure (cùng --applicant); "
                       "hồ sơ đã tiếp nhận: ghi mã hồ sơ")
    procedure_id = dossiers.procedure_id_by_code(ctx, args.procedure)
    ticket_id = dossiers.ticket_id_by_number(ctx, args.ticket) if args.ticket else None
    items = missing if args.number == "02" else args.reason.split(";")
    reason = args.reason if args.number == "02" else ""
    with writing(args.out):
        out = dossier_forms.issue_not_received_form(
            ctx, actor_for(ctx, cfg, args.officer), args.number, procedure_id,
            (args.applicant, args.applicant_address, args.applicant_phone), items, reason, args.out, ticket_id)
    emit(args.json, str(out), {"form": args.number, "code": None, "ticket": args.ticket, "out": str(out)})
    return 0
