"""P3: call-next at a counter → the number visible on the display station, which is another OS process.

The display process (multiprocessing, spawn) runs `app.store.live.LiveFeed` on the store with topics {"queue"}
(PostgreSQL: LISTEN/NOTIFY; SQLite: `PRAGMA data_version` polled every 0.25 s, the UI's interval) and on every
change reloads `queue.queue_status` — what a display reloads — and notes with `time.time()` when counter 1's
called number first shows. The counter (this process) runs `queue.call_next` then, once the number showed,
`queue.finish`, then waits 0.3 s plus a random 0–0.25 s (so the calls fall at every phase of the SQLite poll);
the commit time is `time.time()` when `call_next` returned. Latency = visible − commit, on both backends.

The peer's way is a display that re-reads the status every 2 s (other systems poll every 2–10 s): its latency
is simulated from a poll at a random phase plus this run's own measured `queue_status` read times.
"""

from __future__ import annotations

import multiprocessing as mp
import queue as stdqueue
import random
import tempfile
import threading
import time
import traceback
from pathlib import Path
from typing import Any

from bench.common import (
    Row,
    Section,
    Stats,
    ms,
    percentile,
    pg_database,
    pg_unavailable,
    say,
    seeded_store,
    two_cores_note,
    verdict,
)

TARGETS_S = {"postgresql": 0.250, "sqlite": 0.500}
CALLS = 40
WARMUP_CALLS = 2
COUNTER = 1  # calls service DD in the demo centre
SERVICE = "DD"
SPACING_S = 0.3
JITTER_S = 0.25
SHOW_TIMEOUT_S = 3.0
PEER_POLL_S = (2.0, 10.0)
PEER_SAMPLES = 20000


def _display(url: str, tmp: str, ready: Any, shown: Any, stop: Any) -> None:
    """The display station: reload the queue status on each live change; report each newly called number."""
    try:
        from bench.common import isolate_process

        isolate_process(Path(tmp))
        from app.services import queue
        from app.services.context import Context
        from app.store.engine import Store
        from app.store.live import LiveFeed

        store = Store(url)
        ctx = Context(store)
        queue.queue_status(ctx)  # warm: connection, compiled queries
        state: dict[str, Any] = {"last": None}
        online = threading.Event()

        def on_change(_change: Any) -> None:
            t0 = time.perf_counter()
            status = queue.queue_status(ctx)
            visible = time.time()
            read = time.perf_counter() - t0
            current = next((c.ticket for c in status.counters if c.number == COUNTER), None)
            if current is not None and current != state["last"]:
                shown.put(("shown", current, visible, read))
            else:
                shown.put(("read", None, visible, read))
            state["last"] = current

        def on_status(ok: bool, _message: str) -> None:
            if ok:
                online.set()

        feed = LiveFeed(store, {"queue"}, on_change, on_status).start()
        if not online.wait(15):
            raise RuntimeError("the live feed did not come online")
        time.sleep(0.5)  # the SQLite poll has taken its first data_version
        ready.set()
        stop.wait(600)
        feed.stop()
        store.dispose()
    except BaseException:
        shown.put(("fatal", traceback.format_exc(), 0.0, 0.0))
        ready.set()


def _measure(url: str, tmp: str) -> dict[str, Any]:
    """Seed, issue the tickets, start the display process, then call and finish at counter 1 CALLS times."""
    from app.services import queue
    from app.services.context import Actor, Context

    store = seeded_store(url)
    ctx = Context(store)
    actor = Actor.maintenance(ctx)
    for _ in range(CALLS + WARMUP_CALLS + 3):
        queue.issue_ticket(ctx, SERVICE)
    spawn = mp.get_context("spawn")
    ready, stop, shown = spawn.Event(), spawn.Event(), spawn.Queue()
    display = spawn.Process(target=_display, args=(url, tmp, ready, shown, stop), daemon=True)
    display.start()
    latencies: list[float] = []
    reads: list[float] = []
    missed = 0
    rng = random.Random(3)
    try:
        if not ready.wait(120):
            raise RuntimeError("the display process did not start")

        def drain_until(number: str | None, deadline: float) -> float | None:
            """Read the display's reports; the time `number` became visible (None: not within the deadline)."""
            while True:
                try:
                    kind, value, visible, read = shown.get(timeout=max(0.0, deadline - time.monotonic()))
                except stdqueue.Empty:
                    return None
                if kind == "fatal":
                    raise RuntimeError(f"the display process failed:\n{value}")
                reads.append(read)
                if number is not None and value == number:
                    return visible

        drain_until(None, time.monotonic() + 1.0)  # whatever the tickets' issue made it reload
        for i in range(WARMUP_CALLS + CALLS):
            view = queue.call_next(ctx, actor, COUNTER)
            committed = time.time()
            if view is None:
                raise RuntimeError("nobody waiting at counter 1")
            visible = drain_until(view.display_number, time.monotonic() + SHOW_TIMEOUT_S)
            if i >= WARMUP_CALLS:
                if visible is None:
                    missed += 1
                else:
                    latencies.append(visible - committed)
            queue.finish(ctx, actor, COUNTER)
            time.sleep(SPACING_S + rng.uniform(0, JITTER_S))
        drain_until(None, time.monotonic() + 0.5)
    finally:
        stop.set()
        display.join(timeout=10)
        if display.is_alive():
            display.kill()
        store.dispose()
    return {"latencies": latencies, "reads": reads, "missed": missed}


def _peer(reads: list[float], poll: float) -> tuple[Stats, float]:
    """A display re-reading the status every `poll` s: a call waits for the next poll (random phase), then a read.
    Returns the simulated latencies' statistics and their p95."""
    rng = random.Random(7)
    samples = [rng.uniform(0, poll) + rng.choice(reads) for _ in range(PEER_SAMPLES)]
    return Stats.of(samples), percentile(samples, 95)


def run() -> Section:
    section = Section("p3", "P3 — call-next at a counter → visible on the display (another process)")
    say(f"== {section.title}")
    results: dict[str, dict[str, Any]] = {}
    reason = pg_unavailable()
    with tempfile.TemporaryDirectory(prefix="motcua-bench-p3-") as tmp:
        if reason:
            say(f"  PostgreSQL not measured: {reason}")
        else:
            with pg_database() as url:
                results["postgresql"] = _measure(url, tmp)
        results["sqlite"] = _measure(f"sqlite:///{Path(tmp) / 'p3.db'}", tmp)

    rows = []
    for backend in ("postgresql", "sqlite"):
        target = TARGETS_S[backend]
        label = "PostgreSQL (LISTEN/NOTIFY)" if backend == "postgresql" else "SQLite (data_version polled every 0.25 s)"
        if backend not in results:
            rows.append(Row(f"call-next → display, {label}", f"p95 ≤ {ms(target)}", "not measured", "—", reason or ""))
            continue
        r = results[backend]
        st = Stats.of(r["latencies"]) if r["latencies"] else None
        read = Stats.of(r["reads"])
        if st is None:
            rows.append(Row(f"call-next → display, {label}", f"p95 ≤ {ms(target)}", "no call became visible",
                            verdict(False), f"{r['missed']} calls missed"))
            continue
        p95 = percentile(r["latencies"], 95)
        say(f"  {backend:10s}: p50 {ms(st.median)}  p95 {ms(p95)}  max {ms(st.max)}   target p95 ≤ {ms(target)}"
            f"   ({st.n} calls, {r['missed']} not shown within {SHOW_TIMEOUT_S:.0f} s; status read median "
            f"{ms(read.median)})")
        rows.append(Row(f"call-next → display, {label}", f"p95 ≤ {ms(target)}",
                        f"p50 {ms(st.median)}, p95 {ms(p95)}, max {ms(st.max)}",
                        verdict(p95 <= target and r["missed"] == 0),
                        f"{st.n} calls after {WARMUP_CALLS} warm-ups, {r['missed']} not shown within "
                        f"{SHOW_TIMEOUT_S:.0f} s; the display's `queue_status` read: median {ms(read.median)}, "
                        f"max {ms(read.max)} (inside the figure); {two_cores_note()}"))
        for poll in PEER_POLL_S:
            peer, samples_p95 = _peer(r["reads"], poll)
            say(f"  {backend:10s} peer polling every {poll:.0f} s: p50 {ms(peer.median)}  p95 {ms(samples_p95)}"
                f"  → ×{peer.median / st.median:.0f} at p50, ×{samples_p95 / p95:.0f} at p95")
            rows.append(Row(f"peer: display polling `queue_status` every {poll:.0f} s ({backend})", "—",
                            f"p50 {ms(peer.median)}, p95 {ms(samples_p95)}", verdict(samples_p95 <= target) + " (peer)",
                            f"simulated: next poll at a random phase plus this run's measured reads; the live feed "
                            f"is ×{peer.median / st.median:.0f} faster at p50, ×{samples_p95 / p95:.0f} at p95"))
    section.rows = rows
    section.details = [
        f"Each call: `queue.call_next(ctx, actor, {COUNTER})` in the benchmark process (commit = `time.time()` when "
        "it returns), the display process reloads `queue_status` on the live change and notes `time.time()` when "
        f"the number first shows at counter {COUNTER}; then `queue.finish`, and {SPACING_S} s + a random "
        f"0–{JITTER_S} s before the next call. Both stores demo-seeded and thrown away afterwards; the display's "
        "painting is not included (no Qt here)."]
    return section

