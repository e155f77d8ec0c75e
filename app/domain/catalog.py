"""The procedure catalogue (danh mục thủ tục hành chính): value types, validation and accent-insensitive search."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import time
from enum import StrEnum

from app.domain.errors import FormErrors, ValidationError
from app.domain.messages import translate
from app.domain.text import fold
from app.domain.validators import check_text


class ProcessingUnit(StrEnum):
    """How a procedure's processing time is counted."""

    WORKING_DAYS = "working_days"
    CALENDAR_DAYS = "calendar_days"
    WORKING_HOURS = "working_hours"
    SAME_DAY = "same_day"

    @property
    def label(self) -> str:
        """Vietnamese label."""
        return {"working_days": translate("domain.catalog", "ngày làm việc"),
                "calendar_days": translate("domain.catalog", "ngày"),
                "working_hours": translate("domain.catalog", "giờ làm việc"),
                "same_day": translate("domain.catalog", "trong ngày")}[self.value]


class SupplementPolicy(StrEnum):
    """What a supplement request does to the clock."""

    PAUSE = "pause"
    RESTART = "restart"

    @property
    def label(self) -> str:
        """Vietnamese label."""
        return {"pause": translate("domain.catalog", "Tạm dừng tính thời gian"),
                "restart": translate("domain.catalog", "Tính lại từ đầu")}[self.value]


class DocumentKind(StrEnum):
    """Form of a required document."""

    ORIGINAL = "original"
    CERTIFIED_COPY = "certified_copy"
    PHOTOCOPY = "photocopy"

    @property
    def label(self) -> str:
        """Vietnamese label."""
        return {"original": translate("domain.catalog", "Bản chính"),
                "certified_copy": translate("domain.catalog", "Bản sao chứng thực"),
                "photocopy": translate("domain.catalog", "Bản photo")}[self.value]


class AgencyKind(StrEnum):
    """A department of the province or a public utility company."""

    DEPARTMENT = "department"
    COMPANY = "company"


CODE_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")
AGENCY_IDENTIFIER_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9.]{0,39}$")


@dataclass
class DocumentDraft:
    """A required document of a procedure as typed: name, kind, count."""

    name: str
    kind: str = DocumentKind.ORIGINAL.value
    count: int = 1


@dataclass
class ProcedureDraft:
    """A procedure as typed in the admin window or read from an import file, before it is stored."""

    code: str
    name: str
    processing_value: int
    processing_unit: str
    fee_vnd: int = 0
    cutoff: time | None = None
    supplement_policy: str = SupplementPolicy.PAUSE.value
    on_the_spot: bool = False
    online_level: int | None = None
    postal_allowed: bool = False
    field_name: str = ""
    documents: list[DocumentDraft] = field(default_factory=list)

    def validated(self) -> "ProcedureDraft":
        """A normalised copy, or FormErrors listing every bad field (Vietnamese messages)."""
        errors: list[ValidationError] = []
        code = self.code.strip()
        if not CODE_RE.match(code):
            errors.append(ValidationError("code", translate("domain.catalog", "Mã thủ tục chỉ gồm chữ, số, dấu chấm, "
                                                                              "gạch; không để trống")))
        name = _text(errors, self.name, "name", translate("domain.catalog", "Tên thủ tục"), 1000)
        if name is not None and not 3 <= len(name) <= 1000:
            errors.append(ValidationError("name", translate("domain.catalog", "Tên thủ tục phải có từ 3 đến 1000 "
                                                                              "ký tự")))
        field_name = _text(errors, self.field_name, "field", translate("domain.catalog", "Lĩnh vực"), 300) or ""
        try:
            unit = ProcessingUnit(self.processing_unit)
        except ValueError:
            errors.append(ValidationError("processing_unit", translate("domain.catalog", "Đơn vị thời hạn không "
                                                                                         "hợp lệ")))
            unit = None
        value = self.processing_value
        if not isinstance(value, int) or isinstance(value, bool) or value < 0 or value > 3650:
            errors.append(ValidationError("processing_value", translate("domain.catalog", "Thời hạn giải quyết phải "
                                                                                          "là số nguyên từ 0 đến "
                                                                                          "3650")))
        elif unit is not None and unit != ProcessingUnit.SAME_DAY and value == 0:
            errors.append(ValidationError("processing_value", translate("domain.catalog", "Thời hạn giải quyết phải "
                                                                                          "lớn hơn 0 (chọn «trong "
                                                                                          "ngày» cho thủ tục giải "
                                                                                          "quyết ngay)")))
        if not isinstance(self.fee_vnd, int) or isinstance(self.fee_vnd, bool) or not 0 <= self.fee_vnd <= 10**12:
            errors.append(ValidationError("fee_vnd", translate("domain.catalog", "Phí, lệ phí phải là số đồng "
                                                                                 "nguyên, không âm")))
        if self.supplement_policy not in {p.value for p in SupplementPolicy}:
            errors.append(ValidationError("supplement_policy", translate("domain.catalog", "Cách xử lý khi bổ sung "
                                                                                           "hồ sơ không hợp lệ")))
        if self.online_level not in (None, 2, 3, 4):
            errors.append(ValidationError("online_level", translate("domain.catalog", "Mức độ trực tuyến phải là 2, "
                                                                                      "3 hoặc 4 (hoặc để trống)")))
        documents = []
        for i, doc in enumerate(self.documents, start=1):
            doc_name = _text(errors, doc.name, "documents", translate("domain.catalog", "Giấy tờ dòng %1").arg(i),
                             1000)
            if doc_name == "":
                errors.append(ValidationError("documents", translate("domain.catalog", "Giấy tờ dòng %1: chưa có "
                                                                                       "tên").arg(i)))
            if doc.kind not in {k.value for k in DocumentKind}:
                errors.append(ValidationError("documents", translate("domain.catalog", "Giấy tờ dòng %1: loại bản "
                                                                                       "không hợp lệ").arg(i)))
            if not isinstance(doc.count, int) or not 1 <= doc.count <= 99:
                errors.append(ValidationError("documents", translate("domain.catalog", "Giấy tờ dòng %1: số lượng "
                                                                                       "phải từ 1 đến 99").arg(i)))
            documents.append(DocumentDraft(doc_name or "", doc.kind, doc.count))
        if errors:
            raise FormErrors(errors)
        return ProcedureDraft(code, name or "", value, self.processing_unit, self.fee_vnd, self.cutoff,
                              self.supplement_policy, bool(self.on_the_spot), self.online_level,
                              bool(self.postal_allowed), field_name, documents)


def _text(errors: list[ValidationError], text: str, field_name: str, label: str, max_length: int) -> str | None:
    """Free text through the shared rule (no control or bidi character, a length); None and an error when bad."""
    try:
        return check_text(text, field_name, max_length=max_length, label=label)
    except ValidationError as exc:
        errors.append(exc)
        return None


@dataclass(frozen=True)
class SearchEntry:
    """One procedure as the search index sees it."""

    procedure_id: int
    agency_id: int
    haystack: str
    name_folded: str


class ProcedureIndex:
    """In-memory accent-insensitive search over the catalogue: every query word must appear."""

    def __init__(self, entries: list[SearchEntry]) -> None:
        self._entries = entries
        self._last_query: tuple[str, ...] = ()
        self._last_hits: list[SearchEntry] = entries

    @staticmethod
    def entry(procedure_id: int, agency_id: int, code: str, name: str, agency_name: str,
              field_name: str = "") -> SearchEntry:
        """Build an index entry from a procedure's visible texts."""
        name_folded = fold(name)
        return SearchEntry(procedure_id, agency_id,
                           " | ".join((fold(code), name_folded, fold(agency_name), fold(field_name))), name_folded)

    def __len__(self) -> int:
        return len(self._entries)

    def search(self, query: str, agency_ids: set[int] | None = None, limit: int = 200) -> list[int]:
        """Procedure ids matching every word of `query`, those whose name holds the whole phrase first."""
        words = tuple(fold(query).split())
        pool = self._entries
        # typing on: the new query only narrows the last one, so search inside its hits
        if self._last_query and words[: len(self._last_query) - 1] == self._last_query[:-1] and words and \
                len(words) >= len(self._last_query) and words[len(self._last_query) - 1].startswith(
                    self._last_query[-1]):
            pool = self._last_hits
        hits = pool
        for word in words:  # one pass per word is cheaper than all(...) per entry
            hits = [e for e in hits if word in e.haystack]
        self._last_query, self._last_hits = words, hits
        if agency_ids is not None:
            hits = [e for e in hits if e.agency_id in agency_ids]
        phrase = " ".join(words)
        if not phrase:
            return [e.procedure_id for e in hits[:limit]]
        first = [e.procedure_id for e in hits if phrase in e.name_folded][:limit]
        rest = [e.procedure_id for e in hits if phrase not in e.name_folded][: limit - len(first)]
        return first + rest
