"""Tests of the working calendar, legal due dates and timeliness."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain.calendar import (
    LOCAL_TZ,
    WorkingCalendar,
    add_working_time,
    due_at,
    effective_receipt,
    timeliness,
    vn_makeup_working_days,
    vn_public_holidays,
)

# 02/01/2026 off and Saturday 10/01/2026 worked are missing from the package (RULES-VN.md).
CAL = WorkingCalendar.for_vietnam(
    range(2023, 2028),
    extra_days_off=[date(2026, 1, 2)],
    makeup_working_days=[date(2026, 1, 10)],
)
CLOSE = time(17, 0)


def at(y: int, m: int, d: int, hh: int = 9, mm: int = 0) -> datetime:
    """Local Vietnamese time."""
    return datetime(y, m, d, hh, mm, tzinfo=LOCAL_TZ)


def close(y: int, m: int, d: int) -> datetime:
    """17:00 local on that day."""
    return at(y, m, d, 17, 0)


# --- the calendar --------------------------------------------------------------------------------


def test_weekends_are_off() -> None:
    assert CAL.is_working_day(date(2023, 10, 27))  # Friday
    assert not CAL.is_working_day(date(2023, 10, 28))  # Saturday
    assert not CAL.is_working_day(date(2023, 10, 29))  # Sunday
    assert CAL.is_working_day(date(2023, 10, 30))  # Monday


@pytest.mark.parametrize("day", range(8, 15))
def test_tet_2024_is_off(day: int) -> None:
    assert not CAL.is_working_day(date(2024, 2, day))


@pytest.mark.parametrize("day", range(14, 23))
def test_tet_2026_is_off(day: int) -> None:
    assert not CAL.is_working_day(date(2026, 2, day))


def test_working_days_around_tet_2026() -> None:
    assert CAL.is_working_day(date(2026, 2, 13))
    assert CAL.next_working_day(date(2026, 2, 13)) == date(2026, 2, 23)


def test_package_holidays() -> None:
    holidays_2024 = vn_public_holidays(2024)
    assert {date(2024, 1, 1), date(2024, 2, 10), date(2024, 9, 2)} <= holidays_2024
    assert date(2024, 4, 29) in holidays_2024  # substitute day off
    assert vn_public_holidays([2024, 2026]) >= holidays_2024 | {date(2026, 2, 17)}


def test_package_makeup_days_and_centre_entries() -> None:
    assert vn_makeup_working_days([2024]) == {date(2024, 5, 4)}
    assert CAL.is_working_day(date(2024, 5, 4))  # Saturday worked for 29/04/2024
    assert not CAL.is_working_day(date(2024, 4, 29))
    assert not CAL.is_working_day(date(2026, 1, 2))  # extra day off
    assert CAL.is_working_day(date(2026, 1, 10))  # make-up Saturday


def test_extra_day_off_wins_over_makeup_day() -> None:
    saturday = date(2026, 1, 10)
    cal = WorkingCalendar(makeup_working_days={saturday}, extra_days_off={saturday})
    assert not cal.is_working_day(saturday)


def test_makeup_day_wins_over_holiday() -> None:
    day = date(2026, 1, 1)
    assert WorkingCalendar(holidays={day}, makeup_working_days={day}).is_working_day(day)


def test_add_working_days_both_ways() -> None:
    friday = date(2023, 10, 27)
    assert CAL.add_working_days(friday, 0) == friday
    assert CAL.add_working_days(friday, 1) == date(2023, 10, 30)
    assert CAL.add_working_days(friday, 5) == date(2023, 11, 3)
    assert CAL.add_working_days(date(2023, 11, 3), -5) == friday
    assert CAL.previous_working_day(date(2023, 10, 30)) == friday


def test_bad_periods_are_refused() -> None:
    with pytest.raises(ValueError):
        WorkingCalendar(periods=())
    with pytest.raises(ValueError):
        WorkingCalendar(periods=((time(11), time(7)),))
    with pytest.raises(ValueError):
        WorkingCalendar(periods=((time(7), time(12)), (time(11), time(17))))


def test_calendar_without_working_days_is_refused() -> None:
    start = date(2023, 1, 1)
    every_day = {start + timedelta(days=i) for i in range(4000)}
    with pytest.raises(ValueError, match="no working day"):
        WorkingCalendar(holidays=every_day).next_working_day(start)


def test_calendar_is_hashable_value() -> None:
    assert hash(WorkingCalendar(holidays={date(2024, 1, 1)})) == hash(
        WorkingCalendar(holidays=frozenset({date(2024, 1, 1)}))
    )


# --- working days --------------------------------------------------------------------------------


def test_worked_example() -> None:
    due = due_at(at(2023, 10, 27, 9, 32), 5, "working_days", CAL)
    assert due == close(2023, 11, 3)
    assert due.tzinfo == LOCAL_TZ


def test_receipt_day_is_not_counted() -> None:
    assert due_at(at(2023, 10, 30, 7, 0), 1, "working_days", CAL) == close(2023, 10, 31)


def test_weekend_is_skipped() -> None:
    assert due_at(at(2023, 11, 3, 10), 1, "working_days", CAL) == close(2023, 11, 6)


def test_received_on_saturday_counts_from_monday() -> None:
    assert due_at(at(2023, 11, 4, 10), 1, "working_days", CAL) == close(2023, 11, 7)


def test_received_after_closing_counts_from_next_morning() -> None:
    assert due_at(at(2023, 10, 27, 17, 30), 5, "working_days", CAL) == close(2023, 11, 6)


def test_received_at_closing_counts_that_day() -> None:
    assert due_at(at(2023, 10, 27, 17, 0), 5, "working_days", CAL) == close(2023, 11, 3)


@pytest.mark.parametrize(
    ("hh", "mm", "due_day"),
    [(14, 59, 3), (15, 0, 3), (15, 1, 6), (16, 30, 6)],
)
def test_cutoff_hour(hh: int, mm: int, due_day: int) -> None:
    due = due_at(at(2023, 10, 27, hh, mm), 5, "working_days", CAL, cutoff=time(15, 0))
    assert due == close(2023, 11, due_day)


def test_tet_2024_is_skipped() -> None:
    assert due_at(at(2024, 2, 7, 10), 1, "working_days", CAL) == close(2024, 2, 15)


def test_tet_2026_is_skipped() -> None:
    assert due_at(at(2026, 2, 13, 9), 1, "working_days", CAL) == close(2026, 2, 23)


def test_new_year_2026_extra_day_off() -> None:
    assert due_at(at(2025, 12, 31, 10), 3, "working_days", CAL) == close(2026, 1, 7)


def test_makeup_saturday_counts() -> None:
    assert due_at(at(2026, 1, 8, 10), 2, "working_days", CAL) == close(2026, 1, 10)
    plain = WorkingCalendar.for_vietnam(2026)
    assert due_at(at(2026, 1, 8, 10), 2, "working_days", plain) == close(2026, 1, 12)


def test_other_timezones_are_converted() -> None:
    utc = datetime(2023, 10, 27, 2, 32, tzinfo=timezone.utc)  # 09:32 in Hà Nội
    assert due_at(utc, 5, "working_days", CAL) == close(2023, 11, 3)
    late_utc = datetime(2023, 10, 27, 10, 30, tzinfo=timezone.utc)  # 17:30 in Hà Nội
    assert due_at(late_utc, 5, "working_days", CAL) == close(2023, 11, 6)


def test_naive_datetime_is_refused() -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        due_at(datetime(2023, 10, 27, 9, 32), 5, "working_days", CAL)


def test_custom_closing_time() -> None:
    cal = WorkingCalendar(periods=((time(7, 30), time(11, 30)), (time(13, 0), time(16, 30))))
    assert due_at(at(2023, 10, 27, 9, 32), 5, "working_days", cal) == at(2023, 11, 3, 16, 30)


@pytest.mark.parametrize(("value", "unit"), [(-1, "working_days"), (1, "days"), (1, "")])
def test_bad_arguments_are_refused(value: int, unit: str) -> None:
    with pytest.raises(ValueError):
        due_at(at(2023, 10, 27), value, unit, CAL)


# --- same day ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("received", "cutoff", "due"),
    [
        (at(2023, 10, 30, 9, 0), None, close(2023, 10, 30)),
        (at(2023, 10, 30, 6, 30), None, close(2023, 10, 30)),  # before opening
        (at(2023, 10, 30, 12, 0), None, close(2023, 10, 30)),  # lunch break
        (at(2023, 10, 30, 16, 59), None, close(2023, 10, 30)),
        (at(2023, 10, 30, 17, 1), None, close(2023, 10, 31)),
        (at(2023, 10, 30, 14, 0), time(15, 0), close(2023, 10, 30)),
        (at(2023, 10, 30, 16, 0), time(15, 0), close(2023, 10, 31)),
        (at(2023, 11, 3, 16, 0), time(15, 0), close(2023, 11, 6)),  # Friday after cut-off
        (at(2023, 11, 4, 9, 0), None, close(2023, 11, 6)),  # Saturday
        (at(2026, 1, 10, 9, 0), None, close(2026, 1, 10)),  # make-up Saturday
    ],
)
def test_same_day(received: datetime, cutoff: time | None, due: datetime) -> None:
    assert due_at(received, 0, "same_day", CAL, cutoff) == due


# --- calendar days -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("received", "days", "due"),
    [
        (at(2023, 10, 30, 10), 3, close(2023, 11, 2)),
        (at(2023, 10, 30, 10), 5, close(2023, 11, 6)),  # ends Saturday → Monday
        (at(2023, 10, 30, 10), 6, close(2023, 11, 6)),  # ends Sunday → Monday
        (at(2023, 10, 25, 10), 10, close(2023, 11, 6)),
        (at(2024, 2, 1, 10), 10, close(2024, 2, 15)),  # ends in Tết → first day after
        (at(2023, 10, 27, 17, 30), 3, close(2023, 11, 2)),  # after closing: from Monday
        (at(2023, 10, 28, 10), 3, close(2023, 11, 2)),  # Saturday: from Monday
    ],
)
def test_calendar_days(received: datetime, days: int, due: datetime) -> None:
    assert due_at(received, days, "calendar_days", CAL) == due


# --- working hours -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("received", "hours", "due"),
    [
        (at(2023, 10, 30, 8, 0), 2, at(2023, 10, 30, 10, 0)),
        (at(2023, 10, 30, 10, 30), 4, at(2023, 10, 30, 16, 30)),  # across lunch
        (at(2023, 10, 30, 8, 30), 3, at(2023, 10, 30, 11, 30)),  # ends at the break, not after it
        (at(2023, 10, 30, 12, 0), 2, at(2023, 10, 30, 15, 30)),  # received in the lunch break
        (at(2023, 10, 30, 6, 0), 1, at(2023, 10, 30, 8, 0)),  # before opening
        (at(2023, 10, 30, 7, 0), 8, at(2023, 10, 30, 17, 0)),  # a full day
        (at(2023, 10, 30, 16, 0), 4, at(2023, 10, 31, 10, 0)),  # overnight
        (at(2023, 10, 30, 18, 0), 4, at(2023, 10, 31, 11, 0)),  # after closing
        (at(2023, 11, 3, 16, 0), 4, at(2023, 11, 6, 10, 0)),  # over the weekend
        (at(2023, 10, 30, 7, 0), 24, at(2023, 11, 1, 17, 0)),  # three working days
        (at(2024, 2, 7, 16, 0), 2, at(2024, 2, 15, 8, 0)),  # over Tết
    ],
)
def test_working_hours(received: datetime, hours: int, due: datetime) -> None:
    assert due_at(received, hours, "working_hours", CAL) == due


def test_working_hours_after_cutoff_start_next_morning() -> None:
    due = due_at(at(2023, 10, 30, 15, 30), 2, "working_hours", CAL, cutoff=time(15, 0))
    assert due == at(2023, 10, 31, 9, 0)


def test_add_working_time_minutes() -> None:
    start = at(2023, 10, 30, 11, 0)
    assert add_working_time(start, timedelta(minutes=45), CAL) == at(2023, 10, 30, 13, 45)


def test_effective_receipt() -> None:
    assert effective_receipt(at(2023, 10, 30, 10), CAL) == at(2023, 10, 30, 10)
    assert effective_receipt(at(2023, 10, 28, 10), CAL) == at(2023, 10, 30, 7, 0)


# --- timeliness ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("resolved", "due", "expected"),
    [
        (date(2023, 11, 2), date(2023, 11, 3), "early"),
        (date(2023, 11, 3), date(2023, 11, 3), "on_time"),
        (date(2023, 11, 4), date(2023, 11, 3), "late"),
    ],
)
def test_timeliness(resolved: date, due: date, expected: str) -> None:
    assert timeliness(resolved, due) == expected


def test_timeliness_compares_local_dates_of_datetimes() -> None:
    due = close(2023, 11, 3)
    assert timeliness(at(2023, 11, 3, 23, 59), due) == "on_time"  # same date, after 17:00
    evening_utc = datetime(2023, 11, 3, 18, 0, tzinfo=timezone.utc)  # 01:00 on the 4th in Hà Nội
    assert timeliness(evening_utc, due) == "late"


# --- properties ----------------------------------------------------------------------------------

received_times = st.datetimes(
    min_value=datetime(2023, 1, 1), max_value=datetime(2026, 12, 1)
).map(lambda d: d.replace(tzinfo=LOCAL_TZ))
units = st.sampled_from(["working_days", "calendar_days", "working_hours", "same_day"])
cutoffs = st.sampled_from([None, time(11, 0), time(15, 0), time(16, 30)])
values = st.integers(min_value=0, max_value=40)


@given(received_times, values, units, cutoffs)
def test_due_is_a_working_moment_after_receipt(
    received: datetime, value: int, unit: str, cutoff: time | None
) -> None:
    due = due_at(received, value, unit, CAL, cutoff)
    assert CAL.is_working_day(due.date())
    assert due >= received
    if unit != "working_hours":
        assert due.time() == CLOSE
    elif value > 0:
        assert any(begin < due <= end for begin, end in CAL.periods_on(due.date()))


@given(received_times, received_times, values, units, cutoffs)
def test_monotonic_in_received_time(
    first: datetime, second: datetime, value: int, unit: str, cutoff: time | None
) -> None:
    early, late = sorted((first, second))
    assert due_at(early, value, unit, CAL, cutoff) <= due_at(late, value, unit, CAL, cutoff)


@given(received_times, values, units, cutoffs)
def test_monotonic_in_value(received: datetime, value: int, unit: str, cutoff: time | None) -> None:
    shorter = due_at(received, value, unit, CAL, cutoff)
    longer = due_at(received, value + 1, unit, CAL, cutoff)
    assert shorter <= longer
    if unit in ("working_days", "working_hours"):
        assert shorter < longer


@given(received_times, values, cutoffs)
def test_working_days_counts_exactly_n_days_after_receipt(
    received: datetime, value: int, cutoff: time | None
) -> None:
    start = effective_receipt(received, CAL, cutoff).date()
    due = due_at(received, value, "working_days", CAL, cutoff).date()
    days = [start + timedelta(days=i) for i in range(1, (due - start).days + 1)]
    assert sum(CAL.is_working_day(d) for d in days) == value


@given(st.dates(min_value=date(2023, 1, 1), max_value=date(2026, 12, 1)), values)
def test_add_working_days_round_trip(day: date, n: int) -> None:
    working = CAL.working_day_on_or_after(day)
    assert CAL.add_working_days(CAL.add_working_days(working, n), -n) == working
