"""A past period's report never changes, and overdue means one thing everywhere (issue 14, points 1, 3 and 7).

Dossiers are received and moved through the services during a period (paused before and after their due date,
apologised, paid, left unpaid, resolved); the report is taken; then the dossiers move on after the period ends
(resumed, resolved, handed back, returned, paid, cancelled, apologised) and the report of that period is the same,
on both backends. On the last day of the period the late list, the dossier's own overdue count (the window's badge)
and the report's column (9) name the same dossiers, all by app.domain.overdue.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest

from app.domain.dossier import IntakeDraft
from app.services import accounts, dossiers, fees, lifecycle, lifecycle_forms
from app.services.context import Actor, Context
from app.services.period_report import period_report

VN = ZoneInfo("Asia/Ho_Chi_Minh")
FROM, TO = date(2023, 10, 23), date(2023, 11, 10)
PROCEDURE = "DEMO.SXD.004"  # Sở Xây dựng, 5 working days, pause policy, catalogue fee 10.000 đồng


class Clock:
    """A clock the test moves by hand (local wall-clock times)."""

    def __init__(self) -> None:
        self.moment = datetime(2023, 10, 27, 9, 0, tzinfo=VN)

    def __call__(self) -> datetime:
        return self.moment.astimezone(UTC)

    def set(self, *args: int) -> None:
        self.moment = datetime(*args, tzinfo=VN)  # type: ignore[misc,arg-type]


@pytest.fixture()
def clock(demo_ctx: Context) -> Clock:
    c = Clock()
    demo_ctx.clock = c
    return c


def receive(ctx: Context, name: str) -> str:
    draft = IntakeDraft(applicant_name=name, id_number="001185012345", phone="0912345678",
                        address="Tân Phong, Lai Châu", birth_year=1985, sex="female")
    return dossiers.receive_dossier(ctx, accounts.maintenance_acting_as(ctx, "canbo01"),
                                    dossiers.procedure_id_by_code(ctx, PROCEDURE), draft).code


def act(ctx: Context, code: str, action: str, **details: object) -> None:
    lifecycle.apply_action(ctx, Actor.maintenance(ctx), code, action, **details)


def pay(ctx: Context, code: str, amount: int, receipt: str) -> None:
    lifecycle.record_payment(ctx, accounts.maintenance_acting_as(ctx, "canbo02"), code, amount, "cash", receipt)


def build_period(ctx: Context, clock: Clock) -> dict[str, str]:
    """Dossiers of the period 23/10–10/11/2023, by role; every one received Friday 27/10 is due Friday 3/11."""
    names = ("Lò Văn Một", "Lò Văn Hai", "Lò Văn Ba", "Lò Văn Bốn", "Lò Văn Năm", "Lò Văn Sáu")
    codes = {role: receive(ctx, names[i]) for i, role in enumerate(
             ("paused_before_due", "apologised", "paused_after_due", "paid", "unpaid", "resolved_early"))}
    clock.set(2023, 10, 30, 9, 0)
    act(ctx, codes["paused_before_due"], "request_supplement", reason="Thiếu bản vẽ", items="Bản vẽ thiết kế")
    pay(ctx, codes["paid"], 10_000, "BL-0001")
    clock.set(2023, 11, 1, 10, 0)
    act(ctx, codes["apologised"], "apology", reason="Chờ ý kiến Sở Tài chính", new_date=date(2023, 11, 14))
    act(ctx, codes["resolved_early"], "resolve")
    clock.set(2023, 11, 6, 9, 0)  # Monday: after the due date of 3/11
    act(ctx, codes["paused_after_due"], "request_supplement", reason="Thiếu giấy phép", items="Bản vẽ thiết kế")
    codes["running"] = receive(ctx, "Lò Văn Bảy")  # due Monday 13/11
    clock.set(2023, 11, 10, 10, 0)  # the last day of the period
    codes["last_day"] = receive(ctx, "Lò Văn Chín")  # due Friday 17/11
    return codes


def move_on(ctx: Context, clock: Clock, codes: dict[str, str]) -> None:
    """Everything that can happen to the period's dossiers after it ended."""
    clock.set(2023, 11, 13, 8, 0)
    act(ctx, codes["paused_before_due"], "resume")  # the due date moves on
    act(ctx, codes["paused_after_due"], "resume")
    act(ctx, codes["apologised"], "resolve")
    act(ctx, codes["last_day"], "apology", reason="Chờ thẩm định", new_date=date(2023, 11, 24))
    act(ctx, codes["resolved_early"], "return_result")
    pay(ctx, codes["unpaid"], 10_000, "BL-0002")
    act(ctx, codes["paid"], "cancel", reason="Nhập trùng")
    clock.set(2023, 11, 14, 9, 0)
    act(ctx, codes["running"], "hand_over", unit="Phòng Quản lý xây dựng")
    act(ctx, codes["running"], "hand_back", reason="Không thuộc thẩm quyền")
    act(ctx, codes["paused_after_due"], "withdraw", reason="Người nộp xin rút")
    receive(ctx, "Lò Văn Tám")


def test_the_report_of_a_past_period_does_not_change_when_its_dossiers_move_on(demo_ctx: Context,
                                                                               clock: Clock) -> None:
    codes = build_period(demo_ctx, clock)
    before = period_report(demo_ctx, FROM, TO)
    total = before.total
    assert (total.received_total, total.resolved_early, total.resolved_total) == (8, 1, 1)
    # overdue on 10/11: the apologised one (measured on its original date), the one paused after its due date,
    # and the paid and unpaid ones; not yet due: the one paused before its due date, those received 6/11 and 10/11
    assert (total.overdue, total.not_yet_due, total.paused) == (4, 3, 2)
    assert total.fees_vnd == 10_000  # the payment only: the unpaid dossier's catalogue fee is not collected
    assert before.identities_hold, before.violations

    move_on(demo_ctx, clock, codes)
    after = period_report(demo_ctx, FROM, TO)
    assert after == before
    assert period_report(demo_ctx, FROM, TO, by="field").total == before.total


def test_lists_badge_and_report_agree_on_who_is_overdue(demo_ctx: Context, clock: Clock) -> None:
    codes = build_period(demo_ctx, clock)  # the clock is on 10/11, the period's last day
    late = {line.code: line.overdue_days for line in lifecycle.late(demo_ctx)}
    expected = {codes["apologised"]: 7, codes["paused_after_due"]: 7, codes["paid"]: 7, codes["unpaid"]: 7}
    assert late == expected
    assert {code: lifecycle.overdue_days_of(demo_ctx, code) for code in codes.values()} == (
        expected | {codes["paused_before_due"]: None, codes["running"]: None, codes["resolved_early"]: None,
                    codes["last_day"]: None})
    report = period_report(demo_ctx, FROM, TO)
    assert report.total.overdue == len(late)
    # the one received 6/11 is due 13/11: due soon within 1 working day, not the paused ones
    assert [line.code for line in lifecycle.due_soon(demo_ctx, 1)] == [codes["running"]]
    # after the resume, the dossier paused before its due date has a new due date and is not late
    clock.set(2023, 11, 13, 8, 0)
    act(demo_ctx, codes["paused_before_due"], "resume")
    assert codes["paused_before_due"] not in {line.code for line in lifecycle.late(demo_ctx)}
    assert lifecycle.overdue_days_of(demo_ctx, codes["paused_after_due"]) == 10


def test_fees_are_what_was_paid(demo_ctx: Context, clock: Clock) -> None:
    unpaid, paid = receive(demo_ctx, "Chưa nộp"), receive(demo_ctx, "Đã nộp")
    pay(demo_ctx, paid, 7_500, "BL-0003")  # what was paid, not the catalogue's 10.000
    assert dossiers.get_dossier(demo_ctx, unpaid).fee_vnd == 10_000  # owed
    day = date(2023, 10, 27)
    report = period_report(demo_ctx, day, day)
    assert report.total.fees_vnd == 7_500
    assert fees.fee_totals(demo_ctx, day, day).amount_vnd == 7_500
    assert fees.payments_of(demo_ctx, unpaid) == []
    assert (fees.paid_total(demo_ctx, unpaid), fees.paid_total(demo_ctx, paid)) == (0, 7_500)
    assert fees.fee_line(10_000, 0) == "10.000 đồng; chưa thu"
    assert fees.fee_line(10_000, 7_500) == "10.000 đồng; đã thu 7.500 đồng" and fees.fee_line(0, 0) == "Không thu"
    # Mẫu 05 says what was paid
    for code in (unpaid, paid):
        act(demo_ctx, code, "stop", reason="Người nộp giả mạo giấy tờ")
    officer = accounts.maintenance_acting_as(demo_ctx, "canbo01")
    stop_paid = lifecycle_forms.stop_data(demo_ctx, dossiers.get_dossier(demo_ctx, paid),
                                          lifecycle.history(demo_ctx, paid), officer.full_name)
    stop_unpaid = lifecycle_forms.stop_data(demo_ctx, dossiers.get_dossier(demo_ctx, unpaid),
                                            lifecycle.history(demo_ctx, unpaid), officer.full_name)
    assert stop_paid.fee_note.startswith("Đã thu 7.500 đồng")
    assert stop_unpaid.fee_note.startswith("Chưa thu phí, lệ phí")
