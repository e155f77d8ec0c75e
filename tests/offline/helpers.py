"""What the offline tests share: a hand-moved clock, a station on the central store, lookups."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

from sqlalchemy import select

from app.domain.dossier import IntakeDraft
from app.services.context import Context
from app.services.offline import OfflineStation
from app.store.models import Procedure, Service

# Monday 30/11/2026 09:00 in Hà Nội (02:00 UTC), a working day
MORNING = datetime(2026, 11, 30, 2, 0, tzinfo=timezone.utc)
DRAFT = IntakeDraft(applicant_name="Nguyễn Văn An", id_number="001085012345", phone="0912345678",
                    address="12 Lê Lợi, Hà Nội")


class Clock:
    """A clock the test moves by hand (`at`), one second per reading."""

    def __init__(self, start: datetime) -> None:
        self.at = start

    def __call__(self) -> datetime:
        self.at += timedelta(seconds=1)
        return self.at


def station(ctx: Context, folder: Path, kind: str, clock: Clock, counter: int = 0) -> OfflineStation:
    return OfflineStation(ctx, folder, kind, counter, clock=clock)


def service_id(ctx: Context, code: str) -> int:
    with ctx.store.read() as s:
        return int(s.scalar(select(Service.id).where(Service.code == code)))


def procedure(ctx: Context, code: str) -> Procedure:
    with ctx.store.read() as s:
        found = s.scalar(select(Procedure).where(Procedure.code == code))
        assert found is not None
        return found
