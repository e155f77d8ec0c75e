"""The demo centre (`motcua seed demo`): the seed report's 17 agencies with real procedures, services, counters,
officers; and a generator of a large catalogue for benchmarks."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from datetime import date, time

from sqlalchemy import select

from app.domain.accounts import Role
from app.domain.errors import FormErrors
from app.domain.messages import translate
from app.resources import resource
from app.services import accounts, catalog_io, hall, settings, workdays
from app.services.catalog import ImportRejected, import_rows, list_agencies
from app.services.context import Actor, Context
from app.store.models import Officer

CATALOGUE_FILE = ("demo", "catalogue.csv")

# code, name, number range, agency keys (catalogue keys), avg minutes
DEMO_SERVICES = (
    ("DD", "Đất đai, Tài nguyên – Môi trường, Xây dựng", 1001, 1999,
     ("STNMT", "SXD", "SNNPTNT"), 12, "Land, natural resources and environment, construction"),
    ("TP", "Tư pháp, Nội vụ, Lao động – Thương binh và Xã hội", 2001, 2999,
     ("STP", "SNV", "SLDTBXH"), 8, "Justice, home affairs, labour and social affairs"),
    ("DN", "Đầu tư, Doanh nghiệp, Công Thương, Tài chính, Khoa học", 3001, 3999,
     ("SKHDT", "SCT", "STC", "SKHCN"), 10, "Investment, business, industry and trade, finance, science"),
    ("GT", "Giao thông, Giáo dục, Y tế, Văn hóa, Thông tin", 4001, 4999,
     ("SGTVT", "SGDDT", "SYT", "SVHTTDL", "STTTT"), 8, "Transport, education, health, culture, information"),
    ("DN2", "Điện, nước sinh hoạt", 5001, 5999, ("NUOCSACH", "DIENLUC"), 6, "Electricity and water supply"),
    ("TKQ", "Trả kết quả", 9001, 9999, (), 4, "Collect your result"),
)
# counter number -> service codes it calls, in order of preference
DEMO_COUNTERS = {1: ("DD",), 2: ("DD",), 3: ("TP",), 4: ("TP",), 5: ("DN",), 6: ("DN",), 7: ("GT",),
                 8: ("GT",), 9: ("DN2", "GT"), 10: ("TKQ",)}
DEMO_PASSWORD = {"admin": "quantri123", "supervisor": "giamsat123", "officer": "canbo123"}
DEMO_OFFICERS = (
    ("quantri", "Nguyễn Văn Quản", Role.ADMIN),
    ("giamsat", "Trần Thị Giám", Role.SUPERVISOR),
    ("canbo01", "Lò Văn Minh", Role.OFFICER), ("canbo02", "Nguyễn Thị Hương", Role.OFFICER),
    ("canbo03", "Phạm Đức Anh", Role.OFFICER), ("canbo04", "Tòng Thị Lan", Role.OFFICER),
    ("canbo05", "Vàng A Sử", Role.OFFICER), ("canbo06", "Lê Thị Thu Trang", Role.OFFICER),
    ("canbo07", "Đỗ Quang Huy", Role.OFFICER), ("canbo08", "Hoàng Thị Mai", Role.OFFICER),
    ("canbo09", "Bùi Văn Nam", Role.OFFICER), ("canbo10", "Vũ Thị Ngọc", Role.OFFICER),
)
DEMO_SETTINGS = {"centre_name": "Trung tâm Phục vụ hành chính công tỉnh Lai Châu",
                 "province_committee": "UBND TỈNH LAI CHÂU", "province_name": "Lai Châu",
                 "result_return_service": "TKQ"}  # counter 10 returns results: a scanned receipt queues there
DEMO_OVERRIDES = ((date(2026, 1, 2), "off", "Nghỉ bù dịp Tết Dương lịch 2026"),
                  (date(2026, 1, 10), "work", "Làm bù cho ngày nghỉ 02/01/2026"))


@dataclass(frozen=True)
class SeedSummary:
    """What `seed demo` created or found."""

    agencies: int
    procedures: int
    services: int
    counters: int
    officers: int


def demo_rows() -> list[dict[str, str]]:
    """The rows of the bundled demo catalogue file."""
    with resource(*CATALOGUE_FILE).open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def generated_rows(total: int) -> list[dict[str, str]]:
    """`total` catalogue rows for benchmarks: the real demo rows, then variants of them with their own codes."""
    base = demo_rows()
    rows = list(base[:total])
    k = 0
    while len(rows) < total:
        source = base[k % len(base)]
        k += 1
        variant = dict(source)
        variant["procedure_code"] = f"BENCH.{source['agency_code']}.{k:05d}"
        variant["procedure_name"] = f"{source['procedure_name']} (mẫu thử {k})"
        rows.append(variant)
    return rows


def seed_demo(ctx: Context, actor: Actor, procedures: int | None = None) -> SeedSummary:
    """Load the demo centre; running it again changes nothing already there (catalogue rows are upserted)."""
    actor.require(Role.ADMIN, translate("services.demo", "nạp dữ liệu mẫu"))
    raw = demo_rows() if procedures is None else generated_rows(procedures)
    rows, problems = catalog_io.parse_rows(raw)
    if problems:
        raise ImportRejected("/".join(CATALOGUE_FILE), problems)
    with ctx.store.write() as s:
        import_rows(s, rows, "/".join(CATALOGUE_FILE))
    settings.set_centre_settings(ctx, actor, DEMO_SETTINGS)
    for day, kind, note in DEMO_OVERRIDES:
        workdays.save_override(ctx, actor, day, kind, note)
    if workdays.working_periods(ctx) == workdays.DEFAULT_PERIODS:
        workdays.set_working_periods(ctx, actor, [(time(7), time(11, 30)), (time(13, 30), time(17))])
    service_ids = _seed_services(ctx, actor)
    _seed_counters(ctx, actor, service_ids)
    officers = _seed_officers(ctx, actor)
    agencies = list_agencies(ctx)
    return SeedSummary(len(agencies), sum(a.procedure_count for a in agencies), len(service_ids),
                       len(DEMO_COUNTERS), officers)


def _seed_services(ctx: Context, actor: Actor) -> dict[str, int]:
    """The demo queue services, matched by code."""
    by_key = {a.key: a.id for a in list_agencies(ctx)}
    existing = {v.draft.code: v.id for v in hall.list_services(ctx)}
    ids = {}
    for code, name, start, end, keys, minutes, name_en in DEMO_SERVICES:
        agency_ids = tuple(by_key[k] for k in keys) if keys else tuple(by_key.values())
        draft = hall.ServiceDraft(code, name, "", start, end, None, minutes, agency_ids, name_en=name_en)
        ids[code] = existing.get(code) or hall.save_service(ctx, actor, None, draft)
    return ids


def _seed_counters(ctx: Context, actor: Actor, service_ids: dict[str, int]) -> None:
    """Ten counters, each calling its services."""
    existing = {c.number for c in hall.list_counters(ctx)}
    for number, codes in DEMO_COUNTERS.items():
        if number not in existing:
            hall.save_counter(ctx, actor, None, number, f"Quầy số {number}", [service_ids[c] for c in codes])


def _seed_officers(ctx: Context, actor: Actor) -> int:
    """Demo accounts of every role (passwords in DEMO_PASSWORD, printed by the CLI)."""
    with ctx.store.read() as s:
        logins = set(s.scalars(select(Officer.login)))
    for login, name, role in DEMO_OFFICERS:
        if login in logins:
            continue
        try:
            accounts.add_user(ctx, actor, login, name, role.value, DEMO_PASSWORD[role.value])
        except FormErrors:  # created by a concurrent seed
            pass
    return len(DEMO_OFFICERS)


def is_seeded(ctx: Context) -> bool:
    """Whether the demo centre (its admin account) is already in the store."""
    with ctx.store.read() as s:
        return s.scalar(select(Officer.id).where(Officer.login == DEMO_OFFICERS[0][0])) is not None
