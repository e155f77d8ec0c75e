"""The supervisor station on both backends: the live board follows other stations, the day and period tabs fill
and export, and an officer cannot open it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from app.domain.dossier import IntakeDraft
from app.domain.errors import PermissionDenied
from app.services import accounts, dossiers, queue
from app.services.context import LOCAL_TZ
from app.ui.stations.supervisor import SupervisorWindow
from tests.ui.conftest import WAIT_MS, wait_idle


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
    officer = accounts.actor_for_login(demo_ctx, "canbo01")
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


def test_the_period_tab_shows_a_received_dossier_and_saves_xlsx(qtbot, demo_ctx, supervisor,
                                                                 tmp_path: Path) -> None:
    draft = IntakeDraft(applicant_name="Nguyễn Thị Ánh Tuyết", id_number="001185012345", phone="0912 345 678",
                        address="Số 12, phường Tân Phong, Lai Châu", birth_year=1985, sex="female")
    officer = accounts.actor_for_login(demo_ctx, "canbo01")
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
