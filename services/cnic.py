"""CNIC numbers: parse what a person typed or a scanner sent, format and mask them.

A CNIC is 13 digits, written ``#####-#######-#``. Input arrives typed (with or without dashes),
from a keyboard-wedge scanner (trailing CR/LF, stray spaces) or as a whole NADRA card barcode
payload that holds the 13 digits among other fields. Everything here is pure.
"""

from __future__ import annotations

import enum
import re

from services.labels import CNIC_PROBLEM_EN

CNIC_DIGITS = 13
_FORMATTED = re.compile(r"^\d{5}-\d{7}-\d$")
# A CNIC inside a longer payload: 13 digits (optionally dashed 5-7-1) not touching other digits.
_EMBEDDED = re.compile(r"(?<![\d-])(\d{5}-\d{7}-\d|\d{13})(?![\d-])")
# Scanners and copy-paste bring these; they are never part of a number.
_NOISE = re.compile(r"[\s\u200b\u200e\u200f\ufeff]+")
# Longer than a formatted CNIC and holding non-number text: treat it as a card barcode payload.
_PAYLOAD_MIN_LEN = 16


class CnicProblem(enum.StrEnum):
    """Why a text is not a CNIC; the UI translates by this code."""

    EMPTY = "empty"
    TOO_SHORT = "too_short"
    TOO_LONG = "too_long"
    LETTERS = "letters"
    DASHES = "dashes"
    LEADING_ZERO = "leading_zero"
    AMBIGUOUS = "ambiguous"


class CnicError(ValueError):
    """The text is not a CNIC; ``problem`` says why, ``message`` says it in plain words."""

    def __init__(self, problem: CnicProblem, **params: object) -> None:
        self.problem = problem
        self.params = params
        self.message = CNIC_PROBLEM_EN[problem].format(**params)
        super().__init__(self.message)


def parse_cnic(text: str) -> str:
    """Return the 13 digits of the CNIC in ``text`` or raise :class:`CnicError`."""
    cleaned = _NOISE.sub("", text or "")
    if not cleaned:
        raise CnicError(CnicProblem.EMPTY)
    if re.fullmatch(r"[\d-]+", cleaned):
        return _parse_plain(cleaned)
    if len(cleaned) >= _PAYLOAD_MIN_LEN:
        found = {m.replace("-", "") for m in _EMBEDDED.findall(cleaned)}
        if len(found) == 1:
            return _check_digits(found.pop())
        if len(found) > 1:
            raise CnicError(CnicProblem.AMBIGUOUS)
    bad = next(ch for ch in cleaned if not (ch.isdigit() or ch == "-"))
    raise CnicError(CnicProblem.LETTERS, bad=bad)


def _parse_plain(cleaned: str) -> str:
    digits = cleaned.replace("-", "")
    if any(not ch.isascii() for ch in digits):
        # Other scripts' digits (e.g. Urdu ۳) pass isdigit; the registry wants ASCII.
        digits = "".join(str(int(ch)) for ch in digits)
    if len(digits) < CNIC_DIGITS:
        raise CnicError(CnicProblem.TOO_SHORT, n=len(digits))
    if len(digits) > CNIC_DIGITS:
        raise CnicError(CnicProblem.TOO_LONG, n=len(digits))
    if "-" in cleaned and not _FORMATTED.match(cleaned):
        raise CnicError(CnicProblem.DASHES)
    return _check_digits(digits)


def _check_digits(digits: str) -> str:
    if digits[0] == "0":
        raise CnicError(CnicProblem.LEADING_ZERO)
    return digits


def cnic_problem(text: str) -> CnicError | None:
    """The problem with ``text`` as a CNIC, or None when it is one (for validators)."""
    try:
        parse_cnic(text)
    except CnicError as exc:
        return exc
    return None


def format_cnic(digits: str) -> str:
    """``3520212345671`` -> ``35202-1234567-1`` (input is parsed first, so dashes are fine)."""
    d = parse_cnic(digits)
    return f"{d[:5]}-{d[5:12]}-{d[12]}"


def mask_cnic(digits: str | None) -> str:
    """Show only the first 5 and last 3 digits: ``35202-*****67-1``; '' for None/invalid."""
    if not digits:
        return ""
    try:
        d = parse_cnic(digits)
    except CnicError:
        return "*" * 5
    return f"{d[:5]}-*****{d[10:12]}-{d[12]}"
