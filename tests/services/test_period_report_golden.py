"""Golden test: generated dossiers for the demo centre's 17 agencies reproduce the seed's appendix table.

The seed (Lai Châu, 03/09/2019–12/05/2020) is the expected table, cell by cell, except where the seed itself does
not add up. Five rows break identity (4) = (8)+(9)+(10)+(12); no set of dossiers can produce them, so each is
repaired minimally below: ONE cell per row, always column (10) "chưa đến hạn" (the only column the report's text
never quotes per agency), and the five changes sum to zero, so the seed's total row is kept unchanged:

  Sở Kế hoạch và Đầu tư        (10) 12 → 15   (4) 498 = 479+0+12+4 + 3
  Sở Giao thông vận tải        (10) 120 → 121 (4) 1.053 = 932+0+120+0 + 1
  Sở Thông Tin Và Truyền Thông (10) 0 → 1     (4) 71 = 70+0+0+0 + 1; this also repairs (11) 1 ≤ (9)+(10) 0
  Sở Nội vụ                    (10) 196 → 197 (4) 232 = 35+0+196+0 + 1
  Sở Tài nguyên và Môi trường  (10) 86 → 80   (4) 2.973 = 2.869+0+86+24 − 6
  total                        (10) 526 = 526 (3+1+1+1−6 = 0): "Còn 526 hồ sơ đang trong thời gian giải quyết"

Every other cell — received (10.529, 943 online), resolved (9.974, 71 late per agency as in footnote 1), cancelled
(29 per agency as in footnote 2), paused, handed back, fees (1.414.812.973 đồng) — is the seed's own figure, and
the online levels 3/4 per agency are those of section 3.1.
"""

from __future__ import annotations

import csv
import random
import uuid
from collections.abc import Iterator
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import insert, select

from app.domain.period_report import (
    COLUMNS,
    CSV_HEADER,
    LOCAL_TZ,
    TOTAL_LABEL,
    check_row,
)
from app.services.context import Context
from app.services.dossier_csv import imported_payment
from app.services.period_report import breakdowns, period_report
from app.store.engine import Store
from app.store.models import Agency, Dossier, Payment, Procedure

SEED_CSV = Path(__file__).resolve().parents[1] / "data" / "seed-appendix-table.csv"
FROM, TO = date(2019, 9, 3), date(2020, 5, 12)
REPAIRS = {  # agency → (column, seed value, repaired value)
    "Sở Kế hoạch và Đầu tư": ("in_progress_not_due_10", 12, 15),
    "Sở Giao thông vận tải": ("in_progress_not_due_10", 120, 121),
    "Sở Thông Tin Và Truyền Thông": ("in_progress_not_due_10", 0, 1),
    "Sở Nội vụ": ("in_progress_not_due_10", 196, 197),
    "Sở Tài nguyên và Môi trường": ("in_progress_not_due_10", 86, 80),
}
# Section 3.1 of the seed: online receipts by level per agency (257 at level 3, 686 at level 4).
ONLINE_LEVEL3 = {"Sở Giáo dục và Đào tạo": 174, "Sở Thông Tin Và Truyền Thông": 7, "Sở Tư pháp": 12,
                 "Sở Giao thông vận tải": 10, "Sở Y tế": 39, "Sở Văn hóa, Thể thao và Du lịch": 6,
                 "Sở Lao động, Thương binh và Xã hội": 2, "Sở Tài chính": 6, "Sở Khoa học và Công nghệ": 1}
ONLINE_LEVEL4 = {"Sở Công Thương": 596, "Sở Giáo dục và Đào tạo": 19, "Sở Kế hoạch và Đầu tư": 71}
# Footnotes 1 and 2: late resolved and cancelled per agency.
LATE = {"Sở Tài nguyên và Môi trường": 44, "Sở Y tế": 14, "Sở Nông nghiệp và PTNT": 3, "Sở Giao thông vận tải": 3,
        "Sở Lao động, Thương binh và Xã hội": 2, "Sở Nội vụ": 2, "Sở Tư pháp": 1, "Sở Xây dựng": 1,
        "Công ty CP Nước sạch": 1}
CANCELLED = {"Sở Tài nguyên và Môi trường": 24, "Sở Tư pháp": 1, "Sở Kế hoạch và Đầu tư": 4}


def seed_table() -> list[dict[str, Any]]:
    """The seed's appendix rows (agencies then total) with integer cells."""
    with SEED_CSV.open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    return [{k: (v if k in ("stt", "agency") else int(v)) for k, v in r.items()} for r in rows]


def expected_table() -> list[dict[str, Any]]:
    """The seed's table with the five documented repairs applied."""
    rows = seed_table()
    for row in rows:
        if row["agency"] in REPAIRS:
            column, before, after = REPAIRS[row["agency"]]
            assert row[column] == before, f"the seed changed under the repair of {row['agency']}"
            row[column] = after
    return rows


def local(d: date, hour: int = 9, minute: int = 0) -> datetime:
    """A local wall-clock moment as an aware UTC datetime."""
    return datetime.combine(d, time(hour, minute), LOCAL_TZ).astimezone(UTC)


class AgencyGenerator:
    """Dossier and payment rows for one agency whose report line must equal `row` (seed column names)."""

    def __init__(self, agency_id: int, procedures: list[int], row: dict[str, Any], rng: random.Random) -> None:
        self.agency_id, self.procedures, self.row, self.rng = agency_id, procedures, row, rng
        self.dossiers: list[dict[str, Any]] = []
        self.payments: list[dict[str, Any]] = []

    def day(self, first: date, last: date) -> date:
        return first + timedelta(days=self.rng.randint(0, max(0, (last - first).days)))

    def add(self, received: datetime, **values: Any) -> dict[str, Any]:
        d = {"id": uuid.uuid4(), "code": f"G{self.agency_id:02d}-{len(self.dossiers):06d}",
             "agency_id": self.agency_id, "procedure_id": self.rng.choice(self.procedures), "channel": "direct",
             "online_level": None, "applicant_name": "Người nộp thử", "received_at": received, "due_at": None,
             "original_due_at": None, "status": "processing", "paused_at": None, "resolved_at": None,
             "outcome": None, "cancelled_at": None, "returned_at": None, "result_by_post": False, "fee_vnd": 0,
             "rule_set": "golden"}
        d.update(values)
        self.dossiers.append(d)
        return d

    def build(self) -> None:
        """Resolved (late, on time, early), open (overdue, not yet due, paused), cancelled, fees, noise."""
        r = self.row
        resolved = ([self.resolved("late", i) for i in range(r["resolved_late_5"])]
                    + [self.resolved("on_time", i) for i in range(r["resolved_on_time_6"])]
                    + [self.resolved("early", i) for i in range(r["resolved_early_7"])])
        for i, d in enumerate(self.rng.sample(resolved, r["returned_to_citizen_13"])):
            d["outcome"] = "returned_to_applicant"
            if i % 5 == 4:  # withdrawn at the applicant's request: also handed back without a result
                d["status"], d["outcome"] = "withdrawn", None
        opened = ([self.open(overdue=True, i=i) for i in range(r["in_progress_overdue_9"])]
                  + [self.open(overdue=False, i=i) for i in range(r["in_progress_not_due_10"])])
        plain = [d for d in opened if d["status"] == "processing"]
        for d in self.rng.sample(plain, r["paused_11"]):
            d["status"], d["paused_at"] = "paused", min(d["received_at"] + timedelta(days=1), local(TO, 16))
        for i in range(r["cancelled_12"]):
            received = local(self.day(FROM, TO - timedelta(days=3)), 10)
            self.add(received, status="cancelled", cancelled_at=received + timedelta(days=2),
                     due_at=received + timedelta(days=10))
        self.channels(r["received_online_3"])
        self.fees(r["fees_vnd_14"])
        self.noise()

    def resolved(self, kind: str, i: int) -> dict[str, Any]:
        received_day = self.day(FROM, TO - timedelta(days=25))
        due_day = received_day + timedelta(days=self.rng.randint(3, 15))
        if kind == "early":
            done_day, hour = self.day(received_day, due_day - timedelta(days=1)), 15
            if i == 0:  # 23:30 local the day before the due date: early, whatever UTC says
                hour = 23
        elif kind == "on_time":
            done_day, hour = due_day, 10
            if i == 0:  # 00:30 local on the due date is 17:30 UTC the day before: on time, not early
                hour = 0
        else:
            done_day, hour = due_day + timedelta(days=self.rng.randint(1, 5)), 14
            if i == 0:  # 06:30 local the day after: 23:30 UTC of the due date itself — still late
                hour = 6
        received, due = local(received_day, 8), local(due_day, 17)
        done = local(done_day, hour, 30)
        values: dict[str, Any] = {"status": "resolved", "outcome": "result", "resolved_at": done, "due_at": due}
        if kind == "late" and i % 2 == 0:  # an apology moved the date (Mẫu 04): still measured on the original
            values.update(original_due_at=due, due_at=done + timedelta(days=2))
        if i % 3 == 0:
            values.update(status="returned", returned_at=done + timedelta(hours=2))
        return self.add(received, **values)

    def open(self, overdue: bool, i: int) -> dict[str, Any]:
        if overdue:
            received_day = self.day(FROM, TO - timedelta(days=20))
            due_day = received_day + timedelta(days=10)
        else:
            received_day = self.day(TO - timedelta(days=12), TO)
            due_day = max(TO, received_day + timedelta(days=self.rng.randint(0, 15)))
        values: dict[str, Any] = {"due_at": local(due_day, 17)}
        if i % 8 == 1:  # resolved at 06:00 local on the day after `to` (23:00 UTC on `to`): open at its end
            values.update(status="resolved", outcome="result", resolved_at=local(TO + timedelta(days=1), 6))
        if i % 8 == 2:  # cancelled after the period: open at its end
            values.update(status="cancelled", cancelled_at=local(TO + timedelta(days=3), 9))
        return self.add(local(received_day, 14), **values)

    def channels(self, online: int) -> None:
        """Make `online` of the received dossiers online (levels per section 3.1), some direct ones postal."""
        received = [d for d in self.dossiers if d["received_at"] >= local(FROM, 0)]
        name = self.row["agency"]
        levels = [3] * ONLINE_LEVEL3.get(name, 0) + [4] * ONLINE_LEVEL4.get(name, 0)
        assert len(levels) == online, name
        picked = self.rng.sample(received, online)
        for d, level in zip(picked, levels):
            d["channel"], d["online_level"] = "online", level
        for d in received[::7]:
            if d["channel"] == "direct":
                d["channel"] = "postal"
                if d["resolved_at"] is not None and d["resolved_at"] < local(TO, 0):
                    d["result_by_post"], d["returned_at"] = True, d["resolved_at"] + timedelta(hours=3)

    def fees(self, total: int) -> None:
        """Split `total` over dossiers received in the period: half paid at the counter, half imported with their
        fee_vnd (which the import records as a payment at the reception moment: fees are what was paid)."""
        received = [d for d in self.dossiers if local(FROM, 0) <= d["received_at"] < local(TO + timedelta(days=1), 0)]
        if total == 0 or not received:
            return
        parts = min(len(received), 12)
        cuts = sorted(self.rng.sample(range(1, total), parts - 1)) if total > parts else []
        amounts = [b - a for a, b in zip([0, *cuts], [*cuts, total])] if cuts else [total]
        for k, (d, amount) in enumerate(zip(self.rng.sample(received, len(amounts)), amounts)):
            if k % 2 == 0:
                d["fee_vnd"] = amount
                self.payments.append(imported_payment(d["id"], amount, d["received_at"]))
            else:  # a paid dossier's own fee_vnd is ignored: its payments count (split in two here)
                d["fee_vnd"] = 999_999
                paid = max(d["received_at"], local(FROM, 7))
                first = amount // 3
                self.pay(d, first, paid)
                self.pay(d, amount - first, min(paid + timedelta(days=1), local(TO, 16)))

    def pay(self, d: dict[str, Any], amount: int, at: datetime) -> None:
        self.payments.append({"id": uuid.uuid4(), "dossier_id": d["id"], "amount_vnd": amount, "method": "cash",
                              "receipt_no": None, "officer_id": None, "paid_at": at, "station_id": None})

    def noise(self) -> None:
        """Dossiers and payments that must not count: outside the period, refused, registered, paid outside."""
        before = local(FROM - timedelta(days=1), 23, 50)  # 16:50 UTC on 02/09: before `from` in local time
        old = self.add(before - timedelta(days=5), status="resolved", outcome="result", resolved_at=before,
                       due_at=before, fee_vnd=300_000)
        self.pay(old, 50_000, before)
        self.add(before - timedelta(days=9), status="cancelled", cancelled_at=before - timedelta(days=1))
        after = local(TO + timedelta(days=1), 0, 10)  # 17:10 UTC on 12/05: after `to` in local time
        late = self.add(after, due_at=after + timedelta(days=5), fee_vnd=700_000)
        self.pay(late, 70_000, after)
        self.add(local(FROM + timedelta(days=20), 9), status="refused", fee_vnd=10_000)
        self.add(local(FROM + timedelta(days=30), 9), status="registered", channel="online", online_level=4)


def populate(ctx: Context, seed: int = 20200512) -> None:
    """Insert the golden dossiers and payments into a demo centre (bulk inserts)."""
    expected = {r["agency"]: r for r in expected_table()[:-1]}
    rng = random.Random(seed)
    with ctx.store.write() as s:
        agencies = {name: a_id for a_id, name in s.execute(select(Agency.id, Agency.name))}
        procedures: dict[int, list[int]] = {}
        for p_id, a_id in s.execute(select(Procedure.id, Procedure.agency_id).order_by(Procedure.id)):
            procedures.setdefault(a_id, []).append(p_id)
        dossiers, payments = [], []
        for name, row in expected.items():
            gen = AgencyGenerator(agencies[name], procedures[agencies[name]], row, rng)
            gen.build()
            dossiers += gen.dossiers
            payments += gen.payments
        # Core executemany: one statement for all rows (the ORM would batch by which values are None)
        s.execute(insert(Dossier.__table__), dossiers)
        s.execute(insert(Payment.__table__), payments)


def as_table(report: Any) -> list[dict[str, Any]]:
    """The report in the seed CSV's shape (stt, agency, columns)."""
    out = []
    for i, row in enumerate((*report.rows, report.total), start=1):
        values = dict(zip((c[1] for c in COLUMNS), row.values()))
        out.append({"stt": "" if row.label == TOTAL_LABEL else str(i), "agency": row.label, **values})
    return out


@pytest.fixture(scope="module")
def golden_stores(store_factories: Any) -> Iterator[dict[str, Context]]:
    """One populated demo centre per backend for the whole module (built on first use; tests only read)."""
    made: dict[str, Context] = {}

    class Lazy(dict):  # type: ignore[type-arg]
        def __missing__(self, backend: str) -> Context:
            ctx = Context(Store(store_factories[backend].url("demo")))
            populate(ctx)
            made[backend] = self[backend] = ctx
            return ctx

    yield Lazy()
    for ctx in made.values():
        ctx.store.dispose()


@pytest.fixture()
def golden_ctx(backend: str, golden_stores: dict[str, Context]) -> Context:
    return golden_stores[backend]


def test_the_seed_breaks_identity_4_in_exactly_the_repaired_rows() -> None:
    from app.domain.period_report import PeriodRow

    broken = set()
    for r in seed_table()[:-1]:
        row = PeriodRow(r["agency"], **{attr: r[col] for attr, col, _ in COLUMNS})
        broken |= {r["agency"] for v in check_row(row) if v.identity == "(4) = (8)+(9)+(10)+(12)"}
    assert broken == set(REPAIRS)
    assert list(seed_table()[0]) == list(CSV_HEADER)


def test_repairs_keep_the_seed_total_and_every_identity() -> None:
    table = expected_table()
    total = table[-1]
    for column, _, _ in REPAIRS.values():
        assert sum(r[column] for r in table[:-1]) == total[column] == seed_table()[-1][column]
    from app.domain.period_report import PeriodRow

    for r in table:
        assert check_row(PeriodRow(r["agency"], **{attr: r[col] for attr, col, _ in COLUMNS})) == []


def test_period_report_equals_the_seed_appendix_cell_by_cell(golden_ctx: Context) -> None:
    report = period_report(golden_ctx, FROM, TO)
    got, want = as_table(report), expected_table()
    assert [r["agency"] for r in got] == [r["agency"] for r in want]
    for g, w in zip(got, want):
        for column in CSV_HEADER[2:]:
            assert g[column] == w[column], f"{w['agency']} {column}: {g[column]} ≠ {w[column]}"
    assert report.identities_hold, report.violations
    assert report.total.fees_vnd == 1_414_812_973


def test_companion_breakdowns_equal_the_seed_text(golden_ctx: Context) -> None:
    report = period_report(golden_ctx, FROM, TO)
    by_name = {b.label: b for b in breakdowns(report)}
    for name, b in by_name.items():
        if name == TOTAL_LABEL:
            continue
        assert (b.online_level3, b.online_level4) == (ONLINE_LEVEL3.get(name, 0), ONLINE_LEVEL4.get(name, 0))
        assert b.resolved_late == LATE.get(name, 0)
        assert b.cancelled == CANCELLED.get(name, 0)
    total = by_name[TOTAL_LABEL]
    assert (total.online_level3, total.online_level4, total.resolved_late, total.cancelled) == (257, 686, 71, 29)
    assert total.postal_received > 0 and total.postal_returned > 0


def test_field_variant_adds_up_to_the_agency_lines(golden_ctx: Context) -> None:
    by_agency = period_report(golden_ctx, FROM, TO)
    by_field = period_report(golden_ctx, FROM, TO, by="field")
    assert by_field.total == by_agency.total
    for agency_row in by_agency.rows:
        parts = [r for r in by_field.rows if r.agency_id == agency_row.agency_id]
        assert len(parts) >= 1
        for attr, _, _ in COLUMNS:
            assert sum(getattr(p, attr) for p in parts) == getattr(agency_row, attr), (agency_row.label, attr)
    assert by_field.identities_hold


def test_both_backends_give_identical_reports(golden_stores: dict[str, Context], postgres_available: None) -> None:
    reports = [(period_report(golden_stores[b], FROM, TO), period_report(golden_stores[b], FROM, TO, by="field"))
               for b in ("sqlite", "postgresql")]
    assert reports[0] == reports[1]
    assert reports[0][0].total.received_total == 10_529


def test_a_violated_identity_is_reported_not_hidden(demo_ctx: Context) -> None:
    """A dossier closed before it was received cannot balance: the line says so."""
    with demo_ctx.store.write() as s:
        agency_id, procedure_id = s.execute(select(Procedure.agency_id, Procedure.id).limit(1)).one()
        s.execute(insert(Dossier), [{"code": "BAD-1", "agency_id": agency_id, "procedure_id": procedure_id,
                                     "applicant_name": "x", "received_at": local(FROM, 9), "status": "resolved",
                                     "resolved_at": local(FROM - timedelta(days=2), 9), "rule_set": "golden"}])
    report = period_report(demo_ctx, FROM, TO)
    assert not report.identities_hold
    messages = [v.message() for v in report.violations]
    assert any("(4) = 1 ≠ (8)+(9)+(10)+(12) = 0" in m for m in messages), messages
