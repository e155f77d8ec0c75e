"""A station that keeps working when the central PostgreSQL cannot be reached, and syncs back (docs/offline.md).

`OfflineStation` joins the station's journal (app/store/journal.py) and the central store. While the server
answers, work goes to it as usual, and `sync_now` refreshes the journal's reference data, replays the outbox and
keeps the number leases topped up. When it does not answer (`StoreUnavailable`, never `StoreBusy`), a ticket or a
dossier is made from the journal alone, with a number from a leased block, and queued in the outbox.
"""

from __future__ import annotations

import itertools
import math
import unicodedata
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from app.domain import calendar, queue as rules
from app.domain.dossier import IntakeDraft, ProcedurePolicy, format_dossier_code
from app.domain.errors import Conflict, NotFound, PermissionDenied, ValidationError
from app.domain.messages import translate
from app.domain.queue import QueueError
from app.domain.accounts import Role, require_role
from app.services import offline_central as central
from app.services.offline_central import PAYMENT, PRINTED, RATING, TRANSFER
from app.services.context import LOCAL_TZ, Actor, Context, utc_now
from app.services.queue_views import TicketView
from app.store.engine import PgTimeouts, StoreBusy, StoreUnavailable
from app.store.journal import Journal, JournalLease, LeaseExhausted, OutboxItem, journal_path

if TYPE_CHECKING:
    from app.domain.catalog import ProcedureIndex
    from app.services.catalog import ProcedureView
    from app.services.hall import ServiceView
    from app.services.ratings import PressResult

T = TypeVar("T")
ONLINE, OFFLINE = "online", "offline"
NEXT_DAY_LEAD = timedelta(hours=1)  # leases of the next working day are taken in the last hour before closing
# A station of a central server gives up within about 2 s and works from its journal: a refused connection fails at
# once, an unreachable host after 1 s, a hung server's statement after 1.8 s (a station's statements take
# milliseconds); a lock wait stays "busy" (1.5 s, shorter than the statement limit), never offline.
STATION_TIMEOUTS = PgTimeouts(connect_s=1, statement_ms=1_800, lock_ms=1_500)
BATCH = 200  # tickets and ticket events replayed per transaction
SET_ASIDE_PREFIX = 6  # an item is named by its id or a unique prefix of at least this many characters
SET_ASIDE_REASON = 10  # the least length of the reason an item is set aside for
ID_SHOWN = 8  # the id prefix `sync status` shows for an item an officer may name
RETRY_EVERY = timedelta(seconds=5)  # offline, the server is tried again at most this often (not on every ticket)


class NoLeaseLeft(QueueError):
    """Offline, and the station's leased numbers of this service or agency are used up."""


@dataclass(frozen=True)
class OfflineDossier:
    """A dossier received offline: what the receipt needs until the central store has it."""

    request_id: uuid.UUID
    code: str
    procedure_code: str
    procedure_name: str
    agency_name: str
    applicant_name: str
    received_at: datetime
    due_at: datetime
    register_line: int
    fee_vnd: int
    officer_name: str | None


@dataclass
class SyncReport:
    """What one `sync_now` did."""

    replayed: int = 0
    skipped: int = 0  # already central (a second replay, or a commit whose reply was lost)
    failed: list[str] = field(default_factory=list)
    deferred: int = 0  # events of tickets not central yet: tried again at the next sync
    leases_taken: int = 0
    leases_released: int = 0
    given_back: int = 0
    unused: int = 0
    set_aside_reported: int = 0  # items set aside by an officer, told to the server (audit events) this time


def is_unreachable(exc: BaseException) -> bool:
    """Whether an error means the server cannot be reached (offline), not that it is busy or refused the work."""
    return isinstance(exc, StoreUnavailable) and not isinstance(exc, StoreBusy)


class OfflineStation:
    """One station's journal and its central store."""

    def __init__(self, ctx: Context, data_dir: Path, kind: str, counter_number: int = 0,
                 clock: Callable[[], datetime] = utc_now) -> None:
        self.ctx = ctx
        self.kind = kind
        self.counter_number = counter_number
        self.clock = clock
        self.journal = Journal(journal_path(data_dir))
        self.station_id = self.journal.station_id()

    def close(self) -> None:
        """Close the journal file."""
        self.journal.close()

    # --- mode --------------------------------------------------------------------------------------------------

    def went_offline(self) -> None:
        """The server did not answer: record since when (kept until the next contact) and when it was tried."""
        now = self.clock().isoformat()
        if self.journal.get("mode") != OFFLINE:
            self.journal.set(mode=OFFLINE, offline_since=now, last_attempt=now)
        else:
            self.journal.set(last_attempt=now)

    def should_try_server(self) -> bool:
        """Online, or offline and the server was last tried more than RETRY_EVERY ago: a hung server then costs
        the wait of one attempt every few seconds, not one per ticket."""
        if self.journal.get("mode", ONLINE) != OFFLINE:
            return True
        last = self.journal.get("last_attempt")
        return last is None or self.clock() - datetime.fromisoformat(last) >= RETRY_EVERY

    def issue(self, service_code: str, priority_kind: str | None = None) -> tuple[TicketView, bool]:
        """A ticket from the central store, or from the leased numbers when it does not answer; True: offline."""
        from app.services import queue

        view = self.on_server(lambda: queue.issue_ticket(self.ctx, service_code, priority_kind))
        if view is not None:
            return view, False
        return self.issue_ticket(service_code, priority_kind), True

    def on_server(self, work: Callable[[], T]) -> T | None:
        """Do `work` on the central store when it is to be tried now; None when it does not answer (the station is
        then offline). A busy server or a refusal is raised as online."""
        if not self.should_try_server():
            return None
        try:
            result = work()
        except StoreUnavailable as exc:
            if not is_unreachable(exc):
                raise
            self.went_offline()
            return None
        if self.journal.get("mode", ONLINE) != ONLINE:
            self.went_online()
        return result

    def went_online(self) -> None:
        """The server answered."""
        self.journal.set(mode=ONLINE, offline_since=None, last_contact=self.clock().isoformat())

    def status(self) -> dict[str, Any]:
        """Mode, last contact, since when offline, leases held, items waiting (JSON-able)."""
        leases = self.journal.leases()
        return {"mode": self.journal.get("mode", ONLINE), "last_contact": self.journal.get("last_contact"),
                "offline_since": self.journal.get("offline_since"), "station_id": str(self.station_id),
                "station": self.kind, "waiting": self.journal.pending_count(),
                "reference": self.journal.get("refreshed_at"),
                # items the server did not take yet, with why (a ticket not central yet, a dossier code it does
                # not know, a refusal): they are tried again at every sync
                "held_back": [{"id": str(x.id)[:ID_SHOWN], "kind": x.kind, "what": _what(x),
                               "attempts": x.attempts, "error": x.last_error}
                              for x in self.journal.pending() if x.last_error],
                # items an officer set aside (`set_aside`): no longer tried; reported = the server has the event
                "set_aside": [{"id": str(x.item.id)[:ID_SHOWN], "kind": x.item.kind, "what": _what(x.item),
                               "reason": x.reason, "officer": x.officer_login, "at": x.at.isoformat(),
                               "reported": x.reported_at is not None} for x in self.journal.set_aside()],
                "leases": [{"kind": x.kind, "scope": x.scope, "day": x.day.isoformat(), "first": x.first_seq,
                            "last": x.last_seq, "left": x.left} for x in leases]}

    def waiting(self) -> int:
        """Items made offline and not yet central."""
        return self.journal.pending_count()

    # --- offline work ------------------------------------------------------------------------------------------

    def issue_ticket(self, service_code: str, priority_kind: str | None = None) -> TicketView:
        """A ticket from the station's leased numbers, queued for replay (the server is not answering)."""
        if priority_kind is not None and priority_kind not in rules.PRIORITY_KINDS:
            raise QueueError(translate("services.offline", "Loại ưu tiên không hợp lệ: %1").arg(priority_kind))
        asked = service_code.strip().upper()
        service = next((v for v in self._ref("services") if v["code"] == asked and v["active"]), None)
        if service is None:
            raise NotFound(translate("services.offline", "Không có dịch vụ mã «%1»").arg(service_code))
        now = self.clock()
        day = now.astimezone(LOCAL_TZ).date()
        ticket_id = uuid.uuid4()
        with self.journal.recording() as c:
            try:
                seq = self.journal.take_number(c, central.TICKET, f"service:{service['id']}", day)
            except LeaseExhausted:
                raise NoLeaseLeft(translate(
                    "services.offline", "Mất kết nối tới máy chủ và máy này đã dùng hết số dự phòng của "
                                        "dịch vụ «%1»; xin mời tới quầy hướng dẫn").arg(service["name"])) from None
            cap = service["daily_cap"]
            if cap is not None and seq > cap:
                raise QueueError(translate(
                    "services.offline", "Dịch vụ «%1» đã hết số hôm nay (%2 số); xin mời quay lại vào ngày "
                                        "làm việc tiếp theo").arg(service["name"], cap))
            number = rules.number_for(seq, service["range_start"], service["range_end"])
            display = rules.display_number(service["prefix"], number, service["range_end"])
            self.journal.add_item(c, ticket_id, central.TICKET, {
                "id": str(ticket_id), "event_id": str(uuid.uuid4()), "service_id": service["id"],
                "day": day.isoformat(), "seq": seq, "number": number, "display": display, "priority": priority_kind,
                "at": now.isoformat(), "station": str(self.station_id)}, now)
        return TicketView(ticket_id, display, number, service["code"], service["name"], "waiting", priority_kind, now,
                          None, None, 0, False, 0, 0)

    def issue_result_ticket(self, scanned: str) -> TicketView:
        """Offline, a receipt scanned at the kiosk: a ticket of the centre's result-return service (the setting
        `result_return_service`), not joined to the dossier, which the kiosk cannot look up; the officer reads the
        receipt at the counter."""
        from app.domain.dossier import looks_like_dossier_code

        if not looks_like_dossier_code(scanned.strip()):
            raise NotFound(translate(
                "services.offline", "Mã vừa quét không phải mã hồ sơ trên Giấy tiếp nhận hồ sơ và hẹn trả "
                                    "kết quả"))
        service = str(self.setting("result_return_service") or "").strip().upper()
        if not service:
            raise QueueError(translate(
                "services.offline", "Xin mời chạm vào lĩnh vực của hồ sơ trên màn hình để lấy số nhận "
                                    "kết quả"))
        return self.issue_ticket(service)

    def receive(self, actor: Actor, procedure_code: str, draft: IntakeDraft,
                request_id: uuid.UUID | None = None) -> tuple[str, bool]:
        """Receive a dossier on the central store, or from the journal when it does not answer; the code and
        whether it was offline. One request id for both, so a reception whose reply was lost is never doubled."""
        from app.services import dossiers

        request_id = request_id or uuid.uuid4()
        view = self.on_server(lambda: dossiers.receive_dossier(
            self.ctx, actor, dossiers.procedure_id_by_code(self.ctx, procedure_code), draft, request_id=request_id))
        if view is not None:
            return view.code, False
        return self.receive_dossier(actor, procedure_code, draft, request_id=request_id).code, True

    def receive_dossier(self, actor: Actor, procedure_code: str, draft: IntakeDraft, *,
                        ticket_number: str | None = None, resolve_on_the_spot: bool = False,
                        request_id: uuid.UUID | None = None) -> OfflineDossier:
        """A dossier received from the journal alone: validated as online, due date from the local calendar,
        code and register line from leased blocks, queued for replay."""
        procedure = next((p for p in self._ref("procedures") if p["code"] == procedure_code.strip()), None)
        if procedure is None:
            raise NotFound(translate("services.offline", "Không có thủ tục mã «%1»").arg(procedure_code))
        if not procedure["active"]:
            raise NotFound(translate("services.offline", "Thủ tục «%1» đã ngừng áp dụng").arg(procedure["name"]))
        agency = next(a for a in self._ref("agencies") if a["id"] == procedure["agency_id"])
        policy = ProcedurePolicy(procedure["postal_allowed"], procedure["online_level"], procedure["on_the_spot"])
        clean = draft.validated(policy, resolve_on_the_spot=resolve_on_the_spot)
        request_id = request_id or uuid.uuid4()
        now = self.clock()
        day = now.astimezone(LOCAL_TZ).date()
        cutoff = time.fromisoformat(procedure["cutoff"]) if procedure["cutoff"] else None
        due = calendar.due_at(now, procedure["processing_value"], procedure["processing_unit"],
                              self.calendar([now.year, now.year + 1 + procedure["processing_value"] // 200]), cutoff)
        if any(p.get("request_id") == str(request_id) for p in self.journal.local_items(central.DOSSIER)):
            raise Conflict(translate(
                "services.offline", "Mã yêu cầu %1 đã dùng cho một hồ sơ tiếp nhận tại máy này; hãy mở "
                                    "biểu mẫu mới").arg(request_id))
        with self.journal.recording() as c:
            try:
                seq = self.journal.take_number(c, central.DOSSIER, f"agency:{agency['id']}", day)
                line = self.journal.take_number(c, central.REGISTER, "centre", date(day.year, 1, 1))
            except LeaseExhausted:
                raise NoLeaseLeft(translate(
                    "services.offline", "Mất kết nối tới máy chủ và quầy này không còn mã hồ sơ dự phòng "
                                        "của «%1»; ghi phiếu tay và nhập lại khi có kết nối")
                    .arg(agency["name"])) from None
            code = format_dossier_code(agency["identifier"], day, seq)
            self.journal.add_item(c, request_id, central.DOSSIER, {
                "request_id": str(request_id), "procedure_id": procedure["id"], "code": code, "seq": seq,
                "register_line": line, "received_at": now.isoformat(), "due_at": due.isoformat(),
                "draft": central.dossier_payload(draft), "ticket_number": ticket_number,
                "on_the_spot": resolve_on_the_spot, "station": str(self.station_id),
                "officer": {"id": actor.officer_id, "login": actor.login, "full_name": actor.full_name,
                            "role": actor.role.value} if actor.officer_id is not None else None}, now)
        return OfflineDossier(request_id, code, procedure["code"], procedure["name"], agency["name"],
                              clean.applicant_name, now, due, line, procedure["fee_vnd"],
                              actor.full_name if actor.officer_id is not None else None)

    def call_number(self, actor: Actor, display_number: str) -> str:
        """Call the ticket the citizen holds, by its printed number (typed or scanned): offline, the counter
        cannot see the hall's queue. Returns the number as recorded."""
        number = display_number.strip()
        if not number:
            raise QueueError(translate("services.offline", "Số phiếu: hãy nhập số in trên phiếu của người dân"))
        held = self.journal.get("held")
        if held and held["status"] in ("called", "serving"):
            raise QueueError(translate(
                "services.offline", "Quầy đang giữ số %1: hãy kết thúc hoặc đánh dấu vắng mặt trước")
                .arg(held["display"]))
        self._ticket_event(actor, number, "called")
        self.journal.set(held={"display": number, "status": "called"})
        return number

    def act_on_held(self, actor: Actor, event: str) -> str:
        """Start serving, finish, recall or mark absent the ticket the counter called offline."""
        held = self.journal.get("held")
        if not held:
            raise QueueError(translate("services.offline", "Quầy %1 chưa gọi số nào").arg(self.counter_number))
        after = rules.next_status(rules.TicketStatus(held["status"]), event, held["display"])
        at = self._ticket_event(actor, held["display"], event)
        self.journal.set(held=None if after.value in ("finished", "no_show") else
                         {"display": held["display"], "status": after.value})
        if after.value == "finished":  # the keypad waits for the citizen's vote on it, as online
            self.arm_keypad(held["display"], at + timedelta(seconds=int(self.setting("rating_timeout_s"))),
                            actor.officer_id)
        return str(held["display"])

    def _own_counter(self) -> dict[str, Any] | None:
        return next((c for c in self._ref("counters") if c["number"] == self.counter_number), None)

    def _ticket_event(self, actor: Actor, number: str, kind: str) -> datetime:
        counter = self._own_counter()
        now = self.clock()
        event_id = uuid.uuid4()
        with self.journal.recording() as c:
            self.journal.add_item(c, event_id, "ticket_event", {
                "id": str(event_id), "display": number, "kind": kind, "at": now.isoformat(),
                "counter_id": counter["id"] if counter else None, "officer_id": actor.officer_id,
                "station": str(self.station_id)}, now)
        return now

    def transfer_held(self, actor: Actor, service_code: str, to_counter: int | None = None) -> str:
        """Offline, send the ticket the counter holds to another service (optionally reserved for one counter),
        chosen from the journal's services: the citizen keeps the number and waits in that queue once the server
        has the transfer (`offline_central.replay_transfer`). Returns the number sent."""
        require_role(actor.role, Role.OFFICER, translate("services.offline", "chuyển số"))  # no server to ask
        held = self.journal.get("held")
        if not held:
            raise QueueError(translate("services.offline", "Quầy %1 chưa gọi số nào").arg(self.counter_number))
        rules.next_status(rules.TicketStatus(held["status"]), "transferred", held["display"])
        asked = service_code.strip().upper()
        service = next((v for v in self._ref("services") if v["code"] == asked and v["active"]), None)
        if service is None:
            raise NotFound(translate("services.offline", "Không có dịch vụ mã «%1»").arg(service_code))
        target = None
        if to_counter is not None:
            target = next((c for c in self._ref("counters") if c["number"] == to_counter and c["active"]), None)
            if target is None:
                raise NotFound(translate("services.offline", "Không có quầy số %1").arg(to_counter))
        own = self._own_counter()
        now = self.clock()
        event_id = uuid.uuid4()
        with self.journal.recording() as c:
            self.journal.add_item(c, event_id, TRANSFER, {
                "id": str(event_id), "new_id": str(uuid.uuid4()), "new_event_id": str(uuid.uuid4()),
                "display": held["display"], "service_id": service["id"], "service_code": service["code"],
                "to_counter_id": target["id"] if target else None, "at": now.isoformat(),
                "counter_id": own["id"] if own else None, "officer_id": actor.officer_id,
                "station": str(self.station_id)}, now)
        self.journal.set(held=None)
        return str(held["display"])

    def arm_keypad(self, display_number: str, until: datetime, officer_id: int | None = None) -> None:
        """The counter's keypad waits for the citizen's vote on this ticket until `until`: after an offline finish,
        or a finish online just before the server stopped answering (the window hands its feedback over)."""
        self.journal.set(armed={"display": display_number, "until": until.isoformat(), "officer_id": officer_id})

    def armed(self) -> tuple[str, datetime] | None:
        """The ticket the keypad waits for a vote on, offline, and until when (None: disarmed or voted)."""
        armed = self.journal.get("armed")
        if not armed or armed.get("voted") is not None:
            return None
        return str(armed["display"]), datetime.fromisoformat(armed["until"])

    def record_vote(self, raw_key: str, *, at: datetime | None = None,
                    key_map: dict[str, int] | None = None) -> PressResult:
        """Offline, one press of this counter's keypad: the vote of the ticket just finished here while the keypad
        is armed (one vote per ticket, within the centre's `rating_timeout_s`), queued with the ticket's number,
        the counter, the officer and the time; any other press is a stray press (not queued)."""
        from app.domain import satisfaction
        from app.services.ratings import PressResult

        now = at or self.clock()
        scale = int(self.setting("rating_scale"))
        level = (key_map or satisfaction.default_key_map(scale)).get(raw_key)
        armed = self.journal.get("armed")
        if level is None:
            return PressResult("stray", self.counter_number, raw_key, now, reason="unknown_key")
        if not armed or now > datetime.fromisoformat(armed["until"]):
            return PressResult("stray", self.counter_number, raw_key, now, reason="disarmed")
        if armed.get("voted") is not None:
            return PressResult("stray", self.counter_number, raw_key, now, reason="already_rated")
        own = self._own_counter()
        rating_id = uuid.uuid4()
        with self.journal.recording() as c:
            self.journal.add_item(c, rating_id, RATING, {
                "id": str(rating_id), "display": armed["display"], "level": level, "scale": scale,
                "raw_key": raw_key, "at": now.isoformat(), "counter_id": own["id"] if own else None,
                "officer_id": armed.get("officer_id"), "station": str(self.station_id)}, now)
        self.journal.set(armed={**armed, "voted": level})
        return PressResult("vote", self.counter_number, raw_key, now, level, rating_id, None, armed["display"])

    def record_payment(self, actor: Actor, code: str, amount_vnd: int, method: str, receipt_no: str) -> str:
        """Offline, a fee paid for a dossier (received offline here, or online before): checked as online
        (`lifecycle.check_payment`), queued with its time and officer, replayed as the dossier's payment. The
        dossier code cannot be looked up offline: it must look like one; a code the server does not know waits in
        the outbox. Returns the code."""
        from app.domain.dossier import looks_like_dossier_code
        from app.services.lifecycle import check_payment

        require_role(actor.role, Role.OFFICER, translate("services.offline", "thu phí, lệ phí"))
        receipt = check_payment(amount_vnd, method, receipt_no)
        wanted = code.strip()
        if not looks_like_dossier_code(wanted):
            raise NotFound(translate("services.offline", "«%1» không phải mã hồ sơ").arg(code))
        now = self.clock()
        payment_id = uuid.uuid4()
        with self.journal.recording() as c:
            self.journal.add_item(c, payment_id, PAYMENT, {
                "id": str(payment_id), "code": wanted, "amount_vnd": amount_vnd, "method": method,
                "receipt_no": receipt, "at": now.isoformat(), "officer_id": actor.officer_id,
                "station": str(self.station_id)}, now)
        return wanted

    def received_here(self, code: str) -> tuple[str, int] | None:
        """A dossier received offline at this station by its code: (applicant's name, the procedure's fee in đồng)
        for the payment form; None for any other code (the server is not there to ask)."""
        item = next((x for x in self.journal.local_items(central.DOSSIER) if x["code"] == code.strip()), None)
        if item is None:
            return None
        procedure = next((p for p in self._ref("procedures") if p["id"] == item["procedure_id"]), None)
        return str(item["draft"].get("applicant_name") or ""), int(procedure["fee_vnd"] if procedure else 0)

    def record_printed(self, ticket_id: uuid.UUID, printed: bool, reason: str | None = None) -> None:
        """Whether the paper of a ticket issued offline came out of the printer: queued after the ticket, replayed
        as online (`queue.mark_printed`: the ticket's `printed` and a «printed»/«print_failed» event)."""
        now = self.clock()
        event_id = uuid.uuid4()
        with self.journal.recording() as c:
            self.journal.add_item(c, event_id, PRINTED, {
                "id": str(event_id), "ticket_id": str(ticket_id), "printed": printed, "reason": reason,
                "at": now.isoformat(), "station": str(self.station_id)}, now)

    def setting(self, key: str) -> Any:
        """A centre setting as the journal last saw it (its default when unset), as `centre_setting` online."""
        from app.config import spec

        return spec(key).coerce((self.journal.reference("settings") or {}).get(key))

    def centre_name(self) -> str:
        """The centre's name as the journal last saw it (what a ticket or a receipt prints offline)."""
        return str(self.setting("centre_name"))

    def procedure(self, code: str) -> dict[str, Any]:
        """A procedure of the journal's catalogue by its code (NotFound when the journal does not hold it)."""
        found = next((p for p in self._ref("procedures") if p["code"] == code.strip()), None)
        if found is None:
            raise NotFound(translate("services.offline", "Không có thủ tục mã «%1»").arg(code))
        return found

    def catalogue(self) -> tuple[ProcedureIndex, list[ProcedureView]]:
        """The active procedures as the journal last saw them, with their search index (the intake form opened
        while the server does not answer), in catalogue order."""
        from app.domain.catalog import DocumentDraft, ProcedureDraft, ProcedureIndex
        from app.services.catalog import ProcedureView

        agencies = {a["id"]: (i, a["name"]) for i, a in enumerate(self._ref("agencies"))}
        views = [ProcedureView(p["id"], p["agency_id"], agencies[p["agency_id"]][1], ProcedureDraft(
            p["code"], p["name"], p["processing_value"], p["processing_unit"], p["fee_vnd"],
            time.fromisoformat(p["cutoff"]) if p["cutoff"] else None, on_the_spot=p["on_the_spot"],
            online_level=p["online_level"], postal_allowed=p["postal_allowed"],
            documents=[DocumentDraft(d["name"], d["kind"], d["count"]) for d in p["documents"]]), True)
            for p in sorted(self._ref("procedures"), key=lambda p: (agencies[p["agency_id"]][0], p["id"]))
            if p["active"] and p["agency_id"] in agencies]
        index = ProcedureIndex([ProcedureIndex.entry(v.id, v.agency_id, v.draft.code, v.draft.name, v.agency_name)
                                for v in views])
        return index, views

    def service_views(self) -> list[ServiceView]:
        """The active queue services as the journal last saw them (a window that starts or reloads offline)."""
        from app.services.hall import ServiceDraft, ServiceView

        return [ServiceView(v["id"], ServiceDraft(v["code"], v["name"], v["prefix"], v["range_start"], v["range_end"],
                                                  v["daily_cap"], v["avg_service_minutes"], (), v["active"],
                                                  v.get("name_en", "")), ())
                for v in self._ref("services") if v["active"]]

    def held(self) -> tuple[str, str] | None:
        """The ticket this counter called offline and holds now: (its number, «called» or «serving»)."""
        held = self.journal.get("held")
        return (str(held["display"]), str(held["status"])) if held else None

    def hold(self, display_number: str, status: str) -> None:
        """The counter held this ticket (called online) when the server stopped answering: offline it finishes it."""
        self.journal.set(held={"display": display_number, "status": status})

    def release_held(self) -> None:
        """The server answers again: the ticket the counter holds is the server's to say (after the replay)."""
        self.journal.set(held=None)

    def remember_sign_in(self, login: str, password: str) -> None:
        """After an online sign-in at this station: keep a hash of the password made here, so this officer can
        sign in here while the server does not answer. The server's own hash never leaves the server (no station
        role may read it, docs/security.md); a station keeps only the officers who worked on it."""
        from app.services.accounts import hash_password

        kept = dict(self.journal.get("kept_credentials") or {})
        kept[login.strip().lower()] = hash_password(password)
        self.journal.set(kept_credentials=kept)

    def sign_in(self, login: str, password: str) -> Actor:
        """Sign in against the hash this station kept at the officer's last online sign-in here (the server does
        not answer), if the journal still lists the account as active. The same refusal for every failure, as
        online; wrong attempts are counted in the journal and lock the login on this station after the centre's
        `lockout_attempts` (the central count resumes when the server answers)."""
        from app.services.accounts import SignInFailed, sign_in_refused, station_signed_in

        wanted = login.strip().lower()
        found = next((o for o in self._ref("officers") if o["login"] == wanted and o["active"]), None)
        failures = dict(self.journal.get("failed_sign_ins") or {})
        settings = self.journal.reference("settings") or {}
        limit = int(settings.get("lockout_attempts") or 5)
        locked = failures.get(wanted, 0) >= limit
        kept = (self.journal.get("kept_credentials") or {}).get(wanted) if found and not locked else None
        try:
            actor = station_signed_in(found or {"id": 0, "login": wanted, "full_name": "", "role": "officer"},
                                      kept, password)
        except SignInFailed:
            failures[wanted] = failures.get(wanted, 0) + 1
            self.journal.set(failed_sign_ins=failures)
            raise SignInFailed(sign_in_refused(int(settings.get("lockout_minutes") or 15))) from None
        if wanted in failures:
            failures.pop(wanted)
            self.journal.set(failed_sign_ins=failures)
        return actor

    def calendar(self, years: list[int]) -> calendar.WorkingCalendar:
        """The centre's working calendar as the journal last saw it."""
        cal = self.journal.reference("calendar") or {"overrides": [], "periods": []}
        overrides = [(date.fromisoformat(d), k) for d, k in cal["overrides"]]
        periods = tuple((time.fromisoformat(a), time.fromisoformat(b)) for a, b in cal["periods"])
        return calendar.WorkingCalendar.for_vietnam(years, [d for d, k in overrides if k == "off"],
                                                    [d for d, k in overrides if k == "work"],
                                                    periods or calendar.DEFAULT_PERIODS)

    def _ref(self, kind: str) -> list[dict[str, Any]]:
        data = self.journal.reference(kind)
        if data is None:
            raise StoreUnavailable(translate(
                "services.offline", "Mất kết nối tới máy chủ và máy này chưa từng đồng bộ dữ liệu "
                                    "(danh mục, số dự phòng); chạy «motcua sync now» khi có kết nối"))
        return list(data)

    # --- setting an item aside ---------------------------------------------------------------------------------

    def set_aside(self, actor: Actor, ref: str, reason: str) -> OutboxItem:
        """Set aside an outbox item the server keeps refusing (a payment for a mistyped dossier code): it is no
        longer tried nor counted as waiting, it stays in the journal as it was, and the next sync reports it to the
        server as an audit event with the reason and the officer (docs/offline.md, «Setting an item aside»).
        `ref`: the item's id or a unique prefix of at least SET_ASIDE_PREFIX characters."""
        require_role(actor.role, Role.OFFICER, translate("services.offline", "gác lại một mục chờ đồng bộ"))
        if actor.officer_id is None:
            raise PermissionDenied(translate("services.offline",
                                             "Gác lại một mục chờ đồng bộ cần một cán bộ đã đăng nhập"))
        why = unicodedata.normalize("NFC", reason or "").strip()
        if len(why) < SET_ASIDE_REASON:
            raise ValidationError("reason", translate(
                "services.offline", "Cần ghi lý do gác lại (ít nhất %1 ký tự)").arg(SET_ASIDE_REASON))
        wanted = (ref or "").strip().lower()
        if len(wanted) < SET_ASIDE_PREFIX or not set(wanted) <= set("0123456789abcdef-"):
            raise ValidationError("item", translate(
                "services.offline", "Mã mục «%1» không hợp lệ: cần mã của mục hoặc ít nhất %2 ký tự đầu của mã")
                .arg(ref).arg(SET_ASIDE_PREFIX))
        found = self.journal.items_by_prefix(wanted)
        if not found:
            raise NotFound(translate("services.offline", "Không có mục chờ đồng bộ nào mang mã «%1»").arg(ref))
        if len(found) > 1:
            raise Conflict(translate("services.offline", "Mã «%1» ứng với %2 mục; gõ thêm ký tự của mã")
                           .arg(ref).arg(len(found)))
        item = found[0]
        name = f"{item.kind} {_what(item)}"
        if item.sent_at is not None:
            raise Conflict(translate("services.offline", "Mục %1 đã được máy chủ nhận: không có gì để gác lại")
                           .arg(name))
        if any(x.item.id == item.id for x in self.journal.set_aside()):
            raise Conflict(translate("services.offline", "Mục %1 đã được gác lại").arg(name))
        if not item.last_error:
            raise Conflict(translate("services.offline", "Mục %1 chưa bị máy chủ từ chối: chỉ gác lại được mục máy "
                                                         "chủ không nhận").arg(name))
        self.journal.add_set_aside(item.id, self.clock(), actor.officer_id, actor.login, why)
        return item

    def _report_set_aside(self) -> int:
        """Each set-aside item the server was not told of yet: one audit event there, then marked reported here
        (after the commit: a station killed in between reports it again, which the event's id makes a no-op)."""
        told = 0
        for x in self.journal.set_aside(unreported_only=True):
            central.report_set_aside(self.ctx, self.station_id, x.item.id, x.item.kind, _what(x.item),
                                     x.item.payload, x.reason, x.at, x.officer_id, x.officer_login)
            self.journal.mark_reported(x.item.id, self.clock())
            told += 1
        return told

    # --- sync --------------------------------------------------------------------------------------------------

    def sync_now(self) -> SyncReport:
        """Replay the outbox in order, release finished leases, refresh the reference data, top the leases up.
        Raises StoreUnavailable (and records offline mode) when the server does not answer."""
        report = SyncReport()
        try:
            self._replay(report)
            report.set_aside_reported = self._report_set_aside()
            self._release(report)
            snapshot = central.reference_snapshot(self.ctx, self.kind)
            self.journal.save_reference(snapshot)
            # fresh hashes, and the central lockout count takes over again from the local one
            self.journal.set(refreshed_at=self.clock().isoformat(), failed_sign_ins=None)
            self._top_up(report, snapshot)
        except StoreUnavailable as exc:
            if is_unreachable(exc):
                self.went_offline()
            raise
        self.went_online()
        return report

    def replay(self) -> SyncReport:
        """Only replay the outbox (after an online command, when items wait)."""
        report = SyncReport()
        self._replay(report)
        return report

    def _replay(self, report: SyncReport) -> None:
        """In order: runs of tickets and ticket events in transactions of up to BATCH items, each dossier in its
        own; a batch the server refuses is replayed item by item, and an item it refuses (a rule, not the network)
        is kept with its error while the next ones go on (docs/offline.md, conflicts)."""
        pending = self.journal.pending()
        i = 0
        while i < len(pending):
            run = list(itertools.takewhile(lambda x: x.kind in central.BATCHED, pending[i:i + BATCH]))
            if len(run) > 1:
                try:
                    done = central.replay_batch(self.ctx, [(x.kind, x.payload) for x in run])
                except StoreUnavailable:
                    raise
                except Exception:  # one of them is refused: find it, item by item
                    done = None
                if done is not None:
                    self.journal.mark_sent_many([x.id for x in run], self.clock())
                    report.replayed += sum(done)
                    report.skipped += len(done) - sum(done)
                    i += len(run)
                    continue
            for item in run or pending[i:i + 1]:
                self._replay_one(item, report)
            i += max(1, len(run))

    def _replay_one(self, item: OutboxItem, report: SyncReport) -> None:
        try:
            done = central.REPLAYERS[item.kind](self.ctx, item.payload)
        except StoreUnavailable:
            raise
        except central.NotCentralYet as exc:
            self.journal.mark_failed(item.id, str(exc))
            report.deferred += 1
            return
        except Exception as exc:  # a refused item must not stop the others; kept with its reason
            self.journal.mark_failed(item.id, f"{type(exc).__name__}: {exc}")
            report.failed.append(_describe(item, exc))
            return
        self.journal.mark_sent(item.id, self.clock())
        if done:
            report.replayed += 1
        else:
            report.skipped += 1

    def _release(self, report: SyncReport) -> None:
        """Give back (or record as unused) the leases of past days and the used-up ones; only when no ticket or
        dossier waits in the outbox, so every number used is central before the lease's end is recorded."""
        if any(x.kind in (central.TICKET, central.DOSSIER) for x in self.journal.pending()):
            return  # a number of a block is still only here (an event waiting for its ticket holds nothing back)
        today = self.clock().astimezone(LOCAL_TZ).date()
        for lease in self.journal.leases():
            if lease.day >= today and lease.left and lease.kind != central.REGISTER:
                continue
            if lease.kind == central.REGISTER and lease.day.year >= today.year and lease.left:
                continue
            done = central.release_lease(self.ctx, lease.id, lease.used_upto)
            self.journal.mark_released(lease.id)
            report.leases_released += 1
            report.given_back += done.given_back
            report.unused += done.unused

    def needed(self, snapshot: dict[str, Any], day: date) -> list[tuple[str, str, date]]:
        """The sequences this station keeps a lease of: a kiosk's services; a counter's agencies (all of them
        unless the centre's `offline_agencies` names some) and the register."""
        if self.kind == "kiosk":
            return [(central.TICKET, f"service:{v['id']}", day) for v in snapshot["services"] if v["active"]]
        if self.kind == "counter":
            narrowed = {k.strip() for k in str(snapshot["settings"].get("offline_agencies") or "").split(",")
                        if k.strip()}
            agencies = [a for a in snapshot["agencies"] if a["active"] and (not narrowed or a["key"] in narrowed)]
            return ([(central.DOSSIER, f"agency:{a['id']}", day) for a in agencies]
                    + [(central.REGISTER, "centre", date(day.year, 1, 1))])
        return []

    def _top_up(self, report: SyncReport, snapshot: dict[str, Any]) -> None:
        """Hold a block with at least half a lease left for every sequence needed today, and for the next working
        day too in the last hour before closing (an outage at opening time still works)."""
        now = self.clock()
        today = now.astimezone(LOCAL_TZ).date()
        cal = self.calendar([today.year, today.year + 1])
        days = [today]
        if now >= cal.closing_on(today) - NEXT_DAY_LEAD or not cal.is_working_day(today):
            days.append(cal.next_working_day(today))
        held = self.journal.leases()
        for day in days:
            for kind, scope, seq_day in self.needed(snapshot, day):
                if kind == central.REGISTER and day != today:
                    continue  # one register block a year is kept topped up by today's check
                size = central.lease_size(self.ctx, kind, scope, day)
                left = sum(x.left for x in held if (x.kind, x.scope, x.day) == (kind, scope, seq_day))
                if left >= math.ceil(size / 2):
                    continue
                lease = central.take_lease(self.ctx, self.station_id, kind, scope, seq_day, size)
                self.journal.add_lease(lease.id, kind, scope, seq_day, lease.first_seq, lease.last_seq)
                report.leases_taken += 1


def _what(item: OutboxItem) -> str:
    return str(item.payload.get("display") or item.payload.get("code") or item.id)


def _describe(item: OutboxItem, exc: BaseException) -> str:
    return f"{item.kind} {_what(item)}: {exc}"


def lease_text(lease: JournalLease) -> str:
    """One line of a held lease, for `sync status`."""
    return f"{lease.kind} {lease.scope} {lease.day.isoformat()}: {lease.first_seq}–{lease.last_seq} (còn {lease.left})"


__all__ = ["OfflineStation", "OfflineDossier", "SyncReport", "NoLeaseLeft", "is_unreachable", "ONLINE", "OFFLINE"]
