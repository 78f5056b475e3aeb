"""The quality page against the real hub (seeded, on loopback), offline, and without a registry."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta

import pytest
from PySide6.QtCore import QModelIndex, Qt
from pytestqt.qtbot import QtBot

from console.context import AppContext
from console.pages.quality import SORT_ROLE, QualityPage
from services.hub.testing import free_port
from services.quality import SurveyRecord, assess
from services.registry import RegistryClient
from tests.hub.conftest import HUB_KEY, HubServer, hub, hub_sqlite_url  # noqa: F401  (fixtures reused)


@pytest.fixture
def registry(hub: HubServer) -> Iterator[RegistryClient]:  # noqa: F811
    """A client of the real hub."""
    client = RegistryClient(hub.base_url, HUB_KEY)
    yield client
    client.close()


def test_flags_per_deo_sortable_with_drill_down(qtbot: QtBot, ctx: AppContext, registry: RegistryClient) -> None:
    ctx.registry = registry
    page = QualityPage(ctx)
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: page.report is not None, timeout=15_000)
    report = page.report
    assert report is not None and report.surveys
    assert page.deo_model.rowCount() == len(report.per_deo) > 0
    # Sorted by flag rate, highest first.
    rates = [page.deo_proxy.data(page.deo_proxy.index(r, 3), SORT_ROLE) for r in range(page.deo_proxy.rowCount())]
    assert rates == sorted(rates, reverse=True)
    page.deo_table.sortByColumn(1, Qt.SortOrder.AscendingOrder)
    counts = [page.deo_proxy.data(page.deo_proxy.index(r, 1), SORT_ROLE) for r in range(page.deo_proxy.rowCount())]
    assert counts == sorted(counts)
    # All flagged surveys first; then drill down to one DEO.
    assert page.survey_model.rowCount() == len(report.flagged_surveys())
    assert all("*****" in row["cnic"] for row in page.survey_model.rows)
    page.deo_table.selectRow(0)
    deo = page.deo_model.rows[page.deo_proxy.mapToSource(page.deo_proxy.index(0, 0)).row()].deo
    assert {row["deo"] for row in page.survey_model.rows} <= {deo}
    assert page.survey_model.rowCount() == len(report.flagged_surveys(deo))
    assert "survey" in page.summary.text()


def test_offline_hub_is_said_plainly(qtbot: QtBot, ctx: AppContext) -> None:
    ctx.registry = RegistryClient(f"http://127.0.0.1:{free_port()}", "k", retries=0, connect_timeout=0.5)
    page = QualityPage(ctx)
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: "cannot be reached" in page.message.text(), timeout=10_000)
    assert page.report is None and page.refresh_button.isEnabled()
    ctx.registry.close()


def test_without_registry(qtbot: QtBot, ctx: AppContext) -> None:
    page = QualityPage(ctx)
    qtbot.addWidget(page)
    assert "No registry connection" in page.message.text()


def test_outliers_are_highlighted(qtbot: QtBot, ctx: AppContext) -> None:
    page = QualityPage(ctx)
    qtbot.addWidget(page)
    t0 = datetime(2026, 3, 4, 5, tzinfo=UTC)
    surveys = []
    for d in range(1, 5):
        for k in range(6):
            minutes = 5 if d == 4 else 28 + k
            surveys.append(SurveyRecord(f"S{d}{k}", f"deo{d}", f"35202{d}{k:07d}", f"030{d}{k:07d}", t0,
                                        t0 + timedelta(minutes=minutes), 34.39633, 73.88635,
                                        f"House {k}, Street {d}, Mohalla Khan, UC-3, Bagh", 5, "AJK",
                                        {"rooms": 2, "livestock": 0, "land_acres": 0, "has_fridge": True,
                                         "has_motorcycle": True, "has_car": False, "has_ac": False}))
    report = assess(surveys, ctx.site_id, date(2026, 3, 4), site_lat=34.39633, site_lon=73.88635)
    page.apply(report)
    row = next(i for i, d in enumerate(page.deo_model.rows) if d.deo == "deo4")
    idx = page.deo_model.index(row, 0)
    assert page.deo_model.data(idx, Qt.ItemDataRole.BackgroundRole) is not None
    assert "median survey" in page.deo_model.data(idx, Qt.ItemDataRole.ToolTipRole)
    other = page.deo_model.index((row + 1) % 4, 0)
    assert page.deo_model.data(other, Qt.ItemDataRole.BackgroundRole) is None
    assert "deo4" in page.summary.text()
    assert page.deo_model.data(QModelIndex()) is None


def test_offline_hub_is_said_in_urdu(qtbot: QtBot, ctx: AppContext, qapp) -> None:
    """The registry's own reason (unreachable, check the network) reaches an Urdu page in Urdu."""
    from PySide6.QtCore import QLocale

    from console.app import install_translations
    from tests.urdu_walk import untranslated

    tr = install_translations(qapp, "ur")
    try:
        ctx.registry = RegistryClient(f"http://127.0.0.1:{free_port()}", "k", retries=0, connect_timeout=0.5)
        page = QualityPage(ctx)
        qtbot.addWidget(page)
        qtbot.waitUntil(lambda: "مرکزی رجسٹری" in page.message.text(), timeout=10_000)
        assert untranslated([("message", page.message.text())]) == []
        ctx.registry.close()
    finally:
        qapp.removeTranslator(tr)
        qapp.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
