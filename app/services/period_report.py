"""The period report (báo cáo tình hình giải quyết hồ sơ, the seed's appendix) computed in the database.

Two GROUP BY queries, whatever the number of dossiers: one over the dossiers in scope, where CASE expressions
put each dossier in its classes (how received; resolved late / on time / early, cancelled, overdue or not yet due
at the end; paused, handed back, returned by post) and COUNT(*) counts them per agency (or field) and class; one
SUM over the payments of the period (fees are what was paid, never a catalogue fee). Where a dossier stood at the
end of `to` is read from its timestamps and its pause history (paused_at, resumed_at, paused_due_at), never from
its state today, so the report of a past period does not change afterwards. Python then only
adds up the few hundred class counts into columns (1)–(14), never looping over dossiers. The local-date boundaries
of the period are converted to UTC instants in Python, so most conditions are plain range comparisons on the
stored UTC timestamps; only timeliness (resolved date vs due date, both per row) needs a local-date expression per
backend. Definitions (including the fee rule): app.domain.period_report."""

from __future__ import annotations

from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import (
    Date,
    Integer,
    and_,
    case,
    cast,
    func,
    literal_column,
    or_,
    select,
)
from sqlalchemy.orm import QueryableAttribute
from sqlalchemy.sql.elements import ColumnElement

from app.domain.period_report import (
    HANDED_BACK_STATUSES,
    NOT_COUNTED_STATUSES,
    RETURNED_OUTCOME,
    PeriodBounds,
    PeriodReport,
    PeriodRow,
    local_utc_offset_hours,
    period_bounds,
    total_row,
)
from app.services.context import Context
from app.store.engine import allow_long_work
from app.store.models import Agency, Dossier, Field, Payment, Procedure
from app.store.types import UTCDateTime

GROUPINGS = ("agency", "field")
NO_FIELD_LABEL = "(chưa phân lĩnh vực)"
_COUNTED = ("carried_over", "received_direct", "received_online", "received_total", "resolved_late",
            "resolved_on_time", "resolved_early", "resolved_total", "overdue", "not_yet_due", "paused", "cancelled",
            "returned_to_applicant", "online_level3", "online_level4", "postal_received", "postal_returned")


@dataclass(frozen=True)
class AgencyBreakdown:
    """The companion figures the seed quotes for one agency (or the total)."""

    label: str
    online_level3: int
    online_level4: int
    postal_received: int
    postal_returned: int
    resolved_late: int
    cancelled: int
    fees_vnd: int


def period_report(ctx: Context, date_from: date, date_to: date, by: str = "agency") -> PeriodReport:
    """Columns (1)–(14) per agency (or per field) with at least one dossier in scope, catalogue order, and total."""
    if by not in GROUPINGS:
        raise ValueError(f"by must be one of {GROUPINGS}, got {by!r}")
    bounds = period_bounds(date_from, date_to)
    fee_queries = (_payments_query(bounds, by),)
    counts_query = _counts_query(bounds, by, ctx.store.backend)
    # the counts pass is most of the work: the fees go on the other core meanwhile, over the very same data
    with ctx.store.twin_readers() as (main, side), ThreadPoolExecutor(1, thread_name_prefix="period-fees") as pool:
        for reader in (main, side):  # millions of dossiers: more than a station statement's 5 s on PostgreSQL
            allow_long_work(reader)
        pending = pool.submit(_fees, side, fee_queries)
        counts = _fold(main.execute(counts_query).all(), by)
        fees = pending.result()
        groups = _groups_in_order(main, by)
    rows = []
    for key, label in groups:
        values = counts.get(key)
        if values is None and not fees.get(key):
            continue
        rows.append(PeriodRow(label, key[0], key[1], fees_vnd=fees.get(key, 0), **(values or {})))
    rows += _orphans(counts, fees, {k for k, _ in groups})
    return PeriodReport(date_from, date_to, by, tuple(rows), total_row(rows))


def _fees(conn: Any, queries: Sequence[Any]) -> dict[tuple[Any, ...], int]:
    """Column (14) per line key: the payments recorded in the period (app.domain.period_report)."""
    fees: dict[tuple[Any, ...], int] = {}
    for query in queries:
        for agency_id, field_id, amount in conn.execute(query).all():
            fees[(agency_id, field_id)] = fees.get((agency_id, field_id), 0) + int(amount or 0)
    return fees


def breakdowns(report: PeriodReport) -> list[AgencyBreakdown]:
    """Online received by level, postal receipts and returns, late, cancelled and fees per line, then the total."""
    return [AgencyBreakdown(r.label, r.online_level3, r.online_level4, r.postal_received, r.postal_returned,
                            r.resolved_late, r.cancelled, r.fees_vnd) for r in (*report.rows, report.total)]


def local_date(column: ColumnElement[Any] | QueryableAttribute[Any], backend: str,
               offset_hours: int) -> ColumnElement[Any]:
    """The Asia/Ho_Chi_Minh calendar date of a stored UTC timestamp, per backend.

    Vietnam has had one fixed offset (+7, no daylight saving) since 1975, so both backends shift by the offset
    instead of looking the zone up for every row (on PostgreSQL a fixed interval is ~15 % cheaper per row than
    the named zone, which matters over a million dossiers: P7)."""
    if backend == "postgresql":
        return cast(func.timezone(literal_column(f"interval '{int(offset_hours)} hours'"), column), Date)
    # SQLite keeps naive UTC text: shift and cut.
    return func.date(column, f"{offset_hours:+d} hours")


def _group_keys(by: str) -> tuple[Any, Any]:
    """(agency, field) key columns; the field is a constant NULL when grouping by agency."""
    field: Any = Procedure.field_id if by == "field" else cast(None, Dossier.agency_id.type)
    return Dossier.agency_id, field


def _joined(query: Any, by: str) -> Any:
    """Join the procedure only when grouping by its field."""
    return query.join(Procedure, Procedure.id == Dossier.procedure_id) if by == "field" else query


def _counts_query(b: PeriodBounds, by: str, backend: str) -> Any:
    """One pass over the dossiers in scope: each row's classes packed by CASE into one small integer, counted
    per (line, class code).

    Each class expression is evaluated once per dossier (the local-date function only for those resolved in the
    period); the result has one row per line and class combination — a few hundred at most, whatever the number
    of dossiers — which `_fold` adds up into the columns. Every report reads the whole table once anyway (dossiers
    received years ago and still open are in scope), so on SQLite the indexes are bypassed with the unary `+`:
    a range scan of ix_dossiers_received_at with a table lookup per row, or an agency-ordered scan, is 3–4 times
    slower than a plain scan and a sort of small integer keys.
    """
    d = Dossier
    received_at, agency_key = _scanned(backend)
    resolved_at = func.coalesce(d.resolved_at, d.returned_at)
    closed_at = func.coalesce(resolved_at, d.cancelled_at)
    due_at = func.coalesce(d.original_due_at, d.due_at)
    offset = local_utc_offset_hours(b.start)
    resolved_day, due_day = local_date(resolved_at, backend, offset), local_date(due_at, backend, offset)
    # as of the end of `to` (app.domain.overdue, the same rule as the lists and the window): a pause that had
    # begun and not yet ended then, and the due date that counted then (a resume after it moved the due date on)
    resumed_later = d.resumed_at >= b.end
    paused_then = and_(d.paused_at < b.end, or_(d.resumed_at.is_(None), resumed_later))
    due_then = case((resumed_later, func.coalesce(d.paused_due_at, due_at)), else_=due_at)
    # of those paused then: paused on or before that due date (the clock stopped before it passed)
    stopped_then = local_date(d.paused_at.expression, backend, offset) <= local_date(due_then, backend, offset)
    received = case((received_at < b.start, CARRIED), (d.channel == "postal", POSTAL),
                    (d.channel == "direct", DIRECT),
                    (d.channel == "online", case((d.online_level == 3, ONLINE3), (d.online_level == 4, ONLINE4),
                                                 else_=ONLINE)), else_=OTHER_CHANNEL)
    timeliness = case((due_at.is_(None), ON_TIME), (resolved_day < due_day, EARLY), (resolved_day == due_day, ON_TIME),
                      else_=LATE)
    ending = case((and_(resolved_at >= b.start, resolved_at < b.end), timeliness),
                  (and_(resolved_at.is_(None), d.cancelled_at >= b.start, d.cancelled_at < b.end), CANCELLED),
                  (or_(closed_at.is_(None), closed_at >= b.end),
                   case((paused_then, case((stopped_then, PAUSED_NOT_YET_DUE), (due_then < b.to_start, PAUSED_OVERDUE),
                                           else_=PAUSED_NOT_YET_DUE)),
                        (due_then < b.to_start, OVERDUE), else_=NOT_YET_DUE)),
                  else_=ELSEWHERE)
    handed_back = case((or_(d.outcome == RETURNED_OUTCOME, d.status.in_(HANDED_BACK_STATUSES)), HANDED_BACK_BIT),
                       else_=0)
    post_returned = case((and_(d.result_by_post.is_(True), d.returned_at >= b.start, d.returned_at < b.end),
                          POST_RETURNED_BIT), else_=0)
    code = received + ending * ENDING_UNIT + handed_back + post_returned
    # one integer sort key per row (agency and class code) sorts markedly faster than two on SQLite
    keys: list[Any] = [(agency_key * CODE_SPAN + code).label("key")]
    if by == "field":
        keys.append(Procedure.field_id)
    query = _joined(select(*keys, func.count()), by).where(
        received_at < b.end, d.status.not_in(NOT_COUNTED_STATUSES),
        or_(received_at >= b.start, closed_at.is_(None), closed_at >= b.start))
    return query.group_by(*keys)


# The class code of `_counts_query`: how a dossier was received (units), where it stands at the end of the period
# (times ENDING_UNIT; open and paused then is an ending of its own, so that closed rows never test the pause), and
# two flags (bits above).
CARRIED, DIRECT, POSTAL, ONLINE, ONLINE3, ONLINE4, OTHER_CHANNEL = 1, 2, 3, 4, 5, 6, 0
LATE, ON_TIME, EARLY, OVERDUE, NOT_YET_DUE, CANCELLED, ELSEWHERE = 5, 6, 7, 9, 10, 12, 0
PAUSED_OVERDUE, PAUSED_NOT_YET_DUE = 19, 20
ENDING_UNIT, HANDED_BACK_BIT, POST_RETURNED_BIT, CODE_SPAN = 10, 2000, 4000, 10000
FLAGS_UNIT = 1000
_ENDING_COLUMN = {LATE: "resolved_late", ON_TIME: "resolved_on_time", EARLY: "resolved_early", OVERDUE: "overdue",
                  NOT_YET_DUE: "not_yet_due", CANCELLED: "cancelled", PAUSED_OVERDUE: "overdue",
                  PAUSED_NOT_YET_DUE: "not_yet_due"}
_RECEIVED_COLUMNS = {CARRIED: ("carried_over",), DIRECT: ("received_direct",),
                     POSTAL: ("received_direct", "postal_received"), ONLINE: ("received_online",),
                     ONLINE3: ("received_online", "online_level3"), ONLINE4: ("received_online", "online_level4")}


def _fold(groups: Sequence[Any], by: str) -> dict[tuple[Any, Any], dict[str, int]]:
    """Add the class counts of `_counts_query` into the report's columns, per line key."""
    out: dict[tuple[Any, Any], dict[str, int]] = {}
    for group in groups:
        agency_id, code = divmod(int(group[0]), CODE_SPAN)
        key, n = (agency_id, group[1] if by == "field" else None), int(group[-1])
        flags = code // FLAGS_UNIT  # bit 1 handed back, bit 2 returned by post
        c = out.setdefault(key, dict.fromkeys(_COUNTED, 0))
        c["received_total"] += n
        for column in _RECEIVED_COLUMNS.get(code % ENDING_UNIT, ()):
            c[column] += n
        ending = code % FLAGS_UNIT // ENDING_UNIT
        if ending in _ENDING_COLUMN:
            c[_ENDING_COLUMN[ending]] += n
        if ending in (LATE, ON_TIME, EARLY):
            c["resolved_total"] += n
            c["returned_to_applicant"] += n if flags & 2 else 0
        if ending in (PAUSED_OVERDUE, PAUSED_NOT_YET_DUE):
            c["paused"] += n
        c["postal_returned"] += n if flags & 4 else 0
    return out


def _scanned(backend: str) -> tuple[Any, Any]:
    """received_at and agency_id, written so that SQLite scans the table instead of walking an index."""
    if backend == "sqlite":
        return (literal_column("+dossiers.received_at", UTCDateTime()),
                literal_column("+dossiers.agency_id", Integer()))
    return Dossier.received_at, Dossier.agency_id


def _payments_query(b: PeriodBounds, by: str) -> Any:
    """Fees actually paid in the period, per group of the paid dossier."""
    agency_key, field_key = _group_keys(by)
    query = (select(agency_key, field_key, func.sum(Payment.amount_vnd)).select_from(Payment)
             .join(Dossier, Dossier.id == Payment.dossier_id)
             .where(Payment.paid_at >= b.start, Payment.paid_at < b.end))
    return _joined(query, by).group_by(agency_key, field_key)


def _groups_in_order(s: Any, by: str) -> list[tuple[tuple[int, int | None], str]]:
    """Every possible line key with its label, in catalogue order (agency sort order, then field sort order)."""
    agencies = s.execute(select(Agency.id, Agency.name).order_by(Agency.sort_order, Agency.id)).all()
    if by == "agency":
        return [((a_id, None), name) for a_id, name in agencies]
    fields_by_agency: dict[int, list[tuple[int, str]]] = {}
    for f_id, a_id, name in s.execute(select(Field.id, Field.agency_id, Field.name)
                                      .order_by(Field.sort_order, Field.id)).all():
        fields_by_agency.setdefault(a_id, []).append((f_id, name))
    groups: list[tuple[tuple[int, int | None], str]] = []
    for a_id, agency_name in agencies:
        groups += [((a_id, f_id), f"{agency_name} — {name}") for f_id, name in fields_by_agency.get(a_id, [])]
        groups.append(((a_id, None), f"{agency_name} — {NO_FIELD_LABEL}"))
    return groups


def _orphans(counts: dict[tuple[Any, ...], Any], fees: dict[tuple[Any, ...], int],
             known: set[tuple[Any, ...]]) -> list[PeriodRow]:
    """Lines whose key is not in the catalogue (a field of another agency): shown last, never dropped."""
    rows = []
    for key in sorted(set(counts) | set(fees), key=lambda k: (k[0], k[1] or 0)):
        if key in known:
            continue
        rows.append(PeriodRow(f"(cơ quan {key[0]}, lĩnh vực {key[1]})", key[0], key[1],
                              fees_vnd=fees.get(key, 0), **counts.get(key, {})))
    return rows
