"""What the queue hands back to stations, importable without the store (the fast `ticket issue` path uses it)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class TicketView:
    """A ticket as stations show it (never a citizen's name: tickets carry none)."""

    id: uuid.UUID
    display_number: str
    number: int
    service_code: str
    service_name: str
    status: str
    priority_kind: str | None
    issued_at: datetime
    called_at: datetime | None
    counter_number: int | None
    call_count: int
    printed: bool
    people_ahead: int = 0
    estimated_wait_minutes: int = 0
    dossier_id: uuid.UUID | None = None  # a result-return ticket: the dossier whose result the citizen comes for
