"""When a dossier is overdue (quá hạn): the one rule used by the late and due-soon lists, the dossier window, the
supervisor and the period report (columns (9)/(10), as of the end of the period).

The rule (docs/period-report.md, "Overdue"):
- only an open dossier (received, processing, paused, waiting for payment) can be overdue;
- the due date that counts is the one statistics use: the original due date (`original_due_at`, else `due_at`),
  which a resume moves on and an apology's new date does not (RULES-VN.md: measured against the original);
- it is overdue on day D when its due date (a local calendar date) is before D, by (D − due date) calendar days;
- a dossier paused on or before its due date is not overdue while paused (the clock is stopped; its due date moves
  on resume); one paused after its due date had already passed stays overdue while paused;
- a paused dossier whose pause moment is unknown (imported without one) is taken as paused before its due date.
"""

from __future__ import annotations

from datetime import date, datetime

from app.domain.calendar import to_local
from app.domain.dossier import DossierStatus as S
from app.domain.lifecycle import OPEN


def reference_due(original_due: datetime | None, due: datetime | None) -> datetime | None:
    """The due date that counts for overdue and timeliness: the original one when there is one."""
    return original_due if original_due is not None else due


def clock_stopped(state: str, due: datetime | None, paused_since: datetime | None) -> bool:
    """True while the dossier is paused and the pause began on or before its due date (not overdue meanwhile)."""
    if state != S.PAUSED.value:
        return False
    return paused_since is None or due is None or to_local(paused_since).date() <= to_local(due).date()


def overdue_days(state: str, due: datetime | None, paused_since: datetime | None, today: date) -> int | None:
    """How many calendar days the dossier is overdue on local day `today` (1 or more), or None when it is not.

    `state` is the dossier's status, `due` its reference due date (`reference_due`), `paused_since` the moment
    its current pause began (ignored unless `state` is paused)."""
    if state not in OPEN or due is None or clock_stopped(state, due, paused_since):
        return None
    days = (today - to_local(due).date()).days
    return days if days > 0 else None
