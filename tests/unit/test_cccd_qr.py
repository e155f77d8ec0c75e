"""The CCCD card's QR code as a 2-D scanner types it: the usual seven fields, cards with fewer or more, and scans
that are not a card. The sample lines follow the layout printed on chip-based cards (Bộ Công an, 2021) with made-up
people; no real card's data is used."""

from __future__ import annotations

from datetime import date

import pytest

from app.domain.cccd_qr import NOT_A_CARD, CccdCard, looks_like_cccd_qr, parse_cccd_qr
from app.domain.errors import ValidationError

FULL = "001085012345|013456789|Nguyễn Văn Ánh|01021985|Nam|Số 5 ngõ 12, phường Điện Biên, Ba Đình, Hà Nội|15082021"


def test_the_usual_seven_fields() -> None:
    assert parse_cccd_qr(FULL) == CccdCard(
        "001085012345", "013456789", "Nguyễn Văn Ánh", date(1985, 2, 1), "male",
        "Số 5 ngõ 12, phường Điện Biên, Ba Đình, Hà Nội", date(2021, 8, 15), 0)


def test_no_old_id_and_a_woman() -> None:
    card = parse_cccd_qr("079190004567||Trần Thị Bích Ngọc|23111990|Nữ|12 Lê Lợi, Bến Nghé, Quận 1, TP. Hồ Chí Minh|"
                         "02032022")
    assert (card.old_id_number, card.full_name, card.birth_date, card.sex) == ("", "Trần Thị Bích Ngọc",
                                                                               date(1990, 11, 23), "female")
    assert card.issued_on == date(2022, 3, 2)


def test_a_card_without_the_old_id_field_at_all() -> None:
    card = parse_cccd_qr("001085012345|Nguyễn Văn Ánh|01021985|Nam|Hà Nội|15082021")
    assert (card.full_name, card.birth_date, card.sex, card.address, card.issued_on) == (
        "Nguyễn Văn Ánh", date(1985, 2, 1), "male", "Hà Nội", date(2021, 8, 15))


def test_newer_cards_with_more_fields_keep_the_first_seven() -> None:
    card = parse_cccd_qr(FULL + "|Nguyễn Văn Bình|Lê Thị Cúc|")
    assert card.full_name == "Nguyễn Văn Ánh" and card.issued_on == date(2021, 8, 15) and card.extra_fields == 3


def test_fewer_fields_fill_what_is_there() -> None:
    card = parse_cccd_qr("001085012345|013456789|Nguyễn Văn Ánh|01021985")
    assert (card.full_name, card.birth_date, card.sex, card.address, card.issued_on) == (
        "Nguyễn Văn Ánh", date(1985, 2, 1), None, "", None)


def test_decomposed_letters_and_stray_spaces_are_normalised() -> None:
    import unicodedata

    card = parse_cccd_qr("  " + unicodedata.normalize("NFD", FULL).replace("|Nam|", "| nam |") + "\r\n")
    assert card.full_name == "Nguyễn Văn Ánh" and card.sex == "male"


def test_an_impossible_date_is_left_empty() -> None:
    assert parse_cccd_qr("001085012345||Nguyễn Văn Ánh|31021985|Nam|Hà Nội|15082021").birth_date is None


@pytest.mark.parametrize("scan", ["HCM-SOTNMT-0001234", "https://dichvucong.gov.vn/p/home", "12345|Nguyễn Văn A",
                                  "00108501234X|x", "001085012345", ""])
def test_what_is_not_a_card_is_refused_with_one_clear_line(scan: str) -> None:
    assert not looks_like_cccd_qr(scan)
    with pytest.raises(ValidationError) as err:
        parse_cccd_qr(scan)
    assert err.value.field == "id_number" and str(err.value) == NOT_A_CARD
    assert "CCCD" in NOT_A_CARD and "\n" not in NOT_A_CARD


def test_looks_like_a_card() -> None:
    assert looks_like_cccd_qr(FULL) and looks_like_cccd_qr("001085012345|")
