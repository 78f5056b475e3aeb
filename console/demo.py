"""The ``--demo`` environment: a throw-away database, preview printer, demo staff, local hub."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from db.models import Role, UpdateType
from services.config import Config
from services.queue import QueueService
from services.roles import Actor


@dataclass
class DemoEnv:
    """A prepared demo: its folder and what to stop when the window closes."""

    data_dir: Path
    stops: list[Callable[[], None]] = field(default_factory=list)

    def close(self) -> None:
        """Stop background servers and delete the throw-away folder."""
        for stop in reversed(self.stops):
            try:
                stop()
            except Exception:  # noqa: S110 - closing a demo must not fail on a half-started part
                pass
        shutil.rmtree(self.data_dir, ignore_errors=True)


def prepare_demo(cfg: Config) -> DemoEnv:
    """Point ``cfg`` at a temporary database and preview folder; nothing is read from the user's setup."""
    data_dir = Path(tempfile.mkdtemp(prefix="drc-demo-"))
    cfg.database.url = f"sqlite:///{data_dir / 'site.sqlite3'}"
    cfg.printer.backend = "preview"
    cfg.printer.preview_dir = str(data_dir / "slips")
    if not cfg.printer.qr_secret:
        cfg.printer.qr_secret = "demo-site-secret"
    return DemoEnv(data_dir)


def demo_walk_ins(queue: QueueService) -> None:
    """A few visitors already in line, so the demo opens on a living queue (only on an empty day)."""
    if queue.tokens():
        return
    triage = Actor("triage", Role.TRIAGE)
    mix = [UpdateType.ROSTER, UpdateType.MISSED_OUT, UpdateType.RECERTIFICATION, UpdateType.ROSTER,
           UpdateType.CYCLIC, UpdateType.SHOCK, UpdateType.ROSTER, UpdateType.MISSED_OUT]
    for i, t in enumerate(mix):
        queue.issue_token(t, actor=triage, priority=i == 2, priority_reason="elderly" if i == 2 else None)
