"""Exports that a spreadsheet program opens safely: a text cell starting with = + - @ is written as text, never as
a formula (a catalogue name `=HYPERLINK(…)` must not become a live link). CSV cells get a leading apostrophe
(app.domain.text.spreadsheet_text; the importers drop it again); XLSX cells are typed as strings."""

from __future__ import annotations

import csv
from collections.abc import Iterable
from typing import Any

from app.domain.text import FORMULA_STARTS, spreadsheet_text


class SafeCsvWriter:
    """csv.writer whose text cells never start a formula."""

    def __init__(self, fh: Any, **options: Any) -> None:
        self._writer = csv.writer(fh, **options)

    def writerow(self, row: Iterable[Any]) -> Any:
        """Write one row."""
        return self._writer.writerow([spreadsheet_text(v) for v in row])

    def writerows(self, rows: Iterable[Iterable[Any]]) -> None:
        """Write every row."""
        for row in rows:
            self.writerow(row)


def safe_dict_row(row: dict[str, Any]) -> dict[str, Any]:
    """A csv.DictWriter row whose text cells never start a formula."""
    return {k: spreadsheet_text(v) for k, v in row.items()}


def as_text(cell: Any) -> Any:
    """An openpyxl cell (normal or write-only) holding a text that starts like a formula, typed as a string."""
    if isinstance(cell.value, str) and cell.value.startswith(FORMULA_STARTS):
        cell.data_type = "s"
    return cell


def texts_as_text(workbook: Any) -> None:
    """Every cell of a (normal) workbook that openpyxl took for a formula typed back as the text it is: our exports
    write no formula of their own."""
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if cell.data_type == "f":
                    cell.data_type = "s"


def write_only_row(sheet: Any, values: Iterable[Any]) -> list[Any]:
    """A row for a write-only sheet, each text typed as text."""
    from openpyxl.cell import WriteOnlyCell

    return [as_text(WriteOnlyCell(sheet, value=v)) for v in values]
