"""P13: `motcua audit verify` over 1,000,000 chained history rows on PostgreSQL (target ≤ 10 s).

A demo-seeded store gets 250,000 tickets and their 1,000,000 ticket events (issued, called, serving, finished)
written by 16 stations over 60 days, through the import's bulk path (`app.store.bulk.bulk_insert`: COPY), in chunks
of 50,000; the database's chain trigger chains every event as it is copied (so the seeding time also shows what the
trigger costs per row). After VACUUM ANALYZE, `app.services.audit.verify(ctx)` over every day is timed 3 times
after a warm-up, with the process's peak memory; then one event is edited with the triggers off (the owner's
maintenance path) and verify is timed again, naming it (the chain it sits in is then walked row by row).
"""

from __future__ import annotations

import resource
import time
import uuid
from datetime import UTC, date, datetime, timedelta
from typing import Any

from bench.common import Row, Section, pg_database, pg_unavailable, s, say, seeded_store, verdict

TARGET_S = 10.0
EVENTS = 1_000_000
STATIONS = 16
DAYS = 60
CHUNK = 50_000
RUNS = 3
FIRST_DAY = date(2026, 6, 1)
KINDS = (("issued", None, "waiting"), ("called", "waiting", "called"), ("serving", "called", "serving"),
         ("finished", "serving", "done"))


def _seed(ctx: Any, events: int) -> float:
    from sqlalchemy import select

    from app.store.bulk import bulk_insert
    from app.store.engine import allow_long_work
    from app.store.models import Service, Ticket, TicketEvent

    with ctx.store.read() as sess:
        service_id = sess.scalar(select(Service.id).where(Service.code == "DD"))
    stations = [uuid.uuid4() for _ in range(STATIONS)]
    tickets_total = events // len(KINDS)
    per_day = -(-tickets_total // DAYS)
    started = time.perf_counter()
    tickets: list[dict[str, Any]] = []
    rows: list[dict[str, Any]] = []

    def flush() -> None:
        with ctx.store.write() as sess:
            allow_long_work(sess)
            bulk_insert(sess, Ticket.__table__, tickets)  # type: ignore[arg-type]
            bulk_insert(sess, TicketEvent.__table__, rows)  # type: ignore[arg-type]
        tickets.clear()
        rows.clear()

    for i in range(tickets_total):
        day, n = divmod(i, per_day)
        issued = datetime(FIRST_DAY.year, FIRST_DAY.month, FIRST_DAY.day, 1, tzinfo=UTC) + timedelta(
            days=day, seconds=n * 30_000 // per_day)
        station = stations[i % STATIONS]
        ticket_id = uuid.uuid4()
        tickets.append({"id": ticket_id, "service_id": service_id, "service_day": (issued + timedelta(hours=7)).date(),
                        "seq": n + 1, "number": n + 1, "display_number": str(n + 1), "status": "done",
                        "issued_at": issued, "call_count": 1, "printed": True, "issued_by_station": station})
        for k, (kind, before, after) in enumerate(KINDS):
            rows.append({"id": uuid.uuid4(), "ticket_id": ticket_id, "kind": kind,
                         "at": issued + timedelta(seconds=60 * k), "station_id": station, "from_status": before,
                         "to_status": after, "data": {"n": k} if k == 3 else None})
        if len(rows) >= CHUNK:
            flush()
    if rows:
        flush()
    return time.perf_counter() - started


def _peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure(url: str, events: int) -> dict[str, Any]:
    from sqlalchemy import text

    from app.services import audit
    from app.services.context import Context
    from app.store import chain

    store = seeded_store(url)
    try:
        ctx = Context(store)
        seed_s = _seed(ctx, events)
        say(f"  seeded {events:,} events in {s(seed_s)}")
        with store.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.execute(text("SET statement_timeout = 0"))
            conn.execute(text("VACUUM ANALYZE"))
        memory_before = _peak_mib()
        audit.verify(ctx)  # warm-up
        times = []
        for _ in range(RUNS):
            t0 = time.perf_counter()
            result = audit.verify(ctx)
            times.append(time.perf_counter() - t0)
            assert result.intact and result.rows >= events, (result.rows, result.findings[:3])
        say(f"  verify: {', '.join(s(t) for t in times)} ({result.rows:,} rows, {result.chains} chains)")
        with store.engine.begin() as conn, chain.triggers_off(conn):
            victim = conn.execute(text("SELECT id FROM ticket_events ORDER BY id LIMIT 1")).scalar_one()
            conn.execute(text("UPDATE ticket_events SET reason = 'sửa' WHERE id = :i"), {"i": victim})
        t0 = time.perf_counter()
        tampered = audit.verify(ctx)
        tampered_s = time.perf_counter() - t0
        named = [f.row_id for f in tampered.findings]
        say(f"  one row edited: {s(tampered_s)}, named {named}")
        return {"seed_s": seed_s, "times": times, "rows": result.rows, "chains": result.chains,
                "peak_mib": _peak_mib(), "memory_before": memory_before, "tampered_s": tampered_s,
                "named_ok": named == [str(victim)]}
    finally:
        store.dispose()


def run(events: int = EVENTS) -> Section:
    section = Section("p13", f"P13 — audit verify over {events:,} chained events, PostgreSQL")
    reason = pg_unavailable()
    if reason:
        section.rows.append(Row("audit verify", f"≤ {TARGET_S:.0f} s", "not measured", "—", reason))
        return section
    with pg_database() as url:
        r = measure(url, events)
    best, worst = min(r["times"]), max(r["times"])
    section.rows.append(Row(
        f"`audit.verify(ctx)`, every day, {r['rows']:,} rows in {r['chains']} chains", f"≤ {TARGET_S:.0f} s",
        f"{s(best)} best, {s(worst)} worst of {RUNS}", verdict(worst <= TARGET_S),
        f"peak memory of the process {r['peak_mib']:.0f} MiB (before verifying {r['memory_before']:.0f} MiB): the "
        "database checks every row, only a count per chain comes back"))
    section.rows.append(Row("the same after one event was edited with the triggers off", "names it",
                            f"{s(r['tampered_s'])}; named {'exactly that row' if r['named_ok'] else 'WRONG rows'}",
                            verdict(r["named_ok"]), "the chain holding it is read and walked row by row"))
    section.rows.append(Row("seeding: COPY through the chain trigger", "—",
                            f"{s(r['seed_s'])} for {events:,} events ({r['seed_s'] / events * 1e6:.0f} µs a row, "
                            "tickets included)", "—", f"{STATIONS} stations × {DAYS} days"))
    section.details.append(__doc__.strip().split("\n\n", 1)[1] if __doc__ else "")
    return section
