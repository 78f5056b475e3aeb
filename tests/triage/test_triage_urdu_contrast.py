"""The triage page after a real lookup: in Urdu nothing is left in English and the CNIC, household id
and dates stay left to right; its ineligible types and their reasons are readable (>= 4.5:1)."""

from __future__ import annotations

from typing import Any

from console.context import AppContext
from console.pages.triage import TriagePage
from db.models import UpdateType
from services.registry import RegistryClient
from tests.contrast import low_contrast, measured
from tests.registry.live_hub import KEY, LiveHub
from tests.triage.test_page import _lookup
from tests.urdu_walk import LRI, PDI, unisolated, untranslated, visible_texts


def test_triage_in_urdu_after_a_lookup(urdu, console_look, qtbot: Any, ctx: AppContext, hub: LiveHub) -> None:
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
