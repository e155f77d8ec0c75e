"""The live-change feed on both backends: changes from other OS processes, rollbacks, lost connections, stop()."""

from __future__ import annotations

import multiprocessing as mp
import shutil
import statistics
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from app.store.engine import Store
from app.store.live import PG_OFFLINE, SQLITE_OFFLINE, Change, LiveFeed, encode, publish
from app.store.models import Counter

P3_TARGET_MS = {"postgresql": 250.0, "sqlite": 500.0}


class Recorder:
    """Collects changes and status reports from a feed, with events to wait on (never sleeps)."""

    def __init__(self) -> None:
        self.changes: list[tuple[float, Change]] = []
        self.statuses: list[tuple[bool, str]] = []
        self.cond = threading.Condition()

    def on_change(self, change: Change) -> None:
        with self.cond:
            self.changes.append((time.time(), change))
            self.cond.notify_all()

    def on_status(self, online: bool, message: str) -> None:
        with self.cond:
            self.statuses.append((online, message))
            self.cond.notify_all()

    def wait_for(self, predicate: Any, timeout: float) -> bool:
        """Wait until predicate(self) holds, at most `timeout` seconds."""
        with self.cond:
            return self.cond.wait_for(lambda: predicate(self), timeout)

    def topics(self) -> list[str]:
        with self.cond:
            return [c.topic for _, c in self.changes]


@pytest.fixture()
def recorder() -> Recorder:
    return Recorder()


def _feed(source: str | Store, rec: Recorder, topics: set[str] | None = None, **kwargs: Any) -> LiveFeed:
    return LiveFeed(source, topics, rec.on_change, rec.on_status, **kwargs)


@pytest.fixture()
def started(store: Store, recorder: Recorder) -> Iterator[LiveFeed]:
    """A running feed on the test store, already online."""
    feed = _feed(store, recorder, {"queue"}).start()
    assert recorder.wait_for(lambda r: r.statuses, 10), "feed never reported its status"
    assert recorder.statuses == [(True, "Đã kết nối cơ sở dữ liệu")]
    yield feed
    feed.stop()


def _writer(url: str, ready: Any, go: Any, count: int, gap: float, out: Any) -> None:
    """Another station: open the store, wait for 'go', then commit `count` counters, each with a 'queue' notice."""
    store = Store(url)
    with store.read() as s:
        s.get(Counter, 1)  # warm the connection up before timing anything
    ready.set()
    go.wait(30)
    stamps = []
    for i in range(count):
        with store.write() as s:
            counter = Counter(number=1000 + i, name=f"Quầy {1000 + i}")
            s.add(counter)
            s.flush()
            publish(s, "queue", {"counter_id": counter.id, "kind": "opened", "seq": i})
            stamps.append(time.time())  # before COMMIT: the measured latency includes the commit itself
        time.sleep(gap)
    store.dispose()
    out.put(stamps)


def _run_writer(url: str, count: int = 1, gap: float = 0.0) -> tuple[Any, Any, Any, Any]:
    ctx = mp.get_context("spawn")
    ready, go, out = ctx.Event(), ctx.Event(), ctx.Queue()
    proc = ctx.Process(target=_writer, args=(url, ready, go, count, gap, out))
    proc.start()
    assert ready.wait(60), "writer process did not start"
    return proc, go, out, ready


def test_change_from_another_process_arrives_within_a_second(backend: str, store_url: str, started: LiveFeed,
                                                             recorder: Recorder) -> None:
    proc, go, out, _ = _run_writer(store_url)
    go.set()
    assert recorder.wait_for(lambda r: r.changes, 1.0), "no change within 1 s of the other process's commit"
    committed = out.get(timeout=10)[0]
    proc.join(10)
    assert proc.exitcode == 0
    received, change = recorder.changes[0]
    if backend == "postgresql":
        assert change.topic == "queue"
        assert change.payload["kind"] == "opened" and change.payload["seq"] == 0
        assert isinstance(change.payload["counter_id"], int)
    else:
        assert change.topic == "*" and change.payload == {}
    print(f"\n[{backend}] commit -> delivery in another process: {(received - committed) * 1000:.1f} ms")


@pytest.mark.slow
def test_latency_p95_from_another_process(backend: str, store_url: str, started: LiveFeed,
                                          recorder: Recorder) -> None:
    """P3: commit in another process -> on_change here; the figure is printed beside the target."""
    # SQLite cannot tell commits apart, so they are spaced beyond the poll interval (one change per commit)
    count, gap = (60, 0.02) if backend == "postgresql" else (24, 0.3)
    proc, go, out, _ = _run_writer(store_url, count, gap)
    go.set()
    assert recorder.wait_for(lambda r: len(r.changes) >= count, count * (gap + 1.0)), recorder.topics()
    stamps = out.get(timeout=30)
    proc.join(10)
    received = [t for t, _ in recorder.changes[:count]]
    if backend == "postgresql":
        assert [c.payload["seq"] for _, c in recorder.changes[:count]] == list(range(count)), "in commit order"
    latencies = sorted((r - c) * 1000 for r, c in zip(received, stamps))
    p50, p95 = statistics.median(latencies), latencies[int(0.95 * (len(latencies) - 1))]
    target = P3_TARGET_MS[backend]
    print(f"\n[{backend}] P3 commit -> delivery, {count} commits: p50 {p50:.1f} ms, p95 {p95:.1f} ms, "
          f"max {latencies[-1]:.1f} ms (target p95 <= {target:.0f} ms)")
    assert min(latencies) > -5, "a change cannot arrive before its commit"
    assert p95 <= 2 * target, "far beyond the P3 target"


def test_rolled_back_write_delivers_nothing(backend: str, store: Store, started: LiveFeed,
                                            recorder: Recorder) -> None:
    with pytest.raises(RuntimeError):
        with store.write() as s:
            s.add(Counter(number=7, name="Quầy 7"))
            publish(s, "queue", {"kind": "rolled-back"})
            raise RuntimeError("the printer caught fire")
    if backend == "sqlite":
        assert not recorder.wait_for(lambda r: r.changes, 4 * started.poll_interval)
        return
    with store.write() as s:  # notifications arrive in commit order: the marker proves nothing came before it
        publish(s, "queue", {"kind": "marker"})
    assert recorder.wait_for(lambda r: r.changes, 2.0)
    assert [c.payload for _, c in recorder.changes] == [{"kind": "marker"}]


@pytest.mark.parametrize("backend", ["postgresql"], indirect=True)  # SQLite changes carry no topic
def test_topics_filter_and_malformed_notifications(store: Store, started: LiveFeed, recorder: Recorder) -> None:
    from sqlalchemy import text

    with store.write() as s:
        publish(s, "catalog", {"kind": "service", "id": 3})  # not a topic this feed wants
        s.execute(text("SELECT pg_notify('motcua', 'not json at all')"))
        s.execute(text("""SELECT pg_notify('motcua', '{"t": 5}')"""))
        publish(s, "queue", {"kind": "marker"})
    assert recorder.wait_for(lambda r: r.changes, 2.0)
    assert [(c.topic, c.payload) for _, c in recorder.changes] == [("queue", {"kind": "marker"})]


@pytest.mark.parametrize("backend", ["postgresql"], indirect=True)
def test_postgresql_connection_loss_reconnects_by_itself(store: Store, started: LiveFeed, recorder: Recorder) -> None:
    """R2 in small: the server drops the feed's connection (as on a restart); it goes offline, then comes back."""
    from sqlalchemy import text

    database = store.engine.url.database
    kill = text("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                "WHERE application_name = 'motcua-live' AND datname = :db")
    with store.write() as s:
        assert s.execute(kill, {"db": database}).scalar_one() == 1
    assert recorder.wait_for(lambda r: len(r.statuses) >= 2, 1.0), "offline not reported at once"
    assert recorder.statuses[1] == (False, PG_OFFLINE)
    assert recorder.wait_for(lambda r: len(r.statuses) >= 3 and r.changes, 5.0), "did not reconnect"
    assert recorder.statuses[2][0] is True
    assert [(c.topic, c.payload) for _, c in recorder.changes] == [("*", {"reason": "reconnected"})]
    with store.write() as s:
        publish(s, "queue", {"kind": "after"})
    assert recorder.wait_for(lambda r: len(r.changes) >= 2, 2.0), "notifications not delivered after reconnecting"
    assert recorder.changes[1][1].payload == {"kind": "after"}


def test_safety_poll_delivers_a_reload(store: Store, recorder: Recorder) -> None:
    with _feed(store, recorder, set(), safety_interval=0.3):
        assert recorder.wait_for(lambda r: r.changes, 2.0)
    assert recorder.changes[0][1].topic == "*" and recorder.changes[0][1].payload == {"reason": "safety"}


def test_stop_returns_quickly_and_silences_callbacks(store: Store, recorder: Recorder) -> None:
    feed = _feed(store, recorder, None).start()
    assert recorder.wait_for(lambda r: r.statuses, 10)
    began = time.monotonic()
    feed.stop()
    assert time.monotonic() - began < 1.0
    assert feed._thread is not None and not feed._thread.is_alive()
    with store.write() as s:
        s.add(Counter(number=8, name="Quầy 8"))
        publish(s, "queue", {"kind": "late"})
    assert not recorder.wait_for(lambda r: r.changes, 0.5)


def test_unreachable_server_is_offline_and_stops_quickly(recorder: Recorder) -> None:
    feed = _feed("postgresql+psycopg://postgres@127.0.0.1:1/none", recorder, None).start()
    assert recorder.wait_for(lambda r: r.statuses, 5.0)
    assert recorder.statuses == [(False, PG_OFFLINE)]
    began = time.monotonic()
    feed.stop()
    assert time.monotonic() - began < 1.0


def test_sqlite_missing_file_is_offline_until_it_appears(store_factories: Any, tmp_path: Path,
                                                         recorder: Recorder) -> None:
    target = tmp_path / "later.sqlite3"
    with _feed(f"sqlite:///{target}", recorder, None, poll_interval=0.05):
        assert recorder.wait_for(lambda r: r.statuses, 2.0)
        assert recorder.statuses == [(False, SQLITE_OFFLINE)]
        assert not target.exists(), "the feed must not create the database file"
        source = store_factories["sqlite"].url("migrated").split("///", 1)[1]
        shutil.copyfile(source, target)
        assert recorder.wait_for(lambda r: len(r.statuses) >= 2 and r.changes, 2.0)
        assert recorder.statuses[1][0] is True
        assert recorder.changes[0][1].payload == {"reason": "reconnected"}
        target.unlink()
        assert recorder.wait_for(lambda r: len(r.statuses) >= 3, 2.0)
        assert recorder.statuses[2] == (False, SQLITE_OFFLINE)


def test_publish_keeps_payloads_small_and_impersonal(store: Store) -> None:
    assert encode("queue", {"ticket_id": "5b0c2f7e-3a52-4f0e-9a57-0d6f1f7b8d11", "counter_id": 3, "ids": [1, 2]})
    with pytest.raises(ValueError, match="ids or kinds"):
        encode("dossier", {"applicant": "Nguyễn Văn An"})
    with pytest.raises(ValueError, match="too big"):
        encode("dossier", {"ids": list(range(5000))})
    with pytest.raises(ValueError):
        encode("*", {})
    with store.write() as s:  # on SQLite a no-op, on PostgreSQL a NOTIFY
        publish(s, "catalog", {"kind": "service", "id": 1})
