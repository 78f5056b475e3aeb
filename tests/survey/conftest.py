"""The hub fixtures of tests/hub, for the survey tests."""

from tests.hub.conftest import api, hub, hub_factory, hub_sqlite_url  # noqa: F401
