"""Screenshots of the Centre quality page in English and Urdu (run by hand, not collected):

    QT_QPA_PLATFORM=offscreen python -m pytest tests/survey/shots_centre.py -p no:randomly
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from console.app import install_translations
from console.context import AppContext
from tests.hub.conftest import HubServer
from tests.survey.test_central_page import AJK_KEY, _page, centre_hub  # noqa: F401 - the fixture

OUT = Path(__file__).resolve().parents[2] / "docs" / "screenshots"


def test_shots(qtbot: QtBot, qapp: Any, make_ctx: Callable[..., AppContext], centre_hub: HubServer) -> None:  # noqa: F811
    for lang in ("en", "ur"):
        tr = install_translations(qapp, lang) if lang == "ur" else None
        page = _page(qtbot, make_ctx, centre_hub.base_url, AJK_KEY)
        page.resize(1366, 720)
        suffix = "-urdu" if lang == "ur" else ""
        row = next(i for i, g in enumerate(page._groups) if {m.survey_id for m in g.surveys} == {"A-1", "S-1"})
        page.groups.setCurrentCell(row, 0)
        qtbot.wait(200)
        page.grab().save(str(OUT / f"centre-duplicates{suffix}.png"))
        page.tabs.setCurrentIndex(3)
        qtbot.wait(200)
        page.grab().save(str(OUT / f"centre-overrides{suffix}.png"))
        page.tabs.setCurrentIndex(1)
        with qtbot.waitSignal(page.sig_survey_shown, timeout=30000):
            page.show_survey("A-3")
        assert page.dialog is not None
        qtbot.wait(200)
        page.dialog.grab().save(str(OUT / f"centre-survey{suffix}.png"))
        page.dialog.close()
        page.close()
        if tr is not None:
            qapp.removeTranslator(tr)
            qapp.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
