"""The station's journal, leases and replay against a throwaway PostgreSQL that the tests stop and start."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.services import offline_central as central
from app.services.context import Actor, Context
from app.services.offline import NoLeaseLeft
from app.services.queue import issue_ticket
from app.store.engine import Store, StoreUnavailable
from app.store.models import Sequence, Ticket, TicketEvent
from tests.offline.helpers import Clock, service_id, station
from bench.throwaway_pg import ThrowawayPostgres

pytestmark = pytest.mark.postgres


def test_kiosk_issues_offline_from_its_lease_and_replays_once(central_ctx: Context, running_pg: ThrowawayPostgres,
                                                              tmp_path: Path, clock: Clock) -> None:
    kiosk = station(central_ctx, tmp_path / "kiosk", "kiosk", clock)
    report = kiosk.sync_now()
    assert report.leases_taken >= 1
    online = issue_ticket(central_ctx, "DD")  # the central numbering goes on after the kiosk's block
    lease = next(x for x in kiosk.journal.leases()
                 if x.scope == f"service:{service_id(central_ctx, 'DD')}" and x.day == date(2026, 11, 30))
    assert (lease.first_seq, online.display_number) == (1, f"{1000 + lease.last_seq + 1}")

    running_pg.stop()
    with pytest.raises(StoreUnavailable):
        issue_ticket(central_ctx, "DD")
    views = [kiosk.issue_ticket("DD") for _ in range(3)]
    assert [v.display_number for v in views] == ["1001", "1002", "1003"]
    assert kiosk.waiting() == 3
    with pytest.raises(StoreUnavailable):
        kiosk.sync_now()
    assert kiosk.status()["mode"] == "offline"

    running_pg.start()
    done = kiosk.sync_now()
    assert (done.replayed, done.skipped, kiosk.waiting()) == (3, 0, 0)
    assert kiosk.status()["mode"] == "online"
    with central_ctx.store.read() as s:
        rows = {t.id: t for t in s.scalars(select(Ticket).where(Ticket.id.in_([v.id for v in views])))}
        assert [rows[v.id].display_number for v in views] == [v.display_number for v in views]
        assert [rows[v.id].issued_at for v in views] == [v.issued_at for v in views]  # when it happened
        events = s.scalar(select(func.count()).select_from(TicketEvent)
                          .where(TicketEvent.ticket_id.in_([v.id for v in views])))
        assert events == 3
    # a second replay of the same items changes nothing
    for item in kiosk.journal.local_items("ticket"):
        assert central.replay_ticket(central_ctx, item) is False


def test_sign_in_works_offline_from_the_journal_and_a_kiosk_holds_no_password_hash(
        central_ctx: Context, running_pg: ThrowawayPostgres, tmp_path: Path, clock: Clock) -> None:
    from app.services.accounts import SignInFailed, add_user

    add_user(central_ctx, Actor.maintenance(central_ctx), "canbo2", "Lê Văn Cường", "officer", "mật-khẩu-dài-34")
    counter = station(central_ctx, tmp_path / "counter", "counter", clock, 1)
    kiosk = station(central_ctx, tmp_path / "kiosk", "kiosk", clock)
    counter.sync_now()
    kiosk.sync_now()
    assert kiosk.journal.reference("officers") == [] and kiosk.journal.reference("procedures") == []
    assert all("password_hash" not in o for o in counter.journal.reference("officers"))  # never the server's hash
    counter.remember_sign_in("canbo2", "mật-khẩu-dài-34")  # canbo2 signed in here while online
    running_pg.stop()
    with pytest.raises(SignInFailed):  # an officer who never signed in on this station cannot, offline
        counter.sign_in("quantri", "quantri123")
    actor = counter.sign_in("CANBO2", "mật-khẩu-dài-34")
    assert (actor.login, actor.full_name) == ("canbo2", "Lê Văn Cường")
    for _ in range(5):
        with pytest.raises(SignInFailed):
            counter.sign_in("canbo2", "sai")
    with pytest.raises(SignInFailed):  # locked on this station after the centre's 5 attempts
        counter.sign_in("canbo2", "mật-khẩu-dài-34")
    with pytest.raises(SignInFailed):
        counter.sign_in("khongco", "mật-khẩu-dài-34")


def test_offline_work_is_refused_clearly_when_the_leases_are_used_up(central_ctx: Context, tmp_path: Path,
                                                                     clock: Clock) -> None:
    kiosk = station(central_ctx, tmp_path / "kiosk", "kiosk", clock)
    kiosk.sync_now()
    held = sum(x.left for x in kiosk.journal.leases() if x.scope == f"service:{service_id(central_ctx, 'DD')}")
    for _ in range(held):
        kiosk.issue_ticket("DD")
    with pytest.raises(NoLeaseLeft, match="đã dùng hết số dự phòng của dịch vụ"):
        kiosk.issue_ticket("DD")
    assert kiosk.waiting() == held  # nothing saved half
    never = station(central_ctx, tmp_path / "new", "kiosk", clock)
    with pytest.raises(StoreUnavailable, match="chưa từng đồng bộ"):
        never.issue_ticket("DD")


def test_a_busy_server_is_not_offline(central_ctx: Context, central_url: str, tmp_path: Path, clock: Clock) -> None:
    """Another station holding the service's sequence row past the lock timeout: "busy, try again", and the
    station stays online (nothing is issued from the journal)."""
    from app.store.engine import StoreBusy

    kiosk = station(central_ctx, tmp_path / "kiosk", "kiosk", clock)
    kiosk.sync_now()
    issue_ticket(central_ctx, "DD")  # the sequence row of today exists
    holder = Store(central_url)
    try:
        with holder.write() as s:
            s.execute(select(Sequence).where(Sequence.kind == "ticket",
                                             Sequence.scope == f"service:{service_id(central_ctx, 'DD')}")
                      .with_for_update()).all()
            with pytest.raises(StoreBusy):
                kiosk.issue("DD")
    finally:
        holder.dispose()
    assert (kiosk.status()["mode"], kiosk.waiting()) == ("online", 0)
