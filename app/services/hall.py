"""The hall: queue services (dịch vụ) with their number ranges, and counters (quầy) with the services they call."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import delete, select
from sqlalchemy.orm import Session, selectinload

from app.domain.accounts import Role
from app.domain.errors import FormErrors, NotFound, ValidationError
from app.domain.messages import translate
from app.domain.text import nfc
from app.services.audit import record, snapshot
from app.services.context import Actor, Context
from app.store.models import Agency, Counter, CounterService, Service, ServiceAgency


@dataclass(frozen=True)
class ServiceDraft:
    """A queue service as typed in the admin window."""

    code: str
    name: str
    prefix: str = ""
    range_start: int = 1
    range_end: int = 9999
    daily_cap: int | None = None
    avg_service_minutes: int = 8
    agency_ids: tuple[int, ...] = ()
    active: bool = True
    name_en: str = ""  # the name a citizen reads at the kiosk in English ('' = the Vietnamese name)

    def validated(self) -> "ServiceDraft":
        """A normalised copy, or FormErrors naming each bad field."""
        errors = []
        code = self.code.strip().upper()
        if not 1 <= len(code) <= 16 or not code.replace("-", "").replace("_", "").isalnum():
            errors.append(ValidationError("code", translate("services.hall", "Mã dịch vụ gồm 1–16 chữ cái hoặc số")))
        name = nfc(self.name)
        if not 2 <= len(name) <= 200:
            errors.append(ValidationError("name", translate("services.hall", "Tên dịch vụ phải có từ 2 đến 200 ký tự")))
        name_en = nfc(self.name_en)
        if len(name_en) > 200:
            errors.append(ValidationError("name_en", translate("services.hall",
                                                               "Tên tiếng Anh của dịch vụ tối đa 200 ký tự")))
        prefix = self.prefix.strip().upper()
        if len(prefix) > 4 or not (prefix.isalpha() or prefix == "") or not prefix.isascii():
            errors.append(ValidationError("prefix", translate("services.hall", "Tiền tố số là 0–4 chữ cái không dấu")))
        if not 0 <= self.range_start < self.range_end <= 999_999:
            errors.append(ValidationError("range_end", translate("services.hall", "Dải số phải có số đầu nhỏ hơn số "
                                                                               "cuối (0–999999)")))
        if self.daily_cap is not None and self.daily_cap <= 0:
            errors.append(ValidationError("daily_cap", translate("services.hall", "Giới hạn số phiếu mỗi ngày phải lớn "
                                                                               "hơn 0 (hoặc để trống)")))
        if not 1 <= self.avg_service_minutes <= 240:
            errors.append(ValidationError("avg_service_minutes", translate("services.hall", "Thời gian phục vụ trung "
                                                                                         "bình từ 1 đến 240 phút")))
        if errors:
            raise FormErrors(errors)
        return ServiceDraft(code, name, prefix, self.range_start, self.range_end, self.daily_cap,
                            self.avg_service_minutes, tuple(dict.fromkeys(self.agency_ids)), self.active, name_en)


@dataclass(frozen=True)
class ServiceView:
    """A stored queue service."""

    id: int
    draft: ServiceDraft
    agency_names: tuple[str, ...]


@dataclass(frozen=True)
class CounterView:
    """A stored counter and the services it calls, in order."""

    id: int
    number: int
    name: str
    active: bool
    service_ids: tuple[int, ...]
    service_names: tuple[str, ...]


def list_services(ctx: Context) -> list[ServiceView]:
    """Queue services in kiosk order."""
    with ctx.store.read() as s:
        rows = s.scalars(select(Service).options(selectinload(Service.agencies))
                         .order_by(Service.sort_order, Service.id))
        return [ServiceView(v.id, ServiceDraft(v.code, v.name, v.prefix, v.range_start, v.range_end, v.daily_cap,
                                               v.avg_service_minutes, tuple(a.id for a in v.agencies), v.active,
                                               v.name_en),
                            tuple(a.name for a in v.agencies)) for v in rows]


def save_service(ctx: Context, actor: Actor, service_id: int | None, draft: ServiceDraft) -> int:
    """Create or change a queue service and the agencies it serves, in one transaction (admin only)."""
    actor.require(Role.ADMIN, translate("services.hall", "sửa dịch vụ xếp hàng"))
    d = draft.validated()
    with ctx.store.write() as s:
        other = s.scalar(select(Service.id).where(Service.code == d.code))
        if other is not None and other != service_id:
            raise FormErrors([ValidationError("code", translate("services.hall", "Mã dịch vụ «%1» đã có").arg(d.code))])
        _check_agencies(s, d.agency_ids)
        if service_id is None:
            service = Service(sort_order=len(s.scalars(select(Service.id)).all()) + 1)
            s.add(service)
        else:
            found = s.get(Service, service_id)
            if found is None:
                raise NotFound(translate("services.hall", "Không tìm thấy dịch vụ"))
            service = found
        before = snapshot(service) if service_id is not None else None
        service.code, service.name, service.name_en, service.prefix = d.code, d.name, d.name_en, d.prefix
        service.range_start, service.range_end, service.daily_cap = d.range_start, d.range_end, d.daily_cap
        service.avg_service_minutes, service.active = d.avg_service_minutes, d.active
        s.flush()
        s.execute(delete(ServiceAgency).where(ServiceAgency.service_id == service.id))
        s.add_all(ServiceAgency(service_id=service.id, agency_id=a) for a in d.agency_ids)
        record(s, ctx, actor, "service.save", f"dịch vụ {service.code}", before,
               {**snapshot(service), "agency_ids": list(d.agency_ids)})
        return service.id


def _check_agencies(s: Session, agency_ids: tuple[int, ...]) -> None:
    known = set(s.scalars(select(Agency.id).where(Agency.id.in_(agency_ids))))
    if set(agency_ids) - known:
        raise FormErrors([ValidationError("agency_ids", translate("services.hall",
                                                                  "Có cơ quan không còn trong danh mục"))])


def list_counters(ctx: Context) -> list[CounterView]:
    """Counters by number."""
    with ctx.store.read() as s:
        return [CounterView(c.id, c.number, c.name, c.active, tuple(v.id for v in c.services),
                            tuple(v.name for v in c.services))
                for c in s.scalars(select(Counter).options(selectinload(Counter.services)).order_by(Counter.number))]


def save_counter(ctx: Context, actor: Actor, counter_id: int | None, number: int, name: str,
                 service_ids: list[int], active: bool = True) -> int:
    """Create or change a counter and the services it calls (order = preference), admin only."""
    actor.require(Role.ADMIN, translate("services.hall", "sửa quầy"))
    errors = []
    name = nfc(name)
    if not 1 <= number <= 999:
        errors.append(ValidationError("number", translate("services.hall", "Số quầy từ 1 đến 999")))
    if not 1 <= len(name) <= 200:
        errors.append(ValidationError("name", translate("services.hall", "Tên quầy không được để trống")))
    if errors:
        raise FormErrors(errors)
    with ctx.store.write() as s:
        other = s.scalar(select(Counter.id).where(Counter.number == number))
        if other is not None and other != counter_id:
            raise FormErrors([ValidationError("number", translate("services.hall", "Quầy số %1 đã có").arg(number))])
        known = set(s.scalars(select(Service.id).where(Service.id.in_(service_ids))))
        if set(service_ids) - known:
            raise FormErrors([ValidationError("service_ids", translate("services.hall",
                                                                       "Có dịch vụ không còn trong danh mục"))])
        counter = Counter() if counter_id is None else s.get(Counter, counter_id)
        if counter is None:
            raise NotFound(translate("services.hall", "Không tìm thấy quầy"))
        before = snapshot(counter) if counter_id is not None else None
        counter.number, counter.name, counter.active = number, name, active
        s.add(counter)
        s.flush()
        s.execute(delete(CounterService).where(CounterService.counter_id == counter.id))
        s.add_all(CounterService(counter_id=counter.id, service_id=sid, position=i)
                  for i, sid in enumerate(dict.fromkeys(service_ids)))
        record(s, ctx, actor, "counter.save", f"quầy {number}", before,
               {**snapshot(counter), "service_ids": list(dict.fromkeys(service_ids))})
        return counter.id
