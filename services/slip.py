"""Judging a scanned slip against the queue: this site, today, and a token still open.

The signature and the CNIC binding are checked by ``printing.qr.verify`` (the console layer joins
the two); this module only needs what the code claimed, so the counter terminal and the console
give the same answer.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from services.queue import QueueService


@dataclass(frozen=True)
class SlipVerdict:
    """The answer to "is this slip good at this counter now?"; ``code`` says why not.

    Codes: ``ok``, ``invalid`` (forged, altered or unreadable; ``detail`` says how),
    ``other_site``, ``other_day``, ``unknown`` (no such token today), ``not_open`` (served,
    cancelled or no-show), ``wrong_person`` (the CNIC given is not the visitor's).
    ``cnic_match`` is None when no CNIC was given or the slip binds none.
    """

    code: str
    detail: str = ""
    number: str | None = None
    state: str | None = None
    cnic_match: bool | None = None

    @property
    def ok(self) -> bool:
        """True when the slip may be served."""
        return self.code == "ok"

    def message(self) -> str:
        """A plain English sentence for the counter terminal (the console translates ``code``)."""
        return {
            "ok": f"Slip {self.number} is genuine, for today and still open"
                  + (" - the CNIC matches" if self.cnic_match else " - no CNIC to compare"
                     if self.cnic_match is None else ""),
            "invalid": f"Not a genuine slip: {self.detail}",
            "other_site": f"The slip belongs to another site ({self.detail})",
            "other_day": f"The slip is for another day ({self.detail})",
            "unknown": f"No token {self.number} today",
            "not_open": f"Token {self.number} is no longer open ({self.state})",
            "wrong_person": f"Slip {self.number} was issued to someone else: the CNIC does not match",
        }[self.code]


def judge(queue: QueueService, site_id: str, *, claimed_site: str, claimed_day: date, number: str,
          cnic_match: bool | None) -> SlipVerdict:
    """The verdict for a slip whose signature was already checked."""
    if claimed_site != site_id:
        return SlipVerdict("other_site", claimed_site, number)
    today = queue.today()
    if claimed_day != today:
        return SlipVerdict("other_day", claimed_day.isoformat(), number)
    token = next((t for t in queue.tokens(today) if t.number == number), None)
    if token is None:
        return SlipVerdict("unknown", "", number)
    if not token.state.is_open:
        return SlipVerdict("not_open", "", number, token.state.value, cnic_match)
    if cnic_match is False:
        return SlipVerdict("wrong_person", "", number, token.state.value, False)
    return SlipVerdict("ok", "", number, token.state.value, cnic_match)
