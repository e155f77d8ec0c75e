"""The one error family of motcua, and the domain's own errors, each with a Vietnamese message fit to show.

    MotcuaError                 every failure we expect and can explain
    ├── EnvironmentFault        the PC's surroundings: store unreachable, printer offline, port busy, disk full;
    │                           shown plainly with a retry (StoreUnavailable, DeviceError, LeanStoreError, DiskFull)
    ├── DomainError             a rule refused the request: bad input, not allowed, not found, conflict
    └── ConfigError             this machine's settings or config file are wrong (app.config)

Anything else that escapes is our bug: logged with a crash report. Each subclass lives with the layer that owns
the library it translates (StoreUnavailable in app.store.engine, DeviceError in app.devices.transport).
"""

from __future__ import annotations

import errno

from app.domain.messages import translate


class MotcuaError(Exception):
    """A failure we expect and explain; the message is Vietnamese and safe to show."""


class EnvironmentFault(MotcuaError):
    """Something around the program failed (database, device, disk, network); trying again may work."""


class DiskFull(EnvironmentFault):
    """A file could not be written: the disk is full (or the user's quota is)."""


class DomainError(MotcuaError):
    """A rule of the domain refused the request (lỗi nghiệp vụ)."""


class ValidationError(DomainError):
    """A field typed by an officer is invalid; `message` is Vietnamese and names the field."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field
        self.message = message

    def __str__(self) -> str:
        return self.message


class FormErrors(DomainError):
    """Several invalid fields at once: a form shows each message at its field, and nothing is saved."""

    def __init__(self, errors: list[ValidationError]) -> None:
        super().__init__("; ".join(e.message for e in errors))
        self.errors = errors

    def by_field(self) -> dict[str, str]:
        """The first message of each field, keyed by field name."""
        result: dict[str, str] = {}
        for error in self.errors:
            result.setdefault(error.field, error.message)
        return result


class PermissionDenied(DomainError):
    """The signed-in user's role does not allow this action."""


class NotFound(DomainError):
    """The thing asked for does not exist (message names it)."""


class Conflict(DomainError):
    """The change clashes with what is stored (a duplicate code, a stale edit)."""


def disk_fault(exc: BaseException, what: str | None = None) -> EnvironmentFault | None:
    """The environment fault an OSError stands for (disk full), or None when it is something else; `what` names
    the thing not written («tệp» unless given)."""
    if isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        return DiskFull(translate("domain.errors", "Không ghi được %1: ổ đĩa đã đầy")
                        .arg(what or translate("domain.errors", "tệp")))
    return None
