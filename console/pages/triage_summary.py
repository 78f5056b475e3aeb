"""The lines above the verdict: NADRA's word on the card and the registry's word on the household, apart.

Identity (verified / unknown / blocked / mismatch) and membership (not registered / registered /
beneficiary) are separate questions with separate answers; the screen says both, each on its own line,
so a card NADRA does not know is never read as "a new household".
"""

from __future__ import annotations

from PySide6.QtCore import QObject

from console.names import ltr
from services.triage import Lookup
from widgets.bidi import comma_join


class TriageSummary(QObject):
    """Builds the summary text of a lookup in the interface language."""

    def identity_text(self, status: str) -> str:
        """NADRA's answer in words."""
        return {
            "verified": self.tr("verified"),
            "unknown": self.tr("UNKNOWN - NADRA has no such CNIC; check the card for a typo"),
            "mismatch": self.tr("MISMATCH - ask for the visitor's details"),
            "blocked": self.tr("BLOCKED by NADRA - only a supervisor can let this visitor through"),
            "not_checked": self.tr("not checked apart from the registry (older central hub)"),
        }.get(status, status)

    def membership_text(self, membership: str) -> str:
        """The registry's answer in words."""
        return {
            "not_registered": self.tr("not registered - no household on record"),
            "registered": self.tr("registered - not a beneficiary"),
            "beneficiary": self.tr("registered - beneficiary"),
        }.get(membership, membership)

    def text(self, lookup: Lookup) -> str:
        """All lines for ``lookup`` (CNIC masked)."""
        hh = lookup.household
        lines = [
            self.tr("CNIC {cnic}").format(cnic=ltr(lookup.masked)) + " - "
            + self.tr("NADRA identity: {identity}").format(identity=self.identity_text(lookup.identity_status)),
            self.tr("Registry (NSER): {membership}").format(membership=self.membership_text(lookup.membership)),
        ]
        if hh.registered:
            place = comma_join(dict.fromkeys(p for p in (hh.tehsil, hh.district) if p))
            score = "-" if hh.pmt_score is None else f"{hh.pmt_score:g}"
            household = self.tr("Household {hid} - family size {n} - {place} ({region})").format(
                hid=ltr(hh.household_id), n=lookup.family_size, place=place, region=hh.region)
            standing = self.tr("PMT score {score} - last survey {last}{shock}").format(
                score=ltr(score),
                last=ltr(hh.last_survey_date.isoformat()) if hh.last_survey_date else self.tr("unknown"),
                shock=self.tr(" - notified shock area") if hh.shock_area else "")
            lines.append(f"{household} - {standing}")
        elif lookup.identity_status in ("verified", "not_checked"):
            lines.append(self.tr("No household on record: a missed-out household."))
        return "\n".join(lines)


__all__ = ["TriageSummary"]
