"""The GUI context fixture of tests/gui, shared with the field tests (backup timer, diagnostics page)."""

from tests.gui.conftest import ctx  # noqa: F401 - a fixture, used by name
