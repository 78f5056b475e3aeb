"""Fixtures for staff, sign-in and permission tests."""

from __future__ import annotations

import pytest

from db.engine import Store
from services.auth import AuthPolicy, AuthService, make_hasher
from services.clock import FixedClock
from tests.conftest import SITE_ID


@pytest.fixture
def auth(store: Store, clock: FixedClock, site: list[int]) -> AuthService:
    """Sign-in over the demo site, with a cheap (still argon2id) hasher and 3 tries before lockout."""
    return AuthService(store, clock, AuthPolicy(max_failures=3, lock_minutes=10), make_hasher(fast=True), SITE_ID)


