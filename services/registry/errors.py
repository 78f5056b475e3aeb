"""The two ways a registry call fails, each with a message a supervisor can act on."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Self

from services.labels import REGISTRY_AFTER, REGISTRY_TEMPLATES


class RegistryProblem(Exception):
    """Base of the registry client's errors; ``message`` is meant for the screen (English).

    ``reason`` names the template (``services.labels.REGISTRY_TEMPLATES``) and ``params`` fill it,
    so the console can show the same message in the reader's language (``console.names.error_text``);
    ``params["after"]`` is a key of ``REGISTRY_AFTER``.
    """

    def __init__(self, message: str, *, status: int | None = None, code: str | None = None,
                 reason: str = "", params: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.status = status
        # The problem's slug (the last part of its ``type``), e.g. ``unknown-token``; None if not given.
        self.code = code
        self.reason = reason
        self.params: dict[str, str] = dict(params or {})

    @classmethod
    def coded(cls, reason: str, params: Mapping[str, object] | None = None, *, status: int | None = None,
              code: str | None = None) -> Self:
        """The problem from its template and parameters, the English ``message`` filled in."""
        text = {k: str(v) for k, v in (params or {}).items()}
        if status is not None:
            text["status"] = str(status)
        english = dict(text, after=REGISTRY_AFTER.get(text.get("after", ""), text.get("after", "")))
        return cls(REGISTRY_TEMPLATES[reason].format(**english), status=status, code=code, reason=reason, params=text)


class RegistryUnavailable(RegistryProblem):
    """The registry could not be reached or did not answer in time (network, timeout, 5xx).

    The site carries on offline: tokens are issued unverified and checked later.
    """


class RegistryError(RegistryProblem):
    """The registry answered, but not usefully: refused (4xx) or broke the contract (bad JSON/shape).

    Retrying the same call will not help; someone has to look at the configuration or the hub.
    """
