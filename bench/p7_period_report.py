"""P7: the period report (the seed appendix's layout, columns (1)–(14) per agency) over 1,000,000 dossiers.

The dossiers are generated straight into the tables (no service calls: 1,000,000 intakes would take hours) with
the same bulk path the CSV import uses (`app.store.bulk.bulk_insert`: COPY on PostgreSQL, one executemany per
chunk on SQLite), in chunks of 50,000 rows, on a demo-seeded store: the demo catalogue's procedures of its 17
agencies, received on the working days of 2025 between 07:00 and 17:00 local, every channel (direct, online level
3/4, postal), every ending (resolved early / on time / late, returned, by post, handed back, withdrawn, cancelled,
paused, waiting for payment, still open and overdue; one resolved dossier in ten paused and resumed on the way,
with its pause history), fees and payment rows. Dossier events are not generated: the report reads each dossier's
pause history columns (paused_at, resumed_at, paused_due_at), not the events. PostgreSQL then runs VACUUM ANALYZE (what autovacuum does to a table that grew; the
report's plans depend on statistics); SQLite gets nothing (the app never runs ANALYZE).

The report `app.services.period_report.period_report(ctx, from, to)` is timed 5 times after a warm-up for the
whole year (every dossier in scope: the worst case) and for one quarter; both backends get the same rows, and
their reports are compared cell by cell.
"""

from __future__ import annotations

import random
import statistics
import time
import uuid
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from datetime import time as clock
from pathlib import Path
from typing import Any

from bench.common import Row, Section, on_each_backend, s, say, seeded_store, verdict

TARGETS_S = {"postgresql": 2.0, "sqlite": 4.0}
DOSSIERS = 1_000_000
CHUNK = 50_000
RUNS = 5
YEAR = 2025
PERIODS = (("the whole year 2025", date(YEAR, 1, 1), date(YEAR, 12, 31)),
           ("Q3 2025", date(YEAR, 7, 1), date(YEAR, 9, 30)))
NAMES = ("Nguyễn Thị Ánh Tuyết", "Lò Văn Minh", "Trần Đức Thắng", "Vàng Thị Mỷ", "Phạm Quốc Hưng",
         "Đỗ Thị Hồng Nhung", "Tòng Văn Sơn", "Lê Hoàng Yến", "Công ty TNHH Xây dựng Tam Đường")


def _catalogue(ctx: Any) -> tuple[list[tuple[int, int, int, int, str]], list[date]]:
    """(procedure id, agency id, fee, processing days, agency identifier) of the active procedures; the year's
    working days."""
    from sqlalchemy import select

    from app.store.models import Agency, Procedure

    with ctx.store.read() as sess:
        procedures = [(p, a, int(f or 0), max(1, int(v)), ident) for p, a, f, v, ident in sess.execute(
            select(Procedure.id, Procedure.agency_id, Procedure.fee_vnd, Procedure.processing_value,
                   Agency.identifier).join(Agency, Agency.id == Procedure.agency_id)
            .where(Procedure.active.is_(True)).order_by(Procedure.id))]
    first = date(YEAR, 1, 1)
    days = [first + timedelta(days=i) for i in range(365) if (first + timedelta(days=i)).weekday() < 5]
    return procedures, days


def generate(ctx: Any, total: int, seed: int = 2025) -> Iterator[tuple[list[dict[str, Any]], list[dict[str, Any]]]]:
    """Chunks of (dossier rows, payment rows); the same rows for the same seed and catalogue."""
    from app.domain.dossier import format_dossier_code
    from app.services.context import LOCAL_TZ
    from app.services.dossier_csv import ordered_ids

    rng = random.Random(seed)
    procedures, days = _catalogue(ctx)
    ids = ordered_ids()
    end_of_data = datetime(YEAR + 1, 1, 10, tzinfo=UTC)
    seqs: dict[tuple[int, date], int] = {}
    dossiers: list[dict[str, Any]] = []
    payments: list[dict[str, Any]] = []
    day_start: dict[date, datetime] = {d: datetime.combine(d, clock(7), LOCAL_TZ).astimezone(UTC) for d in days}
    for i in range(total):
        day = days[i * len(days) // total]
        pid, agency, fee, pdays, ident = procedures[rng.randrange(len(procedures))]
        received = day_start[day] + timedelta(seconds=rng.randrange(36_000))
        due = received + timedelta(days=pdays * 7 // 5 + 1)
        key = (agency, day)
        seqs[key] = seqs.get(key, 0) + 1
        r = rng.random()
        channel, level = ("direct", None) if r < 0.7 else ("postal", None) if r < 0.8 else \
            ("online", 3 if r < 0.88 else 4)
        by_post = channel == "postal" or rng.random() < 0.05
        row: dict[str, Any] = {
            "id": next(ids), "code": format_dossier_code(ident, day, seqs[key]), "agency_id": agency,
            "procedure_id": pid, "channel": channel, "online_level": level, "applicant_kind": "person",
            "applicant_name": NAMES[i % len(NAMES)], "id_number": f"0011{i:08d}", "phone": f"09{i % 100_000_000:08d}",
            "address": "Phường Tân Phong, thành phố Lai Châu", "sets": 1, "received_at": received, "due_at": due,
            "original_due_at": due, "status": "processing", "paused_at": None, "resumed_at": None, "paused_due_at": None,
            "resolved_at": None, "outcome": None,
            "cancelled_at": None, "returned_at": None, "result_by_post": by_post, "fee_vnd": fee,
            "rule_set": "ND61-2018", "supplement_requests": 0, "apologies": 0}
        age_days = (end_of_data - received).days
        open_share = 0.5 if age_days < 20 else 0.02
        e = rng.random()
        if e < open_share:  # still open: processing, paused, waiting for payment (overdue when past due)
            k = rng.random()
            if k < 0.15:
                row.update(status="paused", paused_at=received + timedelta(days=2), paused_due_at=due,
                           supplement_requests=1)
            elif k < 0.25:
                row["status"] = "waiting_payment"
        elif e < open_share + 0.02:
            row.update(status="cancelled", cancelled_at=received + timedelta(days=1))
        elif e < open_share + 0.04:
            done = received + timedelta(days=rng.randint(1, pdays + 1))
            row.update(status="withdrawn", outcome="returned_to_applicant", resolved_at=done)
        else:  # resolved with a result: mostly early, some on the day, some late; most handed back to the applicant
            t = rng.random()
            done = (due - timedelta(days=rng.randint(1, max(1, pdays)), hours=2) if t < 0.6 else
                    due - timedelta(hours=3) if t < 0.93 else due + timedelta(days=rng.randint(1, 10)))
            done = max(done, received + timedelta(hours=1))
            row.update(status="resolved", outcome="result", resolved_at=done)
            if rng.random() < 0.1 and done > received + timedelta(days=2):  # paused and resumed on the way
                row.update(paused_at=received + timedelta(days=1), resumed_at=received + timedelta(days=2),
                           paused_due_at=due - timedelta(days=1), supplement_requests=1)
            if rng.random() < 0.85:
                row.update(status="returned", returned_at=done + timedelta(days=rng.randint(0, 3), hours=1))
            if fee and rng.random() < 0.6:
                payments.append({"id": uuid.uuid4(), "dossier_id": row["id"], "amount_vnd": fee,
                                 "method": "cash" if rng.random() < 0.8 else "transfer",
                                 "receipt_no": f"BL{i:08d}", "officer_id": None,
                                 "paid_at": received + timedelta(minutes=20)})
        dossiers.append(row)
        if len(dossiers) == CHUNK:
            yield dossiers, payments
            dossiers, payments = [], []
    if dossiers:
        yield dossiers, payments


def fill(ctx: Any, total: int) -> dict[str, float]:
    """Generate and insert `total` dossiers; seconds spent generating (Python) and inserting (database)."""
    from app.store.bulk import bulk_insert
    from app.store.models import Dossier, Payment

    spent = {"generate": 0.0, "insert": 0.0, "payments": 0}
    chunks = generate(ctx, total)
    while True:
        start = time.perf_counter()
        chunk = next(chunks, None)
        spent["generate"] += time.perf_counter() - start
        if chunk is None:
            return spent
        start = time.perf_counter()
        with ctx.store.write() as sess:
            bulk_insert(sess, Dossier.__table__, chunk[0])  # type: ignore[arg-type]
            bulk_insert(sess, Payment.__table__, chunk[1])  # type: ignore[arg-type]
        spent["insert"] += time.perf_counter() - start
        spent["payments"] += len(chunk[1])


def _profile_note(ctx: Any, backend: str, date_from: date, date_to: date) -> list[str]:
    """How long each of the report's two queries takes alone (the counts query is nearly all of it)."""
    from app.domain.period_report import period_bounds
    from app.services import period_report as pr

    bounds = period_bounds(date_from, date_to)
    out = []
    with ctx.store.read() as sess:
        for name, query in (("counts (one pass over the dossiers, GROUP BY line × class)",
                             pr._counts_query(bounds, "agency", backend)),
                            ("payments of the period", pr._payments_query(bounds, "agency"))):
            start = time.perf_counter()
            rows = sess.execute(query).all()
            out.append(f"{name}: {s(time.perf_counter() - start)} ({len(rows)} result rows)")
    return out


def _plan(ctx: Any, backend: str, date_from: date, date_to: date) -> list[str]:
    """The database's plan of the counts query (PostgreSQL: EXPLAIN ANALYZE, the main nodes with their times)."""
    from sqlalchemy import text

    from app.domain.period_report import period_bounds
    from app.services import period_report as pr

    query = pr._counts_query(period_bounds(date_from, date_to), "agency", backend)
    with ctx.store.read() as sess:
        compiled = query.compile(sess.get_bind(), compile_kwargs={"literal_binds": True})
        if backend == "postgresql":
            lines = [r[0] for r in sess.execute(text(f"EXPLAIN (ANALYZE, BUFFERS) {compiled}"))]
            keep = [ln.strip() for ln in lines if "->" in ln or ln.startswith(("Finalize", "GroupAggregate",
                    "HashAggregate", "Sort", "Gather", "Planning", "Execution"))]
            return [k for k in keep if "Buffers" not in k and k != "Planning:"][:10]
        return [str(r[-1]) for r in sess.execute(text(f"EXPLAIN QUERY PLAN {compiled}"))]


def _measure(url: str, total: int) -> dict[str, Any]:
    from sqlalchemy import func, select, text

    from app.services.context import Context
    from app.services.period_report import period_report
    from app.store.models import Dossier

    store = seeded_store(url)
    try:
        ctx = Context(store)
        start = time.perf_counter()
        spent = fill(ctx, total)
        filled = time.perf_counter() - start
        backend = store.engine.dialect.name
        start = time.perf_counter()
        if backend == "postgresql":
            with store.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
                for table in ("dossiers", "payments"):
                    conn.execute(text(f"VACUUM ANALYZE {table}"))
        maintenance = time.perf_counter() - start
        with store.read() as sess:
            count = int(sess.scalar(select(func.count()).select_from(Dossier)) or 0)
        say(f"  {backend}: {count:,} dossiers and {spent['payments']:,} payments in {s(filled)} (Python "
            f"{s(spent['generate'])}, database {s(spent['insert'])})" +
            (f"; VACUUM ANALYZE {s(maintenance)}" if backend == "postgresql" else ""))
        result: dict[str, Any] = {"count": count, "fill": filled, "spent": spent, "maintenance": maintenance,
                                  "periods": {}}
        for label, date_from, date_to in PERIODS:
            start = time.perf_counter()
            report = period_report(ctx, date_from, date_to)
            warm = time.perf_counter() - start
            times = []
            for _ in range(RUNS):
                start = time.perf_counter()
                report = period_report(ctx, date_from, date_to)
                times.append(time.perf_counter() - start)
            say(f"  {backend} {label}: median {s(statistics.median(times))}, max {s(max(times))} (warm-up "
                f"{s(warm)}); {report.total.received_total:,} received in the period, "
                f"{report.total.resolved_total:,} resolved")
            result["periods"][label] = {"warm": warm, "times": times, "report": report}
        start = time.perf_counter()
        by_field = period_report(ctx, *PERIODS[0][1:], by="field")
        result["by_field"] = (time.perf_counter() - start, len(by_field.rows))
        result["parts"] = _profile_note(ctx, backend, *PERIODS[0][1:])
        try:
            result["plan"] = _plan(ctx, backend, *PERIODS[0][1:])
        except Exception as exc:  # a diagnosis only
            result["plan"] = [f"(no plan: {str(exc).splitlines()[0]})"]
        if backend == "sqlite":
            result["file_size"] = Path(url.removeprefix("sqlite:///")).stat().st_size
        return result
    finally:
        store.dispose()


def run(total: int = DOSSIERS) -> Section:
    section = Section("p7", f"P7 — period report (seed appendix layout) over {total:,} dossiers")
    say(f"== {section.title}")
    results, reason = on_each_backend("p7", lambda url: _measure(url, total))
    size = results["sqlite"]["file_size"]
    rows = []
    for backend in ("postgresql", "sqlite"):
        label = "PostgreSQL" if backend == "postgresql" else "SQLite"
        target = TARGETS_S[backend]
        if backend not in results:
            rows.append(Row(f"`period_report`, {label}", f"≤ {s(target)}", "not measured", "—", reason or ""))
            continue
        r = results[backend]
        for i, (period, *_rest) in enumerate(PERIODS):
            p = r["periods"][period]
            med, top = statistics.median(p["times"]), max(p["times"])
            rows.append(Row(f"`period_report(ctx, from, to)` by agency, {period}, {label}",
                            f"≤ {s(target)}" if i == 0 else "—",
                            f"median {s(med)}, max {s(top)}",
                            verdict(top <= target) if i == 0 else verdict(top <= target) + " (for scale)",
                            f"{RUNS} runs after a warm-up of {s(p['warm'])}; {p['report'].total.received_total:,} "
                            f"received in the period, {p['report'].total.carried_over:,} carried over, "
                            f"{len(p['report'].rows)} agency lines; verdict on the max"))
        seconds, lines = r["by_field"]
        rows.append(Row(f"the same by field, the whole year, {label}", "—", f"{s(seconds)} (one run)", "—",
                        f"{lines} lines"))
        extra = f"; VACUUM ANALYZE {s(r['maintenance'])}" if backend == "postgresql" else f"; file {size / 2**20:,.0f} MiB"
        rows.append(Row(f"generating the data, {label}", "— (set-up, not the target)", s(r["fill"]), "—",
                        f"{r['count']:,} dossiers + {r['spent']['payments']:,} payments: Python {s(r['spent']['generate'])}, "
                        f"bulk insert {s(r['spent']['insert'])}{extra}"))
    same = ""
    if "postgresql" in results:
        equal = all(results["postgresql"]["periods"][p]["report"] == results["sqlite"]["periods"][p]["report"]
                    for p, *_ in PERIODS)
        same = ("Both backends got the same rows and gave the same reports, cell by cell." if equal else
                "**The two backends' reports differ** for the same rows.")
    section.rows = rows
    section.details = [same, ""] + [
        f"The report's two queries alone, the whole year, {backend}: " + "; ".join(results[backend]["parts"]) + "."
        for backend in ("postgresql", "sqlite") if backend in results] + [
        line for backend in ("postgresql", "sqlite") if backend in results for line in
        ["", f"The counts query's plan, {backend}:", ""] + [f"    {x}" for x in results[backend].get("plan", [])]] + [
        "", "Generation (module docstring of `bench/p7_period_report.py`): the demo catalogue's procedures at random, "
        f"about {total // 261:,} dossiers per working day of 2025, 98 % closed when older than 20 days (about 60 % early, 33 % on "
        "the due day, 7 % late; 85 % of results handed over; 2 % cancelled, 2 % withdrawn), half of the last "
        "20 days still open; due = received + the procedure's working days × 7/5 (no holiday calendar); a "
        "payment row for 60 % of resolved dossiers with a fee."]
    return section
