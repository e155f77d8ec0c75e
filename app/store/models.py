"""SQLAlchemy 2 typed models of the whole domain.

Keys: catalogue rows (agencies, procedures, services, counters, officers) are edited centrally and use integer
keys; everything a station creates while it may be cut off from the central store (tickets, dossiers, events,
payments, ratings) uses a client-generated UUID, so replaying a station's work later is idempotent.
Money is integer đồng; times are timezone-aware and stored in UTC.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime, time
from typing import Any, Optional

from sqlalchemy import (JSON, BigInteger, Boolean, Date, ForeignKey, Index, Integer, MetaData, SmallInteger,
                        String, Text, Time, UniqueConstraint, Uuid)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from app.store.types import UTCDateTime

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    """Declarative base with constraint naming conventions (stable names for migrations)."""

    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map = {datetime: UTCDateTime(), uuid.UUID: Uuid(), dict[str, Any]: JSON()}


def new_id() -> uuid.UUID:
    """A fresh client-side UUID."""
    return uuid.uuid4()


# --- catalogue -------------------------------------------------------------------------------------------

class Agency(Base):
    """A department (Sở) or company whose procedures the centre receives (cơ quan giải quyết TTHC)."""

    __tablename__ = "agencies"
    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(300))
    identifier: Mapped[str] = mapped_column(String(40), unique=True)  # mã định danh, used in dossier codes
    kind: Mapped[str] = mapped_column(String(16), default="department")
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    # who signs Mẫu 04 / 05 for the agency (thủ trưởng cơ quan giải quyết): name and title
    head_name: Mapped[Optional[str]] = mapped_column(String(300))
    head_title: Mapped[Optional[str]] = mapped_column(String(300))

    fields: Mapped[list[Field]] = relationship(back_populates="agency", order_by="Field.sort_order")


class Field(Base):
    """A field of procedures (lĩnh vực) within an agency."""

    __tablename__ = "fields"
    __table_args__ = (UniqueConstraint("agency_id", "name"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    agency_id: Mapped[int] = mapped_column(ForeignKey("agencies.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(300))
    sort_order: Mapped[int] = mapped_column(Integer, default=0)

    agency: Mapped[Agency] = relationship(back_populates="fields")


class Procedure(Base):
    """An administrative procedure (thủ tục hành chính) with its processing time, fee and documents."""

    __tablename__ = "procedures"
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(Text)
    agency_id: Mapped[int] = mapped_column(ForeignKey("agencies.id"), index=True)
    field_id: Mapped[Optional[int]] = mapped_column(ForeignKey("fields.id", ondelete="SET NULL"), index=True)
    processing_value: Mapped[int] = mapped_column(Integer)
    processing_unit: Mapped[str] = mapped_column(String(16))
    cutoff: Mapped[Optional[time]] = mapped_column(Time)
    supplement_policy: Mapped[str] = mapped_column(String(16), default="pause")
    fee_vnd: Mapped[int] = mapped_column(BigInteger, default=0)
    on_the_spot: Mapped[bool] = mapped_column(Boolean, default=False)
    online_level: Mapped[Optional[int]] = mapped_column(SmallInteger)
    postal_allowed: Mapped[bool] = mapped_column(Boolean, default=False)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    sort_order: Mapped[int] = mapped_column(Integer, default=0)

    agency: Mapped[Agency] = relationship()
    field: Mapped[Optional[Field]] = relationship()
    documents: Mapped[list[ProcedureDocument]] = relationship(
        back_populates="procedure", order_by="ProcedureDocument.position", cascade="all, delete-orphan")


class ProcedureDocument(Base):
    """A document the applicant must bring for a procedure (thành phần hồ sơ)."""

    __tablename__ = "procedure_documents"
    procedure_id: Mapped[int] = mapped_column(ForeignKey("procedures.id", ondelete="CASCADE"), primary_key=True)
    position: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String(16), default="original")
    count: Mapped[int] = mapped_column(Integer, default=1)

    procedure: Mapped[Procedure] = relationship(back_populates="documents")


# --- hall: services, counters, stations, officers -----------------------------------------------------------

class ServiceAgency(Base):
    """Which agencies a queue service serves."""

    __tablename__ = "service_agencies"
    service_id: Mapped[int] = mapped_column(ForeignKey("services.id", ondelete="CASCADE"), primary_key=True)
    agency_id: Mapped[int] = mapped_column(ForeignKey("agencies.id", ondelete="CASCADE"), primary_key=True)


class Service(Base):
    """A queue line at the kiosk (dịch vụ): its ticket prefix, number range and daily cap."""

    __tablename__ = "services"
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(16), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    name_en: Mapped[str] = mapped_column(String(200), default="", server_default="")  # shown to a citizen in English
    prefix: Mapped[str] = mapped_column(String(4), default="")
    range_start: Mapped[int] = mapped_column(Integer, default=1)
    range_end: Mapped[int] = mapped_column(Integer, default=9999)
    daily_cap: Mapped[Optional[int]] = mapped_column(Integer)
    avg_service_minutes: Mapped[int] = mapped_column(Integer, default=8)
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    active: Mapped[bool] = mapped_column(Boolean, default=True)

    agencies: Mapped[list[Agency]] = relationship(secondary="service_agencies", order_by="Agency.sort_order")


class CounterService(Base):
    """Which services a counter calls, in order of preference."""

    __tablename__ = "counter_services"
    counter_id: Mapped[int] = mapped_column(ForeignKey("counters.id", ondelete="CASCADE"), primary_key=True)
    service_id: Mapped[int] = mapped_column(ForeignKey("services.id", ondelete="CASCADE"), primary_key=True)
    position: Mapped[int] = mapped_column(Integer, default=0)


class Counter(Base):
    """A counter (quầy) in the hall."""

    __tablename__ = "counters"
    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[int] = mapped_column(Integer, unique=True)
    name: Mapped[str] = mapped_column(String(200))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    # open / paused / closed (app.domain.queue.CounterState): a paused or closed counter calls nobody
    state: Mapped[str] = mapped_column(String(16), default="open", server_default="open")
    state_changed_at: Mapped[Optional[datetime]]

    services: Mapped[list[Service]] = relationship(secondary="counter_services", order_by="CounterService.position")


class Station(Base):
    """A PC running motcua as one station (kiosk, counter, display, supervisor, admin)."""

    __tablename__ = "stations"
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(16))
    counter_id: Mapped[Optional[int]] = mapped_column(ForeignKey("counters.id", ondelete="SET NULL"))
    last_seen_at: Mapped[Optional[datetime]]


class Officer(Base):
    """A signed-in user: reception officer, supervisor or administrator (cán bộ)."""

    __tablename__ = "officers"
    id: Mapped[int] = mapped_column(primary_key=True)
    login: Mapped[str] = mapped_column(String(64), unique=True)
    full_name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(16))
    # deferred: loading an officer never reads the hash (station roles may not: app/store/roles.py)
    password_hash: Mapped[str] = mapped_column(String(255), deferred=True)
    failed_attempts: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[Optional[datetime]]
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    agency_id: Mapped[Optional[int]] = mapped_column(ForeignKey("agencies.id", ondelete="SET NULL"))
    phone: Mapped[Optional[str]] = mapped_column(String(20))
    created_at: Mapped[datetime]
    password_changed_at: Mapped[Optional[datetime]]


class Chained:
    """The chain fields of an append-only history row, filled by the database's trigger (app/store/chain.py)."""

    writer: Mapped[Optional[str]] = mapped_column(String(40))
    chain_day: Mapped[Optional[date]] = mapped_column(Date)
    chain_seq: Mapped[Optional[int]] = mapped_column(BigInteger)
    row_hash: Mapped[Optional[str]] = mapped_column(String(64))


def chain_index(table: str) -> Index:
    """The index verification walks a table's chains by: (day, writer, place)."""
    return Index(f"ix_{table}_chain", "chain_day", "writer", "chain_seq")


# --- queue ----------------------------------------------------------------------------------------------

class Ticket(Base):
    """A numbered ticket (số thứ tự) taken at the kiosk; `seq` is the day's allocation, `number` what is shown."""

    __tablename__ = "tickets"
    __table_args__ = (UniqueConstraint("service_id", "service_day", "seq"),
                      Index("ix_tickets_day_status", "service_day", "status"),
                      Index("ix_tickets_counter_status", "counter_id", "status"))
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    service_id: Mapped[int] = mapped_column(ForeignKey("services.id"))
    service_day: Mapped[date] = mapped_column(Date)
    seq: Mapped[int] = mapped_column(Integer)
    number: Mapped[int] = mapped_column(Integer)
    display_number: Mapped[str] = mapped_column(String(16))
    priority_kind: Mapped[Optional[str]] = mapped_column(String(32))
    status: Mapped[str] = mapped_column(String(16))
    issued_at: Mapped[datetime]
    called_at: Mapped[Optional[datetime]]
    serving_started_at: Mapped[Optional[datetime]]
    finished_at: Mapped[Optional[datetime]]
    counter_id: Mapped[Optional[int]] = mapped_column(ForeignKey("counters.id"))
    officer_id: Mapped[Optional[int]] = mapped_column(ForeignKey("officers.id"))
    call_count: Mapped[int] = mapped_column(Integer, default=0)
    printed: Mapped[bool] = mapped_column(Boolean, default=False)
    issued_by_station: Mapped[Optional[uuid.UUID]]
    transferred_from_id: Mapped[Optional[uuid.UUID]] = mapped_column(ForeignKey("tickets.id"))
    # a result-return ticket taken by scanning the receipt: the dossier whose result the citizen comes for
    dossier_id: Mapped[Optional[uuid.UUID]] = mapped_column(ForeignKey("dossiers.id", use_alter=True), index=True)


class TicketEvent(Chained, Base):
    """An append-only state change of a ticket: who, when, where, from, to, why."""

    __tablename__ = "ticket_events"
    __table_args__ = (Index("ix_ticket_events_ticket_at", "ticket_id", "at"), chain_index("ticket_events"))
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    ticket_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("tickets.id"))
    kind: Mapped[str] = mapped_column(String(24))
    at: Mapped[datetime]
    station_id: Mapped[Optional[uuid.UUID]]
    officer_id: Mapped[Optional[int]] = mapped_column(ForeignKey("officers.id"))
    counter_id: Mapped[Optional[int]] = mapped_column(ForeignKey("counters.id"))
    from_status: Mapped[Optional[str]] = mapped_column(String(16))
    to_status: Mapped[Optional[str]] = mapped_column(String(16))
    reason: Mapped[Optional[str]] = mapped_column(Text)
    data: Mapped[Optional[dict[str, Any]]]


# --- dossiers -------------------------------------------------------------------------------------------

class Dossier(Base):
    """A dossier (hồ sơ) received for a procedure, followed to its result."""

    __tablename__ = "dossiers"
    __table_args__ = (Index("ix_dossiers_agency_received", "agency_id", "received_at"),
                      Index("ix_dossiers_status_due", "status", "due_at"))
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    code: Mapped[str] = mapped_column(String(64), unique=True)
    agency_id: Mapped[int] = mapped_column(ForeignKey("agencies.id"))
    procedure_id: Mapped[int] = mapped_column(ForeignKey("procedures.id"), index=True)
    ticket_id: Mapped[Optional[uuid.UUID]] = mapped_column(ForeignKey("tickets.id"), index=True)
    channel: Mapped[str] = mapped_column(String(8), default="direct")
    online_level: Mapped[Optional[int]] = mapped_column(SmallInteger)
    applicant_kind: Mapped[str] = mapped_column(String(16), default="person")
    applicant_name: Mapped[str] = mapped_column(String(300))
    id_number: Mapped[Optional[str]] = mapped_column(String(20))
    tax_code: Mapped[Optional[str]] = mapped_column(String(20))
    birth_year: Mapped[Optional[int]] = mapped_column(SmallInteger)
    sex: Mapped[Optional[str]] = mapped_column(String(8))
    phone: Mapped[Optional[str]] = mapped_column(String(20))
    email: Mapped[Optional[str]] = mapped_column(String(200))
    address: Mapped[Optional[str]] = mapped_column(Text)
    province_code: Mapped[Optional[str]] = mapped_column(String(8))
    commune_code: Mapped[Optional[str]] = mapped_column(String(8))
    owner_name: Mapped[Optional[str]] = mapped_column(String(300))
    owner_id_number: Mapped[Optional[str]] = mapped_column(String(20))
    sets: Mapped[int] = mapped_column(Integer, default=1)
    received_at: Mapped[datetime] = mapped_column(index=True)
    due_at: Mapped[Optional[datetime]]
    original_due_at: Mapped[Optional[datetime]]
    status: Mapped[str] = mapped_column(String(24))
    # the one pause (supplement request): when it began (kept after the resume), when it ended, and the due date
    # that counted while it lasted (a resume moves the due dates on); the period report reads them "as of" a day
    paused_at: Mapped[Optional[datetime]]
    resumed_at: Mapped[Optional[datetime]]
    paused_due_at: Mapped[Optional[datetime]]
    resolved_at: Mapped[Optional[datetime]] = mapped_column(index=True)
    outcome: Mapped[Optional[str]] = mapped_column(String(32))
    cancelled_at: Mapped[Optional[datetime]]
    returned_at: Mapped[Optional[datetime]]
    result_by_post: Mapped[bool] = mapped_column(Boolean, default=False)
    postal_address: Mapped[Optional[str]] = mapped_column(Text)
    postal_tracking: Mapped[Optional[str]] = mapped_column(String(64))
    fee_vnd: Mapped[int] = mapped_column(BigInteger, default=0)
    register_line: Mapped[Optional[int]] = mapped_column(Integer)
    received_by: Mapped[Optional[int]] = mapped_column(ForeignKey("officers.id"))
    rule_set: Mapped[str] = mapped_column(String(32))
    supplement_requests: Mapped[int] = mapped_column(Integer, default=0)
    apologies: Mapped[int] = mapped_column(Integer, default=0)
    note: Mapped[Optional[str]] = mapped_column(Text)
    # an online registration (đăng ký trực tuyến): the portal's code, when it was registered, when it was refused
    registration_code: Mapped[Optional[str]] = mapped_column(String(64), unique=True, index=True)
    registered_at: Mapped[Optional[datetime]] = mapped_column(index=True)
    refused_at: Mapped[Optional[datetime]]


class DossierDocument(Base):
    """A document actually handed in with a dossier (thành phần hồ sơ đã nhận)."""

    __tablename__ = "dossier_documents"
    dossier_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("dossiers.id", ondelete="CASCADE"), primary_key=True)
    position: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(Text)
    originals: Mapped[int] = mapped_column(Integer, default=0)
    certified_copies: Mapped[int] = mapped_column(Integer, default=0)
    photocopies: Mapped[int] = mapped_column(Integer, default=0)


class DossierEvent(Chained, Base):
    """An append-only state change of a dossier (hand-overs, supplements, apologies, returns …)."""

    __tablename__ = "dossier_events"
    __table_args__ = (Index("ix_dossier_events_dossier_at", "dossier_id", "at"), chain_index("dossier_events"))
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    dossier_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("dossiers.id"))
    kind: Mapped[str] = mapped_column(String(32))
    at: Mapped[datetime]
    officer_id: Mapped[Optional[int]] = mapped_column(ForeignKey("officers.id"))
    station_id: Mapped[Optional[uuid.UUID]]
    from_status: Mapped[Optional[str]] = mapped_column(String(24))
    to_status: Mapped[Optional[str]] = mapped_column(String(24))
    reason: Mapped[Optional[str]] = mapped_column(Text)
    data: Mapped[Optional[dict[str, Any]]]


class Payment(Chained, Base):
    """A fee payment for a dossier, in integer đồng."""

    __tablename__ = "payments"
    __table_args__ = (chain_index("payments"),)
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    dossier_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("dossiers.id"), index=True)
    amount_vnd: Mapped[int] = mapped_column(BigInteger)
    method: Mapped[str] = mapped_column(String(16), default="cash")
    receipt_no: Mapped[Optional[str]] = mapped_column(String(64))
    officer_id: Mapped[Optional[int]] = mapped_column(ForeignKey("officers.id"))
    paid_at: Mapped[datetime] = mapped_column(index=True)
    station_id: Mapped[Optional[uuid.UUID]]


class Rating(Chained, Base):
    """One satisfaction vote from a counter's keypad, linked to the served ticket (one per ticket)."""

    __tablename__ = "ratings"
    __table_args__ = (chain_index("ratings"),)
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    ticket_id: Mapped[Optional[uuid.UUID]] = mapped_column(ForeignKey("tickets.id"), unique=True)
    counter_id: Mapped[Optional[int]] = mapped_column(ForeignKey("counters.id"))
    officer_id: Mapped[Optional[int]] = mapped_column(ForeignKey("officers.id"))
    service_id: Mapped[Optional[int]] = mapped_column(ForeignKey("services.id"))
    level: Mapped[int] = mapped_column(SmallInteger)
    scale: Mapped[int] = mapped_column(SmallInteger, default=3)
    raw_key: Mapped[str] = mapped_column(String(16))
    at: Mapped[datetime] = mapped_column(index=True)
    station_id: Mapped[Optional[uuid.UUID]]


class DeviceEvent(Base):
    """What a device did that is not a vote or a ticket: stray presses, garbage, faults, reconnects."""

    __tablename__ = "device_events"
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    station_id: Mapped[Optional[uuid.UUID]]
    device: Mapped[str] = mapped_column(String(32))
    kind: Mapped[str] = mapped_column(String(32))
    at: Mapped[datetime]
    detail: Mapped[Optional[str]] = mapped_column(Text)


class AuditEvent(Chained, Base):
    """An account, role, catalogue, calendar or settings change: who, what, before -> after (append-only)."""

    __tablename__ = "audit_events"
    __table_args__ = (chain_index("audit_events"),)
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    at: Mapped[datetime] = mapped_column(index=True)
    station_id: Mapped[Optional[uuid.UUID]]
    officer_id: Mapped[Optional[int]] = mapped_column(ForeignKey("officers.id"))
    actor: Mapped[str] = mapped_column(String(64))
    action: Mapped[str] = mapped_column(String(48))
    target: Mapped[str] = mapped_column(String(300))
    before: Mapped[Optional[Any]] = mapped_column(JSON)
    after: Mapped[Optional[Any]] = mapped_column(JSON)


class ChainHead(Base):
    """The last place and hash of one history chain (table, writer, day); locked by the insert that extends it."""

    __tablename__ = "chain_heads"
    stream: Mapped[str] = mapped_column(String(32), primary_key=True)
    writer: Mapped[str] = mapped_column(String(40), primary_key=True)
    day: Mapped[date] = mapped_column(Date, primary_key=True)
    seq: Mapped[int] = mapped_column(BigInteger, default=0)
    head: Mapped[str] = mapped_column(String(64), default="")


# --- calendar, numbering, settings -------------------------------------------------------------------------

class HolidayOverride(Base):
    """An extra day off, or a make-up working day, on top of the public holidays of the `holidays` package."""

    __tablename__ = "holiday_overrides"
    day: Mapped[date] = mapped_column(Date, primary_key=True)
    kind: Mapped[str] = mapped_column(String(8))  # "off" | "work"
    note: Mapped[str] = mapped_column(String(300), default="")


class WorkingPeriod(Base):
    """One working period of every working day (default 07:00–11:30 and 13:30–17:00): the centre's hours."""

    __tablename__ = "working_periods"
    id: Mapped[int] = mapped_column(primary_key=True)
    start: Mapped[time] = mapped_column(Time)
    end: Mapped[time] = mapped_column(Time)


class Sequence(Base):
    """A numbering counter row, locked in the allocating transaction (never max()+1)."""

    __tablename__ = "sequences"
    kind: Mapped[str] = mapped_column(String(24), primary_key=True)
    scope: Mapped[str] = mapped_column(String(64), primary_key=True)
    day: Mapped[date] = mapped_column(Date, primary_key=True)
    value: Mapped[int] = mapped_column(BigInteger, default=0)


class Setting(Base):
    """A centre-wide setting (declared in app.config), stored as JSON."""

    __tablename__ = "settings"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[Optional[Any]] = mapped_column(JSON)
    updated_at: Mapped[datetime]
    updated_by: Mapped[Optional[int]] = mapped_column(ForeignKey("officers.id", ondelete="SET NULL"))


class NumberLease(Base):
    """A block of numbers (ticket seqs of a service, dossier-code seqs of an agency, register lines) taken from the
    central sequence for one station to use while it is cut off from the server (docs/offline.md). The block is
    allocated by the ordinary sequence upsert, so it never overlaps another station's block or the central
    numbering; at sync the station reports how far it used it, and the rest is given back (when nobody allocated
    after it) or recorded as unused."""

    __tablename__ = "number_leases"
    __table_args__ = (Index("ix_number_leases_station", "station_id", "day"),)
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    station_id: Mapped[uuid.UUID]
    kind: Mapped[str] = mapped_column(String(24))  # the sequence kind: ticket, dossier, register
    scope: Mapped[str] = mapped_column(String(64))  # the sequence scope: service:<id>, agency:<id>, centre
    day: Mapped[date] = mapped_column(Date)  # the sequence day (1 January for the register's year)
    first_seq: Mapped[int] = mapped_column(BigInteger)
    last_seq: Mapped[int] = mapped_column(BigInteger)
    taken_at: Mapped[datetime]
    used_upto: Mapped[Optional[int]] = mapped_column(BigInteger)  # the last seq the station used (None: none)
    released_at: Mapped[Optional[datetime]]
    given_back: Mapped[int] = mapped_column(Integer, default=0)  # numbers returned to the sequence at release
    unused: Mapped[int] = mapped_column(Integer, default=0)  # numbers recorded as never used (a gap, not a ticket)
