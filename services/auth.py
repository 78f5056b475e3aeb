"""Staff accounts and sign-in: argon2id hashes, a progressive delay after repeated failures, audit.

Secrets (PINs or passwords) are never stored, logged or audited; only an argon2id hash with
its own salt lives in ``Staff.secret_hash``. After ``max_failures`` wrong secrets in a row an
account must wait before the next try, and the wait doubles with each further failure up to a
cap: guessing gets slow, but nobody (an administrator least of all) is locked out for long by
someone typing wrong PINs on the LAN. Time comes from the injected clock, so it is testable.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlalchemy import select
from sqlalchemy.orm import Session

from db.engine import Store
from db.models import AuditEntry, Role, Staff
from services.clock import Clock
from services.roles import SYSTEM, Actor, Permission, PermissionDenied

DEMO_PIN = "1234"
"""The PIN every demo account gets in ``--demo`` (documented in the README)."""


class AuthError(Exception):
    """Signing in or changing an account failed; the message is fit to show the user."""


class SignInFailed(AuthError):
    """Unknown user, wrong secret or inactive account (deliberately not told apart)."""


class AccountLocked(AuthError):
    """Too many wrong secrets: the account is locked until ``until`` (aware UTC)."""

    def __init__(self, until: datetime) -> None:
        super().__init__("Too many wrong attempts: this account is locked for a while")
        self.until = until


@dataclass(frozen=True)
class AuthPolicy:
    """How strict sign-in is."""

    max_failures: int = 5
    lock_minutes: float = 1.0  # the first wait; each further failure doubles it
    max_lock_minutes: float = 15.0
    min_secret_length: int = 4

    def delay(self, failures: int) -> timedelta:
        """How long an account waits after ``failures`` wrong secrets in a row (zero below the limit)."""
        if failures < self.max_failures:
            return timedelta(0)
        minutes = self.lock_minutes * 2 ** min(failures - self.max_failures, 20)
        return timedelta(minutes=min(minutes, max(self.max_lock_minutes, self.lock_minutes)))


@dataclass(frozen=True)
class StaffView:
    """A staff member as lists and combo boxes show them (no hash)."""

    id: int
    username: str
    full_name: str
    role: Role
    active: bool
    has_secret: bool
    locked_until: datetime | None


def make_hasher(fast: bool = False) -> PasswordHasher:
    """An argon2id hasher; ``fast`` lowers the cost for tests only (still argon2id, still salted)."""
    if fast:
        return PasswordHasher(time_cost=1, memory_cost=8 * 1024, parallelism=1)
    return PasswordHasher()  # argon2id, RFC 9106 low-memory profile


class AuthService:
    """Creates staff, sets secrets and signs people in for one site store."""

    def __init__(self, store: Store, clock: Clock, policy: AuthPolicy | None = None,
                 hasher: PasswordHasher | None = None, site_id: str | None = None) -> None:
        self.store = store
        self.clock = clock
        self.policy = policy or AuthPolicy()
        self.hasher = hasher or make_hasher()
        self.site_id = site_id
        self._dummy: str | None = None

    # ---- helpers ---------------------------------------------------------------------
    @property
    def _dummy_hash(self) -> str:
        # Verified against when the user is unknown, so a miss costs the same time as a hit.
        if self._dummy is None:
            self._dummy = self.hasher.hash("not-a-real-secret")
        return self._dummy

    def _audit(self, s: Session, actor: str, action: str, **detail: Any) -> None:
        s.add(AuditEntry(at=self.clock.now(), actor=actor[:40], action=action, detail=detail))

    def _check_secret(self, secret: str) -> None:
        if len(secret) < self.policy.min_secret_length:
            raise AuthError(f"The PIN or password needs at least {self.policy.min_secret_length} characters")

    @staticmethod
    def _view(st: Staff) -> StaffView:
        return StaffView(st.id, st.username, st.full_name, st.role, st.active, bool(st.secret_hash), st.locked_until)

    # ---- accounts --------------------------------------------------------------------
    def needs_first_admin(self) -> bool:
        """True while no active administrator can sign in (first run): ask to create one."""
        with self.store.read() as s:
            found = s.scalar(
                select(Staff.id).where(Staff.role == Role.ADMIN, Staff.active.is_(True), Staff.secret_hash.is_not(None))
                .limit(1)
            )
            return found is None

    def create_first_admin(self, username: str, full_name: str, secret: str) -> Actor:
        """Create the first administrator; refused once one exists. Returns the signed-in admin."""
        self._check_secret(secret)
        username = username.strip()
        if not username:
            raise AuthError("A username is needed")
        digest = self.hasher.hash(secret)
        with self.store.session() as s, s.begin():
            exists = s.scalar(select(Staff.id).where(Staff.role == Role.ADMIN, Staff.secret_hash.is_not(None)).limit(1))
            if exists is not None:
                raise PermissionDenied("An administrator already exists; sign in instead", code="admin_exists")
            st = s.scalar(select(Staff).where(Staff.username == username))
            if st is None:
                st = Staff(site_id=self.site_id, username=username, full_name=full_name.strip() or username,
                           role=Role.ADMIN)
                s.add(st)
            st.role, st.secret_hash, st.active = Role.ADMIN, digest, True
            st.failed_attempts, st.locked_until = 0, None
            s.flush()
            self._audit(s, SYSTEM.username, "first_admin_created", username=username)
            return Actor(st.username, st.role, st.id)

    def create_staff(self, username: str, full_name: str, role: Role, secret: str | None = None, *,
                     actor: Actor) -> StaffView:
        """Add a staff member (admin only); ``secret`` may be set later with :meth:`set_secret`."""
        actor.require(Permission.MANAGE_STAFF)
        username = username.strip()
        if not username:
            raise AuthError("A username is needed")
        if secret is not None:
            self._check_secret(secret)
        digest = self.hasher.hash(secret) if secret is not None else None
        with self.store.session() as s, s.begin():
            if s.scalar(select(Staff.id).where(Staff.username == username)) is not None:
                raise AuthError(f"The username {username} is taken")
            st = Staff(site_id=self.site_id, username=username, full_name=full_name.strip() or username,
                       role=Role(role), secret_hash=digest)
            s.add(st)
            s.flush()
            self._audit(s, actor.username, "staff_created", username=username, role=st.role.value)
            return self._view(st)

    def set_secret(self, staff_id: int, secret: str, *, actor: Actor) -> None:
        """Set or change a PIN/password: an admin for anyone, anybody for themselves."""
        if actor.staff_id != staff_id:
            actor.require(Permission.MANAGE_STAFF)
        self._check_secret(secret)
        digest = self.hasher.hash(secret)
        with self.store.session() as s, s.begin():
            st = s.get(Staff, staff_id)
            if st is None:
                raise AuthError(f"No staff member with id {staff_id}")
            st.secret_hash, st.failed_attempts, st.locked_until = digest, 0, None
            self._audit(s, actor.username, "secret_set", username=st.username)

    def unlock(self, staff_id: int, *, actor: Actor) -> None:
        """Lift a lockout before it expires (admin)."""
        actor.require(Permission.MANAGE_STAFF)
        with self.store.session() as s, s.begin():
            st = s.get(Staff, staff_id)
            if st is None:
                raise AuthError(f"No staff member with id {staff_id}")
            st.failed_attempts, st.locked_until = 0, None
            self._audit(s, actor.username, "account_unlocked", username=st.username)

    def staff(self, role: Role | None = None, *, active_only: bool = True) -> list[StaffView]:
        """Staff members by name (optionally one role)."""
        with self.store.read() as s:
            q = select(Staff).order_by(Staff.full_name)
            if role is not None:
                q = q.where(Staff.role == role)
            if active_only:
                q = q.where(Staff.active.is_(True))
            return [self._view(st) for st in s.scalars(q)]

    # ---- sign-in ---------------------------------------------------------------------
    def authenticate(self, username: str, secret: str, *, roles: frozenset[Role] | None = None,
                     source: str = "") -> Actor:
        """The :class:`Actor` for a correct username and secret.

        Raises :class:`SignInFailed` (unknown user, wrong secret, inactive, or - with ``roles`` -
        an account of another role) or :class:`AccountLocked` while the account must wait. An
        account outside ``roles`` is treated exactly like an unknown one: its secret is not
        checked and its failure count is not touched, so a counter terminal cannot be used to
        guess, or delay, a supervisor's or administrator's PIN. Every attempt is audited
        without the secret (with ``source``, e.g. the terminal client's address, when given); each
        path costs one argon2 verification.
        """
        username = username.strip()
        now = self.clock.now()
        outcome: AuthError | None = None
        actor: Actor | None = None
        where = {"source": source[:60]} if source else {}
        with self.store.session() as s, s.begin():
            st = s.scalar(select(Staff).where(Staff.username == username))
            if st is None or not st.active or not st.secret_hash or (roles is not None and st.role not in roles):
                self._verify(self._dummy_hash, secret)
                outcome = SignInFailed("Unknown user or wrong PIN")
                reason = "not_permitted" if st is not None and st.active and st.secret_hash else "unknown_or_inactive"
                self._audit(s, username or "?", "sign_in_failed", reason=reason, **where)
            elif st.locked_until is not None and st.locked_until > now:
                # No verification against the real hash while waiting: guessing gives nothing.
                self._verify(self._dummy_hash, secret)
                outcome = AccountLocked(st.locked_until)
                self._audit(s, username, "sign_in_failed", reason="locked", **where)
            elif self._verify(st.secret_hash, secret):
                if self.hasher.check_needs_rehash(st.secret_hash):
                    st.secret_hash = self.hasher.hash(secret)
                st.failed_attempts, st.locked_until = 0, None
                actor = Actor(st.username, st.role, st.id)
                self._audit(s, username, "sign_in", role=st.role.value, **where)
            else:
                st.failed_attempts = (st.failed_attempts or 0) + 1
                wait = self.policy.delay(st.failed_attempts)
                if wait:
                    st.locked_until = now + wait
                    outcome = AccountLocked(st.locked_until)
                    self._audit(s, username, "account_locked", minutes=wait.total_seconds() / 60,
                                attempts=st.failed_attempts, **where)
                else:
                    outcome = SignInFailed("Unknown user or wrong PIN")
                    self._audit(s, username, "sign_in_failed", reason="wrong_secret",
                                attempts=st.failed_attempts, **where)
        if outcome is not None:
            raise outcome
        assert actor is not None
        return actor

    def current_actor(self, staff_id: int, roles: frozenset[Role] | None = None) -> Actor | None:
        """The account as it is now (role, active), or None if it is gone, inactive or outside ``roles``.

        Sessions call this on every request, so deactivating someone or changing their role
        takes effect at once instead of when a cookie expires.
        """
        with self.store.read() as s:
            st = s.get(Staff, staff_id)
            if st is None or not st.active or (roles is not None and st.role not in roles):
                return None
            return Actor(st.username, st.role, st.id)

    def set_active(self, staff_id: int, active: bool, *, actor: Actor) -> None:
        """Activate or deactivate an account (admin); a deactivated account cannot sign in or act."""
        actor.require(Permission.MANAGE_STAFF)
        with self.store.session() as s, s.begin():
            st = s.get(Staff, staff_id)
            if st is None:
                raise AuthError(f"No staff member with id {staff_id}")
            st.active = active
            self._audit(s, actor.username, "staff_active", username=st.username, active=active)

    def _verify(self, digest: str, secret: str) -> bool:
        try:
            return bool(self.hasher.verify(digest, secret))
        except (VerifyMismatchError, VerificationError, InvalidHashError):
            return False


def set_demo_pins(store: Store, pin: str = DEMO_PIN, hasher: PasswordHasher | None = None) -> int:
    """Give every staff member without a secret the demo PIN (``--demo`` only); returns how many.

    One hash is shared (argon2 salts per hash, so this is only acceptable for throw-away demos).
    """
    digest = (hasher or make_hasher()).hash(pin)
    with store.session() as s, s.begin():
        rows = s.scalars(select(Staff).where(Staff.secret_hash.is_(None))).all()
        for st in rows:
            st.secret_hash = digest
        return len(rows)
