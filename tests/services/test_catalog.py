"""The catalogue: import all-or-nothing with line/column errors, lossless export, edits, accent-free search."""

from __future__ import annotations

import csv
from datetime import time
from pathlib import Path

import pytest
from openpyxl import load_workbook

from app.domain.catalog import DocumentDraft, ProcedureDraft
from app.domain.errors import FormErrors
from app.services import catalog
from app.services.catalog_io import COLUMNS, ImportRejected
from app.services.context import Actor, Context
from app.services.demo import demo_rows



def _write_csv(path: Path, rows: list[dict[str, str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=COLUMNS)
        writer.writeheader()
        writer.writerows(rows)
    return path


def test_import_then_export_round_trip(ctx: Context, tmp_path: Path) -> None:
    source = _write_csv(tmp_path / "in.csv", demo_rows()[:40])
    summary = catalog.import_catalog(ctx, Actor.maintenance(ctx), source)
    assert summary.procedures_added == 40 and summary.procedures_updated == 0
    catalog.export_catalog(ctx, tmp_path / "out.csv")
    assert (tmp_path / "out.csv").read_text(encoding="utf-8") == source.read_text(encoding="utf-8")
    catalog.export_catalog(ctx, tmp_path / "out.xlsx")
    sheet = load_workbook(tmp_path / "out.xlsx").worksheets[0]
    assert [c.value for c in sheet[1]] == list(COLUMNS)
    assert sheet.max_row == 41
    again = catalog.import_catalog(ctx, Actor.maintenance(ctx), tmp_path / "out.xlsx")  # XLSX back in: same catalogue
    assert (again.procedures_added, again.procedures_updated) == (0, 40)
    catalog.export_catalog(ctx, tmp_path / "out2.csv")
    assert (tmp_path / "out2.csv").read_text(encoding="utf-8") == source.read_text(encoding="utf-8")


def test_bad_file_is_refused_whole_with_every_error(ctx: Context, tmp_path: Path) -> None:
    rows = demo_rows()[:6]
    rows[1] = {**rows[1], "fee_vnd": "mười nghìn"}
    rows[3] = {**rows[3], "processing_unit": "weeks", "cutoff_hour": "25h"}
    rows[4] = {**rows[4], "procedure_code": rows[0]["procedure_code"]}
    bad = _write_csv(tmp_path / "bad.csv", rows)
    with pytest.raises(ImportRejected) as info:
        catalog.import_catalog(ctx, Actor.maintenance(ctx), bad)
    found = {(p.line, p.column) for p in info.value.problems}
    assert found == {(3, "fee_vnd"), (5, "processing_unit"), (5, "cutoff_hour"), (6, "procedure_code")}
    assert "dòng 3, cột fee_vnd" in str(info.value)
    assert catalog.list_procedures(ctx) == [] and catalog.list_agencies(ctx) == []


def test_missing_column_is_named(ctx: Context, tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_text("agency_code,procedure_name\nSTP,Cấp phiếu lý lịch tư pháp\n", encoding="utf-8")
    with pytest.raises(Exception, match="thiếu cột .*procedure_code"):
        catalog.import_catalog(ctx, Actor.maintenance(ctx), path)


def test_edit_procedure_is_validated_and_saved_in_one_transaction(demo_ctx: Context) -> None:
    view = catalog.list_procedures(demo_ctx)[0]
    bad = ProcedureDraft(**{**view.draft.__dict__, "name": " ", "processing_value": 0,
                            "documents": [DocumentDraft("", "original", 0)]})
    with pytest.raises(FormErrors) as info:
        catalog.save_procedure(demo_ctx, Actor.maintenance(demo_ctx), view.id, view.agency_id, bad)
    assert {"name", "processing_value", "documents"} <= set(info.value.by_field())
    assert catalog.get_procedure(demo_ctx, view.id).draft == view.draft  # nothing saved half

    good = ProcedureDraft(**{**view.draft.__dict__, "fee_vnd": 123_000, "cutoff": time(15, 0),
                             "documents": [DocumentDraft("Tờ khai (bản gốc)", "original", 1),
                                           DocumentDraft("CCCD", "photocopy", 2)]})
    catalog.save_procedure(demo_ctx, Actor.maintenance(demo_ctx), view.id, view.agency_id, good)
    stored = catalog.get_procedure(demo_ctx, view.id).draft
    assert stored.fee_vnd == 123_000 and stored.cutoff == time(15, 0)
    assert [(d.name, d.kind, d.count) for d in stored.documents] == [("Tờ khai (bản gốc)", "original", 1),
                                                                      ("CCCD", "photocopy", 2)]


def test_duplicate_code_on_edit_is_a_field_error(demo_ctx: Context) -> None:
    first, second = catalog.list_procedures(demo_ctx)[:2]
    clash = ProcedureDraft(**{**second.draft.__dict__, "code": first.draft.code})
    with pytest.raises(FormErrors) as info:
        catalog.save_procedure(demo_ctx, Actor.maintenance(demo_ctx), second.id, second.agency_id, clash)
    assert "code" in info.value.by_field()


def test_agency_validation(ctx: Context) -> None:
    with pytest.raises(FormErrors) as info:
        catalog.save_agency(ctx, Actor.maintenance(ctx), None, "", "S", "có dấu")
    assert set(info.value.by_field()) == {"key", "name", "identifier"}
    a = catalog.save_agency(ctx, Actor.maintenance(ctx), None, "syt", "Sở Y tế", "000.00.15.H33")
    assert a.key == "SYT"
    with pytest.raises(FormErrors):
        catalog.save_agency(ctx, Actor.maintenance(ctx), None, "SYT2", "Sở Y tế 2", "000.00.15.H33")


def test_accent_insensitive_search(demo_ctx: Context) -> None:
    index = catalog.build_search_index(demo_ctx)
    agencies = {v.id: v.agency_name for v in catalog.list_procedures(demo_ctx)}
    hits = index.search("tai nguyen moi truong")
    assert hits and {agencies[h] for h in hits} == {"Sở Tài nguyên và Môi trường"}
    assert index.search("TÀI NGUYÊN MÔI TRƯỜNG") == hits
    licence = index.search("giay phep lai xe")
    assert licence and all(agencies[h] == "Sở Giao thông vận tải" for h in licence)
    assert index.search("đăng ký") == index.search("dang ky")
    assert index.search("khong co thu tuc nao nhu the nay") == []


def test_the_agency_head_is_kept_imported_and_exported(demo_ctx: Context, tmp_path: Path) -> None:
    """Who signs Mẫu 04 / 05 per agency: set in the admin window (save_agency), by `catalog agency`, or by the
    catalogue file's optional columns (an empty cell keeps what is stored); the export writes it back."""
    sxd = next(a for a in catalog.list_agencies(demo_ctx) if a.key == "SXD")
    assert (sxd.head_name, sxd.head_title) == ("Nguyễn Văn Quyết", "GIÁM ĐỐC")  # the demo catalogue's
    with pytest.raises(FormErrors) as info:
        catalog.set_agency_head(demo_ctx, Actor.maintenance(demo_ctx), "sxd", "", "PHÓ GIÁM ĐỐC")
    assert list(info.value.by_field()) == ["head_name"]
    catalog.set_agency_head(demo_ctx, Actor.maintenance(demo_ctx), "sxd", "Lò Thị Hương", "PHÓ GIÁM ĐỐC")
    out = tmp_path / "catalogue.csv"
    catalog.export_catalog(demo_ctx, out)
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert {(r["agency_head_name"], r["agency_head_title"]) for r in rows if r["agency_code"] == "SXD"} == \
        {("Lò Thị Hương", "PHÓ GIÁM ĐỐC")}
    for r in rows:
        if r["agency_code"] == "SXD":
            r["agency_head_name"], r["agency_head_title"] = "", ""
        elif r["agency_code"] == "STP":
            r["agency_head_name"] = "Hà Văn Tư"
    with out.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    catalog.import_catalog(demo_ctx, Actor.maintenance(demo_ctx), out)
    heads = {a.key: (a.head_name, a.head_title) for a in catalog.list_agencies(demo_ctx)}
    assert heads["SXD"] == ("Lò Thị Hương", "PHÓ GIÁM ĐỐC") and heads["STP"] == ("Hà Văn Tư", "GIÁM ĐỐC")
