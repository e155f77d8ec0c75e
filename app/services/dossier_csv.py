"""Dossier import/export CSV (RULES-VN.md "Dossier import/export CSV"): all-or-nothing per file, every bad cell
reported with line and column, idempotent on `code`, bulk inserts (100,000 rows in seconds), lossless round trip.
The cells of a line are checked by app.domain.dossier_rows; here the file, the catalogue lookups and the store.

`fee_vnd` is the fee paid for the dossier: a non-empty cell is recorded as a payment (method `import`, at the
reception moment) and is the dossier's fee; an empty cell means nothing was paid and the catalogue fee is owed.
Export writes what was paid (empty when a fee is owed unpaid, 0 when none is owed).

Statuses in the file map to stored states: in_progress → received, paused → paused (paused at `paused_at`, or at
the reception moment when that optional column is empty or absent: the pause history of a counter's supplement
request, so the period report counts it in (11) and a resume moves the due date on), resolved → resolved
(returned when `returned_at` is given), cancelled → cancelled, registered (channel online only) → registered: an
application submitted on the public service portal, not yet received; its `code` is the portal's (kept as
registration_code, so a re-import skips it even after the counter accepted it and gave it a code of its own),
`received_at` the moment it was registered, `due_at` empty (the counter's acceptance sets it). Export maps back:
refused dossiers (never received) are not exported; registered ones are, with the portal's code; processing and
waiting for payment are in_progress; withdrawn and stopped are resolved with outcome returned_to_applicant.
"""

from __future__ import annotations

import csv
import secrets
import time as timer
import uuid
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from app.domain import calendar
from app.domain.accounts import Role
from app.domain.dossier import RULE_SET, DossierCode, format_dossier_code, parse_dossier_code
# STATUSES and OUTCOMES: the file's values, named here too for this module's callers
from app.domain.dossier_rows import (COLUMNS, OPTIONAL_COLUMNS, OUTCOMES, STATUSES,  # noqa: F401
                                     dossier_row_values)
from app.domain.errors import DomainError
from app.domain.messages import translate
from app.domain.rows import RowProblem, RowReader
from app.domain.text import from_spreadsheet_text
from app.services.catalog_io import ImportRejected, unreadable
from app.services.spreadsheets import safe_dict_row
from app.services.context import LOCAL_TZ, Actor, Context
from app.services.workdays import working_calendar
from app.store.bulk import bulk_insert
from app.store.engine import allow_long_work
from app.store.live import publish
from app.store.models import Agency, Dossier, DossierEvent, Payment, Procedure, Sequence

OLD_RULE_SET, NEW_RULES_FROM = "ND61-2018", date(2025, 7, 1)
CHUNK = 5000
IMPORT_METHOD = "import"  # the payment method of an imported row's fee_vnd
_EXPORT_STATUS = {"received": "in_progress", "processing": "in_progress", "waiting_payment": "in_progress",
                  "paused": "paused", "resolved": "resolved", "returned": "resolved", "withdrawn": "resolved",
                  "stopped": "resolved", "cancelled": "cancelled", "registered": "registered"}


@dataclass(frozen=True)
class ImportResult:
    """What an import did: dossiers added, rows skipped because their code exists, seconds taken."""

    imported: int
    skipped: int
    seconds: float


@dataclass
class _Catalog:
    """Procedures by code and agencies by key / identifier, loaded once per file."""

    procedures: dict[str, Procedure]
    agencies: dict[str, Agency]
    by_identifier: dict[str, int]
    identifiers: dict[int, str]


def rule_set_for(received_at: datetime) -> str:
    """The rule set a dossier was received under: Decree 61/2018 before 1/7/2025, Decree 118/2025 since."""
    return RULE_SET if received_at.astimezone(LOCAL_TZ).date() >= NEW_RULES_FROM else OLD_RULE_SET


# --- reading and checking ---------------------------------------------------------------------------------------

def read_csv(path: Path) -> list[dict[str, str]]:
    """The rows of a UTF-8 CSV (BOM allowed) whose header has exactly the dossier columns (in any order; the
    optional `paused_at` may be missing). A leading apostrophe before = + - @ (our export's) is dropped."""
    try:
        with path.open(encoding="utf-8-sig", newline="") as fh:
            reader = csv.reader(fh)
            header = [h.strip() for h in next(reader, [])]
            rows = [dict(zip(header, map(from_spreadsheet_text, r)))
                    | ({"\0extra": "1"} if len(r) > len(header) else {})
                    for r in reader if any(c.strip() for c in r)]
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise DomainError(translate("services.dossier_csv", "Không đọc được tệp %1: %2")
                          .arg(path, unreadable(exc))) from exc
    missing = [c for c in COLUMNS if c not in header and c not in OPTIONAL_COLUMNS]
    extra = [h for h in header if h not in COLUMNS]
    if missing or extra:
        problems = ([RowProblem(1, c, translate("services.dossier_csv", "thiếu cột")) for c in missing]
                    + [RowProblem(1, c, translate("services.dossier_csv", "cột lạ")) for c in extra])
        raise ImportRejected(str(path), problems)
    return rows


def _parse(row: RowReader, cat: _Catalog, now: datetime | None = None) -> dict[str, Any] | None:
    """The dossier columns of one line (due date still missing when empty), or None when the line is bad."""
    before = len(row.problems)
    procedure = cat.procedures.get(row.text("procedure_code"))
    if procedure is None:
        row.bad("procedure_code", translate("services.dossier_csv", "không có thủ tục mã «%1»")
                .arg(row.text("procedure_code")))
    agency_id = procedure.agency_id if procedure else None
    if row.text("agency_code"):
        agency = cat.agencies.get(row.text("agency_code"))
        agency_id = agency.id if agency else None
        if agency is None:
            row.bad("agency_code", translate("services.dossier_csv", "không có cơ quan mã «%1»")
                    .arg(row.text("agency_code")))
    values = dossier_row_values(row, now)
    if values["_status"] != "registered":  # a portal's code is the portal's: never one of this centre's sequences
        _check_code(row, cat, values["_code"], agency_id, values["received_at"])
    if len(row.problems) > before or procedure is None:
        return None
    fee = values["fee_vnd"]
    return values | {"agency_id": agency_id, "procedure_id": procedure.id,
                     "fee_vnd": fee if fee is not None else procedure.fee_vnd, "_paid": fee or 0,
                     "_procedure": procedure}


def _check_code(row: RowReader, cat: _Catalog, code: DossierCode | None, agency_id: int | None,
                received_at: datetime | None) -> None:
    """A code's agency must exist and be the row's (the procedure's, or agency_code's), its day the reception's."""
    if code is None:
        return
    owner = cat.by_identifier.get(code.agency_identifier)
    if owner is None:
        row.bad("code", translate("services.dossier_csv", "Mã hồ sơ: không có cơ quan mã định danh «%1»")
                .arg(code.agency_identifier))
    elif agency_id is not None and owner != agency_id:
        row.bad("code", translate("services.dossier_csv", "Mã hồ sơ thuộc cơ quan %1, không phải cơ quan giải quyết "
                                  "của dòng này (%2)").arg(code.agency_identifier, cat.identifiers.get(agency_id, "?")))
    elif received_at is not None and code.day != received_at.astimezone(LOCAL_TZ).date():
        row.bad("code", translate("services.dossier_csv", "Mã hồ sơ ghi ngày %1, khác ngày tiếp nhận %2")
                .arg(f"{code.day:%d/%m/%Y}", f"{received_at.astimezone(LOCAL_TZ):%d/%m/%Y}"))


def _load_catalog(s: Session) -> _Catalog:
    agencies = list(s.scalars(select(Agency)))
    return _Catalog({p.code: p for p in s.scalars(select(Procedure))}, {a.key: a for a in agencies},
                    {a.identifier: a.id for a in agencies}, {a.id: a.identifier for a in agencies})


def parse_file(raw: list[dict[str, str]], cat: _Catalog, path: str, now: datetime | None = None
               ) -> list[dict[str, Any]]:
    """Every line checked; ImportRejected listing every problem (line 1 = header) when any line is bad. `now`: no
    moment that already happened may be later (None: no such bound)."""
    problems: list[RowProblem] = []
    good: list[dict[str, Any]] = []
    seen: dict[str, int] = {}
    for i, values in enumerate(raw, start=2):
        row = RowReader(i, values, problems)
        if "\0extra" in values:
            row.bad("code", translate("services.dossier_csv", "dòng có nhiều ô hơn tiêu đề"))
            continue
        parsed = _parse(row, cat, now)
        code = row.text("code")
        if code and code in seen:
            row.bad("code", translate("services.dossier_csv", "trùng mã hồ sơ với dòng %1").arg(seen[code]))
            continue
        if code:
            seen[code] = i
        if parsed is not None:
            good.append(parsed | {"_line": i})
    if problems:
        raise ImportRejected(path, problems)
    return good


# --- writing ------------------------------------------------------------------------------------------------

def import_file(ctx: Context, actor: Actor, path: Path) -> ImportResult:
    """Import a dossier CSV in one transaction: every problem reported and nothing saved, or every new row saved."""
    actor.require(Role.SUPERVISOR, translate("services.dossier_csv", "nhập hồ sơ từ tệp"))
    started = timer.perf_counter()
    raw = read_csv(path)
    with ctx.store.read() as s:
        cat = _load_catalog(s)
    rows = parse_file(raw, cat, str(path), ctx.now())
    _fill_due_dates(ctx, rows)
    with ctx.store.write() as s:
        allow_long_work(s)  # 100,000 rows in one transaction: more than a station statement's 5 s on PostgreSQL
        existing = _existing_codes(s, [r["code"] for r in rows if r["code"]])
        new = [r for r in rows if not r["code"] or r["code"] not in existing]
        _bump_sequences(s, new, cat)
        _insert(s, ctx, actor, new)
        if new:
            publish(s, "dossier", {"event": "imported", "count": len(new)})
    return ImportResult(len(new), len(rows) - len(new), round(timer.perf_counter() - started, 3))


def _fill_due_dates(ctx: Context, rows: list[dict[str, Any]]) -> None:
    """Compute the due date of rows that left it empty, with the centre's calendar."""
    todo = [r for r in rows if r["due_at"] is None and r["_status"] != "registered"]
    if not todo:
        return
    years = [r["received_at"].astimezone(LOCAL_TZ).year for r in todo]
    span = 2 + max(r["_procedure"].processing_value for r in todo) // 200
    cal = working_calendar(ctx, list(range(min(years), max(years) + span)))
    cache: dict[tuple[Any, ...], datetime] = {}
    for r in todo:
        p = r["_procedure"]
        moment: Any = r["received_at"]
        if p.processing_unit != "working_hours":  # counted in days: only the day the clock starts matters
            moment = calendar.effective_receipt(moment, cal, p.cutoff).date()
        key = (moment, p.processing_value, p.processing_unit, p.cutoff)
        if key not in cache:
            cache[key] = calendar.due_at(r["received_at"], p.processing_value, p.processing_unit, cal, p.cutoff)
        r["due_at"] = cache[key]


def _existing_codes(s: Session, codes: list[str]) -> set[str]:
    """The codes already stored, as dossier codes or as an online registration's portal code."""
    found: set[str] = set()
    for i in range(0, len(codes), CHUNK):
        found.update(s.scalars(select(Dossier.code).where(Dossier.code.in_(codes[i:i + CHUNK]))))
        found.update(s.scalars(select(Dossier.registration_code)
                               .where(Dossier.registration_code.in_(codes[i:i + CHUNK]))))
    return found


def _bump_sequences(s: Session, rows: list[dict[str, Any]], cat: _Catalog) -> None:
    """Move each (agency, day) dossier sequence past the imported codes, then give codes to rows without one."""
    wanted: dict[tuple[str, date], int] = defaultdict(int)
    for r in rows:
        if r["code"] and r["_status"] != "registered":  # a portal's code takes no number of the agency's
            parsed = parse_dossier_code(r["code"])
            agency_id = cat.by_identifier.get(parsed.agency_identifier)
            if agency_id is not None:
                key = (f"agency:{agency_id}", parsed.day)
                wanted[key] = max(wanted[key], parsed.seq)
    blank = [r for r in rows if not r["code"]]
    for r in blank:
        wanted.setdefault((f"agency:{r['agency_id']}", r["received_at"].astimezone(LOCAL_TZ).date()), 0)
    if not wanted:
        return
    dialect_insert = postgresql.insert if s.get_bind().dialect.name == "postgresql" else sqlite.insert
    keys = [{"kind": "dossier", "scope": scope, "day": day, "value": 0} for scope, day in wanted]
    for i in range(0, len(keys), CHUNK):
        s.execute(dialect_insert(Sequence).on_conflict_do_nothing(), keys[i:i + CHUNK])
    scopes, days = {k[0] for k in wanted}, {k[1] for k in wanted}
    current = {(q.scope, q.day): q.value for q in s.scalars(
        select(Sequence).where(Sequence.kind == "dossier", Sequence.scope.in_(scopes), Sequence.day.in_(days))
        .with_for_update())}
    value = {k: max(current.get(k, 0), v) for k, v in wanted.items()}
    for r in blank:
        key = (f"agency:{r['agency_id']}", r["received_at"].astimezone(LOCAL_TZ).date())
        value[key] += 1
        r["code"] = format_dossier_code(cat.identifiers[r["agency_id"]], key[1], value[key])
    changed = [{"kind": "dossier", "scope": k[0], "day": k[1], "value": v} for k, v in value.items()
               if v != current.get(k, 0)]
    if changed:
        s.execute(update(Sequence), changed)


def ordered_ids() -> Iterator[uuid.UUID]:
    """UUIDs in increasing order (version 7 layout: milliseconds, then a random start plus a counter).

    Random UUIDs scatter 100,000 inserts over the whole primary-key index; ordered ones append to it.
    """
    ms, rand_a, counter = int(timer.time() * 1000), secrets.randbits(12), secrets.randbits(40)
    while True:
        counter += 1
        yield uuid.UUID(int=(ms << 80) | (0x7 << 76) | (rand_a << 64) | (0b10 << 62) | (counter & ((1 << 62) - 1)))


def imported_payment(dossier_id: uuid.UUID, amount_vnd: int, received_at: datetime,
                     officer_id: int | None = None, station_id: uuid.UUID | None = None) -> dict[str, Any]:
    """The payment row of an imported dossier's `fee_vnd` (fees are what was paid): method `import`, no receipt
    number, paid at the reception moment (the file has no payment time)."""
    return {"id": uuid.uuid4(), "dossier_id": dossier_id, "amount_vnd": amount_vnd, "method": IMPORT_METHOD,
            "receipt_no": None, "officer_id": officer_id, "paid_at": received_at, "station_id": station_id}


def _insert(s: Session, ctx: Context, actor: Actor, rows: list[dict[str, Any]]) -> None:
    """Bulk insert the dossiers, the events their timestamps imply and the payments of their fee_vnd."""
    dossiers, events, payments, ids = [], [], [], ordered_ids()
    for r in rows:
        dossier_id = next(ids)
        status, kinds = _stored_status(r)
        registered = status == "registered"
        dossiers.append({"id": dossier_id, "code": r["code"], "agency_id": r["agency_id"],
                         "procedure_id": r["procedure_id"], "channel": r["channel"],
                         "online_level": r["online_level"], "applicant_kind": "person",
                         "applicant_name": r["applicant_name"], "id_number": r["id_number"], "phone": r["phone"],
                         "address": r["address"], "sets": 1, "received_at": r["received_at"], "due_at": r["due_at"],
                         "original_due_at": r["due_at"], "status": status, "paused_at": r["paused_at"],
                         "paused_due_at": r["due_at"] if r["paused_at"] is not None else None,
                         "resolved_at": r["resolved_at"], "outcome": r["outcome"], "cancelled_at": r["cancelled_at"],
                         "returned_at": r["returned_at"], "result_by_post": r["result_by_post"],
                         "fee_vnd": r["fee_vnd"], "rule_set": rule_set_for(r["received_at"]),
                         "supplement_requests": 1 if status == "paused" else 0, "apologies": 0,
                         "received_by": None if registered else actor.officer_id,
                         "registration_code": r["code"] if registered else None,
                         "registered_at": r["received_at"] if registered else None})
        if r["_paid"]:
            payments.append(imported_payment(dossier_id, r["_paid"], r["received_at"], actor.officer_id,
                                             ctx.station_id))
        previous = None
        for n, (kind, to_status, at) in enumerate(kinds, start=1):
            events.append({"id": next(ids), "dossier_id": dossier_id, "kind": kind, "at": at,
                           "officer_id": actor.officer_id, "station_id": ctx.station_id, "from_status": previous,
                           "to_status": to_status, "reason": None,
                           "data": {"n": n, "source": "import", "line": r["_line"]}})
            previous = to_status
    bulk_insert(s, Dossier.__table__, dossiers)  # type: ignore[arg-type]
    bulk_insert(s, DossierEvent.__table__, events)  # type: ignore[arg-type]
    bulk_insert(s, Payment.__table__, payments)  # type: ignore[arg-type]


def _stored_status(r: dict[str, Any]) -> tuple[str, list[tuple[str, str, datetime]]]:
    """The stored state of a row and its events (kind, state after, moment), consistent with the timestamps."""
    status = r["_status"]
    if status == "registered":
        return "registered", [("registered", "registered", r["received_at"])]
    events = [("received", "received", r["received_at"])]
    if status == "paused":
        return "paused", events + [("supplement_requested", "paused", r["paused_at"])]
    if status == "cancelled":
        return "cancelled", events + [("cancelled", "cancelled", r["cancelled_at"])]
    if status == "resolved":
        kind = "resolved" if r["outcome"] == "result" else "handed_back"
        events.append((kind, "resolved", r["resolved_at"]))
        if r["returned_at"] is not None:
            return "returned", events + [("returned", "returned", r["returned_at"])]
        return "resolved", events
    return "received", events


# --- export ---------------------------------------------------------------------------------------------------

def _iso(moment: datetime | None) -> str:
    return moment.astimezone(LOCAL_TZ).isoformat() if moment else ""


def export_rows(ctx: Context) -> list[dict[str, str]]:
    """Every received dossier as a row of the import format, by reception time then code."""
    with ctx.store.read() as s:
        allow_long_work(s)  # every dossier of the centre
        result = s.execute(select(Dossier, Procedure.code, Agency.key)
                           .join(Procedure, Procedure.id == Dossier.procedure_id)
                           .join(Agency, Agency.id == Dossier.agency_id)
                           .where(Dossier.status.in_(list(_EXPORT_STATUS)))
                           .order_by(Dossier.received_at, Dossier.code)).all()
        paid = dict(s.execute(select(Payment.dossier_id, func.sum(Payment.amount_vnd))
                              .group_by(Payment.dossier_id)).all())
        return [_export_row(d, pcode, akey, int(paid.get(d.id) or 0)) for d, pcode, akey in result]


def _fee_cell(fee_vnd: int, paid_vnd: int) -> str:
    """fee_vnd as the file carries it: what was paid; empty when a fee is owed and nothing was paid (the import
    then takes the catalogue fee as owed, unpaid); 0 when nothing is owed."""
    return str(paid_vnd) if paid_vnd else ("0" if fee_vnd == 0 else "")


def _export_row(d: Dossier, procedure_code: str, agency_key: str, paid_vnd: int = 0) -> dict[str, str]:
    status = _EXPORT_STATUS[d.status]
    closed = d.status in ("withdrawn", "stopped")
    return {"code": d.registration_code if status == "registered" and d.registration_code else d.code,
            "procedure_code": procedure_code, "agency_code": agency_key, "channel": d.channel,
            "online_level": str(d.online_level or ""), "applicant_name": d.applicant_name,
            "id_number": d.id_number or "", "phone": d.phone or "", "address": d.address or "",
            "received_at": _iso(d.received_at), "due_at": _iso(d.due_at), "status": status,
            "resolved_at": _iso(d.resolved_at) if status == "resolved" else "",
            "outcome": ("returned_to_applicant" if closed else d.outcome or "") if status == "resolved" else "",
            "cancelled_at": _iso(d.cancelled_at) if status == "cancelled" else "",
            "returned_at": _iso(d.returned_at) if status == "resolved" else "",
            "result_by_post": "1" if d.result_by_post else "0", "fee_vnd": _fee_cell(d.fee_vnd, paid_vnd),
            "paused_at": _iso(d.paused_at) if status == "paused" else ""}


def export_file(ctx: Context, path: Path) -> int:
    """Write every received dossier to a UTF-8 CSV in the import format (atomically); returns the count."""
    rows = export_rows(ctx)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    with tmp.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(safe_dict_row(r) for r in rows)
    tmp.replace(path)
    return len(rows)
