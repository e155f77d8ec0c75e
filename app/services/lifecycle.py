"""Following a dossier to its result: apply an officer's action (hand-over, supplement, payment, result, return …)
as one event and its field changes; payments; due-soon and late lists; the dossier's timeline.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.domain import calendar, overdue
from app.domain import lifecycle as rules
from app.domain.accounts import Role
from app.domain.dossier import RULE_SET, DossierStatus, format_dossier_code
from app.domain.errors import FormErrors, ValidationError
from app.domain.lifecycle import Action, TransitionRefused
from app.domain.messages import translate
from app.domain.supplement import parse_items
from app.domain.text import nfc
from app.domain.validators import check_text
from app.services.context import LOCAL_TZ, Actor, Context
from app.services.dossiers import (DossierView, _due_at, _find, _procedure, _required_documents, _view,
                                   get_dossier)
from app.services.workdays import working_calendar
from app.store.live import publish
from app.store.models import Agency, Dossier, DossierDocument, DossierEvent, Officer, Payment, Procedure
from app.store.sequences import allocate

PAYMENT_METHODS = ("cash", "transfer", "card", "online")
DETAIL_KEYS = ("unit", "tracking", "collector", "receipt_no", "amount_vnd", "method")
DETAIL_LABELS = {"reason": translate("services.lifecycle", "Lý do"),
                 "unit": translate("services.lifecycle", "Đơn vị nhận hồ sơ"),
                 "tracking": translate("services.lifecycle", "Số hiệu bưu gửi"),
                 "collector": translate("services.lifecycle", "Người nhận kết quả"),
                 "receipt_no": translate("services.lifecycle", "Số biên lai"),
                 "method": translate("services.lifecycle", "Hình thức nộp tiền")}
DETAIL_MAX = {"tracking": 64, "receipt_no": 64, "method": 16, "unit": 300, "collector": 300}  # as their columns


def _calendar_for(ctx: Context, *moments: datetime | None) -> calendar.WorkingCalendar:
    """The centre's calendar for the years of `moments`, plus two more (long periods after a resume)."""
    years = [m.astimezone(LOCAL_TZ).year for m in moments if m is not None]
    return working_calendar(ctx, list(range(min(years), max(years) + 3)))


def _clean(details: dict[str, Any]) -> dict[str, Any]:
    """Details with text through the shared rule (NFC, no control or bidi character, at most 2,000 characters;
    FormErrors naming each bad one) and blanks dropped."""
    out: dict[str, Any] = {}
    errors: list[ValidationError] = []
    for key, value in details.items():
        if isinstance(value, str):
            try:
                value = check_text(value, key, label=DETAIL_LABELS.get(key), max_length=DETAIL_MAX.get(key, 2000))
            except ValidationError as exc:
                errors.append(exc)
                continue
        if value not in (None, ""):
            out[key] = value
    if errors:
        raise FormErrors(errors)
    return out


def _check_needs(action: Action, details: dict[str, Any]) -> None:
    """FormErrors naming every detail the action needs and did not get."""
    missing = rules.missing_details(action, details)
    errors = [ValidationError(n, translate("services.lifecycle", "Cần ghi %1 để %2")
                              .arg(rules.NEED_LABELS.get(n, n), action.label)) for n in missing]
    if "items" in details and "items" not in missing:  # Mẫu 02's documents: each one checked with the rest
        try:
            details["items"] = parse_items(details["items"])
        except FormErrors as exc:
            errors += exc.errors
    if errors:
        raise FormErrors(errors)


def _next_n(s: Session, dossier_id: uuid.UUID) -> int:
    """The position of the next event of a dossier (events written in one instant keep their order)."""
    return int(s.scalar(select(func.count()).select_from(DossierEvent)
                        .where(DossierEvent.dossier_id == dossier_id)) or 0) + 1


def apply_action(ctx: Context, actor: Actor, code: str, action: str | Action, **details: Any) -> DossierView:
    """Apply one action to a dossier (officer or above): refused with a Vietnamese message when the state or a
    due-date rule does not allow it; otherwise one event plus the field changes, announced to other stations.

    Details: reason, unit (hand_over), tracking (dispatch_by_post), collector (return_result), new_date
    (apology, a date), receipt_no / amount_vnd / method (paid), items (request_supplement: the documents of
    Mẫu 02, app.domain.supplement); refuse takes its reasons ';'-separated in `reason`.
    """
    act = action if isinstance(action, Action) else rules.parse_action(action)
    actor.require(Role.OFFICER, act.label)
    details = _clean(details)
    _check_needs(act, details)
    now = ctx.now()
    with ctx.store.write() as s:
        d = _find(s, code)
        s.refresh(d, with_for_update=True)  # two stations acting at once: the second sees the first's state
        before = DossierStatus(d.status)
        after = rules.check_transition(before, act)
        data = _apply_fields(ctx, actor, s, d, act, now, details)
        d.status = after.value
        data.update({k: details[k] for k in DETAIL_KEYS if k in details})
        data.update(n=_next_n(s, d.id), actor=actor.login)
        s.add(DossierEvent(dossier_id=d.id, kind=rules.TRANSITIONS[act].event, at=now, officer_id=actor.officer_id,
                           station_id=ctx.station_id, from_status=before.value, to_status=after.value,
                           reason=details.get("reason"), data=data))
        publish(s, "dossier", {"event": rules.TRANSITIONS[act].event, "dossier": str(d.id), "agency": d.agency_id,
                               "status": after.value})
        s.flush()
        return _view(s, d)  # read in the same transaction: no second unit of work


def _apply_fields(ctx: Context, actor: Actor, s: Session, d: Dossier, act: Action, now: datetime,
                  details: dict[str, Any]) -> dict[str, Any]:
    """The field changes of `act` on `d`; returns what the event records about them."""
    row = rules.TRANSITIONS[act]
    if row.outcome is not None:
        d.resolved_at, d.outcome = now, row.outcome
    if act is Action.REQUEST_SUPPLEMENT:  # the one written request (Mẫu 02): its documents are kept with it
        rules.check_supplement_request(d.supplement_requests)
        items = parse_items(details.pop("items"))
        d.supplement_requests += 1
        d.paused_at, d.resumed_at = now, None
        d.paused_due_at = overdue.reference_due(d.original_due_at, d.due_at)
        return {"due_at": _iso(d.due_at), "items": [i.as_data() for i in items]}
    if act is Action.RESUME:
        return _resume(ctx, s, d, now)
    if act is Action.ACCEPT:
        return _accept(actor, s, d, now)
    if act is Action.REFUSE:  # an online registration refused at the counter: Mẫu 03 prints these reasons
        d.refused_at = now
        return {"reasons": [r for r in (nfc(x) for x in str(details["reason"]).split(";")) if r]}
    if act is Action.APOLOGY:
        return _apology(ctx, d, now, details["new_date"])
    if act is Action.CANCEL:
        d.cancelled_at = now
    elif act is Action.RETURN_RESULT:
        d.returned_at = now
        return {"collector": details.get("collector") or d.applicant_name}
    elif act is Action.DISPATCH_BY_POST:
        if not d.result_by_post:
            raise TransitionRefused(translate("services.lifecycle", "Hồ sơ không đăng ký nhận kết quả qua bưu chính; "
                                              "hãy trả kết quả tại quầy"))
        d.returned_at, d.postal_tracking = now, details["tracking"]
    elif act is Action.PAID:
        if "receipt_no" not in details:
            raise FormErrors([ValidationError("receipt_no", translate("services.lifecycle",
                                                                      "Cần ghi số biên lai thu phí, lệ phí"))])
        if "amount_vnd" in details:
            s.add(Payment(dossier_id=d.id, amount_vnd=details["amount_vnd"], method=details.get("method", "cash"),
                          receipt_no=details["receipt_no"], officer_id=actor.officer_id, paid_at=now,
                          station_id=ctx.station_id,
                          **({"id": details["payment_id"]} if details.get("payment_id") else {})))
    return {}


def _iso(moment: datetime | None) -> str | None:
    return moment.astimezone(LOCAL_TZ).isoformat() if moment else None


def _resume(ctx: Context, s: Session, d: Dossier, now: datetime) -> dict[str, Any]:
    """Move the due dates: pause policy adds back the working time left at the pause, restart counts afresh.

    A dossier imported as paused has no pause moment: its due date is kept. The pause moment stays on the dossier
    with the resume moment and the due date in force during the pause (the period report reads them as of a day).
    """
    procedure = s.get(Procedure, d.procedure_id)
    assert procedure is not None
    policy = procedure.supplement_policy
    old_due, old_original = d.due_at, d.original_due_at
    d.resumed_at = now
    d.paused_due_at = d.paused_due_at or overdue.reference_due(old_original, old_due)
    if d.paused_at is None or d.due_at is None:
        return {"policy": policy, "due_kept": True}
    cal = _calendar_for(ctx, d.paused_at, now, d.due_at)
    if policy == "restart":
        new = rules.due_after_restart(now, procedure.processing_value, procedure.processing_unit, cal,
                                      procedure.cutoff)
        d.due_at = d.original_due_at = new
    else:
        unit = procedure.processing_unit
        d.due_at = rules.due_after_pause(d.paused_at, now, d.due_at, cal, unit)
        if d.original_due_at is not None:
            d.original_due_at = rules.due_after_pause(d.paused_at, now, d.original_due_at, cal, unit)
    return {"policy": policy, "paused_at": _iso(d.paused_at), "previous_due": _iso(old_due),
            "previous_original_due": _iso(old_original), "due_at": _iso(d.due_at)}


def _accept(actor: Actor, s: Session, d: Dossier, now: datetime) -> dict[str, Any]:
    """An online registration received at the counter: its code, register line and due date from this moment
    (the portal's code stays as registration_code), the procedure's documents when the portal listed none."""
    procedure = _procedure(s, d.procedure_id)
    agency = s.get(Agency, d.agency_id)
    assert agency is not None
    day = now.astimezone(LOCAL_TZ).date()
    seq = allocate(s, "dossier", f"agency:{d.agency_id}", day)
    d.registration_code = d.registration_code or d.code
    d.code = format_dossier_code(agency.identifier, day, seq)
    d.register_line = allocate(s, "register", "centre", date(day.year, 1, 1))
    d.received_at, d.received_by, d.rule_set = now, actor.officer_id, RULE_SET
    d.due_at = d.original_due_at = _due_at(s, procedure, now)
    if s.scalar(select(func.count()).select_from(DossierDocument).where(DossierDocument.dossier_id == d.id)) == 0:
        s.add_all(DossierDocument(dossier_id=d.id, position=i, name=x.name, originals=x.originals,
                                  certified_copies=x.certified_copies, photocopies=x.photocopies)
                  for i, x in enumerate(_required_documents(procedure), start=1))
    return {"registration_code": d.registration_code, "registered_at": _iso(d.registered_at),
            "due_at": _iso(d.due_at)}


def _apology(ctx: Context, d: Dossier, now: datetime, new_date: date | str) -> dict[str, Any]:
    """Mẫu 04: once, at least one working day before the due date; the original due date is kept."""
    day = new_date if isinstance(new_date, date) else _parse_day(str(new_date))
    cal = _calendar_for(ctx, now, d.due_at, datetime.combine(day, datetime.min.time(), LOCAL_TZ))
    new_due = rules.check_apology(d.apologies, d.due_at, now.astimezone(LOCAL_TZ).date(), day, cal)
    previous = d.due_at
    if d.original_due_at is None:
        d.original_due_at = previous
    d.due_at, d.apologies = new_due, d.apologies + 1
    return {"previous_due": _iso(previous), "new_due": _iso(new_due)}


def _parse_day(text: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise FormErrors([ValidationError("new_date", translate("services.lifecycle",
                                                                "«%1» không phải ngày dạng YYYY-MM-DD").arg(text))
                          ]) from None


# --- payments -------------------------------------------------------------------------------------------------

def record_payment(ctx: Context, actor: Actor, code: str, amount_vnd: int, method: str,
                   receipt_no: str, *, payment_id: uuid.UUID | None = None) -> DossierView:
    """Record a fee payment (integer đồng, with its receipt number); a dossier waiting for payment resumes.
    `payment_id`: the payment's id made by a station offline (its replay is idempotent by it)."""
    actor.require(Role.OFFICER, translate("services.lifecycle", "thu phí, lệ phí"))
    receipt_no = check_payment(amount_vnd, method, receipt_no)
    with ctx.store.read() as s:
        d = _find(s, code)
        status, dossier_id = DossierStatus(d.status), d.id
    if status in (DossierStatus.CANCELLED, DossierStatus.REFUSED):
        raise TransitionRefused(translate("services.lifecycle", "Không thu phí cho hồ sơ đang ở trạng thái «%1»")
                                .arg(status.label))
    if status is DossierStatus.WAITING_PAYMENT:
        return apply_action(ctx, actor, code, Action.PAID, receipt_no=receipt_no, amount_vnd=amount_vnd,
                            method=method, payment_id=payment_id)
    with ctx.store.write() as s:
        s.add(Payment(dossier_id=dossier_id, amount_vnd=amount_vnd, method=method, receipt_no=receipt_no,
                      officer_id=actor.officer_id, paid_at=ctx.now(), station_id=ctx.station_id,
                      **({"id": payment_id} if payment_id else {})))
        publish(s, "dossier", {"event": "payment", "dossier": str(dossier_id)})
    return get_dossier(ctx, dossier_id)


def check_payment(amount_vnd: int, method: str, receipt_no: str) -> str:
    """A payment's amount, method and receipt number checked (FormErrors naming each bad one); the receipt number
    cleaned. Online and offline (`OfflineStation.record_payment`) alike."""
    errors = []
    if isinstance(amount_vnd, bool) or not isinstance(amount_vnd, int) or amount_vnd <= 0:
        errors.append(ValidationError("amount_vnd", translate("services.lifecycle",
                                                              "Số tiền phải là số nguyên đồng lớn hơn 0")))
    if method not in PAYMENT_METHODS:
        errors.append(ValidationError("method", translate("services.lifecycle", "Hình thức nộp phải là một trong: %1")
                                      .arg(", ".join(PAYMENT_METHODS))))
    try:
        receipt_no = check_text(receipt_no, "receipt_no", max_length=64, label=DETAIL_LABELS["receipt_no"])
    except ValidationError as exc:
        errors.append(exc)
    else:
        if not receipt_no:
            errors.append(ValidationError("receipt_no", translate("services.lifecycle",
                                                                  "Cần ghi số biên lai thu phí, lệ phí")))
    if errors:
        raise FormErrors(errors)
    return receipt_no


# --- lists and timeline -------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class DossierLine:
    """A dossier in a list: code, who, what, where it is, its due dates, and how many days it is overdue today
    (None: not overdue; app.domain.overdue)."""

    code: str
    status: str
    status_label: str
    applicant_name: str
    procedure_name: str
    agency_name: str
    received_at: datetime
    due_at: datetime | None
    original_due_at: datetime | None
    overdue_days: int | None = None


def _reference_due() -> Any:
    """The due date that counts (app.domain.overdue.reference_due), as SQL."""
    return func.coalesce(Dossier.original_due_at, Dossier.due_at)


def _lines(s: Session, where: Any, today: date) -> list[DossierLine]:
    rows = s.execute(select(Dossier, Procedure.name, Agency.name).join(Procedure, Procedure.id == Dossier.procedure_id)
                     .join(Agency, Agency.id == Dossier.agency_id).where(where)
                     .order_by(_reference_due(), Dossier.code)).all()
    return [DossierLine(d.code, d.status, DossierStatus(d.status).label, d.applicant_name, pname, aname,
                        d.received_at, d.due_at, d.original_due_at, _overdue(d, today)) for d, pname, aname in rows]


def _overdue(d: Dossier, today: date) -> int | None:
    """The one rule, on a dossier row."""
    return overdue.overdue_days(d.status, overdue.reference_due(d.original_due_at, d.due_at), d.paused_at, today)


def _open() -> Any:
    return Dossier.status.in_([st.value for st in rules.OPEN])


def late(ctx: Context) -> list[DossierLine]:
    """Open dossiers overdue today by the one rule (app.domain.overdue: due date before today, not paused before
    it), earliest due first."""
    today = ctx.now().astimezone(LOCAL_TZ).date()
    start_of_today = datetime.combine(today, datetime.min.time(), LOCAL_TZ)
    with ctx.store.read() as s:  # the database narrows to open dossiers due before today; the rule decides
        return [line for line in _lines(s, _open() & (_reference_due() < start_of_today), today)
                if line.overdue_days is not None]


def due_soon(ctx: Context, within_working_days: int) -> list[DossierLine]:
    """Open dossiers whose clock runs, due from today up to `within_working_days` working days ahead (sắp đến
    hạn); a paused dossier is not due soon (its due date moves on resume)."""
    if within_working_days < 0:
        raise FormErrors([ValidationError("days", translate("services.lifecycle",
                                                            "Số ngày làm việc phải từ 0 trở lên"))])
    now = ctx.now()
    today = now.astimezone(LOCAL_TZ).date()
    cal = _calendar_for(ctx, now)
    last = cal.add_working_days(today, within_working_days)
    start = datetime.combine(today, datetime.min.time(), LOCAL_TZ)
    end = datetime.combine(last + calendar.ONE_DAY, datetime.min.time(), LOCAL_TZ)
    with ctx.store.read() as s:
        lines = _lines(s, _open() & (_reference_due() >= start) & (_reference_due() < end), today)
    return [line for line in lines if line.status != DossierStatus.PAUSED.value and line.overdue_days is None]


@dataclass(frozen=True)
class AgencyTimeliness:
    """One agency's dossiers by the one overdue rule: resolved this year on time (or early) and late, open and
    overdue today, open within their time."""

    agency_name: str
    on_time: int = 0
    late: int = 0
    overdue: int = 0
    open_in_time: int = 0


def agency_timeliness(ctx: Context) -> list[AgencyTimeliness]:
    """Per agency (by name): dossiers resolved since 1 January on time / late (against the original due date,
    app.domain.lifecycle.statistical_timeliness) and open dossiers overdue today / still in time
    (app.domain.overdue). Agencies with no such dossier are left out."""
    now = ctx.now()
    today = now.astimezone(LOCAL_TZ).date()
    year_start = datetime.combine(today.replace(month=1, day=1), datetime.min.time(), LOCAL_TZ)
    counts: dict[str, dict[str, int]] = {}
    with ctx.store.read() as s:
        rows = s.execute(select(Dossier, Agency.name).join(Agency, Agency.id == Dossier.agency_id)
                         .where(_open() | (Dossier.resolved_at >= year_start))).all()
    for d, agency in rows:
        tally = counts.setdefault(agency, {"on_time": 0, "late": 0, "overdue": 0, "open_in_time": 0})
        if d.status in {st.value for st in rules.OPEN}:
            tally["overdue" if _overdue(d, today) is not None else "open_in_time"] += 1
        elif d.resolved_at is not None:
            verdict = rules.statistical_timeliness(d.resolved_at, d.original_due_at, d.due_at)
            if verdict is not None:
                tally["late" if verdict == "late" else "on_time"] += 1
    return [AgencyTimeliness(name, **tally) for name, tally in sorted(counts.items())]


def registrations(ctx: Context) -> list[DossierLine]:
    """Online registrations waiting for the counter to accept or refuse them (đăng ký trực tuyến), oldest first."""
    today = ctx.now().astimezone(LOCAL_TZ).date()
    with ctx.store.read() as s:
        rows = s.execute(select(Dossier, Procedure.name, Agency.name)
                         .join(Procedure, Procedure.id == Dossier.procedure_id)
                         .join(Agency, Agency.id == Dossier.agency_id)
                         .where(Dossier.status == DossierStatus.REGISTERED.value)
                         .order_by(Dossier.received_at, Dossier.code)).all()
        return [DossierLine(d.code, d.status, DossierStatus(d.status).label, d.applicant_name, pname, aname,
                            d.received_at, d.due_at, d.original_due_at, _overdue(d, today)) for d, pname, aname in rows]


def overdue_days_of(ctx: Context, code: str) -> int | None:
    """How many days a dossier is overdue today by the one rule (None: not overdue) — the dossier window's badge."""
    today = ctx.now().astimezone(LOCAL_TZ).date()
    with ctx.store.read() as s:
        return _overdue(_find(s, code), today)


@dataclass(frozen=True)
class HistoryEntry:
    """One step of a dossier's timeline."""

    at: datetime
    kind: str
    officer_name: str | None
    from_status: str | None
    to_status: str | None
    reason: str | None
    data: dict[str, Any]


def history(ctx: Context, code: str) -> list[HistoryEntry]:
    """A dossier's events in the order they happened (events of one instant in the order written)."""
    with ctx.store.read() as s:
        d = _find(s, code)
        rows = s.execute(select(DossierEvent, Officer.full_name)
                         .outerjoin(Officer, Officer.id == DossierEvent.officer_id)
                         .where(DossierEvent.dossier_id == d.id)).all()
    entries = [HistoryEntry(e.at, e.kind, name, e.from_status, e.to_status, e.reason, dict(e.data or {}))
               for e, name in rows]
    return sorted(entries, key=lambda e: (e.at, int(e.data.get("n", 0))))


def timeliness_of(ctx: Context, code: str) -> calendar.Timeliness | None:
    """Early / on time / late of a resolved dossier against its original due date (None while unresolved)."""
    v = get_dossier(ctx, code)
    if v.resolved_at is None:
        return None
    return rules.statistical_timeliness(v.resolved_at, v.original_due_at, v.due_at)
