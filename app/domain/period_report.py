"""Arithmetic of the period report (báo cáo tình hình giải quyết hồ sơ): columns (1)–(14), totals, identities.

The columns, as RULES-VN.md defines them for a period [from, to] (local dates, both inclusive):

 (1) carried over: received before `from` and not closed before `from` (số kỳ trước chuyển qua)
 (2) received in the period directly or by post (tiếp nhận trực tiếp)   (3) received online (trực tuyến)
 (4) = 1+2+3, counted independently as "every dossier in scope"
 (5)/(6)/(7) resolved in the period late / on time / early: the resolved local date against the ORIGINAL due
     local date (original_due_at, else due_at); no due date at all counts as on time
 (8) = 5+6+7, counted independently as "resolved in the period"
 (9)/(10) still open at the end of `to`: overdue by the one rule of app.domain.overdue with `to` as today — the
     (original) due date as it stood then is before `to`, and the dossier was not then in a pause that began on
     or before that due date — else not yet due
 (11) paused awaiting the applicant at the end of `to` (a pause begun before it and not yet ended then), of the
     open ones (≤ 9+10)
 (12) cancelled in the period (hủy)   (13) resolved by handing the dossier back without a result (outcome
     returned_to_applicant, or withdrawn / stopped), of the resolved (≤ 8)
 (14) fees collected in the period, đồng: the payments recorded with paid_at in the period (at the counter,
     `dossier paid --amount`, or an imported row's fee_vnd, which the import records as a payment at the
     reception moment); the catalogue fee of a dossier nobody paid never counts.

Every column is as of the end of `to`: from the dossier's timestamps and its pause history, not its state today,
so a past period's report stays the same whatever happens to its dossiers afterwards.

"Closed" means resolved (resolved_at, else returned_at — withdrawn and stopped dossiers carry one) or cancelled
(cancelled_at). Dossiers refused at the counter or only registered online are never received, so never counted.
A violated identity is reported per row, never hidden or "fixed".
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from datetime import UTC, date, datetime, time, timedelta

from app.domain.calendar import LOCAL_TZ
from app.domain.text import thousands

TOTAL_LABEL = "Tổng cộng"
REPORT_TITLE = "BÁO CÁO TÌNH HÌNH GIẢI QUYẾT HỒ SƠ TẠI TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG"
NOT_COUNTED_STATUSES = ("registered", "refused")
HANDED_BACK_STATUSES = ("withdrawn", "stopped")
RETURNED_OUTCOME = "returned_to_applicant"

# (attribute, seed CSV column, Vietnamese header) in column order (1)…(14)
COLUMNS: tuple[tuple[str, str, str], ...] = (
    ("carried_over", "carried_over_1", "Số kỳ trước chuyển qua"),
    ("received_direct", "received_direct_2", "Số hồ sơ tiếp nhận trực tiếp"),
    ("received_online", "received_online_3", "Số hồ sơ tiếp nhận trực tuyến"),
    ("received_total", "received_total_4", "Tổng số"),
    ("resolved_late", "resolved_late_5", "Trả quá hạn"),
    ("resolved_on_time", "resolved_on_time_6", "Trả đúng thời hạn"),
    ("resolved_early", "resolved_early_7", "Trả trước hạn"),
    ("resolved_total", "resolved_total_8", "Tổng số"),
    ("overdue", "in_progress_overdue_9", "Quá hạn"),
    ("not_yet_due", "in_progress_not_due_10", "Chưa đến hạn"),
    ("paused", "paused_11", "Tạm dừng"),
    ("cancelled", "cancelled_12", "HS Hủy"),
    ("returned_to_applicant", "returned_to_citizen_13", "HS Trả lại cho dân"),
    ("fees_vnd", "fees_vnd_14", "Thống kê thu Phí, Lệ phí"),
)
CSV_HEADER: tuple[str, ...] = ("stt", "agency") + tuple(c[1] for c in COLUMNS)
EXTRA_COLUMNS = ("online_level3", "online_level4", "postal_received", "postal_returned")


@dataclass(frozen=True)
class PeriodRow:
    """One line of the report: an agency (or a field of one) with columns (1)–(14) and the companion counts."""

    label: str
    agency_id: int | None = None
    field_id: int | None = None
    carried_over: int = 0
    received_direct: int = 0
    received_online: int = 0
    received_total: int = 0
    resolved_late: int = 0
    resolved_on_time: int = 0
    resolved_early: int = 0
    resolved_total: int = 0
    overdue: int = 0
    not_yet_due: int = 0
    paused: int = 0
    cancelled: int = 0
    returned_to_applicant: int = 0
    fees_vnd: int = 0
    online_level3: int = 0
    online_level4: int = 0
    postal_received: int = 0
    postal_returned: int = 0

    def values(self) -> tuple[int, ...]:
        """Columns (1)…(14) in order."""
        return tuple(getattr(self, name) for name, _, _ in COLUMNS)

    @property
    def is_empty(self) -> bool:
        """True when nothing at all is counted on this line."""
        return not any(self.values())


@dataclass(frozen=True)
class Violation:
    """An identity that does not hold on one line, with both sides."""

    label: str
    left_expr: str
    right_expr: str
    left: int
    right: int
    at_most: bool = False

    @property
    def identity(self) -> str:
        """The identity itself, e.g. `(4) = (8)+(9)+(10)+(12)`."""
        return f"{self.left_expr} {'≤' if self.at_most else '='} {self.right_expr}"

    def message(self) -> str:
        """Vietnamese, e.g. `Sở Kế hoạch và Đầu tư: (4) = 498 ≠ (8)+(9)+(10)+(12) = 495`."""
        sign = ">" if self.at_most else "≠"
        return (f"{self.label}: {self.left_expr} = {vn_number(self.left)} {sign} "
                f"{self.right_expr} = {vn_number(self.right)}")


@dataclass(frozen=True)
class PeriodReport:
    """The whole report: period, grouping, lines in catalogue order, the total, and every violated identity."""

    date_from: date
    date_to: date
    group_by: str
    rows: tuple[PeriodRow, ...]
    total: PeriodRow

    @property
    def violations(self) -> tuple[Violation, ...]:
        """Every identity that fails, line by line, then on the total."""
        return tuple(v for row in (*self.rows, self.total) for v in check_row(row))

    @property
    def identities_hold(self) -> bool:
        """True when every identity holds on every line and on the total."""
        return not self.violations


def check_row(row: PeriodRow) -> list[Violation]:
    """The identities 4=1+2+3, 8=5+6+7, 4=8+9+10+12, 11≤9+10, 13≤8 that fail on `row`."""
    r = row
    checks = (
        ("(4)", "(1)+(2)+(3)", r.received_total, r.carried_over + r.received_direct + r.received_online, False),
        ("(8)", "(5)+(6)+(7)", r.resolved_total, r.resolved_late + r.resolved_on_time + r.resolved_early, False),
        ("(4)", "(8)+(9)+(10)+(12)", r.received_total,
         r.resolved_total + r.overdue + r.not_yet_due + r.cancelled, False),
        ("(11)", "(9)+(10)", r.paused, r.overdue + r.not_yet_due, True),
        ("(13)", "(8)", r.returned_to_applicant, r.resolved_total, True),
    )
    return [Violation(r.label, lx, rx, left, right, at_most) for lx, rx, left, right, at_most in checks
            if (left > right if at_most else left != right)]


def total_row(rows: tuple[PeriodRow, ...] | list[PeriodRow], label: str = TOTAL_LABEL) -> PeriodRow:
    """The sum of every counted column of `rows`."""
    counted = [f.name for f in fields(PeriodRow) if f.type in ("int", int)]
    return replace(PeriodRow(label), **{name: sum(getattr(r, name) for r in rows) for name in counted})


vn_number = thousands  # an integer with dots between thousands: 1414812973 → `1.414.812.973`


def vn_date(d: date) -> str:
    """`dd/mm/yyyy`."""
    return f"{d:%d/%m/%Y}"


def period_line(date_from: date, date_to: date) -> str:
    """`(Số liệu từ ngày 03/09/2019 đến ngày 12/05/2020)`."""
    return f"(Số liệu từ ngày {vn_date(date_from)} đến ngày {vn_date(date_to)})"


def identities_line(report: PeriodReport) -> str:
    """One sentence for the foot of the report: the identities hold, or each violation."""
    if report.identities_hold:
        return ("Các đẳng thức kiểm tra đều đúng: (4)=(1)+(2)+(3); (8)=(5)+(6)+(7); (4)=(8)+(9)+(10)+(12); "
                "(11)≤(9)+(10); (13)≤(8).")
    return "Số liệu không cân đối: " + "; ".join(v.message() for v in report.violations) + "."


@dataclass(frozen=True)
class PeriodBounds:
    """The period as UTC instants: [start, end) covers the local days from…to; `to_start` begins day `to`."""

    start: datetime
    end: datetime
    to_start: datetime


def local_midnight(d: date) -> datetime:
    """Start of local day `d`, as a UTC instant."""
    return datetime.combine(d, time(0), LOCAL_TZ).astimezone(UTC)


def period_bounds(date_from: date, date_to: date) -> PeriodBounds:
    """UTC instants of the period's local-date boundaries; refuses a period that ends before it starts."""
    if date_to < date_from:
        raise ValueError(f"kỳ báo cáo không hợp lệ: ngày cuối {vn_date(date_to)} trước ngày đầu {vn_date(date_from)}")
    return PeriodBounds(local_midnight(date_from), local_midnight(date_to + timedelta(days=1)),
                        local_midnight(date_to))


def local_utc_offset_hours(moment: datetime) -> int:
    """Whole hours of the local UTC offset at `moment` (Asia/Ho_Chi_Minh has been +7, without DST, since 1975)."""
    offset = moment.astimezone(LOCAL_TZ).utcoffset()
    assert offset is not None
    return int(offset.total_seconds() // 3600)
