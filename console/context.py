"""Everything a page needs, built once at start-up and passed in (no globals)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from console.adapter import QueueEvents
from console.status import StatusBar
from console.tasks import TaskRunner
from db.engine import Store
from services.clock import Clock
from services.config import Config
from services.queue import QueueService, TokenView
from services.roles import Actor
from services.site import SiteService


@dataclass
class AppContext:
    """The services, workers and signed-in person of one running console."""

    config: Config
    store: Store
    clock: Clock
    site_id: str
    queue: QueueService
    site: SiteService
    tasks: TaskRunner
    events: QueueEvents
    status: StatusBar
    actor: Actor
    demo: bool = False
    # Feature slots, filled by the features that exist (None when not configured).
    registry: Any = None
    printing: Any = None
    terminal: Any = None
    extras: dict[str, Any] = field(default_factory=dict)
    on_token_issued: list[Callable[[TokenView], None]] = field(default_factory=list)
    reprint: Callable[[int], None] | None = None

    def token_issued(self, view: TokenView) -> None:
        """Tell every interested feature (printing, board) that a token was just issued."""
        for hook in list(self.on_token_issued):
            hook(view)
