"""Result return by queue ticket and tickets scanned at the counter, on both backends: the receipt's code gives a
ticket joined to its dossier (once while it waits), for the service that takes the dossier's agency; a counter
scanning a ticket's QR calls and serves that citizen out of turn, within the rules."""

from __future__ import annotations

import uuid
import xml.etree.ElementTree as ET
from collections.abc import Callable

import pytest
from sqlalchemy import select

from app.domain.errors import NotFound
from app.domain.messages import localized
from app.domain.queue import CounterMode, QueueError, parse_ticket_qr, ticket_qr_payload
from app.services import accounts, dossiers, lifecycle, queue
from app.services.context import Actor, Context
from app.services.result_return import issue_result_ticket, return_dossier
from app.services.settings import set_centre_settings
from app.resources import resource
from app.store.models import Ticket, TicketEvent
from tests.services.test_dossiers import _draft


def english() -> Callable[[str, str], str]:
    """The shipped English catalogue (resources/i18n/motcua_en.ts) as a translate function, without Qt."""
    root = ET.parse(resource("i18n", "motcua_en.ts")).getroot()
    catalogue = {(c.findtext("name"), m.findtext("source")): m.findtext("translation") or m.findtext("source")
                 for c in root.iter("context") for m in c.iter("message")}
    return lambda context, source: str(catalogue.get((context, source), source))


def received(ctx: Context) -> dossiers.DossierView:
    pid = dossiers.procedure_id_by_code(ctx, "DEMO.SXD.004")
    return dossiers.receive_dossier(ctx, Actor.maintenance(ctx), pid, _draft())


def test_a_scanned_receipt_gives_a_ticket_joined_to_its_dossier(hall_ctx: Context) -> None:
    d = received(hall_ctx)
    got = issue_result_ticket(hall_ctx, f" {d.code}\n")
    assert got.ticket.dossier_id == d.id and got.dossier.code == d.code and not got.again
    assert got.ticket.service_code == "TKQ"  # the demo centre's result-return service (counter 10)
    assert got.dossier.result_ready is False and got.dossier.status_label == "Đã tiếp nhận"
    with hall_ctx.store.read() as s:
        stored = s.get(Ticket, got.ticket.id)
        assert stored is not None and stored.dossier_id == d.id and stored.status == "waiting"
    again = issue_result_ticket(hall_ctx, d.code)  # scanned twice: the same place in the queue
    assert again.again and again.ticket.id == got.ticket.id
    lifecycle.apply_action(hall_ctx, Actor.maintenance(hall_ctx), d.code, "resolve")
    assert return_dossier(hall_ctx, d.id).result_ready is True


def test_without_a_result_return_service_the_dossiers_agency_decides(hall_ctx: Context) -> None:
    set_centre_settings(hall_ctx, Actor.maintenance(hall_ctx), {"result_return_service": ""})
    d = received(hall_ctx)  # Sở Xây dựng: service DD takes it
    assert issue_result_ticket(hall_ctx, d.code).ticket.service_code == "DD"
    set_centre_settings(hall_ctx, Actor.maintenance(hall_ctx), {"result_return_service": "NOPE"})  # unknown: by agency too
    assert issue_result_ticket(hall_ctx, d.code).ticket.service_code == "DD"


def test_what_cannot_give_a_result_ticket(hall_ctx: Context) -> None:
    with pytest.raises(NotFound, match="không phải mã hồ sơ"):
        issue_result_ticket(hall_ctx, "hello")
    with pytest.raises(NotFound, match="Không tìm thấy hồ sơ mã"):
        issue_result_ticket(hall_ctx, "000.00.02.H33-231027-9999")
    d = received(hall_ctx)
    lifecycle.apply_action(hall_ctx, Actor.maintenance(hall_ctx), d.code, "resolve")
    lifecycle.apply_action(hall_ctx, Actor.maintenance(hall_ctx), d.code, "return_result", collector="Lò Thị Hoa")
    with pytest.raises(QueueError, match="đã được trả kết quả") as returned:
        issue_result_ticket(hall_ctx, d.code)
    assert localized(returned.value, english()) == (f"Dossier {d.code} has already had its result handed over. "
                                                    "Please ask a staff member if you need help.")


def test_the_ticket_qr_payload_round_trips() -> None:
    tid = uuid.uuid4()
    payload = ticket_qr_payload(tid)
    assert payload.startswith("STT:") and len(payload) == 36 and payload == payload.upper()
    assert parse_ticket_qr(payload) == tid and parse_ticket_qr(payload.lower() + " ") == tid
    assert parse_ticket_qr("000.00.02.H33-231027-0001") is None


def test_a_scanned_ticket_is_called_out_of_turn_and_served(hall_ctx: Context) -> None:
    me = accounts.maintenance_acting_as(hall_ctx, "canbo01")
    first, second = queue.issue_ticket(hall_ctx, "DD"), queue.issue_ticket(hall_ctx, "DD")
    served = queue.call_ticket(hall_ctx, me, 1, second.id)
    assert served.display_number == second.display_number and served.status == "serving"
    with pytest.raises(QueueError, match=f"đang có số {second.display_number}") as holding:
        queue.call_ticket(hall_ctx, me, 1, first.id)
    assert localized(holding.value, english()) == (f"Counter 1 has number {second.display_number}: finish it or "
                                                   f"mark it as a no-show before calling number {first.display_number}")
    queue.finish(hall_ctx, me, 1)
    with pytest.raises(QueueError, match="Đã xong"):
        queue.call_ticket(hall_ctx, me, 1, second.id)
    called = queue.call_next(hall_ctx, me, 1)
    assert called is not None and called.id == first.id
    assert queue.call_ticket(hall_ctx, me, 1, first.id).status == "serving"  # its own called ticket: served
    with hall_ctx.store.read() as s:
        kinds = list(s.scalars(select(TicketEvent.kind).where(TicketEvent.ticket_id == second.id)
                               .order_by(TicketEvent.at)))
    assert kinds == ["issued", "called", "serving", "finished"]


def test_a_scanned_ticket_of_another_service_or_at_a_paused_counter(hall_ctx: Context) -> None:
    me = accounts.maintenance_acting_as(hall_ctx, "canbo01")
    tp = queue.issue_ticket(hall_ctx, "TP")  # counter 1 does not serve TP
    with pytest.raises(QueueError, match="không phục vụ"):
        queue.call_ticket(hall_ctx, me, 1, tp.id)
    dd = queue.issue_ticket(hall_ctx, "DD")
    queue.set_counter_mode(hall_ctx, me, 1, CounterMode.PAUSED)
    with pytest.raises(QueueError, match="tạm dừng"):
        queue.call_ticket(hall_ctx, me, 1, dd.id)
    with pytest.raises(NotFound):
        queue.call_ticket(hall_ctx, me, 2, uuid.uuid4())
