"""Board tests use the shared console context (``tests/conftest.py``: ``ctx``)."""
