"""Times are timezone-aware in and out on both backends; naive times are refused."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy.exc import StatementError

from app.store.engine import Store
from app.store.models import Officer


def test_aware_times_round_trip_as_utc(store: Store) -> None:
    local = datetime(2026, 11, 28, 8, 15, 30, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh"))
    with store.write() as s:
        s.add(Officer(login="a", full_name="A", role="officer", password_hash="x", created_at=local))
    with store.read() as s:
        stored = s.query(Officer).one().created_at
    assert stored.tzinfo is not None and stored.utcoffset() == timedelta(0)
    assert stored == local
    assert stored.hour == 1  # 08:15 in Hà Nội is 01:15 UTC


def test_naive_time_is_refused(store: Store) -> None:
    with pytest.raises(StatementError, match="naive"):
        with store.write() as s:
            s.add(Officer(login="b", full_name="B", role="officer", password_hash="x",
                          created_at=datetime(2026, 1, 1)))
            s.flush()
    with store.read() as s:
        assert s.query(Officer).count() == 0


def test_store_unavailable_is_reported_plainly() -> None:
    from app.store.engine import StoreUnavailable

    store = Store("postgresql+psycopg://nobody@127.0.0.1:1/none")
    with pytest.raises(StoreUnavailable, match="Mất kết nối"):
        with store.read() as s:
            s.query(Officer).count()
    store.dispose()
    assert datetime.now(timezone.utc)  # the process is fine afterwards
