"""Shared helpers for the benchmarks: timing statistics, the machine's description, result sections.

Benchmarks measure and report; they never assert on a time (they are not tests).
"""

from __future__ import annotations

import os
import platform
import sqlite3
import statistics
import sys
from dataclasses import dataclass, field
from pathlib import Path

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

    def markdown(self) -> str:
        out = [f"## {self.title}", "", "| what | target | measured | verdict | notes |", "|---|---|---|---|---|"]
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
