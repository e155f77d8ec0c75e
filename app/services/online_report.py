"""Online registrations in a period (companion of the period report): per agency, how many were registered on the
public service portal, accepted at the counter, refused at reception (Mẫu 03), and still waiting at the end of the
period. None of them counts as received in columns (2)–(4) until accepted (RULES-VN.md "Dossier states": refused at
the counter is not counted as received); an accepted one is counted in (3) in the period of its acceptance.

As of the end of `to`, from the moments kept on each dossier (registered_at, and the acceptance, refusal or
cancellation moment), so the figures of a past period do not change. One query over the registered_at index: only
online registrations have one."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import and_, case, func, or_, select
from sqlalchemy.sql.elements import ColumnElement

from app.domain.period_report import period_bounds
from app.services.context import Context
from app.store.models import Agency, Dossier


@dataclass(frozen=True)
class RegistrationCounts:
    """One agency's (or the total's) online registrations in the period."""

    label: str
    registered: int
    accepted: int
    refused: int
    waiting_at_end: int


def online_registrations(ctx: Context, date_from: date, date_to: date) -> list[RegistrationCounts]:
    """Agencies with an online registration in scope, in catalogue order, then the total (empty: none at all)."""
    b = period_bounds(date_from, date_to)
    d = Dossier
    accepted = d.register_line.is_not(None)  # acceptance allocates the register line; a registration has none

    def count(condition: ColumnElement[bool]) -> ColumnElement[int]:
        return func.sum(case((condition, 1), else_=0))

    # never NULL (a NULL moment would make its negation NULL too): each moment is tested for presence first
    decided_before_end = or_(and_(accepted, d.received_at < b.end),
                             and_(d.refused_at.is_not(None), d.refused_at < b.end),
                             and_(d.register_line.is_(None), d.cancelled_at.is_not(None), d.cancelled_at < b.end))
    query = (select(Agency.name, count(d.registered_at >= b.start),
                    count(and_(accepted, d.received_at >= b.start, d.received_at < b.end)),
                    count(and_(d.refused_at >= b.start, d.refused_at < b.end)),
                    count(~decided_before_end))
             .join(Agency, Agency.id == d.agency_id)
             .where(d.registered_at < b.end,
                    or_(d.registered_at >= b.start, ~decided_before_end, d.received_at >= b.start,
                        d.refused_at >= b.start))
             .group_by(Agency.id, Agency.name, Agency.sort_order).order_by(Agency.sort_order, Agency.id))
    with ctx.store.read() as s:
        rows = [RegistrationCounts(name, *(int(n or 0) for n in counts)) for name, *counts in s.execute(query)]
    if not rows:
        return []
    total = RegistrationCounts("Tổng số", *(sum(getattr(r, f) for r in rows)
                                            for f in ("registered", "accepted", "refused", "waiting_at_end")))
    return [*rows, total]


def to_text(rows: list[RegistrationCounts]) -> str:
    """The companion table for a terminal."""
    head = f"{'Hồ sơ đăng ký trực tuyến':<44} {'Đăng ký':>8} {'Tiếp nhận':>10} {'Từ chối':>8} {'Chờ cuối kỳ':>12}"
    lines = [f"{r.label[:44]:<44} {r.registered:>8} {r.accepted:>10} {r.refused:>8} {r.waiting_at_end:>12}"
             for r in rows]
    return "\n".join([head, *lines])
