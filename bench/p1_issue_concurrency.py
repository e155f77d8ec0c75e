"""P1: issuing tickets from 8 OS processes at once on PostgreSQL (in-process `queue.issue_ticket`).

A demo-seeded throwaway database; 8 issuer processes (multiprocessing, spawn) start together on a barrier and
each issues ISSUES tickets of service "DD" (all on one service: the worst case, one sequence row for all).
Two loads: the target's, 300 issues a second offered by the 8 together (each process one issue every 26.7 ms,
phases spread, latency counted from the planned moment so a backlog shows), and back to back (the most they can
issue; there latency is only the queue of 8 processes for 2 CPUs). Afterwards the tickets table is read:
duplicates (a seq of the day taken twice), gaps (seqs 1..max never stored) and lost tickets (acknowledged to a
worker, not in the table).

The peer's way, measured in the same run with the same processes: `count()+1` numbering on a table of its own
(BEGIN; SELECT count(*) … WHERE service/day; INSERT count+1; COMMIT — READ COMMITTED, no lock, no unique key),
the way many counter programs number tickets. It is raw SQL (no ORM, no events), so it is faster per call; the
point is the duplicates it hands out.
"""

from __future__ import annotations

import multiprocessing as mp
import os
import tempfile
import time
import traceback
from pathlib import Path
from typing import Any

from bench.common import (
    Row,
    Section,
    Stats,
    ms,
    pg_database,
    pg_unavailable,
    s,
    say,
    seeded_store,
    two_cores_note,
    verdict,
)

TARGET_P99_S = 0.015
TARGET_RATE = 300.0
PROCESSES = 8
ISSUES = 300
WARMUPS = 5
SERVICE = "DD"
PEER_TABLE = "bench_peer_tickets"


def _worker(mode: str, url: str, tmp: str, n: int, barrier: Any, results: Any, pace: float = 0.0,
            phase: float = 0.0) -> None:
    """One issuer process: warm up, wait for the others, issue `n` tickets, report latencies and ids.

    pace 0: back to back (the most a process can issue). pace > 0: one issue every `pace` seconds from `phase`
    on (an offered load, as kiosks issue); the latency then runs from the planned moment, so a backlog counts."""
    try:
        from bench.common import isolate_process

        isolate_process(Path(tmp))
        if mode == "motcua":
            from app.services import queue
            from app.services.context import Context
            from app.store.engine import Store

            store = Store(url)
            ctx = Context(store)
            for _ in range(WARMUPS):
                queue.issue_ticket(ctx, SERVICE)

            def issue() -> str:
                return str(queue.issue_ticket(ctx, SERVICE).id)
        else:
            import psycopg
            from sqlalchemy.engine import make_url

            u = make_url(url)
            conn = psycopg.connect(host=u.host, port=u.port or 5432, user=u.username, dbname=u.database,
                                   password=u.password)  # psycopg default: a transaction per block, READ COMMITTED

            def issue() -> str:
                with conn.transaction():
                    counted = conn.execute(f"SELECT count(*) FROM {PEER_TABLE} "
                                           "WHERE service = %s AND day = current_date", (SERVICE,)).fetchone()
                    assert counted is not None
                    count = counted[0]
                    row = conn.execute(f"INSERT INTO {PEER_TABLE} (service, day, seq) "
                                       "VALUES (%s, current_date, %s) RETURNING id", (SERVICE, count + 1)).fetchone()
                assert row is not None
                return str(row[0])

            for _ in range(WARMUPS):
                issue()
        barrier.wait(timeout=120)
        latencies, ids, errors = [], [], []
        started, cpu_started = time.time(), time.process_time()
        planned = time.perf_counter() + phase
        for _ in range(n):
            if pace:
                delay = planned - time.perf_counter()
                if delay > 0:
                    time.sleep(delay)
                t0, planned = planned, planned + pace
            else:
                t0 = time.perf_counter()
            try:
                ids.append(issue())
            except Exception as exc:  # a refused issue is counted, the run goes on
                errors.append(f"{type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}")
            latencies.append(time.perf_counter() - t0)
        ended, cpu = time.time(), time.process_time() - cpu_started
        results.put({"latencies": latencies, "ids": ids, "errors": errors, "started": started, "ended": ended,
                     "cpu": cpu})
    except BaseException:
        results.put({"fatal": traceback.format_exc()})
        try:
            barrier.abort()
        except Exception:
            pass


def _run_load(mode: str, url: str, tmp: str, processes: int, n: int, rate: float = 0.0) -> dict[str, Any]:
    """Start `processes` issuer processes together; gather their latencies, ids, errors and the wall span.
    rate 0: each issues back to back; rate > 0: together they are offered `rate` issues per second."""
    spawn = mp.get_context("spawn")
    barrier = spawn.Barrier(processes)
    results = spawn.Queue()
    pace = processes / rate if rate else 0.0
    workers = [spawn.Process(target=_worker, args=(mode, url, tmp, n, barrier, results, pace, i * pace / processes),
                             daemon=True) for i in range(processes)]
    for w in workers:
        w.start()
    reports = [results.get(timeout=600) for _ in workers]
    for w in workers:
        w.join(timeout=30)
    fatal = [r["fatal"] for r in reports if "fatal" in r]
    if fatal:
        raise RuntimeError(f"an issuer process failed:\n{fatal[0]}")
    latencies = [t for r in reports for t in r["latencies"]]
    ids = [i for r in reports for i in r["ids"]]
    errors = [e for r in reports for e in r["errors"]]
    span = max(r["ended"] for r in reports) - min(r["started"] for r in reports)
    cpu = sum(r["cpu"] for r in reports) / max(1, len(latencies))
    return {"stats": Stats.of(latencies), "ids": ids, "errors": errors, "span": span,
            "rate": len(ids) / span if span > 0 else 0.0, "cpu": cpu}


def _check_motcua(url: str, ids: list[str]) -> dict[str, int]:
    """Duplicates, gaps and lost tickets of the run, read from the tickets table afterwards."""
    import psycopg
    from sqlalchemy.engine import make_url

    u = make_url(url)
    with psycopg.connect(host=u.host, port=u.port or 5432, user=u.username, dbname=u.database,
                         password=u.password) as conn:
        rows = conn.execute("SELECT t.service_day, t.seq FROM tickets t JOIN services v ON v.id = t.service_id "
                            "WHERE v.code = %s", (SERVICE,)).fetchall()
        stored = {str(r[0]) for r in conn.execute("SELECT id FROM tickets")}
        events_row = conn.execute("SELECT count(*) FROM ticket_events WHERE kind = 'issued'").fetchone()
        events = events_row[0] if events_row else 0
    return {**_dups_and_gaps(rows), "lost": sum(1 for i in ids if i not in stored), "issued_events": events}


def _check_peer(url: str) -> dict[str, int]:
    import psycopg
    from sqlalchemy.engine import make_url

    u = make_url(url)
    with psycopg.connect(host=u.host, port=u.port or 5432, user=u.username, dbname=u.database,
                         password=u.password) as conn:
        rows = conn.execute(f"SELECT day, seq FROM {PEER_TABLE} WHERE service = %s", (SERVICE,)).fetchall()
    return _dups_and_gaps(rows)


def _dups_and_gaps(rows: list[tuple[Any, int]]) -> dict[str, int]:
    """Per day: duplicates = rows beyond the first of a seq; gaps = seqs 1..max with no row."""
    by_day: dict[Any, list[int]] = {}
    for day, seq in rows:
        by_day.setdefault(day, []).append(seq)
    dups = sum(len(seqs) - len(set(seqs)) for seqs in by_day.values())
    gaps = sum(max(seqs) - len(set(seqs)) for seqs in by_day.values())
    numbers_twice = sum(1 for seqs in by_day.values() for v in set(seqs) if seqs.count(v) > 1)
    return {"rows": len(rows), "duplicates": dups, "numbers_twice": numbers_twice, "gaps": gaps,
            "days": len(by_day)}


def run() -> Section:
    section = Section("p1", f"P1 — ticket issue, {PROCESSES} concurrent issuer processes, PostgreSQL")
    say(f"== {section.title}")
    reason = pg_unavailable()
    if reason:
        say(f"  not measured: {reason}")
        section.rows = [Row("issue a ticket, 8 processes", "p99 ≤ 15 ms", "not measured", "—", reason)]
        return section
    with tempfile.TemporaryDirectory(prefix="motcua-bench-p1-") as tmp, pg_database() as url:
        start = time.perf_counter()
        seeded_store(url).dispose()
        seed_time = time.perf_counter() - start
        import psycopg
        from sqlalchemy.engine import make_url

        u = make_url(url)
        with psycopg.connect(host=u.host, port=u.port or 5432, user=u.username, dbname=u.database,
                             password=u.password, autocommit=True) as conn:
            conn.execute(f"CREATE TABLE {PEER_TABLE} (id bigserial PRIMARY KEY, service text NOT NULL, "
                         "day date NOT NULL, seq integer NOT NULL)")
            conn.execute(f"CREATE INDEX ON {PEER_TABLE} (service, day)")
        say(f"  demo centre seeded into a throwaway database in {s(seed_time)}")

        # one issuer alone, for scale (no contention): then the 8 at once
        single = _run_load("motcua", url, tmp, 1, ISSUES)
        say(f"  1 issuer process:  p50 {ms(single['stats'].median)}  p99 {ms(single['stats'].p99)}  "
            f"{single['rate']:.0f} tickets/s; the issuer's own CPU {ms(single['cpu'])} per ticket")
        load = _run_load("motcua", url, tmp, PROCESSES, ISSUES)
        st = load["stats"]
        offered = _run_load("motcua", url, tmp, PROCESSES, ISSUES, TARGET_RATE)
        ost = offered["stats"]
        say(f"  {PROCESSES} processes offered {TARGET_RATE:.0f} issues/s: p50 {ms(ost.median)}  p99 {ms(ost.p99)}  "
            f"max {ms(ost.max)}  sustained {offered['rate']:.0f} tickets/s")
        say(f"  {PROCESSES} issuer processes: p50 {ms(st.median)}  p99 {ms(st.p99)}  max {ms(st.max)}  "
            f"{load['rate']:.0f} tickets/s   target p99 ≤ {ms(TARGET_P99_S)}, ≥ {TARGET_RATE:.0f} tickets/s "
            f"({two_cores_note()})")
        check = _check_motcua(url, single["ids"] + load["ids"] + offered["ids"])
        say(f"  tickets table: {check['rows']} tickets of {SERVICE}, {check['duplicates']} duplicates, "
            f"{check['gaps']} gaps, {check['lost']} lost, {len(load['errors']) + len(single['errors'])} refused")

        peer = _run_load("peer", url, tmp, PROCESSES, ISSUES)
        pst = peer["stats"]
        peer_check = _check_peer(url)
        say(f"  peer count()+1:    p50 {ms(pst.median)}  p99 {ms(pst.p99)}  {peer['rate']:.0f} tickets/s; "
            f"{peer_check['duplicates']} duplicates ({peer_check['numbers_twice']} numbers handed out more than "
            f"once) in {peer_check['rows']} tickets")

    errors = load["errors"] + single["errors"] + offered["errors"]
    total = PROCESSES * ISSUES
    rows_ok = check["duplicates"] == 0 and check["gaps"] == 0 and check["lost"] == 0 and not errors
    sustained = offered["rate"] >= TARGET_RATE * 0.98  # the schedule's own start and end take a few ms
    section.rows = [
        Row(f"`queue.issue_ticket`, {PROCESSES} issuer processes offered {TARGET_RATE:.0f} issues/s together, "
            "latency from the planned moment", f"p99 ≤ {ms(TARGET_P99_S)} at ≥ {TARGET_RATE:.0f} tickets/s",
            f"p50 {ms(ost.median)}, p99 {ms(ost.p99)}, max {ms(ost.max)}; sustained {offered['rate']:.0f} "
            "tickets/s", verdict(ost.p99 <= TARGET_P99_S and sustained),
            f"{len(offered['ids']):,} tickets of service {SERVICE} ({PROCESSES} × {ISSUES}, each process one issue "
            f"every {ms(PROCESSES / TARGET_RATE)}, phases spread); a late issue counts its wait from the moment it "
            f"was due, so a backlog shows; {two_cores_note()}"),
        Row(f"the same {PROCESSES} processes issuing back to back (the most they can issue)", "—",
            f"{load['rate']:.0f} tickets/s; p50 {ms(st.median)}, p99 {ms(st.p99)}, max {ms(st.max)}",
            "—", f"{total:,} tickets in {s(load['span'])} (first start to last end); with every process always "
            f"waiting, latency is the {PROCESSES} processes' queue for {os.cpu_count()} CPUs and the sequence row "
            f"(Little's law: {PROCESSES} in flight / rate)"),
        Row("duplicates / gaps / lost, read from the tickets table afterwards", "0 / 0 / 0",
            f"{check['duplicates']} / {check['gaps']} / {check['lost']}", verdict(rows_ok),
            f"{check['rows']:,} tickets of {SERVICE} (warm-ups and the single-process run included), "
            f"{len(errors)} issues refused; seq of the day checked (the printed number wraps after the "
            f"service's 999-number range by design)"),
        Row("one issuer process alone (no contention), for scale", "—",
            f"p50 {ms(single['stats'].median)}, p99 {ms(single['stats'].p99)}, {single['rate']:.0f} tickets/s", "—",
            f"{ISSUES} tickets; CPU of the issuer process itself {ms(single['cpu'])} per ticket "
            f"({ms(load['cpu'])} with 8 at once), the database server's CPU comes on top"),
        Row("peer: `count()+1` numbering, same 8 processes", "0 duplicates",
            f"{peer_check['duplicates']} duplicates ({peer_check['numbers_twice']} numbers handed out more than "
            f"once), {peer_check['gaps']} gaps", verdict(peer_check["duplicates"] == 0) + " (peer)",
            f"{peer_check['rows']:,} tickets; raw SQL, so faster per call: p50 {ms(pst.median)}, p99 {ms(pst.p99)}, "
            f"{peer['rate']:.0f} tickets/s; READ COMMITTED, no lock, no unique key"),
    ]
    details = [f"The store: `migrate.upgrade` + `seed_demo` into a throwaway PostgreSQL database "
               f"(seeded in {s(seed_time)}), dropped afterwards. Each issuer process builds its own `Store` and "
               "`Context`, issues warm-up tickets, waits on a barrier with the others, then times each "
               "`queue.issue_ticket(ctx, \"DD\")` call. Every issue reads the service and the people waiting, then "
               "runs one statement in autocommit: the INSERT … ON CONFLICT DO UPDATE … RETURNING on the service's "
               "sequence row, the ticket and its event inserted from it, and the NOTIFY (a data-modifying CTE), so "
               "the sequence row of a service is held for that one statement and its commit.",
               "", f"CPU ceiling: the issuer process alone spends {ms(single['cpu'])} of its own CPU per ticket "
               f"(SQLAlchemy Core and psycopg, {ms(load['cpu'])} each when 8 run at once); {os.cpu_count()} cores "
               f"could not issue more than {(os.cpu_count() or 1) / single['cpu']:.0f} tickets/s even if the "
               "database server took no CPU and nothing were serialised on the sequence row."]
    if errors:
        kinds: dict[str, int] = {}
        for e in errors:
            kinds[e] = kinds.get(e, 0) + 1
        details += ["", "Refused issues: " + "; ".join(f"{k} ×{v}" for k, v in sorted(kinds.items()))]
    section.details = details
    return section
