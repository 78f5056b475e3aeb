"""Alembic environment of the hub (own metadata and version table ``hub_alembic_version``)."""

from __future__ import annotations

from db.alembic_env import run_revisions
from services.hub.db import VERSION_TABLE, make_engine
from services.hub.models import HubBase

run_revisions(HubBase.metadata, make_engine, version_table=VERSION_TABLE)
