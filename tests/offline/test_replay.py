"""Replaying a station's outbox: idempotent, attributed to who and when, the conflict rules of docs/offline.md,
and a sync killed in the middle resumes with nothing lost or doubled."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import uuid
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select, update

from app.domain.accounts import Role
from app.services import dossiers, offline_central as central, queue
from app.services.accounts import sign_in
from app.services.context import Actor, Context
from app.services.offline import OfflineStation
from app.store.models import Dossier, DossierEvent, Procedure, Ticket, TicketEvent
from tests.offline.helpers import DRAFT, Clock, station
from tests.offline.test_offline_cli import motcua, station_config

pytestmark = pytest.mark.postgres
TOTAL = 1000  # five transactions of the replay's batches


def _officer(ctx: Context) -> Actor:
    from app.services.accounts import add_user

    add_user(ctx, Actor.maintenance(ctx), "canbo1", "Trần Thị Bình", "officer", "mật-khẩu-dài-12")
    return sign_in(ctx, "canbo1", "mật-khẩu-dài-12")


def _signed_in_here(counter: OfflineStation) -> Actor:
    """canbo1 signed in on this station while online (the station keeps its own hash), then again offline."""
    counter.remember_sign_in("canbo1", "mật-khẩu-dài-12")
    return counter.sign_in("canbo1", "mật-khẩu-dài-12")


def _ticket(ctx: Context, number: str) -> Ticket:
    with ctx.store.read() as s:
        found = s.scalar(select(Ticket).where(Ticket.display_number == number))
        assert found is not None
        return found


def test_a_dossier_received_offline_is_central_as_it_happened(central_ctx: Context, tmp_path: Path,
                                                              clock: Clock) -> None:
    officer = _officer(central_ctx)
    counter = station(central_ctx, tmp_path / "counter", "counter", clock, 1)
    counter.sync_now()
    made = counter.receive_dossier(_signed_in_here(counter), "DEMO.SXD.004", DRAFT)
    received_at = clock.at
    clock.at += timedelta(hours=2)  # synced two hours later
    with central_ctx.store.write() as s:  # the procedure was closed meanwhile: the dossier is kept all the same
        s.execute(update(Procedure).where(Procedure.code == "DEMO.SXD.004").values(active=False))
    report = counter.sync_now()
    assert (report.replayed, report.failed) == (1, [])
    view = dossiers.get_dossier(central_ctx, made.code)
    assert (view.id, view.received_at, view.due_at, view.register_line) == (made.request_id, made.received_at,
                                                                            made.due_at, made.register_line)
    assert made.received_at <= received_at
    assert (view.received_by, view.events[0].officer_name) == (officer.officer_id, "Trần Thị Bình")
    assert counter.sync_now().replayed == 0  # a second replay changes nothing
    with central_ctx.store.read() as s:
        assert s.scalar(select(func.count()).select_from(DossierEvent)
                        .where(DossierEvent.dossier_id == made.request_id)) == 1


def test_a_dossier_already_central_is_skipped(central_ctx: Context, tmp_path: Path, clock: Clock) -> None:
    """The online attempt committed but its reply was lost: the offline copy of the same request is skipped."""
    counter = station(central_ctx, tmp_path / "counter", "counter", clock, 1)
    counter.sync_now()
    request = uuid.uuid4()
    online = dossiers.receive_dossier(central_ctx, Actor.maintenance(central_ctx), _procedure_id(central_ctx), DRAFT,
                                      request_id=request)
    counter.receive_dossier(Actor.maintenance(central_ctx), "DEMO.SXD.004", DRAFT, request_id=request)
    report = counter.sync_now()
    assert (report.replayed, report.skipped) == (0, 1)
    with central_ctx.store.read() as s:
        assert list(s.scalars(select(Dossier.code).where(Dossier.id == request))) == [online.code]


def _procedure_id(ctx: Context) -> int:
    return dossiers.procedure_id_by_code(ctx, "DEMO.SXD.004")


def test_a_ticket_called_offline_and_online_keeps_both_calls_and_the_earlier_finish(
        central_ctx: Context, tmp_path: Path, clock: Clock) -> None:
    officer = _officer(central_ctx)
    kiosk = station(central_ctx, tmp_path / "kiosk", "kiosk", clock)
    counter = station(central_ctx, tmp_path / "counter", "counter", clock, 2)
    kiosk.sync_now()
    counter.sync_now()
    ticket = kiosk.issue_ticket("DD")
    kiosk.sync_now()
    # counter 2 is cut off: it calls the number the citizen shows and finishes it
    counter.call_number(officer, ticket.display_number)
    counter.act_on_held(officer, "serving")
    counter.act_on_held(officer, "finished")
    offline_finish = clock.at
    # meanwhile counter 1, online, calls the same number and finishes it later
    clock.at += timedelta(minutes=5)
    called = queue.call_next(central_ctx, officer, 1)
    assert called is not None and called.display_number == ticket.display_number
    queue.finish(central_ctx, officer, 1)
    report = counter.sync_now()
    assert (report.replayed, report.failed) == (3, [])
    row = _ticket(central_ctx, ticket.display_number)
    assert (row.status, row.finished_at) == ("finished", offline_finish)  # the earlier finish wins
    with central_ctx.store.read() as s:
        kinds = sorted(s.scalars(select(TicketEvent.kind).where(TicketEvent.ticket_id == row.id)))
    assert kinds == ["called", "called", "finished", "finished", "issued", "serving"]  # every event kept


def test_an_event_of_a_ticket_not_central_yet_waits_for_the_kiosk(central_ctx: Context, tmp_path: Path,
                                                                  clock: Clock) -> None:
    kiosk = station(central_ctx, tmp_path / "kiosk", "kiosk", clock)
    counter = station(central_ctx, tmp_path / "counter", "counter", clock, 2)
    kiosk.sync_now()
    counter.sync_now()
    ticket = kiosk.issue_ticket("DD")  # still only in the kiosk's journal
    counter.call_number(Actor.maintenance(central_ctx), ticket.display_number)
    first = counter.sync_now()
    assert (first.replayed, first.deferred, counter.waiting()) == (0, 1, 1)
    kiosk.sync_now()
    second = counter.sync_now()
    assert (second.replayed, counter.waiting()) == (1, 0)
    assert _ticket(central_ctx, ticket.display_number).status == "called"


def test_a_sync_killed_mid_replay_resumes_with_nothing_lost_or_doubled(central_url: str, tmp_path: Path) -> None:
    cfg = station_config(tmp_path / "kiosk", central_url, "kiosk")
    assert motcua(cfg, "sync", "now").returncode == 0
    from app.services.context import Context as Ctx
    from app.store.engine import Store

    store = Store(central_url)
    ctx = Ctx(store)
    kiosk = OfflineStation(ctx, cfg.parent / "data", "kiosk")
    # one big block, so all the offline tickets fit
    service = next(v for v in kiosk.journal.reference("services") if v["code"] == "DD")
    lease = central.take_lease(ctx, kiosk.station_id, "ticket", f"service:{service['id']}",
                               ctx.now().astimezone(central.LOCAL_TZ).date(), TOTAL)
    kiosk.journal.add_lease(lease.id, lease.kind, lease.scope, lease.day, lease.first_seq, lease.last_seq)
    made = {kiosk.issue_ticket("DD").id for _ in range(TOTAL)}
    kiosk.close()
    env = {**os.environ, "MOTCUA_DATA_DIR": str(cfg.parent / "data")}
    sync = subprocess.Popen([sys.executable, "-m", "app", "--config", str(cfg), "sync", "now"], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        while _count(ctx, made) == 0:  # let it replay some of the items, then kill it without warning
            assert sync.poll() is None, "the sync ended before it could be killed"
            time.sleep(0.01)
        os.kill(sync.pid, signal.SIGKILL)
    finally:
        sync.wait()
    partly = _count(ctx, made)
    assert 0 < partly < TOTAL
    done = motcua(cfg, "--json", "sync", "now")
    assert done.returncode == 0, done.stderr
    assert _count(ctx, made) == TOTAL
    with ctx.store.read() as s:
        numbers = list(s.scalars(select(Ticket.seq).where(Ticket.id.in_(made))))  # the printed number wraps at 999
        events = s.scalar(select(func.count()).select_from(TicketEvent).where(TicketEvent.ticket_id.in_(made)))
    assert len(numbers) == len(set(numbers)) == TOTAL and events == TOTAL
    store.dispose()


def _count(ctx: Context, ids: set[uuid.UUID]) -> int:
    with ctx.store.read() as s:
        return int(s.scalar(select(func.count()).select_from(Ticket).where(Ticket.id.in_(ids))) or 0)


def test_reports_count_offline_work_on_the_day_it_happened(central_ctx: Context, tmp_path: Path,
                                                           clock: Clock) -> None:
    """Issued and received on Monday while offline, synced on Tuesday: Monday's day review and period report count
    them, Tuesday's do not."""
    from datetime import date

    from app.services.daily_review import daily_review
    from app.services.period_report import period_report

    monday, tuesday = date(2026, 11, 30), date(2026, 12, 1)
    kiosk = station(central_ctx, tmp_path / "kiosk", "kiosk", clock)
    counter = station(central_ctx, tmp_path / "counter", "counter", clock, 1)
    kiosk.sync_now()
    counter.sync_now()
    tickets = [kiosk.issue_ticket("DD") for _ in range(3)]
    made = counter.receive_dossier(Actor.maintenance(central_ctx), "DEMO.SXD.004", DRAFT)
    clock.at += timedelta(days=1)  # Tuesday
    assert kiosk.sync_now().replayed == 3 and counter.sync_now().replayed == 1
    supervisor = Actor.maintenance(central_ctx)
    on_monday = daily_review(central_ctx, supervisor, monday)
    assert {t.id for t in tickets} <= {uuid.UUID(line.id) for line in on_monday.tickets}
    assert daily_review(central_ctx, supervisor, tuesday).total.count == 0
    assert period_report(central_ctx, monday, monday).total.received_direct == 1
    after = period_report(central_ctx, tuesday, tuesday).total
    assert (after.received_direct, after.carried_over) == (0, 1)  # Monday's dossier carried into Tuesday
    assert dossiers.get_dossier(central_ctx, made.code).received_at.date() == monday
