"""What a counter and a kiosk record offline besides tickets, dossiers, calls and finishes (issue 13, point 2):
transfers, keypad votes, payments, and whether a ticket's paper came out; each replayed idempotently as the
central row it is online, at the moment it happened, with the conflict rules of docs/offline.md."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from app.domain.errors import FormErrors
from app.domain.satisfaction import default_key_map
from app.services import fees, queue
from app.services.context import Actor, Context
from app.services.offline import OfflineStation
from app.store.models import DeviceEvent, Payment, Rating, Ticket, TicketEvent
from tests.offline.helpers import DRAFT, Clock, station
from tests.offline.test_replay import _officer, _signed_in_here

pytestmark = pytest.mark.postgres


def _stations(ctx: Context, tmp_path: Path, clock: Clock, counter: int = 2) -> tuple[OfflineStation, OfflineStation]:
    kiosk = station(ctx, tmp_path / "kiosk", "kiosk", clock)
    desk = station(ctx, tmp_path / "counter", "counter", clock, counter)
    kiosk.sync_now()
    desk.sync_now()
    return kiosk, desk


def _tickets(ctx: Context, number: str) -> list[Ticket]:
    with ctx.store.read() as s:
        return list(s.scalars(select(Ticket).where(Ticket.display_number == number).order_by(Ticket.seq)))


def _events(ctx: Context, ticket: Ticket) -> list[TicketEvent]:
    with ctx.store.read() as s:
        return list(s.scalars(select(TicketEvent).where(TicketEvent.ticket_id == ticket.id).order_by(TicketEvent.at)))


def test_a_transfer_made_offline_puts_the_ticket_in_the_target_queue(central_ctx: Context, tmp_path: Path,
                                                                     clock: Clock) -> None:
    officer = _officer(central_ctx)
    kiosk, desk = _stations(central_ctx, tmp_path, clock)
    ticket = kiosk.issue_ticket("DD")
    kiosk.sync_now()
    desk.call_number(officer, ticket.display_number)
    desk.act_on_held(officer, "serving")
    assert desk.transfer_held(officer, "tp", 3) == ticket.display_number
    moved_at = clock.at
    assert desk.held() is None  # the counter is free for the next citizen
    report = desk.sync_now()
    assert (report.replayed, report.failed, report.deferred) == (3, [], 0)
    old, new = sorted(_tickets(central_ctx, ticket.display_number), key=lambda t: t.transferred_from_id is not None)
    assert (old.status, old.finished_at, old.officer_id) == ("transferred", moved_at, officer.officer_id)
    assert (new.status, new.transferred_from_id, new.issued_at) == ("waiting", old.id, ticket.issued_at)
    with central_ctx.store.read() as s:
        from app.store.models import Counter, Service

        assert s.get(Service, new.service_id).code == "TP"
        assert s.get(Counter, new.counter_id).number == 3
    waiting = {q.code: q.waiting for q in queue.queue_status(central_ctx).services}
    assert waiting["TP"] == 1 and waiting["DD"] == 0
    called = queue.call_next(central_ctx, officer, 3)  # the target counter calls it online
    assert called is not None and called.display_number == ticket.display_number
    assert desk.sync_now().replayed == 0 and len(_tickets(central_ctx, ticket.display_number)) == 2


def test_a_transfer_of_a_ticket_finished_on_the_server_meanwhile_reopens_nothing(
        central_ctx: Context, tmp_path: Path, clock: Clock) -> None:
    officer = _officer(central_ctx)
    kiosk, desk = _stations(central_ctx, tmp_path, clock)
    ticket = kiosk.issue_ticket("DD")
    kiosk.sync_now()
    desk.call_number(officer, ticket.display_number)
    desk.transfer_held(officer, "TP")
    # counter 1, online, called and finished the same number before the counter cut off synced
    queue.call_next(central_ctx, officer, 1)
    finished = queue.finish(central_ctx, officer, 1)
    assert desk.sync_now().failed == []
    [row] = _tickets(central_ctx, ticket.display_number)  # no new ticket in the target queue
    assert (row.status, finished.status) == ("finished", "finished")
    moved = [e for e in _events(central_ctx, row) if e.kind == "transferred"]
    assert len(moved) == 1 and (moved[0].from_status, moved[0].to_status) == ("finished", "finished")
    assert moved[0].data["ignored"] == "finished"


def test_a_transfer_offline_is_refused_as_online(central_ctx: Context, tmp_path: Path, clock: Clock) -> None:
    from app.domain.errors import NotFound
    from app.domain.queue import QueueError

    officer = _officer(central_ctx)
    _kiosk, desk = _stations(central_ctx, tmp_path, clock)
    with pytest.raises(QueueError, match="chưa gọi số nào"):
        desk.transfer_held(officer, "TP")
    desk.call_number(officer, "1001")
    with pytest.raises(NotFound, match="ZZ"):
        desk.transfer_held(officer, "ZZ")
    with pytest.raises(NotFound, match="99"):
        desk.transfer_held(officer, "TP", 99)
    assert desk.held() == ("1001", "called") and desk.waiting() == 1  # the call only


def test_a_keypad_vote_offline_is_the_rating_of_the_ticket_just_finished(central_ctx: Context, tmp_path: Path,
                                                                         clock: Clock) -> None:
    officer = _officer(central_ctx)
    kiosk, desk = _stations(central_ctx, tmp_path, clock)
    ticket = kiosk.issue_ticket("DD")  # the kiosk has not synced yet: the vote waits for its ticket
    assert desk.record_vote("1").reason == "disarmed"  # nothing finished here yet: a stray press, not queued
    desk.call_number(officer, ticket.display_number)
    desk.act_on_held(officer, "finished")
    assert desk.armed() is not None and desk.armed()[0] == ticket.display_number
    vote = desk.record_vote("1")
    voted_at = clock.at
    assert (vote.kind, vote.display_number, vote.level) == ("vote", ticket.display_number, default_key_map(3)["1"])
    assert desk.record_vote("2").reason == "already_rated" and desk.armed() is None
    first = desk.sync_now()
    assert first.deferred == 3 and desk.waiting() == 3  # call, finish, vote: the ticket is not central yet
    kiosk.sync_now()
    second = desk.sync_now()
    assert (second.replayed, second.failed, desk.waiting()) == (3, [], 0)
    [row] = _tickets(central_ctx, ticket.display_number)
    with central_ctx.store.read() as s:
        rating = s.scalar(select(Rating).where(Rating.ticket_id == row.id))
    assert rating is not None and rating.id == vote.rating_id
    assert (rating.level, rating.at, rating.officer_id, rating.raw_key) == (vote.level, voted_at, officer.officer_id,
                                                                            "1")
    assert desk.sync_now().replayed == 0


def test_a_keypad_vote_offline_times_out_and_a_ticket_rated_on_the_server_keeps_its_vote(
        central_ctx: Context, tmp_path: Path, clock: Clock) -> None:
    officer = _officer(central_ctx)
    kiosk, desk = _stations(central_ctx, tmp_path, clock)
    late = kiosk.issue_ticket("DD")
    kiosk.sync_now()
    desk.call_number(officer, late.display_number)
    desk.act_on_held(officer, "finished")
    clock.at += timedelta(seconds=61)  # rating_timeout_s is 60
    assert desk.record_vote("1").reason == "disarmed"
    # the window hands over the arming of a ticket finished online just before the server went away
    desk.arm_keypad(late.display_number, clock.at + timedelta(seconds=30), officer.officer_id)
    vote = desk.record_vote("3")
    assert vote.kind == "vote"
    with central_ctx.store.write() as s:  # meanwhile the ticket got its vote on the server
        row = s.scalar(select(Ticket).where(Ticket.display_number == late.display_number))
        s.add(Rating(ticket_id=row.id, level=1, scale=3, raw_key="3", at=clock.at))
    report = desk.sync_now()
    assert (report.failed, desk.waiting()) == ([], 0)
    with central_ctx.store.read() as s:
        levels = list(s.scalars(select(Rating.level).where(Rating.ticket_id == row.id)))
        strays = list(s.scalars(select(DeviceEvent.detail).where(DeviceEvent.id == vote.rating_id)))
    assert levels == [1] and strays == ["counter=2 key=3 reason=already_rated"]


def test_a_payment_offline_is_the_dossiers_payment_at_its_time(central_ctx: Context, tmp_path: Path,
                                                               clock: Clock) -> None:
    officer = _officer(central_ctx)
    _kiosk, desk = _stations(central_ctx, tmp_path, clock, counter=1)
    actor = _signed_in_here(desk)
    made = desk.receive_dossier(actor, "DEMO.SXD.004", DRAFT)
    with pytest.raises(FormErrors):
        desk.record_payment(actor, made.code, 0, "cash", "")
    with pytest.raises(FormErrors):
        desk.record_payment(actor, made.code, 50_000, "bitcoin", "BL-1")
    assert desk.record_payment(actor, made.code, 50_000, "cash", " BL-0042 ") == made.code
    paid_at = clock.at
    assert desk.waiting() == 2
    clock.at += timedelta(hours=3)
    report = desk.sync_now()
    assert (report.replayed, report.failed) == (2, [])
    [line] = fees.payments_of(central_ctx, made.code)
    assert (line.paid_at, line.amount_vnd, line.method, line.receipt_no, line.officer_name) == (
        paid_at, 50_000, "cash", "BL-0042", "Trần Thị Bình")
    assert desk.sync_now().replayed == 0 and len(fees.payments_of(central_ctx, made.code)) == 1
    assert officer.officer_id is not None


def test_a_payment_for_a_dossier_not_central_waits(central_ctx: Context, tmp_path: Path, clock: Clock) -> None:
    _kiosk, desk = _stations(central_ctx, tmp_path, clock, counter=1)
    code = "000.00.06.H56-261130-9999"
    desk.record_payment(Actor.maintenance(central_ctx), code, 10_000, "cash", "BL-7")
    report = desk.sync_now()
    assert (report.deferred, report.failed, desk.waiting()) == (1, [], 1)
    [held] = desk.status()["held_back"]  # `motcua sync status` says which item waits, and why
    assert (held["kind"], held["what"], held["attempts"]) == ("payment", code, 1)
    assert held["error"] == f"Hồ sơ {code} chưa có trên máy chủ"
    from app.cli.cmd_sync import _status_text

    assert held["id"] == str(desk.journal.pending()[0].id)[:8]  # so an officer can name it (sync set-aside)
    assert f"  [{held['id']}] payment {code} (1 lần): Hồ sơ {code} chưa có trên máy chủ" in _status_text(desk.status())
    with central_ctx.store.read() as s:
        assert list(s.scalars(select(Payment.id).where(Payment.receipt_no == "BL-7"))) == []


def test_the_paper_of_an_offline_ticket_is_recorded_as_online(central_ctx: Context, tmp_path: Path,
                                                              clock: Clock) -> None:
    kiosk, _desk = _stations(central_ctx, tmp_path, clock)
    out, jammed = kiosk.issue_ticket("DD"), kiosk.issue_ticket("DD")
    kiosk.record_printed(out.id, True)
    kiosk.record_printed(jammed.id, False, "Máy in hết giấy")
    report = kiosk.sync_now()
    assert (report.replayed, report.failed) == (4, [])
    with central_ctx.store.read() as s:
        rows = {t.id: t for t in s.scalars(select(Ticket).where(Ticket.id.in_([out.id, jammed.id])))}
        events = {e.ticket_id: (e.kind, e.reason) for e in s.scalars(
            select(TicketEvent).where(TicketEvent.kind.in_(["printed", "print_failed"])))}
    assert (rows[out.id].printed, rows[jammed.id].printed) == (True, False)
    assert events == {out.id: ("printed", None), jammed.id: ("print_failed", "Máy in hết giấy")}
    from app.services import ticket_printing

    assert jammed.id in {v.id for v in ticket_printing.unprinted_tickets(central_ctx)}  # reprinted like online
    assert kiosk.sync_now().replayed == 0


def test_a_payment_offline_resumes_a_dossier_waiting_for_it(central_ctx: Context, tmp_path: Path,
                                                            clock: Clock) -> None:
    from app.domain.lifecycle import Action
    from app.services import dossiers, lifecycle

    officer = _officer(central_ctx)
    _kiosk, desk = _stations(central_ctx, tmp_path, clock, counter=1)
    online = dossiers.receive_dossier(central_ctx, officer, dossiers.procedure_id_by_code(central_ctx, "DEMO.SXD.004"),
                                      DRAFT)
    lifecycle.apply_action(central_ctx, officer, online.code, Action.AWAIT_PAYMENT)
    desk.record_payment(_signed_in_here(desk), online.code, 20_000, "transfer", "BL-0100")
    paid_at = clock.at
    assert desk.sync_now().replayed == 1
    view = dossiers.get_dossier(central_ctx, online.code)
    assert view.status == "processing"
    with central_ctx.store.read() as s:
        [payment] = s.scalars(select(Payment).where(Payment.receipt_no == "BL-0100")).all()
    assert (payment.paid_at, payment.officer_id, payment.amount_vnd) == (paid_at, officer.officer_id, 20_000)
    assert str(payment.id) == desk.journal.local_items("payment")[0]["id"]  # the station's id: replay is idempotent
    assert desk.sync_now().replayed == 0


def test_a_counter_keypad_starts_while_the_server_is_down(central_ctx: Context, running_pg, tmp_path: Path,
                                                          clock: Clock) -> None:  # type: ignore[no-untyped-def]
    """The keypad of a counter started during an outage takes the centre's scale from the journal."""
    from app.devices.keypad import KeypadConfig
    from app.services import settings
    from app.services.keypad_station import KeypadStation

    settings.set_centre_settings(central_ctx, Actor.maintenance(central_ctx), {"rating_scale": 5})
    _kiosk, desk = _stations(central_ctx, tmp_path, clock, counter=1)
    running_pg.stop()
    keypad = KeypadStation.for_counter(central_ctx, KeypadConfig(url=str(tmp_path / "no-keypad")), 1, offline=desk)
    assert keypad.key_map == default_key_map(5) and keypad.offline is desk
