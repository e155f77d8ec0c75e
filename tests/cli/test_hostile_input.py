"""Hostile input at the three entry points (issue 12 point 5), on both backends, through `motcua` as a user runs it:
the probe list's 16 inputs that ended in a traceback and 19 that were stored silently each end in one Vietnamese
line naming the field (exit 1, or 2 for a wrong option), nothing saved, no agency blocked.

The probe list (issue 12): a non-UTF-8 address, a 128 KB CSV cell, NUL bytes (PostgreSQL), year-1 and year-9999
dates, a 112-character code, `--db nonsense`, a binary config file, `db upgrade` on a file that is not a database;
control and bidi characters, a 10-letter ID, codes of an agency that does not exist or whose agency/date disagree
with the row, year 1 or 2099; a 7-digit sequence that moved the agency's day sequence to 9,999,999.
"""

from __future__ import annotations

import csv
import json
import re
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook
from openpyxl.utils import get_column_letter
from sqlalchemy import func, select, update

from app import main as app_main
from app.services import catalog_io, dossier_csv
from app.services.context import Context
from app.store.engine import Store
from app.store.models import Agency, Dossier, Procedure, Sequence
from tests.services.test_dossier_csv import write

SXD = "000.00.02.H33"
INTERNAL_KEY = re.compile(r"(?:^|[ ;])(?:id_number|address|applicant_name|birth_year|owner_name|tax_code):")
PERSON = ["--procedure", "DEMO.SXD.004", "--name", "Nguyễn Thị Ánh Tuyết", "--id-number", "001185012345",
          "--phone", "0912345678", "--address", "Tân Phong, Lai Châu"]
ROW = {"code": "", "procedure_code": "DEMO.SXD.004", "agency_code": "", "channel": "direct", "online_level": "",
       "applicant_name": "Nguyễn Thị Ánh Tuyết", "id_number": "001185012345", "phone": "0912345678",
       "address": "Tân Phong, Lai Châu", "received_at": "2026-11-02T09:00:00+07:00", "due_at": "",
       "status": "in_progress", "resolved_at": "", "outcome": "", "cancelled_at": "", "returned_at": "",
       "result_by_post": "0", "fee_vnd": ""}


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = app_main.main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def one_clear_line(code: int, err: str, expected_code: int, *words: str) -> None:
    """Exit code, one Vietnamese line starting «motcua: lỗi:», every word in it, no traceback."""
    assert code == expected_code, err
    assert "Traceback" not in err and "báo cáo lỗi" not in err
    first = err.splitlines()[0]
    assert first.startswith("motcua: lỗi: ")
    for word in words:
        assert word in first, first


def dossier_count(url: str) -> int:
    store = Store(url)
    try:
        with store.read() as s:
            return int(s.scalar(select(func.count()).select_from(Dossier)) or 0)
    finally:
        store.dispose()


# --- dossier receive: the intake form's rules on the command line -------------------------------------------------

RECEIVE_CASES: dict[str, tuple[list[str], int, tuple[str, ...]]] = {
    "ESC in the name": (["--name", "Nguyễn\x1b[2JAn"], 1, ("Họ và tên", "U+001B")),
    "bidi override in the name": (["--name", "Nguyễn\u202eAn"], 1, ("Họ và tên", "U+202E")),
    "BEL in the address": (["--address", "Lai Châu\x07"], 1, ("Địa chỉ", "U+0007")),
    "NUL in the address": (["--address", "Lai\x00Châu"], 1, ("Địa chỉ", "U+0000")),
    "zero-width space in the owner": (["--owner", "Lò\u200bVăn"], 1, ("Họ tên chủ hồ sơ", "U+200B")),
    "not UTF-8 in the address": (["--address", "\udcff\udcfe"], 2, ("--address", "UTF-8")),
    "a 10-letter ID": (["--id-number", "ABCDEFGHIJ"], 1, ("Số CCCD",)),
    "birth year 1": (["--birth-year", "1"], 1, ("Năm sinh", "1900")),
    "birth year 9999": (["--birth-year", "9999"], 1, ("Năm sinh", "9999")),
    "birth year in the future": (["--birth-year", "2090", "--id-number", "001290012345"], 1, ("Năm sinh",)),
    "CCCD born in 2099": (["--id-number", "001299012345"], 1, ("Số CCCD", "2099")),
    "a 2001-digit address": (["--address", "a" * 2001], 1, ("Địa chỉ", "500")),
    "a tax code with a wrong check digit": (["--tax-code", "0100109107", "--name", "Công ty Sông Đà"], 1,
                                            ("Mã số thuế",)),
    "a 112-character procedure code": (["--procedure", "X" * 112], 1, ("Không có thủ tục",)),
    "a 112-character ticket": (["--ticket", "9" * 112], 1, ("phiếu",)),
}


@pytest.mark.parametrize("case", RECEIVE_CASES)
def test_receive_refuses_hostile_values(case: str, demo_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    change, expected, words = RECEIVE_CASES[case]
    code, out, err = run(capsys, "--db", demo_url, "dossier", "receive", *PERSON, *change)
    one_clear_line(code, err, expected, *words)
    assert out == "" and dossier_count(demo_url) == 0
    assert not INTERNAL_KEY.search(err)  # the field by its Vietnamese name, never its key


def test_an_unknown_province_is_only_a_warning(demo_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "--db", demo_url, "dossier", "receive", *PERSON, "--id-number", "003185012345")
    assert code == 0 and out.strip().startswith(SXD), err
    assert "Mã tỉnh 003" in err  # the warning, on stderr; the dossier is received


# --- the store and config options -----------------------------------------------------------------------------------

def test_wrong_store_and_config_options(demo_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "--db", "nonsense", "dossier", "show", "x")
    one_clear_line(code, err, 2, "--db", "nonsense")
    binary = tmp_path / "binary.toml"
    binary.write_bytes(bytes(range(256)) * 4)
    code, _, err = run(capsys, "--config", str(binary), "--db", demo_url, "dossier", "show", "x")
    one_clear_line(code, err, 1, "Tệp cấu hình", "UTF-8")
    garbage = tmp_path / "not-a-database.sqlite3"
    garbage.write_bytes(bytes(range(256)) * 16)
    code, _, err = run(capsys, "--db", f"sqlite:///{garbage}", "db", "upgrade")
    one_clear_line(code, err, 2, "--db", "không phải cơ sở dữ liệu")
    assert garbage.read_bytes() == bytes(range(256)) * 16  # nothing written into it
    code, _, err = run(capsys, "--db", demo_url, "dossier", "show", "A" * 112)
    one_clear_line(code, err, 1, "Không tìm thấy hồ sơ")


# --- dossier import -------------------------------------------------------------------------------------------------

IMPORT_CASES: dict[str, tuple[dict[str, str], str, str]] = {
    "ESC in the name": ({"applicant_name": "Nguyễn\x1bAn"}, "applicant_name", "U+001B"),
    "bidi override in the address": ({"address": "Lai Châu\u202e"}, "address", "U+202E"),
    "NUL in the address": ({"address": "Lai\x00Châu"}, "address", "U+0000"),
    "a digit in the name": ({"applicant_name": "Nguyễn An 2"}, "applicant_name", "chữ cái"),
    "a 10-letter ID": ({"id_number": "ABCDEFGHIJ"}, "id_number", "12 chữ số"),
    "an agency that does not exist": ({"code": "000.00.99.H99-261102-0001"}, "code", "không có cơ quan"),
    "a code of another agency": ({"code": "000.00.01.H33-261102-0001"}, "code", "không phải cơ quan giải quyết"),
    "a code of another day": ({"code": f"{SXD}-261105-0001"}, "code", "khác ngày tiếp nhận"),
    "a 7-digit sequence": ({"code": f"{SXD}-261102-9999999"}, "code", "4 hoặc 5 chữ số"),
    "a 112-character code": ({"code": "A" * 99 + "-261102-0001"}, "code", "không đúng dạng"),
    "received in year 1": ({"received_at": "0001-01-01T09:00:00+07:00"}, "received_at", "1900–2100"),
    "received in year 9999": ({"received_at": "9999-12-31T09:00:00+07:00"}, "received_at", "1900–2100"),
    "received in 2099": ({"received_at": "2099-01-05T09:00:00+07:00"}, "received_at", "tương lai"),
    "due in year 9999": ({"due_at": "9999-12-31T17:00:00+07:00"}, "due_at", "1900–2100"),
    "resolved in 2099": ({"status": "resolved", "outcome": "result", "resolved_at": "2099-01-05T09:00:00+07:00"},
                         "resolved_at", "tương lai"),
}


@pytest.mark.parametrize("case", IMPORT_CASES)
def test_import_refuses_hostile_rows(case: str, demo_url: str, tmp_path: Path,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    change, column, words = IMPORT_CASES[case]
    path = write(tmp_path / "hostile.csv", [ROW | {"code": f"{SXD}-261102-0001"}, ROW | change])
    code, out, err = run(capsys, "--db", demo_url, "dossier", "import", str(path))
    one_clear_line(code, err, 1, "dòng 3, cột " + column, words, "chưa nhập gì")
    assert out == "" and dossier_count(demo_url) == 0


def test_unreadable_import_files(demo_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    big = write(tmp_path / "big.csv", [ROW | {"address": "a" * 128 * 1024}])  # the probe's 128 KB cell
    code, _, err = run(capsys, "--db", demo_url, "dossier", "import", str(big))
    one_clear_line(code, err, 1, "cột address (Địa chỉ): dài quá 10000 ký tự (131072 ký tự)")
    bigger = write(tmp_path / "bigger.csv", [ROW | {"address": "a" * (128 * 1024 + 1)}])
    code, _, err = run(capsys, "--db", demo_url, "dossier", "import", str(bigger))
    one_clear_line(code, err, 1, "ô dài quá 131.072 ký tự")
    latin = tmp_path / "latin1.csv"
    latin.write_bytes(",".join(dossier_csv.COLUMNS).encode() + b"\n,DEMO.SXD.004,,direct,,Nguy\xe9n\n")
    code, _, err = run(capsys, "--db", demo_url, "dossier", "import", str(latin))
    one_clear_line(code, err, 1, "không phải văn bản UTF-8")
    assert dossier_count(demo_url) == 0


def test_a_seven_digit_code_never_blocks_the_agency(demo_url: str, tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    """The probe: one imported code with a 7-digit sequence moved the agency's day sequence to 9,999,999 and every
    reception of that agency failed for the rest of the day."""
    store = Store(demo_url)
    try:
        today = Context(store).now().date()
    finally:
        store.dispose()
    stamp = f"{today:%y%m%d}"
    moment = f"{today.isoformat()}T00:05:00+07:00"
    path = write(tmp_path / "seq.csv", [ROW | {"code": f"{SXD}-{stamp}-9999999", "received_at": moment}])
    code, _, err = run(capsys, "--db", demo_url, "dossier", "import", str(path))
    one_clear_line(code, err, 1, "cột code", "4 hoặc 5 chữ số")
    code, out, err = run(capsys, "--db", demo_url, "dossier", "receive", *PERSON)
    assert code == 0 and out.strip() == f"{SXD}-{stamp}-0001", err
    path = write(tmp_path / "ok.csv", [ROW | {"code": f"{SXD}-{stamp}-99999", "received_at": moment}])
    code, _, err = run(capsys, "--db", demo_url, "dossier", "import", str(path))
    assert code == 0, err  # the largest sequence a code may carry: the next reception gets a clear refusal
    code, out, err = run(capsys, "--db", demo_url, "dossier", "receive", *PERSON)
    one_clear_line(code, err, 1, "hết số hồ sơ", "99.999")


# --- catalog import -------------------------------------------------------------------------------------------------

def catalog_row(**change: str) -> dict[str, str]:
    row = dict.fromkeys(catalog_io.COLUMNS, "")
    row.update(agency_code="SXD", agency_name="Sở Xây dựng", agency_identifier=SXD, procedure_code="DEMO.SXD.004",
               procedure_name="Gia hạn giấy phép xây dựng", processing_value="5", processing_unit="working_days")
    return row | change


CATALOG_CASES: dict[str, tuple[dict[str, str], str, str]] = {
    "ESC in a procedure name": ({"procedure_name": "Gia hạn\x1b[31m"}, "procedure_name", "U+001B"),
    "bidi override in an agency name": ({"agency_name": "Sở\u202e Xây dựng"}, "agency_name", "U+202E"),
    "NUL in the documents": ({"documents": "original|1|Đơn\x00"}, "documents", "U+0000"),
    "a 112-character procedure code": ({"procedure_code": "X" * 112}, "procedure_code", "Mã thủ tục"),
    "a 41-character agency identifier": ({"agency_identifier": "0" * 41}, "agency_identifier", "mã định danh"),
    "a 10,001-character cell": ({"field": "a" * 10_001}, "field", "10000 ký tự"),
}


@pytest.mark.parametrize("case", CATALOG_CASES)
def test_catalog_import_refuses_hostile_cells(case: str, demo_url: str, tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    change, column, words = CATALOG_CASES[case]
    path = tmp_path / "catalog.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=catalog_io.COLUMNS)
        writer.writeheader()
        writer.writerow(catalog_row(**change))
    code, _, err = run(capsys, "--db", demo_url, "catalog", "import", str(path))
    one_clear_line(code, err, 1, f"dòng 2, cột {column}", words)


def declared_rows_xlsx(path: Path, declared: int) -> Path:
    """A real catalogue sheet of one row whose <dimension> declares `declared` rows (what the probe sent)."""
    book = Workbook()
    sheet = book.active
    sheet.append(list(catalog_io.COLUMNS))
    sheet.append(list(catalog_row().values()))
    plain = path.with_suffix(".plain.xlsx")
    book.save(plain)
    with zipfile.ZipFile(plain) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            data = src.read(item)
            if item.filename == "xl/worksheets/sheet1.xml":
                last = get_column_letter(len(catalog_io.COLUMNS))
                data = re.sub(rf'<dimension ref="A1:{last}2"\s*/>'.encode(),
                              f'<dimension ref="A1:{last}{declared}"/>'.encode(), data)
                assert f"{last}{declared}".encode() in data
            dst.writestr(item, data)
    return path


def many_rows_xlsx(path: Path, rows: int) -> Path:
    """A sheet that really holds `rows` rows of one cell each and declares no dimension (about 1 MB on disk)."""
    book = Workbook()
    book.active.append(list(catalog_io.COLUMNS))
    plain = path.with_suffix(".plain.xlsx")
    book.save(plain)
    with zipfile.ZipFile(plain) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            if item.filename != "xl/worksheets/sheet1.xml":
                dst.writestr(item, src.read(item))
                continue
            head = "".join(f'<c t="inlineStr"><is><t>{c}</t></is></c>' for c in catalog_io.COLUMNS)
            with dst.open("xl/worksheets/sheet1.xml", "w") as fh:
                fh.write(b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>')
                fh.write(f"<row>{head}</row>".encode())
                chunk = b'<row><c t="inlineStr"><is><t>SXD</t></is></c></row>' * 10_000
                for _ in range(rows // 10_000):
                    fh.write(chunk)
                fh.write(b"</sheetData></worksheet>")
    return path


@pytest.mark.parametrize(("make", "rows"), [(declared_rows_xlsx, 1_000_000), (many_rows_xlsx, 1_000_000),
                                            (many_rows_xlsx, 100_000)], ids=["declared", "held", "held-100000"])
def test_a_million_row_sheet_is_refused_with_bounded_memory(
        make: Callable[[Path, int], Path], rows: int, tmp_path: Path) -> None:
    """Refused within seconds: the declared dimension, the size of the unzipped sheet, or the 20,001st row."""
    import tracemalloc

    path = make(tmp_path / "million.xlsx", rows)
    tracemalloc.start()
    try:
        with pytest.raises(catalog_io.DomainError, match="tối đa 20.000 dòng thủ tục|quá 20.000 dòng thủ tục"):
            catalog_io.read_rows(path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 200 * 1024 * 1024, f"peak {peak / 1e6:.0f} MB"  # 20,001 rows of 16 cells at most, never 1,000,000
    print(f"\n[{make.__name__} {rows}] refused; peak memory {peak / 1e6:.1f} MB")


# --- what leaves the program: exports and the terminal -------------------------------------------------------------

def test_formulas_are_exported_as_text(demo_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    formula = '=HYPERLINK("http://example.invalid","Bấm vào đây")'
    store = Store(demo_url)
    try:
        with store.write() as s:
            s.execute(update(Procedure).where(Procedure.code == "DEMO.SXD.004").values(name=formula))
            s.execute(update(Agency).where(Agency.key == "SXD").values(name="@SUM(1+1)"))
    finally:
        store.dispose()
    for name in ("c.xlsx", "c.csv"):
        code, _, err = run(capsys, "--db", demo_url, "catalog", "export", str(tmp_path / name))
        assert code == 0, err
    sheet = load_workbook(tmp_path / "c.xlsx").worksheets[0]
    cells = {c.value: c.data_type for row in sheet.iter_rows() for c in row if c.value in (formula, "@SUM(1+1)")}
    assert cells == {formula: "s", "@SUM(1+1)": "s"}  # strings, not formulas
    text = (tmp_path / "c.csv").read_text(encoding="utf-8")
    assert "'=HYPERLINK(" in text and "'@SUM(1+1)" in text
    assert "\n=" not in text and ",=" not in text and '"=' not in text
    code, _, err = run(capsys, "--db", demo_url, "catalog", "import", str(tmp_path / "c.csv"))
    assert code == 0, err  # the apostrophe is dropped again: the round trip stays lossless
    code, _, err = run(capsys, "--db", demo_url, "catalog", "export", str(tmp_path / "again.csv"))
    assert (tmp_path / "again.csv").read_text(encoding="utf-8") == text


def test_dossier_show_escapes_control_characters(demo_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "--db", demo_url, "dossier", "receive", *PERSON)
    assert code == 0, err
    store = Store(demo_url)  # data stored before these rules (or by another program) may still hold them
    try:
        with store.write() as s:
            s.execute(update(Dossier).values(applicant_name="Lò\x1b[2J\x1b]0;pwned\x07An\u202eX",
                                             address="Lai\x9bChâu"))
    finally:
        store.dispose()
    code, out, err = run(capsys, "--db", demo_url, "dossier", "show", out.strip())
    assert code == 0, err
    assert "Người nộp: Lò\\x1b[2J\\x1b]0;pwned\\x07An\\u202eX (" in out and "Địa chỉ: Lai\\x9bChâu" in out
    assert not any(ch in out for ch in "\x1b\x07\u202e\x9b")


def test_sequences_stay_within_five_digits(demo_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(tmp_path / "many.csv", [ROW | {"code": f"{SXD}-261102-{n:05d}"} for n in (1, 12345, 99999)])
    code, _, err = run(capsys, "--db", demo_url, "dossier", "import", str(tmp_path / "many.csv"))
    assert code == 0, err
    store = Store(demo_url)
    try:
        with store.read() as s:
            assert s.scalar(select(func.max(Sequence.value)).where(Sequence.kind == "dossier")) == 99999
    finally:
        store.dispose()


ACTION_CASES: dict[str, tuple[list[str], tuple[str, ...]]] = {
    "ESC in a reason": (["stop", "--reason", "x\x1b[2J"], ("Lý do", "U+001B")),
    "a 70-character receipt number": (["paid", "--receipt-no", "R" * 70, "--amount", "5"], ("Số biên lai", "64")),
    "a bidi override in a unit": (["hand-over", "--unit", "Sở\u202eXây dựng"], ("Đơn vị nhận hồ sơ", "U+202E")),
}


@pytest.mark.parametrize("case", ACTION_CASES)
def test_lifecycle_details_follow_the_same_rules(case: str, demo_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "--db", demo_url, "dossier", "receive", *PERSON)
    assert code == 0, err
    action, *options = ACTION_CASES[case][0]
    code, _, err = run(capsys, "--db", demo_url, "dossier", action, out.strip(), *options)
    one_clear_line(code, err, 1, *ACTION_CASES[case][1])
    code, out, _ = run(capsys, "--db", demo_url, "--json", "dossier", "history", out.strip())
    assert [e["kind"] for e in json.loads(out)] == ["received"]  # nothing recorded
