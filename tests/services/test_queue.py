"""The queue on both backends: numbers per service and day, calling with priorities, transfers, events, and
several OS processes issuing and calling at once."""

from __future__ import annotations

import multiprocessing as mp
from datetime import datetime, timedelta, timezone

import pytest
from sqlalchemy import select

from app.domain.errors import NotFound
from app.domain.queue import QueueError
from app.services import accounts, hall, queue
from app.services.context import Actor, Context
from app.store.engine import Store
from app.store.models import Ticket, TicketEvent
from app.store.sequences import peek

T0 = datetime(2026, 11, 30, 1, 0, tzinfo=timezone.utc)  # Monday 08:00 in Hà Nội


def officer(ctx: Context, login: str = "canbo01") -> Actor:
    return accounts.maintenance_acting_as(ctx, login)


def test_numbers_count_up_per_service_and_restart_next_day(hall_ctx: Context) -> None:
    assert [queue.issue_ticket(hall_ctx, "DD").display_number for _ in range(3)] == ["1001", "1002", "1003"]
    assert queue.issue_ticket(hall_ctx, "tp").display_number == "2001"
    fourth = queue.issue_ticket(hall_ctx, "DD")
    assert fourth.people_ahead == 3 and fourth.estimated_wait_minutes == 18  # 3 × 12 min / 2 counters
    hall_ctx.extra["clock"][0] = T0 + timedelta(days=1)  # type: ignore[index]
    assert queue.issue_ticket(hall_ctx, "DD").display_number == "1001"


def test_range_wraps_and_daily_cap(hall_ctx: Context) -> None:
    sid = next(v for v in hall.list_services(hall_ctx) if v.draft.code == "DN2")
    hall.save_service(hall_ctx, Actor.maintenance(hall_ctx), sid.id,
                      hall.ServiceDraft("DN2", sid.draft.name, "E", 1, 3, 4, 6, sid.draft.agency_ids))
    assert [queue.issue_ticket(hall_ctx, "DN2").display_number for _ in range(4)] == ["E1", "E2", "E3", "E1"]
    for _ in range(2):
        with pytest.raises(QueueError, match="hết số"):
            queue.issue_ticket(hall_ctx, "DN2")
    with hall_ctx.store.read() as s:
        assert s.query(Ticket).count() == 4  # the refused ones left nothing behind
        assert peek(s, "ticket", f"service:{sid.id}", queue.local_day(hall_ctx.now())) == 4  # not even a number
    hall.save_service(hall_ctx, Actor.maintenance(hall_ctx), sid.id,  # the cap raised later in the day: numbering goes on
                      hall.ServiceDraft("DN2", sid.draft.name, "E", 1, 3, 5, 6, sid.draft.agency_ids))
    assert queue.issue_ticket(hall_ctx, "DN2").display_number == "E2"


def test_call_serve_finish_with_events(hall_ctx: Context) -> None:
    t = queue.issue_ticket(hall_ctx, "DD")
    me = officer(hall_ctx)
    assert queue.call_next(hall_ctx, me, 1).display_number == t.display_number
    with pytest.raises(QueueError, match="đang có số"):
        queue.call_next(hall_ctx, me, 1)
    assert queue.recall(hall_ctx, me, 1).call_count == 2
    assert queue.start_serving(hall_ctx, me, 1).status == "serving"
    assert queue.finish(hall_ctx, me, 1).status == "finished"
    assert queue.call_next(hall_ctx, me, 1) is None  # nobody waits
    with pytest.raises(QueueError, match="chưa gọi"):
        queue.finish(hall_ctx, me, 1)
    with hall_ctx.store.read() as s:
        events = s.execute(select(TicketEvent.kind, TicketEvent.from_status, TicketEvent.to_status,
                                  TicketEvent.officer_id).order_by(TicketEvent.at)).all()
    assert [e[:3] for e in events] == [("issued", None, "waiting"), ("called", "waiting", "called"),
                                       ("recalled", "called", "called"), ("serving", "called", "serving"),
                                       ("finished", "serving", "finished")]
    assert all(e.officer_id == me.officer_id for e in events[1:])


def test_counter_calls_only_its_services_and_priority_interleaves(hall_ctx: Context) -> None:
    me = officer(hall_ctx)
    queue.issue_ticket(hall_ctx, "TP")  # counter 1 does not call TP
    normals = [queue.issue_ticket(hall_ctx, "DD").display_number for _ in range(5)]
    priorities = [queue.issue_ticket(hall_ctx, "DD", "elderly").display_number for _ in range(2)]
    called = []
    for _ in range(7):
        called.append(queue.call_next(hall_ctx, me, 1).display_number)
        queue.finish(hall_ctx, me, 1)
    # first priority at once, then 3 normals (priority_every = 3), then the second priority, then the rest
    assert called == [priorities[0], *normals[:3], priorities[1], *normals[3:]]
    assert queue.call_next(hall_ctx, me, 1) is None
    assert queue.call_next(hall_ctx, me, 3).service_code == "TP"


def test_skip_and_transfer_keep_the_number_and_place(hall_ctx: Context) -> None:
    me = officer(hall_ctx)
    first = queue.issue_ticket(hall_ctx, "DD")
    queue.call_next(hall_ctx, me, 1)
    queue.skip(hall_ctx, me, 1)
    second = queue.issue_ticket(hall_ctx, "DD")
    queue.call_next(hall_ctx, me, 1)
    later = queue.issue_ticket(hall_ctx, "TP")
    moved = queue.transfer(hall_ctx, me, second.display_number, "TP")
    assert moved.display_number == second.display_number and moved.service_code == "TP"
    assert queue.call_next(hall_ctx, me, 3).display_number == second.display_number  # issued before `later`
    queue.finish(hall_ctx, me, 3)
    assert queue.call_next(hall_ctx, me, 3).display_number == later.display_number
    st = queue.queue_status(hall_ctx)
    assert {c.number: c.ticket for c in st.counters if c.ticket} == {3: later.display_number}
    with pytest.raises(NotFound):
        queue.transfer(hall_ctx, me, first.display_number, "TP")  # a no-show is not in the queue any more


def test_transfer_reserved_for_a_counter(hall_ctx: Context) -> None:
    me = officer(hall_ctx)
    queue.issue_ticket(hall_ctx, "TP")
    t = queue.issue_ticket(hall_ctx, "DD")
    queue.transfer(hall_ctx, me, t.display_number, "TP", to_counter=4)
    assert queue.call_next(hall_ctx, me, 4).display_number == t.display_number  # reserved ones first
    assert queue.call_next(hall_ctx, me, 3).display_number == "2001"


def test_roles_and_unknowns(hall_ctx: Context) -> None:
    from app.domain.accounts import Role

    with pytest.raises(NotFound, match="ZZ"):
        queue.issue_ticket(hall_ctx, "ZZ")
    with pytest.raises(NotFound, match="99"):
        queue.call_next(hall_ctx, officer(hall_ctx), 99)
    with pytest.raises(QueueError):
        queue.issue_ticket(hall_ctx, "DD", "vip")
    assert queue.call_next(hall_ctx, Actor.maintenance(hall_ctx), 1) is None
    with pytest.raises(TypeError, match="never built by hand"):  # services trust only sign-in's actors
        Actor(None, "cli", "CLI", Role.OFFICER)


def _issue_and_call(url: str, counter: int | None, issues: int,
                    out: "mp.Queue[tuple[list[str], list[str]]]") -> None:
    from app.services.accounts import maintenance_acting_as

    store = Store(url)
    ctx = Context(store)
    me = maintenance_acting_as(ctx, f"canbo0{counter or 9}")
    issued, called = [], []
    for _ in range(issues):
        issued.append(queue.issue_ticket(ctx, "DD").display_number)
        view = queue.call_next(ctx, me, counter) if counter else None
        if view is not None:
            called.append(view.display_number)
            queue.finish(ctx, me, counter)
    store.dispose()
    out.put((issued, called))


def test_processes_issue_and_call_at_once(demo_url: str) -> None:
    spawn = mp.get_context("spawn")
    out: "mp.Queue[tuple[list[str], list[str]]]" = spawn.Queue()
    procs = [spawn.Process(target=_issue_and_call, args=(demo_url, c, 15, out)) for c in (1, 2, None, None)]
    for p in procs:
        p.start()
    results = [out.get(timeout=180) for _ in procs]
    for p in procs:
        p.join(timeout=60)
    issued = sorted(n for r in results for n in r[0])
    called = [n for r in results for n in r[1]]
    assert issued == [str(1001 + i) for i in range(60)], "no number twice, none lost"
    assert len(called) == len(set(called)), "no ticket called by two counters"
    ctx = Context(Store(demo_url))
    with ctx.store.read() as s:
        statuses = dict(s.execute(select(Ticket.display_number, Ticket.status)).all())
    assert set(called) == {n for n, st in statuses.items() if st == "finished"}
    ctx.store.dispose()


def test_a_call_is_announced_to_other_stations(hall_ctx: Context) -> None:
    import threading

    from app.store.live import LiveFeed

    heard: list[object] = []
    got = threading.Event()

    def on_change(change: object) -> None:
        if getattr(change, "topic", None) in ("queue", "*") and getattr(change, "payload", {}).get("reason") is None:
            heard.append(change)
            got.set()

    online = threading.Event()
    feed = LiveFeed(hall_ctx.store.url, {"queue"}, on_change, lambda ok, _msg: ok and online.set(),
                    poll_interval=0.05)
    feed.start()
    try:
        assert online.wait(5), "the feed is listening before the change"
        heard.clear()
        got.clear()
        queue.issue_ticket(hall_ctx, "DD")
        assert got.wait(5), "the change reached the feed"
        if hall_ctx.store.backend == "postgresql":
            assert heard[0].payload["event"] == "issued"  # type: ignore[attr-defined]
    finally:
        feed.stop()


def test_cancel_a_waiting_ticket(hall_ctx: Context) -> None:
    me = officer(hall_ctx)
    t = queue.issue_ticket(hall_ctx, "DD")
    assert queue.cancel(hall_ctx, me, t.display_number, "đi nhầm quầy").status == "cancelled"
    assert queue.call_next(hall_ctx, me, 1) is None  # a cancelled ticket is never called
    with hall_ctx.store.read() as s:
        kinds = [k for k, in s.execute(select(TicketEvent.kind).order_by(TicketEvent.at))]
    assert kinds == ["issued", "cancelled"]
    with pytest.raises(NotFound):
        queue.cancel(hall_ctx, me, t.display_number, "")


def test_the_postgresql_number_and_display_sql_match_the_domain_rules(store_factories, postgres_available) -> None:  # type: ignore[no-untyped-def]
    """issue_ticket on PostgreSQL computes the printed number and its text in SQL (one statement while the
    sequence row is locked); they must be exactly `number_for` and `display_number`."""
    from sqlalchemy import text as sql

    from app.domain import queue as rules
    from app.services.ticket_issue import DISPLAY_SQL, NUMBER_SQL

    factory = store_factories["postgresql"]
    store = Store(factory.url("migrated"))
    cases = [(seq, start, end, prefix) for seq in (1, 2, 9, 10, 99, 999, 1000, 1001, 2500)
             for start, end in ((1, 999), (1001, 1999), (1, 9), (0, 99), (7, 12)) for prefix in ("", "A", "TP")]
    query = sql(f"SELECT n.number, {DISPLAY_SQL} FROM (SELECT {NUMBER_SQL} AS number "
                "FROM (SELECT CAST(:seq AS integer) AS value) AS seq) AS n")
    try:
        with store.engine.connect() as conn:
            for seq, start, end, prefix in cases:
                number, display = conn.execute(query, {"seq": seq, "start": start, "end": end,
                                                       "prefix": prefix}).one()
                expected = rules.number_for(seq, start, end)
                assert (number, display) == (expected, rules.display_number(prefix, expected, end)), \
                    (seq, start, end, prefix)
    finally:
        store.dispose()
