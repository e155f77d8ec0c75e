"""Tests of Vietnamese number words and the call announcement."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain.number_words import MAX_NUMBER, call_announcement, number_to_words

NORTH = [
    (0, "không"),
    (1, "một"),
    (4, "bốn"),
    (5, "năm"),
    (7, "bảy"),
    (10, "mười"),
    (11, "mười một"),
    (14, "mười bốn"),
    (15, "mười lăm"),
    (19, "mười chín"),
    (20, "hai mươi"),
    (21, "hai mươi mốt"),
    (24, "hai mươi tư"),
    (25, "hai mươi lăm"),
    (31, "ba mươi mốt"),
    (55, "năm mươi lăm"),
    (94, "chín mươi tư"),
    (99, "chín mươi chín"),
    (100, "một trăm"),
    (101, "một trăm linh một"),
    (104, "một trăm linh bốn"),
    (105, "một trăm linh năm"),
    (110, "một trăm mười"),
    (111, "một trăm mười một"),
    (114, "một trăm mười bốn"),
    (115, "một trăm mười lăm"),
    (121, "một trăm hai mươi mốt"),
    (124, "một trăm hai mươi tư"),
    (125, "một trăm hai mươi lăm"),
    (500, "năm trăm"),
    (905, "chín trăm linh năm"),
    (1000, "một nghìn"),
    (1001, "một nghìn không trăm linh một"),
    (1005, "một nghìn không trăm linh năm"),
    (1010, "một nghìn không trăm mười"),
    (1015, "một nghìn không trăm mười lăm"),
    (1023, "một nghìn không trăm hai mươi ba"),
    (1100, "một nghìn một trăm"),
    (2024, "hai nghìn không trăm hai mươi tư"),
    (10005, "mười nghìn không trăm linh năm"),
    (15000, "mười lăm nghìn"),
    (21000, "hai mươi mốt nghìn"),
    (100000, "một trăm nghìn"),
    (105000, "một trăm linh năm nghìn"),
    (1000000, "một triệu"),
    (1000023, "một triệu không trăm hai mươi ba"),
    (1001000, "một triệu không trăm linh một nghìn"),
    (1000100, "một triệu một trăm"),
    (25000001, "hai mươi lăm triệu không trăm linh một"),
    (
        999_999_999,
        "chín trăm chín mươi chín triệu chín trăm chín mươi chín nghìn chín trăm chín mươi chín",
    ),
]

SOUTH = [
    (0, "không"),
    (5, "năm"),
    (15, "mười lăm"),
    (21, "hai mươi mốt"),
    (24, "hai mươi tư"),
    (101, "một trăm lẻ một"),
    (104, "một trăm lẻ bốn"),
    (105, "một trăm lẻ năm"),
    (110, "một trăm mười"),
    (1000, "một ngàn"),
    (1005, "một ngàn không trăm lẻ năm"),
    (1023, "một ngàn không trăm hai mươi ba"),
    (10005, "mười ngàn không trăm lẻ năm"),
    (100000, "một trăm ngàn"),
    (1000000, "một triệu"),
    (1001000, "một triệu không trăm lẻ một ngàn"),
]

DIGIT_VALUES = {
    "không": 0, "một": 1, "mốt": 1, "hai": 2, "ba": 3, "bốn": 4, "tư": 4,
    "năm": 5, "lăm": 5, "sáu": 6, "bảy": 7, "tám": 8, "chín": 9,
}  # fmt: skip


def words_to_number(text: str) -> int:
    """Independent reader of the words, used as an oracle for round trips."""
    total, group, pending = 0, 0, 0
    for word in text.split(" "):
        if word in DIGIT_VALUES:
            pending = DIGIT_VALUES[word]
        elif word == "trăm":
            group, pending = group + pending * 100, 0
        elif word == "mươi":
            group, pending = group + pending * 10, 0
        elif word == "mười":
            group += 10
        elif word in ("linh", "lẻ"):
            continue
        elif word in ("nghìn", "ngàn", "triệu"):
            scale = 1000 if word != "triệu" else 1_000_000
            total, group, pending = total + (group + pending) * scale, 0, 0
        else:
            raise AssertionError(f"unexpected word {word!r}")
    return total + group + pending


@pytest.mark.parametrize(("n", "expected"), NORTH)
def test_north_words(n: int, expected: str) -> None:
    assert number_to_words(n) == expected
    assert number_to_words(n, "north") == expected


@pytest.mark.parametrize(("n", "expected"), SOUTH)
def test_south_words(n: int, expected: str) -> None:
    assert number_to_words(n, "south") == expected


@pytest.mark.parametrize("n", [-1, MAX_NUMBER + 1, 10**12])
def test_out_of_range_is_refused(n: int) -> None:
    with pytest.raises(ValueError):
        number_to_words(n)


@pytest.mark.parametrize("n", [True, 1.0, "1"])
def test_non_int_is_refused(n: object) -> None:
    with pytest.raises(TypeError):
        number_to_words(n)  # type: ignore[arg-type]


def test_unknown_variant_is_refused() -> None:
    with pytest.raises(ValueError, match="variant"):
        number_to_words(5, "central")


def test_call_announcement_example() -> None:
    assert (
        call_announcement(1023, 5)
        == "Mời công dân có số thứ tự một nghìn không trăm hai mươi ba đến quầy số năm"
    )


def test_call_announcement_south() -> None:
    assert (
        call_announcement(105, 11, "south")
        == "Mời công dân có số thứ tự một trăm lẻ năm đến quầy số mười một"
    )


def test_call_announcement_refuses_bad_numbers() -> None:
    with pytest.raises(ValueError):
        call_announcement(-1, 1)


numbers = st.integers(min_value=0, max_value=MAX_NUMBER)
variants = st.sampled_from(["north", "south"])


@given(numbers, variants)
def test_round_trip(n: int, variant: str) -> None:
    assert words_to_number(number_to_words(n, variant)) == n


@given(numbers, variants)
def test_spacing_is_clean(n: int, variant: str) -> None:
    words = number_to_words(n, variant)
    assert words == words.strip()
    assert "  " not in words


@given(numbers, variants)
def test_special_forms_only_where_they_belong(n: int, variant: str) -> None:
    words = number_to_words(n, variant).split(" ")
    for before, word in zip(["", *words], words):
        if before == "mươi":
            assert word not in ("một", "bốn", "năm")  # always mốt, tư, lăm
        if before == "mười":
            assert word != "năm"  # always mười lăm
        if word in ("mốt", "tư"):
            assert before == "mươi"
        if word == "lăm":
            assert before in ("mười", "mươi")


@given(numbers)
def test_variants_differ_only_in_linh_and_thousands(n: int) -> None:
    north = number_to_words(n, "north")
    assert number_to_words(n, "south") == north.replace("linh", "lẻ").replace("nghìn", "ngàn")


@given(st.integers(min_value=1000, max_value=MAX_NUMBER))
def test_inner_zero_hundreds_are_read(n: int) -> None:
    last_group = n % 1000
    if 0 < last_group < 100:
        assert re.search(r"(nghìn|triệu) không trăm \S+( \S+)*$", number_to_words(n))
        tail = number_to_words(last_group + 100).removeprefix("một trăm ")
        assert number_to_words(n).endswith(" không trăm " + tail)
