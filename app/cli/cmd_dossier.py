"""`motcua dossier …`: receive and show dossiers, accept or refuse online registrations, follow them to their result
(hand over, supplement, pay, return …), list the late and nearly due ones, import and export CSV, print Mẫu 04–07."""

from __future__ import annotations

import argparse
import sys
import uuid
from pathlib import Path
from typing import TYPE_CHECKING

from app import config
from app.cli.common import (actor_for, offline_capable, offline_station, officer_option, read_officer_password,
                            replay_quietly, require_current_schema, saved_locally, stamp, writing)
from app.cli.output import CliError, emit, parse_day, plain
from app.domain.text import printable

if TYPE_CHECKING:
    from app.domain.dossier import IntakeDraft
    from app.services.context import Actor, Context
    from app.services.dossiers import DossierView
    from app.services.lifecycle import DossierLine


# action -> (help, options it takes); every action also takes --reason and --officer
ACTIONS: dict[str, tuple[str, tuple[str, ...]]] = {
    "hand_over": ("chuyển hồ sơ cho cơ quan, đơn vị giải quyết (--unit)", ("unit",)),
    "hand_back": ("cơ quan trả lại hồ sơ, không giải quyết (--reason)", ()),
    "request_supplement": ("yêu cầu bổ sung hồ sơ một lần, tạm dừng thời hạn, in Mẫu 02 (--reason, --missing, "
                           "--out)", ("items", "out")),
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
    "accept": ("tiếp nhận hồ sơ đăng ký trực tuyến: cấp mã, hẹn trả tính từ lúc này (--out: in Mẫu 01)", ("out",)),
    "refuse": ("từ chối tiếp nhận hồ sơ đăng ký trực tuyến (--reason: các lý do cách nhau bằng ;, --out: in Mẫu 03)",
               ("out",)),
}


def register(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add the dossier command."""
    dossier = commands.add_parser("dossier", help="hồ sơ: tiếp nhận, xem")
    dsub = dossier.add_subparsers(title="lệnh", metavar="ACTION", required=True)
    rc = dsub.add_parser("receive", help="tiếp nhận một hồ sơ và in ra mã hồ sơ")
    rc.add_argument("--procedure", required=True, metavar="CODE", help="mã thủ tục")
    rc.add_argument("--name", required=True, help="họ và tên người nộp (hoặc tên tổ chức khi có --tax-code)")
    rc.add_argument("--id-number", default="", metavar="CCCD", help="số CCCD / định danh cá nhân 12 chữ số")
    rc.add_argument("--tax-code", default="", metavar="MST", help="mã số thuế: người nộp là tổ chức")
    rc.add_argument("--phone", default="", help="số điện thoại")
    rc.add_argument("--address", default="", help="địa chỉ")
    rc.add_argument("--email", default="", help="thư điện tử")
    rc.add_argument("--birth-year", type=int, metavar="N", help="năm sinh (đối chiếu với số CCCD)")
    rc.add_argument("--sex", choices=("male", "female"), help="giới tính (đối chiếu với số CCCD)")
    rc.add_argument("--owner", default="", metavar="TÊN", help="chủ hồ sơ, khi người nộp nộp thay người khác")
    rc.add_argument("--owner-id", default="", metavar="CCCD", help="số CCCD của chủ hồ sơ")
    rc.add_argument("--channel", choices=("direct", "online", "postal"), default="direct", help="hình thức nộp")
    rc.add_argument("--online-level", type=int, choices=(3, 4), help="mức độ trực tuyến (hồ sơ trực tuyến)")
    rc.add_argument("--sets", type=int, default=1, metavar="N", help="số bộ hồ sơ (mặc định 1)")
    rc.add_argument("--post", metavar="ADDRESS", help="trả kết quả qua bưu chính tới địa chỉ này")
    rc.add_argument("--on-the-spot", action="store_true", help="giải quyết và trả kết quả ngay (thủ tục tại chỗ)")
    rc.add_argument("--ticket", metavar="NUMBER", help="số thứ tự hôm nay của người nộp, vd. 1023")
    rc.add_argument("--officer", metavar="LOGIN", help="cán bộ tiếp nhận")
    rc.add_argument("--receipt", type=Path, metavar="FILE.pdf", help="in luôn giấy tiếp nhận (Mẫu 01) ra tệp PDF")
    rc.add_argument("--request-id", type=_request_id, metavar="UUID",
                    help="mã yêu cầu do máy gửi tạo (UUID): gửi lại cùng mã thì nhận lại đúng hồ sơ đã lưu")
    rc.set_defaults(handler=dossier_receive, works_offline=True)
    sh = dsub.add_parser("show", help="xem một hồ sơ: thông tin, giấy tờ, lịch sử")
    sh.add_argument("code", metavar="CODE", help="mã hồ sơ")
    sh.set_defaults(handler=dossier_show)
    _add_actions(dsub)
    _add_lists(dsub)
    _add_files(dsub)


def _add_actions(dsub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Every lifecycle action, one sub-command each (with its underscore spelling as an alias)."""
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
        if "items" in options:
            p.add_argument("--missing", required=True, metavar="GIẤY_TỜ;…",
                           help="giấy tờ cần bổ sung, cách nhau bằng ; — mỗi giấy tờ «Tên» hoặc «Tên:chính|sao|photo:số»")
        if "out" in options:
            p.add_argument("--out", type=Path, metavar="FILE.pdf", help="in luôn biểu mẫu ra tệp PDF")
        if "new_date" in options:
            p.add_argument("--new-date", type=parse_day, required=True, metavar="YYYY-MM-DD", help="ngày hẹn trả mới")
        if "receipt_no" in options:
            p.add_argument("--receipt-no", required=True, help="số biên lai thu phí, lệ phí")
            p.add_argument("--amount", type=int, metavar="ĐỒNG", help="số tiền đã nộp (đồng)")
            p.add_argument("--method", default="cash", choices=("cash", "transfer", "card", "online"))
        p.set_defaults(handler=dossier_action, action_name=name)


def _add_lists(dsub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    hi = dsub.add_parser("history", help="lịch sử xử lý của một hồ sơ")
    hi.add_argument("code", metavar="CODE")
    hi.set_defaults(handler=dossier_history)
    rg = dsub.add_parser("registered", help="hồ sơ đăng ký trực tuyến đang chờ tiếp nhận (accept / refuse)")
    rg.set_defaults(handler=dossier_registered)
    la = dsub.add_parser("late", help="các hồ sơ đang giải quyết đã quá hạn")
    la.set_defaults(handler=dossier_late)
    ds = dsub.add_parser("due-soon", help="các hồ sơ sắp đến hạn trả")
    ds.add_argument("--days", type=int, default=1, metavar="N", help="trong N ngày làm việc tới (mặc định 1)")
    ds.set_defaults(handler=dossier_due_soon)


def _add_files(dsub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    im = dsub.add_parser("import", help="nhập hồ sơ từ tệp CSV (tất cả hoặc không gì cả)")
    im.add_argument("file", type=Path, metavar="FILE.csv")
    officer_option(im)
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


def dossier_receive(args: argparse.Namespace, ctx: Context, cfg: config.MachineConfig) -> int:
    """Receive a dossier and print its code. On a station of a central server that does not answer: with a code
    from the counter's leased block, saved locally (docs/offline.md)."""
    if not offline_capable(args, cfg):
        return _receive(args, ctx, cfg)
    args.request_id = args.request_id or uuid.uuid4()  # one id for both tries: a lost reply is never doubled
    password = read_officer_password(args.officer) if args.officer else None  # read once, for both tries
    with offline_station(ctx, cfg) as station:
        code = station.on_server(lambda: _receive(args, ctx, cfg, password))
        if code is not None:
            if args.officer and password:  # this officer may now sign in here while the server does not answer
                station.remember_sign_in(args.officer, password)
            replay_quietly(station)
            return code
        if not args.officer:
            raise CliError("mất kết nối máy chủ: tiếp nhận tại máy cần --officer LOGIN (cán bộ đã từng đăng nhập "
                           "trên máy này khi có kết nối)")
        actor = station.sign_in(args.officer, password or "")
        made = station.receive_dossier(actor, args.procedure, _draft(args), ticket_number=args.ticket,
                                       resolve_on_the_spot=args.on_the_spot, request_id=args.request_id)
        emit(args.json, made.code, plain(made) | {"offline": True})
        saved_locally(station)
        if args.receipt:
            raise CliError(f"đã tiếp nhận hồ sơ {made.code} (lưu tại máy) nhưng chưa in được Mẫu 01 khi mất "
                           "kết nối bằng dòng lệnh; in lại sau khi đồng bộ")
        return 0


def _draft(args: argparse.Namespace) -> IntakeDraft:
    """The intake form of the command's options."""
    from app.domain.dossier import IntakeDraft

    return IntakeDraft(applicant_name=args.name, id_number=args.id_number, phone=args.phone, address=args.address,
                        email=args.email, applicant_kind="organisation" if args.tax_code else "person",
                        tax_code=args.tax_code, birth_year=args.birth_year, sex=args.sex, channel=args.channel,
                        online_level=args.online_level, sets=args.sets, result_by_post=bool(args.post),
                        postal_address=args.post or "", owner_name=args.owner, owner_id_number=args.owner_id)


def _receive(args: argparse.Namespace, ctx: Context, cfg: config.MachineConfig, password: str | None = None) -> int:
    """Receive on the store itself."""
    from app.services import dossier_forms, dossiers

    require_current_schema(ctx)
    actor = actor_for(ctx, cfg, args.officer, password)
    procedure_id = dossiers.procedure_id_by_code(ctx, args.procedure)
    ticket_id = dossiers.ticket_id_by_number(ctx, args.ticket) if args.ticket else None
    draft = _draft(args)
    view = dossiers.receive_dossier(ctx, actor, procedure_id, draft, ticket_id,
                                    resolve_on_the_spot=args.on_the_spot, request_id=args.request_id)
    for warning in view.warnings:  # received all the same: the officer was told, and the override is recorded
        print(f"motcua: cảnh báo: {printable(warning)} (đã ghi nhận khi tiếp nhận)", file=sys.stderr)
    if args.receipt:
        with writing(args.receipt, f"đã tiếp nhận hồ sơ {view.code} nhưng "):
            dossier_forms.render_receipt(ctx, view.code, args.receipt)
    emit(args.json, view.code, plain(view))
    return 0


def _request_id(text: str) -> uuid.UUID:
    """A --request-id: a UUID, or argparse's one-line error."""
    try:
        return uuid.UUID(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"«{text}» không phải UUID (vd. {uuid.uuid4()})") from None


def show_text(v: DossierView, paid_vnd: int = 0) -> str:
    """A dossier for people to read on a terminal (`paid_vnd`: what was paid for it)."""
    from app.services.fees import fee_line

    person = f"CCCD {v.id_number}" if v.id_number else ""
    ids = ", ".join(x for x in (person, f"MST {v.tax_code}" if v.tax_code else "", f"ĐT {v.phone or '—'}") if x)
    lines = [f"Hồ sơ {v.code} — {v.status_label}", f"Thủ tục: {v.procedure_name} ({v.procedure_code})",
             f"Cơ quan giải quyết: {v.agency_name}", f"Người nộp: {v.applicant_name} ({ids})",
             *([f"Chủ hồ sơ: {v.owner_name}" + (f" (CCCD {v.owner_id_number})" if v.owner_id_number else "")]
               if v.owner_name else []),
             f"Địa chỉ: {v.address or '—'}",
             f"Nhận lúc: {stamp(v.received_at)}; hẹn trả: {stamp(v.due_at)}",
             f"Số bộ: {v.sets}; sổ theo dõi dòng {v.register_line}; phí, lệ phí: {fee_line(v.fee_vnd, paid_vnd)}",
             "Giấy tờ:"]
    lines += [f"  {i}. {d.name} (chính {d.originals}, sao chứng thực {d.certified_copies}, photo {d.photocopies})"
              for i, d in enumerate(v.documents, start=1)]
    lines.append("Lịch sử:")
    lines += [f"  {stamp(e.at)} {e.kind} → {e.to_status or ''} {('— ' + e.officer_name) if e.officer_name else ''}"
              .rstrip() for e in v.events]
    return "\n".join(lines)


def dossier_show(args: argparse.Namespace, ctx: Context, cfg: config.MachineConfig) -> int:
    """Print one dossier."""
    from app.services import dossiers, fees

    require_current_schema(ctx)
    view = dossiers.get_dossier(ctx, args.code)
    paid = fees.paid_total(ctx, view.code)
    emit(args.json, show_text(view, paid), plain(view) | {"paid_vnd": paid})
    return 0


def dossier_action(args: argparse.Namespace, ctx: Context, cfg: config.MachineConfig) -> int:
    """Apply one action and print the dossier's new state."""
    from app.services import lifecycle

    require_current_schema(ctx)
    actor = actor_for(ctx, cfg, args.officer)
    if args.action_name in PAPER_ACTIONS:
        return _paper_action(args, ctx, actor)
    if args.action_name == "paid" and args.amount is not None:
        view = lifecycle.record_payment(ctx, actor, args.code, args.amount, args.method, args.receipt_no)
    else:
        details = {k: getattr(args, k) for k in ("reason", "unit", "tracking", "collector", "new_date", "receipt_no",
                                                 "method") if getattr(args, k, None) not in (None, "")}
        view = lifecycle.apply_action(ctx, actor, args.code, args.action_name, **details)
    emit(args.json, f"{view.code}: {view.status_label}; hẹn trả {stamp(view.due_at)}", plain(view))
    return 0


PAPER_ACTIONS = ("request_supplement", "accept", "refuse")  # each is recorded with its form (Mẫu 02, 01, 03)


def _paper_action(args: argparse.Namespace, ctx: Context, actor: Actor) -> int:
    """The supplement request (Mẫu 02), accepting (Mẫu 01) or refusing (Mẫu 03) an online registration: the
    action is recorded, then its form written to --out when given."""
    from app.services import dossier_forms

    def act() -> tuple[DossierView, Path | None]:
        if args.action_name == "request_supplement":
            return dossier_forms.request_supplement(ctx, actor, args.code, args.reason, args.missing, args.out)
        if args.action_name == "accept":
            return dossier_forms.accept(ctx, actor, args.code, args.out)
        return dossier_forms.refuse(ctx, actor, args.code, args.reason, args.out)

    with writing(args.out or Path(".")):
        view, out = act()
    due = f"; hẹn trả {stamp(view.due_at)}" if view.due_at else ""
    emit(args.json, f"{view.code}: {view.status_label}{due}" + (f"; biểu mẫu: {out}" if out else ""),
         plain(view) | {"out": str(out) if out else None})
    return 0


def dossier_registered(args: argparse.Namespace, ctx: Context, cfg: config.MachineConfig) -> int:
    """List online registrations waiting for the counter."""
    from app.services import lifecycle

    require_current_schema(ctx)
    rows = lifecycle.registrations(ctx)
    text = "\n".join(f"{r.code}  đăng ký {stamp(r.received_at)}  {r.applicant_name} — {r.procedure_name}"
                     for r in rows) or "Không có hồ sơ đăng ký trực tuyến nào chờ tiếp nhận."
    emit(args.json, text, plain(rows))
    return 0


def dossier_history(args: argparse.Namespace, ctx: Context, cfg: config.MachineConfig) -> int:
    """Print a dossier's timeline."""
    from app.services import lifecycle

    require_current_schema(ctx)
    steps = lifecycle.history(ctx, args.code)
    lines = [f"{stamp(e.at)}  {e.kind:<22} {e.from_status or '':>15} → {e.to_status or '':<15} "
             f"{e.officer_name or ''} {('— ' + e.reason) if e.reason else ''}".rstrip() for e in steps]
    emit(args.json, "\n".join(lines), plain(steps))
    return 0


def _table(rows: list[DossierLine]) -> str:
    if not rows:
        return "Không có hồ sơ nào."
    return "\n".join(f"{r.code}  hẹn {stamp(r.due_at)}  {r.status_label:<22} {r.applicant_name} — {r.procedure_name}"
                     for r in rows)


def dossier_late(args: argparse.Namespace, ctx: Context, cfg: config.MachineConfig) -> int:
    """List overdue dossiers."""
    from app.services import lifecycle

    require_current_schema(ctx)
    rows = lifecycle.late(ctx)
    emit(args.json, _table(rows), plain(rows))
    return 0


def dossier_due_soon(args: argparse.Namespace, ctx: Context, cfg: config.MachineConfig) -> int:
    """List dossiers due within N working days."""
    from app.services import lifecycle

    require_current_schema(ctx)
    rows = lifecycle.due_soon(ctx, args.days)
    emit(args.json, _table(rows), plain(rows))
    return 0


def dossier_import(args: argparse.Namespace, ctx: Context, cfg: config.MachineConfig) -> int:
    """Import a dossier CSV; every bad cell is listed and nothing is saved when there is one."""
    from app.services import dossier_csv

    require_current_schema(ctx)
    result = dossier_csv.import_file(ctx, actor_for(ctx, cfg, args.officer), args.file)
    emit(args.json, f"Đã nhập {result.imported} hồ sơ, bỏ qua {result.skipped} hồ sơ đã có "
                    f"({result.seconds:.1f} giây)", plain(result))
    return 0


def dossier_export(args: argparse.Namespace, ctx: Context, cfg: config.MachineConfig) -> int:
    """Export every dossier to a CSV in the import format."""
    from app.services import dossier_csv

    require_current_schema(ctx)
    with writing(args.file):
        count = dossier_csv.export_file(ctx, args.file)
    emit(args.json, f"Đã xuất {count} hồ sơ ra {args.file}", {"exported": count, "out": str(args.file)})
    return 0


def dossier_form(args: argparse.Namespace, ctx: Context, cfg: config.MachineConfig) -> int:
    """Write Mẫu 04, 05 or 06 of a dossier to a PDF."""
    from app.services import lifecycle_forms

    require_current_schema(ctx)
    with writing(args.out):
        out = lifecycle_forms.render_form(ctx, actor_for(ctx, cfg, args.officer), args.number, args.code, args.out)
    emit(args.json, str(out), {"form": args.number, "code": args.code.strip(), "out": str(out)})
    return 0


def dossier_register(args: argparse.Namespace, ctx: Context, cfg: config.MachineConfig) -> int:
    """Write Mẫu 07, the register of dossiers received in a date range."""
    from app.services import lifecycle_forms

    require_current_schema(ctx)
    if args.date_to < args.date_from:
        raise CliError("--to phải từ ngày --from trở đi")
    with writing(args.out):
        out = lifecycle_forms.render_register(ctx, args.date_from, args.date_to, args.out)
    emit(args.json, str(out), {"form": "07", "out": str(out)})
    return 0
