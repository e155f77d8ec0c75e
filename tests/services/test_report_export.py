"""Exports of the period report: CSV (byte-for-byte the seed's layout), JSON, XLSX (openpyxl), PDF (pdftotext,
pdfinfo), and the `report period` command. Built from the seed's own table, so no database is needed except for
the command test."""

from __future__ import annotations

import argparse
import csv
import json
import subprocess
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from app.domain.period_report import (
    COLUMNS,
    CSV_HEADER,
    REPORT_TITLE,
    TOTAL_LABEL,
    PeriodReport,
    PeriodRow,
    total_row,
)
from app.services import report_export
from app.services.context import Context
from tests.tooling import require_tool

SEED_CSV = Path(__file__).resolve().parents[1] / "data" / "seed-appendix-table.csv"
FROM, TO = date(2019, 9, 3), date(2020, 5, 12)
REPAIRED_10 = {"Sở Kế hoạch và Đầu tư": 15, "Sở Giao thông vận tải": 121, "Sở Thông Tin Và Truyền Thông": 1,
               "Sở Nội vụ": 197, "Sở Tài nguyên và Môi trường": 80}  # see test_period_report_golden.py


def seed_report(repaired: bool = False) -> PeriodReport:
    """The seed's appendix as a PeriodReport (optionally with the golden test's repairs of column 10)."""
    with SEED_CSV.open(encoding="utf-8") as f:
        seed = list(csv.DictReader(f))
    rows = []
    for r in seed[:-1]:
        values = {attr: int(r[col]) for attr, col, _ in COLUMNS}
        if repaired and r["agency"] in REPAIRED_10:
            values["not_yet_due"] = REPAIRED_10[r["agency"]]
        rows.append(PeriodRow(r["agency"], **values))
    return PeriodReport(FROM, TO, "agency", tuple(rows), total_row(rows))


def needs(tool: str) -> None:
    require_tool(tool)


def test_csv_is_the_seed_file_byte_for_byte() -> None:
    assert report_export.to_csv(seed_report()) == SEED_CSV.read_bytes().decode("utf-8")
    assert next(csv.reader(report_export.to_csv(seed_report()).splitlines())) == list(CSV_HEADER)


def test_json_lists_every_violation_of_the_raw_seed() -> None:
    data = report_export.to_json(seed_report())
    json.dumps(data, ensure_ascii=False)
    assert data["identities_hold"] is False
    broken = {(v["agency"], v["identity"]) for v in data["violations"]}
    assert broken == {(a, "(4) = (8)+(9)+(10)+(12)") for a in REPAIRED_10} | {
        ("Sở Thông Tin Và Truyền Thông", "(11) ≤ (9)+(10)")}
    assert "Sở Kế hoạch và Đầu tư: (4) = 498 ≠ (8)+(9)+(10)+(12) = 495" in [v["message"] for v in data["violations"]]
    assert data["total"]["fees_vnd_14"] == 1_414_812_973 and data["total"]["agency"] == TOTAL_LABEL
    assert report_export.to_json(seed_report(repaired=True))["identities_hold"] is True


def test_text_table_uses_vietnamese_thousands_and_states_the_identities() -> None:
    text = report_export.to_text(seed_report(repaired=True))
    assert "1.414.812.973" in text and "10.529" in text and "(4=1+2+3)" in text
    assert "đều đúng" in text.splitlines()[-1]
    assert "Sở Kế hoạch và Đầu tư: (4) = 498 ≠" in report_export.to_text(seed_report()).splitlines()[-1]


def test_xlsx_has_the_seed_header_and_numbers(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    out = report_export.write_xlsx(seed_report(repaired=True), tmp_path / "bao-cao.xlsx")
    ws = load_workbook(out).active
    assert ws["A1"].value == REPORT_TITLE
    assert ws["A2"].value == "(Số liệu từ ngày 03/09/2019 đến ngày 12/05/2020)"
    assert ws["C4"].value == "Số hồ sơ nhận giải quyết" and ws["G4"].value == "Kết quả giải quyết"
    assert ws["C5"].value == "Trong đó" and ws["G5"].value == "Hồ sơ đã giải quyết"
    assert [ws.cell(7, c).value for c in range(2, 17)] == ["0", "1", "2", "3", "(4=1+2+3)", "5", "6", "7",
                                                          "(8=5+6+7)", "9", "10", "11", "12", "13", "14"]
    first, total = 8, 8 + 17
    assert ws.cell(first, 2).value == "Sở Khoa học và Công nghệ" and ws.cell(first, 6).value == 121
    assert ws.cell(total, 2).value == TOTAL_LABEL and ws.cell(total, 16).value == 1_414_812_973
    assert ws.cell(total, 16).number_format == "#,##0"
    assert "đều đúng" in ws.cell(total + 2, 1).value


def _pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout


def test_pdf_is_a4_landscape_like_the_seed(tmp_path: Path) -> None:
    needs("pdftotext")
    needs("pdfinfo")
    out = report_export.write_pdf(seed_report(repaired=True), tmp_path / "bao-cao.pdf",
                                  "Trung tâm Phục vụ hành chính công tỉnh Lai Châu")
    info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True, check=True).stdout
    assert "841.89 x 595.276 pts (A4)" in info and "Pages:           1" in info
    text = _pdf_text(out)
    for expected in (REPORT_TITLE, "(Số liệu từ ngày 03/09/2019 đến ngày 12/05/2020)", "Số hồ sơ nhận giải quyết",
                     "Hồ sơ đã giải quyết", "Hồ sơ đang giải quyết",
                     "(4=1+", "(8=5+", "Sở Tài nguyên và Môi trường", "297.957.000", "Tổng cộng", "10.529",
                     "1.414.812.973", "đều đúng"):
        assert expected in text, expected


def test_pdf_shows_each_violation(tmp_path: Path) -> None:
    needs("pdftotext")
    text = " ".join(_pdf_text(report_export.write_pdf(seed_report(), tmp_path / "raw.pdf")).split())
    assert "Số liệu không cân đối" in text
    for agency in REPAIRED_10:
        assert f"{agency}: (4) =" in text, agency


def _command(argv: list[str]) -> argparse.Namespace:
    from app.cli import cmd_report

    parser = argparse.ArgumentParser(prog="motcua")
    parser.add_argument("--json", action="store_true")
    cmd_report.register(parser.add_subparsers())
    return parser.parse_args(argv)


def test_report_period_command(demo_ctx: Context, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from app import config
    from app.cli.cmd_report import report_period
    from app.cli.output import CliError

    cfg: Any = config.MachineConfig()
    args = _command(["report", "period", "--from", "2019-09-03", "--to", "2020-05-12", "--format", "csv"])
    assert report_period(args, demo_ctx, cfg) == 0
    assert capsys.readouterr().out.splitlines()[0] == ",".join(CSV_HEADER)
    args = _command(["report", "period", "--from", "2019-09-03", "--to", "2020-05-12", "--format", "pdf",
                     "--out", str(tmp_path / "r.pdf")])
    assert report_period(args, demo_ctx, cfg) == 0 and (tmp_path / "r.pdf").read_bytes().startswith(b"%PDF")
    with pytest.raises(CliError):
        report_period(_command(["report", "period", "--from", "2020-01-02", "--to", "2020-01-01"]), demo_ctx, cfg)
    with pytest.raises(CliError):
        report_period(_command(["report", "period", "--from", "2020-01-01", "--to", "2020-01-02", "--format",
                                "xlsx"]), demo_ctx, cfg)
