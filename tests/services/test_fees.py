"""Fees: a dossier's payments, and totals per local day and agency, summed by the database (both backends)."""

from __future__ import annotations

import json
from datetime import date, datetime, timezone

import pytest

from app.domain.dossier import IntakeDraft
from app.domain.errors import FormErrors
from app.services import accounts, dossiers, fees, lifecycle
from app.services.context import Context

SXD, STP = "DEMO.SXD.004", "DEMO.STP.001"


def _receive(ctx: Context, procedure: str) -> str:
    draft = IntakeDraft(applicant_name="Nguyễn Thị Ánh Tuyết", id_number="001185012345", phone="0912345678",
                        address="Tân Phong, Lai Châu", birth_year=1985, sex="female")
    return dossiers.receive_dossier(ctx, accounts.maintenance_acting_as(ctx, "canbo01"),
                                    dossiers.procedure_id_by_code(ctx, procedure), draft).code


def _pay(ctx: Context, code: str, at_utc: datetime, amount: int, receipt: str, method: str = "cash") -> None:
    ctx.clock = lambda: at_utc
    lifecycle.record_payment(ctx, accounts.maintenance_acting_as(ctx, "canbo02"), code, amount, method, receipt)


def test_payments_and_totals_per_local_day_and_agency(demo_ctx: Context, capsys: pytest.CaptureFixture[str],
                                                      demo_url: str) -> None:
    demo_ctx.clock = lambda: datetime(2026, 11, 30, 1, 0, tzinfo=timezone.utc)
    building, justice = _receive(demo_ctx, SXD), _receive(demo_ctx, STP)
    _pay(demo_ctx, building, datetime(2026, 11, 30, 2, 0, tzinfo=timezone.utc), 10_000, "BL-01")
    _pay(demo_ctx, building, datetime(2026, 11, 30, 16, 30, tzinfo=timezone.utc), 5_000, "BL-02", "transfer")  # 23:30 local
    _pay(demo_ctx, justice, datetime(2026, 11, 30, 17, 30, tzinfo=timezone.utc), 50_000, "BL-03")  # 00:30 on 1/12
    paid = fees.payments_of(demo_ctx, building)
    assert [(p.amount_vnd, p.receipt_no, p.method_label, p.officer_name) for p in paid] == [
        (10_000, "BL-01", "tiền mặt", "Nguyễn Thị Hương"), (5_000, "BL-02", "chuyển khoản", "Nguyễn Thị Hương")]

    totals = fees.fee_totals(demo_ctx, date(2026, 11, 30), date(2026, 12, 1))
    assert [(r.day, r.agency_name, r.payments, r.amount_vnd) for r in totals.rows] == [
        (date(2026, 11, 30), "Sở Xây dựng", 2, 15_000), (date(2026, 12, 1), "Sở Tư pháp", 1, 50_000)]
    assert [(r.agency_name, r.amount_vnd) for r in totals.per_agency] == [("Sở Xây dựng", 15_000),
                                                                          ("Sở Tư pháp", 50_000)]  # catalogue order
    assert (totals.payments, totals.amount_vnd) == (3, 65_000)
    first_day = fees.fee_totals(demo_ctx, date(2026, 11, 30), date(2026, 11, 30))
    assert first_day.amount_vnd == 15_000  # 00:30 on 1 December is not 30 November
    with pytest.raises(FormErrors):
        fees.fee_totals(demo_ctx, date(2026, 12, 1), date(2026, 11, 30))

    from app.main import main

    assert main(["--db", demo_url, "report", "fees", "--from", "2026-11-30", "--to", "2026-12-01"]) == 0
    out = capsys.readouterr().out
    assert "Tổng cộng: 3 lượt, 65.000 đồng" in out and "Sở Xây dựng" in out
    assert main(["--db", demo_url, "--json", "report", "fees", "--from", "2026-11-30", "--to", "2026-11-30"]) == 0
    assert json.loads(capsys.readouterr().out)["amount_vnd"] == 15_000
