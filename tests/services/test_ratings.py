"""Satisfaction votes on both backends, pressed through real ptys: a scripted session gives exact votes, stray
presses are no votes, one vote per ticket, the timeout disarms, two framed keypads land on the right counters,
1 MB of noise gives no false vote, unplug/replug loses no vote."""

from __future__ import annotations

import random
import time
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from app.devices.keypad import NOISE_GUARD_S, KeypadProtocol, frame
from app.devices.keypad_sim import KeypadSimulator
from app.devices.manager import DeviceState
from app.domain.dossier import IntakeDraft
from app.services import accounts, dossiers, queue, ratings
from app.services.context import Context
from app.services.keypad_station import KeypadStation
from app.services.queue import TicketView
from app.store.models import Counter, Officer, Rating, Service

T0 = datetime(2026, 11, 30, 1, 0, tzinfo=timezone.utc)  # Monday 08:00 in Hà Nội
KEYS_3 = KeypadProtocol(keys=frozenset("123"))


class Clock:
    """A clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = T0

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)


@pytest.fixture()
def clock(demo_ctx: Context) -> Clock:
    c = Clock()
    demo_ctx.clock = c
    return c


def serve(ctx: Context, clock: Clock, counter: int = 1, service: str = "DD", login: str = "canbo01") -> TicketView:
    """Issue, call and finish one ticket at a counter (the keypad arms at the finish)."""
    officer = accounts.maintenance_acting_as(ctx, login)
    queue.issue_ticket(ctx, service)
    clock.advance(30)
    called = queue.call_next(ctx, officer, counter)
    assert called is not None
    clock.advance(300)
    return queue.finish(ctx, officer, counter)


@pytest.fixture()
def sim(tmp_path: Path) -> Iterator[KeypadSimulator]:
    with KeypadSimulator(link=tmp_path / "keypad") as simulator:
        yield simulator


def start_station(ctx: Context, url: str, counters: dict[int | None, int],
                  protocol: KeypadProtocol = KEYS_3, **kwargs: object) -> KeypadStation:
    station = KeypadStation(ctx, url, counters, protocol, **kwargs)  # type: ignore[arg-type]
    station.start()
    assert station.manager.wait_for(DeviceState.CONNECTED, 5)
    return station


@pytest.fixture()
def station(demo_ctx: Context, clock: Clock, sim: KeypadSimulator) -> Iterator[KeypadStation]:
    st = start_station(demo_ctx, sim.url, {None: 1})
    yield st
    st.stop()


def press(station: KeypadStation, act: Callable[[], None]) -> ratings.PressResult:
    """Do something on the keypad and wait for the press it makes to be stored."""
    before = len(station.stats.results)
    act()
    deadline = time.monotonic() + 15
    while len(station.stats.results) <= before and time.monotonic() < deadline:
        time.sleep(0.01)
    assert len(station.stats.results) == before + 1, "the press was not stored"
    time.sleep(0.2)  # a person does not press twice within the frame timeout
    return station.stats.results[-1]


def stored(ctx: Context) -> list[tuple[str, int, int, str, int, int, str]]:
    """Every vote as (ticket number, counter, level, raw key, officer id, service id, service code)."""
    from app.store.models import Ticket

    with ctx.store.read() as s:
        rows = s.execute(select(Ticket.display_number, Counter.number, Rating.level, Rating.raw_key,
                                Rating.officer_id, Rating.service_id, Service.code).select_from(Rating)
                         .join(Ticket, Ticket.id == Rating.ticket_id).join(Counter, Counter.id == Rating.counter_id)
                         .join(Service, Service.id == Rating.service_id)
                         .order_by(Rating.at, Rating.chain_seq)).all()  # equal times: the station's chain order
    return [tuple(r) for r in rows]  # type: ignore[misc]


def officer_id(ctx: Context, login: str) -> int:
    with ctx.store.read() as s:
        return int(s.scalar(select(Officer.id).where(Officer.login == login)))  # type: ignore[arg-type]


def test_scripted_session_gives_exact_votes(demo_ctx: Context, clock: Clock, sim: KeypadSimulator,
                                            station: KeypadStation) -> None:
    early = press(station, lambda: sim.press("1"))  # nobody served yet: stray
    assert (early.kind, early.reason) == ("stray", "disarmed")

    t1 = serve(demo_ctx, clock)
    clock.advance(5)
    v1 = press(station, lambda: sim.press("1"))
    assert (v1.kind, v1.ticket_id, v1.level, v1.label) == ("vote", t1.id, 1, "Rất hài lòng")
    again = press(station, lambda: sim.press("3"))  # the same citizen presses again: not a second vote
    assert (again.kind, again.reason) == ("stray", "disarmed")

    t2 = serve(demo_ctx, clock)
    clock.advance(10)
    v2 = press(station, lambda: sim.press("3"))
    assert (v2.ticket_id, v2.level, v2.label) == (t2.id, 4, "Không hài lòng")  # 3-level scale: 1, 2, 4

    t3 = serve(demo_ctx, clock, login="canbo02")
    pid = dossiers.procedure_id_by_code(demo_ctx, "DEMO.SXD.004")
    dossier = dossiers.receive_dossier(demo_ctx, accounts.maintenance_acting_as(demo_ctx, "canbo02"), pid,
                                       IntakeDraft(applicant_name="Nguyễn Văn An", id_number="001085012345",
                                                   phone="0912345678", address="Lai Châu"), ticket_id=t3.id)
    clock.advance(20)
    v3 = press(station, lambda: sim.press("2"))
    assert (v3.ticket_id, v3.level, v3.dossier_ids) == (t3.id, 2, (dossier.id,))

    me, other = officer_id(demo_ctx, "canbo01"), officer_id(demo_ctx, "canbo02")
    with demo_ctx.store.read() as s:
        dd = s.scalar(select(Service.id).where(Service.code == "DD"))
    assert stored(demo_ctx) == [(t1.display_number, 1, 1, "1", me, dd, "DD"),
                                (t2.display_number, 1, 4, "3", me, dd, "DD"),
                                (t3.display_number, 1, 2, "2", other, dd, "DD")]
    assert ratings.rating_of_ticket(demo_ctx, t3.id).dossier_ids == (dossier.id,)  # type: ignore[union-attr]
    assert ratings.stray_presses(demo_ctx, 1) == 2
    assert (station.stats.votes, station.stats.stray) == (3, 2)


def test_timeout_disarms_and_arming_survives_a_restart(demo_ctx: Context, clock: Clock, sim: KeypadSimulator,
                                                       station: KeypadStation) -> None:
    t1 = serve(demo_ctx, clock)
    armed = ratings.arm(demo_ctx, 1, t1.id)
    assert armed is not None and armed.until == t1_finished(demo_ctx, t1) + timedelta(seconds=60)
    clock.advance(59)
    assert ratings.arming(demo_ctx, 1) is not None
    clock.advance(2)  # 61 s after the finish
    assert ratings.arming(demo_ctx, 1) is None
    late = press(station, lambda: sim.press("1"))
    assert (late.kind, late.reason) == ("stray", "disarmed")
    assert stored(demo_ctx) == []

    t2 = serve(demo_ctx, clock)
    station.stop()  # the station restarts between the finish and the vote: the arming is in the store
    restarted = start_station(demo_ctx, sim.url, {None: 1})
    try:
        clock.advance(3)
        vote = press(restarted, lambda: sim.press("2"))
        assert (vote.kind, vote.ticket_id, vote.level) == ("vote", t2.id, 2)
    finally:
        restarted.stop()


def t1_finished(ctx: Context, view: TicketView) -> datetime:
    from app.store.models import Ticket

    with ctx.store.read() as s:
        finished = s.get(Ticket, view.id).finished_at  # type: ignore[union-attr]
    assert finished is not None
    return finished


def test_one_vote_per_ticket_and_per_counter(demo_ctx: Context, clock: Clock) -> None:
    t1 = serve(demo_ctx, clock, counter=1)
    assert ratings.record_vote(demo_ctx, 2, "1").kind == "stray"  # counter 2's keypad is not armed
    first = ratings.record_vote(demo_ctx, 1, "2")
    second = ratings.record_vote(demo_ctx, 1, "1")
    assert (first.kind, first.ticket_id, second.kind) == ("vote", t1.id, "stray")
    assert ratings.record_vote(demo_ctx, 1, "7").reason in ("unknown_key", "disarmed")
    with pytest.raises(IntegrityError):  # the store itself refuses a second vote for a ticket
        with demo_ctx.store.write() as s:
            s.add(Rating(ticket_id=t1.id, level=1, scale=3, raw_key="1", at=clock()))
    with demo_ctx.store.read() as s:
        assert s.query(Rating).count() == 1
    t2 = serve(demo_ctx, clock, counter=1)
    clock.advance(1)
    unknown = ratings.record_vote(demo_ctx, 1, "9")  # no such key on a 3-level keypad
    assert (unknown.kind, unknown.reason) == ("stray", "unknown_key")
    assert ratings.record_vote(demo_ctx, 1, "1").ticket_id == t2.id  # still armed after a wrong key


def test_two_framed_keypads_on_one_bus_land_on_their_counters(demo_ctx: Context, clock: Clock,
                                                              tmp_path: Path) -> None:
    framed = KeypadProtocol(mode="framed", keys=frozenset("123"))
    with KeypadSimulator(link=tmp_path / "rs485", mode="framed") as bus:
        st = start_station(demo_ctx, bus.url, {11: 1, 12: 2}, framed)
        try:
            one, two = accounts.maintenance_acting_as(demo_ctx, "canbo01"), accounts.maintenance_acting_as(demo_ctx, "canbo02")
            queue.issue_ticket(demo_ctx, "DD")
            queue.issue_ticket(demo_ctx, "DD")
            queue.call_next(demo_ctx, one, 1)
            queue.call_next(demo_ctx, two, 2)
            clock.advance(300)
            at1, at2 = queue.finish(demo_ctx, one, 1), queue.finish(demo_ctx, two, 2)
            press(st, lambda: bus.press("3", address=12))
            press(st, lambda: bus.press("1", address=11))
            bus.send_raw(frame(99, "1"))  # a keypad this station does not serve
            time.sleep(0.4)
            assert st.wait_idle(3)
        finally:
            st.stop()
    votes = {r.ticket_id: (r.counter_number, r.level) for r in st.stats.results if r.kind == "vote"}
    assert votes == {at1.id: (1, 1), at2.id: (2, 4)}
    assert st.stats.foreign == 1
    assert [(n, c, lvl) for n, c, lvl, *_ in stored(demo_ctx)] == [(at2.display_number, 2, 4),
                                                                   (at1.display_number, 1, 1)]


def test_one_megabyte_of_noise_while_armed_gives_no_false_vote(demo_ctx: Context, clock: Clock,
                                                               sim: KeypadSimulator) -> None:
    st = start_station(demo_ctx, sim.url, {None: 1}, garbage_interval=0.5)
    try:
        t1 = serve(demo_ctx, clock)
        noise = random.Random(4).randbytes(1 << 20)  # ~12,000 bytes of it are the digits 1, 2, 3
        sim.send_raw(noise, timeout=60)
        deadline = time.monotonic() + 10
        while st.manager.device.garbage_bytes < len(noise) and time.monotonic() < deadline:
            time.sleep(0.05)
        time.sleep(0.3)
        assert stored(demo_ctx) == [] and st.stats.results == []
        assert st.status.state is DeviceState.CONNECTED
        time.sleep(NOISE_GUARD_S)  # once the line has been quiet for the noise guard …
        vote = press(st, lambda: sim.press("2"))  # … the citizen's real press still counts
        assert (vote.kind, vote.ticket_id) == ("vote", t1.id)
    finally:
        st.stop()
    totals = ratings.device_event_totals(demo_ctx)
    assert totals["garbage_bytes"] == len(noise)
    assert 1 <= totals["garbage"] <= 30  # rate-limited: a row per interval, not per burst or byte


def test_unplug_replug_back_within_5_s_no_vote_lost(demo_ctx: Context, clock: Clock, sim: KeypadSimulator,
                                                    station: KeypadStation) -> None:
    t1 = serve(demo_ctx, clock)
    assert press(station, lambda: sim.press("1")).ticket_id == t1.id
    t2 = serve(demo_ctx, clock)
    sim.unplug()
    assert station.manager.wait_for(DeviceState.DISCONNECTED, 3)
    time.sleep(1.5)
    sim.replug()
    # back within the backoff's 2 s cap on an idle PC; generous here, since a test asserts no timing
    assert station.manager.wait_for(DeviceState.CONNECTED, 15)
    vote = press(station, lambda: sim.press("2"))
    assert (vote.kind, vote.ticket_id, vote.level) == ("vote", t2.id, 2)
    assert [r[:3] for r in stored(demo_ctx)] == [(t1.display_number, 1, 1), (t2.display_number, 1, 2)]


def test_scale_of_five_maps_keys_to_five_levels(demo_ctx: Context, clock: Clock) -> None:
    from app.services import settings
    from app.services.context import Actor

    settings.set_centre_settings(demo_ctx, Actor.maintenance(demo_ctx), {"rating_scale": 5, "rating_timeout_s": 30})
    levels = []
    for key in "12345":
        serve(demo_ctx, clock)
        levels.append(ratings.record_vote(demo_ctx, 1, key).level)
    assert levels == [1, 2, 3, 4, 5]
    serve(demo_ctx, clock)
    clock.advance(31)  # the configured timeout, not the default
    assert ratings.record_vote(demo_ctx, 1, "1").kind == "stray"
