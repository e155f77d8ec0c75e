"""The demo centre matches the seed report: its 17 agencies by exact name and order, real procedures, a hall."""

from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path

from app.domain.accounts import Role
from app.services import accounts, catalog, hall, workdays
from app.services.context import Actor, Context
from app.services.demo import demo_rows, generated_rows, seed_demo

SEED_TABLE = Path(__file__).resolve().parents[1] / "data" / "seed-appendix-table.csv"


def _seed_agencies() -> list[str]:
    with SEED_TABLE.open(encoding="utf-8") as fh:
        return [r["agency"] for r in csv.DictReader(fh) if r["stt"]]


def test_demo_catalogue_has_the_seed_agencies_in_order(demo_ctx: Context) -> None:
    agencies = catalog.list_agencies(demo_ctx)
    assert [a.name for a in agencies] == _seed_agencies()
    assert all(a.procedure_count >= 5 for a in agencies)
    assert sum(a.procedure_count for a in agencies) >= 150
    assert [a.kind for a in agencies][-2:] == ["company", "company"]


def test_demo_hall_and_accounts(demo_ctx: Context) -> None:
    services = hall.list_services(demo_ctx)
    assert 4 <= len(services) <= 6
    served = {a for s in services for a in s.draft.agency_ids}
    assert served == {a.id for a in catalog.list_agencies(demo_ctx)}  # every agency reachable from the kiosk
    counters = hall.list_counters(demo_ctx)
    assert [c.number for c in counters] == list(range(1, 11)) and all(c.service_ids for c in counters)
    roles = Counter(u.role for u in accounts.list_users(demo_ctx, Actor.maintenance(demo_ctx)))
    assert roles[Role.ADMIN] >= 1 and roles[Role.SUPERVISOR] >= 1 and roles[Role.OFFICER] >= 5
    assert accounts.sign_in(demo_ctx, "canbo01", "canbo123").role is Role.OFFICER
    overrides = {o.day.isoformat(): o.kind for o in workdays.list_overrides(demo_ctx)}
    assert overrides == {"2026-01-02": "off", "2026-01-10": "work"}


def test_seeding_again_changes_nothing(demo_ctx: Context) -> None:
    before = (catalog.list_agencies(demo_ctx), hall.list_services(demo_ctx), hall.list_counters(demo_ctx))
    seed_demo(demo_ctx, Actor.maintenance(demo_ctx))
    assert (catalog.list_agencies(demo_ctx), hall.list_services(demo_ctx), hall.list_counters(demo_ctx)) == before


def test_demo_rows_are_real_and_varied() -> None:
    rows = demo_rows()
    units = Counter(r["processing_unit"] for r in rows)
    assert units["working_days"] and units["calendar_days"] and units["same_day"] and units["working_hours"]
    assert any(r["cutoff_hour"] == "15:00" for r in rows)
    assert {r["on_the_spot"] for r in rows} == {"0", "1"}
    assert len({r["procedure_code"] for r in rows}) == len(rows)
    assert not any("lorem" in r["procedure_name"].lower() for r in rows)


def test_generated_catalogue_for_benchmarks() -> None:
    rows = generated_rows(6000)
    assert len(rows) == 6000 and len({r["procedure_code"] for r in rows}) == 6000
    assert rows[: len(demo_rows())] == demo_rows()


def test_a_service_keeps_an_english_name_for_the_kiosk_within_its_limit(demo_ctx: Context) -> None:
    import pytest

    from app.domain.errors import FormErrors

    views = {v.draft.code: v for v in hall.list_services(demo_ctx)}
    assert views["TKQ"].draft.name_en == "Collect your result"
    actor = Actor.maintenance(demo_ctx)
    from dataclasses import replace

    with pytest.raises(FormErrors) as refused:
        hall.save_service(demo_ctx, actor, views["TKQ"].id, replace(views["TKQ"].draft, name_en="x" * 201))
    assert refused.value.by_field() == {"name_en": "Tên tiếng Anh của dịch vụ tối đa 200 ký tự"}
    hall.save_service(demo_ctx, actor, views["TKQ"].id, replace(views["TKQ"].draft, name_en=" Result  return "))
    assert {v.draft.code: v for v in hall.list_services(demo_ctx)}["TKQ"].draft.name_en == "Result return"
