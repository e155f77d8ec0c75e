"""`motcua dossier ACTION CODE …`, `dossier pay|history|late|due-soon|import|export|form|register`: following
dossiers to their result from the command line. Added to the `dossier` parser by `add_actions`."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from app import config
from app.cli.cmd_db import require_current_schema
from app.cli.cmd_dossier import _actor, _json, _stamp, _writing
from app.cli.output import CliError, emit, parse_day

if TYPE_CHECKING:
    from app.services.context import Context
    from app.services.lifecycle import DossierLine

# action -> (help, options it takes); every action also takes --reason and --officer
ACTIONS: dict[str, tuple[str, tuple[str, ...]]] = {
    "hand_over": ("chuyển hồ sơ cho cơ quan, đơn vị giải quyết (--unit)", ("unit",)),
    "hand_back": ("cơ quan trả lại hồ sơ, không giải quyết (--reason)", ()),
    "request_supplement": ("yêu cầu bổ sung hồ sơ, tạm dừng thời hạn (--reason)", ()),
    "resume": ("người nộp đã bổ sung: tiếp tục giải quyết, tính lại ngày hẹn", ()),
    "await_payment": ("chờ người nộp nộp phí, lệ phí", ()),
    "paid": ("đã nộp phí, lệ phí (--receipt-no, --amount để ghi khoản thu)", ("receipt_no", "amount", "method")),
    "withdraw": ("người nộp rút hồ sơ", ()),
    "stop": ("dừng giải quyết hồ sơ (--reason)", ()),
    "cancel": ("hủy hồ sơ (--reason)", ()),
    "resolve": ("đã có kết quả giải quyết", ()),
    "return_result": ("trả kết quả tại quầy (--collector)", ("collector",)),
    "dispatch_by_post": ("gửi kết quả qua bưu chính (--tracking)", ("tracking",)),
    "apology": ("xin lỗi và hẹn lại ngày trả, Mẫu 04 (--new-date, --reason)", ("new_date",)),
}


def add_actions(dsub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add every lifecycle command under the `dossier` parser's sub-commands."""
    for name, (help_text, options) in ACTIONS.items():
        hyphen = name.replace("_", "-")
        p = dsub.add_parser(hyphen, aliases=[name] if hyphen != name else [], help=help_text)
        p.add_argument("code", metavar="CODE", help="mã hồ sơ")
        p.add_argument("--reason", default="", help="lý do, nội dung")
        p.add_argument("--officer", metavar="LOGIN", help="cán bộ thực hiện")
        if "unit" in options:
            p.add_argument("--unit", required=True, help="cơ quan, đơn vị nhận hồ sơ")
        if "tracking" in options:
            p.add_argument("--tracking", required=True, help="số hiệu bưu gửi")
        if "collector" in options:
            p.add_argument("--collector", default="", help="họ tên người nhận kết quả (mặc định: người nộp)")
        if "new_date" in options:
            p.add_argument("--new-date", type=parse_day, required=True, metavar="YYYY-MM-DD", help="ngày hẹn trả mới")
        if "receipt_no" in options:
            p.add_argument("--receipt-no", required=True, help="số biên lai thu phí, lệ phí")
            p.add_argument("--amount", type=int, metavar="ĐỒNG", help="số tiền đã nộp (đồng)")
            p.add_argument("--method", default="cash", choices=("cash", "transfer", "card", "online"))
        p.set_defaults(handler=dossier_action, action_name=name)
    _add_lists(dsub)
    _add_files(dsub)


def _add_lists(dsub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    hi = dsub.add_parser("history", help="lịch sử xử lý của một hồ sơ")
    hi.add_argument("code", metavar="CODE")
    hi.set_defaults(handler=dossier_history)
    la = dsub.add_parser("late", help="các hồ sơ đang giải quyết đã quá hạn")
    la.set_defaults(handler=dossier_late)
    ds = dsub.add_parser("due-soon", help="các hồ sơ sắp đến hạn trả")
    ds.add_argument("--days", type=int, default=1, metavar="N", help="trong N ngày làm việc tới (mặc định 1)")
    ds.set_defaults(handler=dossier_due_soon)


def _add_files(dsub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    im = dsub.add_parser("import", help="nhập hồ sơ từ tệp CSV (tất cả hoặc không gì cả)")
    im.add_argument("file", type=Path, metavar="FILE.csv")
    im.set_defaults(handler=dossier_import)
    ex = dsub.add_parser("export", help="xuất toàn bộ hồ sơ ra tệp CSV cùng định dạng")
    ex.add_argument("file", type=Path, metavar="FILE.csv")
    ex.set_defaults(handler=dossier_export)
    fo = dsub.add_parser("form", help="in Mẫu 04 (xin lỗi), 05 (dừng giải quyết), 06 (phiếu kiểm soát)")
    fo.add_argument("number", choices=("04", "05", "06"), metavar="NN")
    fo.add_argument("code", metavar="CODE")
    fo.add_argument("--out", type=Path, required=True, metavar="FILE.pdf")
    fo.add_argument("--officer", metavar="LOGIN", help="người ký")
    fo.set_defaults(handler=dossier_form)
    rg = dsub.add_parser("register", help="Mẫu 07: sổ theo dõi hồ sơ (A4 ngang) cho một khoảng ngày")
    rg.add_argument("--from", dest="date_from", type=parse_day, required=True, metavar="YYYY-MM-DD")
    rg.add_argument("--to", dest="date_to", type=parse_day, required=True, metavar="YYYY-MM-DD")
    rg.add_argument("--out", type=Path, required=True, metavar="FILE.pdf")
    rg.set_defaults(handler=dossier_register)


def dossier_action(args: argparse.Namespace, ctx: Context, cfg: config.MachineConfig) -> int:
    """Apply one action and print the dossier's new state."""
    from app.services import lifecycle

    require_current_schema(ctx)
    actor = _actor(ctx, args.officer)
    if args.action_name == "paid" and args.amount is not None:
        view = lifecycle.record_payment(ctx, actor, args.code, args.amount, args.method, args.receipt_no)
    else:
        details = {k: getattr(args, k) for k in ("reason", "unit", "tracking", "collector", "new_date", "receipt_no",
                                                 "method") if getattr(args, k, None) not in (None, "")}
        view = lifecycle.apply_action(ctx, actor, args.code, args.action_name, **details)
    emit(args.json, f"{view.code}: {view.status_label}; hẹn trả {_stamp(view.due_at)}", _json(view))
    return 0


def dossier_history(args: argparse.Namespace, ctx: Context, cfg: config.MachineConfig) -> int:
    """Print a dossier's timeline."""
    from app.services import lifecycle

    require_current_schema(ctx)
    steps = lifecycle.history(ctx, args.code)
    lines = [f"{_stamp(e.at)}  {e.kind:<22} {e.from_status or '':>15} → {e.to_status or '':<15} "
             f"{e.officer_name or ''} {('— ' + e.reason) if e.reason else ''}".rstrip() for e in steps]
    emit(args.json, "\n".join(lines), _json(steps))
    return 0


def _table(rows: list[DossierLine]) -> str:
    if not rows:
        return "Không có hồ sơ nào."
    return "\n".join(f"{r.code}  hẹn {_stamp(r.due_at)}  {r.status_label:<22} {r.applicant_name} — {r.procedure_name}"
                     for r in rows)


def dossier_late(args: argparse.Namespace, ctx: Context, cfg: config.MachineConfig) -> int:
    """List overdue dossiers."""
    from app.services import lifecycle

    require_current_schema(ctx)
    rows = lifecycle.late(ctx)
    emit(args.json, _table(rows), _json(rows))
    return 0


def dossier_due_soon(args: argparse.Namespace, ctx: Context, cfg: config.MachineConfig) -> int:
    """List dossiers due within N working days."""
    from app.services import lifecycle

    require_current_schema(ctx)
    rows = lifecycle.due_soon(ctx, args.days)
    emit(args.json, _table(rows), _json(rows))
    return 0


def dossier_import(args: argparse.Namespace, ctx: Context, cfg: config.MachineConfig) -> int:
    """Import a dossier CSV; every bad cell is listed and nothing is saved when there is one."""
    from app.services import dossier_csv

    require_current_schema(ctx)
    result = dossier_csv.import_file(ctx, _actor(ctx, None), args.file)
    emit(args.json, f"Đã nhập {result.imported} hồ sơ, bỏ qua {result.skipped} hồ sơ đã có "
                    f"({result.seconds:.1f} giây)", _json(result))
    return 0


def dossier_export(args: argparse.Namespace, ctx: Context, cfg: config.MachineConfig) -> int:
    """Export every dossier to a CSV in the import format."""
    from app.services import dossier_csv

    require_current_schema(ctx)
    with _writing(args.file):
        count = dossier_csv.export_file(ctx, args.file)
    emit(args.json, f"Đã xuất {count} hồ sơ ra {args.file}", {"exported": count, "out": str(args.file)})
    return 0


def dossier_form(args: argparse.Namespace, ctx: Context, cfg: config.MachineConfig) -> int:
    """Write Mẫu 04, 05 or 06 of a dossier to a PDF."""
    from app.services import lifecycle_forms

    require_current_schema(ctx)
    with _writing(args.out):
        out = lifecycle_forms.render_form(ctx, _actor(ctx, args.officer), args.number, args.code, args.out)
    emit(args.json, str(out), {"form": args.number, "code": args.code.strip(), "out": str(out)})
    return 0


def dossier_register(args: argparse.Namespace, ctx: Context, cfg: config.MachineConfig) -> int:
    """Write Mẫu 07, the register of dossiers received in a date range."""
    from app.services import lifecycle_forms

    require_current_schema(ctx)
    if args.date_to < args.date_from:
        raise CliError("--to phải từ ngày --from trở đi")
    with _writing(args.out):
        out = lifecycle_forms.render_register(ctx, args.date_from, args.date_to, args.out)
    emit(args.json, str(out), {"form": "07", "out": str(out)})
    return 0
