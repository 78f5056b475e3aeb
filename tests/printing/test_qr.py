"""The signed slip code: round trip, and every kind of tampering rejected (property tests)."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from printing.qr import QrPayloadError, sign, verify

TYPES = ["missed_out", "roster", "shock", "appeal", "cyclic", "recertification"]
ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.:"

sites = st.builds(lambda a, b: f"PK{a:05d}-{b:02d}", st.integers(0, 99999), st.integers(1, 99))
days = st.dates(min_value=date(2024, 1, 1), max_value=date(2035, 12, 31))
numbers = st.builds(lambda p, n: f"{p}-{n:03d}", st.sampled_from("MRSACV"), st.integers(1, 999))
secrets_ = st.text(min_size=1, max_size=40)


@given(sites, days, numbers, st.sampled_from(TYPES), secrets_)
def test_round_trip(site: str, day: date, number: str, utype: str, secret: str) -> None:
    payload = sign(site, day, number, utype, secret)
    claim = verify(payload, secret, site_id=site)
    assert (claim.site_id, claim.business_day, claim.number, claim.update_type) == (site, day, number, utype)
    assert len(payload) <= 84  # compact: a small QR


@given(sites, days, numbers, st.sampled_from(TYPES), secrets_, st.data())
def test_any_flipped_character_is_rejected(site: str, day: date, number: str, utype: str, secret: str,
                                          data: st.DataObject) -> None:
    payload = sign(site, day, number, utype, secret)
    i = data.draw(st.integers(0, len(payload) - 1))
    ch = data.draw(st.sampled_from(ALPHABET))
    assume(ch != payload[i])
    with pytest.raises(QrPayloadError):
        verify(payload[:i] + ch + payload[i + 1:], secret)


@given(sites, days, numbers, st.sampled_from(TYPES), secrets_, numbers, st.sampled_from(TYPES), days)
def test_changed_field_is_rejected(site: str, day: date, number: str, utype: str, secret: str,
                                   other_number: str, other_type: str, other_day: date) -> None:
    payload = sign(site, day, number, utype, secret)
    parts = payload.split(".")
    for index, value in ((3, other_number), (4, other_type), (2, other_day.strftime("%Y%m%d"))):
        assume(parts[index] != value)
        forged = ".".join(parts[:index] + [value] + parts[index + 1:])
        with pytest.raises(QrPayloadError, match="signature"):
            verify(forged, secret)


@given(sites, days, numbers, st.sampled_from(TYPES), secrets_, secrets_)
def test_other_sites_secret_is_rejected(site: str, day: date, number: str, utype: str, mine: str, theirs: str) -> None:
    assume(mine != theirs)
    with pytest.raises(QrPayloadError, match="another site"):
        verify(sign(site, day, number, utype, theirs), mine)


def test_genuine_code_of_another_site_is_foreign() -> None:
    payload = sign("PK20202-01", date(2026, 3, 4), "R-001", "roster", "shared")
    with pytest.raises(QrPayloadError, match="belongs to site PK20202-01"):
        verify(payload, "shared", site_id="PK10101-01")


@pytest.mark.parametrize("junk", ["", "hello", "DRC1.a.b", "DRC2.PK10101-01.20260304.R-001.roster.AAAAAAAAAAAAAAAA",
                                  "DRC1.PK10101-01.2026034.R-001.roster.AAAAAAAAAAAAAAAA"])
def test_junk_is_not_a_slip(junk: str) -> None:
    with pytest.raises(QrPayloadError):
        verify(junk, "s")


def test_empty_secret_cannot_sign() -> None:
    with pytest.raises(ValueError, match="qr_secret"):
        sign("PK10101-01", date(2026, 3, 4), "R-001", "roster", "")
