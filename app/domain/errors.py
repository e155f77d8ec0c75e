"""Domain exceptions: errors in what the user typed or asked for, shown as Vietnamese messages."""

from __future__ import annotations


class DomainError(Exception):
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
