"""The supervisor station on both backends: the live board follows other stations, the day and period tabs fill
and export, and an officer cannot open it."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter

from app.domain.dossier import IntakeDraft
from app.domain.errors import PermissionDenied
from app.services import accounts, dossiers, queue, ratings
from app.services.context import LOCAL_TZ
from app.ui.supervisor import SupervisorWindow
from tests.tooling import require_tool
from tests.ui.conftest import WAIT_MS, late_dossier, wait_idle


@pytest.fixture()
def supervisor(demo_ctx):  # type: ignore[no-untyped-def]
    """The demo supervisor giamsat (Trần Thị Giám), signed in."""
    return accounts.sign_in(demo_ctx, "giamsat", "giamsat123")


def open_supervisor(qtbot, ctx, actor) -> SupervisorWindow:  # type: ignore[no-untyped-def]
    w = SupervisorWindow(ctx, actor)
    qtbot.addWidget(w)
    w.resize(1366, 768)
    w.show()
    qtbot.waitUntil(lambda: not w.worker.busy and w.waiting("DD") != "", timeout=WAIT_MS)
    return w


@pytest.fixture()
def window(qtbot, demo_ctx, supervisor) -> Iterator[SupervisorWindow]:  # type: ignore[no-untyped-def]
    w = open_supervisor(qtbot, demo_ctx, supervisor)
    yield w
    w.close()


def test_the_live_board_follows_a_ticket_issued_elsewhere(qtbot, window, demo_ctx) -> None:
    assert window.waiting("DD") == "0"
    assert window.longest.text() == "Chờ lâu nhất hiện nay: không có ai chờ"
    queue.issue_ticket(demo_ctx, "DD")  # the kiosk, another station on the same store
    qtbot.waitUntil(lambda: window.waiting("DD") == "1", timeout=WAIT_MS)
    wait_idle(qtbot, window)
    assert window.summary.text().startswith("Hôm nay: 1 số đã lấy · 1 đang chờ · 0 đã phục vụ")
    officer = accounts.maintenance_acting_as(demo_ctx, "canbo01")
    queue.call_next(demo_ctx, officer, 1)
    qtbot.waitUntil(lambda: window.waiting("DD") == "0", timeout=WAIT_MS)
    wait_idle(qtbot, window)
    counters = {window.counters_table.item(r, 0).text(): window.counters_table.item(r, 2).text()
                for r in range(window.counters_table.rowCount())}
    assert counters["1"] == "1001"


def test_the_day_tab_lists_tickets_and_exports_csv(qtbot, window, demo_ctx, tmp_path: Path) -> None:
    queue.issue_ticket(demo_ctx, "TP")
    window.load_day()
    wait_idle(qtbot, window)
    assert window.tickets_table.rowCount() == 1 and window.tickets_table.item(0, 0).text() == "2001"
    assert window.service_stats.item(0, 0).text() == "TP" and window.service_stats.item(0, 1).text() == "1"
    out = tmp_path / "day.csv"
    window.export_day(out)
    wait_idle(qtbot, window)
    assert out.read_text(encoding="utf-8").splitlines()[1].startswith("2001,TP,waiting,")
    assert window.bar.current_text() == f"Đã lưu {out}"


def motcua(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    """The installed `motcua` script (else `python -m app`): another OS process on the same store."""
    script = Path(sys.executable).with_name("motcua")
    command = [str(script)] if script.exists() else [sys.executable, "-m", "app"]
    return subprocess.run([*command, *args], input=stdin, capture_output=True, text=True, timeout=120)


def counter_tickets(window: SupervisorWindow) -> dict[str, str]:
    table = window.counters_table
    return {table.item(r, 0).text(): table.item(r, 2).text() for r in range(table.rowCount())}


def test_the_live_board_follows_a_call_made_in_another_process(qtbot, window, demo_url: str) -> None:
    issued = motcua("--db", demo_url, "ticket", "issue", "--service", "DD")
    assert issued.returncode == 0 and issued.stdout.strip() == "1001", issued.stderr
    qtbot.waitUntil(lambda: window.waiting("DD") == "1", timeout=WAIT_MS)
    called = motcua("--db", demo_url, "queue", "call", "--counter", "1", "--officer", "canbo01", stdin="canbo123\n")
    assert called.returncode == 0, called.stderr
    qtbot.waitUntil(lambda: window.waiting("DD") == "0" and counter_tickets(window).get("1") == "1001",
                    timeout=WAIT_MS)


def text_of(pdf: Path) -> str:
    return subprocess.run([require_tool("pdftotext"), "-layout", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout


def test_the_day_tab_charts_filters_sorts_saves_and_prints(qtbot, window, demo_ctx, tmp_path: Path) -> None:
    for code in ("DD", "DD", "TP"):
        queue.issue_ticket(demo_ctx, code)
    officer = accounts.maintenance_acting_as(demo_ctx, "canbo01")
    queue.call_next(demo_ctx, officer, 1)
    queue.finish(demo_ctx, officer, 1)
    ratings.record_vote(demo_ctx, 1, "1")
    window.tabs.setCurrentIndex(1)
    window.load_day()
    wait_idle(qtbot, window)
    hour = f"{demo_ctx.now().astimezone(LOCAL_TZ).hour}h"
    assert window.hour_chart.bars() == [(hour, "Số đã lấy", 3.0)]
    assert [(c, s) for c, s, _ in window.wait_chart.bars()] in ([(hour, "Chờ TB")], [])  # 0 min if called at once
    assert window.rating_chart.bars() == [("Quầy 1", "Rất hài lòng", 1.0)]
    assert window.rating_chart.grab().width() > 0  # paints without a warning
    assert window.shown_ticket_numbers() == ["1001", "1002", "2001"]
    window.tickets_table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    assert window.shown_ticket_numbers() == ["2001", "1002", "1001"]
    window.set_day_filter(service="TP")
    assert window.shown_ticket_numbers() == ["2001"]
    window.set_day_filter(status="finished")
    assert window.shown_ticket_numbers() == ["1001"]
    window.set_day_filter(counter=1)
    assert window.shown_ticket_numbers() == ["1001"]
    window.set_day_filter()
    assert len(window.shown_ticket_numbers()) == 3
    assert window.hour_stats.item(0, 1).text() == "3"
    for fmt in ("xlsx", "pdf"):
        window.export_day(tmp_path / f"ngay.{fmt}", fmt)
        wait_idle(qtbot, window)
    assert load_workbook(tmp_path / "ngay.xlsx")["Số thứ tự"].max_row == 4
    assert "Tư pháp, Nội vụ" in text_of(tmp_path / "ngay.pdf")
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    window.print_day(printer)
    printed = text_of(tmp_path / "printed.pdf")
    assert "RÀ SOÁT HOẠT ĐỘNG TIẾP NHẬN TRONG NGÀY" in printed and "Lò Văn Minh" in printed
    assert window.bar.current_text().startswith("Đã gửi ngày")


def test_in_english_the_day_tab_shows_its_headers_groups_and_charts_in_english(qtbot, demo_ctx, supervisor  # type: ignore[no-untyped-def]
                                                                             ) -> None:
    from app.ui import i18n

    queue.issue_ticket(demo_ctx, "DD")
    officer = accounts.maintenance_acting_as(demo_ctx, "canbo01")
    queue.call_next(demo_ctx, officer, 1)
    queue.finish(demo_ctx, officer, 1)
    i18n.use("en")
    try:
        w = open_supervisor(qtbot, demo_ctx, supervisor)
        w.tabs.setCurrentIndex(1)
        w.load_day()
        wait_idle(qtbot, w)
        hour = f"{demo_ctx.now().astimezone(LOCAL_TZ).hour}h"
        assert w.hour_chart.bars() == [(hour, "Tickets issued", 1.0)]
        assert [w.service_stats.horizontalHeaderItem(c).text() for c in range(3)] == ["Group", "Tickets", "Done"]
        assert [w.day.groups_tabs.tabText(i) for i in range(4)] == ["By service", "By counter", "By officer",
                                                                   "By hour of issue"]
        assert w.day.counter_stats.item(0, 0).text() == "Counter 1"
        w.close()
    finally:
        i18n.use("vi")


def test_the_period_tab_shows_a_received_dossier_and_saves_xlsx(qtbot, demo_ctx, supervisor,
                                                                 tmp_path: Path) -> None:
    draft = IntakeDraft(applicant_name="Nguyễn Thị Ánh Tuyết", id_number="001185012345", phone="0912 345 678",
                        address="Số 12, phường Tân Phong, Lai Châu", birth_year=1985, sex="female")
    officer = accounts.maintenance_acting_as(demo_ctx, "canbo01")
    dossiers.receive_dossier(demo_ctx, officer, dossiers.procedure_id_by_code(demo_ctx, "DEMO.SXD.004"), draft)
    w = open_supervisor(qtbot, demo_ctx, supervisor)
    try:
        today = demo_ctx.now().astimezone(LOCAL_TZ).date()
        qtbot.waitUntil(lambda: w.report is not None, timeout=WAIT_MS)
        assert w.report.date_to == today
        labels = w.period_labels()
        assert "Sở Xây dựng" in labels and labels[-1] == "Tổng cộng"
        row = labels.index("Sở Xây dựng")
        assert w.period_table.item(row, 2 + 1).text() == "1"  # (2) received directly
        assert w.period_table.item(len(labels) - 1, 2 + 3).text() == "1"  # total (4)
        for fmt in ("xlsx", "csv"):
            w.save_report(fmt, tmp_path / f"r.{fmt}")
            wait_idle(qtbot, w)
            assert (tmp_path / f"r.{fmt}").stat().st_size > 0
        assert "Sở Xây dựng" in (tmp_path / "r.csv").read_text(encoding="utf-8")
    finally:
        w.close()


def test_an_officer_cannot_open_it(qtbot, demo_ctx) -> None:
    officer = accounts.sign_in(demo_ctx, "canbo01", "canbo123")
    with pytest.raises(PermissionDenied, match="giám sát"):
        SupervisorWindow(demo_ctx, officer)


def test_a_late_dossier_opens_in_the_dossier_window_with_its_actions(qtbot, demo_ctx, supervisor) -> None:  # type: ignore[no-untyped-def]
    """Due and late lists → double-click → the dossier window, where the supervisor can act (here: resolve)."""
    from app.domain.lifecycle import Action

    code = late_dossier(demo_ctx, "DEMO.SXD.004", 30)  # received a month ago: 5 working days are long gone
    w = open_supervisor(qtbot, demo_ctx, supervisor)
    try:
        w.tabs.setCurrentIndex(w.tabs.count() - 1)
        w.load_due()
        qtbot.waitUntil(lambda: w.late_table.rowCount() == 1, timeout=WAIT_MS)
        assert w.late_table.item(0, 0).text() == code
        w.late_table.cellDoubleClicked.emit(0, 1)
        dialog = w.dossier_dialog
        assert dialog is not None
        qtbot.waitUntil(lambda: dialog.dossier is not None and not dialog.worker.busy, timeout=WAIT_MS)
        assert Action.RESOLVE in dialog.action_buttons and dialog.action_buttons[Action.RESOLVE].isEnabled()
        dialog.reject()
        qtbot.waitUntil(lambda: not w.worker.busy, timeout=WAIT_MS)
    finally:
        w.close()


def test_late_list_shows_due_date_and_days_late_in_red_first_and_the_procedure_last(qtbot, demo_ctx, supervisor) -> None:  # type: ignore[no-untyped-def]
    code = late_dossier(demo_ctx, "DEMO.SXD.004", 30)
    w = open_supervisor(qtbot, demo_ctx, supervisor)
    try:
        w.tabs.setCurrentWidget(w.due)
        qtbot.waitUntil(lambda: w.late_table.rowCount() == 1, timeout=WAIT_MS)
        table = w.late_table
        headers = [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
        assert headers == ["Mã hồ sơ", "Người nộp", "Cơ quan", "Hẹn trả", "Quá hạn", "Trạng thái", "Thủ tục"]
        row = [table.item(0, c).text() for c in range(table.columnCount())]
        assert row[:3] == [code, "Nguyễn Thị Ánh Tuyết", "Sở Xây dựng"]
        days = int(row[4].removesuffix(" ngày"))
        assert days > 0 and row[4] == f"{days} ngày"
        assert table.item(0, 4).foreground().color().name() == table.item(0, 3).foreground().color().name() == "#c62828"
        assert table.item(0, 6).toolTip() == row[6] and row[6].startswith("Gia hạn giấy phép xây dựng")
        # the procedure column takes what is left of the width: nothing to scroll sideways
        assert not table.horizontalScrollBar().isVisible()
        summary = w.due.agency_table
        assert [summary.item(0, c).text() for c in range(5)] == ["Sở Xây dựng", "0", "0", "1", "0"]
    finally:
        w.close()


def test_the_live_board_names_the_officers_and_what_each_counter_served(qtbot, demo_ctx, supervisor) -> None:  # type: ignore[no-untyped-def]
    from datetime import timedelta

    start = demo_ctx.now()
    clock = [start]
    demo_ctx.clock = lambda: clock[0]
    minh, huong = accounts.maintenance_acting_as(demo_ctx, "canbo01"), accounts.maintenance_acting_as(demo_ctx, "canbo02")
    for _ in range(4):
        queue.issue_ticket(demo_ctx, "DD")
    for minutes in (12, 65):  # two tickets at counter 1: 12 min and 1 h 05 min of service, mean 38 min 30 s
        queue.call_next(demo_ctx, minh, 1)
        queue.start_serving(demo_ctx, minh, 1)
        clock[0] += timedelta(minutes=minutes)
        queue.finish(demo_ctx, minh, 1)
    queue.call_next(demo_ctx, huong, 2)
    w = open_supervisor(qtbot, demo_ctx, supervisor)
    try:
        qtbot.waitUntil(lambda: w.counters_table.rowCount() >= 2 and w.counters_table.item(1, 2).text() != "—",
                        timeout=WAIT_MS)
        headers = [w.counters_table.horizontalHeaderItem(c).text() for c in range(w.counters_table.columnCount())]
        assert headers == ["Quầy", "Cán bộ", "Số", "Trạng thái", "Đã phục vụ", "Phục vụ TB"]
        rows = [[w.counters_table.item(r, c).text() for c in range(6)] for r in range(3)]
        assert rows[0] == ["1", "Lò Văn Minh", "—", "Chưa có số", "2", "38 phút"]
        assert rows[1] == ["2", "Nguyễn Thị Hương", "1003", "Đã gọi", "0", "—"]
        assert rows[2][1:] == ["—", "—", "Chưa có số", "0", "—"]
        assert w.longest.text() == "Chờ lâu nhất hiện nay: 1 giờ 17 phút"  # 1004, waiting since the start
    finally:
        w.close()
