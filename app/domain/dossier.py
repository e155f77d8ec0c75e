"""Dossiers (hồ sơ): the dossier code (mã hồ sơ), channels, states, and validation of what the intake form holds."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date
from enum import StrEnum

from app.domain.errors import Conflict, FormErrors, ValidationError
from app.domain.messages import translate
from app.domain.validators import (ADDRESS_MAX_LENGTH, check_text, check_year, normalize_name,
                                   normalize_phone, parse_cccd, validate_email, validate_tax_code)

RULE_SET = "ND118-2025"  # Decree 118/2025/NĐ-CP and Circular 03/2025/TT-VPCP, recorded on each dossier
# agency identifier (as app.domain.catalog.AGENCY_IDENTIFIER_RE), reception day YYMMDD, sequence of 4 or 5 digits
CODE_RE = re.compile(r"^([A-Za-z0-9][A-Za-z0-9.]{0,39})-(\d{6})-(\d{4,5})$")
MAX_SEQ = 99_999
MAX_SETS = 99
MAX_COPIES = 99
ORGANISATION_NAME_MAX = 300


class Channel(StrEnum):
    """How the dossier reached the centre (hình thức nộp)."""

    DIRECT = "direct"
    ONLINE = "online"
    POSTAL = "postal"

    @property
    def label(self) -> str:
        """Vietnamese label."""
        return {"direct": translate("domain.dossier", "Trực tiếp"), "online": translate("domain.dossier", "Trực tuyến"),
                "postal": translate("domain.dossier", "Qua bưu chính công ích")}[self.value]


class ApplicantKind(StrEnum):
    """A citizen (công dân) or an organisation (tổ chức, doanh nghiệp)."""

    PERSON = "person"
    ORGANISATION = "organisation"

    @property
    def label(self) -> str:
        """Vietnamese label."""
        return {"person": translate("domain.dossier", "Cá nhân"),
                "organisation": translate("domain.dossier", "Tổ chức")}[self.value]


class DossierStatus(StrEnum):
    """States of a dossier; `sync_code` is the national one-door system's code (None: not synchronised)."""

    REGISTERED = "registered"
    RECEIVED = "received"
    REFUSED = "refused"
    PROCESSING = "processing"
    PAUSED = "paused"
    WAITING_PAYMENT = "waiting_payment"
    WITHDRAWN = "withdrawn"
    STOPPED = "stopped"
    RESOLVED = "resolved"
    RETURNED = "returned"
    CANCELLED = "cancelled"

    @property
    def label(self) -> str:
        """Vietnamese label."""
        return _STATUS_LABELS[self.value]

    @property
    def sync_code(self) -> int | None:
        """The national sync code (1–10)."""
        return _SYNC_CODES.get(self.value)


_STATUS_LABELS = {
    "registered": translate("domain.dossier", "Đăng ký trực tuyến"),
    "received": translate("domain.dossier", "Đã tiếp nhận"),
    "refused": translate("domain.dossier", "Từ chối tiếp nhận"),
    "processing": translate("domain.dossier", "Đang giải quyết"),
    "paused": translate("domain.dossier", "Chờ bổ sung hồ sơ"),
    "waiting_payment": translate("domain.dossier", "Chờ nộp phí, lệ phí"),
    "withdrawn": translate("domain.dossier", "Rút hồ sơ"),
    "stopped": translate("domain.dossier", "Dừng giải quyết"),
    "resolved": translate("domain.dossier", "Đã có kết quả"),
    "returned": translate("domain.dossier", "Đã trả kết quả"),
    "cancelled": translate("domain.dossier", "Hủy hồ sơ"),
}
_SYNC_CODES = {"registered": 1, "received": 2, "refused": 3, "processing": 4, "paused": 5, "waiting_payment": 6,
               "withdrawn": 7, "stopped": 8, "resolved": 9, "returned": 10}


# --- dossier code ----------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class DossierCode:
    """A parsed dossier code: agency identifier, reception day, sequence of that agency that day."""

    agency_identifier: str
    day: date
    seq: int

    def __str__(self) -> str:
        return format_dossier_code(self.agency_identifier, self.day, self.seq)


def format_dossier_code(agency_identifier: str, day: date, seq: int) -> str:
    """`{agency}-{YYMMDD}-{seq:04d}`, e.g. `000.00.06.H56-231027-0361` (more digits past 9999)."""
    if not agency_identifier or seq < 1:
        raise ValueError(f"bad dossier code parts: {agency_identifier!r}, {seq}")
    if seq > MAX_SEQ:
        raise Conflict(translate("domain.dossier", "Cơ quan %1 đã hết số hồ sơ của ngày %2 (tối đa %3 hồ sơ một ngày)")
                       .arg(agency_identifier, f"{day:%d/%m/%Y}", f"{MAX_SEQ:,}".replace(",", ".")))
    return f"{agency_identifier}-{day:%y%m%d}-{seq:04d}"


def parse_dossier_code(text: str, *, field_name: str = "code") -> DossierCode:
    """Parse a dossier code (spaces trimmed, 4 or 5 digit sequence); ValidationError naming the field if it is not
    one."""
    match = CODE_RE.match(text.strip())
    if match is None:
        shown = text.strip() if len(text.strip()) <= 60 else text.strip()[:57] + "…"
        raise ValidationError(field_name, translate("domain.dossier", "Mã hồ sơ «%1» không đúng dạng "
                                                    "MÃCƠQUAN-YYMMDD-0001 (mã cơ quan tối đa 40 ký tự, số thứ tự 4 "
                                                    "hoặc 5 chữ số)").arg(shown))
    identifier, yymmdd, seq = match.groups()
    try:
        day = date(2000 + int(yymmdd[:2]), int(yymmdd[2:4]), int(yymmdd[4:]))
    except ValueError:
        raise ValidationError(field_name, translate("domain.dossier", "Mã hồ sơ: ngày %1 trong mã không có thật")
                              .arg(yymmdd)) from None
    if int(seq) < 1:
        raise ValidationError(field_name, translate("domain.dossier", "Mã hồ sơ: số thứ tự phải từ 0001"))
    return DossierCode(identifier, day, int(seq))


def looks_like_dossier_code(text: str) -> bool:
    """True when `text` has the shape of a dossier code (for scanners and search boxes)."""
    return CODE_RE.match(text.strip()) is not None


# --- intake form --------------------------------------------------------------------------------------------------

@dataclass
class DocumentReceived:
    """One document handed in: name and how many originals, certified copies and photocopies."""

    name: str
    originals: int = 0
    certified_copies: int = 0
    photocopies: int = 0


@dataclass(frozen=True)
class ProcedurePolicy:
    """What the procedure allows at intake (checked together with the form's own fields)."""

    postal_allowed: bool = True
    online_level: int | None = 4
    on_the_spot: bool = False


@dataclass
class IntakeDraft:
    """The intake form as typed by the officer (hồ sơ đang tiếp nhận), before it is stored."""

    applicant_name: str
    id_number: str = ""
    phone: str = ""
    address: str = ""
    email: str = ""
    applicant_kind: str = ApplicantKind.PERSON.value
    tax_code: str = ""
    birth_year: int | None = None
    sex: str | None = None
    channel: str = Channel.DIRECT.value
    online_level: int | None = None
    sets: int = 1
    documents: list[DocumentReceived] = field(default_factory=list)
    result_by_post: bool = False
    postal_address: str = ""
    note: str = ""
    owner_name: str = ""  # chủ hồ sơ, when the applicant files for someone else
    owner_id_number: str = ""
    warnings: tuple[str, ...] = ()

    def validated(self, policy: ProcedurePolicy | None = None, *, resolve_on_the_spot: bool = False,
                  today: date | None = None) -> IntakeDraft:
        """A normalised copy, or FormErrors listing every bad field at once (Vietnamese messages); `today` bounds
        the birth year (the computer's date when None). `warnings` lists what the officer may go on past (an
        unknown province code in the CCCD)."""
        errors: list[ValidationError] = []
        this_year = (today or date.today()).year
        policy = policy or ProcedurePolicy()
        if resolve_on_the_spot and not policy.on_the_spot:
            errors.append(ValidationError("on_the_spot", translate("domain.dossier", "Thủ tục này không giải quyết "
                                                                             "và trả kết quả tại chỗ")))
        clean = replace(self, documents=[], warnings=())
        kind = _check(errors, lambda: ApplicantKind(self.applicant_kind), "applicant_kind",
                      translate("domain.dossier", "Loại người nộp phải là cá nhân hoặc tổ chức"))
        _applicant(self, clean, kind, errors, this_year)
        _owner(self, clean, errors, this_year)
        _contact(self, clean, errors)
        _channel(self, clean, policy, errors)
        _documents(self, clean, errors)
        if errors:
            raise FormErrors(errors)
        return clean


def _check(errors: list[ValidationError], make, field_name: str, message: str):  # type: ignore[no-untyped-def]
    """Run `make()`; on ValueError record `message` for `field_name` and return None."""
    try:
        return make()
    except ValidationError as exc:
        errors.append(exc)
    except ValueError:
        errors.append(ValidationError(field_name, message))
    return None


def _applicant(d: IntakeDraft, clean: IntakeDraft, kind: ApplicantKind | None, errors: list[ValidationError],
               this_year: int) -> None:
    """Name, CCCD (with birth year and sex) for a person; name and tax code for an organisation."""
    if kind is ApplicantKind.ORGANISATION:
        name = _check(errors, lambda: check_text(d.applicant_name, "applicant_name",
                                                         label=translate("domain.dossier", "Tên tổ chức")),
                      "applicant_name", "")
        clean.applicant_name = name or ""
        if name is not None and not 2 <= len(name) <= ORGANISATION_NAME_MAX:
            errors.append(ValidationError("applicant_name", translate("domain.dossier", "Tên tổ chức phải có từ %1 "
                                                                                        "đến %2 ký tự")
                                          .arg(2, ORGANISATION_NAME_MAX)))
        if not d.tax_code.strip():
            errors.append(ValidationError("tax_code", translate("domain.dossier", "Tổ chức phải có mã số thuế")))
        else:
            clean.tax_code = _check(errors, lambda: validate_tax_code(d.tax_code), "tax_code", "") or ""
    else:
        clean.applicant_name = _check(errors, lambda: normalize_name(d.applicant_name, "applicant_name"),
                                      "applicant_name", "") or ""
        # a person may give a tax code (a household business): checked the same way, never stored unchecked
        clean.tax_code = (_check(errors, lambda: validate_tax_code(d.tax_code), "tax_code", "") or ""
                          if d.tax_code.strip() else "")
    if d.sex not in (None, "", "male", "female"):
        errors.append(ValidationError("sex", translate("domain.dossier", "Giới tính phải là nam hoặc nữ")))
    clean.sex = d.sex or None
    typed_year = d.birth_year
    birth_year_ok = typed_year is None or _check(errors, lambda: check_year(typed_year, "birth_year",
                                                                            latest=this_year), "birth_year", "")
    _id_number(d, clean, kind, errors, this_year, bool(birth_year_ok))


def _owner(d: IntakeDraft, clean: IntakeDraft, errors: list[ValidationError], this_year: int) -> None:
    """The owner of the dossier when it is not the applicant: a name, and a CCCD when one is given."""
    name, raw = d.owner_name.strip(), "".join(d.owner_id_number.split())
    owner = (lambda: normalize_name(name, "owner_name", label=translate("domain.dossier", "Họ tên chủ hồ sơ")))
    clean.owner_name = (_check(errors, owner, "owner_name", "") or "") if name else ""
    clean.owner_id_number = ""
    if raw and not name:
        errors.append(ValidationError("owner_name", translate("domain.dossier", "Ghi họ tên chủ hồ sơ (đã có số "
                                                                                "CCCD của chủ hồ sơ)")))
    if raw:
        info = _check(errors, lambda: parse_cccd(raw, None, None, field="owner_id_number",
                                                      this_year=this_year), "owner_id_number", "")
        if info is not None:
            clean.owner_id_number = info.number


def _id_number(d: IntakeDraft, clean: IntakeDraft, kind: ApplicantKind | None, errors: list[ValidationError],
               this_year: int, birth_year_ok: bool) -> None:
    """A 12-digit CCCD, required for a person (the representative's, optional, for an organisation)."""
    raw = "".join(d.id_number.split())
    if not raw:
        clean.id_number = ""
        if kind is not ApplicantKind.ORGANISATION:
            errors.append(ValidationError("id_number", translate("domain.dossier", "Số CCCD / định danh cá nhân "
                                                                                   "không được để trống")))
        return
    if re.fullmatch(r"[0-9]{9}", raw):
        errors.append(ValidationError("id_number", translate("domain.dossier", "Chứng minh nhân dân 9 số không còn "
                                                                               "giá trị từ 2025; nhập số định danh cá "
                                                                               "nhân 12 chữ số")))
        return
    year = d.birth_year if birth_year_ok else None
    sex = d.sex if d.sex in ("male", "female") else None
    info = _check(errors, lambda: parse_cccd(raw, year, sex, this_year=this_year),  # type: ignore[arg-type]
                  "id_number", "")
    if info is not None:
        clean.id_number = info.number
        clean.birth_year = year if year is not None else info.birth_year
        clean.sex = sex or info.sex
        clean.warnings = clean.warnings + info.warnings


def _contact(d: IntakeDraft, clean: IntakeDraft, errors: list[ValidationError]) -> None:
    """Phone (required, normalised), e-mail (optional), address (required)."""
    clean.phone = _check(errors, lambda: normalize_phone(d.phone), "phone", "") or ""
    clean.email = (_check(errors, lambda: validate_email(d.email), "email", "") or "") if d.email.strip() else ""
    clean.address = _check(errors, lambda: check_text(d.address, "address", max_length=ADDRESS_MAX_LENGTH,
                                                      required=True), "address", "") or ""
    clean.note = _check(errors, lambda: check_text(d.note, "note"), "note", "") or ""


def _channel(d: IntakeDraft, clean: IntakeDraft, policy: ProcedurePolicy, errors: list[ValidationError]) -> None:
    """Channel, online level, return by post, against what the procedure allows."""
    channel = _check(errors, lambda: Channel(d.channel), "channel",
                     translate("domain.dossier", "Hình thức nộp phải là trực tiếp, trực tuyến hoặc bưu chính"))
    if channel is Channel.ONLINE:
        if d.online_level not in (3, 4):
            errors.append(ValidationError("online_level", translate("domain.dossier", "Hồ sơ trực tuyến phải ghi "
                                                                                      "mức độ 3 hoặc 4")))
        elif policy.online_level is None or d.online_level > policy.online_level:
            errors.append(ValidationError("online_level", translate("domain.dossier", "Thủ tục này không cung cấp "
                                                                                      "dịch vụ công trực tuyến mức "
                                                                                      "độ %1").arg(d.online_level)))
    elif d.online_level is not None:
        errors.append(ValidationError("online_level", translate("domain.dossier", "Mức độ trực tuyến chỉ ghi cho hồ "
                                                                                  "sơ nộp trực tuyến")))
    postal = channel is Channel.POSTAL or d.result_by_post
    if postal and not policy.postal_allowed:
        errors.append(ValidationError("channel", translate("domain.dossier", "Thủ tục này không tiếp nhận, trả kết "
                                                                             "quả qua bưu chính")))
    clean.postal_address = _check(errors, lambda: check_text(d.postal_address, "postal_address",
                                                             max_length=ADDRESS_MAX_LENGTH), "postal_address", "") or ""
    if d.result_by_post and not clean.postal_address:
        errors.append(ValidationError("postal_address", translate("domain.dossier", "Trả kết quả qua bưu chính cần "
                                                                                    "địa chỉ nhận")))
    clean.result_by_post = bool(d.result_by_post)


def _documents(d: IntakeDraft, clean: IntakeDraft, errors: list[ValidationError]) -> None:
    """Number of sets (≥ 1) and each document's name and counts."""
    if isinstance(d.sets, bool) or not isinstance(d.sets, int) or not 1 <= d.sets <= MAX_SETS:
        errors.append(ValidationError("sets", translate("domain.dossier", "Số lượng hồ sơ phải từ 1 đến %1 bộ")
                                      .arg(MAX_SETS)))
    for i, doc in enumerate(d.documents, start=1):
        row = translate("domain.dossier", "Giấy tờ dòng %1").arg(i)
        name = _check(errors, lambda: check_text(doc.name, "documents", label=row), "documents", "") or ""
        counts = (doc.originals, doc.certified_copies, doc.photocopies)
        if not name and not doc.name.strip():
            errors.append(ValidationError("documents", translate("domain.dossier", "Giấy tờ dòng %1: chưa có tên")
                                          .arg(i)))
        if any(isinstance(c, bool) or not isinstance(c, int) or not 0 <= c <= MAX_COPIES for c in counts):
            errors.append(ValidationError("documents", translate("domain.dossier", "Giấy tờ dòng %1: số bản phải từ "
                                                                                   "0 đến %2").arg(i, MAX_COPIES)))
        elif sum(counts) == 0:
            errors.append(ValidationError("documents", translate("domain.dossier", "Giấy tờ dòng %1: chưa ghi số "
                                                                                   "bản đã nhận").arg(i)))
        clean.documents.append(DocumentReceived(name, *counts))
