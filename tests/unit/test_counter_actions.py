"""What a counter may do with the ticket it holds, as the queue's transition table allows it."""

from __future__ import annotations

from app.domain.queue import TicketStatus, counter_actions


def test_with_no_ticket_the_counter_may_only_call_the_next() -> None:
    assert counter_actions(None) == {"call_next"}


def test_a_called_ticket_may_be_recalled_served_skipped_transferred_or_finished() -> None:
    assert counter_actions(TicketStatus.CALLED) == {"recall", "start_serving", "skip", "transfer", "finish",
                                                    "finish_and_next"}


def test_a_ticket_in_service_may_only_be_transferred_or_finished() -> None:
    assert counter_actions(TicketStatus.SERVING) == {"transfer", "finish", "finish_and_next"}


def test_a_ticket_no_longer_at_the_counter_allows_nothing() -> None:
    for status in (TicketStatus.WAITING, TicketStatus.FINISHED, TicketStatus.NO_SHOW, TicketStatus.CANCELLED,
                   TicketStatus.TRANSFERRED):
        assert counter_actions(status) == set(), status
