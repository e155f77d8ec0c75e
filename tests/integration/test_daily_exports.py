"""The day's review as files on both backends: XLSX read back with openpyxl, PDF read with pdftotext/pdffonts and
rendered with pdftoppm, the chart data, and `motcua report daily` run as a separate process."""

from __future__ import annotations

import subprocess
import sys
from datetime import time, timedelta
from pathlib import Path

import pytest
from openpyxl import load_workbook

from app.services import daily_review, queue
from app.services.context import LOCAL_TZ, Context
from tests.services.test_daily_review import DAY, T0, _a_morning, supervisor
from tests.tooling import require_tool

TP = "TP — Tư pháp, Nội vụ, Lao động – Thương binh và Xã hội"


@pytest.fixture()
def morning(demo_ctx: Context) -> daily_review.DailyReview:
    """The demo centre's Monday morning of test_daily_review (exact seconds), reviewed."""
    clock = [T0]
    demo_ctx.clock = lambda: clock[0]
    demo_ctx.extra["clock"] = clock
    _a_morning(demo_ctx)
    return daily_review.daily_review(demo_ctx, supervisor(demo_ctx), DAY)


def needs(*tools: str) -> None:
    for tool in tools:
        require_tool(tool)


def test_the_charts_hold_the_hours_and_the_votes(morning: daily_review.DailyReview) -> None:
    issued, wait, votes = daily_review.day_charts(morning)
    assert issued.categories == tuple(f"{h}h" for h in range(7, 18))
    assert dict(zip(issued.categories, issued.series[0].values)) == {
        **{f"{h}h": 0.0 for h in range(7, 18)}, "8h": 3.0, "9h": 1.0}
    assert wait.series[0].values[1] == round(310 / 60, 1) and wait.unit == "phút"  # (60 + 390 + 480) / 3 s
    assert votes.categories == ("Quầy 1", "Quầy 2", "Quầy 3") and votes.stacked
    assert [(s.name, s.values) for s in votes.series] == [("Rất hài lòng", (1.0, 0.0, 0.0))]
    assert issued.axis() == (4.0, 1.0) and votes.axis() == (4.0, 1.0)


def test_xlsx_has_every_ticket_and_the_aggregates(morning: daily_review.DailyReview, tmp_path: Path) -> None:
    out = daily_review.write_xlsx(morning, tmp_path / "ngay.xlsx", "Trung tâm thử")
    wb = load_workbook(out)
    assert wb.sheetnames == ["Số thứ tự", "Tổng hợp"]
    tickets = [list(r) for r in wb["Số thứ tự"].iter_rows(values_only=True)]
    assert tuple(tickets[0]) == daily_review.TICKET_HEADERS
    assert tickets[1] == ["1001", "DD — Đất đai, Tài nguyên – Môi trường, Xây dựng", None, "Đã xong", time(8, 0),
                          time(8, 1), time(8, 1, 30), time(8, 6, 30), timedelta(seconds=60),
                          timedelta(seconds=300), 1, "Lò Văn Minh", None, "Rất hài lòng", None]
    assert [r[0] for r in tickets[1:]] == ["1001", "1002", "2001", "1003"]
    assert tickets[2][3] == "Vắng mặt" and tickets[2][9] is None
    sheet = [list(r) for r in wb["Tổng hợp"].iter_rows(values_only=True)]
    assert sheet[0][0] == "RÀ SOÁT HOẠT ĐỘNG TIẾP NHẬN TRONG NGÀY 30/11/2026 — Trung tâm thử"
    rows = {r[0]: r for r in sheet if r[0]}
    assert rows["Theo quầy"] and rows["Theo giờ lấy số"]
    assert rows[TP][1:5] == [1, 1, 0, timedelta(seconds=480)]
    assert rows["Quầy 2"][1:5] == [1, 0, 1, timedelta(seconds=390)]
    assert rows["08:00"][1:3] == [3, 2] and rows["Tổng cộng"][1:4] == [4, 2, 1]


def test_pdf_is_a4_landscape_with_embedded_fonts_text_and_a_page_image(morning: daily_review.DailyReview,
                                                                         demo_ctx: Context, tmp_path: Path) -> None:
    needs("pdftotext", "pdffonts", "pdfinfo", "pdftoppm")
    out = daily_review.write_day(demo_ctx, morning, "pdf", tmp_path / "ngay.pdf")
    text = subprocess.run(["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True,
                          check=True).stdout
    for expected in ("RÀ SOÁT HOẠT ĐỘNG TIẾP NHẬN TRONG NGÀY", "Trung tâm Phục vụ hành chính công tỉnh Lai Châu",
                     "Ngày 30/11/2026", "Tư pháp, Nội vụ", "Nguyễn Thị Hương", "Số đã lấy theo giờ",
                     "Đánh giá theo quầy", "Rất hài lòng", "Danh sách số thứ tự (4 số)", "Quầy 2"):
        assert expected in text, expected
    assert "5 phút 10 giây" in text  # the day's mean wait, (60 + 390 + 480) / 3 s
    assert "08:06:30" in text  # 1001 finished
    fonts = subprocess.run(["pdffonts", str(out)], capture_output=True, text=True, check=True).stdout
    lines = fonts.splitlines()[2:]
    assert lines and all(line.split()[-5] == "yes" for line in lines), fonts  # the "emb" column
    assert "Helvetica" not in fonts and "DejaVuSans" in fonts
    info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True, check=True).stdout
    assert "841.89 x 595.276 pts (A4)" in info
    subprocess.run(["pdftoppm", "-r", "60", "-png", "-f", "1", "-l", "1", str(out), str(tmp_path / "page")],
                   check=True)
    assert (tmp_path / "page-1.png").read_bytes()[:4] == b"\x89PNG"


def motcua(*args: str) -> subprocess.CompletedProcess[str]:
    """The installed `motcua` script (else `python -m app`) as a separate process."""
    script = Path(sys.executable).with_name("motcua")
    command = [str(script)] if script.exists() else [sys.executable, "-m", "app"]
    return subprocess.run([*command, *args], capture_output=True, text=True, timeout=120)


def test_report_daily_command_writes_every_format(demo_url: str, demo_ctx: Context, tmp_path: Path) -> None:
    queue.issue_ticket(demo_ctx, "TP")
    today = demo_ctx.now().astimezone(LOCAL_TZ).date().isoformat()
    for fmt in ("xlsx", "pdf", "csv"):
        out = tmp_path / f"ngay.{fmt}"
        done = motcua("--db", demo_url, "report", "daily", "--date", today, "--format", fmt, "--out", str(out))
        assert done.returncode == 0, done.stderr
        assert done.stderr.strip() == f"Đã ghi {out}"
    assert load_workbook(tmp_path / "ngay.xlsx")["Số thứ tự"]["A2"].value == "2001"
    assert (tmp_path / "ngay.pdf").read_bytes().startswith(b"%PDF")
    assert (tmp_path / "ngay.csv").read_text(encoding="utf-8").splitlines()[1].startswith("2001,TP,waiting,")
    text = motcua("--db", demo_url, "report", "daily", "--date", today)
    assert text.returncode == 0 and "1 số" in text.stdout.splitlines()[0]
    refused = motcua("--db", demo_url, "report", "daily", "--date", today, "--format", "pdf")
    assert refused.returncode == 1 and "Traceback" not in refused.stderr
    assert refused.stderr.splitlines() == ["motcua: lỗi: định dạng pdf cần --out TỆP"]
    unwritable = motcua("--db", demo_url, "report", "daily", "--format", "xlsx", "--out",
                        str(tmp_path / "ngay.csv" / "x.xlsx"))  # a file where the folder should be
    assert unwritable.returncode == 1 and "Traceback" not in unwritable.stderr
    assert unwritable.stderr.startswith("motcua: lỗi: không ghi được tệp")
