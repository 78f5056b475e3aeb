"""Field tests use the shared console context (``tests/conftest.py``: ``ctx``, ``make_ctx``) and the
seeded hub database of tests/registry."""

from tests.registry.conftest import hub_db  # noqa: F401 - a fixture, used by name
