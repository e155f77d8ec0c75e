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
from app.cli.output import CliError, _plain, emit

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
    rc.add_argument("--channel", choices=("direct", "online", "postal"), default="direct", help="hình thức nộp")
    rc.add_argument("--online-level", type=int, choices=(3, 4), help="mức độ trực tuyến (hồ sơ trực tuyến)")
    rc.add_argument("--sets", type=int, default=1, metavar="N", help="số bộ hồ sơ (mặc định 1)")
    rc.add_argument("--post", metavar="ADDRESS", help="trả kết quả qua bưu chính tới địa chỉ này")
    rc.add_argument("--on-the-spot", action="store_true", help="giải quyết và trả kết quả ngay (thủ tục tại chỗ)")
    rc.add_argument("--ticket", metavar="NUMBER", help="số thứ tự hôm nay của người nộp, vd. 1023")
    rc.add_argument("--officer", metavar="LOGIN", help="cán bộ tiếp nhận")
    rc.add_argument("--receipt", type=Path, metavar="FILE.pdf", help="in luôn giấy tiếp nhận (Mẫu 01) ra tệp PDF")
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
    form = psub.add_parser("form", help="Mẫu 01, 02 (yêu cầu bổ sung) hoặc 03 (từ chối tiếp nhận)")
    form.add_argument("number", choices=("01", "02", "03"), metavar="NN", help="số mẫu: 01, 02 hoặc 03")
    form.add_argument("code", metavar="CODE", help="mã hồ sơ")
    form.add_argument("--out", type=Path, required=True, metavar="FILE.pdf")
    form.add_argument("--reason", default="", help="lý do (Mẫu 03: nhiều lý do cách nhau bằng ;)")
    form.add_argument("--missing", default="", metavar="DOC;DOC", help="Mẫu 02: giấy tờ cần bổ sung, cách nhau bằng ;")
    form.add_argument("--officer", metavar="LOGIN", help="cán bộ ký phiếu")
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
                        postal_address=args.post or "")
    view = dossiers.receive_dossier(ctx, actor, procedure_id, draft, ticket_id,
                                    resolve_on_the_spot=args.on_the_spot)
    if args.receipt:
        with _writing(args.receipt, f"đã tiếp nhận hồ sơ {view.code} nhưng "):
            dossier_forms.render_receipt(ctx, view.code, args.receipt)
    emit(args.json, view.code, _json(view))
    return 0


def _stamp(moment: object) -> str:
    from app.services.context import LOCAL_TZ

    return f"{moment.astimezone(LOCAL_TZ):%H:%M %d/%m/%Y}" if moment else "—"  # type: ignore[attr-defined]


def show_text(v: "DossierView") -> str:
    """A dossier for people to read on a terminal."""
    person = f"CCCD {v.id_number}" if v.id_number else ""
    ids = ", ".join(x for x in (person, f"MST {v.tax_code}" if v.tax_code else "", f"ĐT {v.phone or '—'}") if x)
    lines = [f"Hồ sơ {v.code} — {v.status_label}", f"Thủ tục: {v.procedure_name} ({v.procedure_code})",
             f"Cơ quan giải quyết: {v.agency_name}", f"Người nộp: {v.applicant_name} ({ids})",
             f"Địa chỉ: {v.address or '—'}",
             f"Nhận lúc: {_stamp(v.received_at)}; hẹn trả: {_stamp(v.due_at)}",
             f"Số bộ: {v.sets}; sổ theo dõi dòng {v.register_line}; phí, lệ phí: {v.fee_vnd:,} đồng".replace(",", "."),
             "Giấy tờ:"]
    lines += [f"  {i}. {d.name} (chính {d.originals}, sao chứng thực {d.certified_copies}, photo {d.photocopies})"
              for i, d in enumerate(v.documents, start=1)]
    lines.append("Lịch sử:")
    lines += [f"  {_stamp(e.at)} {e.kind} → {e.to_status or ''} {('— ' + e.officer_name) if e.officer_name else ''}"
              .rstrip() for e in v.events]
    return "\n".join(lines)


def dossier_show(args: argparse.Namespace, ctx: "Context", cfg: config.MachineConfig) -> int:
    """Print one dossier."""
    from app.services import dossiers

    require_current_schema(ctx)
    view = dossiers.get_dossier(ctx, args.code)
    emit(args.json, show_text(view), _json(view))
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
    with _writing(args.out):
        out = dossier_forms.render_form(ctx, _actor(ctx, args.officer), args.number, args.code, args.out,
                                        reason=args.reason, missing=missing)
    emit(args.json, str(out), {"form": args.number, "code": args.code.strip(), "out": str(out)})
    return 0
