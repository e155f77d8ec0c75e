"""Setting aside an outbox item the server keeps refusing (docs/offline.md, «Setting an item aside»): a payment for
a dossier code the server does not know is held back; an officer sets it aside with a reason, so nothing waits
for ever; the item stays in the journal, and the next sync reports it to the server as one audit event, once."""

from __future__ import annotations

import json
import sqlite3
import uuid
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import delete, select, update

from app.domain.errors import Conflict, NotFound, PermissionDenied, ValidationError
from app.services import accounts
from app.services.context import Actor, Context
from app.services.offline import OfflineStation
from app.services.offline_central import SET_ASIDE_ACTION
from app.store import journal
from app.store.models import AuditEvent, Payment
from bench.throwaway_pg import ThrowawayPostgres
from tests.offline.helpers import Clock, station
from tests.offline.test_offline_cli import motcua, station_config
from tests.offline.test_replay import _officer, _signed_in_here
from tests.offline.test_station_roles import as_role, owner  # noqa: F401  (fixtures: a station's own role)

pytestmark = pytest.mark.postgres
CODE = "000.00.06.H56-261130-9999"  # mistyped: no such dossier on the server
REASON = "Mã hồ sơ gõ nhầm; đã thu lại theo biên lai BL-8"


def _events(ctx: Context) -> list[AuditEvent]:
    with ctx.store.read() as s:
        return list(s.scalars(select(AuditEvent).where(AuditEvent.action == SET_ASIDE_ACTION)))


def _held_back_payment(desk: OfflineStation, officer: Actor) -> str:
    """A fee recorded offline for a code the server does not know: refused before its first try, then held back."""
    desk.record_payment(officer, CODE, 10_000, "cash", "BL-7")
    [item] = desk.journal.pending()
    with pytest.raises(Conflict, match="chưa bị máy chủ từ chối"):  # never tried yet: nothing to set aside
        desk.set_aside(officer, str(item.id), REASON)
    report = desk.sync_now()
    assert (report.deferred, report.failed, desk.waiting()) == (1, [], 1)
    [held] = desk.status()["held_back"]
    assert (held["id"], held["kind"], held["what"]) == (str(item.id)[:8], "payment", CODE)
    return str(item.id)


def test_a_journal_made_before_set_aside_gets_its_table(tmp_path: Path) -> None:
    path = tmp_path / journal.JOURNAL_FILE
    journal.Journal(path).close()
    with sqlite3.connect(path) as raw:  # as a journal file of the previous version
        raw.execute("DROP TABLE journal_set_aside")
    opened = journal.Journal(path)
    try:
        assert (opened.pending(), opened.pending_count(), opened.set_aside()) == ([], 0, [])
    finally:
        opened.close()


def test_a_payment_for_a_mistyped_code_is_set_aside_and_reported_once(central_ctx: Context, tmp_path: Path,
                                                                     clock: Clock) -> None:
    _officer(central_ctx)
    desk = station(central_ctx, tmp_path / "counter", "counter", clock, 1)
    desk.sync_now()
    officer = _signed_in_here(desk)  # through the journal, as while the server is down
    item_id = _held_back_payment(desk, officer)
    with pytest.raises(ValidationError, match="ít nhất 10 ký tự"):
        desk.set_aside(officer, item_id[:8], "  gõ nhầm ")
    with pytest.raises(ValidationError, match="ít nhất 6 ký tự"):
        desk.set_aside(officer, item_id[:5], REASON)
    with pytest.raises(NotFound):
        desk.set_aside(officer, "0" * 8 if not item_id.startswith("0") else "f" * 8, REASON)
    with pytest.raises(PermissionDenied):
        desk.set_aside(Actor.maintenance(central_ctx), item_id[:8], REASON)  # not a signed-in officer
    twins = [uuid.UUID(f"abcdef{n:02d}-0000-4000-8000-000000000000") for n in (1, 2)]
    with desk.journal.recording() as c:  # two items whose ids share their first 6 characters
        for twin in twins:
            desk.journal.add_item(c, twin, "payment", {"id": str(twin), "code": CODE}, clock())
    for twin in twins:
        desk.journal.mark_failed(twin, "Hồ sơ chưa có trên máy chủ")
    with pytest.raises(Conflict, match="ứng với 2 mục"):
        desk.set_aside(officer, "abcdef", REASON)
    desk.set_aside(officer, "abcdef01", REASON)
    assert [x.id for x in desk.journal.pending()] == [uuid.UUID(item_id), twins[1]]
    with desk.journal.store.write() as s:  # back to the one held-back payment
        s.execute(delete(journal.set_aside_items))
        s.execute(delete(journal.outbox).where(journal.outbox.c.id.in_([str(t) for t in twins])))
    assert desk.set_aside(officer, item_id[:8].upper(), REASON).id.hex == item_id.replace("-", "")
    with pytest.raises(Conflict, match="đã được gác lại"):
        desk.set_aside(officer, item_id, REASON)
    assert (desk.waiting(), desk.journal.pending()) == (0, [])
    [aside] = desk.status()["set_aside"]
    assert (aside["id"], aside["what"], aside["reason"], aside["reported"]) == (item_id[:8], CODE, REASON, False)

    report = desk.sync_now()
    assert (report.failed, report.deferred, report.set_aside_reported) == ([], 0, 1)
    [event] = _events(central_ctx)
    assert (event.officer_id, event.actor, event.target) == (officer.officer_id, "canbo1",
                                                             f"payment {CODE} (mục {item_id})")
    assert event.before["code"] == CODE and event.before["receipt_no"] == "BL-7"
    assert event.after["reason"] == REASON and event.after["officer"] == {"id": officer.officer_id, "login": "canbo1"}
    assert desk.status()["set_aside"][0]["reported"] is True
    assert desk.sync_now().set_aside_reported == 0 and len(_events(central_ctx)) == 1
    # a station killed between the server's commit and its own mark reports again: the event's id clashes
    with desk.journal.store.write() as s:
        s.execute(update(journal.set_aside_items).values(reported_at=None))
    assert desk.sync_now().set_aside_reported == 1 and len(_events(central_ctx)) == 1
    # the item itself is kept as it was, never sent
    [kept] = [x for x in desk.journal.items_by_prefix(item_id) if x.sent_at is None]
    assert kept.payload["receipt_no"] == "BL-7"
    with central_ctx.store.read() as s:
        assert list(s.scalars(select(Payment.id).where(Payment.receipt_no == "BL-7"))) == []


@pytest.mark.usefixtures("postgres_available")
def test_over_the_counters_own_role(as_role: Callable[..., Context], owner: Context,  # noqa: F811
                                    tmp_path: Path, clock: Clock) -> None:
    counter_ctx = as_role("counter")
    desk = station(counter_ctx, tmp_path / "counter", "counter", clock, 2)
    desk.sync_now()
    officer = accounts.sign_in(counter_ctx, "canbo02", "canbo123")
    desk.remember_sign_in("canbo02", "canbo123")
    desk.ctx = as_role("counter", port=1)  # the server goes away
    here = desk.sign_in("canbo02", "canbo123")
    desk.record_payment(here, CODE, 10_000, "cash", "BL-9")
    desk.ctx = counter_ctx
    assert desk.sync_now().deferred == 1
    [item] = desk.journal.pending()
    desk.ctx = as_role("counter", port=1)
    desk.set_aside(desk.sign_in("canbo02", "canbo123"), str(item.id)[:6], REASON)  # offline, through the journal
    desk.ctx = counter_ctx
    assert desk.sync_now().set_aside_reported == 1 and desk.waiting() == 0
    mine = [e for e in _events(owner) if e.target.endswith(f"(mục {item.id})")]
    assert [(e.officer_id, e.after["reason"]) for e in mine] == [(officer.officer_id, REASON)]
    assert desk.sync_now().set_aside_reported == 0


def test_the_cli_sets_aside_while_the_server_is_down(central_url: str, running_pg: ThrowawayPostgres,
                                                     tmp_path: Path, clock: Clock) -> None:
    from app.store.engine import Store

    cfg = station_config(tmp_path / "counter", central_url, "counter", 1)
    assert motcua(cfg, "sync", "now").returncode == 0
    store = Store(central_url)
    try:
        ctx = Context(store, clock=clock)
        desk = OfflineStation(ctx, cfg.parent / "data", "counter", 1, clock=clock)
        desk.record_payment(Actor.maintenance(ctx), CODE, 10_000, "cash", "BL-7")
        desk.close()
        assert motcua(cfg, "sync", "now").returncode == 0  # held back, not a failure
        [held] = json.loads(motcua(cfg, "--json", "sync", "status").stdout)["held_back"]
        short = motcua(cfg, "sync", "set-aside", held["id"], "--reason", "nhầm", "--officer", "canbo01",
                       password="canbo123")
        assert short.returncode == 1 and short.stderr.count("\n") == 1 and "ít nhất 10 ký tự" in short.stderr
        running_pg.stop()
        done = motcua(cfg, "sync", "set-aside", held["id"], "--reason", REASON, "--officer", "canbo01",
                      password="canbo123")
        assert done.returncode == 0, done.stderr
        assert f"payment {CODE}" in done.stdout and held["id"] in done.stdout
        text = motcua(cfg, "sync", "status").stdout
        assert "Mục chờ đồng bộ: 0" in text and f"[{held['id']}] payment {CODE} — {REASON}" in text
        running_pg.start()
        synced = motcua(cfg, "sync", "now")
        assert synced.returncode == 0, synced.stderr
        assert "báo máy chủ 1 mục đã gác lại" in synced.stdout and "còn chờ 0" in synced.stdout
        assert "đã báo máy chủ" in motcua(cfg, "sync", "status").stdout
        assert [e.after["reason"] for e in _events(ctx)] == [REASON]
    finally:
        store.dispose()
