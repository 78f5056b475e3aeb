"""The Centre quality page (#11 item 3) against a real hub on loopback: each tab shows what the hub's API
returns for the key's scope, a survey opens in the drill-down, and a supervisor's override made at a
site's triage desk appears at the centre."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
import requests
from PySide6.QtWidgets import QTableWidget

from console.context import AppContext
from console.pages.centre import CentreQualityPage
from console.pages.triage import TriagePage
from db.models import Role, UpdateType
from services.clock import FixedClock, business_day
from services.cnic import mask_cnic
from services.config import Config
from services.hub.testing import run_hub_in_thread
from services.roles import Actor
from tests.hub.conftest import HUB_KEY, SITE_ID, SITE_KEY, HubServer, seeded_hub_db
from tests.registry.live_hub import CENTRAL_KEY, LiveHub
from tests.survey.test_central_api import (
    AJK_KEY,
    AJK_OTHER,
    AJK_TWICE,
    PHONE,
    SINDH_KEY,
    SINDH_SITE,
    TWICE,
    _override,
)
from tests.survey.test_central_quality import _send, _survey, _token
from tests.triage.conftest import hub_db  # noqa: F401 - the seeded hub of the triage desk's path
from tests.triage.test_desk_paths import _context, _issue
from tests.triage.test_page import _lookup, _samples

# Reviews are listed by when they were made (the hub's wall clock), so this page's clock runs on the real
# day, and the surveys lie three days before it: inside the page's default "Last 7 days".
NOW = datetime.now(UTC)
DAY = business_day(NOW) - timedelta(days=3)
FULL_CNIC = re.compile(r"\d{13}|\d{5}-\d{7}-\d")
MANAGER = Actor("manager", Role.REGIONAL_MANAGER)


@pytest.fixture
def centre_hub(tmp_path: Path, clock: FixedClock) -> Iterator[HubServer]:
    """A SQLite hub seeded for every DRC, with duplicates within AJK and across AJK and Sindh, a reviewed
    survey, and an override in each region (the console's clock set to today)."""
    clock.set(NOW)
    url = seeded_hub_db(f"sqlite:///{tmp_path / 'hub.sqlite3'}", households=300, paradata_days=1)
    keys = {SITE_ID: SITE_KEY, "region:Sindh": SINDH_KEY, "region:AJK": AJK_KEY}
    base, stop = run_hub_in_thread(url, HUB_KEY, site_keys=keys, today=lambda: business_day(NOW))
    hub = HubServer(base, HUB_KEY, url, stop)
    try:
        _send(hub, SITE_ID, SITE_KEY, _token(1, DAY) + _token(2, DAY) + _token(3, DAY) + _token(5, DAY)
              + [_override(9, DAY, "supervisor", "NADRA letter seen, card renewed", "61101-*****77-1")],
              [_survey("A-1", 1, DAY, cnic=TWICE, phone="03001110001"),
               _survey("A-2", 2, DAY, cnic="6110100000002", phone=PHONE),
               _survey("A-3", 3, DAY, cnic="6110100000003", phone="03001110003", minutes=3.5),
               _survey("A-5", 5, DAY, cnic=AJK_TWICE, phone="03001110005")])
        _send(hub, AJK_OTHER, HUB_KEY, _token(1, DAY + timedelta(days=1)),
              [_survey("B-1", 1, DAY + timedelta(days=1), cnic=AJK_TWICE, phone="03001110006")])
        _send(hub, SINDH_SITE, HUB_KEY, _token(1, DAY + timedelta(days=2))
              + [_override(7, DAY + timedelta(days=2), "sup.sindh", "Court order shown to the supervisor",
                           "4210112345671")],
              [_survey("S-1", 1, DAY + timedelta(days=2), cnic=TWICE, phone="03001110007")])
        review = requests.post(hub.url("/v1/surveys/A-3/reviews"), headers={"Authorization": f"Bearer {SITE_KEY}"},
                               json={"action": "return", "by": "supervisor", "note": "Survey of 3 minutes: redo"},
                               timeout=10)
        assert review.status_code == 201, review.text
        yield hub
    finally:
        stop()


def _page(qtbot: Any, make_ctx: Callable[..., AppContext], url: str, key: str) -> CentreQualityPage:
    cfg = Config()
    cfg.hub.url, cfg.hub.api_key = url, key
    cfg.hub.connect_timeout, cfg.hub.read_timeout, cfg.hub.retries = 2.0, 30.0, 0
    page = CentreQualityPage(make_ctx(cfg, MANAGER))
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.sig_loaded, timeout=60000):
        page.show()
    return page


def _rows(table: QTableWidget) -> list[list[str]]:
    return [[(table.item(r, c).text() if table.item(r, c) else "") for c in range(table.columnCount())]
            for r in range(table.rowCount())]


def _api(hub: HubServer, path: str, key: str, **extra: str) -> Any:
    params = {"from": (DAY - timedelta(days=3)).isoformat(), "to": (DAY + timedelta(days=3)).isoformat(), **extra}
    resp = requests.get(hub.url(path), params=params, headers={"Authorization": f"Bearer {key}"}, timeout=60)
    assert resp.status_code == 200, resp.text
    return resp.json()


def test_each_tab_shows_what_the_hub_answers_for_the_regional_key(
        qtbot: Any, make_ctx: Callable[..., AppContext], centre_hub: HubServer) -> None:
    hub = centre_hub
    page = _page(qtbot, make_ctx, hub.base_url, AJK_KEY)
    shown = [cell for table in (page.groups, page.flagged, page.reviews, page.overrides) for row in _rows(table)
             for cell in row]
    assert not any(FULL_CNIC.search(cell) for cell in shown)  # masked everywhere

    dups = _api(hub, "/v1/surveys/duplicates", AJK_KEY, window_days="30")
    assert [(r[1], int(r[2]), int(r[3])) for r in _rows(page.groups)] == [
        (g["value"], g["sites"], len(g["surveys"])) for g in dups["groups"]]
    ids = [sorted(m["survey_id"] for m in g["surveys"]) for g in dups["groups"]]
    assert ["A-1", "S-1"] in ids and ["A-5", "B-1"] in ids
    flagged = _api(hub, "/v1/surveys/flagged", AJK_KEY)["surveys"]
    assert [r[0] for r in _rows(page.flagged)] == [s["survey_id"] for s in flagged]
    a3 = next(r for r in _rows(page.flagged) if r[0] == "A-3")
    assert "Survey too short" in a3[5] and a3[6] == "Returned to DEO"
    reviews = _api(hub, "/v1/surveys/reviews", AJK_KEY)["reviews"]
    assert [(r[2], r[5]) for r in _rows(page.reviews)] == [(r["survey_id"], r["note"]) for r in reviews] == [
        ("A-3", "Survey of 3 minutes: redo")]
    assert [(r[1], r[2], r[4], r[5], r[6]) for r in _rows(page.overrides)] == [
        (SITE_ID, "R-009", "61101-*****77-1", "supervisor", "NADRA letter seen, card renewed")]  # not Sindh's

    # A group's surveys, and one opened: its paradata masked and why it is flagged.
    row = next(i for i, g in enumerate(page._groups) if {m.survey_id for m in g.surveys} == {"A-1", "S-1"})
    page.groups.setCurrentCell(row, 0)
    assert sorted(r[0] for r in _rows(page.members)) == ["A-1", "S-1"]
    member = next(i for i, r in enumerate(_rows(page.members)) if r[0] == "A-1")
    page.members.setCurrentCell(member, 0)
    with qtbot.waitSignal(page.sig_survey_shown, timeout=30000) as opened:
        page.open_survey.click()
    assert opened.args == ["A-1"]
    dialog = page.dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.fields["CNIC"].text() == mask_cnic(TWICE) and TWICE not in dialog.fields["Phone"].text()
    assert any("Same CNIC at another DRC" in label.text()
               and "1 other survey(s) with the same value within 30 days, at 2 DRCs" in label.text()
               for label in dialog.flag_labels)

    # The flagged tab's row opens too, with the supervisor's note.
    with qtbot.waitSignal(page.sig_survey_shown, timeout=30000):
        page._open_row(page.flagged, [r[0] for r in _rows(page.flagged)].index("A-3"))
    assert page.dialog is not None and any("Survey of 3 minutes: redo" in x.text() for x in page.dialog.review_labels)
    assert any("Survey too short" in x.text() for x in page.dialog.flag_labels)


def test_duplicates_come_a_page_at_a_time(qtbot: Any, make_ctx: Callable[..., AppContext],
                                         centre_hub: HubServer) -> None:
    page = _page(qtbot, make_ctx, centre_hub.base_url, AJK_KEY)
    every = [g.value for g in page._groups]
    assert len(every) == 2 and not page.more.isEnabled()
    page.page_size = 1
    with qtbot.waitSignal(page.sig_loaded, timeout=30000):
        page.reload()
    assert [g.value for g in page._groups] == every[:1] and page.more.isEnabled()
    page.more.click()
    qtbot.waitUntil(lambda: len(page._groups) == 2, timeout=30000)
    assert [g.value for g in page._groups] == every and page.groups.rowCount() == 2
    if page.more.isEnabled():  # the page was full at the end of a kind: the next kinds may still hold groups
        page.more.click()
        qtbot.waitUntil(lambda: page.ctx.tasks.pending == 0 and page._next is None, timeout=30000)
    assert [g.value for g in page._groups] == every and not page.more.isEnabled()


def test_a_regional_key_sees_only_its_region(qtbot: Any, make_ctx: Callable[..., AppContext],
                                             centre_hub: HubServer) -> None:
    page = _page(qtbot, make_ctx, centre_hub.base_url, SINDH_KEY)
    groups = [sorted(m.survey_id for m in g.surveys) for g in page._groups]
    assert ["A-1", "S-1"] in groups and ["A-5", "B-1"] not in groups  # AJK's own duplicates stay in AJK
    assert all(r[1].startswith("PK7") for r in _rows(page.flagged))
    assert [(r[1], r[4]) for r in _rows(page.overrides)] == [(SINDH_SITE, "42101-*****67-1")]
    assert _rows(page.reviews) == []
    # Asking for another region is refused by the hub, and the page says so instead of showing empty tables.
    with qtbot.waitSignal(page.sig_failed, timeout=30000) as failed:
        page.region.setCurrentIndex(page.region.findData("AJK"))
    assert "may not read that region" in failed.args[0]
    assert page.status.text() == failed.args[0]


def test_a_region_chosen_with_the_central_key_scopes_every_tab(
        qtbot: Any, make_ctx: Callable[..., AppContext], centre_hub: HubServer) -> None:
    # The central key reads every region, so only the page's own `region=` narrows what the hub answers:
    # each of the four requests must carry it, and each tab holds AJK content to tell if one does not.
    page = _page(qtbot, make_ctx, centre_hub.base_url, HUB_KEY)

    def seen() -> dict[str, set[str]]:
        return {"groups": {m.survey_id for g in page._groups for m in g.surveys},
                "flagged": {r[0] for r in _rows(page.flagged)},
                "reviews": {r[2] for r in _rows(page.reviews)},
                "overrides": {r[1] for r in _rows(page.overrides)}}

    everywhere = seen()
    assert {"A-5", "B-1", "S-1"} <= everywhere["groups"] and "A-3" in everywhere["flagged"]
    assert everywhere["reviews"] == {"A-3"} and everywhere["overrides"] == {SITE_ID, SINDH_SITE}
    with qtbot.waitSignal(page.sig_loaded, timeout=60000):
        page.region.setCurrentIndex(page.region.findData("Sindh"))
    sindh = seen()
    assert "S-1" in sindh["groups"] and not {"A-5", "B-1"} & sindh["groups"]  # AJK's own pair is not Sindh's
    assert "A-3" not in sindh["flagged"] and all(r[1].startswith("PK7") for r in _rows(page.flagged))
    assert sindh["reviews"] == set() and sindh["overrides"] == {SINDH_SITE}


def test_an_override_at_a_sites_triage_desk_appears_at_the_centre(
        qtbot: Any, make_ctx: Callable[..., AppContext], hub_db: str) -> None:  # noqa: F811
    hub = LiveHub(hub_db).start()
    try:
        cnic = _samples(hub).samples["blocked"][0].cnic
        sup = _context(make_ctx, hub.url, Actor("supervisor", Role.SUPERVISOR), sync_interval_ms=100)
        desk = TriagePage(sup)
        qtbot.addWidget(desk)
        _lookup(qtbot, desk, cnic)
        desk.desk.override_box.setChecked(True)
        desk.type_buttons[UpdateType.ROSTER].setChecked(True)
        desk.desk.change_boxes["contact"].setChecked(True)
        qtbot.keyClicks(desk.desk.override_reason, "Card renewed, NADRA letter seen")
        view = _issue(qtbot, desk)
        assert sup.sync is not None
        sup.sync.start()
        centre = _page(qtbot, make_ctx, hub.url, CENTRAL_KEY)

        def listed() -> list[list[str]]:
            return [r for r in _rows(centre.overrides) if r[2] == view.number]

        def ask_again() -> bool:
            if not listed() and centre.settled:
                centre.reload()
            return bool(listed())

        qtbot.waitUntil(ask_again, timeout=30000)
        row = listed()[0]
        assert (row[1], row[4], row[5], row[6]) == (SITE_ID, mask_cnic(cnic), "supervisor",
                                                    "Card renewed, NADRA letter seen")
        assert cnic not in " ".join(row)
    finally:
        hub.stop()
