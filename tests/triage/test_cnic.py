"""CNIC parsing, formatting and masking, table-driven."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from services.cnic import CnicError, CnicProblem, cnic_problem, format_cnic, mask_cnic, parse_cnic

GOOD = [
    ("3520212345671", "3520212345671"),
    ("35202-1234567-1", "3520212345671"),
    ("35202-1234567-1\r\n", "3520212345671"),  # keyboard-wedge scanner ends with CR/LF
    ("  35202 1234567 1 \t", "3520212345671"),  # stray spaces between groups
    ("\ufeff3520212345671\n", "3520212345671"),
    ("۳۵۲۰۲۱۲۳۴۵۶۷۱", "3520212345671"),  # Urdu digits
    # A card barcode payload holding the number among other fields.
    ("IDCARD|NAME=ALI KHAN|3520212345671|DOB=1980-01-01|", "3520212345671"),
    ("PAK<<ALI<<KHAN 35202-1234567-1 EXP 2030", "3520212345671"),
]

BAD = [
    ("", CnicProblem.EMPTY),
    ("  \r\n", CnicProblem.EMPTY),
    ("352021234567", CnicProblem.TOO_SHORT),
    ("35202-123456-1", CnicProblem.TOO_SHORT),
    ("35202123456712", CnicProblem.TOO_LONG),
    ("35202-12345A7-1", CnicProblem.LETTERS),
    ("abc", CnicProblem.LETTERS),
    ("3520-21234567-1", CnicProblem.DASHES),
    ("35202-1234567--1", CnicProblem.DASHES),
    ("352021234567-1", CnicProblem.DASHES),
    ("0520212345671", CnicProblem.LEADING_ZERO),
    ("ID 3520212345671 FATHER 3520298765431", CnicProblem.AMBIGUOUS),
]


@pytest.mark.parametrize(("text", "digits"), GOOD)
def test_parse_accepts(text: str, digits: str) -> None:
    assert parse_cnic(text) == digits
    assert cnic_problem(text) is None


@pytest.mark.parametrize(("text", "problem"), BAD)
def test_parse_rejects_with_a_clear_reason(text: str, problem: CnicProblem) -> None:
    with pytest.raises(CnicError) as err:
        parse_cnic(text)
    assert err.value.problem is problem
    assert err.value.message  # something a person can read
    found = cnic_problem(text)
    assert found is not None and found.problem is problem


def test_messages_name_the_numbers() -> None:
    assert "12 digits" in CnicError(CnicProblem.TOO_SHORT, n=12).message
    with pytest.raises(CnicError, match="'A'"):
        parse_cnic("35202-12345A7-1")
    with pytest.raises(CnicError, match="12345-1234567-1"):
        parse_cnic("3520-21234567-1")


def test_format_and_mask() -> None:
    assert format_cnic("3520212345671") == "35202-1234567-1"
    assert format_cnic("35202-1234567-1\r") == "35202-1234567-1"
    assert mask_cnic("3520212345671") == "35202-*****67-1"
    assert mask_cnic("35202-1234567-1") == "35202-*****67-1"
    assert mask_cnic(None) == ""
    assert "1234" not in mask_cnic("garbage 1234")


@given(st.from_regex(r"[1-9][0-9]{12}", fullmatch=True))
def test_any_cnic_round_trips_and_masks_the_middle(digits: str) -> None:
    assert parse_cnic(format_cnic(digits)) == digits
    assert parse_cnic(f"\r\n {digits}\n") == digits
    masked = mask_cnic(digits)
    assert masked[:5] == digits[:5] and masked.endswith(f"{digits[10:12]}-{digits[12]}")
    assert digits[5:10] not in masked.replace("-", "")[5:]  # the hidden block never shows
    assert masked.count("*") == 5
