"""What every use case is given: the store, the clock, the station, and who is acting."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timezone

from app.domain.accounts import Role, require_role
from app.domain.calendar import LOCAL_TZ as LOCAL_TZ  # the centre's time zone, defined once there
from app.domain.messages import translate
from app.store.engine import Store


def utc_now() -> datetime:
    """The current time, timezone-aware, in UTC."""
    return datetime.now(timezone.utc)


_ORIGIN = object()  # only the constructors below hold it: an Actor is never built by hand


@dataclass(frozen=True)
class Actor:
    """Who is acting: an officer who signed in (`app.services.accounts.sign_in`), or the maintenance account (the
    database owner's connection, `Actor.maintenance`). Services trust no other: building one by hand raises.

    A signed-in actor re-reads its account at each `require` (the next action): a deactivated officer is refused
    there, and a changed role counts from then on."""

    officer_id: int | None
    login: str
    full_name: str
    role: Role
    origin: object = field(default=None, repr=False, compare=False)
    recheck: Callable[[], Role] | None = field(default=None, repr=False, compare=False)

    def __post_init__(self) -> None:
        if self.origin is not _ORIGIN:
            raise TypeError("an Actor comes from accounts.sign_in or Actor.maintenance, never built by hand")

    @classmethod
    def maintenance(cls, ctx: "Context") -> "Actor":
        """The maintenance account: the database owner's connection (or the embedded SQLite file's holder),
        who administers the centre as with psql. Refused over a station's database role."""
        from app.store.roles import require_maintenance

        require_maintenance(ctx.store, translate("services.context", "làm việc không cần đăng nhập cán bộ"))
        return cls(None, "system", "Quản trị hệ thống (tài khoản bảo trì)", Role.ADMIN, _ORIGIN)

    def require(self, role: Role, action: str) -> None:
        """Refuse unless this actor (its account as it is now) has at least `role`."""
        require_role(self.recheck() if self.recheck is not None else self.role, role, action)


def signed_in_actor(officer_id: int, login: str, full_name: str, role: Role,
                    recheck: Callable[[], Role]) -> Actor:
    """The actor of an officer whose password was just checked: for app.services.accounts only
    (tests/services/test_roles_db.py checks that nothing else calls it)."""
    return Actor(officer_id, login, full_name, role, _ORIGIN, recheck)


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
