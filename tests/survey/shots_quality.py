"""Screenshots of the Quality page's reconciliation and the dashboard's surveys (run by hand, not collected)."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import requests
from pytestqt.qtbot import QtBot

from console.app import install_translations
from console.context import AppContext
from console.pages.quality import QualityPage
from services.registry import RegistryClient
from tests.hub.conftest import SITE_ID, SITE_KEY, HubServer, seeded_hub_db

OUT = Path("/work/shots/survey")
T0 = datetime(2026, 3, 4, 4, 0, tzinfo=UTC)


def _events(token: int, deo: str) -> list[dict[str, Any]]:
    out = []
    for k, (kind, minute) in enumerate((("issued", 0), ("called", 4), ("started", 5), ("completed", 25))):
        out.append({"uuid": str(uuid.uuid4()), "token_id": token, "token_number": f"R-{token:03d}",
                    "update_type": "roster", "priority": False, "kind": kind,
                    "at": (T0 + timedelta(minutes=token * 11 + minute)).isoformat(),
                    "actor": "triage" if k == 0 else deo, "operator": "triage" if k == 0 else deo,
                    "counter": None if k == 0 else 1,
                    "payload": {"update_type": "roster", "priority": False} if k == 0 else {}})
    return out


def test_shots(qtbot: QtBot, qapp: Any, ctx: AppContext, tmp_path: Path,
               hub_factory: Callable[[str], HubServer]) -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    hub = hub_factory(seeded_hub_db(f"sqlite:///{tmp_path / 'hub.sqlite3'}", households=300, paradata_days=1))
    auth = {"Authorization": f"Bearer {SITE_KEY}"}
    events = [e for t in range(1, 9) for e in _events(t, f"deo{1 + t % 3}")]
    requests.post(hub.url(f"/v1/sites/{SITE_ID}/events"), json={"events": events}, headers=auth, timeout=10)
    client = RegistryClient(hub.base_url, hub.api_key)
    ctx.registry = client
    for lang in ("en", "ur"):
        tr = install_translations(qapp, lang) if lang == "ur" else None
        page = QualityPage(ctx)
        qtbot.addWidget(page)
        page.resize(1366, 900)
        page.show()
        qtbot.waitUntil(lambda p=page: p.reconcile.result is not None and p.report is not None, timeout=15_000)
        qtbot.wait(200)
        page.grab().save(str(OUT / f"quality-reconcile-{lang}.png"))
        page.close()
        if tr is not None:
            qapp.removeTranslator(tr)
            from PySide6.QtCore import Qt
            qapp.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
    client.close()


def test_shot_dashboard(qtbot: QtBot, qapp: Any, ctx: AppContext, site: list[int], tmp_path: Path,
                        hub_factory: Callable[[str], HubServer]) -> None:
    from PySide6.QtCore import Qt

    from console.pages.dashboard import DashboardPage
    from db.models import UpdateType
    from services.roles import Actor, Role

    OUT.mkdir(parents=True, exist_ok=True)
    hub = hub_factory(seeded_hub_db(f"sqlite:///{tmp_path / 'hub.sqlite3'}", households=300, paradata_days=1))
    client = RegistryClient(hub.base_url, hub.api_key)
    supervisor, triage = Actor("supervisor", Role.SUPERVISOR), Actor("triage", Role.TRIAGE)
    for counter in site[:3]:
        t = ctx.queue.issue_token(UpdateType.ROSTER, actor=triage)
        if ctx.queue.call_next(counter, actor=supervisor) is None:
            continue
        ctx.queue.start(t.id, actor=supervisor)
        ctx.clock.advance(600)  # type: ignore[attr-defined]
        ctx.queue.complete(t.id, actor=supervisor)
    ctx.registry = client
    for lang in ("en", "ur"):
        tr = install_translations(qapp, lang) if lang == "ur" else None
        page = DashboardPage(ctx)
        qtbot.addWidget(page)
        page.resize(1366, 768)
        page.show()
        qtbot.waitUntil(lambda p=page: p.surveys.available and bool(p.deo_surveys.text()), timeout=15_000)
        qtbot.wait(300)
        page.grab().save(str(OUT / f"dashboard-surveys-{lang}.png"))
        page.close()
        if tr is not None:
            qapp.removeTranslator(tr)
            qapp.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
    client.close()
