"""Forms of a dossier's life from the store: Mẫu 04 (apology), 05 (stop notice), 06 (control slip from the
hand-over events) and Mẫu 07 (register for a date range), built into the printing layer's dataclasses."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

from sqlalchemy import select

from app.domain import calendar
from app.domain.dossier import DossierStatus
from app.domain.errors import FormErrors, ValidationError
from app.domain.lifecycle import TransitionRefused
from app.domain.messages import translate
from app.printing import lifecycle_forms as pdf
from app.printing.forms import BLANK_NUMBER, FormHeader, money, stamp
from app.services.context import LOCAL_TZ, Actor, Context
from app.services.dossier_forms import _centre
from app.services.dossiers import DossierView, get_dossier
from app.services.fees import paid_total
from app.services.lifecycle import HistoryEntry, history
from app.store.models import Agency, Dossier, DossierEvent, Officer, Procedure

FORM_NUMBERS = ("04", "05", "06")
NOT_RECEIVED = (DossierStatus.REGISTERED.value, DossierStatus.REFUSED.value)
COUNTER = "Bộ phận tiếp nhận và trả kết quả"
_TIMELINESS = {"early": "Trước hạn", "on_time": "Đúng hạn", "late": "Quá hạn"}


def _header(ctx: Context, number: str = BLANK_NUMBER) -> FormHeader:
    """Dated today; "Số:" is the form's number (04, 05: left for the agency's clerk to number by hand)."""
    committee, centre, place = _centre(ctx)
    return FormHeader(committee, centre, place, ctx.now().astimezone(LOCAL_TZ).date(), number)


def agency_signer(ctx: Context, v: DossierView, number: str) -> pdf.Signer:
    """The head of the resolving agency who signs Mẫu 04 / 05 (never the counter officer); refused with what to
    do when the agency has none recorded."""
    with ctx.store.read() as s:
        agency = s.get(Agency, v.agency_id)
        name, title = (agency.head_name or "", agency.head_title or "") if agency else ("", "")
    if not name:
        raise FormErrors([ValidationError("head_name", translate(
            "services.lifecycle_forms", "Mẫu %1 do thủ trưởng %2 ký: chưa ghi họ tên, chức vụ thủ trưởng cơ quan "
            "(cửa sổ Quản trị → Danh mục → Sửa cơ quan, hoặc motcua catalog agency MÃ --head-name … --head-title …)")
            .arg(number, v.agency_name))])
    return pdf.Signer(name, title or "THỦ TRƯỞNG CƠ QUAN", v.agency_name)


def _last(entries: list[HistoryEntry], *kinds: str) -> HistoryEntry | None:
    found = [e for e in entries if e.kind in kinds]
    return found[-1] if found else None


def _local(moment: datetime) -> datetime:
    return moment.astimezone(LOCAL_TZ)


def render_form(ctx: Context, actor: Actor, number: str, code: str, out: Path) -> Path:
    """Write Mẫu 04, 05 or 06 of a dossier; 04 needs an apology and 05 a stop recorded on the dossier."""
    number = number.strip().zfill(2)
    if number not in FORM_NUMBERS:
        raise FormErrors([ValidationError("form", translate("services.lifecycle_forms",
                                                            "Chưa hỗ trợ Mẫu %1; có Mẫu 04, 05, 06").arg(number))])
    v = get_dossier(ctx, code)
    entries = history(ctx, v.code)
    if number == "04":
        return pdf.render_apology(apology_data(ctx, v, entries, agency_signer(ctx, v, number)), out)
    if number == "05":
        return pdf.render_stop(stop_data(ctx, v, entries, agency_signer(ctx, v, number)), out)
    return pdf.render_control(control_data(ctx, v, entries), out)


def apology_data(ctx: Context, v: DossierView, entries: list[HistoryEntry], signer: pdf.Signer) -> pdf.ApologyData:
    """What Mẫu 04 shows: the original appointment and the new date from the apology event."""
    event = _last(entries, "apologised")
    if event is None or v.due_at is None:
        raise FormErrors([ValidationError("form", translate("services.lifecycle_forms", "Hồ sơ %1 chưa có xin lỗi, "
                                                            "hẹn lại ngày trả (Mẫu 04)").arg(v.code))])
    original = datetime.fromisoformat(event.data["previous_due"]) if event.data.get("previous_due") else v.due_at
    return pdf.ApologyData(_header(ctx), v.code, v.agency_name, v.applicant_name, v.procedure_name,
                           _local(v.received_at), _local(original), _local(v.due_at), event.reason or "", signer)


def stop_data(ctx: Context, v: DossierView, entries: list[HistoryEntry], signer: pdf.Signer) -> pdf.StopData:
    """What Mẫu 05 shows: the reason of the stop and the last state reached before it."""
    event = _last(entries, "stopped")
    if event is None:
        raise FormErrors([ValidationError("form", translate("services.lifecycle_forms",
                                                            "Hồ sơ %1 chưa bị dừng giải quyết (Mẫu 05)").arg(v.code))])
    stage = DossierStatus(event.from_status).label if event.from_status else ""
    handed = _last(entries, "handed_over")
    if handed is not None:
        stage += f" — tại {handed.data.get('unit', '')}"
    paid = paid_total(ctx, v.code)  # what was paid, never the catalogue fee of a dossier nobody paid
    fee = (f"Đã thu {money(paid)}; hoàn trả hoặc không theo quy định của thủ tục" if paid
           else "Chưa thu phí, lệ phí; không có khoản nào phải hoàn trả" if v.fee_vnd
           else "Thủ tục không thu phí, lệ phí")
    return pdf.StopData(_header(ctx), v.code, v.agency_name, v.applicant_name, v.procedure_name,
                        _local(v.received_at), event.reason or "", stage, fee, signer)


def control_data(ctx: Context, v: DossierView, entries: list[HistoryEntry]) -> pdf.ControlData:
    """Mẫu 06: one row per hand-over (counter → units …), then back to the counter and to the applicant."""
    if v.status in NOT_RECEIVED:
        raise TransitionRefused(translate("services.lifecycle_forms", "Hồ sơ %1 chưa được tiếp nhận («%2»): chưa có "
                                          "phiếu kiểm soát quá trình giải quyết (Mẫu 06)").arg(v.code, v.status_label))
    due = v.due_at or v.received_at
    rows, holder = [], COUNTER
    for e in entries:
        if e.kind == "handed_over":
            unit = str(e.data.get("unit", v.agency_name))
            rows.append(pdf.HandOver(holder, unit, _local(e.at), _TIMELINESS[calendar.timeliness(e.at, due)],
                                     e.reason or "", e.officer_name or ""))
            holder = unit
        elif e.kind in ("resolved", "handed_back"):
            note = "Có kết quả" if e.kind == "resolved" else f"Trả lại hồ sơ: {e.reason or ''}"
            rows.append(pdf.HandOver(holder if holder != COUNTER else v.agency_name, COUNTER, _local(e.at),
                                     _TIMELINESS[calendar.timeliness(e.at, due)], note, e.officer_name or ""))
            holder = COUNTER
        elif e.kind in ("returned", "dispatched_by_post"):
            to = v.applicant_name if e.kind == "returned" else f"Bưu chính ({e.data.get('tracking', '')})"
            rows.append(pdf.HandOver(COUNTER, to, _local(e.at), _TIMELINESS[calendar.timeliness(e.at, due)],
                                     str(e.data.get("collector", "")), e.officer_name or ""))
    number = f"{v.register_line}/PKS" if v.register_line else BLANK_NUMBER
    return pdf.ControlData(_header(ctx, number), v.code, v.applicant_name, v.procedure_name, _local(v.received_at),
                           _local(due), tuple(rows))


# --- Mẫu 07 -----------------------------------------------------------------------------------------------------

def register_data(ctx: Context, date_from: date, date_to: date) -> pdf.RegisterData:
    """The register lines of dossiers received from `date_from` to `date_to` (inclusive, local dates); an online
    registration not (yet) received, or refused, is in no register."""
    start = datetime.combine(date_from, datetime.min.time(), LOCAL_TZ)
    end = datetime.combine(date_to + timedelta(days=1), datetime.min.time(), LOCAL_TZ)
    with ctx.store.read() as s:
        found = s.execute(select(Dossier, Procedure.name, Officer.full_name)
                          .join(Procedure, Procedure.id == Dossier.procedure_id)
                          .outerjoin(Officer, Officer.id == Dossier.received_by)
                          .where(Dossier.received_at >= start, Dossier.received_at < end,
                                 Dossier.status.not_in(NOT_RECEIVED))
                          .order_by(Dossier.received_at, Dossier.code)).all()
        ids = [d.id for d, _, _ in found]
        first_handover: dict[object, datetime] = {}
        for dossier_id, at in s.execute(select(DossierEvent.dossier_id, DossierEvent.at)
                                        .where(DossierEvent.kind == "handed_over",
                                               DossierEvent.dossier_id.in_(ids)).order_by(DossierEvent.at)):
            first_handover.setdefault(dossier_id, at)
    lines = []
    for i, (d, procedure, officer) in enumerate(found, start=1):
        returned = stamp(_local(d.returned_at)) if d.returned_at else ""
        note = DossierStatus(d.status).label if d.status not in ("returned", "received") else ""
        lines.append(pdf.RegisterLine(
            str(d.register_line or i), d.code, procedure, str(d.sets), d.applicant_name, d.address or "",
            d.phone or "", stamp(_local(d.received_at)), stamp(_local(d.due_at)) if d.due_at else "",
            stamp(_local(first_handover[d.id])) if d.id in first_handover else "",
            stamp(_local(d.resolved_at)) if d.resolved_at else "", returned, officer or "", note))
    period = f"Từ ngày {date_from:%d/%m/%Y} đến ngày {date_to:%d/%m/%Y}"
    return pdf.RegisterData(_header(ctx), period, tuple(lines))


def render_register(ctx: Context, date_from: date, date_to: date, out: Path) -> Path:
    """Write Mẫu 07 (A4 landscape) for the dossiers received in a date range."""
    return pdf.render_register(register_data(ctx, date_from, date_to), out)
