"""ASGI guards in front of the terminal: a body cap read before the app, and security headers.

The cap works on the raw ASGI messages, so an oversized body is refused with 413 from its
``Content-Length`` alone, and a streamed (chunked) one as soon as it passes the limit, before
any handler buffers it. Memory per request stays at a few kilobytes whatever the client sends.
"""

from __future__ import annotations

import base64
import hashlib

from services.asgi import ASGIApp, HttpMiddleware, Message, Receive, Scope, Send, declared_length

MAX_BODY = 8 * 1024
"""The largest request body the terminal reads (its forms are a few hundred bytes)."""


async def _answer(send: Send, status: int, text: str) -> None:
    body = text.encode()
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"text/plain; charset=utf-8"),
                            (b"content-length", str(len(body)).encode()), (b"connection", b"close")]})
    await send({"type": "http.response.body", "body": body})


class BodyLimit(HttpMiddleware):
    """Refuse request bodies over ``limit`` bytes with 413, counting the header and the stream."""

    def __init__(self, app: ASGIApp, limit: int = MAX_BODY) -> None:
        super().__init__(app)
        self.limit = limit

    async def http(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Read the whole body (at most ``limit`` bytes) and hand the app a replay of it."""
        try:
            length = declared_length(scope)
        except ValueError:
            await _answer(send, 400, "Bad Content-Length")
            return
        if length is not None and not 0 <= length <= self.limit:
            await _answer(send, 413, "Request body too large")
            return
        # Read the (small) body here, before the app runs: nothing downstream ever buffers more.
        parts: list[bytes] = []
        seen = 0
        while True:
            message = await receive()
            if message["type"] != "http.request":
                return  # the client went away
            chunk = message.get("body", b"")
            seen += len(chunk)
            if seen > self.limit:
                await _answer(send, 413, "Request body too large")
                return
            parts.append(chunk)
            if not message.get("more_body", False):
                break
        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": b"".join(parts), "more_body": False}
            return await receive()

        await self.app(scope, replay, send)


def csp_hash(source: str) -> str:
    """The CSP source expression allowing one inline script or style block."""
    return "'sha256-" + base64.b64encode(hashlib.sha256(source.encode()).digest()).decode() + "'"


class SecurityHeaders(HttpMiddleware):
    """Adds a strict Content-Security-Policy and friends to every response."""

    def __init__(self, app: ASGIApp, *, script: str, style: str, tls: bool = False) -> None:
        super().__init__(app)
        csp = (f"default-src 'none'; script-src {csp_hash(script)}; style-src {csp_hash(style)}; "
               "connect-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; "
               "base-uri 'none'")
        self.headers = [
            (b"content-security-policy", csp.encode()),
            (b"x-frame-options", b"DENY"),
            (b"x-content-type-options", b"nosniff"),
            (b"referrer-policy", b"no-referrer"),
            (b"cache-control", b"no-store"),
            (b"cross-origin-opener-policy", b"same-origin"),
        ]
        if tls:
            self.headers.append((b"strict-transport-security", b"max-age=31536000"))

    async def http(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Pass the request on; add the headers the response does not set itself."""

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                names = {k.lower() for k, _ in message.get("headers", [])}
                message["headers"] = list(message.get("headers", [])) + [
                    h for h in self.headers if h[0] not in names]
            await send(message)

        await self.app(scope, receive, with_headers)
