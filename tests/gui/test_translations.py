"""Urdu: the shipped catalogue loads, every string has an Urdu text, the layout turns RTL."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from PySide6.QtCore import QCoreApplication, Qt

import resources
from console.app import install_translations
from console.names import relation_label, roster_change_label
from console.pages.queue import QueuePage


def test_every_string_in_the_catalogue_has_urdu():
    root = ET.parse(resources.path("translations", "drc_ur.ts")).getroot()
    unfinished = [
        (ctx.findtext("name"), m.findtext("source"))
        for ctx in root.findall("context")
        for m in ctx.findall("message")
        if m.find("translation").get("type") in ("unfinished", "vanished", "obsolete")
    ]
    assert unfinished == []


def test_urdu_catalogue_translates_and_turns_the_layout_rtl(urdu, qapp):
    assert qapp.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert QCoreApplication.translate("Pages", "Queue") == "قطار"
    assert QCoreApplication.translate("UpdateType", "Roster update") == "خاندانی کوائف میں تبدیلی"


def test_roster_changes_and_relations_are_named_in_urdu(urdu):
    from services.triage import ROSTER_CHANGES

    assert [roster_change_label(c).isascii() for c in ROSTER_CHANGES] == [False] * len(ROSTER_CHANGES)
    assert roster_change_label("birth") == QCoreApplication.translate("RosterChange", "Birth (add a child)") != "birth"
    assert relation_label("head") == "سربراہ"
    assert relation_label("cousin") == "cousin"  # a code the console does not know is shown as it came


def test_queue_page_in_urdu(urdu, qtbot, ctx):
    page = QueuePage(ctx)
    qtbot.addWidget(page)
    assert page.issue_button.text() == "ٹوکن جاری کریں  (F2)"
    assert page.type_box.itemText(page.type_box.findData(page.type_box.itemData(1))) == "خاندانی کوائف میں تبدیلی"
    assert page.layoutDirection() == Qt.LayoutDirection.RightToLeft


def test_english_is_the_default(qapp):
    assert install_translations(qapp, "en") is None
    assert QCoreApplication.translate("Pages", "Queue") == "Queue"


def test_cnics_and_dates_are_isolated_left_to_right_only_in_urdu(qapp):
    from console.names import ltr

    assert ltr("35202-*****67-1") == "35202-*****67-1"
    tr = install_translations(qapp, "ur")
    try:
        assert ltr("35202-*****67-1") == "\u206635202-*****67-1\u2069"
    finally:
        qapp.removeTranslator(tr)
        qapp.setLayoutDirection(Qt.LayoutDirection.LeftToRight)


def test_every_coded_message_has_urdu_with_its_placeholders(urdu):
    """The coded messages (diagnostics findings and fixes, registry problems, audit actions, quality
    reasons) all have Urdu that keeps every placeholder, so none falls back to English on screen."""
    import re

    from services import labels

    tables = {"DoctorFinding": labels.DOCTOR_FINDINGS, "DoctorFix": labels.DOCTOR_FIXES,
              "RegistryProblem": labels.REGISTRY_TEMPLATES, "RegistryAfter": labels.REGISTRY_AFTER,
              "AuditAction": labels.AUDIT_ACTIONS, "AuditChain": labels.CHAIN_PROBLEMS,
              "QualityReason": labels.FLAG_REASONS, "QualityWord": dict.fromkeys(labels.FLAG_WORDS, "")}
    missing = []
    for context, table in tables.items():
        for key, text in table.items():
            english = text or key
            urdu_text = QCoreApplication.translate(context, english)
            if urdu_text == english or set(re.findall(r"{\w+}", urdu_text)) != set(re.findall(r"{\w+}", english)):
                missing.append((context, english))
    assert missing == []


def test_both_pages_name_the_periods_alike_in_urdu(urdu, qtbot, ctx):
    from console.pages.centre import CentreQualityPage
    from console.pages.region import RegionPage
    from services.region import PRESETS

    region, centre = RegionPage(ctx), CentreQualityPage(ctx)
    qtbot.addWidget(region)
    qtbot.addWidget(centre)
    on_region, on_centre = ({box.itemData(i): box.itemText(i) for i in range(box.count())}
                            for box in (region.period, centre.period))
    assert [on_region[k].isascii() for k in PRESETS] == [False] * len(PRESETS)
    assert on_region["fiscal_year"] == "مالی سال (جولائی تا جون)"
    assert on_centre == {k: on_region[k] for k in ("today", "yesterday", "last_7", "last_30")} == {
        "today": "آج", "yesterday": "گزشتہ کل", "last_7": "پچھلے 7 دن", "last_30": "پچھلے 30 دن"}
