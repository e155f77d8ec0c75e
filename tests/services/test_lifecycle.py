"""Following dossiers to their result through the service, on both backends: events, due dates, payments, lists."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from app.domain.dossier import IntakeDraft
from app.domain.errors import FormErrors
from app.domain.lifecycle import TransitionRefused
from app.services import accounts, dossiers, lifecycle
from app.services.context import Actor, Context
from app.store.models import Dossier, Payment

VN = ZoneInfo("Asia/Ho_Chi_Minh")
FRIDAY_0932 = datetime(2023, 10, 27, 9, 32, tzinfo=VN)


class Clock:
    """A clock the test moves by hand."""

    def __init__(self, moment: datetime) -> None:
        self.moment = moment

    def __call__(self) -> datetime:
        return self.moment.astimezone(UTC)

    def set(self, *args: int) -> None:
        self.moment = datetime(*args, tzinfo=VN)  # type: ignore[misc,arg-type]


@pytest.fixture()
def clock(demo_ctx: Context) -> Clock:
    c = Clock(FRIDAY_0932)
    demo_ctx.clock = c
    return c


def _receive(ctx: Context, procedure: str = "DEMO.SXD.004", **changes: object) -> dossiers.DossierView:
    draft = IntakeDraft(applicant_name="Nguyễn Thị Ánh Tuyết", id_number="001185012345", phone="0912345678",
                        address="Tân Phong, Lai Châu", birth_year=1985, sex="female")
    for k, v in changes.items():
        setattr(draft, k, v)
    pid = dossiers.procedure_id_by_code(ctx, procedure)
    return dossiers.receive_dossier(ctx, accounts.maintenance_acting_as(ctx, "canbo01"), pid, draft)


def test_full_path_to_the_result_writes_one_event_per_step(demo_ctx: Context, clock: Clock) -> None:
    officer = accounts.maintenance_acting_as(demo_ctx, "canbo02")
    code = _receive(demo_ctx).code
    v = lifecycle.apply_action(demo_ctx, officer, code, "hand_over", unit="Phòng Quản lý xây dựng")
    assert v.status == "processing"
    clock.set(2023, 11, 1, 10, 0)
    v = lifecycle.apply_action(demo_ctx, officer, code, "resolve")
    assert v.status == "resolved" and v.resolved_at == datetime(2023, 11, 1, 10, tzinfo=VN)
    clock.set(2023, 11, 2, 8, 0)
    v = lifecycle.apply_action(demo_ctx, officer, code, "return-result", collector="Lò Thị Hoa")
    assert v.status == "returned" and v.returned_at == datetime(2023, 11, 2, 8, tzinfo=VN)
    steps = lifecycle.history(demo_ctx, code)
    assert [(e.kind, e.from_status, e.to_status) for e in steps] == [
        ("received", None, "received"), ("handed_over", "received", "processing"),
        ("resolved", "processing", "resolved"), ("returned", "resolved", "returned")]
    assert steps[1].data["unit"] == "Phòng Quản lý xây dựng" and steps[1].officer_name == "Nguyễn Thị Hương"
    assert steps[3].data["collector"] == "Lò Thị Hoa" and steps[3].data["actor"] == "canbo02"
    assert lifecycle.timeliness_of(demo_ctx, code) == "early"
    with demo_ctx.store.read() as s:
        assert s.scalar(select(Dossier.outcome).where(Dossier.code == code)) == "result"


def test_refused_transition_changes_nothing(demo_ctx: Context, clock: Clock) -> None:
    code = _receive(demo_ctx).code
    with pytest.raises(TransitionRefused, match="Không thể trả kết quả: hồ sơ đang ở trạng thái «Đã tiếp nhận»"):
        lifecycle.apply_action(demo_ctx, Actor.maintenance(demo_ctx), code, "return_result")
    with pytest.raises(FormErrors) as info:
        lifecycle.apply_action(demo_ctx, Actor.maintenance(demo_ctx), code, "hand_over", unit=" ")
    assert set(info.value.by_field()) == {"unit"}
    lifecycle.apply_action(demo_ctx, Actor.maintenance(demo_ctx), code, "resolve")
    with pytest.raises(TransitionRefused, match="không đăng ký nhận kết quả qua bưu chính"):
        lifecycle.apply_action(demo_ctx, Actor.maintenance(demo_ctx), code, "dispatch_by_post", tracking="EB123456789VN")
    v = dossiers.get_dossier(demo_ctx, code)
    assert v.status == "resolved" and [e.kind for e in v.events] == ["received", "resolved"]


def test_supplement_pause_moves_the_due_date_by_the_pause(demo_ctx: Context, clock: Clock) -> None:
    code = _receive(demo_ctx).code  # 5 working days: due Friday 3/11 17:00
    clock.set(2023, 10, 31, 7, 0)  # Tuesday morning: 4 working days left
    v = lifecycle.apply_action(demo_ctx, Actor.maintenance(demo_ctx), code, "request_supplement", reason="Thiếu bản vẽ",
                           items="Bản vẽ thiết kế:sao:2")
    assert v.status == "paused"
    with pytest.raises(TransitionRefused, match="Không thể yêu cầu bổ sung"):
        lifecycle.apply_action(demo_ctx, Actor.maintenance(demo_ctx), code, "request_supplement", reason="Lần hai",
                           items="Bản vẽ thiết kế:sao:2")
    clock.set(2023, 11, 6, 7, 0)  # resumed Monday morning
    v = lifecycle.apply_action(demo_ctx, Actor.maintenance(demo_ctx), code, "resume")
    assert v.status == "processing"
    assert v.due_at == v.original_due_at == datetime(2023, 11, 9, 17, tzinfo=VN)
    with pytest.raises(TransitionRefused, match="một lần duy nhất"):
        lifecycle.apply_action(demo_ctx, Actor.maintenance(demo_ctx), code, "request_supplement", reason="Lần hai",
                           items="Bản vẽ thiết kế:sao:2")
    assert lifecycle.history(demo_ctx, code)[-1].data["policy"] == "pause"


def test_supplement_restart_counts_the_full_time_again(demo_ctx: Context, clock: Clock) -> None:
    code = _receive(demo_ctx, "DEMO.SXD.009").code  # 30 calendar days, restart policy
    clock.set(2023, 11, 1, 9, 0)
    lifecycle.apply_action(demo_ctx, Actor.maintenance(demo_ctx), code, "request_supplement", reason="Thiếu hồ sơ thiết kế",
                           items="Bản vẽ thiết kế:sao:2")
    clock.set(2023, 11, 15, 9, 0)
    v = lifecycle.apply_action(demo_ctx, Actor.maintenance(demo_ctx), code, "resume")
    assert v.due_at == datetime(2023, 12, 15, 17, tzinfo=VN)


def test_apology_moves_the_date_once_and_statistics_keep_the_original(demo_ctx: Context, clock: Clock) -> None:
    code = _receive(demo_ctx).code  # due Friday 3/11/2023
    clock.set(2023, 11, 3, 8, 0)  # on the due date itself: too late
    with pytest.raises(TransitionRefused, match="chậm nhất 01 ngày làm việc"):
        lifecycle.apply_action(demo_ctx, Actor.maintenance(demo_ctx), code, "apology", reason="Chờ ý kiến", new_date="2023-11-10")
    clock.set(2023, 11, 2, 16, 0)
    v = lifecycle.apply_action(demo_ctx, Actor.maintenance(demo_ctx), code, "apology", reason="Chờ ý kiến Sở Tài chính",
                               new_date=date(2023, 11, 10))
    assert v.due_at == datetime(2023, 11, 10, 17, tzinfo=VN)
    assert v.original_due_at == datetime(2023, 11, 3, 17, tzinfo=VN)
    with pytest.raises(TransitionRefused, match="một lần"):
        lifecycle.apply_action(demo_ctx, Actor.maintenance(demo_ctx), code, "apology", reason="x", new_date="2023-11-14")
    entry = lifecycle.history(demo_ctx, code)[-1]
    assert entry.kind == "apologised" and entry.data["new_due"].startswith("2023-11-10")
    clock.set(2023, 11, 8, 10, 0)  # before the new date, after the original one
    lifecycle.apply_action(demo_ctx, Actor.maintenance(demo_ctx), code, "resolve")
    assert lifecycle.timeliness_of(demo_ctx, code) == "late"


def test_payment_while_waiting_resumes_processing(demo_ctx: Context, clock: Clock) -> None:
    officer = accounts.maintenance_acting_as(demo_ctx, "canbo01")
    code = _receive(demo_ctx).code
    lifecycle.apply_action(demo_ctx, officer, code, "await_payment")
    with pytest.raises(FormErrors) as info:
        lifecycle.record_payment(demo_ctx, officer, code, 0, "gold", "")
    assert set(info.value.by_field()) == {"amount_vnd", "method", "receipt_no"}
    v = lifecycle.record_payment(demo_ctx, officer, code, 10000, "cash", "BL-0001234")
    assert v.status == "processing"
    assert lifecycle.history(demo_ctx, code)[-1].data["receipt_no"] == "BL-0001234"
    lifecycle.record_payment(demo_ctx, officer, code, 5000, "transfer", "BL-0001235")  # fee later: just recorded
    with demo_ctx.store.read() as s:
        assert sorted(s.scalars(select(Payment.amount_vnd))) == [5000, 10000]


def test_closing_without_result_and_by_post(demo_ctx: Context, clock: Clock) -> None:
    withdrawn = _receive(demo_ctx).code
    v = lifecycle.apply_action(demo_ctx, Actor.maintenance(demo_ctx), withdrawn, "withdraw", reason="Người nộp xin rút")
    assert v.status == "withdrawn" and v.resolved_at is not None
    cancelled = _receive(demo_ctx).code
    with pytest.raises(FormErrors):
        lifecycle.apply_action(demo_ctx, Actor.maintenance(demo_ctx), cancelled, "cancel")
    lifecycle.apply_action(demo_ctx, Actor.maintenance(demo_ctx), cancelled, "cancel", reason="Nhập trùng")
    posted = _receive(demo_ctx, result_by_post=True, postal_address="Số 1 Lê Lợi, Lai Châu").code
    lifecycle.apply_action(demo_ctx, Actor.maintenance(demo_ctx), posted, "hand_over", unit="Sở Xây dựng")
    lifecycle.apply_action(demo_ctx, Actor.maintenance(demo_ctx), posted, "hand_back", reason="Không thuộc thẩm quyền")
    v = lifecycle.apply_action(demo_ctx, Actor.maintenance(demo_ctx), posted, "dispatch_by_post", tracking="EB123456789VN")
    assert v.status == "returned"
    with demo_ctx.store.read() as s:
        rows = {d.code: d for d in s.scalars(select(Dossier))}
    assert rows[withdrawn].outcome == "returned_to_applicant"
    assert rows[cancelled].status == "cancelled" and rows[cancelled].cancelled_at is not None
    assert rows[posted].outcome == "returned_to_applicant" and rows[posted].postal_tracking == "EB123456789VN"


def test_late_and_due_soon_lists(demo_ctx: Context, clock: Clock) -> None:
    first = _receive(demo_ctx).code  # due Fri 3/11
    clock.set(2023, 10, 30, 9, 0)
    second = _receive(demo_ctx).code  # due Mon 6/11
    paused = _receive(demo_ctx).code
    lifecycle.apply_action(demo_ctx, Actor.maintenance(demo_ctx), paused, "request_supplement", reason="Thiếu",
                           items="Bản vẽ thiết kế:sao:2")
    clock.set(2023, 11, 2, 9, 0)  # Thursday
    assert [x.code for x in lifecycle.due_soon(demo_ctx, 1)] == [first]
    assert [x.code for x in lifecycle.due_soon(demo_ctx, 2)] == [first, second]
    assert lifecycle.late(demo_ctx) == []
    clock.set(2023, 11, 6, 9, 0)
    assert [x.code for x in lifecycle.late(demo_ctx)] == [first]
    lifecycle.apply_action(demo_ctx, Actor.maintenance(demo_ctx), first, "resolve")
    clock.moment += timedelta(days=1)
    assert [x.code for x in lifecycle.late(demo_ctx)] == [second]
    assert lifecycle.timeliness_of(demo_ctx, first) == "late"


def test_agency_summary_counts_on_time_late_overdue_and_in_time(demo_ctx: Context, clock: Clock) -> None:
    """Sở Xây dựng: one resolved on time, one resolved late, one open overdue, one open in time, one paused
    before its due date (its clock stopped: in time)."""
    on_time, late, overdue = _receive(demo_ctx).code, _receive(demo_ctx).code, _receive(demo_ctx).code  # due 3/11
    paused = _receive(demo_ctx).code
    lifecycle.apply_action(demo_ctx, Actor.maintenance(demo_ctx), paused, "request_supplement", reason="Thiếu bản vẽ",
                           items="Bản vẽ thiết kế:sao:2")
    clock.set(2023, 11, 1, 9, 0)
    lifecycle.apply_action(demo_ctx, Actor.maintenance(demo_ctx), on_time, "resolve")
    clock.set(2023, 11, 6, 9, 0)
    lifecycle.apply_action(demo_ctx, Actor.maintenance(demo_ctx), late, "resolve")
    fresh = _receive(demo_ctx).code
    assert overdue and fresh
    [summary] = lifecycle.agency_timeliness(demo_ctx)
    assert summary == lifecycle.AgencyTimeliness("Sở Xây dựng", on_time=1, late=1, overdue=1, open_in_time=2)
