"""What the counter station knows between two loads: the ticket it holds, its services and the hall's counters, and
which actions the queue rules allow now. No widgets here."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from app.domain.queue import TicketStatus, counter_actions
from app.services import hall
from app.services.context import Context
from app.services.hall import ServiceView
from app.services.queue import TicketView


@dataclass(frozen=True)
class CurrentTicket:
    """The ticket the counter holds now (after a restart, as the hall status gives it)."""

    display_number: str
    status: TicketStatus
    service_code: str = ""
    service_name: str = ""
    priority_kind: str | None = None
    called_at: datetime | None = None
    call_count: int = 0
    dossier_id: uuid.UUID | None = None  # a result-return ticket: its dossier

    @classmethod
    def of(cls, view: TicketView | None) -> CurrentTicket | None:
        """The counter's ticket after an action (None when the action released it)."""
        if view is None or view.status not in (TicketStatus.CALLED, TicketStatus.SERVING):
            return None
        return cls(view.display_number, TicketStatus(view.status), view.service_code, view.service_name,
                   view.priority_kind, view.called_at, view.call_count, view.dossier_id)


def allowed_actions(current: CurrentTicket | None) -> set[str]:
    """Which actions the rules allow for the counter's ticket (the domain's transition table decides)."""
    return counter_actions(current.status if current is not None else None)


@dataclass(frozen=True)
class CounterSetup:
    """The counter and the hall as this station needs them (read at start and with the safety reload)."""

    found: bool
    own_codes: tuple[str, ...]
    services: tuple[ServiceView, ...]
    counters_by_code: dict[str, tuple[int, ...]]


def load_setup(ctx: Context, counter_number: int) -> CounterSetup:
    """Read the counter's services and which counters call each service (runs in the worker)."""
    services = tuple(v for v in hall.list_services(ctx) if v.draft.active)
    code_of = {v.id: v.draft.code for v in services}
    counters = [c for c in hall.list_counters(ctx) if c.active]
    mine = next((c for c in counters if c.number == counter_number), None)
    by_code: dict[str, list[int]] = {}
    for c in counters:
        for sid in c.service_ids:
            if sid in code_of:
                by_code.setdefault(code_of[sid], []).append(c.number)
    own = tuple(code_of[sid] for sid in mine.service_ids if sid in code_of) if mine else ()
    return CounterSetup(mine is not None, own, services, {k: tuple(v) for k, v in by_code.items()})
