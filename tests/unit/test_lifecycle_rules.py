"""The dossier's transition table, pause/restart arithmetic of the due date, and the apology rules (pure domain)."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.domain import calendar
from app.domain import lifecycle as rules
from app.domain.dossier import DossierStatus
from app.domain.lifecycle import Action, TransitionRefused

VN = ZoneInfo("Asia/Ho_Chi_Minh")
CAL = calendar.WorkingCalendar(holidays={date(2023, 9, 1), date(2023, 9, 2), date(2024, 1, 1)},
                               extra_days_off={date(2023, 11, 20)}, makeup_working_days={date(2023, 11, 25)})

# The specification, written out independently of the table: action -> (allowed from, to; None = unchanged).
OPEN_RUNNING = {"received", "processing", "waiting_payment"}
EXPECTED: dict[str, tuple[set[str], str | None]] = {
    "hand_over": ({"received", "processing"}, "processing"),
    "hand_back": ({"processing", "waiting_payment"}, "resolved"),
    "request_supplement": ({"received", "processing"}, "paused"),
    "resume": ({"paused"}, "processing"),
    "await_payment": ({"received", "processing"}, "waiting_payment"),
    "paid": ({"waiting_payment"}, "processing"),
    "withdraw": (OPEN_RUNNING | {"paused"}, "withdrawn"),
    "stop": (OPEN_RUNNING | {"paused"}, "stopped"),
    "cancel": (OPEN_RUNNING | {"paused", "registered"}, "cancelled"),
    "resolve": ({"received", "processing"}, "resolved"),
    "return_result": ({"resolved"}, "returned"),
    "dispatch_by_post": ({"resolved"}, "returned"),
    "apology": (OPEN_RUNNING, None),
    "accept": ({"registered"}, "received"),
    "refuse": ({"registered"}, "refused"),
}
PAIRS = [(s, a) for s in DossierStatus for a in Action]


def test_the_specification_names_every_action() -> None:
    assert set(EXPECTED) == {a.value for a in Action} and len(Action) == 15


@pytest.mark.parametrize(("status", "action"), PAIRS, ids=[f"{s.value}-{a.value}" for s, a in PAIRS])
def test_every_state_and_action_is_allowed_or_refused_as_specified(status: DossierStatus, action: Action) -> None:
    sources, target = EXPECTED[action.value]
    if status.value in sources:
        assert rules.check_transition(status, action).value == (target or status.value)
    else:
        with pytest.raises(TransitionRefused) as info:
            rules.check_transition(status.value, action)
        message = str(info.value)
        assert message.startswith("Không thể ") and f"«{status.label}»" in message and "chỉ được khi" in message
        assert "hồ sơ hồ sơ" not in message  # issue 14.6: «Không thể rút hồ sơ: hồ sơ đang ở …»


def test_closed_dossiers_accept_nothing() -> None:
    for status in ("returned", "withdrawn", "stopped", "cancelled", "refused"):
        assert not [a for a in Action if DossierStatus(status) in rules.TRANSITIONS[a].sources]


def test_refusal_message_is_vietnamese_and_names_the_allowed_states() -> None:
    with pytest.raises(TransitionRefused, match="Không thể trả kết quả: hồ sơ đang ở trạng thái «Đang giải quyết»; "
                                                "chỉ được khi hồ sơ «Đã có kết quả»"):
        rules.check_transition("processing", Action.RETURN_RESULT)


def test_actions_parse_by_either_spelling_and_unknown_ones_are_refused() -> None:
    assert rules.parse_action("hand-over") is rules.parse_action("hand_over") is Action.HAND_OVER
    with pytest.raises(TransitionRefused, match="Không có thao tác «fly»"):
        rules.parse_action("fly")


def test_needed_details() -> None:
    assert rules.missing_details(Action.HAND_OVER, {"unit": "  "}) == ["unit"]
    assert rules.missing_details(Action.APOLOGY, {"reason": "Chờ ý kiến"}) == ["new_date"]
    assert rules.missing_details(Action.RESOLVE, {}) == []


# --- supplement: pause and restart ---------------------------------------------------------------------------

def at(y: int, m: int, d: int, hh: int = 9, mm: int = 0) -> datetime:
    return datetime(y, m, d, hh, mm, tzinfo=VN)


def test_working_time_between_skips_breaks_nights_and_days_off() -> None:
    assert rules.working_time_between(at(2023, 10, 27, 9), at(2023, 10, 27, 14), CAL) == timedelta(hours=3, minutes=0)
    # Friday 16:00 → Monday 08:00: one hour on Friday, one on Monday
    assert rules.working_time_between(at(2023, 10, 27, 16), at(2023, 10, 30, 8), CAL) == timedelta(hours=2)
    assert rules.working_time_between(at(2023, 10, 30), at(2023, 10, 27), CAL) == timedelta(0)


def test_pause_example_adds_back_the_working_days_left() -> None:
    due = CAL.closing_on(date(2023, 11, 3))  # Friday
    # paused Tuesday 31/10 at 07:00 (4 full days left), resumed Monday 6/11 at 07:00 → due Thursday 9/11
    new = rules.due_after_pause(at(2023, 10, 31, 7), at(2023, 11, 6, 7), due, CAL, "working_days")
    assert new == CAL.closing_on(date(2023, 11, 9))
    # over the extra day off 20/11 and the make-up Saturday 25/11
    due = CAL.closing_on(date(2023, 11, 17))
    new = rules.due_after_pause(at(2023, 11, 16, 7), at(2023, 11, 17, 7), due, CAL, "working_days")
    assert new == CAL.closing_on(date(2023, 11, 21))


def test_restart_counts_the_full_time_from_the_resume() -> None:
    assert rules.due_after_restart(at(2023, 11, 6, 10), 5, "working_days", CAL) == CAL.closing_on(date(2023, 11, 13))


moments = st.datetimes(min_value=datetime(2023, 8, 1), max_value=datetime(2023, 12, 20)).map(
    lambda m: m.replace(second=0, microsecond=0, tzinfo=VN))
working_moments = moments.filter(lambda m: CAL.is_working_day(m.date()) and any(
    a <= m.time() < b for a, b in CAL.periods))


@settings(max_examples=150, deadline=None)
@given(paused=moments, pause_length=st.timedeltas(timedelta(0), timedelta(days=40)),
       hours_left=st.integers(0, 200))
def test_pause_keeps_the_working_time_left(paused: datetime, pause_length: timedelta, hours_left: int) -> None:
    due = calendar.add_working_time(paused, timedelta(hours=hours_left), CAL)
    resumed = paused + pause_length
    new = rules.due_after_pause(paused, resumed, due, CAL, "working_hours")
    assert rules.working_time_between(resumed, new, CAL) == rules.working_time_between(paused, due, CAL)
    assert new >= due


@settings(max_examples=150, deadline=None)
@given(paused=working_moments, pause_days=st.integers(0, 30), days_left=st.integers(1, 30))
def test_pause_in_days_lands_on_a_closing_time_and_never_shortens(paused: datetime, pause_days: int,
                                                                  days_left: int) -> None:
    due = CAL.closing_on(CAL.add_working_days(paused.date(), days_left))
    resumed = datetime.combine(CAL.add_working_days(paused.date(), pause_days), paused.time(), VN)
    new = rules.due_after_pause(paused, resumed, due, CAL, "working_days")
    assert new.timetz().replace(tzinfo=None) == CAL.closing and CAL.is_working_day(new.date())
    assert new == CAL.closing_on(CAL.add_working_days(due.date(), pause_days))  # pushed by exactly the pause


@settings(max_examples=100, deadline=None)
@given(resumed=moments, value=st.integers(0, 40), unit=st.sampled_from(["working_days", "calendar_days",
                                                                        "working_hours", "same_day"]))
def test_restart_is_a_new_receipt_at_the_resume(resumed: datetime, value: int, unit: str) -> None:
    assert rules.due_after_restart(resumed, value, unit, CAL) == calendar.due_at(resumed, value, unit, CAL)


def test_only_one_supplement_request() -> None:
    rules.check_supplement_request(0)
    with pytest.raises(TransitionRefused, match="một lần duy nhất"):
        rules.check_supplement_request(1)


# --- apology (Mẫu 04) ---------------------------------------------------------------------------------------

DUE_MONDAY = CAL.closing_on(date(2023, 11, 6))


def test_apology_up_to_one_working_day_before_the_due_date() -> None:
    assert rules.latest_apology_day(date(2023, 11, 6), CAL) == date(2023, 11, 3)  # Friday before the Monday
    new = rules.check_apology(0, DUE_MONDAY, date(2023, 11, 3), date(2023, 11, 10), CAL)
    assert new == datetime.combine(date(2023, 11, 10), time(17), VN)
    for too_late in (date(2023, 11, 4), date(2023, 11, 6), date(2023, 11, 7)):
        with pytest.raises(TransitionRefused, match="chậm nhất 01 ngày làm việc trước ngày hẹn trả"):
            rules.check_apology(0, DUE_MONDAY, too_late, date(2023, 11, 10), CAL)


def test_apology_only_once_and_to_a_later_working_day() -> None:
    with pytest.raises(TransitionRefused, match="một lần"):
        rules.check_apology(1, DUE_MONDAY, date(2023, 11, 1), date(2023, 11, 10), CAL)
    with pytest.raises(TransitionRefused, match="phải sau ngày hẹn cũ"):
        rules.check_apology(0, DUE_MONDAY, date(2023, 11, 1), date(2023, 11, 6), CAL)
    with pytest.raises(TransitionRefused, match="không phải ngày làm việc"):
        rules.check_apology(0, DUE_MONDAY, date(2023, 11, 1), date(2023, 11, 11), CAL)


@settings(max_examples=100, deadline=None)
@given(due_day=st.dates(date(2023, 8, 1), date(2023, 12, 20)), today=st.dates(date(2023, 7, 1), date(2023, 12, 31)))
def test_apology_window_matches_add_working_days(due_day: date, today: date) -> None:
    due = CAL.closing_on(due_day)
    new_day = CAL.add_working_days(max(due_day, today), 3)
    allowed = CAL.add_working_days(due_day, -1) >= today
    if allowed:
        assert rules.check_apology(0, due, today, new_day, CAL) == CAL.closing_on(new_day)
    else:
        with pytest.raises(TransitionRefused):
            rules.check_apology(0, due, today, new_day, CAL)


def test_statistics_use_the_original_due_date() -> None:
    original, moved = CAL.closing_on(date(2023, 11, 6)), CAL.closing_on(date(2023, 11, 10))
    assert rules.statistical_timeliness(at(2023, 11, 8), original, moved) == "late"
    assert rules.statistical_timeliness(at(2023, 11, 6), original, moved) == "on_time"
    assert rules.statistical_timeliness(at(2023, 11, 8), None, moved) == "early"
