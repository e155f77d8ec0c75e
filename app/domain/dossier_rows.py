"""The cells of one line of the dossier import file (RULES-VN.md "Dossier import/export CSV") checked against
each other: code, applicant, channel, status and its moments, fee. Pure: the catalogue lookups (procedure, agency)
and the store are the service's (app.services.dossier_csv)."""

from __future__ import annotations

from typing import Any

from app.domain.dossier import parse_dossier_code
from app.domain.errors import ValidationError
from app.domain.rows import RowReader
from app.domain.text import nfc
from app.domain.validators import normalize_phone

COLUMNS = ("code", "procedure_code", "agency_code", "channel", "online_level", "applicant_name", "id_number",
           "phone", "address", "received_at", "due_at", "status", "resolved_at", "outcome", "cancelled_at",
           "returned_at", "result_by_post", "fee_vnd")
STATUSES = ("in_progress", "paused", "resolved", "cancelled")  # of a received dossier
REGISTERED = "registered"  # submitted on the public service portal, not yet received (đăng ký trực tuyến)
OUTCOMES = ("result", "returned_to_applicant")


def dossier_row_values(row: RowReader) -> dict[str, Any]:
    """The dossier columns one line gives (`fee_vnd` None when the cell is empty: the procedure's fee then);
    problems go to the row, in the order of the columns they concern."""
    code = row.text("code")
    if code:
        try:
            parse_dossier_code(code)
        except ValidationError as exc:
            row.bad("code", exc.message)
    values = _applicant(row) | _channel(row) | _times(row)
    if values["_status"] == REGISTERED:
        _registration(row, values, code)
    fee = row.text("fee_vnd")
    if fee and not (fee.isdigit() and len(fee) <= 15):
        row.bad("fee_vnd", "phải là số nguyên đồng, không âm")
    return values | {"code": code, "fee_vnd": int(fee) if fee.isdigit() and len(fee) <= 15 else None}


def _registration(row: RowReader, values: dict[str, Any], code: str) -> None:
    """An online registration: channel online, the portal's code, no due date (it counts from acceptance)."""
    if values["channel"] and values["channel"] != "online":
        row.bad("status", "registered chỉ dùng cho hồ sơ nộp trực tuyến (channel online)")
    if not code:
        row.bad("code", "hồ sơ đăng ký trực tuyến phải có mã hồ sơ trên Cổng dịch vụ công")
    if values["due_at"] is not None:
        row.bad("due_at", "để trống khi status là registered: hạn trả tính từ lúc tiếp nhận tại quầy")


def _applicant(row: RowReader) -> dict[str, Any]:
    name = nfc(row.text("applicant_name"))
    if not 1 <= len(name) <= 300:
        row.bad("applicant_name", "phải có từ 1 đến 300 ký tự")
    id_number = "".join(row.text("id_number").split())
    if id_number and not (id_number.isalnum() and len(id_number) <= 20):
        row.bad("id_number", "chỉ gồm chữ số/chữ cái, tối đa 20 ký tự")
    phone = row.text("phone")
    if phone:
        try:
            phone = normalize_phone(phone)
        except ValidationError as exc:
            row.bad("phone", exc.message)
    return {"applicant_name": name, "id_number": id_number or None, "phone": phone or None,
            "address": nfc(row.text("address")) or None}


def _channel(row: RowReader) -> dict[str, Any]:
    channel = row.choice("channel", ("direct", "online", "postal"))
    level = row.choice("online_level", ("3", "4"), required=False)
    if channel == "online" and not level:
        row.bad("online_level", "hồ sơ trực tuyến phải ghi mức độ 3 hoặc 4")
    elif channel and channel != "online" and level:
        row.bad("online_level", "chỉ ghi mức độ cho hồ sơ nộp trực tuyến")
    post = row.choice("result_by_post", ("0", "1"), required=False)
    return {"channel": channel, "online_level": int(level) if level else None, "result_by_post": post == "1"}


def _times(row: RowReader) -> dict[str, Any]:
    """Received, due, status and its moments, checked against each other."""
    received, due = row.moment("received_at", required=True), row.moment("due_at")
    status = row.choice("status", (*STATUSES, REGISTERED))
    resolved, cancelled, returned = row.moment("resolved_at"), row.moment("cancelled_at"), row.moment("returned_at")
    outcome = row.choice("outcome", OUTCOMES, required=False)
    needs = {"resolved_at": status == "resolved", "outcome": status == "resolved",
             "cancelled_at": status == "cancelled"}
    for column, needed in needs.items():
        present = bool(row.text(column))
        if status and needed and not present:
            row.bad(column, f"bắt buộc khi status là {status}")
        elif status and present and not needed:
            row.bad(column, f"chỉ ghi khi status là {'cancelled' if column == 'cancelled_at' else 'resolved'}")
    if returned is not None and status and status != "resolved":
        row.bad("returned_at", "chỉ ghi khi status là resolved")
    for column, moment, after in (("due_at", due, received), ("resolved_at", resolved, received),
                                  ("cancelled_at", cancelled, received), ("returned_at", returned, resolved)):
        if moment is not None and after is not None and moment < after:
            row.bad(column, "sớm hơn thời điểm " + ("tiếp nhận" if after is received else "có kết quả"))
    return {"received_at": received, "due_at": due, "_status": status, "resolved_at": resolved,
            "outcome": outcome or None, "cancelled_at": cancelled, "returned_at": returned}
