"""The QR code on a token slip, drawn as part of the slip raster.

The payload itself - ``DRC2.<site>.<yyyymmdd>.<number>.<type>.<cnic>.<sig>``, signed with the
site's secret - is made and checked in ``vocabulary.slip_payload`` (the hub checks it too); its
names are re-exported here for the printing code and its callers.
"""

from __future__ import annotations

import functools

import qrcode
from qrcode.constants import ERROR_CORRECT_M

from vocabulary.slip_payload import (
    LEGACY_PREFIX,
    NO_CNIC,
    PREFIX,
    SEP,
    SIG_BYTES,
    TAG_BYTES,
    QrPayloadError,
    SlipClaim,
    cnic_tag,
    sign,
    verify,
)

__all__ = ["LEGACY_PREFIX", "MASK_PATTERN", "NO_CNIC", "PREFIX", "SEP", "SIG_BYTES", "TAG_BYTES", "QrPayloadError",
           "SlipClaim", "cnic_tag", "qr_matrix", "sign", "verify"]

MASK_PATTERN = 4


@functools.lru_cache(maxsize=64)
def qr_matrix(payload: str) -> tuple[tuple[bool, ...], ...]:
    """The QR modules of ``payload`` (True = dark), without the quiet zone.

    The mask pattern is fixed: choosing the "best" of eight costs ~15 ms per slip in pure
    Python, and any mask is valid QR that scanners read (a test decodes the printed slip).
    """
    code = qrcode.QRCode(error_correction=ERROR_CORRECT_M, border=0, box_size=1, mask_pattern=MASK_PATTERN)
    code.add_data(payload)
    code.make(fit=True)
    return tuple(tuple(row) for row in code.get_matrix())
