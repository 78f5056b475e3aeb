"""Field tests use the shared console context (``tests/conftest.py``: ``ctx``, ``make_ctx``) and the
seeded hub database of tests/registry; the kiosk's fixtures are in ``kiosk_steps``."""

from tests.field.kiosk_steps import hub, make_kiosk  # noqa: F401 - fixtures, used by name
from tests.registry.conftest import hub_db  # noqa: F401 - a fixture, used by name
