"""Officer accounts: roles and what each may do, whether an account is locked, password rules."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from app.domain.errors import PermissionDenied
from app.domain.messages import translate


class Role(StrEnum):
    """Roles, each allowed what the ones before it are: officer < supervisor < admin."""

    OFFICER = "officer"
    SUPERVISOR = "supervisor"
    ADMIN = "admin"

    @property
    def rank(self) -> int:
        """Order of privilege."""
        return {"officer": 1, "supervisor": 2, "admin": 3}[self.value]

    @property
    def label(self) -> str:
        """Vietnamese label."""
        return {"officer": translate("domain.accounts", "Cán bộ tiếp nhận"),
                "supervisor": translate("domain.accounts", "Giám sát"),
                "admin": translate("domain.accounts", "Quản trị")}[self.value]

    @property
    def label_lower(self) -> str:
        """Vietnamese label in lower case, as inside a sentence (marked on its own: «cán bộ tiếp nhận»)."""
        return {"officer": translate("domain.accounts", "cán bộ tiếp nhận"),
                "supervisor": translate("domain.accounts", "giám sát"),
                "admin": translate("domain.accounts", "quản trị")}[self.value]


def require_role(actual: Role, required: Role, action: str) -> None:
    """Refuse with a Vietnamese message when `actual` is below `required`."""
    if actual.rank < required.rank:
        raise PermissionDenied(translate("domain.accounts", "Tài khoản %1 không được phép %2 (cần quyền %3)")
                               .arg(actual.label_lower, action, required.label_lower))


def is_locked(locked_until: datetime | None, now: datetime) -> bool:
    """Whether an account is locked at `now`."""
    return locked_until is not None and now < locked_until


def check_new_password(password: str) -> None:
    """A password must be at least 8 characters (Vietnamese message otherwise)."""
    from app.domain.errors import ValidationError

    if len(password) < 8:
        raise ValidationError("password", translate("domain.accounts", "Mật khẩu phải có ít nhất 8 ký tự"))
