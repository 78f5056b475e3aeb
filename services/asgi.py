"""Plain ASGI for the guards in front of the hub and the counter terminal.

The callable types, a middleware base that hands anything but an HTTP request (lifespan) straight
to the app, and the body length a request declares. Both fronts refuse before a handler runs, so
they work on the raw messages rather than on a framework's request object.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]


class HttpMiddleware:
    """An ASGI middleware that acts on HTTP requests (``http``) and passes every other scope on."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        await self.http(scope, receive, send)

    async def http(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Handle one HTTP request; ``self.app`` is the rest of the stack."""
        raise NotImplementedError


def declared_length(scope: Scope) -> int | None:
    """The request's ``Content-Length`` (None without one); ValueError when it is not a number."""
    for name, value in scope.get("headers", ()):
        if name == b"content-length":
            return int(value)
    return None
