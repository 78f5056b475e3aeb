"""The keys the centre's duplicate check compares: a CNIC, a phone number, an address, each hashed.

A survey's three keys are written with it (``hub_survey.cnic_key``, ``phone_key``, ``address_key``,
each indexed with the day), so the duplicate check is a ``GROUP BY`` over an index instead of
reading every survey of the window into Python. A key is the SHA-256 of the kind and the normalised
value (phones to digits, ``+92`` -> ``0``; addresses lower-cased, abbreviations spelled out), cut to
32 hex digits: fixed width for the index, and no CNIC or phone in clear in it. A phone shorter than
8 digits or an address shorter than 25 characters says nothing about a household and gets no key.
If the normalisation ever changes, a new hub migration must re-key every survey.
"""

from __future__ import annotations

import hashlib

from services.survey_text import normalise_address, normalise_phone

KINDS = ("cnic", "phone", "address")
"""The kinds of duplicate, in the order the check lists them."""
MIN_PHONE_DIGITS = 8
MIN_ADDRESS_CHARS = 25


def normalised(kind: str, raw: str) -> str:
    """The value of one kind as compared ('' when it is too short to say anything)."""
    if kind == "cnic":
        return raw or ""
    if kind == "phone":
        p = normalise_phone(raw)
        return p if len(p) >= MIN_PHONE_DIGITS else ""
    a = normalise_address(raw)
    return a if len(a) >= MIN_ADDRESS_CHARS else ""


def key_of(kind: str, raw: str) -> str | None:
    """The hashed key of one value, None when it has none."""
    value = normalised(kind, raw)
    if not value:
        return None
    return hashlib.sha256(f"{kind}:{value}".encode()).hexdigest()[:32]


def survey_keys(cnic: str, phone: str, address: str) -> dict[str, str | None]:
    """The three key columns of a survey row."""
    return {"cnic_key": key_of("cnic", cnic), "phone_key": key_of("phone", phone),
            "address_key": key_of("address", address)}
