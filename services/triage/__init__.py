"""Triage: which of the six update types a visitor qualifies for, with reasons (pure rules)."""

from services.triage.central import CENTRAL_KEYS, HeldPolicy, PolicyKeeper, combine
from services.triage.desk import ROSTER_CHANGES, DeskNotes, DeskRefused
from services.triage.policy import PolicyError, TriagePolicy, load_policy
from services.triage.rules import (
    DISPLAY_ORDER,
    SUGGESTION_ORDER,
    Eligibility,
    add_years,
    assess,
    manual_choices,
    propose,
)
from services.triage.service import AlreadyHasToken, Lookup, LookupOutcome, TriageRefused, TriageService

__all__ = [
    "CENTRAL_KEYS",
    "DISPLAY_ORDER",
    "HeldPolicy",
    "PolicyKeeper",
    "combine",
    "ROSTER_CHANGES",
    "DeskNotes",
    "DeskRefused",
    "AlreadyHasToken",
    "Lookup",
    "LookupOutcome",
    "TriageRefused",
    "TriageService",
    "SUGGESTION_ORDER",
    "Eligibility",
    "PolicyError",
    "TriagePolicy",
    "add_years",
    "assess",
    "load_policy",
    "manual_choices",
    "propose",
]
