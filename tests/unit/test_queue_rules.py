"""Queue rules: allowed ticket changes, numbering within a range, priority interleaving, wait estimate."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain.queue import (TRANSITIONS, Candidate, QueueError, TicketStatus, choose_next, display_number,
                              estimated_wait_minutes, next_status, number_for)


# The hall's rules written out by hand (not read from the code): the status each event leads to from each status,
# "—" where the event is refused. A change to the code's TRANSITIONS must be made here too, on purpose.
STATUSES = ("waiting", "called", "serving", "finished", "no_show", "transferred", "cancelled")
EXPECTED = {
    #               waiting        called         serving        finished no_show transferred cancelled
    "called":      ("called",      "—",           "—",           "—",     "—",    "—",        "—"),
    "recalled":    ("—",           "called",      "—",           "—",     "—",    "—",        "—"),
    "serving":     ("—",           "serving",     "—",           "—",     "—",    "—",        "—"),
    "finished":    ("—",           "finished",    "finished",    "—",     "—",    "—",        "—"),
    "no_show":     ("—",           "no_show",     "—",           "—",     "—",    "—",        "—"),
    "transferred": ("transferred", "transferred", "transferred", "—",     "—",    "—",        "—"),
    "cancelled":   ("cancelled",   "—",           "—",           "—",     "—",    "—",        "—"),
}


def test_every_transition_pair_is_allowed_or_refused_as_the_table_says() -> None:
    assert {s.value for s in TicketStatus} == set(STATUSES)
    assert set(TRANSITIONS) == set(EXPECTED)  # no event the table above does not know
    for event, row in EXPECTED.items():
        for status, expected in zip(STATUSES, row, strict=True):
            if expected != "—":
                assert next_status(TicketStatus(status), event, "1001") is TicketStatus(expected), (event, status)
            else:
                with pytest.raises(QueueError, match="1001"):
                    next_status(TicketStatus(status), event, "1001")


def test_finished_tickets_cannot_be_called_again() -> None:
    with pytest.raises(QueueError, match="Đã xong"):
        next_status(TicketStatus.FINISHED, "called", "1001")


@given(st.integers(1, 50_000), st.integers(0, 5000), st.integers(1, 999))
def test_numbers_stay_in_range_and_wrap(seq: int, start: int, width: int) -> None:
    end = start + width
    n = number_for(seq, start, end)
    assert start <= n <= end
    assert n == number_for(seq + width + 1, start, end)  # wraps after a full range


def test_display_numbers() -> None:
    assert display_number("", 1023, 1999) == "1023"
    assert display_number("A", 7, 999) == "A007"


N, P = Candidate("n", False), Candidate("p", True)


def test_priority_interleaving() -> None:
    assert choose_next(N, P, normals_since_priority=10**6, priority_every=3) is P  # first priority goes first
    assert choose_next(N, P, normals_since_priority=0, priority_every=3) is N
    assert choose_next(N, P, normals_since_priority=2, priority_every=3) is N
    assert choose_next(N, P, normals_since_priority=3, priority_every=3) is P
    assert choose_next(None, P, 0, 3) is P and choose_next(N, None, 99, 3) is N
    assert choose_next(None, None, 0, 3) is None
    assert choose_next(N, P, 0, 0) is P  # 0 = priority always first


@given(st.lists(st.booleans(), max_size=200), st.integers(1, 6))
def test_nobody_waits_forever(arrivals: list[bool], every: int) -> None:
    """With both kinds always waiting, normals get `every` calls between two priority calls."""
    streak, calls = 10**6, []
    for _ in arrivals:
        chosen = choose_next(N, P, streak, every)
        calls.append(chosen.is_priority if chosen else None)
        streak = 0 if chosen is P else streak + 1
    runs = "".join("P" if c else "N" for c in calls).split("P")[1:-1]
    assert all(len(r) == every for r in runs)


def test_wait_estimate() -> None:
    assert estimated_wait_minutes(0, 10, 2) == 0
    assert estimated_wait_minutes(6, 10, 2) == 30
    assert estimated_wait_minutes(1, 3, 4) == 1
