"""Masking personal data in free text (log lines, the diagnostics bundle).

A module of its own, with nothing but ``re``, because the console's log file masks every line
from the first one written at start-up: importing the bundle (and through it the doctor and
Alembic) just for these two patterns cost the first window a third of a second.
"""

from __future__ import annotations

import re

# 13 digits, plain or dashed 5-7-1, not inside a longer number.
_CNIC = re.compile(r"(?<![\d-])(\d{5})-?(\d{5})(\d{2})-?(\d)(?![\d-])")
_URL_PASSWORD = re.compile(r"(://[^:/@\s]+:)[^@\s]+@")
REDACTED = "***"


def mask_personal(text: str) -> str:
    """``text`` with every CNIC masked and every password in a URL replaced."""
    text = _CNIC.sub(lambda m: f"{m[1]}-*****{m[3]}-{m[4]}", text)
    return _URL_PASSWORD.sub(rf"\1{REDACTED}@", text)
