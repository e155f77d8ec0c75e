"""Numbers allocated by several OS processes at once: none twice, none skipped (both backends)."""

from __future__ import annotations

import multiprocessing as mp
from datetime import date

from app.store.engine import Store
from app.store.sequences import allocate, peek

DAY = date(2026, 11, 28)


def _allocate_many(url: str, count: int, out: "mp.Queue[list[int]]") -> None:
    store = Store(url)
    taken = []
    for _ in range(count):
        with store.write() as s:
            taken.append(allocate(s, "ticket", "service-1", DAY))
    store.dispose()
    out.put(taken)


def test_sequence_in_one_process(store: Store) -> None:
    with store.write() as s:
        assert [allocate(s, "dossier", "A", DAY) for _ in range(3)] == [1, 2, 3]
        assert allocate(s, "dossier", "B", DAY) == 1
        assert allocate(s, "dossier", "A", date(2026, 11, 29)) == 1
        assert allocate(s, "dossier", "A", DAY, count=5) == 8
    with store.read() as s:
        assert peek(s, "dossier", "A", DAY) == 8
        assert peek(s, "dossier", "C", DAY) == 0


def test_rolled_back_allocation_is_not_taken(store: Store) -> None:
    try:
        with store.write() as s:
            assert allocate(s, "ticket", "X", DAY) == 1
            raise RuntimeError("printer caught fire")
    except RuntimeError:
        pass
    with store.write() as s:
        assert allocate(s, "ticket", "X", DAY) == 1


def test_concurrent_processes_never_collide(store_url: str) -> None:
    Store(store_url).dispose()
    spawn = mp.get_context("spawn")
    queue: "mp.Queue[list[int]]" = spawn.Queue()
    workers, each = 4, 40
    procs = [spawn.Process(target=_allocate_many, args=(store_url, each, queue)) for _ in range(workers)]
    for p in procs:
        p.start()
    results = [queue.get(timeout=120) for _ in procs]
    for p in procs:
        p.join(timeout=60)
        assert p.exitcode == 0
    numbers = sorted(n for r in results for n in r)
    assert numbers == list(range(1, workers * each + 1)), "no duplicates and no gaps"
    assert all(r == sorted(r) for r in results), "each process sees its numbers increase"
