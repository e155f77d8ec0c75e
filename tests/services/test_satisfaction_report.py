"""The satisfaction report on both backends: the seed's figures (3.355/3.483 rất hài lòng = 96,3%; hài lòng 3,7%),
local-date boundaries, grouping by counter/officer/service/agency, text/CSV/JSON, and the CLI."""

from __future__ import annotations

import csv
import io
import json
from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import insert, select

from app.domain import satisfaction as rules
from app.domain.dossier import IntakeDraft
from app.domain.errors import ValidationError
from app.services import accounts, dossiers, queue, ratings
from app.services import satisfaction_report as sr
from app.services.context import Context
from app.store.models import Counter, Rating, Service

VN = ZoneInfo("Asia/Ho_Chi_Minh")
DAY = date(2026, 11, 30)


def _seed_votes(ctx: Context) -> None:
    """The seed's year: 3,355 very satisfied and 128 satisfied votes, spread over counters 1 and 3."""
    with ctx.store.write() as s:
        counters = {c.number: c.id for c in s.scalars(select(Counter))}
        services = {v.code: v.id for v in s.scalars(select(Service))}
        at = datetime(2026, 11, 30, 9, 0, tzinfo=VN)
        rows = []
        for i in range(3483):
            level = 1 if i < 3355 else 2
            counter, service = (1, "DD") if i % 2 == 0 else (3, "TP")
            rows.append({"id": __import__("uuid").uuid4(), "ticket_id": None, "counter_id": counters[counter],
                         "officer_id": None, "service_id": services[service], "level": level, "scale": 3,
                         "raw_key": str(1 if level == 1 else 2), "at": at + timedelta(seconds=i)})
        s.execute(insert(Rating), rows)


def test_domain_formatting_like_the_seed() -> None:
    assert rules.format_count(3355) == "3.355" and rules.format_count(3483) == "3.483"
    assert rules.format_percent(3355, 3483) == "96,3%" and rules.format_percent(128, 3483) == "3,7%"
    assert rules.format_percent(0, 0) == "0,0%" and rules.format_percent(1, 1) == "100,0%"
    assert rules.LevelShare(1, 3355, 3483).sentence() == \
        "3.355/3.483 lượt đánh giá rất hài lòng, chiếm tỷ lệ 96,3%"
    assert [rules.level_label(lv) for lv in rules.scale_levels(3)] == ["Rất hài lòng", "Hài lòng", "Không hài lòng"]
    assert [rules.level_label(lv) for lv in rules.scale_levels(4)][2] == "Bình thường"
    assert rules.level_label(rules.scale_levels(5)[-1]) == "Rất không hài lòng"
    assert rules.default_key_map(3) == {"1": 1, "2": 2, "3": 4}
    assert rules.key_map_from_keys(3, "3,2,1") == {"3": 1, "2": 2, "1": 4}
    with pytest.raises(rules.SatisfactionError):
        rules.key_map_from_keys(3, "1,2")
    with pytest.raises(rules.SatisfactionError):
        rules.scale_levels(7)


def test_seed_figures(demo_ctx: Context) -> None:
    _seed_votes(demo_ctx)
    report = sr.satisfaction_report(demo_ctx, DAY, DAY)
    assert report.total.total == 3483 and report.total.counts == {1: 3355, 2: 128}
    assert report.headline() == "3.355/3.483 lượt đánh giá rất hài lòng, chiếm tỷ lệ 96,3%"
    assert rules.format_percent(report.total.counts[2], report.total.total) == "3,7%"
    assert report.levels == (1, 2, 4)  # the 3-level scale's columns, with none voted for level 4
    text = sr.to_text(report)
    assert "3.355 (96,3%)" in text and "128 (3,7%)" in text and "0 (0,0%)" in text


def test_grouping_by_counter_and_service(demo_ctx: Context) -> None:
    _seed_votes(demo_ctx)
    by_counter = sr.satisfaction_report(demo_ctx, DAY, DAY, by="counter")
    assert [(r.name, r.total) for r in by_counter.rows] == [("Quầy số 1", 1742), ("Quầy số 3", 1741)]
    assert sum(r.total for r in by_counter.rows) == by_counter.total.total
    by_service = sr.satisfaction_report(demo_ctx, DAY, DAY, by="service")
    assert [r.name.split(" — ")[0] for r in by_service.rows] == ["DD", "TP"]
    rows = list(csv.reader(io.StringIO(sr.to_csv(by_counter))))
    assert rows[0][:4] == ["nhom", "tong", "Rất hài lòng", "Rất hài lòng (%)"]
    assert rows[-1][:4] == ["Tổng cộng", "3483", "3355", "96.3"]
    data = sr.to_json(by_counter)
    assert data["total"]["levels"][1]["percent_vi"] == "3,7%" and data["headline"].endswith("96,3%")


def test_local_date_boundaries_and_agency_officer_grouping(demo_ctx: Context) -> None:
    clock = [datetime(2026, 11, 30, 16, 50, tzinfo=timezone.utc)]  # 23:50 on 30/11 in Hà Nội
    demo_ctx.clock = lambda: clock[0]
    officer = accounts.maintenance_acting_as(demo_ctx, "canbo01")
    queue.issue_ticket(demo_ctx, "DD")
    queue.call_next(demo_ctx, officer, 1)
    t1 = queue.finish(demo_ctx, officer, 1)
    pid = dossiers.procedure_id_by_code(demo_ctx, "DEMO.SXD.004")
    dossiers.receive_dossier(demo_ctx, officer, pid, IntakeDraft(applicant_name="Nguyễn Văn An",
                                                                 id_number="001085012345", phone="0912345678",
                                                                 address="Lai Châu"), ticket_id=t1.id)
    assert ratings.record_vote(demo_ctx, 1, "1").ticket_id == t1.id  # 23:50 local, 30/11
    clock[0] += timedelta(minutes=20)  # 00:10 local on 01/12
    queue.issue_ticket(demo_ctx, "DN2")  # a service of one agency... with two: no dossier, several agencies
    queue.call_next(demo_ctx, accounts.maintenance_acting_as(demo_ctx, "canbo02"), 9)
    queue.finish(demo_ctx, accounts.maintenance_acting_as(demo_ctx, "canbo02"), 9)
    assert ratings.record_vote(demo_ctx, 9, "3").kind == "vote"

    first_day = sr.satisfaction_report(demo_ctx, DAY, DAY, by="agency")
    assert [(r.name, r.total) for r in first_day.rows] == [("Sở Xây dựng", 1)]  # from the dossier of the ticket
    both = sr.satisfaction_report(demo_ctx, DAY, DAY + timedelta(days=1), by="agency")
    assert [r.total for r in both.rows] == [1, 1] and both.rows[-1].name == sr.UNKNOWN_NAME
    by_officer = sr.satisfaction_report(demo_ctx, DAY, DAY + timedelta(days=1), by="officer")
    assert [r.name for r in by_officer.rows] == ["Lò Văn Minh", "Nguyễn Thị Hương"]
    assert sr.satisfaction_report(demo_ctx, DAY + timedelta(days=2), DAY + timedelta(days=3)).total.total == 0
    with pytest.raises(ValidationError):
        sr.satisfaction_report(demo_ctx, DAY, DAY - timedelta(days=1))


def _main(argv: list[str]) -> int:
    from app.main import main

    return main(argv)


def test_cli_report_satisfaction(demo_ctx: Context, demo_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    _seed_votes(demo_ctx)
    assert _main(["--db", demo_url, "report", "satisfaction", "--from", "30/11/2026", "--to", "2026-11-30"]) == 0
    out = capsys.readouterr().out
    assert "3.355/3.483 lượt đánh giá rất hài lòng, chiếm tỷ lệ 96,3%" in out
    assert _main(["--db", demo_url, "report", "satisfaction", "--from", "2026-11-30", "--to", "2026-11-30",
                  "--by", "counter", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [r["total"] for r in data["rows"]] == [1742, 1741]
    with pytest.raises(SystemExit) as bad:  # argparse's usage error: one line, exit 2
        _main(["--db", demo_url, "report", "satisfaction", "--from", "30-11-2026", "--to", "2026-11-30"])
    assert bad.value.code == 2
    assert "ngày không hợp lệ" in capsys.readouterr().err
