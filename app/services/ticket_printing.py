"""Printing a queue ticket: what it shows (from the store) and sending it to the ticket printer."""

from __future__ import annotations

import uuid

from sqlalchemy import select

from app.devices.printer import TicketPrinter
from app.devices.transport import DeviceError
from app.domain.queue import PRIORITY_KINDS
from app.printing.ticket import PROFILE_58MM, PROFILE_80MM, PrinterProfile, TicketContent, render_ticket
from app.services import queue
from app.services.context import LOCAL_TZ, Context
from app.services.settings import centre_setting
from app.store.models import Ticket

PROFILES = {"80mm": PROFILE_80MM, "58mm": PROFILE_58MM}


def profile_named(name: str) -> PrinterProfile:
    """A printer profile by its setting value ('80mm' or '58mm')."""
    return PROFILES[name]


def ticket_content(ctx: Context, view: queue.TicketView) -> TicketContent:
    """What goes on the paper for an issued ticket (no personal data: tickets carry none)."""
    with ctx.store.read() as s:
        centre = str(centre_setting(s, "centre_name"))
    return TicketContent(centre_name=centre, service_name=view.service_name, number_text=view.display_number,
                         issued_at=view.issued_at.astimezone(LOCAL_TZ), people_ahead=view.people_ahead,
                         estimated_wait_minutes=view.estimated_wait_minutes,
                         priority_label=PRIORITY_KINDS.get(view.priority_kind or ""))


def print_ticket(ctx: Context, view: queue.TicketView, printer_url: str, profile: PrinterProfile) -> str | None:
    """Print now and record the outcome on the ticket; returns the printer's problem (Vietnamese) or None."""
    data = render_ticket(ticket_content(ctx, view), profile)
    try:
        with TicketPrinter(printer_url, profile) as printer:
            printer.print_bytes(data)
    except DeviceError as exc:
        queue.mark_printed(ctx, view.id, False, str(exc))
        return str(exc)
    queue.mark_printed(ctx, view.id, True)
    return None


def reprint_view(ctx: Context, ticket_id: uuid.UUID) -> queue.TicketView:
    """The view of a stored ticket, for reprinting it after a printer fault (people ahead counted now)."""
    return queue.ticket_view(ctx, ticket_id)


def unprinted_tickets(ctx: Context) -> list[queue.TicketView]:
    """Today's waiting tickets whose printing failed (to reprint after the fault is fixed)."""
    day = queue.local_day(ctx.now())
    with ctx.store.read() as s:
        ids = list(s.scalars(select(Ticket.id).where(Ticket.service_day == day, Ticket.printed.is_(False),
                                                     Ticket.status == "waiting").order_by(Ticket.issued_at)))
    return [reprint_view(ctx, i) for i in ids]
