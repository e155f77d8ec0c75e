"""The calendar tab (issue 14 point 8): a public holiday marked as a working day with a reason, a working day
marked off; a missing reason is refused at the field; the change is in the audit log."""

from __future__ import annotations

import os
from datetime import date

from PySide6.QtCore import QDate

from app.services import audit, workdays


def test_a_holiday_is_marked_worked_with_a_reason(qtbot, idle, window, demo_ctx, tmp_path) -> None:
    tab = window.calendar
    window.tabs.setCurrentWidget(tab)
    idle(window)
    tab.day.setDate(QDate(2026, 9, 2))  # Quốc khánh
    tab.kind.setCurrentIndex(tab.kind.findData("work"))
    tab.note.setText("")
    tab.save_override()
    idle(window)
    assert tab.fields.message("note") == "Cần ghi lý do (từ 2 đến 300 ký tự)"
    assert date(2026, 9, 2) not in {o.day for o in workdays.list_overrides(demo_ctx)}
    tab.note.setText("Trực phục vụ cao điểm")
    tab.save_override()
    idle(window)
    rows = [[tab.overrides.item(r, c).text() for c in range(3)] for r in range(tab.overrides.rowCount())]
    assert ["Thứ Tư, 02/09/2026", "Làm việc", "Trực phục vụ cao điểm"] in rows
    assert workdays.working_calendar(demo_ctx, [2026]).is_working_day(date(2026, 9, 2))
    assert audit.audit_log(demo_ctx)[-1].action == "calendar.set"
    if os.environ.get("MOTCUA_SHOTS"):
        window.grab().save(os.path.join(os.environ["MOTCUA_SHOTS"], "admin-calendar.png"))
