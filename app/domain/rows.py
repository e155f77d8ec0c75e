"""A line of an import file read cell by cell, every bad cell kept as a RowProblem instead of stopping at the
first (the whole file is then refused with all of them)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from app.domain.calendar import LOCAL_TZ


@dataclass(frozen=True)
class RowProblem:
    """One bad cell of an import file: line (1 = header), column name, Vietnamese reason."""

    line: int
    column: str
    message: str

    def __str__(self) -> str:
        return f"dòng {self.line}, cột {self.column}: {self.message}"


class RowReader:
    """Reads the cells of one line, adding a RowProblem to `problems` for each bad one."""

    def __init__(self, line: int, raw: dict[str, str], problems: list[RowProblem]) -> None:
        self.line, self.raw, self.problems = line, raw, problems

    def bad(self, column: str, message: str) -> None:
        """Record a problem of this line's `column`."""
        self.problems.append(RowProblem(self.line, column, message))

    def text(self, column: str) -> str:
        """The cell, trimmed ('' when absent)."""
        return (self.raw.get(column) or "").strip()

    def moment(self, column: str, required: bool = False) -> datetime | None:
        """The cell as an ISO 8601 moment (local time when it names no offset); None when empty or bad."""
        value = self.text(column)
        if not value:
            if required:
                self.bad(column, "không được để trống")
            return None
        try:
            parsed = datetime.fromisoformat(value)
        except ValueError:
            self.bad(column, f"«{value}» không phải thời điểm ISO 8601 (vd. 2023-10-27T09:32:00+07:00)")
            return None
        return parsed.replace(tzinfo=LOCAL_TZ) if parsed.tzinfo is None else parsed

    def choice(self, column: str, allowed: tuple[str, ...], required: bool = True) -> str:
        """The cell when it is one of `allowed` (or empty and not required), else '' and a problem."""
        value = self.text(column)
        if value in allowed or (not value and not required):
            return value
        self.bad(column, f"«{value}» không hợp lệ; phải là {' | '.join(allowed)}")
        return ""
