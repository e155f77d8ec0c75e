"""Online applications (đăng ký trực tuyến): imported as registered, listed for the counter, accepted (code and
due date from the acceptance moment, Mẫu 01) or refused (Mẫu 03 with its reasons); Mẫu 03 never for a dossier
that was received; counted where the rules say (never as received until accepted)."""

from __future__ import annotations

import re
import shutil
from datetime import UTC, date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from app.domain.errors import DomainError
from app.domain.lifecycle import TransitionRefused
from app.services import (accounts, dossier_csv, dossier_forms, dossiers, lifecycle, lifecycle_forms,
                          online_report, period_report)
from app.services.catalog_io import ImportRejected
from app.services.context import Context
from tests.printing.test_receipt_pdf import pdf_text
from tests.services.test_dossier_csv import ROW, write

VN = ZoneInfo("Asia/Ho_Chi_Minh")
DATA = Path(__file__).resolve().parents[1] / "data" / "online-registrations.csv"
PORTAL_A, PORTAL_B = "H33.02-231026-0007", "H33.02-231027-0002"


@pytest.fixture()
def registered(demo_ctx: Context, tmp_path: Path) -> Context:
    """The two portal applications imported on Friday 27/10/2023 at 07:00."""
    moment = [datetime(2023, 10, 27, 7, 0, tzinfo=VN)]
    demo_ctx.clock = lambda: moment[0].astimezone(UTC)
    demo_ctx.moment = moment  # type: ignore[attr-defined]
    result = dossier_csv.import_file(demo_ctx, accounts.maintenance_acting_as(demo_ctx, "giamsat"),
                                     shutil.copy(DATA, tmp_path / "portal.csv"))
    assert (result.imported, result.skipped) == (2, 0)
    return demo_ctx


def test_imported_registrations_wait_for_the_counter_and_are_not_received(registered: Context,
                                                                        tmp_path: Path) -> None:
    ctx = registered
    waiting = lifecycle.registrations(ctx)
    assert [w.code for w in waiting] == [PORTAL_A, PORTAL_B]  # oldest first
    assert {w.status_label for w in waiting} == {"Đăng ký trực tuyến"}
    v = dossiers.get_dossier(ctx, PORTAL_A)
    assert v.status == "registered" and v.due_at is None and v.register_line is None and v.channel == "online"
    again = dossier_csv.import_file(ctx, accounts.maintenance_acting_as(ctx, "giamsat"), DATA)
    assert (again.imported, again.skipped) == (0, 2)  # idempotent on the portal's code
    exported = {r["code"]: r for r in dossier_csv.export_rows(ctx)}
    assert exported[PORTAL_A]["status"] == "registered" and exported[PORTAL_A]["due_at"] == ""
    report = period_report.period_report(ctx, date(2023, 10, 1), date(2023, 10, 31))
    assert report.total.received_total == 0  # registered is not received (RULES-VN.md: states)
    for number in ("01", "06"):  # no receipt nor control slip before the counter receives it
        with pytest.raises(TransitionRefused, match="chưa được tiếp nhận"):
            dossier_forms.render_form(ctx, accounts.maintenance_acting_as(ctx, "canbo01"), number, PORTAL_A,
                                      tmp_path / "no.pdf") if number == "01" else \
                lifecycle_forms.render_form(ctx, accounts.maintenance_acting_as(ctx, "canbo01"), number, PORTAL_A,
                                            tmp_path / "no.pdf")
    assert not (tmp_path / "no.pdf").exists()


def test_accepting_gives_a_code_and_due_date_from_that_moment_and_prints_mau_01(registered: Context,
                                                                                tmp_path: Path) -> None:
    ctx = registered
    ctx.moment[0] = datetime(2023, 10, 30, 9, 15, tzinfo=VN)  # type: ignore[attr-defined]  # Monday
    officer = accounts.maintenance_acting_as(ctx, "canbo01")
    view, out = dossier_forms.accept(ctx, officer, PORTAL_A, tmp_path / "01.pdf")
    assert view.status == "received" and view.code.startswith("000.00.02.H33-231030-")
    assert view.received_at == datetime(2023, 10, 30, 9, 15, tzinfo=VN)
    assert view.due_at is not None and view.due_at.astimezone(VN).date() > date(2023, 10, 30)
    assert view.register_line is not None and view.received_by_name == "Lò Văn Minh" and view.documents
    assert out is not None and view.code in pdf_text(out) and "GIẤY TIẾP NHẬN HỒ SƠ" in pdf_text(out)
    assert dossiers.get_dossier(ctx, PORTAL_A).code == view.code  # the portal's code still finds it
    assert [w.code for w in lifecycle.registrations(ctx)] == [PORTAL_B]
    again = dossier_csv.import_file(ctx, accounts.maintenance_acting_as(ctx, "giamsat"), DATA)
    assert again.imported == 0  # accepted, renamed, and still not imported twice
    with pytest.raises(TransitionRefused, match="Không thể tiếp nhận: hồ sơ đang ở trạng thái «Đã tiếp nhận»"):
        dossier_forms.accept(ctx, officer, view.code)
    october = period_report.period_report(ctx, date(2023, 10, 30), date(2023, 10, 31))
    assert october.total.received_online == october.total.online_level4 == 1


def test_refusing_prints_mau_03_with_its_reasons_and_a_copy_later(registered: Context, tmp_path: Path) -> None:
    ctx = registered
    officer = accounts.maintenance_acting_as(ctx, "canbo01")
    with pytest.raises(DomainError, match="Cần ghi lý do"):
        dossier_forms.refuse(ctx, officer, PORTAL_B, " ", tmp_path / "x.pdf")
    assert not (tmp_path / "x.pdf").exists()
    view, out = dossier_forms.refuse(ctx, officer, PORTAL_B, "Không thuộc thẩm quyền; Thiếu tờ khai có chữ ký",
                                     tmp_path / "03.pdf")
    assert view.status == "refused" and out is not None
    text = pdf_text(out)
    assert "PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ" in text and "1. Không thuộc thẩm quyền" in text
    assert "2. Thiếu tờ khai có chữ ký" in text and "Lò Văn Bình" in text and "BẢN SAO" not in text
    assert "Lò Văn Minh" in text and "Số: ……/……" in text
    copy = pdf_text(dossier_forms.render_form(ctx, officer, "03", PORTAL_B, tmp_path / "03b.pdf"))
    assert "(BẢN SAO)" in copy and "1. Không thuộc thẩm quyền" in copy
    assert lifecycle.registrations(ctx)[0].code == PORTAL_A
    with pytest.raises(TransitionRefused, match="Không thể tiếp nhận: hồ sơ đang ở trạng thái «Từ chối tiếp nhận»"):
        dossier_forms.accept(ctx, officer, PORTAL_B)


def test_mau_03_is_refused_for_a_received_resolved_or_returned_dossier(registered: Context, tmp_path: Path) -> None:
    ctx = registered
    officer = accounts.maintenance_acting_as(ctx, "canbo01")
    code = dossier_forms.accept(ctx, officer, PORTAL_A)[0].code
    for step in (None, "resolve", "return_result"):
        if step:
            lifecycle.apply_action(ctx, officer, code, step)
        label = dossiers.get_dossier(ctx, code).status_label
        with pytest.raises(TransitionRefused, match=f"Không in Mẫu 03 cho hồ sơ {code} đang ở trạng thái «{label}»"):
            dossier_forms.render_form(ctx, officer, "03", code, tmp_path / "no.pdf")
        assert not (tmp_path / "no.pdf").exists()


def test_registered_rows_must_be_online_with_the_portal_code_and_no_due_date(demo_ctx: Context,
                                                                             tmp_path: Path) -> None:
    bad = [ROW | {"status": "registered"},  # direct
           ROW | {"code": "", "channel": "online", "online_level": "4", "status": "registered"},
           ROW | {"code": "H33.02-231027-0009", "channel": "online", "online_level": "3", "status": "registered",
                  "due_at": "2023-11-03T17:00:00+07:00"}]
    with pytest.raises(ImportRejected) as info:
        dossier_csv.import_file(demo_ctx, accounts.maintenance_acting_as(demo_ctx, "giamsat"), write(tmp_path / "b.csv", bad))
    found = {(p.line, p.column) for p in info.value.problems}
    assert found == {(2, "status"), (3, "code"), (4, "due_at")}


def test_the_period_counts_registrations_accepted_refused_and_waiting_as_of_its_end(registered: Context) -> None:
    ctx = registered
    officer = accounts.maintenance_acting_as(ctx, "canbo01")
    october = (date(2023, 10, 1), date(2023, 10, 31))
    before = online_report.online_registrations(ctx, *october)
    assert [(r.label, r.registered, r.accepted, r.refused, r.waiting_at_end) for r in before] == \
        [("Sở Xây dựng", 2, 0, 0, 2), ("Tổng số", 2, 0, 0, 2)]
    ctx.moment[0] = datetime(2023, 10, 30, 9, 0, tzinfo=VN)  # type: ignore[attr-defined]
    dossier_forms.refuse(ctx, officer, PORTAL_B, "Không thuộc thẩm quyền")
    ctx.moment[0] = datetime(2023, 11, 2, 9, 0, tzinfo=VN)  # type: ignore[attr-defined]  # after October
    dossier_forms.accept(ctx, officer, PORTAL_A)
    total = online_report.online_registrations(ctx, *october)[-1]
    assert (total.registered, total.accepted, total.refused, total.waiting_at_end) == (2, 0, 1, 1)
    november = online_report.online_registrations(ctx, date(2023, 11, 1), date(2023, 11, 30))[-1]
    assert (november.registered, november.accepted, november.refused, november.waiting_at_end) == (0, 1, 0, 0)
    report = period_report.period_report(ctx, *october)
    assert report.total.received_total == 0  # refused and waiting: never received in October
    assert "Sở Xây dựng" in online_report.to_text(online_report.online_registrations(ctx, *october))


def test_report_period_and_daily_print_the_online_registrations(registered: Context, demo_url: str,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    from app import main as app_main

    dossier_forms.refuse(registered, accounts.maintenance_acting_as(registered, "canbo01"), PORTAL_B, "Sai thủ tục")
    assert app_main.main(["--db", demo_url, "report", "period", "--from", "2023-10-01", "--to", "2023-10-31"]) == 0
    out = capsys.readouterr().out
    assert "Hồ sơ đăng ký trực tuyến" in out
    assert re.search(r"^Sở Xây dựng\s+2\s+0\s+1\s+1$", out, re.M), out
    assert app_main.main(["--db", demo_url, "report", "daily", "--date", "2023-10-27"]) == 0
    day = capsys.readouterr().out  # registered the 27th: B (the 26th's A is waiting, not registered that day)
    assert re.search(r"^Tổng số\s+1\s+0\s+1\s+1$", day, re.M), day
    assert app_main.main(["--db", demo_url, "report", "period", "--from", "2023-09-01", "--to", "2023-09-30"]) == 0
    assert "Hồ sơ đăng ký trực tuyến" not in capsys.readouterr().out  # before any: nothing added
