"""Satisfaction report (báo cáo mức độ hài lòng): votes per level with percentages over [from, to] local dates,
in total or grouped by counter, officer, service or agency; aggregated in SQL; text, CSV and JSON output."""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import ColumnElement, func, literal, select
from sqlalchemy.orm import Session

from app.domain import satisfaction as rules
from app.domain.errors import ValidationError
from app.domain.messages import translate
from app.services.context import LOCAL_TZ, Context
from app.services.settings import centre_setting
from app.store.models import (
    Agency,
    Counter,
    Dossier,
    Officer,
    Rating,
    Service,
    ServiceAgency,
)
from app.services.spreadsheets import SafeCsvWriter

GROUPINGS = ("counter", "officer", "service", "agency")
UNKNOWN_NAME = "Không xác định"


@dataclass(frozen=True)
class ReportRow:
    """One group (or the total): votes per level code."""

    key: int | None
    name: str
    counts: dict[int, int]

    @property
    def total(self) -> int:
        """All votes of the row."""
        return sum(self.counts.values())

    def share(self, level: int) -> rules.LevelShare:
        """A level's count and percentage within the row."""
        return rules.LevelShare(level, self.counts.get(level, 0), self.total)


@dataclass(frozen=True)
class SatisfactionReport:
    """Votes per level over a period; `levels` are the columns, best first."""

    date_from: date
    date_to: date
    by: str | None
    scale: int
    levels: tuple[int, ...]
    rows: list[ReportRow]
    total: ReportRow

    def headline(self, level: int = 1) -> str:
        """The seed's sentence: "3.355/3.483 lượt đánh giá rất hài lòng, chiếm tỷ lệ 96,3%"."""
        return self.total.share(level).sentence()


def satisfaction_report(ctx: Context, date_from: date, date_to: date, by: str | None = None) -> SatisfactionReport:
    """Count the votes of [date_from, date_to] (local dates, inclusive) per level, optionally per group."""
    if by is not None and by not in GROUPINGS:
        raise ValidationError("by", translate("services.satisfaction_report", "Nhóm theo phải là một trong: %1")
                              .arg(", ".join(GROUPINGS)))
    if date_to < date_from:
        raise ValidationError("to", translate("services.satisfaction_report", "Ngày kết thúc trước ngày bắt đầu"))
    start = datetime.combine(date_from, time(0), LOCAL_TZ)
    end = datetime.combine(date_to + timedelta(days=1), time(0), LOCAL_TZ)
    with ctx.store.read() as s:
        scale = int(centre_setting(s, "rating_scale"))
        inner = (select(_group_key(by).label("k"), Rating.level.label("level"))
                 .where(Rating.at >= start, Rating.at < end).subquery())
        counted = s.execute(select(inner.c.k, inner.c.level, func.count())
                            .group_by(inner.c.k, inner.c.level)).all()
        grouped: dict[Any, dict[int, int]] = {}
        for key, level, n in counted:
            grouped.setdefault(key, {})[int(level)] = int(n)
        names = _names(s, by, [k for k in grouped if k is not None]) if by else {}
    total: dict[int, int] = {}
    for counts in grouped.values():
        for level, n in counts.items():
            total[level] = total.get(level, 0) + n
    levels = tuple(sorted(set(rules.scale_levels(scale)) | set(total)))
    rows = []
    if by:
        order = sorted(grouped, key=lambda k: (0, names[k][0]) if k in names else (1,))
        rows = [ReportRow(k, names.get(k, (0, UNKNOWN_NAME))[1], grouped[k]) for k in order]
    return SatisfactionReport(date_from, date_to, by, scale, levels, rows, ReportRow(None, "Tổng cộng", total))


def _group_key(by: str | None) -> ColumnElement[Any]:
    """The SQL expression a vote is grouped by."""
    if by == "counter":
        return Rating.counter_id.expression
    if by == "officer":
        return Rating.officer_id.expression
    if by == "service":
        return Rating.service_id.expression
    if by == "agency":
        # the agency of the dossier filed on the ticket; else the service's agency when it serves only one
        dossier_agency = (select(func.min(Dossier.agency_id)).where(Dossier.ticket_id == Rating.ticket_id)
                          .scalar_subquery())
        sole_agency = (select(func.min(ServiceAgency.agency_id)).where(ServiceAgency.service_id == Rating.service_id)
                       .having(func.count() == 1).scalar_subquery())
        return func.coalesce(dossier_agency, sole_agency)
    return literal(0)


def _names(s: Session, by: str, keys: list[int]) -> dict[int, tuple[Any, str]]:
    """key → (sort key, display name) of the groups present."""
    if not keys:
        return {}
    if by == "counter":
        return {c.id: ((c.number,), c.name) for c in s.scalars(select(Counter).where(Counter.id.in_(keys)))}
    if by == "officer":
        return {o.id: ((o.full_name, o.id), o.full_name)
                for o in s.scalars(select(Officer).where(Officer.id.in_(keys)))}
    if by == "service":
        return {v.id: ((v.sort_order, v.id), f"{v.code} — {v.name}")
                for v in s.scalars(select(Service).where(Service.id.in_(keys)))}
    return {a.id: ((a.sort_order, a.id), a.name) for a in s.scalars(select(Agency).where(Agency.id.in_(keys)))}


# --- output -------------------------------------------------------------------------------------------------

def to_text(report: SatisfactionReport) -> str:
    """A screen table: per row the total and, per level, count (percentage), Vietnamese number style."""
    title = (f"Mức độ hài lòng từ {report.date_from:%d/%m/%Y} đến {report.date_to:%d/%m/%Y}"
             + (f", theo {_BY_LABEL[report.by]}" if report.by else ""))
    rows = [*report.rows, report.total]
    width = max([len(r.name) for r in rows] + [len(_BY_LABEL.get(report.by or "", "")), 10])
    header = f"{_BY_LABEL.get(report.by or '', '').capitalize():<{width}}  {'Tổng':>7}  " + "  ".join(
        f"{rules.level_label(level):>22}" for level in report.levels)
    lines = [title, header]
    for row in rows:
        cells = "  ".join(f"{_cell(row, level):>22}" for level in report.levels)
        lines.append(f"{row.name:<{width}}  {rules.format_count(row.total):>7}  {cells}")
    lines.append(report.headline() if report.total.total else "Chưa có lượt đánh giá nào trong kỳ")
    return "\n".join(lines)


def _cell(row: ReportRow, level: int) -> str:
    share = row.share(level)
    return f"{rules.format_count(share.count)} ({rules.format_percent(share.count, share.total)})"


def to_csv(report: SatisfactionReport) -> str:
    """CSV (UTF-8, header row): group, total, then per level its count and percent (dot decimals)."""
    out = io.StringIO()
    writer = SafeCsvWriter(out, lineterminator="\n")
    header = ["nhom", "tong"]
    for level in report.levels:
        label = rules.level_label(level)
        header += [label, f"{label} (%)"]
    writer.writerow(header)
    for row in [*report.rows, report.total]:
        cells: list[Any] = [row.name, row.total]
        for level in report.levels:
            share = row.share(level)
            cells += [share.count, str(share.percent)]
        writer.writerow(cells)
    return out.getvalue()


def to_json(report: SatisfactionReport) -> dict[str, Any]:
    """Machine-readable report: numbers as numbers, percents also in Vietnamese style."""
    def row_json(row: ReportRow) -> dict[str, Any]:
        return {"key": row.key, "name": row.name, "total": row.total,
                "levels": [{"level": level, "label": rules.level_label(level), "count": row.share(level).count,
                            "percent": float(row.share(level).percent),
                            "percent_vi": rules.format_percent(row.share(level).count, row.total)}
                           for level in report.levels]}

    return {"from": report.date_from.isoformat(), "to": report.date_to.isoformat(), "by": report.by,
            "scale": report.scale, "rows": [row_json(r) for r in report.rows], "total": row_json(report.total),
            "headline": report.headline() if report.total.total else None}


_BY_LABEL = {"counter": "quầy", "officer": "cán bộ", "service": "dịch vụ", "agency": "cơ quan", "": "nhóm"}
