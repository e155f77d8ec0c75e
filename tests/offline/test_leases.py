"""Number leases on the central store: never overlapping, sized from the day's pace, given back or recorded as
unused, the next working day's taken before closing time."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from app.services import offline_central as central
from app.services.context import Actor, Context
from app.services.queue import issue_ticket
from app.services.settings import set_centre_settings
from app.store.models import NumberLease, Sequence
from tests.offline.helpers import Clock, service_id, station

pytestmark = pytest.mark.postgres
MONDAY, TUESDAY = date(2026, 11, 30), date(2026, 12, 1)


def _sequence(ctx: Context, kind: str, scope: str, day: date) -> int:
    with ctx.store.read() as s:
        return int(s.scalar(select(Sequence.value).where(Sequence.kind == kind, Sequence.scope == scope,
                                                         Sequence.day == day)) or 0)


def test_blocks_of_two_kiosks_and_the_central_numbering_never_overlap(central_ctx: Context, tmp_path: Path,
                                                                      clock: Clock) -> None:
    a = station(central_ctx, tmp_path / "a", "kiosk", clock)
    b = station(central_ctx, tmp_path / "b", "kiosk", clock)
    seqs: list[int] = []
    a.sync_now()
    seqs.append(issue_ticket(central_ctx, "DD").number - 1000)
    b.sync_now()
    seqs.append(issue_ticket(central_ctx, "DD").number - 1000)
    scope = f"service:{service_id(central_ctx, 'DD')}"
    blocks = [range(x.first_seq, x.last_seq + 1) for st in (a, b) for x in st.journal.leases() if x.scope == scope
              and x.day == MONDAY]
    assert len(blocks) == 2
    taken = [n for block in blocks for n in block] + seqs
    assert len(taken) == len(set(taken)) == _sequence(central_ctx, "ticket", scope, MONDAY)  # no overlap, no hole


def test_the_size_follows_the_pace_of_the_last_hour(central_ctx: Context, clock: Clock) -> None:
    scope = f"service:{service_id(central_ctx, 'DD')}"
    assert central.lease_size(central_ctx, "ticket", scope, MONDAY) == 10  # nobody yet: the floor
    for _ in range(40):
        issue_ticket(central_ctx, "DD")
    assert central.lease_size(central_ctx, "ticket", scope, MONDAY) == 20  # 40 an hour → 20 in 30 minutes
    set_centre_settings(central_ctx, Actor.maintenance(central_ctx), {"offline_lease_minutes": 60})
    assert central.lease_size(central_ctx, "ticket", scope, MONDAY) == 40
    clock.at += timedelta(hours=2)  # a quiet hour since: the floor again
    assert central.lease_size(central_ctx, "ticket", scope, MONDAY) == 10


def test_unused_numbers_go_back_when_nobody_took_after_else_they_are_recorded(central_ctx: Context) -> None:
    import uuid

    station_id = uuid.uuid4()
    first = central.take_lease(central_ctx, station_id, "ticket", "service:1", MONDAY, 10)
    assert (first.first_seq, first.last_seq) == (1, 10)
    done = central.release_lease(central_ctx, first.id, 3)
    assert (done.given_back, done.unused) == (7, 0)
    assert _sequence(central_ctx, "ticket", "service:1", MONDAY) == 3
    assert central.release_lease(central_ctx, first.id, 9) == done  # a second release changes nothing

    second = central.take_lease(central_ctx, station_id, "ticket", "service:1", MONDAY, 10)
    central.take_lease(central_ctx, uuid.uuid4(), "ticket", "service:1", MONDAY, 5)  # someone took after it
    done = central.release_lease(central_ctx, second.id, None)
    assert (done.given_back, done.unused) == (0, 10)
    assert _sequence(central_ctx, "ticket", "service:1", MONDAY) == 18
    with central_ctx.store.read() as s:
        row = s.get(NumberLease, second.id)
        assert row is not None and (row.used_upto, row.unused, row.released_at is not None) == (None, 10, True)


def test_the_next_working_days_leases_are_taken_before_closing(central_ctx: Context, tmp_path: Path,
                                                               clock: Clock) -> None:
    counter = station(central_ctx, tmp_path / "counter", "counter", clock, 1)
    counter.sync_now()
    assert {x.day for x in counter.journal.leases() if x.kind == "dossier"} == {MONDAY}
    clock.at += timedelta(hours=7, minutes=30)  # 16:30, half an hour before closing
    counter.sync_now()
    days = {x.day for x in counter.journal.leases() if x.kind == "dossier"}
    assert days == {MONDAY, TUESDAY}
    registers = [x for x in counter.journal.leases() if x.kind == "register"]
    assert len(registers) == 1 and registers[0].day == date(2026, 1, 1)


def test_a_past_days_leases_are_released_at_the_next_sync(central_ctx: Context, tmp_path: Path,
                                                          clock: Clock) -> None:
    kiosk = station(central_ctx, tmp_path / "kiosk", "kiosk", clock)
    kiosk.sync_now()
    kiosk.issue_ticket("DD")  # offline work (the server is up, but the station used its block)
    monday = [x for x in kiosk.journal.leases() if x.day == MONDAY]
    clock.at += timedelta(days=1)
    report = kiosk.sync_now()
    assert report.replayed == 1 and report.leases_released == len(monday)
    assert all(x.day == TUESDAY for x in kiosk.journal.leases())
    assert report.given_back + report.unused == sum(x.last_seq - x.first_seq + 1 for x in monday) - 1
