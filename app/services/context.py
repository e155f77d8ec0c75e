"""What every use case is given: the store, the clock, the station, and who is acting."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timezone

from app.domain.accounts import Role, require_role
from app.domain.calendar import LOCAL_TZ as LOCAL_TZ  # the centre's time zone, defined once there
from app.store.engine import Store


def utc_now() -> datetime:
    """The current time, timezone-aware, in UTC."""
    return datetime.now(timezone.utc)


@dataclass(frozen=True)
class Actor:
    """Who is acting: a signed-in officer, or the local system administrator on the CLI."""

    officer_id: int | None
    login: str
    full_name: str
    role: Role

    @classmethod
    def system(cls) -> "Actor":
        """The CLI's actor: whoever holds the database credentials administers it (like psql)."""
        return cls(None, "system", "Quản trị hệ thống (dòng lệnh)", Role.ADMIN)

    def require(self, role: Role, action: str) -> None:
        """Refuse unless this actor has at least `role`."""
        require_role(self.role, role, action)


@dataclass
class Context:
    """The store plus the clock and this station's identity, passed to every service."""

    store: Store
    clock: Callable[[], datetime] = utc_now
    station_id: uuid.UUID | None = None
    extra: dict[str, object] = field(default_factory=dict)

    def now(self) -> datetime:
        """Now, UTC, from the context's clock (tests freeze it)."""
        return self.clock()
