"""Dossier CSV import/export on both backends: refused whole with every error, idempotent, lossless round trip,
sequences moved past imported codes, and the time 10,000 rows take (printed, not asserted)."""

from __future__ import annotations

import csv
import random
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import func, select

from app.domain.dossier import IntakeDraft
from app.services import dossier_csv, dossiers, lifecycle
from app.services.catalog_io import ImportRejected
from app.services.context import Actor, Context
from app.store.engine import Store
from app.store.models import Dossier, DossierEvent

VN = ZoneInfo("Asia/Ho_Chi_Minh")
SXD = "000.00.02.H33"
LETTERS = str.maketrans("0123456789", "abcdeghikl")
ROW = {"code": f"{SXD}-231027-0005", "procedure_code": "DEMO.SXD.004", "agency_code": "", "channel": "direct",
       "online_level": "", "applicant_name": "Nguyễn Thị Ánh Tuyết", "id_number": "001185012345",
       "phone": "0912 345 678", "address": "Tân Phong, Lai Châu", "received_at": "2023-10-27T09:32:00",
       "due_at": "", "status": "in_progress", "resolved_at": "", "outcome": "", "cancelled_at": "",
       "returned_at": "", "result_by_post": "0", "fee_vnd": ""}


def write(path: Path, rows: list[dict[str, str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=dossier_csv.COLUMNS)
        writer.writeheader()
        writer.writerows(rows)
    return path


def counts(ctx: Context) -> tuple[int, int]:
    with ctx.store.read() as s:
        return (s.scalar(select(func.count()).select_from(Dossier)) or 0,
                s.scalar(select(func.count()).select_from(DossierEvent)) or 0)


def sample_rows() -> list[dict[str, str]]:
    return [
        ROW,
        ROW | {"code": "", "received_at": "2023-10-27T10:00:00+07:00", "status": "resolved",
               "resolved_at": "2023-11-01T15:00:00+07:00", "outcome": "result",
               "returned_at": "2023-11-02T08:00:00+07:00", "fee_vnd": "0"},
        ROW | {"code": f"{SXD}-231030-0001", "channel": "online", "online_level": "4",
               "received_at": "2023-10-30T08:00:00+07:00", "status": "cancelled",
               "cancelled_at": "2023-10-31T08:00:00+07:00", "due_at": "2023-11-06T17:00:00+07:00"},
        ROW | {"code": f"{SXD}-231030-0002", "received_at": "2023-10-30T08:10:00+07:00", "status": "paused",
               "result_by_post": "1"},
        ROW | {"code": f"{SXD}-231030-0003", "received_at": "2023-10-30T08:20:00+07:00", "status": "resolved",
               "resolved_at": "2023-10-31T08:00:00+07:00", "outcome": "returned_to_applicant",
               "agency_code": "SXD", "fee_vnd": "25000"},
    ]


def test_a_file_with_bad_rows_is_refused_whole_with_every_error(demo_ctx: Context, tmp_path: Path) -> None:
    rows = sample_rows() + [
        ROW | {"code": "rác", "procedure_code": "KHONG.CO"},
        ROW | {"code": f"{SXD}-231027-0005"},  # same code as line 2
        ROW | {"code": "", "channel": "online", "received_at": "27/10/2023", "status": "resolved"},
        ROW | {"code": "", "phone": "123", "fee_vnd": "-5", "status": "cancelled", "returned_at": "2023-11-01T00:00"},
    ]
    with pytest.raises(ImportRejected) as info:
        dossier_csv.import_file(demo_ctx, Actor.maintenance(demo_ctx), write(tmp_path / "bad.csv", rows))
    found = {(p.line, p.column) for p in info.value.problems}
    assert found == {(7, "procedure_code"), (7, "code"), (8, "code"), (9, "online_level"), (9, "received_at"),
                     (9, "resolved_at"), (9, "outcome"), (10, "phone"), (10, "fee_vnd"), (10, "cancelled_at"),
                     (10, "returned_at")}
    assert "dòng 7, cột" in str(info.value) and "chưa nhập gì" in str(info.value)
    assert counts(demo_ctx) == (0, 0)


def test_header_must_have_the_columns(demo_ctx: Context, tmp_path: Path) -> None:
    path = tmp_path / "h.csv"
    path.write_text("code,procedure_code,foo\n", encoding="utf-8")
    with pytest.raises(ImportRejected) as info:
        dossier_csv.import_file(demo_ctx, Actor.maintenance(demo_ctx), path)
    assert {(p.line, p.column) for p in info.value.problems} >= {(1, "foo"), (1, "received_at")}


def test_import_builds_states_events_and_moves_sequences(demo_ctx: Context, tmp_path: Path) -> None:
    result = dossier_csv.import_file(demo_ctx, Actor.maintenance(demo_ctx), write(tmp_path / "a.csv", sample_rows()))
    assert (result.imported, result.skipped) == (5, 0)
    generated = f"{SXD}-231027-0006"  # the blank code comes after the imported 0005 of the same agency and day
    v = dossiers.get_dossier(demo_ctx, generated)
    assert v.status == "returned" and [e.kind for e in lifecycle.history(demo_ctx, generated)] == [
        "received", "resolved", "returned"]
    first = dossiers.get_dossier(demo_ctx, f"{SXD}-231027-0005")
    assert first.received_at == datetime(2023, 10, 27, 9, 32, tzinfo=VN) and first.phone == "0912345678"
    assert first.due_at == datetime(2023, 11, 3, 17, tzinfo=VN) and first.fee_vnd == 10000  # computed, catalogue
    assert first.rule_set == "ND61-2018" and first.status == "received"
    assert dossiers.get_dossier(demo_ctx, f"{SXD}-231030-0003").status == "resolved"
    # a dossier received at the counter that day takes the next free number
    demo_ctx.clock = lambda: datetime(2023, 10, 27, 2, 0, tzinfo=UTC)
    pid = dossiers.procedure_id_by_code(demo_ctx, "DEMO.SXD.004")
    draft = IntakeDraft(applicant_name="Lò Văn A", id_number="001185012345", phone="0912345678", address="Lai Châu",
                        birth_year=1985, sex="female")
    assert dossiers.receive_dossier(demo_ctx, Actor.maintenance(demo_ctx), pid, draft).code == f"{SXD}-231027-0007"
    # the lifecycle goes on from an imported state
    lifecycle.apply_action(demo_ctx, Actor.maintenance(demo_ctx), f"{SXD}-231030-0002", "resume")


def test_reimport_changes_nothing(demo_ctx: Context, tmp_path: Path) -> None:
    rows = [r for r in sample_rows() if r["code"]]
    path = write(tmp_path / "a.csv", rows)
    dossier_csv.import_file(demo_ctx, Actor.maintenance(demo_ctx), path)
    before, exported = counts(demo_ctx), dossier_csv.export_rows(demo_ctx)
    again = dossier_csv.import_file(demo_ctx, Actor.maintenance(demo_ctx), path)
    assert (again.imported, again.skipped) == (0, 4)
    assert counts(demo_ctx) == before and dossier_csv.export_rows(demo_ctx) == exported


def test_export_import_round_trip_is_lossless(demo_ctx: Context, backend: str, store_factories: dict,
                                              tmp_path: Path) -> None:
    dossier_csv.import_file(demo_ctx, Actor.maintenance(demo_ctx), write(tmp_path / "a.csv", sample_rows()))
    first = tmp_path / "first.csv"
    assert dossier_csv.export_file(demo_ctx, first) == 5
    other = Store(store_factories[backend].url("demo"))
    try:
        ctx2 = Context(other)
        assert dossier_csv.import_file(ctx2, Actor.maintenance(ctx2), first).imported == 5
        second = tmp_path / "second.csv"
        dossier_csv.export_file(ctx2, second)
    finally:
        other.dispose()
    assert second.read_text(encoding="utf-8") == first.read_text(encoding="utf-8")
    assert "Nguyễn Thị Ánh Tuyết" in first.read_text(encoding="utf-8")


def generated(n: int, seed: int = 5) -> list[dict[str, str]]:
    """`n` valid rows over three agencies and a year, every status."""
    rng = random.Random(seed)
    procedures = [("DEMO.SXD.004", SXD), ("DEMO.SXD.009", SXD), ("DEMO.STP.012", "000.00.04.H33")]
    start, rows, seq = datetime(2024, 1, 2, 7, 30, tzinfo=VN), [], {}  # type: ignore[var-annotated]
    for i in range(n):
        pcode, ident = procedures[i % 3]
        received = start + timedelta(minutes=37 * i)
        key = (ident, received.date())
        seq[key] = seq.get(key, 0) + 1
        status = rng.choice(dossier_csv.STATUSES)
        row = ROW | {"code": f"{ident}-{received:%y%m%d}-{seq[key]:04d}", "procedure_code": pcode,
                     "applicant_name": "Người nộp số " + str(i).translate(LETTERS),  # names hold no digits
                     "received_at": received.isoformat(), "status": status}
        if status == "resolved":
            row |= {"resolved_at": (received + timedelta(days=3)).isoformat(), "outcome": rng.choice(dossier_csv.OUTCOMES),
                    "returned_at": (received + timedelta(days=4)).isoformat() if i % 2 else ""}
        elif status == "cancelled":
            row |= {"cancelled_at": (received + timedelta(days=1)).isoformat()}
        rows.append(row)
    return rows


def test_ten_thousand_rows(demo_ctx: Context, backend: str, tmp_path: Path) -> None:
    path = write(tmp_path / "big.csv", generated(10_000))
    started = time.perf_counter()
    result = dossier_csv.import_file(demo_ctx, Actor.maintenance(demo_ctx), path)
    elapsed = time.perf_counter() - started
    print(f"\n[{backend}] imported {result.imported} dossiers in {elapsed:.2f} s")
    assert result.imported == 10_000 and counts(demo_ctx)[0] == 10_000
    started = time.perf_counter()
    assert dossier_csv.export_file(demo_ctx, tmp_path / "out.csv") == 10_000
    print(f"[{backend}] exported 10000 dossiers in {time.perf_counter() - started:.2f} s")


def test_paused_rows_keep_their_pause_and_count_in_column_11(demo_ctx: Context, tmp_path: Path) -> None:
    """Issue 14.2: `paused_at` (empty = the reception moment) is the pause of the history; the period report counts
    it in (11); export writes it; a file without the column still imports."""
    from app.services.period_report import period_report

    paused = ROW | {"status": "paused", "received_at": "2023-10-30T08:10:00+07:00"}
    rows = [paused | {"code": f"{SXD}-231030-0001", "paused_at": "2023-10-31T15:00:00+07:00"},
            paused | {"code": f"{SXD}-231030-0002"}]
    dossier_csv.import_file(demo_ctx, Actor.maintenance(demo_ctx), write(tmp_path / "p.csv", rows))
    exported = {r["code"]: r["paused_at"] for r in dossier_csv.export_rows(demo_ctx)}
    assert exported == {f"{SXD}-231030-0001": "2023-10-31T15:00:00+07:00",
                        f"{SXD}-231030-0002": "2023-10-30T08:10:00+07:00"}
    events = [(e.kind, e.at) for e in lifecycle.history(demo_ctx, f"{SXD}-231030-0001")]
    assert events == [("received", datetime(2023, 10, 30, 8, 10, tzinfo=VN)),
                      ("supplement_requested", datetime(2023, 10, 31, 15, tzinfo=VN))]
    report = period_report(demo_ctx, datetime(2023, 10, 1).date(), datetime(2023, 11, 30).date())
    assert report.total.paused == 2 and report.total.received_total == 2 and report.identities_hold
    before = period_report(demo_ctx, datetime(2023, 10, 1).date(), datetime(2023, 10, 30).date())
    assert before.total.paused == 1  # at the end of 30/10 only the one paused at its reception was paused
    # resuming moves the due date on by the pause (the pause moment is the one imported)
    due = dossiers.get_dossier(demo_ctx, f"{SXD}-231030-0001").due_at
    demo_ctx.clock = lambda: datetime(2023, 11, 2, 2, 0, tzinfo=UTC)
    resumed = lifecycle.apply_action(demo_ctx, Actor.maintenance(demo_ctx), f"{SXD}-231030-0001", "resume")
    assert resumed.due_at is not None and due is not None and resumed.due_at > due
    # an older file, without the column
    old = tmp_path / "old.csv"
    with old.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=[c for c in dossier_csv.COLUMNS if c != "paused_at"])
        writer.writeheader()
        writer.writerow({k: v for k, v in (paused | {"code": f"{SXD}-231030-0003"}).items() if k != "paused_at"})
    assert dossier_csv.import_file(demo_ctx, Actor.maintenance(demo_ctx), old).imported == 1
    assert dossiers.get_dossier(demo_ctx, f"{SXD}-231030-0003").status == "paused"
