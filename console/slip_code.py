"""The slip check shared by the console and the counter terminal (no Qt, so the headless terminal uses it too).

It joins the signature and CNIC-binding check (``printing.qr``) with the queue check
(``services.slip``) for one site secret.
"""

from __future__ import annotations

from collections.abc import Callable

from printing.qr import QrPayloadError, verify
from services.cnic import CnicError, parse_cnic
from services.queue import QueueService
from services.slip import SlipVerdict, judge

Checker = Callable[[str, str], SlipVerdict]


def slip_checker(queue: QueueService, site_id: str, secret: str) -> Checker:
    """A function (slip code, CNIC or "") -> verdict for this site and secret."""

    def check(code: str, cnic: str) -> SlipVerdict:
        try:
            claim = verify(code[:200], secret)
        except (QrPayloadError, ValueError) as exc:
            return SlipVerdict("invalid", str(exc))
        match: bool | None = None
        if cnic.strip():
            try:
                match = claim.matches(parse_cnic(cnic), secret)
            except CnicError as exc:
                return SlipVerdict("invalid", str(exc), claim.number)
        return judge(queue, site_id, claimed_site=claim.site_id, claimed_day=claim.business_day,
                     number=claim.number, cnic_match=match)

    return check
