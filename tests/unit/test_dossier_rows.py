"""One line of the dossier import file checked without a store: values of a good line, every bad cell of a bad one."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from app.domain.dossier_rows import COLUMNS, dossier_row_values
from app.domain.rows import RowProblem, RowReader

GOOD = {"code": "", "procedure_code": "X", "agency_code": "", "channel": "online", "online_level": "4",
        "applicant_name": "Nguyễn Văn An", "id_number": "001 085 012 345", "phone": "0912 345 678",
        "address": "Lai Châu", "received_at": "2025-10-01T09:00:00", "due_at": "", "status": "resolved",
        "resolved_at": "2025-10-03T10:00:00+07:00", "outcome": "result", "cancelled_at": "", "returned_at": "",
        "result_by_post": "1", "fee_vnd": "", "paused_at": ""}


def test_a_good_line_gives_its_values_in_local_time() -> None:
    problems: list[RowProblem] = []
    values = dossier_row_values(RowReader(2, GOOD, problems))
    assert problems == []
    assert set(GOOD) == set(COLUMNS)
    assert values["received_at"] == datetime(2025, 10, 1, 2, tzinfo=timezone.utc)  # 09:00 in Hà Nội
    assert (values["id_number"], values["phone"], values["online_level"], values["result_by_post"]) == \
        ("001085012345", "0912345678", 4, True)
    assert values["fee_vnd"] is None and values["_status"] == "resolved" and values["outcome"] == "result"


def test_every_bad_cell_of_a_line_is_reported_in_column_order() -> None:
    problems: list[RowProblem] = []
    dossier_row_values(RowReader(7, GOOD | {"code": "nonsense", "channel": "fax", "received_at": "hôm qua",
                                            "status": "cancelled", "fee_vnd": "-5"}, problems))
    assert [(p.line, p.column) for p in problems] == [
        (7, "code"), (7, "channel"), (7, "received_at"), (7, "resolved_at"), (7, "outcome"), (7, "cancelled_at"),
        (7, "fee_vnd")]
    assert str(problems[-1]) == "dòng 7, cột fee_vnd (Phí, lệ phí): phải là số nguyên đồng, không âm"


def test_a_paused_line_is_paused_at_its_paused_at_or_at_its_reception() -> None:
    problems: list[RowProblem] = []
    paused = GOOD | {"status": "paused", "resolved_at": "", "outcome": ""}
    at = dossier_row_values(RowReader(2, paused | {"paused_at": "2025-10-02T14:00:00+07:00"}, problems))["paused_at"]
    assert at == datetime(2025, 10, 2, 7, tzinfo=timezone.utc)
    assert dossier_row_values(RowReader(3, paused, problems))["paused_at"] == datetime(2025, 10, 1, 2,
                                                                                      tzinfo=timezone.utc)
    assert dossier_row_values(RowReader(4, GOOD, problems))["paused_at"] is None  # not paused: no pause
    assert problems == []
    dossier_row_values(RowReader(5, GOOD | {"paused_at": "2025-10-02T14:00:00+07:00"}, problems))
    dossier_row_values(RowReader(6, paused | {"paused_at": "2025-09-30T14:00:00+07:00"}, problems))
    dossier_row_values(RowReader(7, paused | {"paused_at": "hôm qua"}, problems))
    assert [(p.line, p.column) for p in problems] == [(5, "paused_at"), (6, "paused_at"), (7, "paused_at")]
    assert "chỉ ghi khi status là paused" in problems[0].message and "sớm hơn" in problems[1].message
