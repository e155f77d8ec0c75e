"""Fees and charges collected (phí, lệ phí): a dossier's payments, and totals per day and agency.

Payments are recorded by `lifecycle.record_payment` (amount in integer đồng, method, receipt number, officer).
The totals are summed by the database, grouped by the local (Asia/Ho_Chi_Minh) day of payment and the agency of
the dossier. They are the payments recorded (at the counter, `dossier paid --amount`, or an imported row's
fee_vnd), exactly what column (14) of the period report counts; a catalogue fee nobody paid is never counted.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import func, select

from app.domain.errors import FormErrors, ValidationError
from app.domain.messages import translate
from app.domain.satisfaction import format_count
from app.domain.period_report import vn_number
from app.services.context import LOCAL_TZ, Context
from app.services.dossiers import _find
from app.services.period_report import local_date
from app.store.models import Agency, Dossier, Officer, Payment
from app.services.spreadsheets import SafeCsvWriter

METHOD_LABELS = {"cash": "tiền mặt", "transfer": "chuyển khoản", "card": "thẻ", "online": "trực tuyến",
                 "import": "theo tệp nhập"}


@dataclass(frozen=True)
class PaymentLine:
    """One payment of a dossier."""

    paid_at: datetime
    amount_vnd: int
    method: str
    receipt_no: str | None
    officer_name: str | None

    @property
    def method_label(self) -> str:
        """The method in Vietnamese."""
        return METHOD_LABELS.get(self.method, self.method)


def payments_of(ctx: Context, code: str) -> list[PaymentLine]:
    """A dossier's payments, oldest first."""
    with ctx.store.read() as s:
        d = _find(s, code)
        rows = s.execute(select(Payment, Officer.full_name).outerjoin(Officer, Officer.id == Payment.officer_id)
                         .where(Payment.dossier_id == d.id).order_by(Payment.paid_at)).all()
    return [PaymentLine(p.paid_at, p.amount_vnd, p.method, p.receipt_no, name) for p, name in rows]


def paid_total(ctx: Context, code: str) -> int:
    """What was paid for a dossier (every recorded payment), đồng."""
    with ctx.store.read() as s:
        d = _find(s, code)
        return int(s.scalar(select(func.coalesce(func.sum(Payment.amount_vnd), 0))
                            .where(Payment.dossier_id == d.id)) or 0)


def fee_line(fee_vnd: int, paid_vnd: int) -> str:
    """A dossier's fee for people: «Không thu», «10.000 đồng; chưa thu» (owed, nothing paid) or «10.000 đồng; đã
    thu 10.000 đồng» (what was paid, whatever the catalogue says)."""
    owed = f"{vn_number(fee_vnd)} đồng" if fee_vnd else "Không thu"
    if not paid_vnd:
        return f"{owed}; chưa thu" if fee_vnd else owed
    return f"{owed}; đã thu {vn_number(paid_vnd)} đồng"


@dataclass(frozen=True)
class FeeRow:
    """Fees of one agency on one day (day None: the agency's total over the range)."""

    day: date | None
    agency_id: int
    agency_name: str
    payments: int
    amount_vnd: int


@dataclass(frozen=True)
class FeeTotals:
    """Fees per day and agency over [date_from, date_to], per agency, and in all."""

    date_from: date
    date_to: date
    rows: list[FeeRow]
    per_agency: list[FeeRow]
    payments: int
    amount_vnd: int


def fee_totals(ctx: Context, date_from: date, date_to: date) -> FeeTotals:
    """Sum the payments made between two local dates (inclusive) by day and agency, in catalogue order."""
    if date_to < date_from:
        raise FormErrors([ValidationError("date_to", translate("services.fees",
                                                               "Ngày kết thúc phải từ ngày bắt đầu trở đi"))])
    start = datetime.combine(date_from, time(0), LOCAL_TZ)
    end = datetime.combine(date_to + timedelta(days=1), time(0), LOCAL_TZ)
    with ctx.store.read() as s:
        backend = s.get_bind().dialect.name
        offset = int((start.utcoffset() or timedelta(0)).total_seconds() // 3600)
        day = local_date(Payment.paid_at, backend, offset).label("day")
        found = s.execute(
            select(day, Agency.id, Agency.name, Agency.sort_order, func.count(Payment.id), func.sum(Payment.amount_vnd))
            .join(Dossier, Dossier.id == Payment.dossier_id).join(Agency, Agency.id == Dossier.agency_id)
            .where(Payment.paid_at >= start, Payment.paid_at < end)
            .group_by(day, Agency.id, Agency.name, Agency.sort_order)).all()
    order = {r[1]: (int(r[3] or 0), r[1]) for r in found}  # catalogue order of the agencies
    rows = sorted((FeeRow(_as_date(r[0]), r[1], r[2], int(r[4]), int(r[5] or 0)) for r in found),
                  key=lambda r: (r.day, order[r.agency_id]))
    agencies: dict[int, FeeRow] = {}
    for r in rows:
        old = agencies.get(r.agency_id)
        agencies[r.agency_id] = FeeRow(None, r.agency_id, r.agency_name, r.payments + (old.payments if old else 0),
                                       r.amount_vnd + (old.amount_vnd if old else 0))
    per_agency = sorted(agencies.values(), key=lambda r: order[r.agency_id])
    return FeeTotals(date_from, date_to, rows, per_agency, sum(r.payments for r in rows),
                     sum(r.amount_vnd for r in rows))


def _as_date(value: Any) -> date:
    """SQLite returns the local date as text, PostgreSQL as a date."""
    return value if isinstance(value, date) else date.fromisoformat(str(value))


def to_text(t: FeeTotals) -> str:
    """The totals for a terminal: per day and agency, then per agency, then the grand total."""
    lines = [f"Phí, lệ phí đã thu từ {t.date_from:%d/%m/%Y} đến {t.date_to:%d/%m/%Y}"]
    for r in t.rows:
        lines.append(f"  {r.day:%d/%m/%Y}  {r.agency_name:<50} {r.payments:>5} lượt  {format_count(r.amount_vnd):>14} đồng")
    lines.append("Theo cơ quan:")
    for r in t.per_agency:
        lines.append(f"  {r.agency_name:<62} {r.payments:>5} lượt  {format_count(r.amount_vnd):>14} đồng")
    lines.append(f"Tổng cộng: {t.payments} lượt, {format_count(t.amount_vnd)} đồng")
    return "\n".join(lines)


def to_csv(t: FeeTotals) -> str:
    """One line per day and agency (day, agency, payments, amount in đồng), then one per agency with an empty day."""
    out = io.StringIO()
    w = SafeCsvWriter(out, lineterminator="\n")
    w.writerow(["day", "agency", "payments", "amount_vnd"])
    for r in t.rows + t.per_agency:
        w.writerow([r.day.isoformat() if r.day else "", r.agency_name, r.payments, r.amount_vnd])
    return out.getvalue()
