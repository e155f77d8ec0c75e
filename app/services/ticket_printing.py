"""Printing a queue ticket, for the kiosk and the CLI alike: what it shows (from the store), its ESC/POS bytes,
sending them to the ticket printer, and recording on the ticket whether the paper came out (a «printed» or
«print_failed» ticket event), so a failed ticket can be found and printed again."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import date

from sqlalchemy import select

from app.devices.manager import DeviceManager, JobResult
from app.devices.printer import TicketPrinter, submit_print
from app.devices.transport import DeviceError
from app.domain.calendar import LOCAL_TZ
from app.domain.errors import NotFound
from app.domain.messages import translate
from app.domain.queue import PRIORITY_KINDS, QueueError, TicketStatus, ticket_qr_payload
from app.printing.ticket import (PROFILE_58MM, PROFILE_80MM, PrinterProfile, TicketContent, render_test_page,
                                 render_ticket)
from app.services import queue
from app.services.context import Context
from app.services.settings import centre_setting
from app.store.models import Dossier, Service, Ticket

PROFILES = {"80mm": PROFILE_80MM, "58mm": PROFILE_58MM}


def profile_named(name: str) -> PrinterProfile:
    """A printer profile by its setting value ('80mm' or '58mm')."""
    return PROFILES[name]


def ticket_content(ctx: Context, view: queue.TicketView, centre_name: str | None = None) -> TicketContent:
    """What goes on the paper for an issued ticket (no personal data: tickets carry none): its QR code holds the
    ticket's id, for the counter's scanner; a result-return ticket names its dossier's code. With `centre_name`
    (a ticket issued offline, the name from the station's journal) the store is not read, and the paper says
    nothing of the wait (the hall's queue cannot be seen)."""
    if centre_name is not None and view.dossier_id is None:
        centre, dossier_code = centre_name, None
    else:
        with ctx.store.read() as s:
            centre = str(centre_setting(s, "centre_name"))
            dossier_code = (s.scalar(select(Dossier.code).where(Dossier.id == view.dossier_id)) if view.dossier_id
                            else None)
    return TicketContent(centre_name=centre, service_name=view.service_name, number_text=view.display_number,
                         issued_at=view.issued_at.astimezone(LOCAL_TZ),
                         people_ahead=None if centre_name is not None else view.people_ahead,
                         estimated_wait_minutes=view.estimated_wait_minutes,
                         priority_label=PRIORITY_KINDS.get(view.priority_kind or ""),
                         qr_payload=ticket_qr_payload(view.id, view.display_number), dossier_code=dossier_code)


def render(ctx: Context, view: queue.TicketView, profile: PrinterProfile, centre_name: str | None = None) -> bytes:
    """The ticket's ESC/POS bytes for this printer profile (`centre_name`: offline, see `ticket_content`)."""
    return render_ticket(ticket_content(ctx, view, centre_name), profile)


def record_outcome(ctx: Context, ticket_id: uuid.UUID, printed: bool, reason: str | None = None) -> None:
    """Record on the ticket whether its paper came out (an event «printed» or «print_failed» with the reason)."""
    queue.mark_printed(ctx, ticket_id, printed, reason)


def print_ticket(ctx: Context, view: queue.TicketView, printer_url: str, profile: PrinterProfile) -> str | None:
    """Print now and record the outcome on the ticket; returns the printer's problem (Vietnamese) or None."""
    data = render(ctx, view, profile)
    try:
        with TicketPrinter(printer_url, profile) as printer:
            printer.print_bytes(data)
    except DeviceError as exc:
        record_outcome(ctx, view.id, False, str(exc))
        return str(exc)
    record_outcome(ctx, view.id, True)
    return None


def queue_print(ctx: Context, view: queue.TicketView, printer: DeviceManager[TicketPrinter],
                profile: PrinterProfile, on_done: Callable[[JobResult], None], centre_name: str | None = None) -> int:
    """Render now (on the caller's thread: a station's worker) and queue the bytes on the printer's own thread;
    `on_done(JobResult)` runs on that thread once the paper is out or failed. The caller records the outcome
    with `record_outcome` (off the device thread)."""
    return submit_print(printer, render(ctx, view, profile, centre_name), on_done)


def print_test_page(printer_url: str, profile: PrinterProfile) -> None:
    """The Vietnamese test page, printed now; DeviceError when the printer cannot print."""
    with TicketPrinter(printer_url, profile) as printer:
        printer.print_bytes(render_test_page(profile))


def reprint_view(ctx: Context, ticket_id: uuid.UUID) -> queue.TicketView:
    """The view of a stored ticket, for reprinting it after a printer fault (people ahead counted now)."""
    return queue.ticket_view(ctx, ticket_id)


def find_ticket(ctx: Context, number: str, service_code: str | None = None, day: date | None = None
                ) -> queue.TicketView:
    """A ticket by its number as printed, on a day (today by default), optionally of one service; a ticket
    transferred away gives way to the one it became (same number). NotFound / QueueError when none or several."""
    day = day or queue.local_day(ctx.now())
    query = (select(Ticket.id, Ticket.status, Service.code).join(Service, Service.id == Ticket.service_id)
             .where(Ticket.service_day == day, Ticket.display_number == number.strip())
             .order_by(Ticket.issued_at, Ticket.seq))
    if service_code:
        query = query.where(Service.code == service_code.strip().upper())
    with ctx.store.read() as s:
        rows = list(s.execute(query))
    where = (translate("services.ticket_printing", "ngày %1, dịch vụ %2").arg(f"{day:%d/%m/%Y}",
                                                                              service_code.strip().upper())
             if service_code else translate("services.ticket_printing", "ngày %1").arg(f"{day:%d/%m/%Y}"))
    if not rows:
        raise NotFound(translate("services.ticket_printing", "Không có phiếu số %1 (%2)").arg(number.strip(), where))
    current = [r for r in rows if r.status != TicketStatus.TRANSFERRED.value] or rows
    if len(current) > 1:
        services = ", ".join(sorted({r.code for r in current}))
        raise QueueError(translate("services.ticket_printing", "Có %1 phiếu số %2 (%3: dịch vụ %4); "
                                   "chọn một bằng --service").arg(len(current), number.strip(), where, services))
    return queue.ticket_view(ctx, current[0].id)


def unprinted_tickets(ctx: Context) -> list[queue.TicketView]:
    """Today's waiting tickets whose printing failed (to reprint after the fault is fixed)."""
    day = queue.local_day(ctx.now())
    with ctx.store.read() as s:
        ids = list(s.scalars(select(Ticket.id).where(Ticket.service_day == day, Ticket.printed.is_(False),
                                                     Ticket.status == "waiting").order_by(Ticket.issued_at)))
    return [reprint_view(ctx, i) for i in ids]
