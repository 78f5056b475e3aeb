"""The counter terminal's routes: sign in with a PIN, then run one's own counter.

Plain HTML forms (they work on any tablet browser, even without JavaScript); a few lines of
JavaScript refresh the current token. Every action goes through the same ``QueueService``
as the console, so the engine's rules (own counter only, one token per call) hold here too.
Action routes answer JSON when the client asks for it (``Accept: application/json``).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qs, quote

import anyio
from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from db.models import Role, UpdateType
from services.asgi import ASGIApp
from services.auth import AuthError, AuthService
from services.clock import Clock
from services.queue import QueueError, QueueService, TokenView
from services.roles import Actor, PermissionDenied
from services.site import CounterView, SiteService
from services.slip import SlipVerdict
from services.terminal import page
from services.terminal.guard import BodyLimit, SecurityHeaders
from services.terminal.session import SessionStore, TerminalSession
from services.terminal.throttle import SignInThrottle
from services.terminal.words import STATES_UR, WORDS, pick, say, type_name
from services.terminal.words import error as error_text

log = logging.getLogger(__name__)

COOKIE = "drc_terminal"
LANG_COOKIE = "drc_lang"
"""The tablet's language (en | ur): not a secret, kept for a year so each tablet keeps its choice."""
ACTIONS = ("call", "recall", "start", "complete", "no_show", "transfer", "slip")
TERMINAL_ROLES = frozenset({Role.DEO})
"""Who may sign in at a terminal: DEOs. Supervisors and administrators use the console, so the
LAN can neither guess nor slow down their PINs."""
SIGN_IN_FAILED = WORDS["sign_in_failed"][0]
"""The one answer for a wrong PIN, an unknown user, a waiting account and a non-DEO account."""
HASHING_SLOTS = 2  # argon2 verifications at once (each takes ~64 MB and most of a core)


@dataclass
class TerminalDeps:
    """What the terminal needs from the console: the same services, injected."""

    queue: QueueService
    site: SiteService
    auth: AuthService
    clock: Clock
    sessions: SessionStore = field(default_factory=SessionStore)
    site_name: str = ""
    throttle: SignInThrottle = field(default_factory=SignInThrottle)
    tls: bool = False
    # (slip code, CNIC or "") -> verdict; None when the site has no slip secret configured.
    check_slip: Callable[[str, str], SlipVerdict] | None = None
    language: str = "en"  # the pages' language until a tablet chooses (the console's [ui] language)


class _Refused(Exception):
    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


class _Throttled(Exception):
    """The client address must wait before its next sign-in attempt."""


def desk_notes(details: dict[str, Any] | None) -> dict[str, Any]:
    """What the triage desk recorded that the DEO should know: roster changes, B-form, an override."""
    triage = (details or {}).get("triage") or {}
    return {"roster_changes": list(triage.get("roster_changes") or []), "bform": triage.get("bform"),
            "override": bool(triage.get("override")), "family_confirmed": bool(triage.get("family_member"))}


def _wants_json(request: Request) -> bool:
    return "application/json" in request.headers.get("accept", "")


async def _form(request: Request) -> dict[str, str]:
    # python-multipart is not a dependency: url-encoded forms are all the page sends. The body
    # is at most guard.MAX_BODY bytes: BodyLimit refuses anything larger before this reads it.
    body = (await request.body()).decode("utf-8", "replace").replace("\x00", "")
    return {k: v[0] for k, v in parse_qs(body, keep_blank_values=True).items()}


def _same_origin(request: Request) -> bool:
    """Reject cross-site posts when the browser says where they come from."""
    if request.headers.get("sec-fetch-site") == "cross-site":
        return False
    origin = request.headers.get("origin")
    if not origin or origin == "null":
        return True
    host = request.headers.get("host", "")
    return origin.split("://", 1)[-1] == host


def create_app(deps: TerminalDeps) -> ASGIApp:
    """The terminal's ASGI app over ``deps``, behind the body cap and the security headers."""
    app = FastAPI(title="DRC counter terminal", docs_url=None, redoc_url=None, openapi_url=None)
    hashing: list[anyio.CapacityLimiter] = []  # made on first use, inside the server's event loop

    def session_of(request: Request) -> tuple[TerminalSession, Actor] | None:
        """The live session and its account as the database has it now (None: sign in again)."""
        key = request.cookies.get(COOKIE)
        sess = deps.sessions.get(key, deps.clock.now())
        if sess is None:
            return None
        actor = deps.auth.current_actor(sess.staff_id, TERMINAL_ROLES)
        if actor is None:  # deactivated or moved to another role since signing in
            deps.sessions.revoke(key)
            return None
        return sess, actor

    def lang_of(request: Request) -> str:
        return pick(request.cookies.get(LANG_COOKIE) or deps.language)

    def own_counter(actor: Actor) -> CounterView | None:
        return next((c for c in deps.site.counters() if c.staff_id == actor.staff_id), None)

    def state(sess: TerminalSession, actor: Actor) -> dict[str, Any]:
        counter = own_counter(actor)
        current: TokenView | None = deps.queue.current_at(counter.id) if counter else None
        waiting = 0
        if counter is not None:
            types = set(counter.served_types)
            waiting = sum(1 for t in deps.queue.waiting() if t.update_type in types)
        now = deps.clock.now()
        since = (current.started_at or current.called_at) if current else None
        # The same list as the console's transfer dialog: the appeal switch and the open, staffed counters.
        targets = deps.queue.transfer_targets(current.update_type if current else None)
        return {
            "user": actor.username,
            "counter": None if counter is None else {
                "id": counter.id, "number": counter.number, "label": counter.label, "state": counter.state.value,
                "types": [t.value for t in counter.served_types],
            },
            "token": None if current is None else {
                "id": current.id, "number": current.number, "state": current.state.value,
                "update_type": current.update_type.value, "recalls": current.recall_count,
                "priority": current.priority, "desk": desk_notes(current.details),
            },
            "seconds": int((now - since).total_seconds()) if since else None,
            "waiting": waiting,
            "transfer_types": [t.value for t in targets],
            "csrf": sess.csrf,
        }

    @app.get("/", response_class=HTMLResponse)
    def home(request: Request, m: str = "", e: int = 0) -> Response:
        found = session_of(request)
        lang = lang_of(request)
        if found is None:
            return HTMLResponse(page.sign_in(deps.site_name, error="", lang=lang))
        st = state(*found)
        return HTMLResponse(page.counter(deps.site_name, st, m[:200], bool(e), list(st["transfer_types"]), lang=lang))

    @app.get("/lang/{code}")
    def choose_language(code: str) -> Response:
        resp = RedirectResponse("/", status_code=303)
        resp.set_cookie(LANG_COOKIE, pick(code), samesite="strict", secure=deps.tls, max_age=365 * 24 * 3600)
        return resp

    @app.get("/api/state")
    def api_state(request: Request) -> Response:
        found = session_of(request)
        if found is None:
            return JSONResponse({"ok": False, "message": "Not signed in"}, status_code=401)
        return JSONResponse({"ok": True, **state(*found)})

    @app.post("/login")
    async def login(request: Request) -> Response:
        if not _same_origin(request):
            return _login_failed(request, 403, say(lang_of(request), "cross_site"))
        form = await _form(request)
        username = form.get("username", "").strip()[:40]
        address = request.client.host if request.client else "?"
        if not deps.throttle.allowed(address):
            return _login_failed(request, 401, say(lang_of(request), "sign_in_failed"))
        if not hashing:
            hashing.append(anyio.CapacityLimiter(HASHING_SLOTS))

        def check() -> Actor:
            # Asked again once a hashing slot is free: a burst sent at once is cut off as soon as
            # its first failures count, instead of each waiting its turn for argon2.
            if not deps.throttle.allowed(address):
                raise _Throttled("wait")
            return deps.auth.authenticate(username, form.get("pin", "")[:128], roles=TERMINAL_ROLES,
                                          source=f"terminal {address}")

        try:
            # argon2 is slow on purpose: off the event loop, and only a few at once.
            actor = await anyio.to_thread.run_sync(check, limiter=hashing[0])
        except _Throttled:
            return _login_failed(request, 401, say(lang_of(request), "sign_in_failed"))
        except AuthError:
            deps.throttle.failed(address)
            return _login_failed(request, 401, say(lang_of(request), "sign_in_failed"))
        deps.throttle.succeeded(address)
        assert actor.staff_id is not None
        key = deps.sessions.create(actor.staff_id, deps.clock.now())
        sess = deps.sessions.get(key, deps.clock.now())
        assert sess is not None
        resp: Response
        if _wants_json(request):
            resp = JSONResponse({"ok": True, "user": actor.username, "csrf": sess.csrf})
        else:
            resp = RedirectResponse("/", status_code=303)
        resp.set_cookie(COOKIE, key, httponly=True, samesite="strict", secure=deps.tls,
                        max_age=int(deps.sessions.max_age.total_seconds()))
        return resp

    def _login_failed(request: Request, status: int, message: str) -> Response:
        if _wants_json(request):
            return JSONResponse({"ok": False, "message": message}, status_code=status)
        return HTMLResponse(page.sign_in(deps.site_name, error=message, lang=lang_of(request)), status_code=status)

    @app.post("/logout")
    def logout(request: Request) -> Response:
        deps.sessions.revoke(request.cookies.get(COOKIE))
        resp = RedirectResponse("/", status_code=303)
        resp.delete_cookie(COOKIE)
        return resp

    @app.post("/action/{name}")
    async def action(name: str, request: Request) -> Response:
        form = await _form(request)
        return await run_in_threadpool(_action, name, request, form)

    def _action(name: str, request: Request, form: dict[str, str]) -> Response:
        found = None
        lang = lang_of(request)
        try:
            if name not in ACTIONS:
                raise _Refused(404, say(lang, "no_action"))
            found = session_of(request)
            if found is None:
                raise _Refused(401, say(lang, "sign_in_again"))
            sess, actor = found
            if not _same_origin(request) or not deps.sessions.check_csrf(sess, form.get("csrf", "")):
                raise _Refused(403, say(lang, "form_expired"))
            if name == "slip":
                message, ok, status = _slip(deps, form, lang)
            else:
                message = _do(deps, actor, name, form, own_counter(actor), lang)
                ok, status = True, 200
        except PermissionDenied as exc:
            ok, status, message = False, 403, str(exc) if lang != "ur" else say(lang, "not_allowed")
        except QueueError as exc:
            ok, status, message = False, 409, error_text(lang, exc.code, exc.params, str(exc))
        except _Refused as exc:
            ok, status, message = False, exc.status, str(exc)
        except (ValueError, OverflowError) as exc:
            ok, status, message = False, 400, str(exc)[:200]
        if _wants_json(request):
            extra = state(*found) if found and status != 401 else {}
            return JSONResponse({**extra, "ok": ok, "message": message}, status_code=status)
        return RedirectResponse(f"/?m={quote(message)}&e={0 if ok else 1}", status_code=303)

    return SecurityHeaders(BodyLimit(app), script=page.SCRIPT, style=page.STYLE, tls=deps.tls)


def _slip(deps: TerminalDeps, form: dict[str, str], lang: str = "en") -> tuple[str, bool, int]:
    """Check a scanned slip (and optionally the visitor's CNIC): message, ok, HTTP status."""
    if deps.check_slip is None:
        raise _Refused(409, say(lang, "no_slip_secret"))
    verdict = deps.check_slip(form.get("code", "")[:200], form.get("cnic", "")[:20])
    if lang != "ur":
        return verdict.message(), verdict.ok, 200
    text = say(lang, f"slip_{verdict.code}", number=verdict.number, detail=verdict.detail,
               state=STATES_UR.get(verdict.state or "", verdict.state))
    if verdict.code == "ok" and verdict.cnic_match is not None:
        text += say(lang, "slip_cnic_match") if verdict.cnic_match else ""
    elif verdict.code == "ok":
        text += say(lang, "slip_no_cnic")
    return text, verdict.ok, 200


def _counter_id(form: dict[str, str], own: CounterView | None) -> int | None:
    raw = form.get("counter", "")
    if raw:
        if not raw.isdigit() or len(raw) > 9:
            raise ValueError("The counter must be a small whole number")
        return int(raw)
    return own.id if own else None


def _do(deps: TerminalDeps, actor: Actor, name: str, form: dict[str, str], own: CounterView | None,
        lang: str = "en") -> str:
    """Run one action for ``actor``; returns the message to show (in ``lang``)."""
    # The counter is normally the DEO's own; an explicit one is honoured so the engine, not
    # the page, decides whether this person may act there.
    counter_id = _counter_id(form, own)
    if counter_id is None:
        raise _Refused(409, say(lang, "unassigned_act"))
    q = deps.queue
    if name == "call":
        token = q.call_next(counter_id, actor=actor)
        return say(lang, "called", number=token.number) if token else say(lang, "nobody_waiting")
    current = q.current_at(counter_id)
    if current is None:
        raise QueueError(say(lang, "no_token"))
    if name == "recall":
        return say(lang, "recalled", number=q.recall(current.id, actor=actor).number)
    if name == "start":
        return say(lang, "serving", number=q.start(current.id, actor=actor).number)
    if name == "complete":
        return say(lang, "completed", number=q.complete(current.id, actor=actor).number)
    if name == "no_show":
        return say(lang, "marked_no_show", number=q.no_show(current.id, actor=actor).number)
    target = UpdateType(form.get("type", ""))
    # The engine refuses a type no open, staffed counter serves (a stale page: a counter closed since), and
    # transfers called tokens only from the counter that holds them.
    moved = q.transfer(current.id, target, actor=actor)
    return say(lang, "transferred", number=moved.number, type=type_name(lang, target.value))
