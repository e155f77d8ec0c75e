"""Personal data kept out of logs, crash reports and error boxes: ID numbers and phone numbers masked, SQL
parameters and database rows dropped. Pure functions, shared by the logging boundary and the UI.

An ID number (CCCD, 12 digits; old CMND, 9 digits) or a phone number (10 or 11 digits, maybe written in groups
such as "0912 345 678" or "+84 912.345.678") is any run of nine or more digits, alone or in groups of three or
more after the first: "001123456789" → "0011******89". Dates ("2026-12-06"), times and small numbers are left
alone; a long money amount or a UUID made only of digits may be masked too, which is the safe side.
"""

from __future__ import annotations

import re

MIN_DIGITS = 9  # the shortest personal number: an old CMND
_MASK = "*"
# a run of digits, maybe followed by groups of 3+ digits after one space or dot ("0912 345 678"); not hyphens,
# which join the parts of dossier codes ("H12-261206-0001") and dates
_NUMBER = re.compile(r"(?<![0-9])[0-9]+(?:[ .][0-9]{3,})*(?![0-9])")
_RUN = re.compile(r"[0-9]{%d,}" % MIN_DIGITS)
_SQL_PARAMETERS = re.compile(r"\[parameters: [^\n]*")
_FAILING_ROW = re.compile(r"(Failing row contains) \([^\n]*")
_KEY_VALUE = re.compile(r"(Key \([^)\n]*\))=\([^\n]*?\)( already exists| is not present| is still referenced|$)",
                        re.MULTILINE)


def mask_digits(digits: str) -> str:
    """"001123456789" → "0011******89": the first four and last two digits kept (two and two for nine)."""
    head = 4 if len(digits) >= 10 else 2
    return digits[:head] + _MASK * (len(digits) - head - 2) + digits[-2:]


def _mask_match(match: re.Match[str]) -> str:
    text = match.group(0)
    digits = re.sub(r"[^0-9]", "", text)
    if len(digits) < MIN_DIGITS:
        return text
    first_group = re.match(r"[0-9]+", text)
    if digits != text and first_group is not None and len(first_group.group(0)) < 2:
        # "1.500.000.000" reads as money, not as a grouped phone or ID; a long run inside it is still masked
        return _RUN.sub(lambda run: mask_digits(run.group(0)), text)
    return mask_digits(digits)


def mask_personal_numbers(text: str) -> str:
    """`text` with every ID number and phone number masked (see the module docstring)."""
    return _NUMBER.sub(_mask_match, text)


def strip_database_values(text: str) -> str:
    """Drop the values a database error quotes: SQLAlchemy's "[parameters: …]", PostgreSQL's "Failing row
    contains (…)" and "Key (…)=(…)" details. The statement itself (no values) stays, for the technician."""
    text = _SQL_PARAMETERS.sub("[parameters: (ẩn)]", text)
    text = _FAILING_ROW.sub(r"\1 (ẩn)", text)
    return _KEY_VALUE.sub(r"\1=(ẩn)\2", text)


def redact(text: str) -> str:
    """Everything fit for a log line, a crash report or an error box: database values dropped, numbers masked."""
    return mask_personal_numbers(strip_database_values(text))
