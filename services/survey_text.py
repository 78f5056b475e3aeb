"""Addresses and phone numbers as the survey-quality checks compare them (``services.quality``).

Phones are reduced to digits (``+92 3xx`` -> ``03xx``); addresses are lower-cased with common
abbreviations spelled out, and checked for the four parts a findable address has.
"""

from __future__ import annotations

import csv
import re
from functools import lru_cache

import resources


def normalise_phone(phone: str) -> str:
    """Digits only, ``+92 3xx`` -> ``03xx``; '' when nothing is left."""
    d = re.sub(r"\D", "", phone or "")
    if d.startswith("92") and len(d) == 12:
        d = "0" + d[2:]
    return d


def mask_phone(phone: str) -> str:
    """``03001234567`` -> ``0300-****567``."""
    d = normalise_phone(phone)
    return f"{d[:4]}-****{d[-3:]}" if len(d) >= 8 else ("*" * len(d))


_ABBREV = {"st": "street", "str": "street", "mohallah": "mohalla", "muhalla": "mohalla", "moh": "mohalla",
           "h": "house", "hno": "house", "no": "", "vill": "village", "vpo": "village", "uc": "uc", "u": "",
           "c": ""}


def normalise_address(address: str) -> str:
    """Lower case, punctuation removed, common abbreviations spelled out: equal text = same place."""
    words = re.sub(r"[^\w]+", " ", (address or "").lower()).split()
    out = [_ABBREV.get(w, w) for w in words]
    return " ".join(w for w in out if w)


_HOUSE = re.compile(r"\d|\b(house|h\s*#|h\.?\s*no|street|st|gali|galli|road|rd|near|opp|opposite|plot|flat|"
                    r"lane|bazar|bazaar|masjid|mosque|school|chowk)\b", re.I)
_VILLAGE = re.compile(r"\b(village|vill|mohalla|mohallah|muhalla|moh|basti|goth|chak|dhok|colony|town|sector|"
                      r"block|killi|kili|dera|gaon|abadi|mauza|mouza)\b", re.I)
_UC = re.compile(r"\b(u\s*[./]?\s*c|union\s+council)\b", re.I)
_UC_NUMBER = re.compile(r"\b(u\s*[./]?\s*c|union\s+council)\b[\s.#:-]*\d*", re.I)
_CITY_WORDS = re.compile(r"\b(city|tehsil|district|town)\b", re.I)


@lru_cache(maxsize=1)
def _place_names() -> frozenset[str]:
    names: set[str] = set()
    path = resources.path("admin-units.csv")
    if path.exists():
        with path.open(encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                for key in ("District", "Tehsil"):
                    if row.get(key):
                        names.add(row[key].strip().lower())
    return frozenset(names)


def address_missing_parts(address: str) -> list[str]:
    """Which of house/street, village/mohalla, union council, city are not recognisable in ``address``."""
    text = address or ""
    parts = [p.strip().lower() for p in text.split(",") if p.strip()]
    missing = []
    # The union council's number is not a house number.
    if not _HOUSE.search(_UC_NUMBER.sub(" ", text)):
        missing.append("house/street")
    if not _VILLAGE.search(text):
        missing.append("village/mohalla")
    if not _UC.search(text):
        missing.append("union council")
    places = _place_names()
    tail = [f" {' '.join(re.findall(r'[a-z]+', p))} " for p in parts[-2:]]
    if not (_CITY_WORDS.search(text) or any(f" {name} " in t for t in tail for name in places)):
        missing.append("city")
    return missing
