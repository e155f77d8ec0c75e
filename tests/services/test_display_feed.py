"""The display feed on both backends: each counter's number, the last calls newest first, the calls that are new
since the display last looked (recalls included, a few seconds of clock skew tolerated), no personal data."""

from __future__ import annotations

import uuid
from dataclasses import fields
from datetime import datetime, timedelta, timezone


from app.services import accounts, queue
from app.services.context import Actor, Context
from app.services.demo import DEMO_OFFICERS
from app.services.display_feed import (MAX_NEW_CALLS, Call, CounterBoard, DisplayFeed, announcement_for,
                                       display_feed, spoken_ticket)

T0 = datetime(2026, 11, 30, 1, 0, tzinfo=timezone.utc)  # Monday 08:00 in Hà Nội


def officer(ctx: Context) -> Actor:
    return accounts.maintenance_acting_as(ctx, "canbo01")


def shown(feed: DisplayFeed) -> dict[int, str]:
    return {c.number: c.ticket for c in feed.counters if c.ticket}


def test_board_shows_each_counters_number_and_last_calls_newest_first(hall_ctx: Context) -> None:
    me = officer(hall_ctx)
    queue.issue_ticket(hall_ctx, "DD")
    queue.issue_ticket(hall_ctx, "TP")
    queue.issue_ticket(hall_ctx, "DD")
    queue.call_next(hall_ctx, me, 1)
    queue.call_next(hall_ctx, me, 3)
    feed = display_feed(hall_ctx)
    assert shown(feed) == {1: "1001", 3: "2001"}
    assert [c.number for c in feed.counters] == list(range(1, 11))  # every demo counter has a cell
    assert {c.number: c.status for c in feed.counters if c.ticket} == {1: "called", 3: "called"}
    assert [(c.display_number, c.counter_number) for c in feed.last_calls] == [("2001", 3), ("1001", 1)]
    assert feed.centre_name.startswith("Trung tâm") and feed.number_words_variant == "north"

    queue.start_serving(hall_ctx, me, 1)
    queue.finish(hall_ctx, me, 3)
    queue.call_next(hall_ctx, me, 2)
    feed = display_feed(hall_ctx, last=2)
    assert shown(feed) == {1: "1001", 2: "1002"}  # counter 3 is free again
    assert feed.counters[0].status == "serving"
    assert [c.display_number for c in feed.last_calls] == ["1002", "2001"]  # only the last two


def test_new_calls_since_the_cursor_include_recalls(hall_ctx: Context) -> None:
    me = officer(hall_ctx)
    for _ in range(3):
        queue.issue_ticket(hall_ctx, "DD")
    queue.call_next(hall_ctx, me, 1)
    first = display_feed(hall_ctx)
    assert first.new_calls == []  # the display starts quietly: calls made before it opened are not re-announced
    assert display_feed(hall_ctx, since=first.cursor).new_calls == []

    queue.call_next(hall_ctx, me, 2)
    queue.recall(hall_ctx, me, 1)
    second = display_feed(hall_ctx, since=first.cursor)
    assert [(c.display_number, c.counter_number, c.recall) for c in second.new_calls] == [
        ("1002", 2, False), ("1001", 1, True)]  # oldest first: the order to announce them
    assert second.last_calls[0].recall and second.last_calls[0].display_number == "1001"
    assert [c.display_number for c in second.last_calls] == ["1001", "1002", "1001"]
    assert display_feed(hall_ctx, since=second.cursor).new_calls == []  # each call is new exactly once


def test_a_call_stamped_a_little_earlier_by_another_station_is_still_new(hall_ctx: Context) -> None:
    me = officer(hall_ctx)
    queue.issue_ticket(hall_ctx, "DD")
    queue.issue_ticket(hall_ctx, "TP")
    queue.call_next(hall_ctx, me, 1)
    seen = display_feed(hall_ctx)
    hall_ctx.extra["clock"][0] -= timedelta(seconds=30)  # type: ignore[index,operator] # a PC 30 s behind
    queue.call_next(hall_ctx, me, 3)
    assert [c.display_number for c in display_feed(hall_ctx, since=seen.cursor).new_calls] == ["2001"]


def test_after_a_long_outage_only_the_latest_calls_are_announced(hall_ctx: Context) -> None:
    me = officer(hall_ctx)
    seen = display_feed(hall_ctx)
    for _ in range(MAX_NEW_CALLS + 2):
        queue.issue_ticket(hall_ctx, "DD")
        queue.call_next(hall_ctx, me, 1)
        queue.finish(hall_ctx, me, 1)
    new = display_feed(hall_ctx, since=seen.cursor).new_calls
    assert len(new) == MAX_NEW_CALLS and new[-1].display_number == f"{1000 + MAX_NEW_CALLS + 2}"


def test_yesterdays_tickets_are_not_on_the_board(hall_ctx: Context) -> None:
    queue.issue_ticket(hall_ctx, "DD")
    queue.call_next(hall_ctx, officer(hall_ctx), 1)
    hall_ctx.extra["clock"][0] += timedelta(days=1)  # type: ignore[index,operator]
    feed = display_feed(hall_ctx)
    assert shown(feed) == {} and feed.last_calls == []


def test_the_feed_holds_ids_numbers_and_times_only(hall_ctx: Context) -> None:
    queue.issue_ticket(hall_ctx, "DD")
    queue.call_next(hall_ctx, officer(hall_ctx), 1)
    feed = display_feed(hall_ctx)
    assert {f.name for f in fields(CounterBoard)} == {"number", "ticket", "status", "mode"}
    assert {f.name for f in fields(Call)} == {"event_id", "display_number", "number", "counter_number", "at",
                                              "recall"}
    text = repr(feed)
    assert not [name for _login, name, _role in DEMO_OFFICERS if name in text]
    assert isinstance(feed.last_calls[0].event_id, uuid.UUID)


def test_announcement_sentences() -> None:
    call = Call(uuid.uuid4(), "1001", 1001, 1, T0, False)
    assert announcement_for(call) == "Mời công dân có số thứ tự một nghìn không trăm linh một đến quầy số một"
    assert announcement_for(call, "south") == "Mời công dân có số thứ tự một ngàn không trăm lẻ một đến quầy số một"
    prefixed = Call(uuid.uuid4(), "A007", 7, 12, T0, True)
    assert announcement_for(prefixed) == "Mời công dân có số thứ tự a bảy đến quầy số mười hai"
    assert spoken_ticket("1023") is None and spoken_ticket("E1") == "e" and spoken_ticket("BX05") == "bê ích xì"
