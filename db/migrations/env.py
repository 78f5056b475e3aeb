"""Alembic environment for the site store; the engine comes from ``db.engine``."""

from __future__ import annotations

from db.alembic_env import run_revisions
from db.engine import make_engine
from db.models import Base

run_revisions(Base.metadata, make_engine, batch=True)
