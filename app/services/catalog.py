"""The catalogue: agencies, fields, procedures and their documents — read, edit, search, import, export."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import delete, func, select
from sqlalchemy.orm import InstrumentedAttribute, Session, selectinload

from app.domain.accounts import Role
from app.domain.catalog import AGENCY_IDENTIFIER_RE, AgencyKind, DocumentDraft, ProcedureDraft, ProcedureIndex
from app.domain.errors import Conflict, FormErrors, NotFound, ValidationError
from app.domain.messages import translate
from app.domain.text import nfc
from app.services import catalog_io
from app.services.catalog_io import AgencyRow, ImportRejected
from app.services.audit import record, snapshot
from app.services.context import Actor, Context
from app.store.models import Agency, Field, Procedure, ProcedureDocument


@dataclass(frozen=True)
class AgencyView:
    """An agency as lists show it."""

    id: int
    key: str
    name: str
    identifier: str
    kind: str
    sort_order: int
    active: bool
    procedure_count: int = 0
    head_name: str = ""  # who signs Mẫu 04 / 05 for the agency
    head_title: str = ""


@dataclass(frozen=True)
class ProcedureView:
    """A procedure with everything the admin form and the intake form show."""

    id: int
    agency_id: int
    agency_name: str
    draft: ProcedureDraft
    active: bool


@dataclass(frozen=True)
class ImportSummary:
    """What an import changed."""

    agencies_added: int
    procedures_added: int
    procedures_updated: int


def list_agencies(ctx: Context) -> list[AgencyView]:
    """Agencies in catalogue order, with their procedure counts."""
    with ctx.store.read() as s:
        counts = dict(s.execute(select(Procedure.agency_id, func.count()).group_by(Procedure.agency_id)).all())
        return [AgencyView(a.id, a.key, a.name, a.identifier, a.kind, a.sort_order, a.active, counts.get(a.id, 0),
                           a.head_name or "", a.head_title or "")
                for a in s.scalars(select(Agency).order_by(Agency.sort_order, Agency.id))]


def save_agency(ctx: Context, actor: Actor, agency_id: int | None, key: str, name: str, identifier: str,
                kind: str = AgencyKind.DEPARTMENT.value, head_name: str = "", head_title: str = "") -> AgencyView:
    """Create or change an agency (admin only); every bad field is reported, nothing saved half.

    `head_name` and `head_title` are who signs Mẫu 04 and 05 for the agency (thủ trưởng cơ quan giải quyết)."""
    actor.require(Role.ADMIN, translate("services.catalog", "sửa danh mục cơ quan"))
    key, name, identifier = key.strip().upper(), nfc(name), identifier.strip()
    head_name, head_title = nfc(head_name), nfc(head_title)
    errors = catalog_io.head_problems(head_name, head_title)
    if not 1 <= len(key) <= 32 or not key.replace("_", "").replace("-", "").isalnum():
        errors.append(ValidationError("key", translate("services.catalog", "Mã cơ quan gồm 1–32 chữ cái, số, gạch")))
    if not 2 <= len(name) <= 300:
        errors.append(ValidationError("name", translate("services.catalog", "Tên cơ quan phải có từ 2 đến 300 ký tự")))
    if not AGENCY_IDENTIFIER_RE.match(identifier):
        errors.append(ValidationError("identifier", translate("services.catalog", "Mã định danh chỉ gồm chữ, số và "
                                                                                "dấu chấm (vd. 000.00.06.H33)")))
    if kind not in {k.value for k in AgencyKind}:
        errors.append(ValidationError("kind", translate("services.catalog", "Loại cơ quan không hợp lệ")))
    if errors:
        raise FormErrors(errors)
    with ctx.store.write() as s:
        _refuse_duplicate(s, Agency.key, key, agency_id, Agency.id, "key",
                          translate("services.catalog", "Mã cơ quan «%1» đã có").arg(key))
        _refuse_duplicate(s, Agency.identifier, identifier, agency_id, Agency.id, "identifier",
                          translate("services.catalog", "Mã định danh «%1» đã dùng cho cơ quan khác").arg(identifier))
        if agency_id is None:
            order = (s.scalar(select(func.max(Agency.sort_order))) or 0) + 1
            agency = Agency(key=key, name=name, identifier=identifier, kind=kind, sort_order=order, active=True)
            s.add(agency)
            before = None
        else:
            agency = _get(s, Agency, agency_id, translate("services.catalog", "Không tìm thấy cơ quan"))
            before = snapshot(agency)
            agency.key, agency.name, agency.identifier, agency.kind = key, name, identifier, kind
        agency.head_name, agency.head_title = head_name or None, head_title or None
        s.flush()
        record(s, ctx, actor, "agency.save", f"cơ quan {key}", before, snapshot(agency))
        return AgencyView(agency.id, agency.key, agency.name, agency.identifier, agency.kind, agency.sort_order,
                          agency.active, 0, head_name, head_title)


def set_agency_head(ctx: Context, actor: Actor, key: str, head_name: str, head_title: str) -> AgencyView:
    """Set who signs Mẫu 04 / 05 for the agency with this key (admin only)."""
    found = [a for a in list_agencies(ctx) if a.key == key.strip().upper()]
    if not found:
        raise NotFound(translate("services.catalog", "Không có cơ quan mã «%1»").arg(key.strip()))
    a = found[0]
    return save_agency(ctx, actor, a.id, a.key, a.name, a.identifier, a.kind, head_name, head_title)


def _refuse_duplicate(s: Session, column: InstrumentedAttribute[str], value: str, own_id: int | None,
                      id_column: InstrumentedAttribute[int],
                      field: str, message: str) -> None:
    """Raise FormErrors when another row already has `value` in a unique column."""
    other = s.scalar(select(id_column).where(column == value))
    if other is not None and other != own_id:
        raise FormErrors([ValidationError(field, message)])


def _get(s: Session, model: type, key: object, not_found: str):  # type: ignore[no-untyped-def]
    row = s.get(model, key)
    if row is None:
        raise NotFound(not_found)
    return row


def list_procedures(ctx: Context, agency_id: int | None = None, include_inactive: bool = True
                    ) -> list[ProcedureView]:
    """Procedures in catalogue order (optionally of one agency)."""
    with ctx.store.read() as s:
        query = (select(Procedure).options(selectinload(Procedure.documents), selectinload(Procedure.field),
                                            selectinload(Procedure.agency))
                 .join(Agency).order_by(Agency.sort_order, Procedure.sort_order, Procedure.id))
        if agency_id is not None:
            query = query.where(Procedure.agency_id == agency_id)
        if not include_inactive:
            query = query.where(Procedure.active.is_(True))
        return [_procedure_view(p) for p in s.scalars(query)]


def get_procedure(ctx: Context, procedure_id: int) -> ProcedureView:
    """One procedure with its documents."""
    with ctx.store.read() as s:
        p = s.scalar(select(Procedure).where(Procedure.id == procedure_id)
                     .options(selectinload(Procedure.documents), selectinload(Procedure.field),
                              selectinload(Procedure.agency)))
        if p is None:
            raise NotFound(translate("services.catalog", "Không tìm thấy thủ tục"))
        return _procedure_view(p)


def _procedure_view(p: Procedure) -> ProcedureView:
    draft = ProcedureDraft(p.code, p.name, p.processing_value, p.processing_unit, p.fee_vnd, p.cutoff,
                           p.supplement_policy, p.on_the_spot, p.online_level, p.postal_allowed,
                           p.field.name if p.field else "",
                           [DocumentDraft(d.name, d.kind, d.count) for d in p.documents])
    return ProcedureView(p.id, p.agency_id, p.agency.name, draft, p.active)


def save_procedure(ctx: Context, actor: Actor, procedure_id: int | None, agency_id: int,
                   draft: ProcedureDraft, active: bool = True) -> int:
    """Create or change a procedure and its documents in one transaction (admin only); returns its id."""
    actor.require(Role.ADMIN, translate("services.catalog", "sửa danh mục thủ tục"))
    clean = draft.validated()
    with ctx.store.write() as s:
        agency = _get(s, Agency, agency_id, translate("services.catalog", "Không tìm thấy cơ quan"))
        _refuse_duplicate(s, Procedure.code, clean.code, procedure_id, Procedure.id, "code",
                          translate("services.catalog", "Mã thủ tục «%1» đã có").arg(clean.code))
        field_id = _field_id(s, agency.id, clean.field_name, {})
        if procedure_id is None:
            order = (s.scalar(select(func.max(Procedure.sort_order)).where(Procedure.agency_id == agency_id)) or 0)
            procedure = Procedure(agency_id=agency.id, sort_order=order + 1)
            before = None
        else:
            procedure = _get(s, Procedure, procedure_id, translate("services.catalog", "Không tìm thấy thủ tục"))
            before = snapshot(procedure)
            procedure.agency_id = agency.id
        _apply(s, procedure, clean, field_id)
        procedure.active = active
        s.add(procedure)
        s.flush()
        record(s, ctx, actor, "procedure.save", f"thủ tục {procedure.code}", before, snapshot(procedure))
        return procedure.id


def set_procedure_active(ctx: Context, actor: Actor, procedure_id: int, active: bool) -> None:
    """Withdraw a procedure from use (or bring it back); dossiers keep pointing at it."""
    actor.require(Role.ADMIN, translate("services.catalog", "sửa danh mục thủ tục"))
    with ctx.store.write() as s:
        procedure = _get(s, Procedure, procedure_id, translate("services.catalog", "Không tìm thấy thủ tục"))
        record(s, ctx, actor, "procedure.active", f"thủ tục {procedure.code}", {"active": procedure.active},
               {"active": active})
        procedure.active = active


def _apply(s: Session, p: Procedure, d: ProcedureDraft, field_id: int | None) -> None:
    """Copy a validated draft onto a procedure row, replacing its documents."""
    p.code, p.name, p.field_id = d.code, d.name, field_id
    p.processing_value, p.processing_unit, p.cutoff = d.processing_value, d.processing_unit, d.cutoff
    p.supplement_policy, p.fee_vnd, p.on_the_spot = d.supplement_policy, d.fee_vnd, d.on_the_spot
    p.online_level, p.postal_allowed = d.online_level, d.postal_allowed
    if p.id is not None:
        s.execute(delete(ProcedureDocument).where(ProcedureDocument.procedure_id == p.id))
        s.expire(p, ["documents"])
    p.documents = [ProcedureDocument(position=i, name=doc.name, kind=doc.kind, count=doc.count)
                   for i, doc in enumerate(d.documents, start=1)]


def _field_id(s: Session, agency_id: int, name: str, cache: dict[tuple[int, str], int]) -> int | None:
    """The id of an agency's field by name, created when new."""
    if not name:
        return None
    key = (agency_id, name)
    if key not in cache:
        existing = s.scalar(select(Field.id).where(Field.agency_id == agency_id, Field.name == name))
        if existing is None:
            order = (s.scalar(select(func.count()).select_from(Field).where(Field.agency_id == agency_id)) or 0)
            field = Field(agency_id=agency_id, name=name, sort_order=order + 1)
            s.add(field)
            s.flush()
            existing = field.id
        cache[key] = existing
    return cache[key]


def build_search_index(ctx: Context, active_only: bool = True) -> ProcedureIndex:
    """An in-memory accent-insensitive index of the catalogue (built once per window, searched per keystroke)."""
    with ctx.store.read() as s:
        query = (select(Procedure.id, Procedure.agency_id, Procedure.code, Procedure.name, Agency.name, Field.name)
                 .join(Agency, Agency.id == Procedure.agency_id).outerjoin(Field, Field.id == Procedure.field_id)
                 .order_by(Agency.sort_order, Procedure.sort_order, Procedure.id))
        if active_only:
            query = query.where(Procedure.active.is_(True))
        return ProcedureIndex([ProcedureIndex.entry(pid, aid, code, name, agency, field or "")
                               for pid, aid, code, name, agency, field in s.execute(query)])


def import_catalog(ctx: Context, actor: Actor, path: Path) -> ImportSummary:
    """Import a CSV/XLSX catalogue: all or nothing; agencies by key, procedures by code (upsert)."""
    actor.require(Role.ADMIN, translate("services.catalog", "nhập danh mục thủ tục"))
    rows, problems = catalog_io.parse_rows(catalog_io.read_rows(path))
    if problems:
        raise ImportRejected(str(path), problems)
    with ctx.store.write() as s:
        summary = import_rows(s, rows, str(path))
        record(s, ctx, actor, "catalog.import", f"tệp {path.name}", None, {"rows": len(rows)})
        return summary


def import_rows(s: Session, rows: list[catalog_io.CatalogRow], source: str) -> ImportSummary:
    """Upsert validated rows inside one unit of work."""
    agencies = {a.key: a for a in s.scalars(select(Agency))}
    procedures = {p.code: p for p in s.scalars(select(Procedure))}
    fields: dict[tuple[int, str], int] = {}
    added_agencies = added = updated = 0
    next_order = (s.scalar(select(func.max(Agency.sort_order))) or 0)
    for row in rows:
        agency = agencies.get(row.agency.key)
        if agency is None:
            next_order += 1
            agency = _new_agency(s, row.agency, next_order, source, row.line)
            agencies[agency.key] = agency
            added_agencies += 1
        else:
            agency.name, agency.identifier, agency.kind = row.agency.name, row.agency.identifier, row.agency.kind
        if row.agency.head_name or row.agency.head_title:  # an empty cell keeps what the admin window set
            agency.head_name, agency.head_title = row.agency.head_name or None, row.agency.head_title or None
        field_id = _field_id(s, agency.id, row.procedure.field_name, fields)
        procedure = procedures.get(row.procedure.code)
        if procedure is None:
            procedure = Procedure(agency_id=agency.id, sort_order=row.line, active=True)
            procedures[row.procedure.code] = procedure
            added += 1
        else:
            procedure.agency_id, procedure.sort_order = agency.id, row.line
            updated += 1
        _apply(s, procedure, row.procedure, field_id)
        s.add(procedure)
    s.flush()
    return ImportSummary(added_agencies, added, updated)


def _new_agency(s: Session, a: AgencyRow, order: int, source: str, line: int) -> Agency:
    """Insert an agency met for the first time in an import file."""
    clash = s.scalar(select(Agency.key).where(Agency.identifier == a.identifier))
    if clash is not None:
        raise ImportRejected(source, [catalog_io.RowProblem(line, "agency_identifier",
                                                            translate("services.catalog", "mã định danh đã dùng cho "
                                                                      "cơ quan %1").arg(clash))])
    agency = Agency(key=a.key, name=a.name, identifier=a.identifier, kind=a.kind, sort_order=order, active=True,
                    head_name=a.head_name or None, head_title=a.head_title or None)
    s.add(agency)
    s.flush()
    return agency


def export_catalog(ctx: Context, path: Path) -> int:
    """Write the whole catalogue as CSV or XLSX (the import format); returns the number of procedures."""
    with ctx.store.read() as s:
        agencies = {a.id: AgencyRow(a.key, a.name, a.identifier, a.kind, a.head_name or "", a.head_title or "")
                    for a in s.scalars(select(Agency))}
    rows = [catalog_io.row_values(agencies[v.agency_id], v.draft) for v in list_procedures(ctx)]
    catalog_io.write_rows(path, rows)
    return len(rows)


__all__ = ["AgencyView", "ProcedureView", "ImportSummary", "ImportRejected", "Conflict", "list_agencies",
           "save_agency", "set_agency_head", "list_procedures", "get_procedure", "save_procedure", "set_procedure_active",
           "build_search_index", "import_catalog", "export_catalog"]
