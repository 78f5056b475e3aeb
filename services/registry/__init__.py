"""The central registry as the console sees it: a validating HTTP client and the contract's shapes."""

from services.registry.client import ConnectionState, RegistryClient
from services.registry.errors import RegistryError, RegistryProblem, RegistryUnavailable
from services.registry.models import (
    Assets,
    CentralPolicy,
    DemoSample,
    DemoSamples,
    Health,
    HouseholdStatus,
    IdentityResult,
    IngestResult,
    Member,
    Paradata,
    ScoreResult,
    ShockArea,
    ShockAreas,
    Survey,
    TriageAnswer,
    event_payload,
)

__all__ = [
    "Assets",
    "CentralPolicy",
    "ConnectionState",
    "DemoSample",
    "DemoSamples",
    "Health",
    "HouseholdStatus",
    "IdentityResult",
    "IngestResult",
    "Member",
    "Paradata",
    "RegistryClient",
    "RegistryError",
    "RegistryProblem",
    "RegistryUnavailable",
    "ScoreResult",
    "ShockArea",
    "ShockAreas",
    "Survey",
    "TriageAnswer",
    "event_payload",
]
