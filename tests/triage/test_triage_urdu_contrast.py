"""The triage page after a real lookup: in Urdu nothing is left in English and the CNIC, household id
and dates stay left to right; its ineligible types and their reasons are readable (>= 4.5:1)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from PySide6.QtCore import QLocale, Qt

from console.app import install_translations, make_application
from console.context import AppContext
from console.pages.triage import TriagePage
from db.models import Role, UpdateType
from services.config import Config
from services.registry import RegistryClient
from services.roles import Actor
from tests.contrast import low_contrast, measured
from tests.registry.live_hub import KEY, LiveHub
from tests.triage.test_page import _lookup
from tests.urdu_walk import LRI, PDI, unisolated, untranslated, visible_texts


@pytest.fixture
def hub(hub_db: str) -> Iterator[LiveHub]:
    h = LiveHub(hub_db).start()
    yield h
    h.stop()


@pytest.fixture
def ctx(make_ctx: Callable[..., AppContext], hub: LiveHub) -> AppContext:
    cfg = Config()
    cfg.hub.url, cfg.hub.api_key = hub.url, KEY
    cfg.hub.connect_timeout, cfg.hub.read_timeout, cfg.hub.retries = 0.5, 2.0, 0
    return make_ctx(cfg, Actor("triage", Role.TRIAGE))


@pytest.fixture
def urdu_console(qapp):
    font, palette, style = qapp.font(), qapp.palette(), qapp.style().name()
    make_application()
    tr = install_translations(qapp, "ur")
    assert tr is not None
    yield
    qapp.removeTranslator(tr)
    qapp.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    qapp.setStyle(style)
    qapp.setFont(font)
    qapp.setPalette(palette)


def test_triage_in_urdu_after_a_lookup(urdu_console, qtbot: Any, ctx: AppContext, hub: LiveHub) -> None:
    page = TriagePage(ctx)
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    cnic = RegistryClient(hub.url, KEY).demo_samples().samples["recertification"][0].cnic
    _lookup(qtbot, page, cnic)
    summary = page.summary_label.text()
    masked = f"{cnic[:5]}-*****{cnic[10:12]}-{cnic[12]}"
    assert f"{LRI}{masked}{PDI}" in summary  # the CNIC reads left to right inside the Urdu line
    texts = visible_texts(page)
    assert untranslated(texts) == [] and unisolated(texts) == []

    # Ineligible types are disabled and their reasons greyed: both still readable.
    off = [t for t, b in page.type_buttons.items() if not b.isEnabled()]
    assert UpdateType.MISSED_OUT in off
    for t in off:
        contrast = measured(page.type_buttons[t])
        assert contrast is not None and contrast[0] >= 4.5, (t, contrast)
        reason = measured(page.reason_labels[t])
        assert reason is not None and reason[0] >= 4.5, (t, reason)
    assert low_contrast(page) == []
