"""The two ways a registry call fails, each with a message a supervisor can act on."""

from __future__ import annotations


class RegistryProblem(Exception):
    """Base of the registry client's errors; ``message`` is meant for the screen."""

    def __init__(self, message: str, *, status: int | None = None, code: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.status = status
        # The problem's slug (the last part of its ``type``), e.g. ``unknown-token``; None if not given.
        self.code = code


class RegistryUnavailable(RegistryProblem):
    """The registry could not be reached or did not answer in time (network, timeout, 5xx).

    The site carries on offline: tokens are issued unverified and checked later.
    """


class RegistryError(RegistryProblem):
    """The registry answered, but not usefully: refused (4xx) or broke the contract (bad JSON/shape).

    Retrying the same call will not help; someone has to look at the configuration or the hub.
    """
