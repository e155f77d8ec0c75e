"""Shared helpers for the benchmarks: timing statistics, the machine's description, result sections.

Benchmarks measure and report; they never assert on a time (they are not tests).
"""

from __future__ import annotations

import os
import platform
import sqlite3
import statistics
import sys
import tempfile
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

PROJECT = Path(__file__).resolve().parents[1]


def percentile(values: list[float], p: float) -> float:
    """The p-th percentile (0–100) by nearest rank: the smallest value with at least p % of values at or below."""
    if not values:
        raise ValueError("no values")
    ordered = sorted(values)
    rank = max(1, -(-len(ordered) * p // 100))  # ceil(n * p / 100), at least 1
    return ordered[int(rank) - 1]


@dataclass(frozen=True)
class Stats:
    """Summary of a series of durations, in seconds."""

    n: int
    median: float
    p90: float
    p99: float
    max: float
    mean: float

    @classmethod
    def of(cls, seconds: list[float]) -> "Stats":
        return cls(len(seconds), statistics.median(seconds), percentile(seconds, 90), percentile(seconds, 99),
                   max(seconds), statistics.fmean(seconds))


def ms(seconds: float) -> str:
    """A duration in milliseconds with sensible precision."""
    value = seconds * 1000
    if value < 1:
        return f"{value:.3f} ms"
    if value < 10:
        return f"{value:.2f} ms"
    return f"{value:.1f} ms"


def s(seconds: float) -> str:
    """A duration in seconds."""
    return f"{seconds:.3f} s"


def verdict(ok: bool) -> str:
    return "meets" if ok else "**misses**"


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text(encoding="utf-8", errors="replace").splitlines():
            if line.lower().startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine() or "unknown CPU"


def _ram() -> str:
    try:
        for line in Path("/proc/meminfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("MemTotal:"):
                kib = int(line.split()[1])
                return f"{kib / 1024 / 1024:.1f} GiB"
    except (OSError, ValueError, IndexError):
        pass
    return "unknown"


def machine() -> dict[str, str]:
    """What the figures were measured on."""
    return {
        "CPU": _cpu_model(),
        "cores": f"{os.cpu_count()} logical",
        "RAM": _ram(),
        "OS": f"{platform.system()} {platform.release()}",
        "Python": f"{platform.python_implementation()} {sys.version.split()[0]}",
        "SQLite": sqlite3.sqlite_version,
    }


def load() -> str:
    """The load average now: other work on the machine slows every figure (2 busy cores → noisy maxima)."""
    try:
        one, five, fifteen = os.getloadavg()
    except OSError:
        return "unknown"
    return f"{one:.2f} / {five:.2f} / {fifteen:.2f} (1 / 5 / 15 min) on {os.cpu_count()} cores"


@dataclass(frozen=True)
class Row:
    """One line of a benchmark's results table."""

    what: str
    target: str
    measured: str
    verdict: str
    notes: str = ""


@dataclass
class Section:
    """A benchmark's results: a table, then free markdown (details, per-case figures)."""

    key: str
    title: str
    rows: list[Row] = field(default_factory=list)
    details: list[str] = field(default_factory=list)
    measured: str = ""  # "Measured on … load …", set by `python -m bench` around the run

    def markdown(self) -> str:
        out = [f"## {self.title}", ""]
        if self.measured:
            out += [self.measured, ""]
        out += ["| what | target | measured | verdict | notes |", "|---|---|---|---|---|"]
        for r in self.rows:
            cells = [c.replace("|", "\\|").replace("\n", " ") for c in (r.what, r.target, r.measured, r.verdict,
                                                                        r.notes)]
            out.append("| " + " | ".join(cells) + " |")
        if self.details:
            out.append("")
            out.extend(self.details)
        return "\n".join(out) + "\n"


def say(text: str = "") -> None:
    """Progress and figures on the console as they come."""
    print(text, flush=True)


# --- throwaway databases and child processes ------------------------------------------------------------------

PG_ADMIN_URL = os.environ.get("MOTCUA_BENCH_PG_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres")


def _pg_admin_connect():  # type: ignore[no-untyped-def]
    import psycopg
    from sqlalchemy.engine import make_url

    u = make_url(PG_ADMIN_URL)
    return psycopg.connect(host=u.host, port=u.port or 5432, user=u.username, dbname=u.database,
                           password=u.password, autocommit=True, connect_timeout=3)


def pg_unavailable() -> str | None:
    """None when the PostgreSQL server of the benchmarks answers, else why not."""
    try:
        with _pg_admin_connect():
            return None
    except Exception as exc:  # any failure means: no usable server
        return f"PostgreSQL not reachable at {PG_ADMIN_URL}: {str(exc).splitlines()[0] if str(exc) else exc}"


@contextmanager
def pg_database(prefix: str = "motcua_bench") -> Iterator[str]:
    """A throwaway PostgreSQL database (`motcua_bench_<random>`), dropped afterwards; yields its URL."""
    from sqlalchemy.engine import make_url

    name = f"{prefix}_{uuid.uuid4().hex[:10]}"
    with _pg_admin_connect() as conn:
        conn.execute(f'CREATE DATABASE "{name}"')  # type: ignore[arg-type]
    try:
        yield make_url(PG_ADMIN_URL).set(database=name).render_as_string(hide_password=False)
    finally:
        with _pg_admin_connect() as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')  # type: ignore[arg-type]


def on_each_backend(name: str, measure: Callable[..., dict[str, Any]],
                    pg_variants: dict[str, dict[str, Any]] | None = None) -> tuple[dict[str, dict[str, Any]], str | None]:
    """`measure(url, **options)` on a throwaway PostgreSQL database per variant (when the server answers; default one
    variant "postgresql"), then on a SQLite file in a temporary folder. Returns the results by variant name (plus
    "sqlite") and why PostgreSQL was not measured (None when it was)."""
    results: dict[str, dict[str, Any]] = {}
    reason = pg_unavailable()
    if reason:
        say(f"  PostgreSQL not measured: {reason}")
    else:
        for variant, options in (pg_variants or {"postgresql": {}}).items():
            with pg_database() as url:
                results[variant] = measure(url, **options)
    with tempfile.TemporaryDirectory(prefix=f"motcua-bench-{name}-") as tmp:
        results["sqlite"] = measure(f"sqlite:///{Path(tmp) / (name + '.db')}")
    return results, reason


def seeded_store(url: str):  # type: ignore[no-untyped-def]
    """Migrate the store at `url` and load the demo centre; returns the open Store (dispose it when done)."""
    from app.services.context import Actor, Context
    from app.services.demo import seed_demo
    from app.store import migrate
    from app.store.engine import Store

    store = Store(url)
    migrate.upgrade(store)
    seed_demo(Context(store), Actor.maintenance(Context(store)))
    return store


def isolate_process(tmp: Path) -> None:
    """In a benchmark's child process: temp config and data folders, never the user's."""
    for key in [k for k in os.environ if k.startswith("MOTCUA_")]:
        del os.environ[key]
    os.environ["MOTCUA_DATA_DIR"] = str(tmp / "data")
    os.environ["MOTCUA_CONFIG_DIR"] = str(tmp / "config")


def two_cores_note() -> str:
    """Said next to every figure of several processes: how many cores shared the work."""
    return f"{os.cpu_count()} cores shared by every process and the database server"


@contextmanager
def counting_statements(store) -> Iterator[list[int]]:  # type: ignore[no-untyped-def]
    """Count the SQL statements the store's engine sends while the block runs (yields a one-item list)."""
    from sqlalchemy import event

    count = [0]

    def _count(*_args) -> None:  # type: ignore[no-untyped-def]
        count[0] += 1

    event.listen(store.engine, "before_cursor_execute", _count)
    try:
        yield count
    finally:
        event.remove(store.engine, "before_cursor_execute", _count)


def pg_synchronous_commit_off(store) -> None:  # type: ignore[no-untyped-def]
    """Diagnosis only: commits of this throwaway PostgreSQL database stop waiting for the WAL flush (fsync)."""
    from sqlalchemy import text

    with store.engine.connect() as conn:
        name = conn.execute(text("SELECT current_database()")).scalar_one()
        conn.execute(text(f'ALTER DATABASE "{name}" SET synchronous_commit = off'))
        conn.commit()
    store.engine.dispose()  # new connections take the setting


@contextmanager
def timing_statements(store) -> Iterator[list[float]]:  # type: ignore[no-untyped-def]
    """Sum the seconds the store's engine spends executing SQL statements (cursor.execute: the round trip to the
    database and its work, not the commit) while the block runs; yields [seconds, statements]."""
    import time

    from sqlalchemy import event

    spent = [0.0, 0.0]
    started: list[float] = []

    def _before(*_args) -> None:  # type: ignore[no-untyped-def]
        started.append(time.perf_counter())

    def _after(*_args) -> None:  # type: ignore[no-untyped-def]
        if started:
            spent[0] += time.perf_counter() - started.pop()
            spent[1] += 1

    event.listen(store.engine, "before_cursor_execute", _before)
    event.listen(store.engine, "after_cursor_execute", _after)
    try:
        yield spent
    finally:
        event.remove(store.engine, "before_cursor_execute", _before)
        event.remove(store.engine, "after_cursor_execute", _after)
