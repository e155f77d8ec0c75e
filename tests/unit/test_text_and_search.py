"""Accent folding and the in-memory procedure search."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain.catalog import ProcedureIndex
from app.domain.text import duration, fold


def test_fold_removes_every_vietnamese_mark() -> None:
    assert fold("  Sở Tài nguyên   và Môi trường ") == "so tai nguyen va moi truong"
    assert fold("ĐĂNG KÝ ỦY QUYỀN Ữ Ỹ ẵ") == "dang ky uy quyen u y a"
    assert fold("Cấp lại Giấy phép lái xe") == "cap lai giay phep lai xe"


@given(st.text())
def test_fold_is_idempotent_and_ascii_for_vietnamese(text: str) -> None:
    assert fold(fold(text)) == fold(text)


def _index() -> ProcedureIndex:
    names = ["Cấp đổi giấy phép lái xe", "Cấp giấy phép xây dựng", "Đăng ký biến động đất đai",
             "Cấp phiếu lý lịch tư pháp", "Giấy phép lái xe quốc tế"]
    return ProcedureIndex([ProcedureIndex.entry(i, i % 2, f"P{i}", n, "Sở X", "") for i, n in enumerate(names)])


def test_every_word_must_match_and_whole_phrase_ranks_first() -> None:
    index = _index()
    assert index.search("giay phep lai xe") == [0, 4]
    assert index.search("lai xe giay") == [0, 4]
    assert index.search("giấy phép") == [0, 1, 4]
    assert index.search("xe quoc") == [4]
    assert index.search("") == [0, 1, 2, 3, 4]
    assert index.search("nothing") == []


def test_typing_narrows_and_deleting_widens() -> None:
    index = _index()
    typed = [index.search(q) for q in ("g", "gi", "giay", "giay p", "giay ph")]
    assert typed[-1] == [0, 1, 4]
    assert index.search("gia") == [0, 1, 4]  # backspace: a fresh search, not inside the narrower hits
    assert index.search("cap", agency_ids={1}) == [1, 3]
    assert index.search("cap", limit=1) == [0]


def test_numbers_and_money_are_written_the_vietnamese_way() -> None:
    from app.domain.text import dong, thousands

    assert [thousands(n) for n in (0, 999, 1000, 1_414_812_973)] == ["0", "999", "1.000", "1.414.812.973"]
    assert dong(1_200_000) == "1.200.000 đồng" and dong(0) == "0 đồng"


@pytest.mark.parametrize(("seconds", "shown"), [
    (None, ""), (0, "0 giây"), (44.6, "45 giây"), (60, "1 phút"), (150, "2 phút 30 giây"), (599, "9 phút 59 giây"),
    (600, "10 phút"), (720, "12 phút"), (749, "12 phút"), (3599, "1 giờ 00 phút"), (3900, "1 giờ 05 phút"),
    (26 * 60 + 4, "26 phút"), (10 * 3600 + 59 * 60 + 40, "11 giờ 00 phút")])
def test_a_duration_always_carries_its_units(seconds: float | None, shown: str) -> None:
    assert duration(seconds) == shown
