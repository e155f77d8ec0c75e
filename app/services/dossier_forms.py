"""The forms of a dossier as PDFs: Mẫu 01 receipt and appointment, Mẫu 02 supplement request, Mẫu 03 refusal; and
the actions whose paper they are (the one supplement request, accepting or refusing an online registration).

This module turns a stored dossier into the printing layer's plain dataclasses (printing never reads the store).
"""

from __future__ import annotations

import os
import uuid
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select

from app.domain.accounts import Role
from app.domain.catalog import DocumentKind, ProcessingUnit
from app.domain.dossier import ApplicantKind, DossierStatus, IntakeDraft, ProcedurePolicy
from app.domain.lifecycle import TRANSITIONS, Action, TransitionRefused
from app.domain.supplement import SupplementItem, parse_items
from app.domain.errors import FormErrors, ValidationError
from app.domain.messages import Message, translate
from app.domain.text import nfc
from app.printing import forms
from app.services.context import LOCAL_TZ, Actor, Context
from app.services import lifecycle
from app.services.dossiers import DossierView, get_dossier
from app.services.offline import OfflineDossier, OfflineStation
from app.services.settings import centre_setting
from app.store.live import publish
from app.store.models import Agency, Counter, DossierEvent, Officer, Procedure, Ticket, TicketEvent

FORM_NUMBERS = ("01", "02", "03")
# the statutory processing time in words, per unit of the catalogue (%1: the number)
_PROCESSING_TIME = {ProcessingUnit.WORKING_DAYS: translate("services.dossier_forms", "%1 ngày làm việc"),
                    ProcessingUnit.CALENDAR_DAYS: translate("services.dossier_forms", "%1 ngày"),
                    ProcessingUnit.WORKING_HOURS: translate("services.dossier_forms", "%1 giờ làm việc"),
                    ProcessingUnit.SAME_DAY: translate("services.dossier_forms", "Trong ngày")}
SUPPLEMENT_EVENT, REFUSAL_EVENT = TRANSITIONS[Action.REQUEST_SUPPLEMENT].event, TRANSITIONS[Action.REFUSE].event


def _centre(ctx: Context) -> tuple[str, str, str]:
    """(committee, centre name, place) from the centre settings."""
    with ctx.store.read() as s:
        return (str(centre_setting(s, "province_committee")), str(centre_setting(s, "centre_name")),
                str(centre_setting(s, "province_name")))


def _header(ctx: Context, v: DossierView) -> forms.FormHeader:
    """Committee, centre, place; dated the day of receipt, numbered by the register line (Mẫu 01)."""
    committee, centre, place = _centre(ctx)
    number = f"{v.register_line}/TNHS" if v.register_line else ""
    return forms.FormHeader(committee, centre, place, v.received_at.astimezone(LOCAL_TZ).date(), number)


def processing_time_text(value: int, unit: str) -> Message:
    """The statutory processing time in words: "5 ngày làm việc", "Trong ngày" (marked: the intake window shows
    it in its language, Mẫu 01 prints the Vietnamese)."""
    kind = ProcessingUnit(unit)
    return _PROCESSING_TIME[kind] if kind is ProcessingUnit.SAME_DAY else _PROCESSING_TIME[kind].arg(value)


def receipt_data(ctx: Context, code: str) -> forms.ReceiptData:
    """What Mẫu 01 of a stored dossier shows (times in local time)."""
    v = get_dossier(ctx, code)
    if v.status in (DossierStatus.REGISTERED.value, DossierStatus.REFUSED.value):
        raise TransitionRefused(translate("services.dossier_forms", "Hồ sơ %1 chưa được tiếp nhận («%2»): chưa có "
                                          "giấy tiếp nhận và hẹn trả kết quả (Mẫu 01)").arg(v.code, v.status_label))
    header = _header(ctx, v)
    organisation = v.applicant_kind == ApplicantKind.ORGANISATION.value
    id_label, id_value = (("Mã số thuế", v.tax_code or "") if organisation
                          else ("Số CCCD/định danh cá nhân", v.id_number or ""))
    place = (f"Qua dịch vụ bưu chính công ích, địa chỉ: {v.postal_address}" if v.result_by_post
             else f"Bộ phận tiếp nhận và trả kết quả — {header.centre_name}")
    due = v.due_at or v.received_at
    return forms.ReceiptData(
        header=header, code=v.code, receiving_unit=f"{header.centre_name} — {v.agency_name}",
        applicant_name=v.applicant_name, address=v.address or "", phone=v.phone or "", email=v.email or "",
        id_label=id_label, id_number=id_value, request=v.procedure_name,
        documents=tuple(forms.ReceiptDocument(d.name, d.originals, d.certified_copies, d.photocopies)
                        for d in v.documents),
        sets=v.sets, processing_time=processing_time_text(v.processing_value, v.processing_unit),
        received_at=v.received_at.astimezone(LOCAL_TZ), due_at=due.astimezone(LOCAL_TZ), result_place=place,
        fee_vnd=v.fee_vnd, register_book=str(v.received_at.astimezone(LOCAL_TZ).year),
        register_line=v.register_line, officer_name=v.received_by_name or "",
        owner=" — CCCD ".join(x for x in (v.owner_name or "", v.owner_id_number or "") if x))


def offline_receipt_data(station: OfflineStation, dossier: OfflineDossier, draft: IntakeDraft) -> forms.ReceiptData:
    """What Mẫu 01 of a dossier received offline shows, from the station's journal (the centre's settings, the
    procedure) and the form as typed: the same page as online, with the code, register line and due date the
    station gave."""
    header = forms.FormHeader(str(station.setting("province_committee")), station.centre_name(),
                              str(station.setting("province_name")), dossier.received_at.astimezone(LOCAL_TZ).date(),
                              f"{dossier.register_line}/TNHS")
    procedure = station.procedure(dossier.procedure_code)
    d = draft.validated(ProcedurePolicy(procedure["postal_allowed"], procedure["online_level"],
                                        procedure["on_the_spot"]))  # normalised as the replay stores it
    organisation = d.applicant_kind == ApplicantKind.ORGANISATION.value
    id_label, id_value = (("Mã số thuế", d.tax_code) if organisation else ("Số CCCD/định danh cá nhân", d.id_number))
    place = (f"Qua dịch vụ bưu chính công ích, địa chỉ: {d.postal_address}" if d.result_by_post
             else f"Bộ phận tiếp nhận và trả kết quả — {header.centre_name}")
    received = dossier.received_at.astimezone(LOCAL_TZ)
    return forms.ReceiptData(
        header=header, code=dossier.code, receiving_unit=f"{header.centre_name} — {dossier.agency_name}",
        applicant_name=d.applicant_name, address=d.address, phone=d.phone, email=d.email, id_label=id_label,
        id_number=id_value, request=dossier.procedure_name,
        documents=tuple(forms.ReceiptDocument(x.name, x.originals, x.certified_copies, x.photocopies)
                        for x in d.documents),
        sets=d.sets, processing_time=processing_time_text(procedure["processing_value"], procedure["processing_unit"]),
        received_at=received, due_at=dossier.due_at.astimezone(LOCAL_TZ), result_place=place, fee_vnd=dossier.fee_vnd,
        register_book=str(received.year), register_line=dossier.register_line, officer_name=dossier.officer_name or "",
        owner=" — CCCD ".join(x for x in (d.owner_name, d.owner_id_number) if x))


def render_receipt(ctx: Context, code: str, out: Path, data: forms.ReceiptData | None = None) -> Path:
    """Write Mẫu 01 (two copies, A5) of a stored dossier to `out` (`data`: its receipt_data, when already read)."""
    return forms.render_receipt(data or receipt_data(ctx, code), out)


def _items(values: list[str] | tuple[str, ...], field: str, message: str) -> tuple[str, ...]:
    """Non-empty, NFC-normalised items; FormErrors with `message` when none is left."""
    items = tuple(x for x in (nfc(v) for v in values) if x)
    if not items:
        raise FormErrors([ValidationError(field, message)])
    return items


def render_form(ctx: Context, actor: Actor, number: str, code: str, out: Path, reason: str = "",
                missing: list[str] | tuple[str, ...] = ()) -> Path:
    """Write Mẫu 01, or print again Mẫu 02 / 03 of a dossier (marked "Bản sao"): Mẫu 02 only once its one
    supplement request is recorded (`request_supplement` prints the original), Mẫu 03 only for a dossier refused
    at reception (`refuse` prints the original). `reason` and `missing` are not used any more for them: the paper
    shows what was recorded, so printing never makes a second request."""
    number = number.strip().zfill(2)
    if number not in FORM_NUMBERS:
        raise FormErrors([ValidationError("form", translate("services.dossier_forms",
                                                            "Chưa hỗ trợ Mẫu %1; có Mẫu 01, 02, 03").arg(number))])
    if number == "01":
        return render_receipt(ctx, code, out)
    return render_copy(ctx, number, code, out)


def render_copy(ctx: Context, number: str, code: str, out: Path, copy: bool = True) -> Path:
    """Mẫu 02 or 03 of a dossier as recorded: the original (`copy=False`, right after its action) or a copy."""
    if number == "02":
        return forms.render_supplement(supplement_data(ctx, code, copy), out)
    return forms.render_refusal(refusal_data(ctx, code, copy), out)


def _recorded(ctx: Context, v: DossierView, kind: str) -> tuple[DossierEvent, str, str] | None:
    """The last event of `kind` of a dossier with the (name, phone) of the officer who recorded it."""
    with ctx.store.read() as s:
        row = s.execute(select(DossierEvent, Officer).outerjoin(Officer, Officer.id == DossierEvent.officer_id)
                        .where(DossierEvent.dossier_id == v.id, DossierEvent.kind == kind)
                        .order_by(DossierEvent.at.desc()).limit(1)).first()
    if row is None:
        return None
    event, officer = row
    return event, (officer.full_name if officer else ""), ((officer.phone or "") if officer else "")


def _dated(ctx: Context, v: DossierView, at: datetime, suffix: str) -> forms.FormHeader:
    """Committee, centre, place; dated the day the form was issued; numbered by the register line when there is
    one, else left for the clerk (Số: ……/……)."""
    committee, centre, place = _centre(ctx)
    number = f"{v.register_line}/{suffix}" if v.register_line else forms.BLANK_NUMBER
    return forms.FormHeader(committee, centre, place, at.astimezone(LOCAL_TZ).date(), number)


def supplement_items(data: dict[str, Any]) -> tuple[forms.SupplementItem, ...]:
    """Mẫu 02's table rows from what the supplement event recorded."""
    items = [SupplementItem.from_data(x) for x in data.get("items") or [] if isinstance(x, dict)]
    return tuple(forms.SupplementItem(i.name, i.kind.label, i.count) for i in items)


def supplement_data(ctx: Context, code: str, copy: bool) -> forms.SupplementData:
    """Mẫu 02 of a dossier's one supplement request, as it was recorded (its documents, reason, officer, day)."""
    v = get_dossier(ctx, code)
    found = _recorded(ctx, v, SUPPLEMENT_EVENT)
    if found is None:
        raise TransitionRefused(translate("services.dossier_forms", "Hồ sơ %1 chưa có yêu cầu bổ sung; Mẫu 02 được "
                                          "in khi yêu cầu bổ sung (motcua dossier request-supplement CODE --reason … "
                                          "--missing …)").arg(v.code))
    event, name, phone = found
    header = _dated(ctx, v, event.at, "PYCBS")
    return forms.SupplementData(header, v.code, f"{header.centre_name} — {v.agency_name}", v.applicant_name,
                                v.address or "", v.phone or "", v.procedure_name, supplement_items(event.data or {}),
                                event.reason or "", name, phone, copy)


def refusal_data(ctx: Context, code: str, copy: bool) -> forms.RefusalData:
    """Mẫu 03 of a dossier refused at reception (an online registration), with the reasons recorded; a dossier
    received, resolved or returned cannot get one."""
    v = get_dossier(ctx, code)
    found = _recorded(ctx, v, REFUSAL_EVENT) if v.status == DossierStatus.REFUSED.value else None
    if found is None:
        raise TransitionRefused(translate("services.dossier_forms", "Không in Mẫu 03 cho hồ sơ %1 đang ở trạng thái "
                                          "«%2»: Mẫu 03 chỉ dành cho hồ sơ bị từ chối tiếp nhận hoặc không được tiếp "
                                          "nhận").arg(v.code, v.status_label))
    event, name, _ = found
    reasons = tuple(str(r) for r in (event.data or {}).get("reasons", []) if str(r).strip()) or (event.reason or "",)
    header = _dated(ctx, v, event.at, "PTC")
    return forms.RefusalData(header, v.code, f"{header.centre_name} — {v.agency_name}", v.applicant_name,
                             v.address or "", v.phone or "", v.procedure_name, reasons, name, copy)


def request_supplement(ctx: Context, actor: Actor, code: str, reason: str,
                       items: str | list[str] | tuple[str, ...], out: Path | None = None) -> tuple[DossierView, Path | None]:
    """The one written supplement request (Mẫu 02): recorded with its documents, the clock paused, and the
    original printed to `out` (later prints are copies, `render_form`)."""
    view = lifecycle.apply_action(ctx, actor, code, Action.REQUEST_SUPPLEMENT, reason=reason, items=items)
    if out is None:
        return view, None
    return view, forms.render_supplement(supplement_data(ctx, view.code, copy=False), out)


def refuse(ctx: Context, actor: Actor, code: str, reasons: str, out: Path | None = None
           ) -> tuple[DossierView, Path | None]:
    """Refuse an online registration at the counter (';'-separated reasons) and print the original Mẫu 03."""
    view = lifecycle.apply_action(ctx, actor, code, Action.REFUSE, reason=reasons)
    if out is None:
        return view, None
    return view, forms.render_refusal(refusal_data(ctx, view.code, copy=False), out)


def accept(ctx: Context, actor: Actor, code: str, out: Path | None = None) -> tuple[DossierView, Path | None]:
    """Receive an online registration at the counter (code and due date from now) and print its Mẫu 01."""
    view = lifecycle.apply_action(ctx, actor, code, Action.ACCEPT)
    return view, (render_receipt(ctx, view.code, out) if out is not None else None)


# --- Mẫu 02 / 03 for a dossier that is NOT received, recorded against the visit's ticket ---------------------

NOT_RECEIVED = "Chưa cấp (hồ sơ chưa được tiếp nhận)"
FORM_EVENT = {"02": "form_02_supplement", "03": "form_03_refusal"}


@dataclass(frozen=True)
class IssuedForm:
    """A Mẫu 02 or 03 given at the counter for a dossier not received."""

    number: str
    at: datetime
    officer_name: str | None
    procedure_code: str
    procedure_name: str
    applicant_name: str
    items: tuple[str, ...]
    reason: str
    file: str


def issue_not_received_form(ctx: Context, actor: Actor, number: str, procedure_id: int,
                            applicant: tuple[str, str, str], items: list[str] | tuple[str, ...], reason: str,
                            out: Path, ticket_id: uuid.UUID | None = None,
                            counter_number: int | None = None) -> Path:
    """Write Mẫu 02 (`items` = documents to supplement, `reason` = why) or Mẫu 03 (`items` = reasons) for a
    dossier the counter does not receive, and record it against the visit's ticket (when there is one), so the
    day's review shows why that visit filed nothing. All or nothing: the PDF stays only when it is recorded.

    `applicant` is (name, address, phone) as typed; the acting officer signs."""
    actor.require(Role.OFFICER, translate("services.dossier_forms", "in phiếu bổ sung / từ chối hồ sơ"))
    number = number.strip().zfill(2)
    if number not in FORM_EVENT:
        raise FormErrors([ValidationError("form", translate("services.dossier_forms", "Hồ sơ chưa tiếp nhận chỉ in "
                                                            "Mẫu 02 hoặc 03, không phải %1").arg(number))])
    name, address, phone = (nfc(x) for x in applicant)
    errors: list[ValidationError] = []
    if not name:
        errors.append(ValidationError("applicant_name", translate("services.dossier_forms",
                                                                  "Ghi tên người nộp để in trên phiếu")))
    clean_items: tuple[str, ...] = ()
    documents: tuple[SupplementItem, ...] = ()
    try:
        if number == "02":  # documents as a table: name, form, quantity (app.domain.supplement)
            documents = parse_items(list(items))
            clean_items = tuple(d.name if (d.kind, d.count) == (DocumentKind.ORIGINAL, 1)
                                else f"{d.name} ({d.kind.label}, {d.count})" for d in documents)
        else:
            clean_items = _items(list(items), "items", translate("services.dossier_forms", "Ghi lý do cụ thể của "
                                                                 "việc từ chối tiếp nhận hồ sơ"))
    except FormErrors as exc:
        errors += exc.errors
    if number == "02" and not nfc(reason):
        errors.append(ValidationError("reason", translate("services.dossier_forms",
                                                          "Ghi lý do yêu cầu bổ sung, hoàn thiện hồ sơ")))
    with ctx.store.read() as s:
        procedure = s.get(Procedure, procedure_id)
        agency = s.get(Agency, procedure.agency_id) if procedure else None
        if procedure is None or agency is None:
            errors.append(ValidationError("procedure", translate("services.dossier_forms",
                                                                 "Chọn thủ tục trước khi in phiếu")))
        ticket = s.get(Ticket, ticket_id) if ticket_id is not None else None
        if ticket_id is not None and ticket is None:
            errors.append(ValidationError("ticket", translate("services.dossier_forms",
                                                              "Không tìm thấy phiếu số thứ tự để ghi nhận")))
        counter_id = (s.scalar(select(Counter.id).where(Counter.number == counter_number)) if counter_number
                      else ticket.counter_id if ticket is not None else None)
        officer = s.get(Officer, actor.officer_id) if actor.officer_id else None
    if errors:
        raise FormErrors(errors)
    assert procedure is not None and agency is not None
    committee, centre, place = _centre(ctx)
    header = forms.FormHeader(committee, centre, place, ctx.now().astimezone(LOCAL_TZ).date(), forms.BLANK_NUMBER)
    unit = f"{centre} — {agency.name}"
    signer = officer.full_name if officer else actor.full_name
    out.parent.mkdir(parents=True, exist_ok=True)
    partial = out.with_name(f".{out.name}.{uuid.uuid4().hex[:8]}.part")
    if number == "02":
        table = tuple(forms.SupplementItem(d.name, d.kind.label, d.count) for d in documents)
        forms.render_supplement(forms.SupplementData(header, NOT_RECEIVED, unit, name, address, phone, procedure.name,
                                                     table, nfc(reason), signer,
                                                     (officer.phone or "") if officer else ""), partial)
    else:
        forms.render_refusal(forms.RefusalData(header, NOT_RECEIVED, unit, name, address, phone, procedure.name,
                                               clean_items, signer), partial)
    try:
        if ticket_id is not None:
            with ctx.store.write() as s:
                s.add(TicketEvent(ticket_id=ticket_id, kind=FORM_EVENT[number], at=ctx.now(),
                                  station_id=ctx.station_id, officer_id=actor.officer_id, counter_id=counter_id,
                                  reason=nfc(reason) or None,
                                  data={"form": number, "procedure": procedure.code, "applicant": name,
                                        "items": list(clean_items), "file": out.name}))
                publish(s, "queue", {"event": FORM_EVENT[number], "ticket": str(ticket_id)})
        os.replace(partial, out)
    finally:
        partial.unlink(missing_ok=True)
    return out


def forms_of_ticket(ctx: Context, ticket_id: uuid.UUID) -> list[IssuedForm]:
    """The Mẫu 02 / 03 given on a visit, in the order they were given."""
    with ctx.store.read() as s:
        rows = s.execute(select(TicketEvent, Officer.full_name).outerjoin(Officer, Officer.id == TicketEvent.officer_id)
                         .where(TicketEvent.ticket_id == ticket_id,
                                TicketEvent.kind.in_(tuple(FORM_EVENT.values())))
                         .order_by(TicketEvent.at)).all()
        names = dict(s.execute(select(Procedure.code, Procedure.name)
                               .where(Procedure.code.in_({str((e.data or {}).get("procedure", "")) for e, _ in rows})))
                     .all())
    found = []
    for e, officer_name in rows:
        data = dict(e.data or {})
        code = str(data.get("procedure", ""))
        found.append(IssuedForm(str(data.get("form", "")), e.at, officer_name, code, names.get(code, ""),
                                str(data.get("applicant", "")), tuple(data.get("items", [])), e.reason or "",
                                str(data.get("file", ""))))
    return found
