"""The base of every refused action, so one translator can show any of them in the reader's language."""

from __future__ import annotations


class DomainError(Exception):
    """An action the domain refused; nothing was changed.

    ``code`` names the rule that refused and ``params`` fill its message template
    (``services.labels.ERROR_TEMPLATES``), so the console shows it in the reader's language;
    ``str(error)`` is the English text, for logs and the counter terminal.
    """

    code = "domain_error"

    def __init__(self, message: str, *, code: str | None = None, **params: object) -> None:
        super().__init__(message)
        if code is not None:
            self.code = code
        self.params: dict[str, object] = params
