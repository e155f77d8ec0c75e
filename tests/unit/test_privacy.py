"""ID numbers and phone numbers never survive `redact`, wherever they sit in a text; ordinary text is left alone."""

from __future__ import annotations

import traceback

from hypothesis import given, settings
from hypothesis import strategies as st

from app.domain.privacy import mask_digits, mask_personal_numbers, redact, strip_database_values

# text around the numbers: letters (Vietnamese too), spaces, punctuation, newlines; no digits, so the number
# typed by the strategy is the whole run of digits
WORDS = st.text(st.sampled_from(list("abcxyzĐđàáạễữ ,;:=()[]'\"\n\t-_/")), max_size=30)
CCCD = st.from_regex(r"0[0-9]{2}[0-3][0-9]{8}", fullmatch=True)  # province, century/sex, year, serial
CMND = st.from_regex(r"[0-9]{9}", fullmatch=True)
MOBILE = st.from_regex(r"0[35789][0-9]{8}", fullmatch=True)
LANDLINE = st.from_regex(r"02[0-9]{9}", fullmatch=True)
NUMBER = st.one_of(CCCD, CMND, MOBILE, LANDLINE)


@st.composite
def written(draw: st.DrawFn) -> tuple[str, str]:
    """A personal number and how someone wrote it: plain, in groups of 3–4, or as +84 for a phone."""
    digits = draw(NUMBER)
    style = draw(st.sampled_from(["plain", "groups", "international"]))
    if style == "groups":
        sep = draw(st.sampled_from([" ", "."]))
        head = 4 if len(digits) % 3 == 1 else 3
        groups = [digits[:head]] + [digits[i:i + 3] for i in range(head, len(digits), 3)]
        if len(groups[-1]) < 3:  # 3 + 3 + … never ends short: fold a short tail into the group before it
            groups[-2:] = [groups[-2] + groups[-1]]
        return digits, sep.join(groups)
    if style == "international" and digits.startswith("0") and len(digits) == 10:
        return digits, f"+84 {digits[1:4]} {digits[4:7]} {digits[7:]}"
    return digits, digits


@given(before=WORDS, after=WORDS, number=written())
@settings(max_examples=400)
def test_a_personal_number_never_survives(before: str, after: str, number: tuple[str, str]) -> None:
    digits, as_typed = number
    out = redact(before + as_typed + after)
    assert digits not in out and as_typed not in out
    assert digits not in out.replace(" ", "").replace(".", "")  # not even with the separators taken out
    assert before in out and after in out  # the words around it are kept


@given(numbers=st.lists(NUMBER, min_size=1, max_size=4), glue=WORDS)
def test_every_number_of_a_message_is_masked(numbers: list[str], glue: str) -> None:
    out = redact((glue or " ").join(numbers) + " ")
    for digits in numbers:
        assert digits not in out


@given(cccd=CCCD, phone=MOBILE)
def test_a_traceback_is_masked_including_its_chained_causes(cccd: str, phone: str) -> None:
    try:
        try:
            raise ValueError(f"Số CCCD {cccd} đã có")
        except ValueError as inner:
            raise RuntimeError(f"không lưu được hồ sơ (SĐT {phone})") from inner
    except RuntimeError as exc:
        text = "".join(traceback.format_exception(exc))
    out = redact(text)
    assert cccd not in out and phone not in out
    assert "RuntimeError: không lưu được hồ sơ (SĐT " in out and "The above exception was the direct cause" in out


def test_the_masked_form_keeps_the_ends() -> None:
    assert mask_digits("001123456789") == "0011******89"
    assert mask_digits("0912345678") == "0912****78"
    assert mask_digits("381234567") == "38*****67"
    assert mask_personal_numbers("SĐT 0912 345 678.") == "SĐT 0912****78."


def test_ordinary_numbers_are_left_alone() -> None:
    text = ("2026-12-06 06:30:12,345 INFO [4123 MainThread] vé 1001 quầy 3; hồ sơ 000.00.12.H12-261206-0001; "
            "phí 1.500.000 đ; line 1234; 127.0.0.1:5432; 12.500.000 đ")
    assert redact(text) == text


def test_database_values_are_dropped() -> None:
    message = ("(psycopg.errors.UniqueViolation) duplicate key value violates unique constraint\n"
               "DETAIL:  Key (id_number)=(001123456789) already exists.\n"
               "[SQL: INSERT INTO dossiers (name, id_number) VALUES (%(name)s, %(id_number)s)]\n"
               "[parameters: {'name': 'Nguyễn Văn A', 'id_number': '001123456789'}]\n"
               "(Background on this error at: https://sqlalche.me/e/20/gkpj)")
    out = strip_database_values(message)
    assert "Nguyễn Văn A" not in out and "001123456789" not in out
    assert "[parameters: (ẩn)]" in out and "Key (id_number)=(ẩn) already exists." in out
    assert "[SQL: INSERT INTO dossiers" in out
    row = "new row violates check constraint\nDETAIL:  Failing row contains (7, Trần Thị B, 0912345678)."
    assert "Trần Thị B" not in redact(row)
