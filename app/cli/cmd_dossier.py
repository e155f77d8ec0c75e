"""`motcua dossier receive|show` and `motcua print receipt|form`: receiving dossiers and printing their forms."""

from __future__ import annotations

import argparse
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app import config
from app.cli.cmd_db import require_current_schema
from app.cli.output import CliError, _plain, emit, parse_day

if TYPE_CHECKING:
    from app.services.context import Actor, Context
    from app.services.dossiers import DossierView


def register(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add the dossier and print commands."""
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
    rc.set_defaults(handler=dossier_receive)
    sh = dsub.add_parser("show", help="xem một hồ sơ: thông tin, giấy tờ, lịch sử")
    sh.add_argument("code", metavar="CODE", help="mã hồ sơ")
    sh.set_defaults(handler=dossier_show)
    from app.cli.cmd_lifecycle import add_actions  # here: cmd_lifecycle imports helpers from this module

    add_actions(dsub)

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


def _actor(ctx: "Context", login: str | None) -> "Actor":
    from app.services import accounts
    from app.services.context import Actor

    return accounts.actor_for_login(ctx, login) if login else Actor.system()


@contextmanager
def _writing(out: Path, prefix: str = "") -> Iterator[None]:
    """Turn a failure to write the PDF (no such folder, no permission, disk full) into one clear line."""
    try:
        yield
    except OSError as exc:
        raise CliError(f"{prefix}không ghi được tệp {out}: {exc.strerror or exc}") from exc


def _json(value: Any) -> Any:
    """`_plain` plus UUIDs as strings."""
    data = _plain(value)
    if isinstance(data, dict):
        return {k: _json(v) for k, v in data.items()}
    if isinstance(data, list):
        return [_json(v) for v in data]
    return str(data) if isinstance(data, uuid.UUID) else data


def dossier_receive(args: argparse.Namespace, ctx: "Context", cfg: config.MachineConfig) -> int:
    """Receive a dossier and print its code."""
    from app.domain.dossier import IntakeDraft
    from app.services import dossier_forms, dossiers

    require_current_schema(ctx)
    actor = _actor(ctx, args.officer)
    procedure_id = dossiers.procedure_id_by_code(ctx, args.procedure)
    ticket_id = dossiers.ticket_id_by_number(ctx, args.ticket) if args.ticket else None
    draft = IntakeDraft(applicant_name=args.name, id_number=args.id_number, phone=args.phone, address=args.address,
                        email=args.email, applicant_kind="organisation" if args.tax_code else "person",
                        tax_code=args.tax_code, birth_year=args.birth_year, sex=args.sex, channel=args.channel,
                        online_level=args.online_level, sets=args.sets, result_by_post=bool(args.post),
                        postal_address=args.post or "", owner_name=args.owner, owner_id_number=args.owner_id)
    view = dossiers.receive_dossier(ctx, actor, procedure_id, draft, ticket_id,
                                    resolve_on_the_spot=args.on_the_spot, request_id=args.request_id)
    if args.receipt:
        with _writing(args.receipt, f"đã tiếp nhận hồ sơ {view.code} nhưng "):
            dossier_forms.render_receipt(ctx, view.code, args.receipt)
    emit(args.json, view.code, _json(view))
    return 0


def _request_id(text: str) -> uuid.UUID:
    """A --request-id: a UUID, or argparse's one-line error."""
    try:
        return uuid.UUID(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"«{text}» không phải UUID (vd. {uuid.uuid4()})") from None


def _stamp(moment: object) -> str:
    from app.services.context import LOCAL_TZ

    return f"{moment.astimezone(LOCAL_TZ):%H:%M %d/%m/%Y}" if moment else "—"  # type: ignore[attr-defined]


def show_text(v: "DossierView", paid_vnd: int = 0) -> str:
    """A dossier for people to read on a terminal (`paid_vnd`: what was paid for it)."""
    from app.services.fees import fee_line

    person = f"CCCD {v.id_number}" if v.id_number else ""
    ids = ", ".join(x for x in (person, f"MST {v.tax_code}" if v.tax_code else "", f"ĐT {v.phone or '—'}") if x)
    lines = [f"Hồ sơ {v.code} — {v.status_label}", f"Thủ tục: {v.procedure_name} ({v.procedure_code})",
             f"Cơ quan giải quyết: {v.agency_name}", f"Người nộp: {v.applicant_name} ({ids})",
             *([f"Chủ hồ sơ: {v.owner_name}" + (f" (CCCD {v.owner_id_number})" if v.owner_id_number else "")]
               if v.owner_name else []),
             f"Địa chỉ: {v.address or '—'}",
             f"Nhận lúc: {_stamp(v.received_at)}; hẹn trả: {_stamp(v.due_at)}",
             f"Số bộ: {v.sets}; sổ theo dõi dòng {v.register_line}; phí, lệ phí: {fee_line(v.fee_vnd, paid_vnd)}",
             "Giấy tờ:"]
    lines += [f"  {i}. {d.name} (chính {d.originals}, sao chứng thực {d.certified_copies}, photo {d.photocopies})"
              for i, d in enumerate(v.documents, start=1)]
    lines.append("Lịch sử:")
    lines += [f"  {_stamp(e.at)} {e.kind} → {e.to_status or ''} {('— ' + e.officer_name) if e.officer_name else ''}"
              .rstrip() for e in v.events]
    return "\n".join(lines)


def dossier_show(args: argparse.Namespace, ctx: "Context", cfg: config.MachineConfig) -> int:
    """Print one dossier."""
    from app.services import dossiers, fees

    require_current_schema(ctx)
    view = dossiers.get_dossier(ctx, args.code)
    paid = fees.paid_total(ctx, view.code)
    emit(args.json, show_text(view, paid), _json(view) | {"paid_vnd": paid})
    return 0


def print_receipt(args: argparse.Namespace, ctx: "Context", cfg: config.MachineConfig) -> int:
    """Write Mẫu 01 of a dossier to a PDF."""
    from app.services import dossier_forms

    require_current_schema(ctx)
    with _writing(args.out):
        out = dossier_forms.render_receipt(ctx, args.code, args.out)
    emit(args.json, str(out), {"form": "01", "code": args.code.strip(), "out": str(out)})
    return 0


def print_form(args: argparse.Namespace, ctx: "Context", cfg: config.MachineConfig) -> int:
    """Write Mẫu 01, 02 or 03 of a dossier to a PDF."""
    from app.services import dossier_forms

    require_current_schema(ctx)
    missing = args.missing.split(";") if args.missing else []
    if args.number in ("04", "05", "06", "07"):
        return _print_lifecycle_form(args, ctx)
    if args.code is None:
        return _print_not_received_form(args, ctx, missing)
    with _writing(args.out):
        out = dossier_forms.render_form(ctx, _actor(ctx, args.officer), args.number, args.code, args.out,
                                        reason=args.reason, missing=missing)
    emit(args.json, str(out), {"form": args.number, "code": args.code.strip(), "out": str(out)})
    return 0


def _print_lifecycle_form(args: argparse.Namespace, ctx: "Context") -> int:
    """Mẫu 04 / 05 / 06 of a dossier, or Mẫu 07 (the register) for a date range."""
    from app.services import lifecycle_forms

    if args.number == "07":
        if args.date_from is None or args.date_to is None or args.date_to < args.date_from:
            raise CliError("Mẫu 07 cần --from và --to (--to từ ngày --from trở đi)")
        with _writing(args.out):
            out = lifecycle_forms.render_register(ctx, args.date_from, args.date_to, args.out)
        emit(args.json, str(out), {"form": "07", "out": str(out)})
        return 0
    if not args.code:
        raise CliError(f"Mẫu {args.number} cần mã hồ sơ")
    with _writing(args.out):
        out = lifecycle_forms.render_form(ctx, _actor(ctx, args.officer), args.number, args.code, args.out)
    emit(args.json, str(out), {"form": args.number, "code": args.code.strip(), "out": str(out)})
    return 0


def _print_not_received_form(args: argparse.Namespace, ctx: "Context", missing: list[str]) -> int:
    """Mẫu 02 / 03 for a dossier the counter does not receive, recorded against the visit's ticket."""
    from app.services import dossier_forms, dossiers

    if args.number not in ("02", "03") or not args.procedure:
        raise CliError("hồ sơ chưa tiếp nhận: chỉ Mẫu 02 hoặc 03, và cần --procedure (cùng --applicant); "
                       "hồ sơ đã tiếp nhận: ghi mã hồ sơ")
    procedure_id = dossiers.procedure_id_by_code(ctx, args.procedure)
    ticket_id = dossiers.ticket_id_by_number(ctx, args.ticket) if args.ticket else None
    items = missing if args.number == "02" else args.reason.split(";")
    reason = args.reason if args.number == "02" else ""
    with _writing(args.out):
        out = dossier_forms.issue_not_received_form(
            ctx, _actor(ctx, args.officer), args.number, procedure_id,
            (args.applicant, args.applicant_address, args.applicant_phone), items, reason, args.out, ticket_id)
    emit(args.json, str(out), {"form": args.number, "code": None, "ticket": args.ticket, "out": str(out)})
    return 0
