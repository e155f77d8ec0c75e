"""The QR code printed on a chip-based citizen ID card (CCCD / thẻ căn cước), as a 2-D scanner types it.

The card's QR holds its printed facts separated by "|":
`số CCCD|số CMND cũ|họ và tên|ngày sinh ddmmyyyy|giới tính|nơi thường trú|ngày cấp ddmmyyyy`.
Cards differ: the old CMND number is empty when the holder had none, some issues leave that field out altogether,
and newer cards add fields after the issue date. So the parts are recognised by what they look like, in order,
rather than by position alone; a part missing or unreadable is left empty and the form's own validators decide.
Nothing here checks the ID number's meaning (app.domain.validators does that when the form is validated).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date

from app.domain.errors import ValidationError
from app.domain.messages import translate
from app.domain.validators import Sex

SEPARATOR = "|"
_ID = re.compile(r"[0-9]{12}")
_OLD_ID = re.compile(r"[0-9]{9}|[0-9]{12}")
_DATE = re.compile(r"([0-9]{2})([0-9]{2})([0-9]{4})")
_SEX = {"nam": "male", "nữ": "female", "nu": "female", "male": "male", "female": "female", "m": "male",
        "f": "female"}
NOT_A_CARD = translate("domain.cccd_qr", "Mã vừa quét không phải mã QR trên thẻ CCCD (mã QR của thẻ bắt đầu bằng số "
                                         "CCCD 12 chữ số, các mục cách nhau bằng dấu «|»)")


@dataclass(frozen=True)
class CccdCard:
    """What a CCCD's QR code says (empty / None where the card did not say it or it could not be read)."""

    id_number: str
    old_id_number: str = ""
    full_name: str = ""
    birth_date: date | None = None
    sex: Sex | None = None
    address: str = ""
    issued_on: date | None = None
    extra_fields: int = 0  # parts after the issue date (newer cards), not used


def looks_like_cccd_qr(text: str) -> bool:
    """Whether a scanned text has the shape of a CCCD QR: 12 digits, then "|" (cheap; for telling scans apart)."""
    head, sep, _rest = _clean(text).partition(SEPARATOR)
    return bool(sep) and bool(_ID.fullmatch(head.strip()))


def parse_cccd_qr(text: str, *, field: str = "id_number") -> CccdCard:
    """Read a scanned CCCD QR tolerantly; ValidationError (on `field`) when it is not a CCCD's QR at all."""
    parts = [p.strip() for p in _clean(text).split(SEPARATOR)]
    if len(parts) < 2 or not _ID.fullmatch(parts[0]):
        raise ValidationError(field, NOT_A_CARD)
    rest = parts[1:]
    old_id = rest.pop(0) if rest and (not rest[0] or _OLD_ID.fullmatch(rest[0])) else ""
    name = rest.pop(0) if rest and _is_name(rest[0]) else ""
    birth = _take_date(rest)
    sex = _SEX.get(rest[0].lower()) if rest else None
    if sex is not None or (rest and not rest[0]):
        rest.pop(0)
    address = rest.pop(0) if rest and not _DATE.fullmatch(rest[0]) else ""
    issued = _take_date(rest)
    return CccdCard(parts[0], old_id, " ".join(name.split()), birth, sex,  # type: ignore[arg-type]
                    " ".join(address.split()), issued, len(rest))


def _clean(text: str) -> str:
    """NFC (scanners may send decomposed letters), no line ends or BOM around the scan."""
    return unicodedata.normalize("NFC", text).strip().strip("\ufeff").strip()


def _is_name(part: str) -> bool:
    return bool(part) and any(ch.isalpha() for ch in part) and not any(ch.isdigit() for ch in part)


def _take_date(rest: list[str]) -> date | None:
    """Pop a leading ddmmyyyy part; an empty part is popped as None; anything else is left in place."""
    if not rest:
        return None
    if not rest[0]:
        rest.pop(0)
        return None
    m = _DATE.fullmatch(rest[0])
    if m is None:
        return None
    rest.pop(0)
    try:
        return date(int(m[3]), int(m[2]), int(m[1]))
    except ValueError:
        return None
