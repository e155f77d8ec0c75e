"""The centre's working calendar: extra days off, make-up working days, and the working hours of a day."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from app.domain.accounts import Role
from app.domain.calendar import DEFAULT_PERIODS, WorkingCalendar, vn_public_holidays
from app.domain.errors import FormErrors, ValidationError
from app.domain.messages import translate
from app.domain.text import nfc
from app.services.audit import record
from app.services.context import Actor, Context
from app.store.models import HolidayOverride, WorkingPeriod


@dataclass(frozen=True)
class DayOverride:
    """A day off ('off') or a working day ('work') that overrides the holiday data and the weekend."""

    day: date
    kind: str
    note: str


def list_overrides(ctx: Context) -> list[DayOverride]:
    """The centre's own day overrides, by date."""
    with ctx.store.read() as s:
        return [DayOverride(o.day, o.kind, o.note)
                for o in s.scalars(select(HolidayOverride).order_by(HolidayOverride.day))]


def public_holidays(year: int) -> list[tuple[date, str]]:
    """The public holidays of a year from the `holidays` package, with their names, for display."""
    import holidays

    names = holidays.country_holidays("VN", years=year, language="vi")
    return sorted((d, names.get(d, "")) for d in vn_public_holidays(year))


def save_override(ctx: Context, actor: Actor, day: date, kind: str, note: str) -> None:
    """Mark a day as worked ('work') or off ('off') against what the holiday data says, with a reason (admin only):
    a public holiday or a weekend day can be worked, any day (a make-up working day of the `holidays` package too)
    can be off. Due dates follow at once (`calendar_in`); the change is an audit event."""
    actor.require(Role.ADMIN, translate("services.workdays", "sửa ngày nghỉ, ngày làm việc"))
    note = nfc(note)
    errors = []
    if kind not in ("off", "work"):
        errors.append(ValidationError("kind", translate("services.workdays", "Chọn «nghỉ» hoặc «làm việc»")))
    if kind == "work" and day.weekday() < 5 and day not in vn_public_holidays(day.year):
        errors.append(ValidationError("day", translate("services.workdays", "Ngày %1 vốn là ngày làm việc: chỉ đánh "
                                                       "dấu làm việc cho ngày lễ, Tết hoặc thứ Bảy, Chủ nhật")
                                      .arg(f"{day:%d/%m/%Y}")))
    if not 2 <= len(note) <= 300:
        errors.append(ValidationError("note", translate("services.workdays", "Cần ghi lý do (từ 2 đến 300 ký tự)")))
    if errors:
        raise FormErrors(errors)
    with ctx.store.write() as s:
        row = s.get(HolidayOverride, day)
        before = None if row is None else {"kind": row.kind, "note": row.note}
        row = row or HolidayOverride(day=day)
        row.kind, row.note = kind, note
        s.add(row)
        record(s, ctx, actor, "calendar.set", f"ngày {day.isoformat()}", before, {"kind": kind, "note": note})


def delete_override(ctx: Context, actor: Actor, day: date) -> None:
    """Remove a day override (admin only): the day is again what the holiday data says."""
    actor.require(Role.ADMIN, translate("services.workdays", "sửa ngày nghỉ, ngày làm việc"))
    with ctx.store.write() as s:
        row = s.get(HolidayOverride, day)
        if row is None:
            return
        record(s, ctx, actor, "calendar.unset", f"ngày {day.isoformat()}", {"kind": row.kind, "note": row.note},
               None)
        s.execute(delete(HolidayOverride).where(HolidayOverride.day == day))


def working_periods(ctx: Context) -> tuple[tuple[time, time], ...]:
    """The working periods of a working day (the default when none are stored)."""
    with ctx.store.read() as s:
        rows = s.execute(select(WorkingPeriod.start, WorkingPeriod.end).order_by(WorkingPeriod.start)).all()
    return tuple((a, b) for a, b in rows) or DEFAULT_PERIODS


def set_working_periods(ctx: Context, actor: Actor, periods: list[tuple[time, time]]) -> None:
    """Replace the working periods (admin only); they must be in order and not overlap."""
    actor.require(Role.ADMIN, translate("services.workdays", "sửa giờ làm việc"))
    ordered = sorted(periods)
    if not ordered:
        raise FormErrors([ValidationError("periods", translate("services.workdays", "Cần ít nhất một buổi làm việc"))])
    try:
        WorkingCalendar(periods=tuple(ordered))
    except ValueError as exc:
        raise FormErrors([ValidationError("periods", translate("services.workdays", "Các buổi làm việc phải có giờ "
                                                               "bắt đầu trước giờ kết thúc và không chồng lên nhau"))
                          ]) from exc
    with ctx.store.write() as s:
        before = [[a.isoformat("minutes"), b.isoformat("minutes")] for a, b in s.execute(
            select(WorkingPeriod.start, WorkingPeriod.end).order_by(WorkingPeriod.start)).all()]
        s.execute(delete(WorkingPeriod))
        s.add_all(WorkingPeriod(start=a, end=b) for a, b in ordered)
        record(s, ctx, actor, "calendar.hours", "giờ làm việc", before or None,
               [[a.isoformat("minutes"), b.isoformat("minutes")] for a, b in ordered])


def working_calendar(ctx: Context, years: list[int]) -> WorkingCalendar:
    """The calendar due dates are computed with: the package's holidays plus the centre's overrides and hours."""
    with ctx.store.read() as s:
        return calendar_in(s, years)


def calendar_in(s: Session, years: list[int]) -> WorkingCalendar:
    """`working_calendar` read inside a unit of work the caller already holds."""
    overrides = s.execute(select(HolidayOverride.day, HolidayOverride.kind)).all()
    periods = tuple((a, b) for a, b in s.execute(select(WorkingPeriod.start, WorkingPeriod.end)
                                                 .order_by(WorkingPeriod.start)).all()) or DEFAULT_PERIODS
    return WorkingCalendar.for_vietnam(years, [day for day, kind in overrides if kind == "off"],
                                       [day for day, kind in overrides if kind == "work"], periods)
