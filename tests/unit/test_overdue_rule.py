"""The one overdue rule (app.domain.overdue): properties over states, due dates, pauses and days."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

from hypothesis import given
from hypothesis import strategies as st

from app.domain.calendar import LOCAL_TZ
from app.domain.dossier import DossierStatus
from app.domain.lifecycle import OPEN
from app.domain.overdue import clock_stopped, overdue_days, reference_due

DAY0 = date(2026, 11, 2)
RUNNING = sorted(s.value for s in OPEN if s is not DossierStatus.PAUSED)
CLOSED = sorted(s.value for s in DossierStatus if s not in OPEN)


def local(day: int, hour: int = 17) -> datetime:
    return datetime.combine(DAY0 + timedelta(days=day), time(hour % 24), LOCAL_TZ).astimezone(UTC)


days, hours = st.integers(-30, 30), st.integers(0, 23)


@given(st.sampled_from(RUNNING), days, hours, days)
def test_a_running_dossier_is_late_by_the_calendar_days_past_its_due_date(state: str, due: int, hour: int,
                                                                          today: int) -> None:
    got = overdue_days(state, local(due, hour), None, DAY0 + timedelta(days=today))
    assert got == (today - due if today > due else None)


@given(st.sampled_from(CLOSED), days, days)
def test_a_closed_dossier_is_never_late(state: str, due: int, today: int) -> None:
    assert overdue_days(state, local(due), local(due - 40), DAY0 + timedelta(days=today)) is None


@given(days, hours, st.integers(0, 30), days)
def test_paused_on_or_before_the_due_date_is_not_late_while_paused(due: int, hour: int, before: int,
                                                                   today: int) -> None:
    paused = local(due - before, hour)
    assert clock_stopped("paused", local(due), paused)
    assert overdue_days("paused", local(due), paused, DAY0 + timedelta(days=today)) is None


@given(days, st.integers(1, 30), days)
def test_paused_after_the_due_date_stays_late_like_a_running_one(due: int, after: int, today: int) -> None:
    paused = local(due + after, 8)
    assert overdue_days("paused", local(due), paused, DAY0 + timedelta(days=today)) == overdue_days(
        "processing", local(due), None, DAY0 + timedelta(days=today))


def test_edges_local_dates_unknown_pause_and_no_due_date() -> None:
    due = local(0, 17)
    assert overdue_days("processing", due, None, DAY0) is None  # on the due date itself: on time
    assert overdue_days("processing", due, None, DAY0 + timedelta(days=1)) == 1
    # 06:30 local the day after is still the due date in UTC: late by the local date
    assert overdue_days("processing", local(0, 0), None, DAY0 + timedelta(days=1)) == 1
    assert overdue_days("paused", due, None, DAY0 + timedelta(days=9)) is None  # pause moment unknown
    assert overdue_days("processing", None, None, DAY0 + timedelta(days=9)) is None
    assert reference_due(local(1), local(5)) == local(1) and reference_due(None, local(5)) == local(5)
