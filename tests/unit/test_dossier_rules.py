"""Dossier codes and the intake form's validation (pure domain, no store)."""

from __future__ import annotations

from datetime import date

import pytest

from app.domain.dossier import (Channel, DocumentReceived, DossierCode, DossierStatus, IntakeDraft,
                                ProcedurePolicy, format_dossier_code, looks_like_dossier_code, parse_dossier_code)
from app.domain.errors import Conflict, FormErrors, ValidationError
from app.domain.validators import tax_check_digit


def _tax_code(first_nine: str) -> str:
    check = tax_check_digit(first_nine)
    assert check is not None
    return f"{first_nine}{check}"


def _good(**changes: object) -> IntakeDraft:
    draft = IntakeDraft(applicant_name="  nguyễn   Thị Ánh Tuyết ", id_number="001 185 012 345",
                        phone="+84 912.345.678", address=" Số 12,  phường Tân Phong ", birth_year=1985, sex="female")
    for key, value in changes.items():
        setattr(draft, key, value)
    return draft


# --- codes ------------------------------------------------------------------------------------------------------

def test_code_format() -> None:
    assert format_dossier_code("000.00.06.H56", date(2023, 10, 27), 361) == "000.00.06.H56-231027-0361"
    assert format_dossier_code("000.00.06.H56", date(2023, 10, 27), 12345) == "000.00.06.H56-231027-12345"
    assert str(DossierCode("H33", date(2026, 1, 5), 1)) == "H33-260105-0001"
    with pytest.raises(ValueError):
        format_dossier_code("H33", date(2026, 1, 5), 0)
    with pytest.raises(Conflict, match="tối đa 99.999 hồ sơ một ngày"):  # never a 6-digit sequence
        format_dossier_code("H33", date(2026, 1, 5), 100_000)


def test_code_parse_round_trip_and_lenient() -> None:
    code = parse_dossier_code("  000.00.06.H56-231027-0361 ")
    assert code == DossierCode("000.00.06.H56", date(2023, 10, 27), 361)
    assert parse_dossier_code("000.00.06.H56-231027-12345").seq == 12345  # 4 or 5 digits
    assert parse_dossier_code(str(code)) == code
    assert looks_like_dossier_code("000.00.06.H56-231027-0361")
    assert not looks_like_dossier_code("1001")


@pytest.mark.parametrize("text", ["", "H33-231027-361", "H33-2310270-0001", "-231027-0001", "H33-231027-12345678",
                                  "H33-231027-1234567", "H33-231027-123456", "A-B-231027-0001", "A" * 100 + "-231027-0001",
                                  "H33-231327-0001", "H33-230230-0001", "H33-231027-0000"])
def test_code_parse_refuses(text: str) -> None:
    with pytest.raises(ValidationError) as info:
        parse_dossier_code(text)
    assert info.value.field == "code" and info.value.message


def test_status_and_channel_labels() -> None:
    assert DossierStatus.RECEIVED.label == "Đã tiếp nhận" and DossierStatus.RECEIVED.sync_code == 2
    assert DossierStatus.RETURNED.sync_code == 10 and DossierStatus.CANCELLED.sync_code is None
    assert Channel.POSTAL.label == "Qua bưu chính công ích"


# --- intake form --------------------------------------------------------------------------------------------------

def test_good_draft_is_normalised() -> None:
    clean = _good(email=" Tuyet@Example.VN ").validated()
    assert clean.applicant_name == "nguyễn Thị Ánh Tuyết"
    assert clean.id_number == "001185012345" and clean.phone == "0912345678"
    assert clean.email == "Tuyet@example.vn" and clean.address == "Số 12, phường Tân Phong"
    assert clean.birth_year == 1985 and clean.sex == "female" and clean.warnings == ()


def test_birth_year_and_sex_come_from_the_cccd_when_not_typed() -> None:
    clean = _good(birth_year=None, sex=None, id_number="079201234567").validated()
    assert (clean.birth_year, clean.sex) == (2001, "male")
    assert _good(id_number="999185012345").validated().warnings  # unknown province: warn, do not block


def test_every_bad_field_is_reported_at_once() -> None:
    draft = IntakeDraft(applicant_name="N9", id_number="001185012345", phone="12345", address="  ",
                        email="not-an-email", birth_year=1990, sex="male", channel="online", online_level=2,
                        sets=0, documents=[DocumentReceived("", 1), DocumentReceived("Đơn", 0, 0, 0)],
                        result_by_post=True)
    with pytest.raises(FormErrors) as info:
        draft.validated()
    fields = [e.field for e in info.value.errors]
    for field in ("applicant_name", "id_number", "phone", "address", "email", "online_level", "sets",
                  "postal_address"):
        assert field in fields, field
    assert fields.count("documents") == 2
    by_field = info.value.by_field()
    assert "năm sinh 1985" in by_field["id_number"] and "1990" in by_field["id_number"]
    assert by_field["address"] == "Địa chỉ không được để trống"
    assert by_field["sets"] == "Số lượng hồ sơ phải từ 1 đến 99 bộ"
    assert by_field["postal_address"] == "Trả kết quả qua bưu chính cần địa chỉ nhận"
    assert "mức độ 3 hoặc 4" in by_field["online_level"]


def test_sex_mismatch_and_legacy_cmnd() -> None:
    with pytest.raises(FormErrors) as info:
        _good(sex="male").validated()
    assert "giới tính nữ" in info.value.by_field()["id_number"]
    with pytest.raises(FormErrors) as info:
        _good(id_number="123456789").validated()
    assert "9 số không còn giá trị" in info.value.by_field()["id_number"]
    with pytest.raises(FormErrors) as info:
        _good(id_number="").validated()
    assert info.value.by_field() == {"id_number": "Số CCCD / định danh cá nhân không được để trống"}


def test_organisation_needs_a_valid_tax_code() -> None:
    org = _good(applicant_kind="organisation", applicant_name="Công ty TNHH Xây dựng số 1 & Cộng sự",
                id_number="", birth_year=None, sex=None, tax_code=_tax_code("010010910"))
    assert org.validated().tax_code == _tax_code("010010910")
    org.tax_code = ""
    with pytest.raises(FormErrors) as info:
        org.validated()
    assert info.value.by_field() == {"tax_code": "Tổ chức phải có mã số thuế"}
    org.tax_code = "0100109100" if _tax_code("010010910") != "0100109100" else "0100109101"
    with pytest.raises(FormErrors) as info:
        org.validated()
    assert "chữ số kiểm tra" in info.value.by_field()["tax_code"]


def test_channel_rules_against_the_procedure() -> None:
    assert _good(channel="online", online_level=4).validated().online_level == 4
    with pytest.raises(FormErrors) as info:
        _good(channel="online", online_level=4).validated(ProcedurePolicy(online_level=3))
    assert "mức độ 4" in info.value.by_field()["online_level"]
    with pytest.raises(FormErrors) as info:
        _good(channel="fax", online_level=3).validated()
    assert set(info.value.by_field()) == {"channel", "online_level"}
    with pytest.raises(FormErrors) as info:
        _good(channel="postal").validated(ProcedurePolicy(postal_allowed=False))
    assert info.value.by_field()["channel"] == "Thủ tục này không tiếp nhận, trả kết quả qua bưu chính"
    post = _good(result_by_post=True, postal_address=" 5 Lê Lợi,  Lai Châu ").validated()
    assert post.result_by_post and post.postal_address == "5 Lê Lợi, Lai Châu"


def test_on_the_spot_flag_needs_an_on_the_spot_procedure() -> None:
    assert _good().validated(ProcedurePolicy(on_the_spot=True), resolve_on_the_spot=True)
    with pytest.raises(FormErrors) as info:
        _good().validated(ProcedurePolicy(on_the_spot=False), resolve_on_the_spot=True)
    assert "tại chỗ" in info.value.by_field()["on_the_spot"]


def test_documents_are_checked_and_normalised() -> None:
    clean = _good(documents=[DocumentReceived(" Đơn  đề nghị ", 1, 0, 2)]).validated()
    assert clean.documents == [DocumentReceived("Đơn đề nghị", 1, 0, 2)]
    with pytest.raises(FormErrors) as info:
        _good(documents=[DocumentReceived("Đơn", -1)]).validated()
    assert info.value.by_field()["documents"] == "Giấy tờ dòng 1: số bản phải từ 0 đến 99"
