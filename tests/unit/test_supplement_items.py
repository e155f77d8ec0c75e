"""The documents of a supplement request as officers type them (app.domain.supplement)."""

from __future__ import annotations

import pytest

from app.domain.catalog import DocumentKind
from app.domain.errors import FormErrors
from app.domain.supplement import SupplementItem, parse_items


def test_name_form_and_quantity() -> None:
    assert parse_items("Tờ khai; Bản vẽ mặt bằng:sao:2 ;Ảnh 4x6:photo; CCCD:chính:1") == (
        SupplementItem("Tờ khai"), SupplementItem("Bản vẽ mặt bằng", DocumentKind.CERTIFIED_COPY, 2),
        SupplementItem("Ảnh 4x6", DocumentKind.PHOTOCOPY, 1), SupplementItem("CCCD", DocumentKind.ORIGINAL, 1))


def test_a_colon_of_the_name_stays_in_it() -> None:
    assert parse_items(["Tờ khai (Mẫu số 01: đề nghị cấp phép)"]) == (
        SupplementItem("Tờ khai (Mẫu số 01: đề nghị cấp phép)"),)
    assert parse_items(["Tờ khai (Mẫu số 01: đơn):sao:3"])[0] == SupplementItem(
        "Tờ khai (Mẫu số 01: đơn)", DocumentKind.CERTIFIED_COPY, 3)


def test_every_bad_item_is_named_and_none_is_refused() -> None:
    with pytest.raises(FormErrors) as info:
        parse_items("Bản vẽ:sao:hai; :photo; Tờ khai:sao:0")
    assert [e.message for e in info.value.errors] == [
        "Giấy tờ cần bổ sung, dòng 1: số lượng phải từ 1 đến 99",
        "Giấy tờ cần bổ sung, dòng 2: chưa có tên (ghi «Tên giấy tờ» hoặc «Tên giấy tờ:chính|sao|photo:số lượng»)",
        "Giấy tờ cần bổ sung, dòng 3: số lượng phải từ 1 đến 99"]
    with pytest.raises(FormErrors, match="Ghi ít nhất một giấy tờ"):
        parse_items(" ; ")


def test_stored_and_read_back() -> None:
    item = SupplementItem("Bản vẽ", DocumentKind.PHOTOCOPY, 3)
    assert SupplementItem.from_data(item.as_data()) == item
