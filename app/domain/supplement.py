"""The documents of a supplement request (Mẫu 02): each one's name, form (original, certified copy, photocopy) and
quantity, as typed by an officer: `Tên giấy tờ`, `Tên giấy tờ:LOẠI` or `Tên giấy tờ:LOẠI:SỐ`, several separated by
`;`."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from app.domain.catalog import DocumentKind
from app.domain.errors import FormErrors, ValidationError
from app.domain.messages import translate
from app.domain.text import nfc

FIELD = "items"
MAX_COUNT = 99
KIND_WORDS = {"chính": DocumentKind.ORIGINAL, "chinh": DocumentKind.ORIGINAL, "bản chính": DocumentKind.ORIGINAL,
              "original": DocumentKind.ORIGINAL, "sao": DocumentKind.CERTIFIED_COPY,
              "sao chứng thực": DocumentKind.CERTIFIED_COPY, "certified": DocumentKind.CERTIFIED_COPY,
              "certified_copy": DocumentKind.CERTIFIED_COPY, "photo": DocumentKind.PHOTOCOPY,
              "photocopy": DocumentKind.PHOTOCOPY, "bản photo": DocumentKind.PHOTOCOPY}


@dataclass(frozen=True)
class SupplementItem:
    """One document the applicant must supplement."""

    name: str
    kind: DocumentKind = DocumentKind.ORIGINAL
    count: int = 1

    def as_data(self) -> dict[str, Any]:
        """The item as the supplement event stores it."""
        return {"name": self.name, "kind": self.kind.value, "count": self.count}

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> SupplementItem:
        """An item stored by `as_data` (an old event's plain text is one original)."""
        return cls(str(data.get("name", "")), DocumentKind(data.get("kind", "original")), int(data.get("count", 1)))


def parse_item(text: str, line: int) -> SupplementItem:
    """`Tên`, `Tên:LOẠI` or `Tên:LOẠI:SỐ` (LOẠI: chính | sao | photo); ValidationError naming the line otherwise.

    The form and quantity are read only when the text ends with a known form word (`…:sao`, `…:sao:2`), so a name
    that has a colon of its own ("Tờ khai (Mẫu số 01: …)") stays whole."""
    parts = text.split(":")
    words = [nfc(p).lower() for p in parts]
    if len(parts) >= 3 and words[-2] in KIND_WORDS:
        name, kind, count_text = ":".join(parts[:-2]), KIND_WORDS[words[-2]], nfc(parts[-1])
    elif len(parts) >= 2 and words[-1] in KIND_WORDS:
        name, kind, count_text = ":".join(parts[:-1]), KIND_WORDS[words[-1]], "1"
    else:
        name, kind, count_text = nfc(text), DocumentKind.ORIGINAL, "1"
    name = nfc(name)
    if not name:
        raise ValidationError(FIELD, translate("domain.supplement", "Giấy tờ cần bổ sung, dòng %1: chưa có tên (ghi "
                                                                    "«Tên giấy tờ» hoặc «Tên giấy tờ:chính|sao|photo:"
                                                                    "số lượng»)").arg(line))
    if not count_text.isdigit() or not 1 <= int(count_text) <= MAX_COUNT:
        raise ValidationError(FIELD, translate("domain.supplement", "Giấy tờ cần bổ sung, dòng %1: số lượng phải từ "
                                                                    "1 đến %2").arg(line, MAX_COUNT))
    return SupplementItem(name, kind, int(count_text))


def parse_items(value: str | Iterable[str | SupplementItem] | None) -> tuple[SupplementItem, ...]:
    """Every item of `value` (';'-separated text, or a list of texts or items); FormErrors listing each bad one,
    or asking for at least one."""
    raw: list[str | SupplementItem] = ([*value.split(";")] if isinstance(value, str)
                                       else list(value) if value is not None else [])
    items, errors = [], []
    for i, entry in enumerate((x for x in raw if isinstance(x, SupplementItem) or nfc(x)), start=1):
        if isinstance(entry, SupplementItem):
            items.append(entry)
            continue
        try:
            items.append(parse_item(entry, i))
        except ValidationError as exc:
            errors.append(exc)
    if not items and not errors:
        errors.append(ValidationError(FIELD, translate("domain.supplement", "Ghi ít nhất một giấy tờ cần bổ sung, "
                                                                            "hoàn thiện")))
    if errors:
        raise FormErrors(errors)
    return tuple(items)
