"""Tests of the validators of officer input (names, CCCD, CMND, phone, tax code, e-mail)."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain.errors import DomainError, ValidationError
from app.domain.validators import (
    PROVINCE_CODES,
    CccdInfo,
    normalize_name,
    normalize_phone,
    parse_cccd,
    parse_legacy_cmnd,
    tax_check_digit,
    validate_email,
    validate_tax_code,
)


def test_validation_error_shape() -> None:
    error = ValidationError("phone", "Số điện thoại không hợp lệ")
    assert isinstance(error, DomainError)
    assert error.field == "phone"
    assert error.message == "Số điện thoại không hợp lệ"
    assert str(error) == "Số điện thoại không hợp lệ"


# --- names ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("Nguyễn Văn An", "Nguyễn Văn An"),
        ("  Nguyễn   Văn\tAn \n", "Nguyễn Văn An"),
        ("Nguye\u0302\u0303n Thi\u0323 Ho\u0300a", "Nguy\u1ec5n Th\u1ecb H\u00f2a"),  # decomposed input → NFC
        ("Lê Thị Mỹ-Hạnh", "Lê Thị Mỹ-Hạnh"),
        ("H'Hen Niê", "H'Hen Niê"),
        ("H\u2019Hen Niê", "H'Hen Niê"),  # typographic apostrophe
        ("Nguyễn V. An", "Nguyễn V. An"),
        ("Ái", "Ái"),
    ],
)
def test_normalize_name_valid(typed: str, expected: str) -> None:
    assert normalize_name(typed) == expected
    assert unicodedata.is_normalized("NFC", normalize_name(typed))


@pytest.mark.parametrize(
    ("typed", "fragment"),
    [
        ("", "không được để trống"),
        ("    ", "không được để trống"),
        ("A", "từ 2 đến 200 ký tự"),
        ("A" * 201, "từ 2 đến 200 ký tự"),
        ("Nguyễn Văn 2", "chỉ được gồm chữ cái"),
        ("Trần@Bình", "chỉ được gồm chữ cái"),
        ("--", "ít nhất một chữ cái"),
    ],
)
def test_normalize_name_invalid(typed: str, fragment: str) -> None:
    with pytest.raises(ValidationError) as caught:
        normalize_name(typed)
    assert caught.value.field == "name"
    assert fragment in caught.value.message
    assert caught.value.message.startswith("Họ và tên")


def test_normalize_name_custom_field_and_label() -> None:
    with pytest.raises(ValidationError) as caught:
        normalize_name("x", "officer_name", label="Tên cán bộ")
    assert caught.value.field == "officer_name"
    assert caught.value.message.startswith("Tên cán bộ")


@given(st.text(alphabet="aăâbcdđeêghiklmnoôơpqrstuưvxyÁÀẢÃẠẾỀỂỄỆ .-'\t", max_size=60))
def test_normalize_name_is_idempotent(text: str) -> None:
    try:
        once = normalize_name(text)
    except ValidationError:
        return
    assert normalize_name(once) == once
    assert "  " not in once and once == once.strip()


# --- CCCD ----------------------------------------------------------------------------------------


def test_province_list_has_the_63_codes() -> None:
    assert len(PROVINCE_CODES) == 63
    assert min(PROVINCE_CODES) == "001" and max(PROVINCE_CODES) == "096"
    assert PROVINCE_CODES["079"] == "Hồ Chí Minh"
    assert all(len(code) == 3 and code.isdigit() for code in PROVINCE_CODES)


def test_parse_cccd_decodes_parts() -> None:
    info = parse_cccd("001085012345")
    assert info == CccdInfo(
        number="001085012345",
        province_code="001",
        province_name="Hà Nội",
        century=1900,
        sex="male",
        birth_year_2digits=85,
        birth_year=1985,
        warnings=(),
    )


@pytest.mark.parametrize(
    ("digit", "century", "sex"),
    [
        ("0", 1900, "male"),
        ("1", 1900, "female"),
        ("2", 2000, "male"),
        ("3", 2000, "female"),
        ("4", 2100, "male"),
        ("5", 2100, "female"),
        ("6", 2200, "male"),
        ("7", 2200, "female"),
        ("8", 2300, "male"),
        ("9", 2300, "female"),
    ],
)
def test_parse_cccd_century_and_sex(digit: str, century: int, sex: str) -> None:
    info = parse_cccd(f"079{digit}05123456", this_year=2400)  # the decoding alone, whatever today is
    assert (info.century, info.sex, info.birth_year) == (century, sex, century + 5)


def test_parse_cccd_accepts_spaces() -> None:
    assert parse_cccd(" 038 1 92 001234 ").number == "038192001234"


@pytest.mark.parametrize(
    "typed", ["", "00108501234", "0010850123456", "00108501234a", "001-085-012345", "１２３４５６７８９０１２"]
)
def test_parse_cccd_wrong_shape(typed: str) -> None:
    with pytest.raises(ValidationError) as caught:
        parse_cccd(typed)
    assert caught.value.field == "id_number"
    assert caught.value.message == "Số CCCD phải gồm đúng 12 chữ số"


@pytest.mark.parametrize("province", ["000", "003", "097", "999"])
def test_parse_cccd_unknown_province_warns(province: str) -> None:
    info = parse_cccd(f"{province}185012345")
    assert info.province_name is None
    assert any(province in warning for warning in info.warnings)


@pytest.mark.parametrize("number", ["001405012345", "001230012345", "001999012345"])
def test_parse_cccd_birth_year_in_the_future_is_an_error(number: str) -> None:
    with pytest.raises(ValidationError) as caught:
        parse_cccd(number, this_year=2026)
    assert caught.value.field == "id_number" and "sau năm hiện tại (2026)" in caught.value.message


def test_parse_cccd_century_digit_cannot_hold_the_birth_year() -> None:
    with pytest.raises(ValidationError) as caught:
        parse_cccd("001285012345", 1985, this_year=2026)  # digit 2: born 2000–2099
    assert "chữ số thế kỷ 2" in caught.value.message and "1985" in caught.value.message


def test_parse_cccd_cross_check_ok() -> None:
    info = parse_cccd("036301000123", birth_year=2001, sex="female")
    assert (info.birth_year, info.sex, info.province_name) == (2001, "female", "Nam Định")


def test_parse_cccd_birth_year_mismatch() -> None:
    with pytest.raises(ValidationError) as caught:
        parse_cccd("001085012345", birth_year=1986)
    assert caught.value.field == "id_number"
    assert "1985" in caught.value.message and "1986" in caught.value.message


def test_parse_cccd_century_mismatch() -> None:
    with pytest.raises(ValidationError, match="năm sinh 2005"):
        parse_cccd("001205012345", birth_year=1905)


def test_parse_cccd_sex_mismatch() -> None:
    with pytest.raises(ValidationError) as caught:
        parse_cccd("001085012345", sex="female")
    assert caught.value.message == (
        "Số CCCD cho giới tính nam, không khớp với giới tính đã nhập (nữ)"
    )


def test_parse_cccd_bad_sex_value_is_a_bug() -> None:
    with pytest.raises(ValueError):
        parse_cccd("001085012345", sex="nam")  # type: ignore[arg-type]


@given(
    st.sampled_from(sorted(PROVINCE_CODES)),
    st.integers(1900, 2099),
    st.sampled_from(["male", "female"]),
    st.integers(0, 999_999),
)
def test_parse_cccd_round_trip(province: str, year: int, sex: str, serial: int) -> None:
    digit = (year // 100 - 19) * 2 + (sex == "female")
    number = f"{province}{digit}{year % 100:02d}{serial:06d}"
    info = parse_cccd(number, birth_year=year, sex=sex, this_year=2099)  # type: ignore[arg-type]
    assert (info.birth_year, info.sex, info.warnings) == (year, sex, ())


# --- CMND ----------------------------------------------------------------------------------------


def test_parse_legacy_cmnd() -> None:
    assert parse_legacy_cmnd(" 012 345 678 ") == "012345678"


@pytest.mark.parametrize("typed", ["", "12345678", "0123456789", "01234567x", "001085012345"])
def test_parse_legacy_cmnd_invalid(typed: str) -> None:
    with pytest.raises(ValidationError, match="Số CMND phải gồm đúng 9 chữ số"):
        parse_legacy_cmnd(typed)


# --- phone ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("0912345678", "0912345678"),
        ("0912 345 678", "0912345678"),
        ("0912.345.678", "0912345678"),
        ("0912-345-678", "0912345678"),
        ("+84912345678", "0912345678"),
        ("+84 912 345 678", "0912345678"),
        ("84912345678", "0912345678"),
        ("0084 912345678", "0912345678"),
        ("+84 (0) 912 345 678", "0912345678"),
        ("0345678901", "0345678901"),
        ("0567890123", "0567890123"),
        ("0789012345", "0789012345"),
        ("0889012345", "0889012345"),
        ("024 3825 6686", "02438256686"),
        ("(028) 3829 1234", "02838291234"),
        ("+84 24 3825 6686", "02438256686"),
    ],
)
def test_normalize_phone_valid(typed: str, expected: str) -> None:
    assert normalize_phone(typed) == expected


@pytest.mark.parametrize(
    "typed",
    [
        "",
        "   ",
        "091234567",  # 9 digits
        "09123456789",  # 11-digit mobile
        "0112345678",  # 01x is not a mobile prefix
        "0412345678",
        "0612345678",
        "0212345678",  # landline must have 11 digits
        "024382566861",  # 12 digits
        "0912abc678",
        "+1 650 253 0000",
        "+84",
    ],
)
def test_normalize_phone_invalid(typed: str) -> None:
    with pytest.raises(ValidationError) as caught:
        normalize_phone(typed)
    assert caught.value.field == "phone"
    assert caught.value.message.startswith("Số điện thoại")


@given(st.sampled_from("35789"), st.text(alphabet="0123456789", min_size=8, max_size=8))
def test_normalize_phone_forms_agree(second: str, rest: str) -> None:
    national = f"0{second}{rest}"
    spaced = f"+84 {second}{rest[:2]} {rest[2:5]}.{rest[5:]}"
    assert normalize_phone(national) == normalize_phone(spaced) == national


# --- tax code ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("0100109106", "0100109106"),
        ("0100233488", "0100233488"),
        (" 01.00.112.437 ", "0100112437"),
        ("0314409058-002", "0314409058-002"),
        ("0314409058 - 002", "0314409058-002"),
        ("0314409058002", "0314409058-002"),
        ("001085012345", "001085012345"),  # individuals: 12-digit personal ID
    ],
)
def test_validate_tax_code_valid(typed: str, expected: str) -> None:
    assert validate_tax_code(typed) == expected


@pytest.mark.parametrize(
    ("typed", "fragment"),
    [
        ("0100233480", "sai chữ số kiểm tra"),
        ("0100109107", "sai chữ số kiểm tra"),
        ("0100000000", "toàn chữ số 0"),
        ("0314409058-000", "từ 001 đến 999"),
        ("010010910", "gồm 10 chữ số"),
        ("01001091061", "gồm 10 chữ số"),
        ("0100109106-01", "gồm 10 chữ số"),
        ("01001O9106", "gồm 10 chữ số"),
        ("", "gồm 10 chữ số"),
    ],
)
def test_validate_tax_code_invalid(typed: str, fragment: str) -> None:
    with pytest.raises(ValidationError) as caught:
        validate_tax_code(typed)
    assert caught.value.field == "tax_code"
    assert fragment in caught.value.message


def test_validate_tax_code_personal_id_can_be_refused() -> None:
    with pytest.raises(ValidationError):
        validate_tax_code("001085012345", allow_personal_id=False)


def test_tax_check_digit_rejects_ten() -> None:
    # A weighted sum ≡ 0 (mod 11) gives check 10, which no valid code can carry.
    first_nine = next(
        f"{i:09d}" for i in range(1, 10**6) if tax_check_digit(f"{i:09d}") is None
    )
    for last in "0123456789":
        with pytest.raises(ValidationError):
            validate_tax_code(first_nine + last)


@given(st.text(alphabet="0123456789", min_size=9, max_size=9))
def test_exactly_one_check_digit_or_none(first_nine: str) -> None:
    accepted = []
    for last in "0123456789":
        try:
            accepted.append(validate_tax_code(first_nine + last))
        except ValidationError:
            pass
    check = tax_check_digit(first_nine)
    if check is None or first_nine[2:] == "0000000":
        assert accepted == []
    else:
        assert accepted == [first_nine + str(check)]


# --- e-mail --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("an.nguyen@example.vn", "an.nguyen@example.vn"),
        ("  An.Nguyen@Example.GOV.VN ", "An.Nguyen@example.gov.vn"),
        ("mot_cua+test@sub.domain.com.vn", "mot_cua+test@sub.domain.com.vn"),
    ],
)
def test_validate_email_valid(typed: str, expected: str) -> None:
    assert validate_email(typed) == expected


@pytest.mark.parametrize(
    "typed",
    [
        "",
        "an",
        "an@",
        "@example.vn",
        "an@example",
        "an@@example.vn",
        "an nguyen@example.vn",
        "an..nguyen@example.vn",
        ".an@example.vn",
        "an@-example.vn",
        "an@example.v",
        "an@example..vn",
        "a" * 65 + "@example.vn",
    ],
)
def test_validate_email_invalid(typed: str) -> None:
    with pytest.raises(ValidationError) as caught:
        validate_email(typed)
    assert caught.value.field == "email"
    assert caught.value.message.startswith("Thư điện tử")
