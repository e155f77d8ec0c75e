"""The catalogue file format (CSV or XLSX, one row per procedure): read with line/column errors, and write."""

from __future__ import annotations

import csv
import io
import itertools
import zipfile
from dataclasses import dataclass
from datetime import time
from pathlib import Path
from typing import Any, Iterable

from app.domain.catalog import AGENCY_IDENTIFIER_RE, AgencyKind, DocumentDraft, ProcedureDraft
from app.domain.errors import DomainError, FormErrors, ValidationError
from app.domain.messages import translate
from app.domain.rows import RowProblem, cell_problems
from app.domain.text import from_spreadsheet_text, nfc
from app.services.spreadsheets import SafeCsvWriter, write_only_row

COLUMNS = ("agency_code", "agency_name", "agency_identifier", "agency_kind", "field", "procedure_code",
           "procedure_name", "processing_value", "processing_unit", "cutoff_hour", "supplement_policy", "fee_vnd",
           "on_the_spot", "online_level", "postal_allowed", "documents", "agency_head_name", "agency_head_title")
REQUIRED = {"agency_code", "agency_name", "agency_identifier", "procedure_code", "procedure_name",
            "processing_value", "processing_unit"}
# a procedure draft's field name -> the file's column, for error messages
DRAFT_COLUMN = {"code": "procedure_code", "name": "procedure_name", "processing_value": "processing_value",
                "processing_unit": "processing_unit", "fee_vnd": "fee_vnd", "supplement_policy": "supplement_policy",
                "online_level": "online_level", "documents": "documents"}
SHEET_TITLE = "Thủ tục"
# A province's whole catalogue is about 2,000 procedures: a file declaring or holding more rows than this is refused
# before it is read (a spreadsheet declaring a million rows takes no time and no memory).
MAX_ROWS = 20_000
MAX_COLUMNS = 64  # cells past this column are never read
# openpyxl scans a whole sheet for its dimension when it declares none: a sheet (or shared strings) larger than this
# once unzipped is refused before openpyxl opens it (our own export of 20,000 procedures stays well below)
MAX_XLSX_PART_BYTES = 32 * 1024 * 1024


class ImportRejected(DomainError):
    """An import file with bad rows: nothing was saved; `problems` lists every bad cell."""

    def __init__(self, path: str, problems: list[RowProblem]) -> None:
        super().__init__(translate("services.catalog_io", "Tệp %1 có %2 lỗi, chưa nhập gì: %3")
                         .arg(path, len(problems), problems[0]))
        self.problems = problems


@dataclass(frozen=True)
class AgencyRow:
    """An agency as a catalogue file names it."""

    key: str
    name: str
    identifier: str
    kind: str
    head_name: str = ""  # who signs Mẫu 04 / 05 (optional columns agency_head_name, agency_head_title)
    head_title: str = ""


HEAD_MAX = 300


def head_problems(head_name: str, head_title: str) -> list[ValidationError]:
    """The agency head's name and title (both optional, each at most 300 characters; a title needs a name)."""
    problems = []
    if len(head_name) > HEAD_MAX:
        problems.append(ValidationError("head_name", translate("services.catalog_io", "Họ tên thủ trưởng cơ quan tối "
                                                                                    "đa %1 ký tự").arg(HEAD_MAX)))
    if len(head_title) > HEAD_MAX:
        problems.append(ValidationError("head_title", translate("services.catalog_io", "Chức vụ thủ trưởng cơ quan "
                                                                                     "tối đa %1 ký tự").arg(HEAD_MAX)))
    if head_title and not head_name:
        problems.append(ValidationError("head_name", translate("services.catalog_io",
                                                               "Ghi họ tên thủ trưởng cơ quan (đã có chức vụ)")))
    return problems


@dataclass(frozen=True)
class CatalogRow:
    """One valid line of a catalogue file."""

    line: int
    agency: AgencyRow
    procedure: ProcedureDraft


def unreadable(exc: BaseException) -> str:
    """Why a file could not be read, in Vietnamese (a cell past the CSV reader's limit, bytes that are not UTF-8,
    the OS's reason)."""
    if isinstance(exc, UnicodeDecodeError):
        return translate("services.catalog_io", "không phải văn bản UTF-8 (byte lạ ở vị trí %1)").arg(exc.start)
    if isinstance(exc, csv.Error) and "field larger than field limit" in str(exc):
        return translate("services.catalog_io", "có ô dài quá %1 ký tự").arg(_thousands(csv.field_size_limit()))
    if isinstance(exc, csv.Error):
        return translate("services.catalog_io", "không đọc được dạng CSV (%1)").arg(str(exc))
    if isinstance(exc, OSError):
        return exc.strerror or str(exc)
    return str(exc)


def _thousands(n: int) -> str:
    """A count with Vietnamese thousands separators (20.000)."""
    return f"{n:,}".replace(",", ".")


def read_rows(path: Path) -> list[dict[str, str]]:
    """The raw rows of a CSV (UTF-8, BOM allowed) or XLSX file, as text."""
    suffix = path.suffix.lower()
    try:
        if suffix == ".xlsx":
            return _read_xlsx(path)
        if suffix == ".csv":
            with path.open(encoding="utf-8-sig", newline="") as fh:
                rows = [{k: from_spreadsheet_text(v) if isinstance(v, str) else v for k, v in r.items()}
                        for r in itertools.islice(csv.DictReader(fh), MAX_ROWS + 1)]
            _check_size(path, len(rows))
            return _check_header(path, rows, None)
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise DomainError(translate("services.catalog_io", "Không đọc được tệp %1: %2")
                          .arg(path, unreadable(exc))) from exc
    raise DomainError(translate("services.catalog_io", "Tệp %1: chỉ nhận .csv hoặc .xlsx").arg(path))


def _read_xlsx(path: Path) -> list[dict[str, str]]:
    """Rows of the first sheet of an XLSX file."""
    from openpyxl import load_workbook

    _check_parts(path)
    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many types for a damaged file
        raise DomainError(translate("services.catalog_io", "Tệp %1 không phải XLSX hợp lệ: %2")
                          .arg(path, str(exc))) from exc
    try:
        sheet = book.worksheets[0]
        _check_size(path, (sheet.max_row or 1) - 1)  # the sheet's declared dimension: nothing read yet
        first = next(sheet.iter_rows(max_row=1, max_col=MAX_COLUMNS, values_only=True), ())
        header = [str(c).strip() if c is not None else "" for c in first]
        while header and not header[-1]:
            header.pop()
        result = []
        rows = sheet.iter_rows(min_row=2, max_col=max(len(header), 1), values_only=True)
        for n, r in enumerate(rows, start=1):  # a sheet that declared less than it holds: stop all the same
            if n > 10 * MAX_ROWS:
                _check_size(path, n)
            if any(v is not None for v in r):
                result.append({h: _cell_text(v) for h, v in zip(header, r)})
                _check_size(path, len(result))
    except DomainError:
        raise
    except Exception as exc:  # openpyxl raises many types for a damaged sheet
        raise DomainError(translate("services.catalog_io", "Tệp %1 không phải XLSX hợp lệ: %2")
                          .arg(path, str(exc))) from exc
    finally:
        book.close()
    return _check_header(path, result, header)


def _check_parts(path: Path) -> None:
    """Refuse an XLSX whose sheets or shared strings unzip to more than MAX_XLSX_PART_BYTES (read from the zip's
    directory: nothing is unpacked)."""
    try:
        with zipfile.ZipFile(path) as archive:
            largest = max((i.file_size for i in archive.infolist()
                           if i.filename.startswith(("xl/worksheets/", "xl/sharedStrings"))), default=0)
    except (OSError, zipfile.BadZipFile) as exc:
        raise DomainError(translate("services.catalog_io", "Tệp %1 không phải XLSX hợp lệ: %2")
                          .arg(path, str(exc))) from exc
    if largest > MAX_XLSX_PART_BYTES:
        raise DomainError(translate("services.catalog_io", "Tệp %1: quá lớn cho một danh mục (%2 MB khi giải nén; "
                                    "tối đa %3 dòng thủ tục, %4 MB)")
                          .arg(path, largest // 2**20, _thousands(MAX_ROWS), MAX_XLSX_PART_BYTES // 2**20))


def _check_size(path: Path, rows: int) -> None:
    """Refuse a file with more than MAX_ROWS rows of procedures (or 10 × MAX_ROWS rows, empty ones included)."""
    if rows > MAX_ROWS:
        raise DomainError(translate("services.catalog_io", "Tệp %1: quá %2 dòng thủ tục (tệp khai báo hoặc có %3 "
                                    "dòng); tách tệp hoặc kiểm tra lại")
                          .arg(path, _thousands(MAX_ROWS), _thousands(rows)))


def _cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, time):
        return value.strftime("%H:%M")
    return str(value)


def _check_header(path: Path, rows: list[dict[str, str]], header: list[str] | None) -> list[dict[str, str]]:
    """Refuse a file whose header lacks a required column."""
    present = set(header if header is not None else (rows[0].keys() if rows else []))
    missing = sorted(REQUIRED - present)
    if rows and missing:
        raise DomainError(translate("services.catalog_io", "Tệp %1: thiếu cột %2").arg(path, ", ".join(missing)))
    return rows


def parse_rows(raw: list[dict[str, str]]) -> tuple[list[CatalogRow], list[RowProblem]]:
    """Validate every row; returns the good rows and every problem (line numbers count the header as 1)."""
    good, problems = [], []
    seen_codes: dict[str, int] = {}
    agencies: dict[str, AgencyRow] = {}
    for line, row in enumerate(raw, start=2):
        row_problems = cell_problems(line, row)
        if row_problems:  # the shared rules first: a cell with a control character is never read further
            problems.extend(row_problems)
            continue
        agency = _parse_agency(line, row, agencies, row_problems)
        draft = _parse_procedure(line, row, row_problems)
        if draft is not None:
            code = draft.code.strip()
            if code in seen_codes:
                row_problems.append(RowProblem(line, "procedure_code",
                                               translate("services.catalog_io", "mã thủ tục «%1» trùng với dòng %2")
                                               .arg(code, seen_codes[code])))
            seen_codes.setdefault(code, line)
        problems.extend(row_problems)
        if not row_problems and draft is not None and agency is not None:
            good.append(CatalogRow(line, agency, draft))
    return good, problems


def _parse_agency(line: int, row: dict[str, str], known: dict[str, AgencyRow],
                  problems: list[RowProblem]) -> AgencyRow | None:
    """The agency of a row; the same key must carry the same name and identifier throughout the file."""
    key = (row.get("agency_code") or "").strip().upper()
    name = nfc(row.get("agency_name") or "")
    identifier = (row.get("agency_identifier") or "").strip()
    kind = (row.get("agency_kind") or AgencyKind.DEPARTMENT.value).strip() or AgencyKind.DEPARTMENT.value
    start = len(problems)
    if not key or len(key) > 32:
        problems.append(RowProblem(line, "agency_code", translate("services.catalog_io",
                                                                  "thiếu mã cơ quan (tối đa 32 ký tự)")))
    if not 2 <= len(name) <= 300:
        problems.append(RowProblem(line, "agency_name", translate("services.catalog_io",
                                                                  "tên cơ quan phải có từ 2 đến 300 ký tự")))
    if not AGENCY_IDENTIFIER_RE.match(identifier):
        problems.append(RowProblem(line, "agency_identifier", translate("services.catalog_io", "mã định danh cơ quan "
                                                                        "chỉ gồm chữ, số và dấu chấm")))
    if kind not in {k.value for k in AgencyKind}:
        problems.append(RowProblem(line, "agency_kind", translate("services.catalog_io",
                                                                  "loại cơ quan phải là department hoặc company")))
    if len(problems) > start:
        return None
    head_name, head_title = nfc(row.get("agency_head_name") or ""), nfc(row.get("agency_head_title") or "")
    column = {"head_name": "agency_head_name", "head_title": "agency_head_title"}
    problems += [RowProblem(line, column[p.field], p.message) for p in head_problems(head_name, head_title)]
    agency = AgencyRow(key, name, identifier, kind, head_name, head_title)
    previous = known.setdefault(key, agency)
    if previous != agency:
        problems.append(RowProblem(line, "agency_name", translate("services.catalog_io", "cơ quan %1 được ghi khác "
                                                                  "với dòng trước (tên, mã định danh hoặc loại)")
                                   .arg(key)))
        return None
    return agency


def _parse_procedure(line: int, row: dict[str, str], problems: list[RowProblem]) -> ProcedureDraft | None:
    """The procedure of a row, with every bad cell reported."""
    start = len(problems)
    value = _int(line, row, "processing_value", problems, default=None)
    fee = _int(line, row, "fee_vnd", problems, default=0)
    level = _int(line, row, "online_level", problems, default=None)
    cutoff = _time(line, row, "cutoff_hour", problems)
    on_spot = _flag(line, row, "on_the_spot", problems)
    postal = _flag(line, row, "postal_allowed", problems)
    documents = _documents(line, row.get("documents") or "", problems)
    reported = {p.column for p in problems[start:]}
    draft = ProcedureDraft(
        code=row.get("procedure_code") or "", name=row.get("procedure_name") or "",
        processing_value=value if value is not None else 1,
        processing_unit=(row.get("processing_unit") or "").strip(), fee_vnd=fee if fee is not None else 0,
        cutoff=cutoff, supplement_policy=(row.get("supplement_policy") or "pause").strip() or "pause",
        on_the_spot=on_spot, online_level=level, postal_allowed=postal, field_name=row.get("field") or "",
        documents=documents)
    try:
        clean = draft.validated()
    except FormErrors as exc:  # every cell is checked, even when another cell of the row was already bad
        problems.extend(RowProblem(line, column, e.message) for e in exc.errors
                        if (column := DRAFT_COLUMN.get(e.field, e.field)) not in reported)
        return None
    return None if len(problems) > start else clean


def _int(line: int, row: dict[str, str], column: str, problems: list[RowProblem],
         default: int | None) -> int | None:
    text = (row.get(column) or "").strip().replace(".", "").replace(",", "").replace(" ", "")
    if not text:
        if column == "processing_value":
            problems.append(RowProblem(line, column, translate("services.catalog_io", "chưa có thời hạn giải quyết")))
        return default
    try:
        return int(text)
    except ValueError:
        problems.append(RowProblem(line, column, translate("services.catalog_io", "«%1» không phải số nguyên")
                                   .arg(row.get(column))))
        return default


def _time(line: int, row: dict[str, str], column: str, problems: list[RowProblem]) -> time | None:
    text = (row.get(column) or "").strip()
    if not text:
        return None
    try:
        hours, minutes = text.split(":")[:2]
        return time(int(hours), int(minutes))
    except ValueError:
        problems.append(RowProblem(line, column, translate("services.catalog_io", "giờ «%1» phải có dạng HH:MM")
                                   .arg(text)))
        return None


def _flag(line: int, row: dict[str, str], column: str, problems: list[RowProblem]) -> bool:
    text = (row.get(column) or "0").strip().lower() or "0"
    if text in {"1", "true", "có", "x"}:
        return True
    if text in {"0", "false", "không"}:
        return False
    problems.append(RowProblem(line, column, translate("services.catalog_io", "phải là 0 hoặc 1")))
    return False


def _documents(line: int, cell: str, problems: list[RowProblem]) -> list[DocumentDraft]:
    """Documents, one per line of the cell: `kind|count|name`."""
    documents = []
    for n, text in enumerate(l for l in cell.splitlines() if l.strip()):
        parts = text.split("|", 2)
        if len(parts) != 3 or not parts[1].strip().isdigit():
            problems.append(RowProblem(line, "documents", translate("services.catalog_io", "giấy tờ thứ %1 phải có "
                                                                    "dạng loại|số lượng|tên").arg(n + 1)))
            continue
        documents.append(DocumentDraft(parts[2].strip(), parts[0].strip(), int(parts[1])))
    return documents


def format_documents(documents: Iterable[DocumentDraft]) -> str:
    """The documents cell of a row."""
    return "\n".join(f"{d.kind}|{d.count}|{d.name}" for d in documents)


def row_values(agency: AgencyRow, p: ProcedureDraft) -> list[Any]:
    """One procedure as a list of cells in COLUMNS order."""
    return [agency.key, agency.name, agency.identifier, agency.kind, p.field_name, p.code, p.name,
            p.processing_value, p.processing_unit, p.cutoff.strftime("%H:%M") if p.cutoff else "",
            p.supplement_policy, p.fee_vnd, int(p.on_the_spot), p.online_level if p.online_level else "",
            int(p.postal_allowed), format_documents(p.documents), agency.head_name, agency.head_title]


def write_rows(path: Path, rows: list[list[Any]]) -> None:
    """Write CSV (UTF-8) or XLSX by the file's suffix, atomically."""
    suffix = path.suffix.lower()
    if suffix not in {".csv", ".xlsx"}:
        raise DomainError(translate("services.catalog_io", "Tệp %1: chỉ xuất ra .csv hoặc .xlsx").arg(path))
    tmp = path.with_name(f".{path.name}.tmp")
    if suffix == ".csv":
        buffer = io.StringIO()
        writer = SafeCsvWriter(buffer, lineterminator="\n")
        writer.writerow(COLUMNS)
        writer.writerows(rows)
        tmp.write_text(buffer.getvalue(), encoding="utf-8")
    else:
        from openpyxl import Workbook

        book = Workbook(write_only=True)
        sheet = book.create_sheet(SHEET_TITLE)
        sheet.append(list(COLUMNS))
        for r in rows:
            sheet.append(write_only_row(sheet, r))
        book.save(tmp)
    tmp.replace(path)
