"""A line of an import file read cell by cell, every bad cell kept as a RowProblem instead of stopping at the
first (the whole file is then refused with all of them)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from app.domain.calendar import LOCAL_TZ
from app.domain.messages import translate
from app.domain.validators import CELL_MAX_LENGTH, YEAR_MAX, YEAR_MIN, bad_characters, field_label


@dataclass(frozen=True)
class RowProblem:
    """One bad cell of an import file: line (1 = header), column name, Vietnamese reason."""

    line: int
    column: str
    message: str

    def __str__(self) -> str:
        label = field_label(self.column)
        named = translate("domain.rows", "%1 (%2)").arg(self.column, label) if label != self.column else self.column
        return translate("domain.rows", "dòng %1, cột %2: %3").arg(self.line, named, self.message)


def cell_problems(line: int, raw: dict[str, str]) -> list[RowProblem]:
    """The cells of a line that break the rules every field shares (app.domain.validators): a control, bidi or
    invisible character, or more than CELL_MAX_LENGTH characters."""
    problems = []
    for column, value in raw.items():
        if not isinstance(value, str):  # csv's list of the cells past the header: refused by the caller
            continue
        bad = bad_characters(value)
        if bad:
            problems.append(RowProblem(line, column, translate("domain.rows", "có ký tự điều khiển hoặc ký tự ẩn "
                                                                             "không được phép (%1)")
                                       .arg(", ".join(bad[:5]))))
        elif len(value) > CELL_MAX_LENGTH:
            problems.append(RowProblem(line, column, translate("domain.rows", "dài quá %1 ký tự (%2 ký tự)")
                                       .arg(CELL_MAX_LENGTH, len(value))))
    return problems


class RowReader:
    """Reads the cells of one line, adding a RowProblem to `problems` for each bad one (one per column: the first).

    Every cell is checked first against the rules all fields share (app.domain.validators): no control, bidi or
    invisible character, at most CELL_MAX_LENGTH characters; a bad cell then reads as empty."""

    def __init__(self, line: int, raw: dict[str, str], problems: list[RowProblem]) -> None:
        self.line, self.problems = line, problems
        self.flagged: set[str] = set()
        self.raw = dict(raw)
        for problem in cell_problems(line, raw):
            self.bad(problem.column, problem.message)
            self.raw[problem.column] = ""

    def bad(self, column: str, message: str) -> None:
        """Record a problem of this line's `column` (only its first)."""
        if column in self.flagged:
            return
        self.flagged.add(column)
        self.problems.append(RowProblem(self.line, column, message))

    def text(self, column: str) -> str:
        """The cell, trimmed ('' when absent)."""
        return (self.raw.get(column) or "").strip()

    def moment(self, column: str, required: bool = False, latest: datetime | None = None) -> datetime | None:
        """The cell as an ISO 8601 moment (local time when it names no offset) between the years 1900 and 2100 and
        not after `latest` (a moment that already happened); None when empty or bad."""
        value = self.text(column)
        if not value:
            if required:
                self.bad(column, translate("domain.rows", "không được để trống"))
            return None
        try:
            parsed = datetime.fromisoformat(value)
        except ValueError:
            self.bad(column, translate("domain.rows", "«%1» không phải thời điểm ISO 8601 (vd. "
                                                      "2023-10-27T09:32:00+07:00)").arg(value[:40]))
            return None
        if not YEAR_MIN <= parsed.year <= YEAR_MAX:
            self.bad(column, translate("domain.rows", "năm %1 ngoài khoảng %2–%3").arg(parsed.year, YEAR_MIN, YEAR_MAX))
            return None
        moment = parsed.replace(tzinfo=LOCAL_TZ) if parsed.tzinfo is None else parsed
        if latest is not None and moment > latest:
            self.bad(column, translate("domain.rows", "%1 ở tương lai (sau lúc nhập %2)")
                     .arg(value, f"{latest.astimezone(LOCAL_TZ):%H:%M %d/%m/%Y}"))
            return None
        return moment

    def choice(self, column: str, allowed: tuple[str, ...], required: bool = True) -> str:
        """The cell when it is one of `allowed` (or empty and not required), else '' and a problem."""
        value = self.text(column)
        if value in allowed or (not value and not required):
            return value
        self.bad(column, translate("domain.rows", "«%1» không hợp lệ; phải là %2").arg(value[:40], " | ".join(allowed)))
        return ""
