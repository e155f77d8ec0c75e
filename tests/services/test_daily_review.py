"""The supervisor's day review on both backends: exact waits and service times, aggregates, the live board, roles.

The clock moves only when the test sets it (each action happens at a known second after T0), so every duration
is exact whatever number of times a service reads the clock.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from app.domain.dossier import IntakeDraft
from app.domain.errors import PermissionDenied
from app.services import accounts, daily_review, dossiers, queue, ratings
from app.services.context import Actor, Context

T0 = datetime(2026, 11, 30, 1, 0, tzinfo=UTC)  # Monday 08:00 in Hà Nội
DAY = T0.date()


@pytest.fixture()
def hall_ctx(demo_ctx: Context) -> Context:
    """The demo centre with a clock the test moves: `at(ctx, s)` puts it at T0 + s seconds."""
    clock = [T0]
    demo_ctx.clock = lambda: clock[0]
    demo_ctx.extra["clock"] = clock
    return demo_ctx


def at(ctx: Context, seconds: int) -> None:
    ctx.extra["clock"][0] = T0 + timedelta(seconds=seconds)  # type: ignore[index]


def who(ctx: Context, login: str) -> Actor:
    return accounts.maintenance_acting_as(ctx, login)


def supervisor(ctx: Context) -> Actor:
    return who(ctx, "giamsat")


def _a_morning(ctx: Context) -> dict[str, queue.TicketView]:
    """A at counter 1 (served, rated), B at counter 2 (no-show), C at counter 3 (finished without serving),
    D still waiting at 09:06:40."""
    one, two, three = who(ctx, "canbo01"), who(ctx, "canbo02"), who(ctx, "canbo03")
    tickets = {}
    at(ctx, 0)
    tickets["A"] = queue.issue_ticket(ctx, "DD")
    at(ctx, 10)
    tickets["B"] = queue.issue_ticket(ctx, "DD")
    at(ctx, 20)
    tickets["C"] = queue.issue_ticket(ctx, "TP")
    at(ctx, 60)
    queue.call_next(ctx, one, 1)
    at(ctx, 90)
    queue.start_serving(ctx, one, 1)
    at(ctx, 390)
    queue.finish(ctx, one, 1)
    at(ctx, 395)
    assert ratings.record_vote(ctx, 1, "1").level == 1
    at(ctx, 400)
    queue.call_next(ctx, two, 2)
    at(ctx, 430)
    queue.skip(ctx, two, 2)
    at(ctx, 500)
    queue.call_next(ctx, three, 3)
    at(ctx, 620)
    queue.finish(ctx, three, 3)
    at(ctx, 4000)
    tickets["D"] = queue.issue_ticket(ctx, "DD")
    return tickets


def test_every_ticket_with_exact_times_and_durations(hall_ctx: Context) -> None:
    t = _a_morning(hall_ctx)
    review = daily_review.daily_review(hall_ctx, supervisor(hall_ctx), DAY)
    rows = {line.display_number: line for line in review.tickets}
    assert [line.display_number for line in review.tickets] == ["1001", "1002", "2001", "1003"]
    a, b, c, d = rows["1001"], rows["1002"], rows["2001"], rows["1003"]
    assert (a.issued_at, a.called_at, a.serving_at, a.finished_at) == (
        T0, T0 + timedelta(seconds=60), T0 + timedelta(seconds=90), T0 + timedelta(seconds=390))
    assert (a.wait_seconds, a.service_seconds, a.status, a.counter_number, a.officer_name, a.rating_level) == (
        60, 300, "finished", 1, "Lò Văn Minh", 1)
    assert (b.wait_seconds, b.service_seconds, b.status, b.counter_number, b.officer_name, b.rating_level) == (
        390, None, "no_show", 2, "Nguyễn Thị Hương", None)
    assert (c.wait_seconds, c.service_seconds, c.serving_at, c.counter_number) == (480, 120, None, 3)
    assert (d.wait_seconds, d.service_seconds, d.status, d.counter_number, d.officer_name) == (
        None, None, "waiting", None, None)
    assert not any(line.transferred for line in review.tickets) and a.id == str(t["A"].id)
    assert all(line.dossier_codes == () for line in review.tickets)


def test_aggregates_per_service_counter_officer_and_hour(hall_ctx: Context) -> None:
    _a_morning(hall_ctx)
    review = daily_review.daily_review(hall_ctx, supervisor(hall_ctx), DAY)

    def figures(g: daily_review.GroupStats) -> tuple[object, ...]:
        return (g.label, g.count, g.served, g.no_shows, g.wait_mean, g.wait_median, g.wait_p90,
                g.service_mean, g.service_median, g.service_p90)

    dd = "DD — Đất đai, Tài nguyên – Môi trường, Xây dựng"
    tp = "TP — Tư pháp, Nội vụ, Lao động – Thương binh và Xã hội"
    assert [figures(g) for g in review.by_service] == [
        (dd, 3, 1, 1, 225.0, 225.0, 390.0, 300.0, 300.0, 300.0),
        (tp, 1, 1, 0, 480.0, 480.0, 480.0, 120.0, 120.0, 120.0)]
    assert [figures(g) for g in review.by_counter] == [
        ("Quầy 1", 1, 1, 0, 60.0, 60.0, 60.0, 300.0, 300.0, 300.0),
        ("Quầy 2", 1, 0, 1, 390.0, 390.0, 390.0, None, None, None),
        ("Quầy 3", 1, 1, 0, 480.0, 480.0, 480.0, 120.0, 120.0, 120.0)]
    assert [(g.label, g.count, g.served, g.no_shows) for g in review.by_officer] == [
        ("Lò Văn Minh", 1, 1, 0), ("Nguyễn Thị Hương", 1, 0, 1), ("Phạm Đức Anh", 1, 1, 0)]
    assert [(g.label, g.count, g.served) for g in review.by_hour] == [("08:00", 3, 2), ("09:00", 1, 0)]
    assert figures(review.total) == ("Tổng cộng", 4, 2, 1, 310.0, 390.0, 480.0, 210.0, 210.0, 300.0)
    csv_lines = daily_review.to_csv(review).split("\r\n")
    assert csv_lines[0].startswith("number,service,status")
    assert csv_lines[1] == "1001,DD,finished,,08:00:00,08:01:00,08:01:30,08:06:30,60,300,1,Lò Văn Minh,0,1,"
    assert "Tổng cộng" in daily_review.to_text(review)
    # another day has nothing
    assert daily_review.daily_review(hall_ctx, supervisor(hall_ctx), DAY - timedelta(days=1)).total.count == 0


def test_transfer_waits_from_the_transfer_and_dossiers_filed(hall_ctx: Context) -> None:
    one, four = who(hall_ctx, "canbo01"), who(hall_ctx, "canbo04")
    at(hall_ctx, 0)
    e = queue.issue_ticket(hall_ctx, "DD")
    at(hall_ctx, 60)
    queue.call_next(hall_ctx, one, 1)
    at(hall_ctx, 70)
    queue.start_serving(hall_ctx, one, 1)
    draft = IntakeDraft(applicant_name="Nguyễn Thị Ánh Tuyết", id_number="001185012345", phone="0912 345 678",
                        address="Số 12, phường Tân Phong, Lai Châu", birth_year=1985, sex="female")
    filed = dossiers.receive_dossier(hall_ctx, one, dossiers.procedure_id_by_code(hall_ctx, "DEMO.SXD.004"),
                                     draft, ticket_id=e.id)
    at(hall_ctx, 100)
    queue.transfer(hall_ctx, one, e.display_number, "TP")
    at(hall_ctx, 250)
    queue.call_next(hall_ctx, four, 4)
    at(hall_ctx, 280)
    queue.finish(hall_ctx, four, 4)
    review = daily_review.daily_review(hall_ctx, supervisor(hall_ctx), DAY)
    first, second = review.tickets
    assert (first.service_code, first.status, first.wait_seconds, first.service_seconds, first.transferred,
            first.dossier_codes) == ("DD", "transferred", 60, 30, True, (filed.code,))
    assert (second.service_code, second.status, second.wait_seconds, second.service_seconds, second.transferred,
            second.counter_number, second.officer_name) == ("TP", "finished", 150, 30, True, 4, "Tòng Thị Lan")
    assert (review.total.count, review.total.served) == (2, 1)


def test_live_board_counts_today(hall_ctx: Context) -> None:
    _a_morning(hall_ctx)
    at(hall_ctx, 4060)
    queue.issue_ticket(hall_ctx, "TP")
    at(hall_ctx, 4100)
    board = daily_review.live_board(hall_ctx, supervisor(hall_ctx))
    assert (board.issued, board.served, board.no_shows, board.waiting) == (5, 2, 1, 2)
    assert board.longest_wait_seconds == {"DD": 100, "TP": 40} and board.longest_wait_now == 100
    assert board.ratings == {1: 1}
    assert {s.code: s.waiting for s in board.status.services}["DD"] == 1


def test_an_officer_is_refused(hall_ctx: Context) -> None:
    _a_morning(hall_ctx)
    with pytest.raises(PermissionDenied):
        daily_review.daily_review(hall_ctx, who(hall_ctx, "canbo01"), DAY)
    with pytest.raises(PermissionDenied):
        daily_review.live_board(hall_ctx, who(hall_ctx, "canbo01"))
    assert daily_review.daily_review(hall_ctx, Actor.maintenance(hall_ctx), DAY).total.count == 4  # admins may
