"""P9: importing a dossier CSV of 100,000 rows, ≤ 30 s, on SQLite and PostgreSQL.

The file is generated in the import format (RULES-VN.md "Dossier import/export CSV") over the demo catalogue's
procedures and two years (2024–2025): 80 % of the rows carry their code, 20 % leave it blank (the import gives
them codes from the agencies' sequences); half leave `due_at` blank (the import computes it with the centre's
calendar); every status (in progress, paused, resolved with and without `returned_at`, cancelled), every channel.
Timed: `motcua --db URL dossier import FILE` as a whole process (start → exit, what an administrator waits for) on
a fresh demo-seeded store of each backend; then, on another fresh store, the service call
`app.services.dossier_csv.import_file` in-process under cProfile to show where the time goes.
"""

from __future__ import annotations

import csv
import os
import random
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from bench.common import (PROJECT, Row, Section, pg_database, pg_unavailable, s, say,
                          seeded_store, verdict)
from bench.p5_receipt import _top

TARGET_S = 30.0
ROWS = 100_000
NAMES = ("Nguyễn Thị Ánh Tuyết", "Lò Văn Minh", "Trần Đức Thắng", "Vàng Thị Mỷ", "Phạm Quốc Hưng",
         "Đỗ Thị Hồng Nhung", "Tòng Văn Sơn", "Lê Hoàng Yến")


def write_csv(path: Path, ctx: Any, total: int, seed: int = 9) -> None:
    """`total` valid rows of the import format over the demo catalogue."""
    from sqlalchemy import select

    from app.domain.dossier import format_dossier_code
    from app.services.context import LOCAL_TZ
    from app.services.dossier_csv import COLUMNS
    from app.store.models import Agency, Procedure

    with ctx.store.read() as sess:
        procedures = list(sess.execute(select(Procedure.code, Agency.identifier)
                                       .join(Agency, Agency.id == Procedure.agency_id)
                                       .where(Procedure.active.is_(True)).order_by(Procedure.id)).tuples())
    rng = random.Random(seed)
    start = datetime(2024, 1, 2, 7, 30, tzinfo=LOCAL_TZ)
    step = timedelta(days=730) / total
    seqs: dict[tuple[str, Any], int] = {}
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        for i in range(total):
            pcode, ident = procedures[rng.randrange(len(procedures))]
            received = (start + step * i).replace(microsecond=0)
            if received.hour < 7 or received.hour >= 17:
                received = received.replace(hour=7 + received.hour % 10)
            key = (ident, received.date())
            seqs[key] = seqs.get(key, 0) + 1
            r = rng.random()
            channel, level = ("direct", "") if r < 0.7 else ("postal", "") if r < 0.8 else \
                ("online", "3" if r < 0.9 else "4")
            row = {"code": format_dossier_code(ident, received.date(), seqs[key]) if rng.random() < 0.8 else "",
                   "procedure_code": pcode, "agency_code": "", "channel": channel, "online_level": level,
                   "applicant_name": NAMES[i % len(NAMES)], "id_number": f"0011{i:08d}",
                   "phone": f"09{rng.randrange(10**8):08d}", "address": "Tân Phong, Lai Châu",
                   "received_at": received.isoformat(), "due_at": "", "status": "in_progress", "resolved_at": "",
                   "outcome": "", "cancelled_at": "", "returned_at": "", "result_by_post": "0", "fee_vnd": ""}
            if rng.random() < 0.5:
                row["due_at"] = (received + timedelta(days=rng.randint(3, 20))).replace(hour=17, minute=0).isoformat()
            st = rng.random()
            if st < 0.75:
                done = received + timedelta(days=rng.randint(1, 15))
                row |= {"status": "resolved", "resolved_at": done.isoformat(),
                        "outcome": "result" if rng.random() < 0.95 else "returned_to_applicant"}
                if rng.random() < 0.8:
                    row["returned_at"] = (done + timedelta(days=rng.randint(0, 3))).isoformat()
            elif st < 0.78:
                row |= {"status": "cancelled", "cancelled_at": (received + timedelta(days=1)).isoformat()}
            elif st < 0.8:
                row["status"] = "paused"
            writer.writerow(row)


def _cli(url: str, path: Path, tmp: Path) -> tuple[float, str]:
    """`motcua --db URL dossier import FILE` as a whole process: seconds and its last output line."""
    env = dict(os.environ)
    code = (f"from bench.common import isolate_process; from pathlib import Path; isolate_process(Path({str(tmp)!r})); "
            "import sys; from app.main import main; sys.exit(main(sys.argv[1:]))")
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", code, "--db", url, "dossier", "import", str(path)], cwd=PROJECT,
                          env=env, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        raise RuntimeError(f"motcua dossier import failed ({done.returncode}): {done.stderr[-2000:]}")
    return elapsed, (done.stdout.strip().splitlines() or [""])[-1]


def _measure(make_url: Any, path: Path | None, tmp: Path) -> dict[str, Any]:
    from sqlalchemy import func, select

    from app.services import dossier_csv
    from app.services.context import Actor, Context
    from app.store.models import Dossier, DossierEvent

    result: dict[str, Any] = {}
    with make_url("cli") as url:
        store = seeded_store(url)
        try:
            ctx = Context(store)
            if path is None:
                path = tmp / "dossiers.csv"
                start = time.perf_counter()
                write_csv(path, ctx, ROWS)
                result["csv"] = (time.perf_counter() - start, path.stat().st_size)
            result["path"] = path
            result["cli"] = _cli(url, path, tmp)
            with store.read() as sess:
                result["count"] = int(sess.scalar(select(func.count()).select_from(Dossier)) or 0)
                result["events"] = int(sess.scalar(select(func.count()).select_from(DossierEvent)) or 0)
        finally:
            store.dispose()
    with make_url("service") as url:
        store = seeded_store(url)
        try:
            ctx = Context(store)
            holder: dict[str, Any] = {}

            def once() -> None:
                holder["r"] = dossier_csv.import_file(ctx, Actor.maintenance(ctx), path)

            result["profile"] = _top(once, n=12, calls=1, only="app/")
            result["service"] = holder["r"]
        finally:
            store.dispose()
    return result


def run() -> Section:
    from contextlib import contextmanager

    section = Section("p9", f"P9 — dossier CSV import, {ROWS:,} rows")
    say(f"== {section.title}")
    results: dict[str, dict[str, Any]] = {}
    reason = pg_unavailable()
    with tempfile.TemporaryDirectory(prefix="motcua-bench-p9-") as tmpname:
        tmp = Path(tmpname)

        @contextmanager
        def sqlite_url(name: str):  # type: ignore[no-untyped-def]
            yield f"sqlite:///{tmp / f'p9-{name}.db'}"

        results["sqlite"] = _measure(sqlite_url, None, tmp)
        csv_path = results["sqlite"]["path"]
        if reason:
            say(f"  PostgreSQL not measured: {reason}")
        else:
            results["postgresql"] = _measure(lambda _name: pg_database(), csv_path, tmp)
    seconds, size = results["sqlite"]["csv"]
    rows = []
    for backend in ("sqlite", "postgresql"):
        label = "PostgreSQL" if backend == "postgresql" else "SQLite"
        if backend not in results:
            rows.append(Row(f"`motcua dossier import`, {label}", f"≤ {s(TARGET_S)}", "not measured", "—", reason or ""))
            continue
        r = results[backend]
        cli_s, said = r["cli"]
        say(f"  {backend:10s}: whole process {s(cli_s)}  (service in-process under cProfile "
            f"{s(r['service'].seconds)})  target ≤ {s(TARGET_S)}; {r['count']:,} dossiers, {r['events']:,} events")
        rows.append(Row(f"`motcua --db … dossier import FILE` ({ROWS:,} rows), whole process, {label}",
                        f"≤ {s(TARGET_S)}", s(cli_s), verdict(cli_s <= TARGET_S),
                        f"one run on a fresh demo-seeded store; {r['count']:,} dossiers and {r['events']:,} events "
                        f"stored; the command said: «{said}»"))
        rows.append(Row(f"`dossier_csv.import_file` in-process under cProfile, {label}", "—",
                        s(r["service"].seconds), "—",
                        f"another fresh store; {r['service'].imported:,} imported (the profiler inflates it)"))
    section.rows = rows
    section.details = [f"The CSV: {ROWS:,} rows, {size / 2**20:.1f} MiB, generated in {s(seconds)}.", ""]
    for backend in ("sqlite", "postgresql"):
        if backend in results:
            section.details += [f"Where the time of `import_file` goes, {backend} (cProfile, app functions, "
                                "cumulative):", ""] + [f"- {line}" for line in results[backend]["profile"]] + [""]
    return section
