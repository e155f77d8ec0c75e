"""Leases and replay over the station's own database role (issue 13's last line; app/store/roles.py): a kiosk and
a counter whose database URL names their station role, on a demo centre of the shared PostgreSQL, take and release
their number leases, refresh their journal, and replay every kind of item they made offline, with the central rows
attributed to the officer who did the work. Offline here is the station's URL pointing at a port where no server
listens (the way a station sees a server that went away), then pointed back at the server.

Roles are cluster-wide and other tests run beside these: the roles are made under a prefix of this test's own and
dropped at the end, even when the test fails."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select, text
from sqlalchemy.engine import make_url

from app.domain.errors import PermissionDenied
from app.services import accounts, dossiers, fees
from app.services.context import Context
from app.services.offline import STATION_TIMEOUTS, OfflineStation
from app.store import roles
from app.store.engine import Store
from app.store.models import NumberLease, Rating, Ticket, TicketEvent
from tests.offline.helpers import DRAFT, MORNING, Clock, station

pytestmark = [pytest.mark.postgres, pytest.mark.usefixtures("postgres_available")]
MONDAY, TUESDAY = date(2026, 11, 30), date(2026, 12, 1)
PROCEDURE = "DEMO.SXD.004"


@pytest.fixture()
def clock() -> Clock:
    return Clock(MORNING)


@pytest.fixture()
def owner(store_factories, clock: Clock) -> Iterator[Context]:  # type: ignore[no-untyped-def]
    """A migrated demo centre on the shared PostgreSQL, over the owner's connection (to check what became central)."""
    store = Store(store_factories["postgresql"].url("demo"))
    yield Context(store, clock=clock)
    store.dispose()


@pytest.fixture()
def as_role(owner: Context, clock: Clock) -> Iterator[Callable[..., Context]]:
    """`as_role("kiosk")`: a context whose URL names that station's login role (made under a unique prefix);
    `as_role("kiosk", port=1)`: the same URL on a port where no server listens (the station is cut off)."""
    prefix = f"toffr{uuid.uuid4().hex[:8]}_"  # toffr…: this file's roles, recognisable
    opened: list[Store] = []
    try:
        roles.apply_roles(owner.store, prefix)

        def connect(kind: str, port: int | None = None) -> Context:
            url = make_url(owner.store.url).set(username=roles.role_name(kind, prefix), password=None)
            if port is not None:
                url = url.set(port=port)
            store = Store(url.render_as_string(hide_password=False), timeouts=STATION_TIMEOUTS)
            opened.append(store)
            return Context(store, clock=clock)

        yield connect
    finally:
        for store in opened:
            store.dispose()
        roles.drop_roles(owner.store, prefix)


def _leases(ctx: Context, st: OfflineStation) -> list[NumberLease]:
    with ctx.store.read() as s:
        return list(s.scalars(select(NumberLease).where(NumberLease.station_id == st.station_id)))


def _ticket(ctx: Context, ticket_id: uuid.UUID) -> Ticket:
    with ctx.store.read() as s:
        found = s.get(Ticket, ticket_id)
        assert found is not None
        return found


def _events(ctx: Context, ticket_id: uuid.UUID) -> list[TicketEvent]:
    with ctx.store.read() as s:
        return list(s.scalars(select(TicketEvent).where(TicketEvent.ticket_id == ticket_id).order_by(TicketEvent.at)))


def test_a_kiosk_and_a_counter_lease_refresh_and_replay_over_their_own_roles(
        owner: Context, as_role: Callable[..., Context], tmp_path: Path, clock: Clock) -> None:
    kiosk_ctx, counter_ctx = as_role("kiosk"), as_role("counter")
    assert not roles.is_maintenance(kiosk_ctx.store) and not roles.is_maintenance(counter_ctx.store)
    kiosk = station(kiosk_ctx, tmp_path / "kiosk", "kiosk", clock)
    desk = station(counter_ctx, tmp_path / "counter", "counter", clock, counter=2)

    # online: the journal's reference data and the leases, over each station's role
    for st in (kiosk, desk):
        report = st.sync_now()
        assert report.leases_taken >= 1 and report.failed == []
        assert st.journal.get("refreshed_at") is not None and st.journal.reference("services")
    assert desk.journal.reference("procedures") and desk.journal.reference("officers")
    assert not kiosk.journal.reference("officers")  # a kiosk holds no officer
    assert {x.kind for x in desk.journal.leases()} == {"dossier", "register"}
    assert {x.kind for x in kiosk.journal.leases()} == {"ticket"}
    for st in (kiosk, desk):
        central = {(x.id, x.first_seq, x.last_seq) for x in _leases(owner, st)}
        assert central == {(x.id, x.first_seq, x.last_seq) for x in st.journal.leases()}
    officer = accounts.sign_in(counter_ctx, "canbo02", "canbo123")  # through the role's sign-in functions
    desk.remember_sign_in("canbo02", "canbo123")

    # the server goes away: the kiosk tries it, goes offline and prints from its lease
    kiosk.ctx = as_role("kiosk", port=1)
    first, offline = kiosk.issue("DD")
    assert offline and kiosk.status()["mode"] == "offline"
    second, third = kiosk.issue_ticket("DD"), kiosk.issue_ticket("DD")
    kiosk.record_printed(first.id, True)
    kiosk.record_printed(second.id, False, "hết giấy")
    assert kiosk.waiting() == 5

    desk.ctx = as_role("counter", port=1)
    code, offline = desk.receive(officer, PROCEDURE, DRAFT)
    assert offline and desk.status()["mode"] == "offline"
    here = desk.sign_in("canbo02", "canbo123")  # offline, against the hash this station kept
    assert here.officer_id == officer.officer_id
    desk.call_number(here, first.display_number)
    desk.act_on_held(here, "serving")
    desk.act_on_held(here, "finished")
    finished_at = clock.at
    assert desk.record_vote("1").kind == "vote"
    desk.call_number(here, second.display_number)
    desk.transfer_held(here, "TP")
    desk.call_number(here, third.display_number)
    desk.act_on_held(here, "no_show")
    fee = desk.procedure(PROCEDURE)["fee_vnd"] or 50_000
    desk.record_payment(here, code, fee, "cash", "BL-0042")
    assert desk.waiting() == 10  # the dossier, call/serving/finish, the vote, call/transfer, call/no-show, the fee
    clock.at += timedelta(minutes=20)  # synced later: the rows keep the time they happened

    # the server answers again: each station replays over its own role, the kiosk first (its tickets)
    kiosk.ctx, desk.ctx = kiosk_ctx, counter_ctx
    done = kiosk.sync_now()
    assert (done.replayed, done.failed, done.deferred, kiosk.waiting()) == (5, [], 0, 0)
    done = desk.sync_now()
    assert (done.failed, done.deferred, desk.waiting()) == ([], 0, 0)
    assert done.replayed == 10
    assert kiosk.status()["mode"] == desk.status()["mode"] == "online"
    assert kiosk.sync_now().replayed == desk.sync_now().replayed == 0  # a second replay changes nothing

    # central, as it happened, by whom it happened (read over the owner's connection)
    t1, t2, t3 = (_ticket(owner, v.id) for v in (first, second, third))
    assert [t.issued_at for t in (t1, t2, t3)] == [first.issued_at, second.issued_at, third.issued_at]
    assert {t.issued_by_station for t in (t1, t2, t3)} == {kiosk.station_id}
    assert (t1.status, t1.finished_at, t1.officer_id, t1.printed) == ("finished", finished_at, officer.officer_id,
                                                                      True)
    assert (t2.status, t2.printed, t3.status, t3.officer_id) == ("transferred", False, "no_show", officer.officer_id)
    kinds = {e.kind: e for e in _events(owner, first.id)}
    assert set(kinds) == {"issued", "printed", "called", "serving", "finished"}
    assert all(kinds[k].officer_id == officer.officer_id for k in ("called", "serving", "finished"))
    assert [e.kind for e in _events(owner, second.id)] == ["issued", "print_failed", "called", "transferred"]
    assert _events(owner, second.id)[-1].officer_id == officer.officer_id
    with owner.store.read() as s:
        moved = s.scalar(select(Ticket).where(Ticket.transferred_from_id == second.id))
        rating = s.scalar(select(Rating).where(Rating.ticket_id == first.id))
    assert moved is not None and moved.status == "waiting"
    assert rating is not None and (rating.officer_id, rating.raw_key) == (officer.officer_id, "1")
    view = dossiers.get_dossier(owner, code)
    assert view.received_by == officer.officer_id
    assert view.events[0].officer_name == "Nguyễn Thị Hương"
    [paid] = fees.payments_of(owner, code)
    assert (paid.amount_vnd, paid.receipt_no, paid.officer_name) == (fee, "BL-0042", "Nguyễn Thị Hương")

    # the next working day: Monday's blocks are released (the unused numbers given back or recorded as unused)
    # and Tuesday's taken, over the same roles
    clock.at = MORNING + timedelta(days=1)
    for st in (kiosk, desk):
        report = st.sync_now()
        assert report.leases_released >= 1 and report.leases_taken >= 1 and report.failed == []
        monday = [x for x in _leases(owner, st) if x.day == MONDAY]
        assert monday and all(x.released_at is not None for x in monday)
        assert all(x.given_back + x.unused == x.last_seq - (x.used_upto or x.first_seq - 1) for x in monday)
        assert {x.day for x in st.journal.leases()} >= {TUESDAY}


def test_a_vote_for_a_ticket_rated_meanwhile_is_a_stray_press_once_over_the_counter_role(
        owner: Context, as_role: Callable[..., Context], tmp_path: Path, clock: Clock) -> None:
    """The replay of that vote stores a stray press «already_rated» under the vote's id, and a second replay finds
    it by that id: the counter's role reads `device_events.id` and nothing else of it."""
    from app.services import offline_central as central, queue

    kiosk_ctx, counter_ctx = as_role("kiosk"), as_role("counter")
    desk = station(counter_ctx, tmp_path / "counter", "counter", clock, counter=2)
    desk.sync_now()
    officer = accounts.sign_in(counter_ctx, "canbo02", "canbo123")
    ticket = queue.issue_ticket(kiosk_ctx, "DD")  # online, over the kiosk's role
    desk.ctx = as_role("counter", port=1)
    desk.call_number(officer, ticket.display_number)
    desk.act_on_held(officer, "finished")
    vote = desk.record_vote("3")
    assert vote.kind == "vote"
    with owner.store.write() as s:  # meanwhile the ticket got its vote on the server
        s.add(Rating(ticket_id=ticket.id, level=1, scale=3, raw_key="1", at=clock.at))
    desk.ctx = counter_ctx
    report = desk.sync_now()
    assert (report.failed, report.deferred, desk.waiting()) == ([], 0, 0)
    [item] = desk.journal.local_items(central.RATING)
    assert central.replay_rating(counter_ctx, item) is False  # again: found by its id, nothing added
    with owner.store.read() as s:
        from app.store.models import DeviceEvent

        levels = list(s.scalars(select(Rating.level).where(Rating.ticket_id == ticket.id)))
        strays = list(s.scalars(select(DeviceEvent.detail).where(DeviceEvent.id == vote.rating_id)))
    assert levels == [1] and strays == ["counter=2 key=3 reason=already_rated"]
    with pytest.raises(PermissionDenied):  # the rest of device_events stays unread by a counter
        with counter_ctx.store.read() as s:
            s.execute(text("SELECT detail FROM device_events"))
