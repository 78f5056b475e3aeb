"""PIN hashing, sign-in, lockout and the first administrator."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from db.engine import Store
from db.models import AuditEntry, Role, Staff
from services.auth import DEMO_PIN, AccountLocked, AuthError, AuthService, SignInFailed, make_hasher, set_demo_pins
from services.clock import FixedClock
from services.roles import SYSTEM, Actor, PermissionDenied
from tests.conftest import SITE_ID


def _hash_of(store: Store, username: str) -> str | None:
    with store.read() as s:
        return s.scalar(select(Staff.secret_hash).where(Staff.username == username))


def test_secret_is_stored_only_as_salted_argon2id(auth: AuthService, store: Store) -> None:
    auth.create_staff("deo9", "New DEO", Role.DEO, "4711", actor=SYSTEM)
    auth.create_staff("deo10", "Other DEO", Role.DEO, "4711", actor=SYSTEM)
    h9, h10 = _hash_of(store, "deo9"), _hash_of(store, "deo10")
    assert h9 is not None and h9.startswith("$argon2id$")
    assert "4711" not in h9
    assert h9 != h10  # own salt per hash
    actor = auth.authenticate("deo9", "4711")
    assert (actor.username, actor.role) == ("deo9", Role.DEO)
    with pytest.raises(SignInFailed):
        auth.authenticate("deo9", "4712")


def test_unknown_user_and_missing_secret_fail_the_same_way(auth: AuthService) -> None:
    with pytest.raises(SignInFailed) as unknown:
        auth.authenticate("nobody", "1234")
    with pytest.raises(SignInFailed) as no_secret:  # demo staff are seeded without secrets
        auth.authenticate("deo1", "1234")
    assert str(unknown.value) == str(no_secret.value)


def test_lockout_after_failures_and_unlock_when_time_passes(auth: AuthService, clock: FixedClock) -> None:
    auth.create_staff("deo9", "New DEO", Role.DEO, "4711", actor=SYSTEM)
    for _ in range(2):
        with pytest.raises(SignInFailed):
            auth.authenticate("deo9", "0000")
    with pytest.raises(AccountLocked) as locked:
        auth.authenticate("deo9", "0000")
    assert locked.value.until == clock.now() + timedelta(minutes=10)
    # The right PIN does not help while locked.
    with pytest.raises(AccountLocked):
        auth.authenticate("deo9", "4711")
    clock.advance(timedelta(minutes=9, seconds=59))
    with pytest.raises(AccountLocked):
        auth.authenticate("deo9", "4711")
    clock.advance(timedelta(seconds=2))
    assert auth.authenticate("deo9", "4711").username == "deo9"


def test_success_resets_the_failure_count(auth: AuthService) -> None:
    auth.create_staff("deo9", "New DEO", Role.DEO, "4711", actor=SYSTEM)
    for _ in range(2):
        with pytest.raises(SignInFailed):
            auth.authenticate("deo9", "0000")
    auth.authenticate("deo9", "4711")
    for _ in range(2):
        with pytest.raises(SignInFailed):
            auth.authenticate("deo9", "0000")
    assert auth.authenticate("deo9", "4711").username == "deo9"


def test_admin_unlocks_early(auth: AuthService) -> None:
    view = auth.create_staff("deo9", "New DEO", Role.DEO, "4711", actor=SYSTEM)
    for _ in range(3):
        with pytest.raises(AuthError):
            auth.authenticate("deo9", "0000")
    with pytest.raises(PermissionDenied):
        auth.unlock(view.id, actor=Actor("deo1", Role.DEO, 999))
    auth.unlock(view.id, actor=SYSTEM)
    assert auth.authenticate("deo9", "4711").role is Role.DEO


def test_sign_in_is_audited_without_the_secret(auth: AuthService, store: Store) -> None:
    auth.create_staff("deo9", "New DEO", Role.DEO, "4711", actor=SYSTEM)
    auth.authenticate("deo9", "4711")
    with pytest.raises(SignInFailed):
        auth.authenticate("deo9", "9999")
    with store.read() as s:
        rows = s.scalars(select(AuditEntry).where(AuditEntry.actor == "deo9").order_by(AuditEntry.id)).all()
    assert [r.action for r in rows] == ["sign_in", "sign_in_failed"]
    text = repr([(r.action, r.detail) for r in rows])
    assert "4711" not in text and "9999" not in text


def test_first_admin_only_once(store: Store, clock: FixedClock) -> None:
    from services.provision import ensure_site

    ensure_site(store, "PK10101-01", "DRC Bagh")
    auth = AuthService(store, clock, hasher=make_hasher(fast=True))
    assert auth.needs_first_admin()
    with pytest.raises(AuthError):
        auth.create_first_admin("root", "Root", "12")  # too short
    admin = auth.create_first_admin("root", "Site Admin", "s3cret-pass")
    assert admin.role is Role.ADMIN and admin.staff_id is not None
    assert not auth.needs_first_admin()
    with pytest.raises(PermissionDenied):
        auth.create_first_admin("root2", "Another", "s3cret-pass")
    assert auth.authenticate("root", "s3cret-pass").username == "root"


def test_staff_management_needs_the_admin(auth: AuthService) -> None:
    supervisor = Actor("supervisor", Role.SUPERVISOR, 2)
    with pytest.raises(PermissionDenied):
        auth.create_staff("x", "X", Role.DEO, "1234", actor=supervisor)
    deo = auth.create_staff("deo9", "New DEO", Role.DEO, "4711", actor=SYSTEM)
    with pytest.raises(PermissionDenied):
        auth.set_secret(deo.id, "5555", actor=supervisor)
    # Anybody may change their own PIN.
    auth.set_secret(deo.id, "5555", actor=Actor("deo9", Role.DEO, deo.id))
    assert auth.authenticate("deo9", "5555").username == "deo9"


def test_demo_pins(auth: AuthService, store: Store) -> None:
    assert auth.needs_first_admin()  # demo staff exist but cannot sign in yet
    n = set_demo_pins(store, hasher=make_hasher(fast=True))
    assert n == 10  # admin, supervisor, triage, manager, deo1..deo6
    assert not auth.needs_first_admin()
    for user in ("admin", "supervisor", "triage", "manager", "deo1", "deo6"):
        assert auth.authenticate(user, DEMO_PIN).username == user
    assert set_demo_pins(store, hasher=make_hasher(fast=True)) == 0


def test_the_wait_grows_with_each_failure_up_to_a_cap(store: Store, clock: FixedClock, site: list[int]) -> None:
    """No hard lock: an administrator typed at wrongly waits 1, 2, 4 ... minutes, at most 15."""
    from services.auth import AuthPolicy

    auth = AuthService(store, clock, AuthPolicy(), make_hasher(fast=True), SITE_ID)
    auth.create_staff("boss", "Admin", Role.ADMIN, "4711", actor=SYSTEM)
    waits = []
    for _ in range(12):
        with pytest.raises(AuthError) as err:
            auth.authenticate("boss", "0000")
        if isinstance(err.value, AccountLocked):
            waits.append(round((err.value.until - clock.now()).total_seconds() / 60))
            clock.advance(err.value.until - clock.now())
    assert waits == [1, 2, 4, 8, 15, 15, 15, 15]
    assert auth.authenticate("boss", "4711").role is Role.ADMIN


def test_accounts_outside_the_allowed_roles_are_like_unknown_ones(auth: AuthService, store: Store) -> None:
    """A counter terminal (roles={DEO}) learns nothing about, and cannot delay, a supervisor's PIN."""
    auth.create_staff("sup9", "Sup", Role.SUPERVISOR, "4711", actor=SYSTEM)
    deo_only = frozenset({Role.DEO})
    with pytest.raises(SignInFailed) as right_pin:
        auth.authenticate("sup9", "4711", roles=deo_only)
    for _ in range(6):
        with pytest.raises(SignInFailed) as wrong_pin:
            auth.authenticate("sup9", "0000", roles=deo_only)
    assert str(right_pin.value) == str(wrong_pin.value)
    with store.read() as s:
        st = s.scalar(select(Staff).where(Staff.username == "sup9"))
        assert st is not None and st.failed_attempts == 0 and st.locked_until is None
    assert auth.authenticate("sup9", "4711").role is Role.SUPERVISOR


def test_current_actor_follows_deactivation_and_role_changes(auth: AuthService) -> None:
    view = auth.create_staff("deo9", "New DEO", Role.DEO, "4711", actor=SYSTEM)
    assert auth.current_actor(view.id) == Actor("deo9", Role.DEO, view.id)
    auth.set_active(view.id, False, actor=SYSTEM)
    assert auth.current_actor(view.id) is None
    with pytest.raises(SignInFailed):
        auth.authenticate("deo9", "4711")
    assert auth.current_actor(424242) is None
