"""Following a dossier to its result (theo dõi hồ sơ): the one table of allowed transitions, and the pure rules of
the due date (supplement pause or restart, apology with a new date)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum

from app.domain import calendar
from app.domain.calendar import LOCAL_TZ, WorkingCalendar
from app.domain.dossier import DossierStatus as S
from app.domain.errors import DomainError
from app.domain.messages import Message, translate

OPEN = frozenset({S.RECEIVED, S.PROCESSING, S.PAUSED, S.WAITING_PAYMENT})  # received and not closed
CLOCK_RUNNING = frozenset({S.RECEIVED, S.PROCESSING, S.WAITING_PAYMENT})  # open and not paused
OUTCOME_RESULT, OUTCOME_RETURNED = "result", "returned_to_applicant"


class TransitionRefused(DomainError):
    """The action is not allowed in the dossier's state, or a rule of the due date refuses it."""


class Action(StrEnum):
    """What an officer can do to a dossier: accept or refuse an online registration, then follow it once received."""

    HAND_OVER = "hand_over"
    HAND_BACK = "hand_back"
    REQUEST_SUPPLEMENT = "request_supplement"
    RESUME = "resume"
    AWAIT_PAYMENT = "await_payment"
    PAID = "paid"
    WITHDRAW = "withdraw"
    STOP = "stop"
    CANCEL = "cancel"
    RESOLVE = "resolve"
    RETURN_RESULT = "return_result"
    DISPATCH_BY_POST = "dispatch_by_post"
    APOLOGY = "apology"
    ACCEPT = "accept"
    REFUSE = "refuse"

    @property
    def label(self) -> str:
        """Vietnamese label (as in «không thể … hồ sơ»)."""
        return TRANSITIONS[self].label


@dataclass(frozen=True)
class Transition:
    """One row of the table: from which states, to which (None: unchanged), the event written, what it needs.

    `outcome` is set with `resolved_at` when the action closes the dossier (result or handed back without one).
    """

    label: str
    sources: frozenset[S]
    target: S | None
    event: str
    needs: tuple[str, ...] = ()
    outcome: str | None = None


def _t(label: str, sources: set[S], target: S | None, event: str, needs: tuple[str, ...] = (),
       outcome: str | None = None) -> Transition:
    return Transition(label, frozenset(sources), target, event, needs, outcome)


# THE table of the dossier's life (RULES-VN.md "Dossier states"); anything not here is refused.
TRANSITIONS: dict[Action, Transition] = {
    Action.HAND_OVER: _t(translate("domain.lifecycle", "chuyển cơ quan giải quyết"), {S.RECEIVED, S.PROCESSING},
                         S.PROCESSING, "handed_over", ("unit",)),
    Action.HAND_BACK: _t(translate("domain.lifecycle", "trả lại hồ sơ không giải quyết"),
                         {S.PROCESSING, S.WAITING_PAYMENT}, S.RESOLVED, "handed_back", ("reason",), OUTCOME_RETURNED),
    Action.REQUEST_SUPPLEMENT: _t(translate("domain.lifecycle", "yêu cầu bổ sung"), {S.RECEIVED, S.PROCESSING},
                                  S.PAUSED, "supplement_requested", ("reason", "items")),
    Action.RESUME: _t(translate("domain.lifecycle", "tiếp tục giải quyết"), {S.PAUSED}, S.PROCESSING, "resumed"),
    Action.AWAIT_PAYMENT: _t(translate("domain.lifecycle", "chờ nộp phí, lệ phí"), {S.RECEIVED, S.PROCESSING},
                             S.WAITING_PAYMENT, "payment_requested"),
    Action.PAID: _t(translate("domain.lifecycle", "ghi nhận đã nộp phí"), {S.WAITING_PAYMENT}, S.PROCESSING, "paid"),
    Action.WITHDRAW: _t(translate("domain.lifecycle", "rút hồ sơ"),
                        {S.RECEIVED, S.PROCESSING, S.PAUSED, S.WAITING_PAYMENT}, S.WITHDRAWN, "withdrawn", (),
                        OUTCOME_RETURNED),
    Action.STOP: _t(translate("domain.lifecycle", "dừng giải quyết"),
                    {S.RECEIVED, S.PROCESSING, S.PAUSED, S.WAITING_PAYMENT}, S.STOPPED, "stopped", ("reason",),
                    OUTCOME_RETURNED),
    Action.CANCEL: _t(translate("domain.lifecycle", "hủy"),
                      {S.REGISTERED, S.RECEIVED, S.PROCESSING, S.PAUSED, S.WAITING_PAYMENT}, S.CANCELLED,
                      "cancelled", ("reason",)),
    Action.RESOLVE: _t(translate("domain.lifecycle", "ghi nhận có kết quả"), {S.RECEIVED, S.PROCESSING}, S.RESOLVED,
                       "resolved", (), OUTCOME_RESULT),
    Action.RETURN_RESULT: _t(translate("domain.lifecycle", "trả kết quả"), {S.RESOLVED}, S.RETURNED, "returned"),
    Action.DISPATCH_BY_POST: _t(translate("domain.lifecycle", "gửi kết quả qua bưu chính"), {S.RESOLVED},
                                S.RETURNED, "dispatched_by_post", ("tracking",)),
    Action.APOLOGY: _t(translate("domain.lifecycle", "xin lỗi và hẹn lại ngày trả"), set(CLOCK_RUNNING), None,
                       "apologised", ("reason", "new_date")),
    # an online registration (đăng ký trực tuyến) at the counter: received (code and due date from this moment)
    # or refused with its reasons (Mẫu 03; never counted as received)
    Action.ACCEPT: _t(translate("domain.lifecycle", "tiếp nhận"), {S.REGISTERED}, S.RECEIVED, "accepted"),
    Action.REFUSE: _t(translate("domain.lifecycle", "từ chối tiếp nhận"), {S.REGISTERED}, S.REFUSED, "refused",
                      ("reason",)),
}

NEED_LABELS = {"unit": translate("domain.lifecycle", "đơn vị nhận hồ sơ"),
               "reason": translate("domain.lifecycle", "lý do"),
               "tracking": translate("domain.lifecycle", "số hiệu bưu gửi"),
               "new_date": translate("domain.lifecycle", "ngày hẹn trả mới"),
               "items": translate("domain.lifecycle", "giấy tờ cần bổ sung, hoàn thiện")}


def _listed(items: list[str]) -> Message:
    """«a», «b», «c» (at least one) as one marked message, so each item is translated with it."""
    quoted = [translate("domain.lifecycle", "«%1»").arg(item) for item in items]
    result = quoted[0]
    for item in quoted[1:]:
        result = translate("domain.lifecycle", "%1, %2").arg(result, item)
    return result


def parse_action(text: str) -> Action:
    """An action by its name (`hand_over` or `hand-over`); TransitionRefused otherwise."""
    try:
        return Action(text.strip().replace("-", "_"))
    except ValueError:
        raise TransitionRefused(translate("domain.lifecycle", "Không có thao tác «%1»; có: %2")
                                .arg(text, ", ".join(a.value for a in Action))) from None


def check_transition(status: str | S, action: Action) -> S:
    """The state after `action` from `status`, or TransitionRefused with a Vietnamese message."""
    current, row = S(status), TRANSITIONS[action]
    if current not in row.sources:
        allowed = _listed([s.label for s in S if s in row.sources])
        # «Không thể rút hồ sơ: hồ sơ đang ở …», never «rút hồ sơ hồ sơ» (the label may end with «hồ sơ»)
        raise TransitionRefused(translate("domain.lifecycle", "Không thể %1: hồ sơ đang ở trạng thái «%2»; chỉ được "
                                                              "khi hồ sơ %3").arg(row.label, current.label, allowed))
    return row.target or current


def missing_details(action: Action, details: dict[str, object]) -> list[str]:
    """The details the action needs that are missing or blank (by name)."""
    return [n for n in TRANSITIONS[action].needs if details.get(n) in (None, "") or
            (isinstance(details.get(n), str) and not str(details.get(n)).strip())]


# --- due date: supplement ---------------------------------------------------------------------------------------

def working_time_between(start: datetime, end: datetime, cal: WorkingCalendar) -> timedelta:
    """Working time (inside the working periods of working days) from `start` to `end`; zero if end ≤ start."""
    total, day = timedelta(0), calendar.to_local(start).date()
    last = calendar.to_local(end).date()
    while day <= last:
        for begin, finish in cal.periods_on(day):
            a, b = max(begin, start), min(finish, end)
            if a < b:
                total += b - a
        day += calendar.ONE_DAY
    return total


def due_after_pause(paused_at: datetime, resumed_at: datetime, due: datetime, cal: WorkingCalendar,
                    unit: str) -> datetime:
    """Pause policy: the working time left at the pause is counted again from the resume moment.

    For units counted in days the result is the end of the day it falls on (due dates compare as dates).
    """
    remaining = working_time_between(paused_at, due, cal)
    moment = calendar.add_working_time(resumed_at, remaining, cal)
    if unit == "working_hours":
        return moment
    return cal.closing_on(moment.date())


def due_after_restart(resumed_at: datetime, value: int, unit: str, cal: WorkingCalendar,
                      cutoff: object = None) -> datetime:
    """Restart policy: the full processing time again, as if received at the resume moment."""
    return calendar.due_at(resumed_at, value, unit, cal, cutoff)  # type: ignore[arg-type]


def check_supplement_request(requests_so_far: int) -> None:
    """Only one written supplement request (Mẫu 02) per dossier."""
    if requests_so_far >= 1:
        raise TransitionRefused(translate("domain.lifecycle", "Hồ sơ đã được yêu cầu bổ sung một lần; chỉ được yêu "
                                                              "cầu bổ sung bằng văn bản một lần duy nhất"))


# --- due date: apology (Mẫu 04) ---------------------------------------------------------------------------------

def latest_apology_day(due: date, cal: WorkingCalendar) -> date:
    """The last day an apology may be issued: one working day before the due date."""
    return cal.add_working_days(due, -1)


def check_apology(apologies_so_far: int, due: datetime | None, today: date, new_day: date,
                  cal: WorkingCalendar) -> datetime:
    """The new due moment (end of `new_day`) if an apology is allowed; TransitionRefused otherwise.

    Allowed once, no later than one working day before the due date, to a later working day.
    """
    if apologies_so_far >= 1:
        raise TransitionRefused(translate("domain.lifecycle", "Hồ sơ đã được hẹn lại ngày trả một lần; không được "
                                                              "gia hạn lần thứ hai"))
    if due is None:
        raise TransitionRefused(translate("domain.lifecycle", "Hồ sơ chưa có ngày hẹn trả để gia hạn"))
    due_day = due.astimezone(LOCAL_TZ).date()
    deadline = latest_apology_day(due_day, cal)
    if today > deadline:
        raise TransitionRefused(translate("domain.lifecycle", "Phải xin lỗi và hẹn lại chậm nhất 01 ngày làm việc "
                                                              "trước ngày hẹn trả (%1), tức là đến hết ngày %2")
                                .arg(f"{due_day:%d/%m/%Y}", f"{deadline:%d/%m/%Y}"))
    if new_day <= due_day:
        raise TransitionRefused(translate("domain.lifecycle", "Ngày hẹn trả mới (%1) phải sau ngày hẹn cũ (%2)")
                                .arg(f"{new_day:%d/%m/%Y}", f"{due_day:%d/%m/%Y}"))
    if not cal.is_working_day(new_day):
        raise TransitionRefused(translate("domain.lifecycle", "Ngày hẹn trả mới %1 không phải ngày làm việc")
                                .arg(f"{new_day:%d/%m/%Y}"))
    return cal.closing_on(new_day)


def statistical_timeliness(resolved_at: datetime, original_due: datetime | None,
                           due: datetime | None) -> calendar.Timeliness | None:
    """Early, on time or late, measured against the original due date (an apology's new date does not count)."""
    reference = original_due or due
    return calendar.timeliness(resolved_at, reference) if reference else None
