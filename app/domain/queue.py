"""The queue (hàng đợi): ticket states and their allowed changes, numbering within a range, and which ticket a
counter calls next (priority tickets interleaved so that nobody waits forever)."""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass
from enum import StrEnum

from app.domain.errors import DomainError
from app.domain.messages import translate


class TicketStatus(StrEnum):
    """Where a ticket is."""

    WAITING = "waiting"
    CALLED = "called"
    SERVING = "serving"
    FINISHED = "finished"
    NO_SHOW = "no_show"
    TRANSFERRED = "transferred"
    CANCELLED = "cancelled"

    @property
    def label(self) -> str:
        """Vietnamese label."""
        return {"waiting": translate("domain.queue", "Đang chờ"), "called": translate("domain.queue", "Đã gọi"),
                "serving": translate("domain.queue", "Đang phục vụ"), "finished": translate("domain.queue", "Đã xong"),
                "no_show": translate("domain.queue", "Vắng mặt"), "transferred": translate("domain.queue", "Đã chuyển"),
                "cancelled": translate("domain.queue", "Đã hủy")}[self.value]


ACTIVE = (TicketStatus.CALLED, TicketStatus.SERVING)


class CounterMode(StrEnum):
    """Whether a counter takes citizens: open (calls), paused (a short break), closed (for the day)."""

    OPEN = "open"
    PAUSED = "paused"
    CLOSED = "closed"

    @property
    def label(self) -> str:
        """Vietnamese label (the display shows it in the counter's cell)."""
        return {"open": translate("domain.queue", "Đang mở"), "paused": translate("domain.queue", "Tạm dừng"),
                "closed": translate("domain.queue", "Đã đóng")}[self.value]


def check_counter_mode_change(counter_number: int, to: CounterMode, holding: str | None) -> None:
    """A counter changes its mode only while it holds no ticket (the citizen at the counter is finished, marked
    absent or transferred first): QueueError otherwise."""
    if holding is not None and to is not CounterMode.OPEN:
        verb = translate("domain.queue", "tạm dừng") if to is CounterMode.PAUSED else translate("domain.queue", "đóng")
        raise QueueError(translate("domain.queue", "Quầy %1 đang có số %2: kết thúc, đánh dấu vắng mặt hoặc chuyển số "
                                                   "trước khi %3 quầy").arg(counter_number, holding, verb))


def check_counter_calls(counter_number: int, mode: CounterMode) -> None:
    """Only an open counter calls: QueueError naming the mode and the way back."""
    if mode is not CounterMode.OPEN:
        state = (translate("domain.queue", "đang tạm dừng") if mode is CounterMode.PAUSED
                 else translate("domain.queue", "đã đóng"))
        raise QueueError(translate("domain.queue", "Quầy %1 %2: mở lại quầy (F10) trước khi gọi số")
                         .arg(counter_number, state))

# event kind -> (statuses it may start from, status it leads to)
TRANSITIONS: dict[str, tuple[tuple[TicketStatus, ...], TicketStatus]] = {
    "called": ((TicketStatus.WAITING,), TicketStatus.CALLED),
    "recalled": ((TicketStatus.CALLED,), TicketStatus.CALLED),
    "serving": ((TicketStatus.CALLED,), TicketStatus.SERVING),
    "finished": ((TicketStatus.CALLED, TicketStatus.SERVING), TicketStatus.FINISHED),
    "no_show": ((TicketStatus.CALLED,), TicketStatus.NO_SHOW),
    "transferred": ((TicketStatus.WAITING, TicketStatus.CALLED, TicketStatus.SERVING), TicketStatus.TRANSFERRED),
    "cancelled": ((TicketStatus.WAITING,), TicketStatus.CANCELLED),
}

# what an officer does to the counter's own ticket -> the event it writes (calling the next one needs none held)
COUNTER_ACTIONS: dict[str, str] = {"recall": "recalled", "start_serving": "serving", "skip": "no_show",
                                   "transfer": "transferred", "finish": "finished", "finish_and_next": "finished"}


def counter_actions(holding: TicketStatus | None) -> set[str]:
    """What a counter may do: call the next ticket when it holds none, else each action whose event
    TRANSITIONS allows from the status of the ticket it holds (a counter holds only called or served ones)."""
    if holding is None:
        return {"call_next"}
    if holding not in ACTIVE:
        return set()
    return {action for action, event in COUNTER_ACTIONS.items() if holding in TRANSITIONS[event][0]}


PRIORITY_KINDS = {
    "elderly": translate("domain.queue", "Người cao tuổi"),
    "disabled": translate("domain.queue", "Người khuyết tật"),
    "pregnant": translate("domain.queue", "Phụ nữ mang thai"),
    "small_child": translate("domain.queue", "Người có con nhỏ"),
    "merit": translate("domain.queue", "Người có công với cách mạng"),
}


class QueueError(DomainError):
    """A queue action the rules refuse (message in Vietnamese)."""


def next_status(current: TicketStatus, event: str, display_number: str) -> TicketStatus:
    """The status after `event`, or QueueError when the rules do not allow it from `current`."""
    allowed, target = TRANSITIONS[event]
    if current not in allowed:
        raise QueueError(translate("domain.queue", "Số %1 đang ở trạng thái «%2»: không thể %3")
                         .arg(display_number, current.label, _EVENT_VERB[event]))
    return target


_EVENT_VERB = {"called": translate("domain.queue", "gọi"), "recalled": translate("domain.queue", "gọi lại"),
               "serving": translate("domain.queue", "bắt đầu phục vụ"),
               "finished": translate("domain.queue", "kết thúc"),
               "no_show": translate("domain.queue", "đánh dấu vắng mặt"),
               "transferred": translate("domain.queue", "chuyển"), "cancelled": translate("domain.queue", "hủy")}


def number_for(seq: int, range_start: int, range_end: int) -> int:
    """The printed number of the day's `seq`-th ticket: counts up from range_start and wraps at range_end."""
    if seq < 1:
        raise ValueError("seq starts at 1")
    return range_start + (seq - 1) % (range_end - range_start + 1)


def display_number(prefix: str, number: int, range_end: int) -> str:
    """What the ticket and the display show: prefix + number padded to the range's width ("A007", "1023")."""
    return f"{prefix}{number:0{len(str(range_end))}d}" if prefix else str(number)


@dataclass(frozen=True)
class Candidate:
    """A waiting ticket a counter could call."""

    ticket_id: object
    is_priority: bool


def choose_next(normal: Candidate | None, priority: Candidate | None, normals_since_priority: int,
                priority_every: int) -> Candidate | None:
    """Which of the earliest normal and earliest priority ticket to call: one priority after every N normal
    calls at this counter (N = priority_every); either kind when the other has nobody waiting."""
    if priority is None:
        return normal
    if normal is None or priority_every <= 0 or normals_since_priority >= priority_every:
        return priority
    return normal


def estimated_wait_minutes(people_ahead: int, avg_service_minutes: int, open_counters: int) -> int:
    """A rough wait: the people ahead shared among the counters that call this service."""
    if people_ahead <= 0:
        return 0
    return max(1, round(people_ahead * avg_service_minutes / max(1, open_counters)))


# The QR code on a printed ticket: the ticket's id, so a counter's scanner can call or serve that citizen directly,
# then "-" and the printed number, so a counter cut off from the server still calls it by its number (an older
# ticket without the number scans as before). Only characters of the QR alphanumeric mode (upper-case letters,
# digits, ":", "-"), so the code stays small (version 3, 29 × 29 modules); no personal data (tickets carry none).
TICKET_QR_PREFIX = "STT:"
_TICKET_QR = re.compile(r"STT:([0-9A-F]{32})(?:-([0-9A-Z]{1,16}))?")


def ticket_qr_payload(ticket_id: uuid.UUID, display_number: str | None = None) -> str:
    """What the ticket's QR code holds ("STT:" and the ticket's id in 32 upper-case hex digits, then "-" and the
    printed number when given)."""
    number = f"-{display_number.upper()}" if display_number and display_number.isalnum() else ""
    return TICKET_QR_PREFIX + ticket_id.hex.upper() + number


def parse_ticket_qr(text: str) -> uuid.UUID | None:
    """The ticket id of a scanned ticket QR, None when the text is something else."""
    m = _TICKET_QR.fullmatch(text.strip().upper())
    return uuid.UUID(hex=m[1]) if m else None


def ticket_qr_number(text: str) -> str | None:
    """The printed number a scanned ticket QR carries (None: not a ticket QR, or an older one without it)."""
    m = _TICKET_QR.fullmatch(text.strip().upper())
    return m[2] if m and m[2] else None
