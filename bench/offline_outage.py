"""Issue 13's targets: a station keeps working when the central PostgreSQL stops, and syncs back.

On a throwaway PostgreSQL server of our own (bench/throwaway_pg.py: initdb into a temporary folder, its own port;
the shared server is never touched), with the demo centre:
1. server stop → first offline ticket: a kiosk process (one `OfflineStation`, pooled connections, issuing back to
   back) while the server is stopped (`pg_ctl stop -m fast`); from the moment the stop returned to the first
   ticket issued from the journal; and a whole `motcua ticket issue` process with the server down;
2. replay of 1,000 offline tickets to the server (`OfflineStation.replay`);
3. the outage run: 2 kiosk and 2 counter processes (bench/offline_child.py) work 10 s online, 60 s with the
   server stopped, and on after it starts again; then every item they made is looked for on the server.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

from bench.common import PROJECT, Row, Section, ms, s, say, seeded_store, two_cores_note, verdict

SWITCH_TARGET_S = 2.0
REPLAY_TARGET_S = 10.0
REPLAY_ITEMS = 1000
OUTAGE_S = 60
ONLINE_BEFORE_S = 10
ONLINE_AFTER_S = 20
KIOSK_INTERVAL_S = 0.25
COUNTER_INTERVAL_S = 1.0
LEASE_FLOOR = 200  # the run's pace (8 tickets/s) is far above a centre's; the block floor is raised to match it


def run() -> Section:
    from bench.throwaway_pg import ThrowawayPostgres, pg_bin

    section = Section("offline", "Issue 13 — offline stations: switch, replay, a 60 s outage (PostgreSQL)")
    if pg_bin() is None:
        section.rows.append(Row("offline benchmarks", "—", "not run: initdb missing", "—"))
        return section
    folder = Path(tempfile.mkdtemp(prefix="motcua-bench-pg-"))
    work = Path(tempfile.mkdtemp(prefix="motcua-bench-offline-"))
    server = ThrowawayPostgres(folder)
    server.start()
    try:
        url = server.create_database("motcua_offline")
        _seed(url)
        _switch(section, server, url, work / "switch")
        _replay(section, url, work / "replay")
        fresh = server.create_database("motcua_outage")  # numbering from 1: the range of 999 does not wrap
        _seed(fresh)
        _outage(section, server, fresh, work / "outage")
    finally:
        try:
            server.stop("immediate")
        except subprocess.CalledProcessError:
            pass
        shutil.rmtree(folder, ignore_errors=True)
        shutil.rmtree(work, ignore_errors=True)
    return section


def _seed(url: str) -> None:
    from app.services.context import Actor, Context
    from app.services.settings import set_centre_settings

    store = seeded_store(url)
    set_centre_settings(Context(store), Actor.maintenance(Context(store)), {"offline_lease_floor": LEASE_FLOOR})
    store.dispose()


def _station(url: str, folder: Path, kind: str, counter: int = 0) -> Any:
    from app.services.context import Context
    from app.services.offline import STATION_TIMEOUTS, OfflineStation
    from app.store.engine import Store

    return OfflineStation(Context(Store(url, timeouts=STATION_TIMEOUTS)), folder, kind, counter)


def _switch(section: Section, server: Any, url: str, folder: Path) -> None:
    kiosk = _station(url, folder, "kiosk")
    kiosk.sync_now()
    for _ in range(20):  # warm: the pool holds live connections, as in a kiosk that has been working
        kiosk.issue("DD")
    server.stop("fast")
    stopped = time.perf_counter()
    tries = 0
    while True:
        tries += 1
        view, offline = kiosk.issue("DD")
        if offline:
            first = time.perf_counter() - stopped
            break
    say(f"server stop → first offline ticket {s(first)} ({tries} tries)")
    section.rows.append(Row("server stopped → first ticket issued offline, kiosk process with pooled connections",
                            f"≤ {SWITCH_TARGET_S:g} s", s(first), verdict(first <= SWITCH_TARGET_S),
                            f"`pg_ctl stop -m fast` returned, then `OfflineStation.issue` back to back: {tries} "
                            f"call(s) until ticket {view.display_number} came from the journal (the pooled "
                            "connection is found dead by pre-ping, a new one is refused at once)"))
    cfg = folder / "motcua.toml"
    cfg.write_text(f'database_url = "{url}"\nstation = "kiosk"\n', encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith("MOTCUA_")}
    env.update(MOTCUA_DATA_DIR=str(folder), MOTCUA_CONFIG_DIR=str(folder / "config"))
    walls = _cli_issues(cfg, env)
    say(f"`motcua ticket issue` with the server down: {', '.join(s(w) for w in walls)}")
    server.start()
    kiosk.sync_now()  # back online: the outbox replayed, the mode recorded (the CLI shares this journal)
    online = _cli_issues(cfg, env, expect=None)
    say(f"`motcua ticket issue` with the server up: {', '.join(s(w) for w in online)}")
    extra = sorted(walls)[2] - sorted(online)[2]
    section.rows.append(Row("`motcua ticket issue` as a whole process with the server down", f"≤ {SWITCH_TARGET_S:g} s",
                            f"median {s(sorted(walls)[2])}, max {s(max(walls))}; the same command online: median "
                            f"{s(sorted(online)[2])}", verdict(extra <= SWITCH_TARGET_S),
                            "5 processes one after another, start of Python to exit, number on stdout and "
                            "«đã lưu tại máy, N mục chờ đồng bộ» on stderr; the first tries the server (refused), "
                            "the next ones within 5 s go straight to the journal. The verdict is on the difference "
                            f"from the online command ({s(extra)}): the rest is starting Python and importing "
                            "SQLAlchemy, the same for both"))
    kiosk.ctx.store.dispose()
    kiosk.close()


def _cli_issues(cfg: Path, env: dict[str, str], expect: str | None = "đã lưu tại máy") -> list[float]:
    """Wall times of 5 `motcua ticket issue` processes; each must print its number and `expect` on stderr
    (None: nothing on stderr, the ticket came from the server)."""
    walls = []
    for _ in range(5):
        started = time.perf_counter()
        done = subprocess.run([sys.executable, "-m", "app", "--config", str(cfg), "ticket", "issue", "--service",
                               "DD"], capture_output=True, text=True, env=env, cwd=PROJECT, timeout=60)
        walls.append(time.perf_counter() - started)
        said = done.stderr == "" if expect is None else expect in done.stderr
        if done.returncode != 0 or not said or not done.stdout.strip():
            raise RuntimeError(f"motcua ticket issue failed: {done.stderr}")
    return walls


def _replay(section: Section, url: str, folder: Path) -> None:
    from sqlalchemy import func, select

    from app.services import offline_central as central
    from app.store.models import Ticket

    kiosk = _station(url, folder, "kiosk")
    kiosk.sync_now()
    service = next(v for v in kiosk.journal.reference("services") if v["code"] == "TP")
    day = kiosk.clock().astimezone(central.LOCAL_TZ).date()
    lease = central.take_lease(kiosk.ctx, kiosk.station_id, "ticket", f"service:{service['id']}", day, REPLAY_ITEMS)
    kiosk.journal.add_lease(lease.id, lease.kind, lease.scope, lease.day, lease.first_seq, lease.last_seq)
    ids = [kiosk.issue_ticket("TP").id for _ in range(REPLAY_ITEMS)]
    started = time.perf_counter()
    report = kiosk.replay()
    took = time.perf_counter() - started
    again = time.perf_counter()
    second = kiosk.replay()
    with kiosk.ctx.store.read() as sess:
        central_count = sess.scalar(select(func.count()).select_from(Ticket).where(Ticket.id.in_(ids)))
    say(f"replay of {REPLAY_ITEMS} items: {s(took)} ({report.replayed} replayed, {central_count} central)")
    section.rows.append(Row(f"replay of {REPLAY_ITEMS:,} offline tickets to the server", f"≤ {REPLAY_TARGET_S:g} s",
                            f"{s(took)} ({ms(took / REPLAY_ITEMS)} per item)", verdict(took <= REPLAY_TARGET_S),
                            f"{report.replayed} replayed, {central_count} on the server afterwards; transactions of "
                            "200 items (the tickets in one multi-row INSERT, their events in another, one NOTIFY), "
                            "each then marked sent in the journal; a second replay "
                            f"right after found {second.replayed} to send ({s(time.perf_counter() - again)})"))
    kiosk.ctx.store.dispose()
    kiosk.close()


def _outage(section: Section, server: Any, url: str, folder: Path) -> None:
    children = []
    env = {k: v for k, v in os.environ.items() if not k.startswith("MOTCUA_")}
    roles = [("kiosk", 0, KIOSK_INTERVAL_S), ("kiosk", 0, KIOSK_INTERVAL_S), ("counter", 1, COUNTER_INTERVAL_S),
             ("counter", 2, COUNTER_INTERVAL_S)]
    for n, (role, counter, interval) in enumerate(roles):
        home = folder / f"{role}-{n}"
        home.mkdir(parents=True)
        children.append((home, subprocess.Popen(
            [sys.executable, "-m", "bench.offline_child", role, url, str(home), str(counter), str(interval)],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env={**env, "MOTCUA_DATA_DIR": str(home)},
            cwd=PROJECT)))
    for _home, child in children:
        assert child.stdout is not None and child.stdout.readline().strip() == "READY"
    time.sleep(ONLINE_BEFORE_S)
    server.stop("fast")
    say(f"server stopped for {OUTAGE_S} s")
    time.sleep(OUTAGE_S)
    server.start()
    say("server started again")
    time.sleep(ONLINE_AFTER_S)
    for home, _child in children:
        (home / "stop").touch()
    results = []
    for _home, child in children:
        out, err = child.communicate(timeout=180)
        if child.returncode != 0:
            raise RuntimeError(f"a station process failed: {err[-2000:]}")
        results.append(json.loads(out.strip().splitlines()[-1]))
    _outage_rows(section, url, results)


def _outage_rows(section: Section, url: str, results: list[dict[str, Any]]) -> None:
    import uuid

    from sqlalchemy import select

    from app.store.engine import Store
    from app.store.models import Dossier, Service, Ticket

    tickets = [m for r in results[:2] for m in r["made"]]
    dossiers = [m for r in results[2:] for m in r["made"]]
    refused = [x for r in results for x in r["refused"]]
    waiting = sum(r["waiting"] for r in results)
    store = Store(url)
    with store.read() as sess:
        rows = sess.execute(select(Ticket.id, Service.code, Ticket.service_day, Ticket.seq, Ticket.display_number)
                            .join(Service, Service.id == Ticket.service_id)
                            .where(Ticket.id.in_([uuid.UUID(str(t["id"])) for t in tickets]))).all()
        codes = sess.execute(select(Dossier.id, Dossier.code)
                             .where(Dossier.id.in_([uuid.UUID(str(d["id"])) for d in dossiers]))).all()
    store.dispose()
    lost_t = len(tickets) - len(rows)
    lost_d = len(dossiers) - len(codes)
    dup_numbers = sum(c - 1 for c in Counter((r.code, r.service_day, r.display_number) for r in rows).values()
                      if c > 1)
    wrapped = max((r.seq for r in rows), default=0) > 999  # the demo ranges hold 999 numbers, then wrap by design
    dup_codes = sum(c - 1 for c in Counter(c.code for c in codes).values() if c > 1)
    changed = sum(1 for d in dossiers for row in codes if str(row.id) == d["id"] and row.code != d["code"])
    offline_t = sum(1 for t in tickets if t["offline"])
    offline_d = sum(1 for d in dossiers if d["offline"])
    say(f"outage: {len(tickets)} tickets ({offline_t} offline), {len(dossiers)} dossiers ({offline_d} offline), "
        f"lost {lost_t}/{lost_d}, duplicates {dup_numbers}/{dup_codes}, refused {len(refused)}, waiting {waiting}")
    ok = lost_t == lost_d == dup_numbers == dup_codes == changed == waiting == 0 and not wrapped
    section.rows.append(Row(
        f"{OUTAGE_S} s outage, 2 kiosk + 2 counter processes: lost / duplicate ticket numbers / duplicate dossier "
        "codes / items left unsynced", "0 / 0 / 0 / 0", f"{lost_t + lost_d} / {dup_numbers} / {dup_codes} / {waiting}",
        verdict(ok),
        f"{len(tickets)} tickets ({offline_t} issued offline) and {len(dossiers)} dossiers ({offline_d} received "
        f"offline), every one looked up on the server by its id afterwards; duplicates counted per service and day "
        f"(tickets) and over all codes (dossiers); {changed} dossier codes differ from the one the station gave; "
        f"{len(refused)} operations refused (leased numbers used up or a busy server); {two_cores_note()}"))
    section.details.append(
        f"The run: each kiosk issues a ticket every {KIOSK_INTERVAL_S:g} s (services DD and TP in turn), each "
        f"counter receives a dossier every {COUNTER_INTERVAL_S:g} s; {ONLINE_BEFORE_S} s online, the server stopped "
        f"(`pg_ctl stop -m fast`) for {OUTAGE_S} s, started again, {ONLINE_AFTER_S} s more; every process syncs "
        "every 5 s when the server is to be tried (`OfflineStation.sync_now`: replay, releases, reference data, "
        f"leases), and at the end until nothing waits. The lease floor is raised to {LEASE_FLOOR} numbers for the run "
        "(centre setting `offline_lease_floor`): the run's pace is several times a real centre's.")
