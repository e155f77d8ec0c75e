"""Audit events (issue 12 point 3) and calendar overrides both ways (issue 14 point 8): account, catalogue, settings
and calendar changes are recorded (who, what, before → after) in the chained `audit_events`; a public holiday can
be worked and a working day given off, with a reason, and due dates follow; the CLI reads it all back."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date, time

import pytest

from app.domain.errors import FormErrors
from app.services import accounts, audit, settings, workdays
from app.services.context import Actor, Context

HOLIDAY = date(2026, 9, 2)  # Quốc khánh, a Wednesday in the `holidays` package's data
WORKDAY = date(2026, 9, 3)  # Thursday


def test_a_public_holiday_worked_and_a_working_day_off_move_due_dates(demo_ctx: Context) -> None:
    admin = Actor.maintenance(demo_ctx)
    before = workdays.working_calendar(demo_ctx, [2026])
    assert not before.is_working_day(HOLIDAY) and before.is_working_day(WORKDAY)
    workdays.save_override(demo_ctx, admin, HOLIDAY, "work", "Trực phục vụ cao điểm")
    workdays.save_override(demo_ctx, admin, WORKDAY, "off", "Nghỉ bù theo quyết định của tỉnh")
    after = workdays.working_calendar(demo_ctx, [2026])
    assert after.is_working_day(HOLIDAY) and not after.is_working_day(WORKDAY)
    assert before.next_working_day(date(2026, 9, 1)) == date(2026, 9, 3)
    assert after.next_working_day(date(2026, 9, 1)) == HOLIDAY
    assert after.next_working_day(HOLIDAY) == date(2026, 9, 4)
    workdays.delete_override(demo_ctx, admin, HOLIDAY)
    assert not workdays.working_calendar(demo_ctx, [2026]).is_working_day(HOLIDAY)
    log = [(e.action, e.target, e.before, e.after) for e in audit.audit_log(demo_ctx) if e.action.startswith("cal")]
    assert log[-3:] == [
        ("calendar.set", "ngày 2026-09-02", None, {"kind": "work", "note": "Trực phục vụ cao điểm"}),
        ("calendar.set", "ngày 2026-09-03", None, {"kind": "off", "note": "Nghỉ bù theo quyết định của tỉnh"}),
        ("calendar.unset", "ngày 2026-09-02", {"kind": "work", "note": "Trực phục vụ cao điểm"}, None)]
    assert audit.verify(demo_ctx).intact


@pytest.mark.parametrize(("day", "kind", "note", "field"), [
    (WORKDAY, "work", "lý do", "day"),  # an ordinary weekday is already worked
    (HOLIDAY, "work", " ", "note"),  # no reason
    (HOLIDAY, "maybe", "lý do", "kind")])
def test_an_override_needs_a_reason_and_a_day_it_changes(demo_ctx: Context, day: date, kind: str, note: str,
                                                         field: str) -> None:
    with pytest.raises(FormErrors) as caught:
        workdays.save_override(demo_ctx, Actor.maintenance(demo_ctx), day, kind, note)
    assert [e.field for e in caught.value.errors] == [field]


def test_account_and_settings_changes_are_audited_without_secrets(demo_ctx: Context) -> None:
    admin = Actor.maintenance(demo_ctx)
    view = accounts.add_user(demo_ctx, admin, "kiemtra", "Nguyễn Văn Kiểm", "officer", "mat-khau-dai-1")
    accounts.update_user(demo_ctx, admin, view.id, "Nguyễn Văn Kiểm", "supervisor", False)
    accounts.set_password(demo_ctx, admin, "kiemtra", "mat-khau-dai-2")
    settings.set_centre_settings(demo_ctx, admin, {"rating_timeout_s": 45})
    workdays.set_working_periods(demo_ctx, admin, [(time(7, 30), time(11, 30)), (time(13, 30), time(17))])
    hours = audit.audit_log(demo_ctx)[-1]
    assert (hours.action, hours.before, hours.after) == (
        "calendar.hours", [["07:00", "11:30"], ["13:30", "17:00"]], [["07:30", "11:30"], ["13:30", "17:00"]])
    log = [(e.actor, e.action, e.target, e.before, e.after) for e in audit.audit_log(demo_ctx)][-5:-1]
    assert log[0] == ("system", "user.add", "tài khoản kiemtra", None,
                      {"full_name": "Nguyễn Văn Kiểm", "role": "officer", "active": True})
    assert log[1][1:] == ("user.update", "tài khoản kiemtra",
                          {"full_name": "Nguyễn Văn Kiểm", "role": "officer", "active": True},
                          {"full_name": "Nguyễn Văn Kiểm", "role": "supervisor", "active": False})
    assert log[2][1:] == ("user.passwd", "tài khoản kiemtra", None, None)
    assert log[3][1:3] == ("setting.set", "cài đặt rating_timeout_s") and log[3][4] == {"rating_timeout_s": 45}
    assert "argon2" not in json.dumps([e.as_json() for e in audit.audit_log(demo_ctx)], ensure_ascii=False)


def _motcua(url: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "app", "--db", url, *args], capture_output=True, text=True,
                          timeout=120)


def test_the_cli_sets_days_reads_the_log_and_verifies(demo_url: str) -> None:
    done = _motcua(demo_url, "calendar", "set", "2026-09-02", "--kind", "work", "--reason", "Trực cao điểm")
    assert done.returncode == 0 and "Đã đánh dấu 02/09/2026 là ngày làm việc." in done.stdout, done.stderr
    refused = _motcua(demo_url, "calendar", "set", "2026-09-03", "--kind", "work", "--reason", "x y")
    assert refused.returncode == 1 and "Traceback" not in refused.stderr
    assert "vốn là ngày làm việc" in refused.stderr.splitlines()[0]
    listed = json.loads(_motcua(demo_url, "--json", "calendar", "list").stdout)
    assert {"day": "2026-09-02", "kind": "work", "reason": "Trực cao điểm"} in listed
    log = _motcua(demo_url, "audit", "log")
    assert log.returncode == 0 and "calendar.set  ngày 2026-09-02: — → kind=work, note=Trực cao điểm" in log.stdout
    verified = _motcua(demo_url, "--json", "audit", "verify")
    assert verified.returncode == 0, verified.stdout
    assert json.loads(verified.stdout)["intact"] is True


def test_the_log_text_escapes_control_and_bidi_characters_from_the_data() -> None:
    assert audit.describe({"name": "a\x1b[31mb\u202ec", "gone": None, "periods": [["07:00", "11:30"]]}) == \
        "name=a\\x1b[31mb\\u202ec, gone=—, periods=[[07:00, 11:30]]"
    assert audit.describe("Sở Tư pháp") == "Sở Tư pháp"
