"""The signed payload of a token slip's QR code: signing and checking it (standard library only).

Shared by the printer (``printing.qr`` draws it), the console and counter terminal (slip checks)
and the hub (a survey names its token by the slip's code), so it lives with the shared words.

A payload reads ``DRC2.<site>.<yyyymmdd>.<number>.<type>.<cnic>.<sig>``: it names the site,
the business day, the token number and the update type, binds the token to the visitor with a
keyed hash of their CNIC (48 bits of HMAC-SHA256 under the site's secret, base64url; ``-`` when
the token has no CNIC), and ends with a truncated HMAC-SHA256 of everything before it
(base64url, 96 bits). A scanner at the counter can tell a genuine slip of this site and day from
a copied or edited one, and - with the visitor's CNIC card - that the slip is theirs, so a token
cannot be passed on or sold. The CNIC itself cannot be read back from the code without the
secret. Slips of the earlier ``DRC1`` form (no CNIC binding) still verify.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
from dataclasses import dataclass
from datetime import date

PREFIX = "DRC2"
LEGACY_PREFIX = "DRC1"
SEP = "."
NO_CNIC = "-"
TAG_BYTES = 6  # 48 bits: a wrong card matches by chance once in 2.8e14
SIG_BYTES = 12  # 96 bits: short enough for a small QR, far beyond guessing at a counter

_SITE = re.compile(r"^[A-Za-z0-9-]{1,24}$")
_NUMBER = re.compile(r"^[A-Z]-\d{1,5}$")
_TYPE = re.compile(r"^[a-z_]{1,24}$")
_DAY = re.compile(r"^\d{8}$")
_SIG = re.compile(r"^[A-Za-z0-9_-]{16}$")
_TAG = re.compile(r"^(?:-|[A-Za-z0-9_-]{8})$")


class QrPayloadError(ValueError):
    """A slip code was rejected; ``reason`` says why in plain words."""

    def __init__(self, reason: str) -> None:
        self.reason = reason
        super().__init__(reason)


@dataclass(frozen=True)
class SlipClaim:
    """What a verified slip code says: which site, day, token number and update type."""

    site_id: str
    business_day: date
    number: str
    update_type: str
    cnic_tag: str | None = None  # None: the slip binds no CNIC (no CNIC at issue, or a DRC1 slip)

    def matches(self, cnic: str, secret: str | bytes) -> bool | None:
        """True/False: whether ``cnic`` is the visitor's; None when the slip binds no CNIC."""
        if self.cnic_tag is None:
            return None
        return hmac.compare_digest(self.cnic_tag, cnic_tag(cnic, secret))


def _key(secret: str | bytes) -> bytes:
    key = secret.encode("utf-8") if isinstance(secret, str) else secret
    if not key:
        raise ValueError("the site's QR secret is empty; set [printer] qr_secret in the configuration")
    return key


def _signature(body: str, secret: str | bytes) -> str:
    mac = hmac.new(_key(secret), body.encode("ascii"), hashlib.sha256).digest()[:SIG_BYTES]
    return base64.urlsafe_b64encode(mac).decode("ascii").rstrip("=")


def cnic_tag(cnic: str, secret: str | bytes) -> str:
    """The keyed hash of a CNIC that a slip carries (8 base64url characters)."""
    digits = "".join(ch for ch in cnic if ch.isdigit())
    mac = hmac.new(_key(secret), b"cnic|" + digits.encode("ascii"), hashlib.sha256).digest()[:TAG_BYTES]
    return base64.urlsafe_b64encode(mac).decode("ascii")


def sign(site_id: str, business_day: date, number: str, update_type: str, secret: str | bytes,
         cnic: str | None = None) -> str:
    """The signed payload for one token (bound to ``cnic`` if given); ValueError when a field cannot be encoded."""
    day = business_day.strftime("%Y%m%d")
    for value, pattern, name in ((site_id, _SITE, "site id"), (number, _NUMBER, "token number"),
                                 (update_type, _TYPE, "update type")):
        if not pattern.match(value):
            raise ValueError(f"{name} {value!r} cannot go into a slip code")
    tag = cnic_tag(cnic, secret) if cnic else NO_CNIC
    body = SEP.join((PREFIX, site_id, day, number, update_type, tag))
    return f"{body}{SEP}{_signature(body, secret)}"


def verify(payload: str, secret: str | bytes, *, site_id: str | None = None) -> SlipClaim:
    """Check a scanned payload and return what it claims; raises :class:`QrPayloadError`.

    With ``site_id`` a genuine code of another site is rejected too.
    """
    parts = payload.strip().split(SEP)
    if len(parts) == 6 and parts[0] == LEGACY_PREFIX:
        parts.insert(5, NO_CNIC)
        signed = SEP.join(parts[:5])
    elif len(parts) == 7 and parts[0] == PREFIX:
        signed = SEP.join(parts[:6])
    else:
        raise QrPayloadError("not a DRC token slip code")
    _, site, day, number, update_type, tag, sig = parts
    if not (_SITE.match(site) and _DAY.match(day) and _NUMBER.match(number) and _TYPE.match(update_type)
            and _TAG.match(tag) and _SIG.match(sig)):
        raise QrPayloadError("the slip code is malformed")
    expected = _signature(signed, secret)
    if not hmac.compare_digest(expected, sig):
        raise QrPayloadError("signature does not match: the code was altered or belongs to another site")
    if site_id is not None and site != site_id:
        raise QrPayloadError(f"the slip belongs to site {site}, not {site_id}")
    try:
        when = date(int(day[:4]), int(day[4:6]), int(day[6:]))
    except ValueError:
        raise QrPayloadError("the slip code has an impossible date") from None
    return SlipClaim(site, when, number, update_type, None if tag == NO_CNIC else tag)
