"""The forms of a dossier as PDFs: Mẫu 01 receipt and appointment, Mẫu 02 supplement request, Mẫu 03 refusal.

This module turns a stored dossier into the printing layer's plain dataclasses (printing never reads the store).
"""

from __future__ import annotations

from pathlib import Path

from app.domain.catalog import ProcessingUnit
from app.domain.dossier import ApplicantKind
from app.domain.errors import FormErrors, ValidationError
from app.domain.text import nfc
from app.printing import forms
from app.services.context import LOCAL_TZ, Actor, Context
from app.services.dossiers import DossierView, get_dossier
from app.services.settings import centre_setting
from app.store.models import Officer

FORM_NUMBERS = ("01", "02", "03")


def _centre(ctx: Context) -> tuple[str, str, str]:
    """(committee, centre name, place) from the centre settings."""
    with ctx.store.read() as s:
        return (str(centre_setting(s, "province_committee")), str(centre_setting(s, "centre_name")),
                str(centre_setting(s, "province_name")))


def _header(ctx: Context, v: DossierView, on_receipt_day: bool) -> forms.FormHeader:
    """Committee, centre, place; dated the day of receipt (Mẫu 01) or today (Mẫu 02, 03)."""
    committee, centre, place = _centre(ctx)
    moment = v.received_at if on_receipt_day else ctx.now()
    number = f"{v.register_line}/TNHS" if on_receipt_day and v.register_line else ""
    return forms.FormHeader(committee, centre, place, moment.astimezone(LOCAL_TZ).date(), number)


def processing_time_text(value: int, unit: str) -> str:
    """The statutory processing time in words: "5 ngày làm việc", "Trong ngày"."""
    kind = ProcessingUnit(unit)
    return "Trong ngày" if kind is ProcessingUnit.SAME_DAY else f"{value} {kind.label}"


def receipt_data(ctx: Context, code: str) -> forms.ReceiptData:
    """What Mẫu 01 of a stored dossier shows (times in local time)."""
    v = get_dossier(ctx, code)
    header = _header(ctx, v, on_receipt_day=True)
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
        register_line=v.register_line, officer_name=v.received_by_name or "")


def render_receipt(ctx: Context, code: str, out: Path) -> Path:
    """Write Mẫu 01 (two copies, A5) of a stored dossier to `out`."""
    return forms.render_receipt(receipt_data(ctx, code), out)


def _officer(ctx: Context, actor: Actor, v: DossierView) -> tuple[str, str]:
    """(name, phone) of who signs a form: the acting officer, else the one who received the dossier."""
    officer_id = actor.officer_id or v.received_by
    with ctx.store.read() as s:
        officer = s.get(Officer, officer_id) if officer_id else None
        return (officer.full_name, officer.phone or "") if officer else ("", "")


def _items(values: list[str] | tuple[str, ...], field: str, message: str) -> tuple[str, ...]:
    """Non-empty, NFC-normalised items; FormErrors with `message` when none is left."""
    items = tuple(x for x in (nfc(v) for v in values) if x)
    if not items:
        raise FormErrors([ValidationError(field, message)])
    return items


def render_form(ctx: Context, actor: Actor, number: str, code: str, out: Path, reason: str = "",
                missing: list[str] | tuple[str, ...] = ()) -> Path:
    """Write Mẫu 01, 02 (documents to supplement + reason) or 03 (reasons, ';'-separated) of a dossier."""
    number = number.strip().zfill(2)
    if number not in FORM_NUMBERS:
        raise FormErrors([ValidationError("form", f"Chưa hỗ trợ Mẫu {number}; có Mẫu 01, 02, 03")])
    if number == "01":
        return render_receipt(ctx, code, out)
    v = get_dossier(ctx, code)
    header = _header(ctx, v, on_receipt_day=False)
    name, phone = _officer(ctx, actor, v)
    unit, address, applicant_phone = f"{header.centre_name} — {v.agency_name}", v.address or "", v.phone or ""
    if number == "02":
        errors: list[ValidationError] = []
        docs: tuple[str, ...] = ()
        try:
            docs = _items(list(missing), "missing", "Ghi ít nhất một giấy tờ cần bổ sung, hoàn thiện")
        except FormErrors as exc:
            errors += exc.errors
        if not nfc(reason):
            errors.append(ValidationError("reason", "Ghi lý do yêu cầu bổ sung, hoàn thiện hồ sơ"))
        if errors:
            raise FormErrors(errors)
        return forms.render_supplement(forms.SupplementData(
            header, v.code, unit, v.applicant_name, address, applicant_phone, v.procedure_name, docs, nfc(reason),
            name, phone), out)
    reasons = _items(reason.split(";"), "reason", "Ghi lý do cụ thể của việc từ chối tiếp nhận hồ sơ")
    return forms.render_refusal(forms.RefusalData(header, v.code, unit, v.applicant_name, address, applicant_phone,
                                                  v.procedure_name, reasons, name), out)
