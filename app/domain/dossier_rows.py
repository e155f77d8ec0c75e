"""The cells of one line of the dossier import file (RULES-VN.md "Dossier import/export CSV") checked against
each other: code, applicant, channel, status and its moments, fee. Pure: the catalogue lookups (procedure, agency)
and the store are the service's (app.services.dossier_csv)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from app.domain.dossier import DossierCode, parse_dossier_code
from app.domain.errors import ValidationError
from app.domain.messages import translate
from app.domain.rows import RowReader
from app.domain.validators import (ADDRESS_MAX_LENGTH, check_text, normalize_name, normalize_phone,
                                   parse_cccd, parse_legacy_cmnd)

COLUMNS = ("code", "procedure_code", "agency_code", "channel", "online_level", "applicant_name", "id_number",
           "phone", "address", "received_at", "due_at", "status", "resolved_at", "outcome", "cancelled_at",
           "returned_at", "result_by_post", "fee_vnd", "paused_at")
OPTIONAL_COLUMNS = ("paused_at",)  # a file without the column reads as if every cell of it were empty
STATUSES = ("in_progress", "paused", "resolved", "cancelled")  # of a received dossier
REGISTERED = "registered"  # submitted on the public service portal, not yet received (đăng ký trực tuyến)
OUTCOMES = ("result", "returned_to_applicant")


def dossier_row_values(row: RowReader, now: datetime | None = None) -> dict[str, Any]:
    """The dossier columns one line gives (`fee_vnd` None when the cell is empty: the procedure's fee then);
    problems go to the row, in the order of the columns they concern. `now` (the import's moment) bounds the
    moments that already happened (received, resolved, cancelled, returned, paused) and the birth year in a CCCD.

    `_code` is the parsed code (None when empty or bad): the service checks its agency and day against the row."""
    code = row.text("code")
    parsed: DossierCode | None = None
    if code:
        try:
            parsed = parse_dossier_code(code)
        except ValidationError as exc:
            row.bad("code", exc.message)
    values = _applicant(row, now) | _channel(row) | _times(row, now)
    if values["_status"] == REGISTERED:
        _registration(row, values, code)
    fee = row.text("fee_vnd")
    if fee and not (fee.isdigit() and len(fee) <= 15):
        row.bad("fee_vnd", translate("domain.dossier_rows", "phải là số nguyên đồng, không âm"))
    return values | {"code": code, "_code": parsed, "fee_vnd": int(fee) if fee.isdigit() and len(fee) <= 15 else None}


def _registration(row: RowReader, values: dict[str, Any], code: str) -> None:
    """An online registration: channel online, the portal's code, no due date (it counts from acceptance)."""
    if values["channel"] and values["channel"] != "online":
        row.bad("status", translate("domain.dossier_rows", "registered chỉ dùng cho hồ sơ nộp trực tuyến "
                                                           "(channel online)"))
    if not code:
        row.bad("code", translate("domain.dossier_rows", "hồ sơ đăng ký trực tuyến phải có mã hồ sơ trên Cổng "
                                                         "dịch vụ công"))
    if values["due_at"] is not None:
        row.bad("due_at", translate("domain.dossier_rows", "để trống khi status là registered: hạn trả tính từ "
                                                           "lúc tiếp nhận tại quầy"))


def _applicant(row: RowReader, now: datetime | None) -> dict[str, Any]:
    """Name (the intake form's rule), CCCD (12 digits; a 9-digit CMND of the old records), phone, address."""
    name = _cell(row, "applicant_name", lambda text: normalize_name(text, "applicant_name"))
    id_number = "".join(row.text("id_number").split())
    if id_number:
        id_number = _cell(row, "id_number", lambda text: (
            parse_legacy_cmnd(text) if len(text) == 9 else
            parse_cccd(text, this_year=now.year if now else None).number))
    address = _cell(row, "address", lambda text: check_text(text, "address", max_length=ADDRESS_MAX_LENGTH))
    phone = row.text("phone")
    if phone:
        try:
            phone = normalize_phone(phone)
        except ValidationError as exc:
            row.bad("phone", exc.message)
    return {"applicant_name": name, "id_number": id_number or None, "phone": phone or None,
            "address": address or None}


def _cell(row: RowReader, column: str, check: Callable[[str], str]) -> str:
    """The cell through one of the shared field rules; '' and a problem (the rule's message) when it refuses."""
    try:
        return check(row.text(column))
    except ValidationError as exc:
        row.bad(column, exc.message)
        return ""


def _channel(row: RowReader) -> dict[str, Any]:
    channel = row.choice("channel", ("direct", "online", "postal"))
    level = row.choice("online_level", ("3", "4"), required=False)
    if channel == "online" and not level:
        row.bad("online_level", translate("domain.dossier_rows", "hồ sơ trực tuyến phải ghi mức độ 3 hoặc 4"))
    elif channel and channel != "online" and level:
        row.bad("online_level", translate("domain.dossier_rows", "chỉ ghi mức độ cho hồ sơ nộp trực tuyến"))
    post = row.choice("result_by_post", ("0", "1"), required=False)
    return {"channel": channel, "online_level": int(level) if level else None, "result_by_post": post == "1"}


def _times(row: RowReader, now: datetime | None) -> dict[str, Any]:
    """Received, due, status and its moments, checked against each other."""
    received, due = row.moment("received_at", required=True, latest=now), row.moment("due_at")
    status = row.choice("status", (*STATUSES, REGISTERED))
    resolved, cancelled, returned = (row.moment(c, latest=now) for c in ("resolved_at", "cancelled_at", "returned_at"))
    outcome = row.choice("outcome", OUTCOMES, required=False)
    needs = {"resolved_at": status == "resolved", "outcome": status == "resolved",
             "cancelled_at": status == "cancelled"}
    for column, needed in needs.items():
        present = bool(row.text(column))
        if status and needed and not present:
            row.bad(column, translate("domain.dossier_rows", "bắt buộc khi status là %1").arg(status))
        elif status and present and not needed:
            row.bad(column, translate("domain.dossier_rows", "chỉ ghi khi status là %1")
                    .arg("cancelled" if column == "cancelled_at" else "resolved"))
    if returned is not None and status and status != "resolved":
        row.bad("returned_at", translate("domain.dossier_rows", "chỉ ghi khi status là %1").arg("resolved"))
    paused = row.moment("paused_at", latest=now)
    if paused is not None and status and status != "paused":
        row.bad("paused_at", translate("domain.dossier_rows", "chỉ ghi khi status là %1").arg("paused"))
    elif status == "paused" and paused is None and not row.text("paused_at"):
        paused = received  # empty on a paused row: paused at its reception
    for column, moment, after in (("due_at", due, received), ("resolved_at", resolved, received),
                                  ("paused_at", paused if row.text("paused_at") else None, received),
                                  ("cancelled_at", cancelled, received), ("returned_at", returned, resolved)):
        if moment is not None and after is not None and moment < after:
            row.bad(column, translate("domain.dossier_rows", "sớm hơn thời điểm tiếp nhận") if after is received
                    else translate("domain.dossier_rows", "sớm hơn thời điểm có kết quả"))
    return {"received_at": received, "due_at": due, "_status": status, "resolved_at": resolved,
            "outcome": outcome or None, "cancelled_at": cancelled, "returned_at": returned,
            "paused_at": paused if status == "paused" else None}
