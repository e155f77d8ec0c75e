"""Result return by queue ticket: a citizen back for a result scans the barcode of their receipt (Mẫu 01: the
dossier code) at the kiosk and gets a ticket joined to that dossier; the counter that calls it shows the dossier,
its state and whether the result is ready.

The ticket goes to the centre's result-return service (setting `result_return_service`, e.g. the demo's TKQ at
counter 10) when it names an active service; else to the first active service (in the kiosk's order) that takes
the dossier's agency, so the citizen waits at the counters of that agency's field. A second scan of the same receipt while its ticket still waits gives
that ticket again instead of a second place in the queue.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.dossier import DossierStatus, looks_like_dossier_code
from app.domain.errors import NotFound
from app.domain.messages import translate
from app.domain.queue import QueueError, TicketStatus
from app.services import queue
from app.services.context import Context
from app.services.queue_views import TicketView
from app.services.settings import centre_setting
from app.services.ticket_issue import issue_ticket_for_dossier
from app.store.models import Agency, Dossier, Procedure, Service, ServiceAgency, Ticket

READY = (DossierStatus.RESOLVED,)
# a dossier in these states has nothing to collect any more: no ticket (the kiosk says why)
CLOSED = {DossierStatus.RETURNED: translate("services.result_return", "đã được trả kết quả"),
          DossierStatus.REFUSED: translate("services.result_return", "đã bị từ chối tiếp nhận"),
          DossierStatus.WITHDRAWN: translate("services.result_return", "đã được rút"),
          DossierStatus.CANCELLED: translate("services.result_return", "đã bị hủy")}


@dataclass(frozen=True)
class ReturnDossier:
    """What the counter shows for a result-return ticket (no personal data beyond what the counter sees anyway)."""

    id: uuid.UUID
    code: str
    procedure_name: str
    agency_name: str
    status: str
    status_label: str
    due_at: datetime | None
    result_ready: bool


@dataclass(frozen=True)
class ResultTicket:
    """The kiosk's answer to a scanned receipt: the ticket and the dossier it is for."""

    ticket: TicketView
    dossier: ReturnDossier
    again: bool  # the same receipt's ticket, still waiting, given again


def issue_result_ticket(ctx: Context, scanned: str) -> ResultTicket:
    """A result-return ticket for the dossier whose receipt barcode was scanned (NotFound / QueueError in Vietnamese
    when the code is unknown, the dossier has nothing to collect, or no service takes its agency)."""
    code = scanned.strip()
    if not looks_like_dossier_code(code):
        raise NotFound(translate("services.result_return", "Mã vừa quét không phải mã hồ sơ trên Giấy tiếp nhận hồ "
                                 "sơ và hẹn trả kết quả"))
    day = queue.local_day(ctx.now())
    with ctx.store.read() as s:
        dossier = s.scalar(select(Dossier).where(Dossier.code == code))
        if dossier is None:
            raise NotFound(translate("services.result_return", "Không tìm thấy hồ sơ mã %1. Xin vui lòng hỏi cán bộ "
                                     "hướng dẫn.").arg(code))
        status = DossierStatus(dossier.status)
        if status in CLOSED:
            raise QueueError(translate("services.result_return", "Hồ sơ %1 %2. Xin vui lòng hỏi cán bộ hướng dẫn "
                                       "nếu cần.").arg(code, CLOSED[status]))
        waiting = s.scalar(select(Ticket.id).where(Ticket.dossier_id == dossier.id, Ticket.service_day == day,
                                                   Ticket.status == TicketStatus.WAITING.value).limit(1))
        service_code = _service_for(s, dossier)
        summary = _summary(s, dossier)
    if waiting is not None:
        return ResultTicket(queue.ticket_view(ctx, waiting), summary, True)
    if service_code is None:
        raise QueueError(translate("services.result_return", "Chưa có quầy nào nhận hồ sơ của %1. Xin vui lòng hỏi "
                                   "cán bộ hướng dẫn.").arg(summary.agency_name))
    return ResultTicket(issue_ticket_for_dossier(ctx, service_code, summary.id), summary, False)


def _service_for(s: Session, dossier: Dossier) -> str | None:
    """The code of the service a result-return ticket of this dossier queues for (None: no service takes it)."""
    chosen = str(centre_setting(s, "result_return_service") or "").strip().upper()
    if chosen and s.scalar(select(Service.code).where(Service.code == chosen, Service.active.is_(True))):
        return chosen
    return s.scalar(select(Service.code).join(ServiceAgency, ServiceAgency.service_id == Service.id)
                    .where(ServiceAgency.agency_id == dossier.agency_id, Service.active.is_(True))
                    .order_by(Service.sort_order, Service.id).limit(1))


def return_dossier(ctx: Context, dossier_id: uuid.UUID) -> ReturnDossier:
    """The dossier of a result-return ticket, as the counter calling it shows it (read now: its state may change)."""
    with ctx.store.read() as s:
        dossier = s.get(Dossier, dossier_id)
        if dossier is None:
            raise NotFound(translate("services.result_return", "Không tìm thấy hồ sơ của phiếu trả kết quả"))
        return _summary(s, dossier)


def _summary(s: Session, dossier: Dossier) -> ReturnDossier:
    procedure, agency = s.get(Procedure, dossier.procedure_id), s.get(Agency, dossier.agency_id)
    assert procedure is not None and agency is not None
    status = DossierStatus(dossier.status)
    return ReturnDossier(dossier.id, dossier.code, procedure.name, agency.name, status.value, status.label,
                         dossier.due_at, status in READY)
