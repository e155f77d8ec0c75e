"""Hypothesis fuzz of the three ways data gets in (issue 12 point 5), on both backends: the intake service (what the
form and `dossier receive` call), `dossier import` and `catalog import`. Whatever the input — control and bidi
characters, NUL, lone surrogates, bytes that are not UTF-8, years 1 and 9999, huge numbers, formulas, codes of
every length — each either saves clean data or is refused with a MotcuaError (one Vietnamese line naming the field
at the CLI); nothing else escapes, and nothing saved holds a character the rules forbid.

The count of inputs tried is printed per entry point and backend (`-s` shows it; docs/input-rules.md records it).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from sqlalchemy import select

from app.domain.dossier import DocumentReceived, IntakeDraft
from app.domain.errors import MotcuaError
from app.domain.validators import bad_characters
from app.services import catalog, catalog_io, dossier_csv, dossiers
from app.services.context import Actor, Context
from app.store.models import Dossier, Procedure

EXAMPLES = 150  # per entry point and backend: 6 runs of a few seconds each on the 2-core test machine
FUZZ = settings(max_examples=EXAMPLES, deadline=None, database=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                                       HealthCheck.data_too_large])
SXD = "000.00.02.H33"
HOSTILE = ["", " ", "\x00", "\x1b[2J", "\x07", "\u202e", "\u2066", "\u200b", "\ufeff", "\udcff", "=HYPERLINK(1)",
           "+1", "-1", "@SUM(1)", "9" * 40, "a" * 3000, "0001-01-01T00:00:00", "9999-12-31T23:59:59+07:00",
           "2099-01-05T09:00:00+07:00", "1900-01-01", f"{SXD}-231027-9999999", f"{SXD}-231027-0001",
           "A" * 112 + "-231027-0001", "000.00.99.H99-231027-0001", "ABCDEFGHIJ", "001185012345", "0912345678",
           "-5", "1e309", "NaN", "１２３", "Nguyễn Thị Ánh Tuyết", "2023-10-27T09:32:00+07:00"]


def cells() -> st.SearchStrategy[str]:
    """A cell: a hostile or plausible value, any Unicode text (surrogates included), or both glued."""
    any_text = st.text(st.characters(codec=None, exclude_categories=()), max_size=40)
    pick = st.sampled_from(HOSTILE)
    return st.one_of(pick, any_text, st.builds(lambda a, b: a + b, pick, any_text))


TRIED: dict[str, int] = {}


@pytest.fixture(scope="module", autouse=True)
def report_counts() -> Iterator[None]:
    yield
    for key, count in sorted(TRIED.items()):
        print(f"\n[fuzz] {key}: {count} inputs" + ("" if key.endswith("saved") else " tried"))


def count(key: str) -> None:
    TRIED[key] = TRIED.get(key, 0) + 1


def attempt(key: str, save: Callable[[], object]) -> None:
    """Run one import: saved (counted) or refused with a MotcuaError; anything else fails the test."""
    try:
        save()
    except MotcuaError:
        return
    count(f"{key}: saved")


def assert_clean(ctx: Context) -> None:
    """Nothing stored holds a control, bidi or invisible character, nor a code with more than 5 sequence digits."""
    with ctx.store.read() as s:
        for d in s.scalars(select(Dossier)):
            for value in (d.applicant_name, d.address, d.id_number, d.phone, d.email, d.note, d.owner_name):
                assert not bad_characters(value or ""), (d.code, value)
            assert len(d.code.rsplit("-", 1)[1]) in (4, 5), d.code
        for p in s.scalars(select(Procedure)):
            assert not bad_characters(p.name) and not bad_characters(p.code)


def write_csv(path: Path, columns: tuple[str, ...], rows: list[dict[str, str]]) -> Path:
    """A CSV file of the rows; a lone surrogate becomes bytes that are not UTF-8 (the import must say so)."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    path.write_bytes(buffer.getvalue().encode("utf-8", "surrogatepass"))
    return path


def test_fuzz_intake(demo_ctx: Context, backend: str) -> None:
    with demo_ctx.store.read() as s:
        pid = s.scalar(select(Procedure.id).where(Procedure.code == "DEMO.SXD.004"))
    assert pid is not None

    good = {"applicant_name": "Nguyễn Thị Ánh Tuyết", "id_number": "001185012345", "phone": "0912345678",
            "address": "Tân Phong, Lai Châu", "tax_code": "0100109106"}
    texts = ["applicant_name", "id_number", "phone", "address", "email", "tax_code", "owner_name",
             "owner_id_number", "note", "postal_address"]

    @FUZZ
    @given(changes=st.dictionaries(st.sampled_from(texts), cells(), max_size=3),
           doc=st.one_of(st.just("Đơn đề nghị"), cells()),
           year=st.one_of(st.none(), st.just(1985), st.integers(-10**6, 10**6)),
           sets=st.one_of(st.just(1), st.integers(-5, 200)), organisation=st.booleans())
    def receive(changes: dict[str, str], doc: str, year: int | None, sets: int, organisation: bool) -> None:
        count(f"intake/{backend}")
        draft = IntakeDraft(**(good | changes), applicant_kind="organisation" if organisation else "person",
                            birth_year=year, sets=sets, documents=[DocumentReceived(doc, originals=1)])
        try:
            view = dossiers.receive_dossier(demo_ctx, Actor.maintenance(demo_ctx), pid, draft)
        except MotcuaError:
            return
        count(f"intake/{backend}: saved")
        assert view.code.startswith(SXD) and not bad_characters(view.applicant_name + (view.address or ""))

    receive()
    assert_clean(demo_ctx)


def test_fuzz_dossier_import(demo_ctx: Context, backend: str, tmp_path: Path) -> None:
    good = {"code": "", "procedure_code": "DEMO.SXD.004", "agency_code": "", "channel": "direct",
            "online_level": "", "applicant_name": "Nguyễn Thị Ánh Tuyết", "id_number": "001185012345",
            "phone": "0912345678", "address": "Tân Phong, Lai Châu", "received_at": "2023-10-27T09:32:00+07:00",
            "due_at": "", "status": "in_progress", "resolved_at": "", "outcome": "", "cancelled_at": "",
            "returned_at": "", "result_by_post": "0", "fee_vnd": ""}

    @FUZZ
    @given(st.lists(st.dictionaries(st.sampled_from(dossier_csv.COLUMNS), cells(), max_size=6), min_size=1,
                    max_size=3))
    def import_rows(changes: list[dict[str, str]]) -> None:
        count(f"dossier import/{backend}")
        path = write_csv(tmp_path / "fuzz.csv", dossier_csv.COLUMNS, [good | change for change in changes])
        attempt(f"dossier import/{backend}", lambda: dossier_csv.import_file(demo_ctx, Actor.maintenance(demo_ctx), path))

    import_rows()
    assert_clean(demo_ctx)


def test_fuzz_catalog_import(demo_ctx: Context, backend: str, tmp_path: Path) -> None:
    good = dict.fromkeys(catalog_io.COLUMNS, "") | {
        "agency_code": "SXD", "agency_name": "Sở Xây dựng", "agency_identifier": SXD, "procedure_code": "FUZZ.001",
        "procedure_name": "Thủ tục thử", "processing_value": "5", "processing_unit": "working_days"}

    @FUZZ
    @given(st.lists(st.dictionaries(st.sampled_from(catalog_io.COLUMNS), cells(), max_size=6), min_size=1,
                    max_size=3), st.booleans())
    def import_catalog(changes: list[dict[str, str]], as_xlsx: bool) -> None:
        count(f"catalog import/{backend}")
        rows = [good | change for change in changes]
        if as_xlsx and not any(ILLEGAL_CHARACTERS_RE.search(v) or any("\ud800" <= ch <= "\udfff" for ch in v)
                               for r in rows for v in r.values()):
            path = tmp_path / "fuzz.xlsx"  # (a sheet cannot hold control characters or surrogates at all)
            catalog_io.write_rows(path, [[r[c] for c in catalog_io.COLUMNS] for r in rows])
        else:
            path = write_csv(tmp_path / "fuzz.csv", catalog_io.COLUMNS, rows)
        attempt(f"catalog import/{backend}", lambda: catalog.import_catalog(demo_ctx, Actor.maintenance(demo_ctx), path))

    import_catalog()
    assert_clean(demo_ctx)
