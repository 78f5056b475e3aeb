"""The hub's operations-centre face: ingestion, roll-ups, the regional API, data health.

Ours to run for real: every site's events arrive here idempotently, histories are checked
against the site's own state machine, and regional figures are read from roll-ups.
"""
