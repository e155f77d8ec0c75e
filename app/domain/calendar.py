"""Working calendar (lịch làm việc) and legal due dates of dossiers (thời hạn giải quyết)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from functools import lru_cache
from datetime import date, datetime, time, timedelta
from typing import Literal
from zoneinfo import ZoneInfo

from app.domain.messages import translate

LOCAL_TZ = ZoneInfo("Asia/Ho_Chi_Minh")  # the centre's local time (Việt Nam, UTC+7, no daylight saving)
# the names of the days of the week, Monday first (date.weekday() indexes them)
WEEKDAY_NAMES = (translate("domain.calendar", "Thứ Hai"), translate("domain.calendar", "Thứ Ba"),
                 translate("domain.calendar", "Thứ Tư"), translate("domain.calendar", "Thứ Năm"),
                 translate("domain.calendar", "Thứ Sáu"), translate("domain.calendar", "Thứ Bảy"),
                 translate("domain.calendar", "Chủ Nhật"))
DEFAULT_PERIODS: tuple[tuple[time, time], ...] = (
    (time(7, 0), time(11, 30)),
    (time(13, 30), time(17, 0)),
)
# A calendar without a working day in ten years is a configuration error, not a long wait.
MAX_SEARCH_DAYS = 3660

Unit = Literal["working_days", "calendar_days", "working_hours", "same_day"]
Timeliness = Literal["early", "on_time", "late"]
ONE_DAY = timedelta(days=1)


def vn_public_holidays(years: int | Iterable[int]) -> set[date]:
    """Vietnamese public holidays and official substitute days off, from the `holidays` package."""
    return set(_vn_calendar(tuple(sorted(set(_year_list(years)))))[0])


def vn_makeup_working_days(years: int | Iterable[int]) -> set[date]:
    """Weekend days the `holidays` package knows were worked in exchange for a day off (làm bù)."""
    return set(_vn_calendar(tuple(sorted(set(_year_list(years)))))[1])


@lru_cache(maxsize=64)
def _vn_calendar(years: tuple[int, ...]) -> tuple[frozenset[date], frozenset[date]]:
    """(holidays, make-up working days) of some years, computed once per process: the package rebuilds its
    tables on every call (about 3 ms, a fifth of a dossier's save: docs/benchmarks.md, issue 4)."""
    import holidays  # imported here so that importing the domain stays cheap

    known = holidays.country_holidays("VN", years=list(years))
    return frozenset(known), frozenset(d for d in known.weekend_workdays if d.year in years)


def _year_list(years: int | Iterable[int]) -> list[int]:
    """Accept one year or several."""
    return [years] if isinstance(years, int) else list(years)


@dataclass(frozen=True)
class WorkingCalendar:
    """Which days are worked and the working periods of a working day.

    Precedence: extra days off > make-up working days > public holidays > Saturday/Sunday.
    """

    holidays: AbstractSet[date] = frozenset()
    extra_days_off: AbstractSet[date] = frozenset()
    makeup_working_days: AbstractSet[date] = frozenset()
    periods: tuple[tuple[time, time], ...] = DEFAULT_PERIODS

    def __post_init__(self) -> None:
        for name in ("holidays", "extra_days_off", "makeup_working_days"):
            object.__setattr__(self, name, frozenset(getattr(self, name)))
        object.__setattr__(self, "periods", tuple(tuple(p) for p in self.periods))
        _check_periods(self.periods)

    @classmethod
    def for_vietnam(
        cls,
        years: int | Iterable[int],
        extra_days_off: Iterable[date] = (),
        makeup_working_days: Iterable[date] = (),
        periods: tuple[tuple[time, time], ...] = DEFAULT_PERIODS,
    ) -> WorkingCalendar:
        """Calendar from the `holidays` package for `years` plus the centre's own entries."""
        wanted = _year_list(years)
        return cls(
            holidays=vn_public_holidays(wanted),
            extra_days_off=frozenset(extra_days_off),
            makeup_working_days=vn_makeup_working_days(wanted) | set(makeup_working_days),
            periods=periods,
        )

    @property
    def opening(self) -> time:
        """Start of the first working period."""
        return self.periods[0][0]

    @property
    def closing(self) -> time:
        """End of the last working period (giờ kết thúc ngày làm việc)."""
        return self.periods[-1][1]

    def is_working_day(self, d: date) -> bool:
        """True when `d` is worked at the centre."""
        if d in self.extra_days_off:
            return False
        if d in self.makeup_working_days:
            return True
        return d.weekday() < 5 and d not in self.holidays

    def next_working_day(self, d: date) -> date:
        """First working day strictly after `d`."""
        return self._step(d, ONE_DAY)

    def previous_working_day(self, d: date) -> date:
        """Last working day strictly before `d`."""
        return self._step(d, -ONE_DAY)

    def working_day_on_or_after(self, d: date) -> date:
        """`d` itself when worked, else the next working day."""
        return d if self.is_working_day(d) else self.next_working_day(d)

    def add_working_days(self, d: date, n: int) -> date:
        """The n-th working day after `d` (before it when n < 0; `d` itself when n = 0)."""
        step = self.next_working_day if n >= 0 else self.previous_working_day
        for _ in range(abs(n)):
            d = step(d)
        return d

    def closing_on(self, d: date) -> datetime:
        """Closing time of day `d`, in local time."""
        return datetime.combine(d, self.closing, LOCAL_TZ)

    def periods_on(self, d: date) -> list[tuple[datetime, datetime]]:
        """Working periods of day `d` as local datetimes (empty on a day off)."""
        if not self.is_working_day(d):
            return []
        return [(datetime.combine(d, a, LOCAL_TZ), datetime.combine(d, b, LOCAL_TZ)) for a, b in self.periods]

    def _step(self, d: date, delta: timedelta) -> date:
        """Walk from `d` by `delta` to the first working day."""
        for _ in range(MAX_SEARCH_DAYS):
            d += delta
            if self.is_working_day(d):
                return d
        raise ValueError(f"no working day within {MAX_SEARCH_DAYS} days of {d}")


def _check_periods(periods: tuple[tuple[time, time], ...]) -> None:
    """Refuse empty, reversed, overlapping or timezone-carrying working periods."""
    if not periods:
        raise ValueError("a working calendar needs at least one working period")
    previous_end: time | None = None
    for start, end in periods:
        if start.tzinfo is not None or end.tzinfo is not None:
            raise ValueError("working periods are local wall-clock times without tzinfo")
        if not start < end or (previous_end is not None and start < previous_end):
            raise ValueError(f"working periods must be increasing and disjoint: {periods}")
        previous_end = end


def to_local(moment: datetime) -> datetime:
    """Convert an aware datetime to Asia/Ho_Chi_Minh; naive datetimes are refused as ambiguous."""
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError(f"datetime must be timezone-aware, got naive {moment.isoformat()}")
    return moment.astimezone(LOCAL_TZ)


def effective_receipt(
    received_at: datetime, calendar: WorkingCalendar, cutoff: time | None = None
) -> datetime:
    """When the clock starts: the receipt, or the next working morning if received late or on a day off."""
    local = to_local(received_at)
    limit = calendar.closing if cutoff is None else min(calendar.closing, cutoff)
    if calendar.is_working_day(local.date()) and local.time() <= limit:
        return local
    next_day = calendar.next_working_day(local.date())
    return datetime.combine(next_day, calendar.opening, LOCAL_TZ)


def add_working_time(start: datetime, duration: timedelta, calendar: WorkingCalendar) -> datetime:
    """Moment when `duration` of working time has passed since `start`, skipping breaks and days off."""
    remaining, day = duration, to_local(start).date()
    for _ in range(MAX_SEARCH_DAYS):
        for begin, end in calendar.periods_on(day):
            begin = max(begin, start)
            if begin >= end:
                continue
            if remaining <= end - begin:
                return begin + remaining
            remaining -= end - begin
        day += ONE_DAY
    raise ValueError(f"no working time within {MAX_SEARCH_DAYS} days of {start.isoformat()}")


def _due_working_days(start: datetime, value: int, calendar: WorkingCalendar) -> datetime:
    """End of the value-th working day after the day of receipt (Civil Code art. 147)."""
    return calendar.closing_on(calendar.add_working_days(start.date(), value))


def _due_calendar_days(start: datetime, value: int, calendar: WorkingCalendar) -> datetime:
    """End of the value-th calendar day after receipt, moved to the next working day if it is off."""
    return calendar.closing_on(calendar.working_day_on_or_after(start.date() + value * ONE_DAY))


def _due_working_hours(start: datetime, value: int, calendar: WorkingCalendar) -> datetime:
    """Value working hours counted from the receipt inside the working periods."""
    return add_working_time(start, timedelta(hours=value), calendar)


def _due_same_day(start: datetime, value: int, calendar: WorkingCalendar) -> datetime:
    """Closing time of the (effective) day of receipt; `value` is ignored."""
    return calendar.closing_on(start.date())


_RULES: dict[str, Callable[[datetime, int, WorkingCalendar], datetime]] = {
    "working_days": _due_working_days,
    "calendar_days": _due_calendar_days,
    "working_hours": _due_working_hours,
    "same_day": _due_same_day,
}


def due_at(
    received_at: datetime,
    value: int,
    unit: Unit | str,
    calendar: WorkingCalendar,
    cutoff: time | None = None,
) -> datetime:
    """Legal due moment (hẹn trả kết quả) of a dossier received at `received_at`, in local time."""
    rule = _RULES.get(unit)
    if rule is None:
        raise ValueError(f"unknown processing-time unit {unit!r}; expected one of {sorted(_RULES)}")
    if value < 0:
        raise ValueError(f"processing time must not be negative, got {value}")
    return rule(effective_receipt(received_at, calendar, cutoff), value, calendar)


def timeliness(resolved_on: date, due_on: date) -> Timeliness:
    """Compare calendar dates: before the due date early (trước hạn), on it on time, after it late."""
    resolved, due = _local_date(resolved_on), _local_date(due_on)
    if resolved < due:
        return "early"
    return "on_time" if resolved == due else "late"


def _local_date(value: date) -> date:
    """Date part in local time; datetimes (a subclass of date) are converted first."""
    return to_local(value).date() if isinstance(value, datetime) else value
