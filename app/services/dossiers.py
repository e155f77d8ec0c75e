"""Receiving a dossier (tiếp nhận hồ sơ): validate the form, compute the appointment, allocate the dossier code and
the register line, store the dossier with its documents and events; read a dossier back.

Codes and register lines come from locked sequence rows in the same transaction (never max()+1).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, selectinload

from app.domain import calendar
from app.domain.accounts import Role
from app.domain.catalog import DocumentKind
from app.domain.dossier import (RULE_SET, DocumentReceived, DossierStatus, IntakeDraft, ProcedurePolicy,
                                format_dossier_code, looks_like_dossier_code)
from app.domain.errors import Conflict, NotFound
from app.domain.messages import translate
from app.services.context import LOCAL_TZ, Actor, Context
from app.services.workdays import calendar_in
from app.store.live import publish
from app.store.models import Agency, Dossier, DossierDocument, DossierEvent, Officer, Procedure, Ticket
from app.store.sequences import allocate

_EVENT_ORDER = {"received": 0, "resolved": 1, "returned": 2}


@dataclass(frozen=True)
class OfflineNumbers:
    """A dossier received on a station cut off from the server (docs/offline.md): the code number from its leased
    block, the register line from its leased block, and the due date printed on the citizen's receipt."""

    seq: int
    register_line: int
    due_at: datetime


@dataclass(frozen=True)
class DocumentView:
    """A document handed in with the dossier."""

    name: str
    originals: int
    certified_copies: int
    photocopies: int


@dataclass(frozen=True)
class EventView:
    """One entry of the dossier's history."""

    kind: str
    at: datetime
    officer_name: str | None
    from_status: str | None
    to_status: str | None
    reason: str | None


@dataclass(frozen=True)
class DossierView:
    """A dossier with the names of its procedure and agency, its documents and its history."""

    id: uuid.UUID
    code: str
    status: str
    status_label: str
    channel: str
    online_level: int | None
    procedure_id: int
    procedure_code: str
    procedure_name: str
    processing_value: int
    processing_unit: str
    agency_id: int
    agency_name: str
    applicant_kind: str
    applicant_name: str
    id_number: str | None
    tax_code: str | None
    birth_year: int | None
    sex: str | None
    phone: str | None
    email: str | None
    address: str | None
    sets: int
    received_at: datetime
    due_at: datetime | None
    original_due_at: datetime | None
    resolved_at: datetime | None
    returned_at: datetime | None
    result_by_post: bool
    postal_address: str | None
    fee_vnd: int
    register_line: int | None
    rule_set: str
    received_by: int | None
    received_by_name: str | None
    ticket_id: uuid.UUID | None
    ticket_number: str | None
    documents: list[DocumentView]
    events: list[EventView]
    owner_name: str | None = None  # chủ hồ sơ when not the applicant
    owner_id_number: str | None = None
    warnings: tuple[str, ...] = ()  # what the officer went on past at reception (recorded on its event)


def receive_dossier(ctx: Context, actor: Actor, procedure_id: int, draft: IntakeDraft,
                    ticket_id: uuid.UUID | None = None, *, resolve_on_the_spot: bool = False,
                    request_id: uuid.UUID | None = None, offline: OfflineNumbers | None = None) -> DossierView:
    """Receive a dossier at the counter; every bad field is reported at once and nothing is saved half.

    With `resolve_on_the_spot` (procedures marked "tại chỗ" only) the dossier is received, resolved and its result
    handed back in the same transaction.

    `request_id` is a UUID the client makes once per form (kept across retries) and becomes the dossier's own id:
    a retry with the same id (its commit reply was lost, or two processes sent it at once) returns the dossier
    already saved, with its code, instead of a second one. The same id with another procedure is a Conflict.

    `offline` replays a dossier received while the station was offline: its numbers come from the station's leased
    blocks and its due date is the one already printed; the procedure is taken even if it was closed meanwhile
    (the citizen's dossier was received when it was open).
    """
    actor.require(Role.OFFICER, translate("services.dossiers", "tiếp nhận hồ sơ"))
    now = ctx.now()
    with ctx.store.read() as s:  # the procedure and the calendar in one read
        procedure = _procedure(s, procedure_id, closed_ok=offline is not None)
        policy = ProcedurePolicy(procedure.postal_allowed, procedure.online_level, procedure.on_the_spot)
        clean = draft.validated(policy, resolve_on_the_spot=resolve_on_the_spot,
                                today=now.astimezone(LOCAL_TZ).date())
        due = offline.due_at if offline else _due_at(s, procedure, now)
    documents = clean.documents or _required_documents(procedure)
    day = now.astimezone(LOCAL_TZ).date()
    try:
        with ctx.store.write() as s:
            if request_id is not None and (earlier := s.get(Dossier, request_id)) is not None:
                return _same_request(s, earlier, procedure_id)  # a retry: the dossier is already saved
            if ticket_id is not None and s.get(Ticket, ticket_id) is None:
                raise NotFound(translate("services.dossiers", "Không tìm thấy phiếu số thứ tự để gắn với hồ sơ"))
            if offline is not None:
                seq, line = offline.seq, offline.register_line
            else:
                seq = allocate(s, "dossier", f"agency:{procedure.agency_id}", day)
                line = allocate(s, "register", "centre", date(day.year, 1, 1))
            dossier = _new_dossier(clean, procedure, format_dossier_code(procedure.agency.identifier, day, seq),
                                   now, due, line, actor, ticket_id)
            if request_id is not None:
                dossier.id = request_id
            s.add(dossier)
            s.flush()
            s.add_all(DossierDocument(dossier_id=dossier.id, position=i, name=d.name, originals=d.originals,
                                      certified_copies=d.certified_copies, photocopies=d.photocopies)
                      for i, d in enumerate(documents, start=1))
            _event(s, ctx, actor, dossier, "received", None, DossierStatus.RECEIVED, now, warnings=clean.warnings)
            if resolve_on_the_spot:
                _resolve_and_return(s, ctx, actor, dossier, now)
            # other stations hear of it on commit; ids only, never personal data
            publish(s, "dossier", {"event": "received", "dossier": str(dossier.id), "agency": procedure.agency_id,
                                   "procedure": procedure.id})
            s.flush()
            return _view(s, dossier)  # read in the same transaction: no second unit of work for the receipt
    except IntegrityError:
        if request_id is None:
            raise
        with ctx.store.read() as s:  # the same request committed meanwhile by another process: ours rolled back
            earlier = s.get(Dossier, request_id)
            if earlier is None:
                raise
            return _same_request(s, earlier, procedure_id)


def _same_request(s: Session, earlier: Dossier, procedure_id: int) -> DossierView:
    """The dossier a request id already made, when the retry is for the same procedure (else Conflict)."""
    if earlier.procedure_id != procedure_id:
        raise Conflict(translate("services.dossiers", "Mã yêu cầu %1 đã dùng để tiếp nhận hồ sơ %2 của một thủ tục "
                                 "khác; hãy mở biểu mẫu mới").arg(earlier.id, earlier.code))
    return _view(s, earlier)


def _procedure(s: Session, procedure_id: int, *, closed_ok: bool = False) -> Procedure:
    """An active procedure (or any, with `closed_ok`) with its agency and required documents loaded."""
    procedure = s.scalar(select(Procedure).where(Procedure.id == procedure_id)
                         .options(selectinload(Procedure.agency), selectinload(Procedure.documents)))
    if procedure is None:
        raise NotFound(translate("services.dossiers", "Không tìm thấy thủ tục"))
    if not procedure.active and not closed_ok:
        raise NotFound(translate("services.dossiers", "Thủ tục «%1» đã ngừng áp dụng").arg(procedure.name))
    return procedure


def _required_documents(procedure: Procedure) -> list[DocumentReceived]:
    """The catalogue's documents of the procedure, as received when the officer did not list them."""
    result = []
    for doc in procedure.documents:
        counts = {k.value: 0 for k in DocumentKind}
        counts[doc.kind if doc.kind in counts else DocumentKind.ORIGINAL.value] = doc.count
        result.append(DocumentReceived(doc.name, counts["original"], counts["certified_copy"], counts["photocopy"]))
    return result


def _due_at(s: Session, procedure: Procedure, received_at: datetime) -> datetime:
    """The appointment by the procedure's processing time, with the centre's calendar and cut-off hour."""
    year = received_at.astimezone(LOCAL_TZ).year
    span = 2 + procedure.processing_value // 200  # enough years of holidays for the longest periods
    cal = calendar_in(s, list(range(year, year + span)))
    return calendar.due_at(received_at, procedure.processing_value, procedure.processing_unit, cal,
                           procedure.cutoff)


def _new_dossier(d: IntakeDraft, p: Procedure, code: str, now: datetime, due: datetime, line: int, actor: Actor,
                 ticket_id: uuid.UUID | None) -> Dossier:
    """The dossier row of a validated draft."""
    return Dossier(code=code, agency_id=p.agency_id, procedure_id=p.id, ticket_id=ticket_id, channel=d.channel,
                   online_level=d.online_level, applicant_kind=d.applicant_kind, applicant_name=d.applicant_name,
                   id_number=d.id_number or None, tax_code=d.tax_code or None, birth_year=d.birth_year,
                   sex=d.sex, phone=d.phone or None, email=d.email or None, address=d.address, sets=d.sets,
                   received_at=now, due_at=due, original_due_at=due, status=DossierStatus.RECEIVED.value,
                   result_by_post=d.result_by_post, postal_address=d.postal_address or None, fee_vnd=p.fee_vnd,
                   register_line=line, received_by=actor.officer_id, rule_set=RULE_SET, note=d.note or None,
                   owner_name=d.owner_name or None, owner_id_number=d.owner_id_number or None,
                   supplement_requests=0, apologies=0)


def _resolve_and_return(s: Session, ctx: Context, actor: Actor, dossier: Dossier, now: datetime) -> None:
    """Resolve an on-the-spot dossier and hand the result back at once."""
    _event(s, ctx, actor, dossier, "resolved", DossierStatus.RECEIVED, DossierStatus.RESOLVED, now)
    _event(s, ctx, actor, dossier, "returned", DossierStatus.RESOLVED, DossierStatus.RETURNED, now)
    dossier.status, dossier.outcome = DossierStatus.RETURNED.value, "result"
    dossier.resolved_at = dossier.returned_at = now


def _event(s: Session, ctx: Context, actor: Actor, dossier: Dossier, kind: str, before: DossierStatus | None,
           after: DossierStatus, at: datetime, reason: str | None = None, warnings: tuple[str, ...] = ()) -> None:
    """Append one dossier event; the reception's carries the warnings the officer went on past (RULES-VN.md: an
    unknown province code in the CCCD is a warning, and its override is recorded)."""
    data: dict[str, object] | None = None
    if kind == "received":
        data = {"actor": actor.login, "rule_set": dossier.rule_set}
        if warnings:
            data["warnings_overridden"] = list(warnings)
    s.add(DossierEvent(dossier_id=dossier.id, kind=kind, at=at, officer_id=actor.officer_id,
                       station_id=ctx.station_id, from_status=before.value if before else None,
                       to_status=after.value, reason=reason, data=data))


# --- reading ------------------------------------------------------------------------------------------------

def get_dossier(ctx: Context, code_or_id: str | uuid.UUID) -> DossierView:
    """A dossier by its code (as printed or scanned) or its id, with names, documents and history."""
    with ctx.store.read() as s:
        return _view(s, _find(s, code_or_id))


def _view(s: Session, d: Dossier) -> DossierView:
    """The DossierView of a dossier row, read in the caller's unit of work."""
    procedure, agency = s.get(Procedure, d.procedure_id), s.get(Agency, d.agency_id)
    assert procedure is not None and agency is not None
    docs = s.scalars(select(DossierDocument).where(DossierDocument.dossier_id == d.id)
                     .order_by(DossierDocument.position))
    rows = s.execute(select(DossierEvent, Officer.full_name).outerjoin(Officer, Officer.id == DossierEvent.officer_id)
                     .where(DossierEvent.dossier_id == d.id)).all()
    warnings = next((tuple(e.data.get("warnings_overridden") or ()) for e, _ in rows
                     if e.kind == "received" and isinstance(e.data, dict)), ())
    events = sorted((EventView(e.kind, e.at, name, e.from_status, e.to_status, e.reason) for e, name in rows),
                    key=lambda e: (e.at, _EVENT_ORDER.get(e.kind, 99)))
    officer = s.get(Officer, d.received_by) if d.received_by else None
    ticket = s.get(Ticket, d.ticket_id) if d.ticket_id else None
    return DossierView(
        d.id, d.code, d.status, DossierStatus(d.status).label, d.channel, d.online_level, procedure.id,
        procedure.code, procedure.name, procedure.processing_value, procedure.processing_unit, agency.id,
        agency.name, d.applicant_kind, d.applicant_name, d.id_number, d.tax_code, d.birth_year, d.sex, d.phone,
        d.email, d.address, d.sets, d.received_at, d.due_at, d.original_due_at, d.resolved_at, d.returned_at,
        d.result_by_post, d.postal_address, d.fee_vnd, d.register_line, d.rule_set, d.received_by,
        officer.full_name if officer else None, d.ticket_id, ticket.display_number if ticket else None,
        [DocumentView(x.name, x.originals, x.certified_copies, x.photocopies) for x in docs], events,
        d.owner_name, d.owner_id_number, warnings)


def _find(s: Session, code_or_id: str | uuid.UUID) -> Dossier:
    """The dossier with this id or code; NotFound (naming what was asked for) otherwise."""
    dossier: Dossier | None = None
    if isinstance(code_or_id, uuid.UUID):
        dossier = s.get(Dossier, code_or_id)
    else:
        text = code_or_id.strip()
        if looks_like_dossier_code(text):  # an online registration's portal code finds it after acceptance too
            dossier = (s.scalar(select(Dossier).where(Dossier.code == text))
                       or s.scalar(select(Dossier).where(Dossier.registration_code == text)))
        else:
            try:
                dossier = s.get(Dossier, uuid.UUID(text))
            except ValueError:
                dossier = None
    if dossier is None:
        raise NotFound(translate("services.dossiers", "Không tìm thấy hồ sơ «%1»").arg(code_or_id))
    return dossier


def procedure_id_by_code(ctx: Context, code: str) -> int:
    """The id of a procedure by its code (as the CLI and scanners give it)."""
    with ctx.store.read() as s:
        found = s.scalar(select(Procedure.id).where(Procedure.code == code.strip()))
    if found is None:
        raise NotFound(translate("services.dossiers", "Không có thủ tục mã «%1»").arg(code))
    return int(found)


def ticket_id_by_number(ctx: Context, number: str) -> uuid.UUID:
    """Today's ticket shown as `number` (the latest one when it was transferred)."""
    day = ctx.now().astimezone(LOCAL_TZ).date()
    with ctx.store.read() as s:
        found = s.scalar(select(Ticket.id).where(Ticket.service_day == day, Ticket.display_number == number.strip())
                         .order_by(Ticket.status == "transferred", Ticket.seq.desc()).limit(1))
    if found is None:
        raise NotFound(translate("services.dossiers", "Hôm nay không có phiếu số %1").arg(number))
    return found
