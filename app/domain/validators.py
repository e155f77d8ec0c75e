"""Validators of what officers type: each returns a normalised value or raises ValidationError."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from typing import Literal

from stdnum.vn import mst

from app.domain.errors import ValidationError
from app.domain.messages import translate

Sex = Literal["male", "female"]

NAME_MIN_LENGTH = 2
NAME_MAX_LENGTH = 200
ADDRESS_MAX_LENGTH = 500
TEXT_MAX_LENGTH = 2000  # free text (a note, a reason, a document's name) unless the field says otherwise
CELL_MAX_LENGTH = 10_000  # any one cell of an import file (a catalogue's list of documents is the longest)
YEAR_MIN, YEAR_MAX = 1900, 2100  # every date typed or imported: a birth year, a reception, a due date

# The Vietnamese name of every field a message can concern (forms, CLI options, import columns): a message
# names the field this way, never by its internal key.
FIELD_LABELS: dict[str, str] = {
    "applicant_name": translate("domain.validators", "Họ và tên"),
    "owner_name": translate("domain.validators", "Họ tên chủ hồ sơ"),
    "id_number": translate("domain.validators", "Số CCCD"),
    "owner_id_number": translate("domain.validators", "Số CCCD chủ hồ sơ"),
    "phone": translate("domain.validators", "Số điện thoại"), "address": translate("domain.validators", "Địa chỉ"),
    "email": translate("domain.validators", "Thư điện tử"), "tax_code": translate("domain.validators", "Mã số thuế"),
    "birth_year": translate("domain.validators", "Năm sinh"), "sex": translate("domain.validators", "Giới tính"),
    "applicant_kind": translate("domain.validators", "Loại người nộp"),
    "channel": translate("domain.validators", "Hình thức nộp"),
    "online_level": translate("domain.validators", "Mức độ trực tuyến"),
    "sets": translate("domain.validators", "Số bộ hồ sơ"), "documents": translate("domain.validators", "Giấy tờ"),
    "postal_address": translate("domain.validators", "Địa chỉ nhận kết quả"),
    "note": translate("domain.validators", "Ghi chú"),
    "on_the_spot": translate("domain.validators", "Giải quyết tại chỗ"),
    "code": translate("domain.validators", "Mã hồ sơ"),
    "procedure_code": translate("domain.validators", "Mã thủ tục"),
    "agency_code": translate("domain.validators", "Mã cơ quan"),
    "received_at": translate("domain.validators", "Thời điểm tiếp nhận"),
    "due_at": translate("domain.validators", "Ngày hẹn trả"), "status": translate("domain.validators", "Trạng thái"),
    "resolved_at": translate("domain.validators", "Thời điểm có kết quả"),
    "outcome": translate("domain.validators", "Kết quả"),
    "cancelled_at": translate("domain.validators", "Thời điểm hủy"),
    "returned_at": translate("domain.validators", "Thời điểm trả kết quả"),
    "paused_at": translate("domain.validators", "Thời điểm tạm dừng"),
    "result_by_post": translate("domain.validators", "Trả kết quả qua bưu chính"),
    "fee_vnd": translate("domain.validators", "Phí, lệ phí"),
    "agency_name": translate("domain.validators", "Tên cơ quan"),
    "agency_identifier": translate("domain.validators", "Mã định danh cơ quan"),
    "agency_kind": translate("domain.validators", "Loại cơ quan"),
    "field": translate("domain.validators", "Lĩnh vực"),
    "procedure_name": translate("domain.validators", "Tên thủ tục"),
    "processing_value": translate("domain.validators", "Thời hạn giải quyết"),
    "processing_unit": translate("domain.validators", "Đơn vị thời hạn"),
    "cutoff_hour": translate("domain.validators", "Giờ chốt nhận"),
    "supplement_policy": translate("domain.validators", "Cách tính khi bổ sung"),
    "postal_allowed": translate("domain.validators", "Nhận, trả qua bưu chính"),
    "reason": translate("domain.validators", "Lý do"),
    "missing": translate("domain.validators", "Giấy tờ cần bổ sung"),
    "login": translate("domain.validators", "Tên đăng nhập"),
    "full_name": translate("domain.validators", "Họ và tên"), "password": translate("domain.validators", "Mật khẩu"),
    "role": translate("domain.validators", "Vai trò"),
}  # fmt: skip

# Characters no field may hold: C0/C1 controls (NUL, ESC, BEL …), lone surrogates (bytes that were not UTF-8),
# and the invisible format characters that reorder or hide text (bidi overrides and isolates, zero-width ones).
_BIDI_AND_INVISIBLE = frozenset("\u061c\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
                                "\u2060\u2066\u2067\u2068\u2069\ufeff")

# Mã tỉnh nơi đăng ký khai sinh, 3 digits (63 provinces before the 2025 merger; Circular 59/2021/TT-BCA).
PROVINCE_CODES: dict[str, str] = {
    "001": "Hà Nội", "002": "Hà Giang", "004": "Cao Bằng", "006": "Bắc Kạn", "008": "Tuyên Quang",
    "010": "Lào Cai", "011": "Điện Biên", "012": "Lai Châu", "014": "Sơn La", "015": "Yên Bái",
    "017": "Hòa Bình", "019": "Thái Nguyên", "020": "Lạng Sơn", "022": "Quảng Ninh", "024": "Bắc Giang",
    "025": "Phú Thọ", "026": "Vĩnh Phúc", "027": "Bắc Ninh", "030": "Hải Dương", "031": "Hải Phòng",
    "033": "Hưng Yên", "034": "Thái Bình", "035": "Hà Nam", "036": "Nam Định", "037": "Ninh Bình",
    "038": "Thanh Hóa", "040": "Nghệ An", "042": "Hà Tĩnh", "044": "Quảng Bình", "045": "Quảng Trị",
    "046": "Thừa Thiên Huế", "048": "Đà Nẵng", "049": "Quảng Nam", "051": "Quảng Ngãi", "052": "Bình Định",
    "054": "Phú Yên", "056": "Khánh Hòa", "058": "Ninh Thuận", "060": "Bình Thuận", "062": "Kon Tum",
    "064": "Gia Lai", "066": "Đắk Lắk", "067": "Đắk Nông", "068": "Lâm Đồng", "070": "Bình Phước",
    "072": "Tây Ninh", "074": "Bình Dương", "075": "Đồng Nai", "077": "Bà Rịa - Vũng Tàu",
    "079": "Hồ Chí Minh", "080": "Long An", "082": "Tiền Giang", "083": "Bến Tre", "084": "Trà Vinh",
    "086": "Vĩnh Long", "087": "Đồng Tháp", "089": "An Giang", "091": "Kiên Giang", "092": "Cần Thơ",
    "093": "Hậu Giang", "094": "Sóc Trăng", "095": "Bạc Liêu", "096": "Cà Mau",
}  # fmt: skip

_SEX_WORDS = {"male": translate("domain.validators", "nam"), "female": translate("domain.validators", "nữ")}
_SPACES = re.compile(r"\s+")
_PHONE_SEPARATORS = re.compile(r"[\s.\-()]")
_MOBILE = re.compile(r"0[35789][0-9]{8}")
_LANDLINE = re.compile(r"02[0-9]{9}")
_TAX_CODE = re.compile(r"([0-9]{10})(?:-?([0-9]{3}))?")
_EMAIL = re.compile(
    r"(?P<local>[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*)"
    r"@(?P<domain>(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.)+[A-Za-z]{2,63})"
)


@dataclass(frozen=True)
class CccdInfo:
    """What a 12-digit personal ID number (số định danh cá nhân / CCCD) says about its holder."""

    number: str
    province_code: str
    province_name: str | None
    century: int
    sex: Sex
    birth_year_2digits: int
    birth_year: int
    warnings: tuple[str, ...] = ()


def field_label(field: str) -> str:
    """The Vietnamese name of a field (its key when none is known)."""
    return FIELD_LABELS.get(field, field)


def labelled(field: str, message: str) -> str:
    """`message` naming its field: «Số CCCD: …» unless it already starts with the field's Vietnamese name."""
    label = field_label(field)
    if message.startswith(label) or label == field:
        return message
    return translate("domain.validators", "%1: %2").arg(label, message)


def bad_characters(text: str) -> list[str]:
    """The characters of `text` no field may hold, each shown escaped (U+202E, \\x1b), in order, once."""
    found: list[str] = []
    for ch in text:
        if _is_forbidden(ch):
            shown = f"U+{ord(ch):04X}"
            if shown not in found:
                found.append(shown)
    return found


def _is_forbidden(ch: str) -> bool:
    """Tab, line feed and carriage return are only spaces (collapsed); every other control is refused."""
    if ch in "\t\n\r":
        return False
    category = unicodedata.category(ch)
    return category in ("Cc", "Cs", "Co", "Cn") or ch in _BIDI_AND_INVISIBLE


def check_text(text: str, field: str, *, max_length: int = TEXT_MAX_LENGTH, required: bool = False,
               label: str | None = None) -> str:
    """Free text of a field (an address, a note, a cell): NFC, trimmed, single-spaced; no control, bidi or
    invisible character; at most `max_length` characters. ValidationError naming the field otherwise."""
    name = label or field_label(field)
    bad = bad_characters(text)
    if bad:
        shown = ", ".join(bad[:5])
        raise ValidationError(field, translate("domain.validators",
                                               "%1: có ký tự điều khiển hoặc ký tự ẩn không được phép (%2)")
                              .arg(name, shown))
    clean = _SPACES.sub(" ", unicodedata.normalize("NFC", text)).strip()
    if required and not clean:
        raise ValidationError(field, translate("domain.validators", "%1 không được để trống").arg(name))
    if len(clean) > max_length:
        raise ValidationError(field, translate("domain.validators", "%1 dài quá %2 ký tự (%3 ký tự)")
                              .arg(name, max_length, len(clean)))
    return clean


def check_year(year: int, field: str, *, latest: int = YEAR_MAX, label: str | None = None) -> int:
    """A year between 1900 and `latest` (2100 unless a smaller bound applies, e.g. this year for a birth year)."""
    name = label or field_label(field)
    if not YEAR_MIN <= year <= latest:
        raise ValidationError(field, translate("domain.validators", "%1 phải từ năm %2 đến năm %3 (đã nhập %4)")
                              .arg(name, YEAR_MIN, latest, year))
    return year


def _digits_only(text: str) -> str:
    """Strip all whitespace (officers often type IDs in groups)."""
    return _SPACES.sub("", text)


def normalize_name(text: str, field: str = "name", *, label: str | None = None) -> str:
    """Return a person's name in NFC, trimmed, single-spaced; letters, spaces and . - ' only (`label` names the
    field in messages: «Họ và tên» unless given)."""
    label = label or translate("domain.validators", "Họ và tên")
    name = check_text(text, field, max_length=10 * NAME_MAX_LENGTH, label=label).replace("\u2019", "'")
    if not name:
        raise ValidationError(field, translate("domain.validators", "%1 không được để trống").arg(label))
    if not NAME_MIN_LENGTH <= len(name) <= NAME_MAX_LENGTH:
        raise ValidationError(field, translate("domain.validators", "%1 phải có từ %2 đến %3 ký tự")
                              .arg(label, NAME_MIN_LENGTH, NAME_MAX_LENGTH))
    bad = sorted({ch for ch in name if not _is_name_char(ch)})
    if bad:
        shown = " ".join(repr(ch)[1:-1] for ch in bad)
        raise ValidationError(field, translate("domain.validators", "%1 chỉ được gồm chữ cái, dấu cách và . - ' "
                                               "(có ký tự không hợp lệ: %2)").arg(label, shown))
    if not any(ch.isalpha() for ch in name):
        raise ValidationError(field, translate("domain.validators", "%1 phải có ít nhất một chữ cái").arg(label))
    return name


def _is_name_char(ch: str) -> bool:
    """True for letters (with their combining marks), space, dot, hyphen and apostrophe."""
    return ch in " .-'" or unicodedata.category(ch)[0] in ("L", "M")


def parse_cccd(
    text: str, birth_year: int | None = None, sex: Sex | None = None, *, field: str = "id_number",
    this_year: int | None = None,
) -> CccdInfo:
    """Decode a 12-digit CCCD and cross-check it with the birth year and sex entered.

    An unknown province code is only a warning (`CccdInfo.warnings`: the officer may go on, RULES-VN.md); a birth
    year after `this_year` (today's when None), or one the century digit cannot hold, is an error."""
    number = _digits_only(text)
    if not re.fullmatch(r"[0-9]{12}", number):
        raise ValidationError(field, translate("domain.validators", "Số CCCD phải gồm đúng 12 chữ số"))
    info = _decode_cccd(number)
    _check_birth_year(info, birth_year, field)
    latest = this_year if this_year is not None else date.today().year
    if info.birth_year > latest:
        raise ValidationError(field, translate("domain.validators", "Số CCCD cho năm sinh %1, sau năm hiện tại (%2): "
                                               "kiểm tra lại chữ số thứ tư (thế kỷ) và hai chữ số năm sinh")
                              .arg(info.birth_year, latest))
    _check_sex(info, sex, field)
    return info


def _decode_cccd(number: str) -> CccdInfo:
    """Split a 12-digit string into province, century/sex and birth-year parts."""
    province, code, year2 = number[:3], int(number[3]), int(number[4:6])
    century = 1900 + (code // 2) * 100
    warnings: list[str] = []
    if province not in PROVINCE_CODES:
        warnings.append(translate("domain.validators", "Mã tỉnh %1 của số CCCD không thuộc 63 tỉnh, thành phố")
                        .arg(province))
    return CccdInfo(
        number=number,
        province_code=province,
        province_name=PROVINCE_CODES.get(province),
        century=century,
        sex="male" if code % 2 == 0 else "female",
        birth_year_2digits=year2,
        birth_year=century + year2,
        warnings=tuple(warnings),
    )


def _check_birth_year(info: CccdInfo, birth_year: int | None, field: str) -> None:
    """Refuse an ID whose encoded birth year differs from the one entered (or whose century digit cannot hold it:
    0–1 the 1900s, 2–3 the 2000s …)."""
    if birth_year is not None and birth_year // 100 != info.century // 100:
        raise ValidationError(field, translate("domain.validators",
                                               "Số CCCD cho năm sinh %1 (chữ số thế kỷ %2: sinh từ %3 đến %4), "
                                               "không thể ứng với năm sinh đã nhập %5")
                              .arg(info.birth_year, info.number[3], info.century, info.century + 99, birth_year))
    if birth_year is not None and birth_year != info.birth_year:
        raise ValidationError(field, translate("domain.validators",
                                               "Số CCCD cho năm sinh %1, không khớp với năm sinh đã nhập %2")
                              .arg(info.birth_year, birth_year))


def _check_sex(info: CccdInfo, sex: Sex | None, field: str) -> None:
    """Refuse an ID whose encoded sex differs from the one entered."""
    if sex is None:
        return
    if sex not in _SEX_WORDS:
        raise ValueError(f"sex must be 'male' or 'female', got {sex!r}")
    if sex != info.sex:
        raise ValidationError(field, translate("domain.validators",
                                               "Số CCCD cho giới tính %1, không khớp với giới tính đã nhập (%2)")
                              .arg(_SEX_WORDS[info.sex], _SEX_WORDS[sex]))


def parse_legacy_cmnd(text: str, *, field: str = "id_number") -> str:
    """Return a 9-digit legacy CMND number, kept only as a reference (invalid since 2025)."""
    number = _digits_only(text)
    if not re.fullmatch(r"[0-9]{9}", number):
        raise ValidationError(field, translate("domain.validators", "Số CMND phải gồm đúng 9 chữ số"))
    return number


def normalize_phone(text: str, *, field: str = "phone") -> str:
    """Return a Vietnamese phone number in national form, e.g. "+84 912.345.678" → "0912345678"."""
    raw = _PHONE_SEPARATORS.sub("", text)
    if not raw:
        raise ValidationError(field, translate("domain.validators", "Số điện thoại không được để trống"))
    number = _to_national(raw)
    if _MOBILE.fullmatch(number) or _LANDLINE.fullmatch(number):
        return number
    raise ValidationError(field, translate("domain.validators",
                                           "Số điện thoại không hợp lệ: di động gồm 10 chữ số bắt đầu bằng 03, 05, 07, "
                                           "08 hoặc 09; cố định gồm 11 chữ số bắt đầu bằng 02"))


def _to_national(raw: str) -> str:
    """Replace a +84 / 0084 / 84 country prefix by the trunk prefix 0."""
    for prefix in ("+84", "0084", "84"):
        if raw.startswith(prefix) and len(raw) > len(prefix):
            rest = raw[len(prefix) :]
            return rest if rest.startswith("0") else "0" + rest
    return raw


def validate_tax_code(text: str, *, field: str = "tax_code", allow_personal_id: bool = True) -> str:
    """Return a tax code (MST): 10 digits with check digit, "10-3" for a branch, or a 12-digit personal ID."""
    code = re.sub(r"[\s.]", "", text)
    if allow_personal_id and re.fullmatch(r"[0-9]{12}", code):
        return code
    match = _TAX_CODE.fullmatch(code)
    if match is None:
        raise ValidationError(field, translate("domain.validators", "Mã số thuế phải gồm 10 chữ số, hoặc 10 chữ số, "
                                               "dấu - và 3 chữ số (đơn vị phụ thuộc)"))
    main, branch = match.groups()
    try:  # python-stdnum's Vietnamese MST: length, zero sequence, check digit, branch 001–999
        mst.validate(code)
    except mst.InvalidComponent:
        raise ValidationError(field, translate("domain.validators", "Mã số thuế không hợp lệ (số thứ tự toàn chữ số 0, "
                                               "hoặc đơn vị phụ thuộc 000; đơn vị phụ thuộc phải từ 001 đến 999)")) \
            from None
    except mst.ValidationError:
        raise ValidationError(field, translate("domain.validators", "Mã số thuế không hợp lệ (sai chữ số kiểm tra), "
                                               "vui lòng kiểm tra lại")) from None
    return main if branch is None else f"{main}-{branch}"


def tax_check_digit(first_nine: str) -> int | None:
    """Check digit of a 10-digit tax code (python-stdnum's), or None when no digit can be one (10)."""
    check = int(mst.calc_check_digit(first_nine))
    return None if check == 10 else check


def validate_email(text: str, *, field: str = "email") -> str:
    """Return a trimmed e-mail address with its domain in lower case."""
    email = text.strip()
    if not email:
        raise ValidationError(field, translate("domain.validators", "Thư điện tử không được để trống"))
    match = _EMAIL.fullmatch(email)
    if match is None or len(email) > 254 or len(match["local"]) > 64:
        raise ValidationError(field, translate("domain.validators",
                                               "Thư điện tử không hợp lệ (ví dụ đúng: ten@example.vn)"))
    return f"{match['local']}@{match['domain'].lower()}"
