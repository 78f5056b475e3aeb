"""Counters-page tests use the real console context of the GUI tests."""

from tests.gui.conftest import ctx  # noqa: F401  (re-exported fixture)
