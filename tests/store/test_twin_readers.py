"""Two readers that see the same data (a report's queries side by side on two cores), on both backends."""

from __future__ import annotations

import threading
from datetime import date

import pytest
from sqlalchemy import func, select

from app.store.engine import Store
from app.store.models import Sequence
from app.store.sequences import allocate

DAY = date(2026, 11, 28)


def _count(conn) -> int:  # type: ignore[no-untyped-def]
    return int(conn.execute(select(func.count()).select_from(Sequence)).scalar_one())


def test_twin_readers_share_one_snapshot_and_release_writers(store: Store) -> None:
    with store.write() as s:
        allocate(s, "ticket", "A", DAY)
    with store.twin_readers() as (first, second):
        with store.write() as s:  # a station commits while the report runs: writers are not held off for long
            allocate(s, "ticket", "B", DAY)
        assert _count(first) == _count(second) == 1  # both still see the data as it was when they started
        seen: list[int] = []
        worker = threading.Thread(target=lambda: seen.append(_count(second)))  # the second one on another thread
        worker.start()
        worker.join(10)
        assert seen == [1]
    with store.read() as s:
        assert s.scalar(select(func.count()).select_from(Sequence)) == 2


def test_a_commit_cannot_land_between_the_two_starts(store: Store) -> None:
    """A writer that tries to commit while the twins start waits until both snapshots exist, so both miss it or
    both see it — never one of each."""
    results: list[tuple[int, int]] = []
    started = threading.Event()

    def writer() -> None:
        started.wait(5)
        with store.write() as s:
            allocate(s, "ticket", "C", DAY)

    for _ in range(5):
        started.clear()
        thread = threading.Thread(target=writer)
        thread.start()
        started.set()
        with store.twin_readers() as (first, second):
            results.append((_count(first), _count(second)))
        thread.join(10)
    assert all(a == b for a, b in results), results


def test_an_in_memory_sqlite_database_has_no_twins() -> None:
    memory = Store("sqlite://")
    with pytest.raises(ValueError):
        with memory.twin_readers():
            pass
    memory.dispose()
