"""Property tests of the period report: for random dossier histories the SQL report equals a pure-Python
reference of RULES-VN.md's definitions, every dossier in scope is counted exactly once, the identities hold.
Columns (9)/(10) of the reference are the one overdue rule (app.domain.overdue.overdue_days) applied to each
dossier as it stood at the end of `to`; fees are the payments only.

The histories straddle the period's edges at every hour of the day, so local-date vs UTC-date mistakes show up
(Asia/Ho_Chi_Minh is UTC+7: 00:00–06:59 local is the previous UTC day). Runs on SQLite and PostgreSQL.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import delete, insert

from app.domain.overdue import overdue_days
from app.domain.period_report import (
    COLUMNS,
    LOCAL_TZ,
    PeriodRow,
    check_row,
    period_bounds,
    total_row,
    vn_number,
)
from app.services.context import Context
from app.services.period_report import period_report
from app.store import chain
from app.store.models import Agency, Dossier, Payment, Procedure

BASE = date(2024, 1, 10)
EXTRA = ("online_level3", "online_level4", "postal_received", "postal_returned")


@dataclass
class History:
    """One dossier's life as the store keeps it, plus its payments."""

    agency: int
    received_at: datetime
    status: str
    channel: str = "direct"
    online_level: int | None = None
    due_at: datetime | None = None
    original_due_at: datetime | None = None
    paused_at: datetime | None = None
    resumed_at: datetime | None = None
    paused_due_at: datetime | None = None
    resolved_at: datetime | None = None
    outcome: str | None = None
    cancelled_at: datetime | None = None
    returned_at: datetime | None = None
    result_by_post: bool = False
    fee_vnd: int = 0
    payments: list[tuple[int, datetime]] = field(default_factory=list)


def moment(day: int, hour: int, minute: int = 0) -> datetime:
    """Local wall-clock `hour:minute` on BASE + `day`, as UTC."""
    return datetime.combine(BASE + timedelta(days=day), time(hour, minute), LOCAL_TZ).astimezone(UTC)


later = st.builds(timedelta, days=st.integers(0, 12), hours=st.integers(0, 23), minutes=st.integers(0, 59))


@st.composite
def histories(draw: Any) -> History:
    """A consistent history: nothing closes before it is received."""
    received = moment(draw(st.integers(-8, 12)), draw(st.integers(0, 23)), draw(st.integers(0, 59)))
    channel = draw(st.sampled_from(("direct", "online", "postal")))
    h = History(agency=draw(st.integers(0, 1)), received_at=received, channel=channel,
                status=draw(st.sampled_from(("processing", "resolved", "returned", "withdrawn", "cancelled",
                                             "paused", "refused", "registered"))),
                online_level=draw(st.sampled_from((3, 4))) if channel == "online" else None,
                fee_vnd=draw(st.sampled_from((0, 0, 15_000, 200_000))))
    if draw(st.integers(0, 9)):
        h.due_at = received + draw(later)
        if draw(st.booleans()):
            h.original_due_at, h.due_at = h.due_at, h.due_at + draw(later)
    if h.status in ("resolved", "returned", "withdrawn"):
        h.resolved_at = received + draw(later)
        h.outcome = "returned_to_applicant" if draw(st.booleans()) else ("result" if h.status != "withdrawn" else None)
        if h.status == "returned" or draw(st.booleans()):
            h.returned_at = h.resolved_at + draw(later)
            h.result_by_post = draw(st.booleans())
    elif h.status == "cancelled":
        h.cancelled_at = received + draw(later)
    elif h.status == "paused" or draw(st.integers(0, 4)) == 0:
        h.paused_at = received + draw(later)
        h.paused_due_at = h.original_due_at or h.due_at
        if h.status != "paused":  # resumed since: the resume moved the due dates on
            h.resumed_at = h.paused_at + draw(later)
            moved = draw(later)
            h.due_at = h.due_at + moved if h.due_at else None
            h.original_due_at = h.original_due_at + moved if h.original_due_at else None
    for _ in range(draw(st.integers(0, 2))):
        h.payments.append((draw(st.sampled_from((10_000, 50_000))), received + draw(later)))
    return h


def reference(rows: list[History], date_from: date, date_to: date) -> dict[int, dict[str, int]]:
    """The definitions of RULES-VN.md applied dossier by dossier, in Python, on local dates."""
    b = period_bounds(date_from, date_to)
    out: dict[int, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    local_day = lambda t: t.astimezone(LOCAL_TZ).date()
    for h in rows:
        c = out[h.agency]
        c["fees_vnd"] += sum(a for a, at in h.payments if b.start <= at < b.end)  # paid, never a catalogue fee
        received_in = b.start <= h.received_at < b.end
        if h.status in ("refused", "registered") or h.received_at >= b.end:
            continue
        resolved = h.resolved_at or h.returned_at
        closed = resolved or h.cancelled_at
        if not received_in and closed is not None and closed < b.start:
            continue  # closed before the period
        c["in_scope"] += 1
        c["received_total"] += 1
        if not received_in:
            c["carried_over"] += 1
        elif h.channel == "online":
            c["received_online"] += 1
            c[f"online_level{h.online_level}"] += 1
        else:
            c["received_direct"] += 1
            c["postal_received"] += h.channel == "postal"
        if h.result_by_post and h.returned_at is not None and b.start <= h.returned_at < b.end:
            c["postal_returned"] += 1
        due = h.original_due_at or h.due_at
        places = 0
        if resolved is not None and b.start <= resolved < b.end:
            places += 1
            c["resolved_total"] += 1
            if due is None or local_day(resolved) == local_day(due):
                c["resolved_on_time"] += 1
            elif local_day(resolved) < local_day(due):
                c["resolved_early"] += 1
            else:
                c["resolved_late"] += 1
            if h.outcome == "returned_to_applicant" or h.status in ("withdrawn", "stopped"):
                c["returned_to_applicant"] += 1
        if resolved is None and h.cancelled_at is not None and b.start <= h.cancelled_at < b.end:
            places += 1
            c["cancelled"] += 1
        if closed is None or closed >= b.end:
            places += 1
            # as of the end of `to`: paused then? the due date then? then the one rule with `to` as today
            resumed_later = h.resumed_at is not None and h.resumed_at >= b.end
            paused_then = h.paused_at is not None and h.paused_at < b.end and (h.resumed_at is None or resumed_later)
            due_then = (h.paused_due_at or due) if resumed_later else due
            state = "paused" if paused_then else "processing"
            overdue = overdue_days(state, due_then, h.paused_at, date_to) is not None
            c["overdue" if overdue else "not_yet_due"] += 1
            if paused_then:
                c["paused"] += 1
        assert places == 1, f"a dossier in scope must be counted exactly once, got {places}: {h}"
    return out


@pytest.fixture()
def two_agencies(ctx: Context) -> tuple[Context, list[int], list[int]]:
    """A migrated store with two agencies of one procedure each."""
    with ctx.store.write() as s:
        s.execute(insert(Agency.__table__), [
            {"id": 1, "key": "A1", "name": "Sở Một", "identifier": "000.00.01.H99", "kind": "department",
             "sort_order": 2, "active": True},
            {"id": 2, "key": "A2", "name": "Sở Hai", "identifier": "000.00.02.H99", "kind": "department",
             "sort_order": 1, "active": True}])
        s.execute(insert(Procedure.__table__), [
            {"id": i, "code": f"P{i}", "name": f"Thủ tục {i}", "agency_id": i, "processing_value": 5,
             "processing_unit": "working_days", "supplement_policy": "pause", "fee_vnd": 0, "on_the_spot": False,
             "postal_allowed": True, "active": True, "sort_order": 0} for i in (1, 2)])
    return ctx, [1, 2], [1, 2]


def store_histories(ctx: Context, rows: list[History], agencies: list[int], procedures: list[int]) -> None:
    """Replace every dossier and payment with `rows`."""
    dossiers, payments = [], []
    for i, h in enumerate(rows):
        d_id = uuid.uuid4()
        values = {k: v for k, v in vars(h).items() if k not in ("agency", "payments")}
        dossiers.append({**values, "id": d_id, "code": f"H-{i}", "agency_id": agencies[h.agency],
                         "procedure_id": procedures[h.agency], "applicant_name": "Thử", "rule_set": "prop"})
        payments += [{"id": uuid.uuid4(), "dossier_id": d_id, "amount_vnd": a, "paid_at": at} for a, at in h.payments]
    with ctx.store.write() as s, chain.triggers_off(s.connection()):  # payments are append-only: a scratch reset
        s.execute(delete(Payment))
        s.execute(delete(Dossier))
        if dossiers:
            s.execute(insert(Dossier.__table__), dossiers)
        if payments:
            s.execute(insert(Payment.__table__), payments)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=st.lists(histories(), max_size=25), start=st.integers(-3, 4), length=st.integers(0, 6))
def test_sql_report_equals_the_reference_and_balances(two_agencies: Any, rows: list[History], start: int,
                                                       length: int) -> None:
    ctx, agencies, procedures = two_agencies
    date_from = BASE + timedelta(days=start)
    date_to = date_from + timedelta(days=length)
    store_histories(ctx, rows, agencies, procedures)
    report = period_report(ctx, date_from, date_to)
    expected = reference(rows, date_from, date_to)
    shown = {agencies.index(r.agency_id): r for r in report.rows}
    assert set(shown) == {a for a, c in expected.items() if c["in_scope"] or c["fees_vnd"]}
    assert [r.agency_id for r in report.rows] == sorted(r.agency_id for r in report.rows)[::-1]  # sort_order
    for a, row in shown.items():
        for name in [c[0] for c in COLUMNS] + list(EXTRA):
            assert getattr(row, name) == expected[a][name], (name, row, dict(expected[a]))
    assert report.violations == ()
    assert report.total == total_row(report.rows)


def test_by_field_and_by_agency_agree_on_random_data(two_agencies: Any) -> None:
    ctx, agencies, procedures = two_agencies
    rows = [History(agency=i % 2, received_at=moment(i % 7, (5 * i) % 24), status="processing",
                    due_at=moment(i % 9, 17), fee_vnd=1000 * i) for i in range(40)]
    store_histories(ctx, rows, agencies, procedures)
    by_agency = period_report(ctx, BASE, BASE + timedelta(days=4))
    by_field = period_report(ctx, BASE, BASE + timedelta(days=4), by="field")
    assert by_field.total == by_agency.total
    assert all(r.label.endswith("(chưa phân lĩnh vực)") for r in by_field.rows)


def test_identity_checks_name_every_broken_rule() -> None:
    row = PeriodRow("Sở X", received_direct=3, received_total=4, resolved_early=1, resolved_total=2, paused=5,
                    returned_to_applicant=3)
    found = {v.identity for v in check_row(row)}
    assert found == {"(4) = (1)+(2)+(3)", "(8) = (5)+(6)+(7)", "(4) = (8)+(9)+(10)+(12)", "(11) ≤ (9)+(10)",
                     "(13) ≤ (8)"}


def test_vietnamese_number_format() -> None:
    assert vn_number(1_414_812_973) == "1.414.812.973"
    assert vn_number(0) == "0" and vn_number(999) == "999" and vn_number(1000) == "1.000"


def test_period_bounds_are_local_midnights() -> None:
    b = period_bounds(date(2019, 9, 3), date(2020, 5, 12))
    assert b.start == datetime(2019, 9, 2, 17, tzinfo=UTC)
    assert b.end == datetime(2020, 5, 12, 17, tzinfo=UTC)
    assert b.to_start == datetime(2020, 5, 11, 17, tzinfo=UTC)
    with pytest.raises(ValueError):
        period_bounds(date(2020, 1, 2), date(2020, 1, 1))
