"""The counter terminal's words in English and Urdu (the tablet page has no Qt translator).

One table, keyed by a short name: ``say(lang, key, **params)``. Update type names and the
engine's refusals come from ``services.labels`` (English) with their Urdu here, so the terminal
uses the same words as the console (``/work/shared/URDU.md``). In Urdu, token numbers, counter
numbers and codes are wrapped in LRI/PDI so they read left to right inside the line.
"""

from __future__ import annotations

from services.labels import UPDATE_TYPE_EN, UPDATE_TYPE_UR
from vocabulary import UpdateType

LANGS = ("en", "ur")
LRI, PDI = "\u2066", "\u2069"

WORDS: dict[str, tuple[str, str]] = {
    "title": ("{site} - Counter terminal", "{site} - کاؤنٹر ٹرمینل"),
    "sign_in_title": ("Sign in - DRC counter", "داخل ہوں - ڈی آر سی کاؤنٹر"),
    "username": ("Username", "صارف نام"),
    "pin": ("PIN", "پن"),
    "sign_in": ("Sign in", "داخل ہوں"),
    "sign_out": ("Sign out", "باہر نکلیں"),
    "no_counter": ("No counter", "کوئی کاؤنٹر نہیں"),
    "not_assigned": ("You are not assigned to a counter today.", "آج آپ کسی کاؤنٹر پر مقرر نہیں ہیں۔"),
    "ask_supervisor": ("Ask the supervisor to put you on a counter, then reload.",
                       "سپروائزر سے کہیں کہ آپ کو کسی کاؤنٹر پر مقرر کریں، پھر صفحہ دوبارہ کھولیں۔"),
    "state_called": ("Called - waiting for the visitor", "بلایا گیا - سائل کا انتظار"),
    "state_in_service": ("In service", "زیرِ خدمت"),
    "priority": (" - priority", " - ترجیحی"),
    "nobody_at_counter": ("No visitor at the counter", "کاؤنٹر پر کوئی سائل نہیں"),
    "counter_state": ("This counter is {state}.", "یہ کاؤنٹر {state} ہے۔"),
    "open": ("open", "کھلا"),
    "paused": ("on break", "وقفے پر"),
    "closed": ("closed", "بند"),
    "transfer_to": ("Transfer to another update type", "اپڈیٹ کی کسی اور قسم میں منتقل کریں"),
    "transfer": ("Transfer", "منتقل کریں"),
    "check_slip": ("Check a slip (scan or type its code)", "پرچی کی جانچ (کوڈ اسکین کریں یا لکھیں)"),
    "slip_cnic": ("Visitor's CNIC (optional: proves the slip is theirs)",
                  "سائل کا شناختی کارڈ نمبر (اختیاری: پرچی اسی کی ہونے کا ثبوت)"),
    "check_slip_button": ("Check slip", "پرچی جانچیں"),
    "call": ("Call next", "اگلا بلائیں"),
    "recall": ("Recall", "دوبارہ بلائیں"),
    "start": ("Start", "شروع کریں"),
    "complete": ("Complete", "مکمل کریں"),
    "no_show": ("No-show", "غیر حاضر قرار دیں"),
    "waiting_here": ("Waiting for this counter:", "اس کاؤنٹر کے منتظر:"),
    "page_title": ("{counter} - DRC counter", "{counter} - ڈی آر سی کاؤنٹر"),
    "counter_n": ("Counter {n}", "کاؤنٹر نمبر {n}"),
    "language": ("اردو", "English"),  # the switch names the other language in that language
    # messages after an action
    "called": ("Called {number}", "{number} کو بلایا گیا"),
    "nobody_waiting": ("Nobody is waiting for this counter", "اس کاؤنٹر کے لیے کوئی منتظر نہیں"),
    "no_token": ("No token at this counter; press Call next", "اس کاؤنٹر پر کوئی ٹوکن نہیں؛ اگلا بلائیں دبائیں"),
    "recalled": ("Recalled {number}", "{number} کو دوبارہ بلایا گیا"),
    "serving": ("Serving {number}", "{number} کی خدمت شروع"),
    "completed": ("Completed {number}", "{number} مکمل"),
    "marked_no_show": ("{number} marked no-show", "{number} غیر حاضر قرار دیا گیا"),
    "transferred": ("{number} transferred to {type}", "{number} کو {type} میں منتقل کر دیا گیا"),
    "unassigned_act": ("You are not assigned to a counter today; ask the supervisor",
                       "آج آپ کسی کاؤنٹر پر مقرر نہیں؛ سپروائزر سے رابطہ کریں"),
    "not_allowed": ("You may not do this at this counter", "آپ اس کاؤنٹر پر یہ کارروائی نہیں کر سکتے"),
    "sign_in_again": ("Please sign in again", "براہِ کرم دوبارہ داخل ہوں"),
    "form_expired": ("The form expired; reload the page", "فارم کی مدت ختم ہو گئی؛ صفحہ دوبارہ کھولیں"),
    "no_action": ("No such action", "ایسی کوئی کارروائی نہیں"),
    "sign_in_failed": ("Wrong username or PIN, or too many tries: wait a little and try again.",
                       "غلط صارف نام یا پن، یا بہت زیادہ کوششیں: تھوڑا انتظار کر کے دوبارہ کوشش کریں۔"),
    "cross_site": ("Sign-in from another site is refused.", "کسی اور سائٹ سے داخلہ قبول نہیں۔"),
    "no_slip_secret": ("Slip checks need the site's QR secret ([printer] qr_secret)",
                       "پرچی کی جانچ کے لیے مرکز کا QR راز درکار ہے ([printer] qr_secret)"),
    "slip_ok": ("Slip {number} is genuine, for today and still open", "پرچی {number} اصلی ہے، آج کی ہے اور ابھی کھلی ہے"),
    "slip_cnic_match": (" - the CNIC matches", " - شناختی کارڈ نمبر مل گیا"),
    "slip_no_cnic": (" - no CNIC to compare", " - موازنے کے لیے شناختی کارڈ نمبر نہیں"),
    "slip_invalid": ("Not a genuine slip: {detail}", "اصلی پرچی نہیں: {detail}"),
    "slip_other_site": ("The slip belongs to another site ({detail})", "یہ پرچی کسی اور مرکز کی ہے ({detail})"),
    "slip_other_day": ("The slip is for another day ({detail})", "یہ پرچی کسی اور دن کی ہے ({detail})"),
    "slip_unknown": ("No token {number} today", "آج ٹوکن {number} موجود نہیں"),
    "slip_not_open": ("Token {number} is no longer open ({state})", "ٹوکن {number} اب کھلا نہیں ({state})"),
    "changes": ("Changes:", "تبدیلیاں:"),
    "change_birth": ("Birth", "پیدائش"),
    "change_death": ("Death", "وفات"),
    "change_marriage": ("Marriage", "شادی"),
    "change_divorce": ("Divorce", "طلاق"),
    "change_disability": ("Disability", "معذوری"),
    "change_gender": ("Gender", "جنس"),
    "change_contact": ("Contact", "رابطہ"),
    "change_address": ("Address", "پتہ"),
    "bform_shown": ("B-form: shown at the desk", "ب فارم: میز پر دکھایا گیا"),
    "bform_not_shown": ("B-form: not shown", "ب فارم: نہیں دکھایا گیا"),
    "override": ("Identity blocked by NADRA: let through by the supervisor (see the audit trail)",
                 "نادرا کی جانب سے شناخت بلاک: سپروائزر نے اجازت دی (آڈٹ ریکارڈ دیکھیں)"),
    "slip_wrong_person": ("Slip {number} was issued to someone else: the CNIC does not match",
                          "پرچی {number} کسی اور کو جاری ہوئی تھی: شناختی کارڈ نمبر نہیں ملتا"),
}

# The engine's refusals (``QueueError.code``) in Urdu; the English is the error's own message
# (``services.labels.ERROR_TEMPLATES``).
ERRORS_UR: dict[str, str] = {
    "appeals_off": "اہلیت کے فیصلے کے خلاف اپیلیں ابھی شروع نہیں ہوئیں؛ اپڈیٹ کی کوئی اور قسم منتخب کریں۔",
    "already_has_token": "اس شناختی کارڈ نمبر پر آج پہلے ہی ٹوکن {number} جاری شدہ ہے۔",
    "no_deo": "{counter} پر کوئی ڈی ای او مقرر نہیں؛ بلانے سے پہلے کسی کو مقرر کریں۔",
    "counter_not_open": "{counter} {counter_state} ہے؛ بلانے سے پہلے اسے کھولیں۔",
    "counter_busy": "{counter} ابھی {number} کو نمٹا رہا ہے؛ پہلے اسے مکمل کریں۔",
    "serves_nothing": "{counter} کے لیے اپڈیٹ کی کوئی قسم مقرر نہیں۔",
    "unknown_priority_reason": "ترجیح کی نامعلوم وجہ: {reason}۔",
    "illegal_transition": "ٹوکن {number} پر ابھی یہ کارروائی نہیں ہو سکتی: اس کی حالت {state} ہے۔",
    "not_eligible": "{type} کے اہل نہیں: {reason}",
    "not_by_hand": "موجودہ پالیسی کے تحت {type} ہاتھ سے منتخب نہیں کی جا سکتی۔",
    "nobody_serves": "اس وقت ڈی ای او والا کوئی کھلا کاؤنٹر {type} نہیں نمٹا رہا؛ کوئی اور قسم منتخب کریں۔",
}
STATES_UR = {"waiting": "منتظر", "called": "بلایا گیا", "in_service": "زیرِ خدمت", "completed": "مکمل",
             "no_show": "غیر حاضر", "cancelled": "منسوخ", "open": "کھلا", "paused": "وقفے پر", "closed": "بند"}


def pick(lang: str | None) -> str:
    """A supported language code ("en" when unknown)."""
    return lang if lang in LANGS else "en"


def comma(lang: str, items: list[str]) -> str:
    """A list joined with ", " (English) or "، " (Urdu)."""
    return ("، " if lang == "ur" else ", ").join(items)


def code(lang: str, value: object) -> str:
    """A token number, counter number or code kept left to right in Urdu."""
    return f"{LRI}{value}{PDI}" if lang == "ur" else str(value)


def say(lang: str, key: str, **params: object) -> str:
    """The text ``key`` in ``lang`` with ``params`` filled in (numbers isolated in Urdu)."""
    en, ur = WORDS[key]
    if lang != "ur":
        return en.format(**params)
    return ur.format(**{k: code(lang, v) if k in ("number", "n", "detail") else v for k, v in params.items()})


def type_name(lang: str, value: str) -> str:
    """An update type's name (by enum value) as the visitor's paperwork names it."""
    try:
        t = UpdateType(value)
    except ValueError:
        return value
    return UPDATE_TYPE_UR[t] if lang == "ur" else UPDATE_TYPE_EN[t]


def counter_name(lang: str, number: int, label: str) -> str:
    """A counter's name: the default "Counter N" in the page's language, a custom label as it is."""
    if label == f"Counter {number}":
        return say(lang, "counter_n", n=number)
    return label


def error(lang: str, err_code: str, params: dict[str, object], english: str) -> str:
    """An engine refusal in ``lang`` (the English message when Urdu has no template or a value is missing)."""
    if lang != "ur" or err_code not in ERRORS_UR:
        return english
    shown: dict[str, object] = {}
    for k, v in params.items():
        if k == "type":
            shown[k] = type_name(lang, str(v))
        elif k in ("state", "counter_state"):
            shown[k] = STATES_UR.get(str(v), str(v))
        elif k == "counter":
            text = str(v)
            number = text.removeprefix("Counter ")
            shown[k] = say(lang, "counter_n", n=number) if number.isdigit() else text
        else:
            shown[k] = code(lang, v)
    try:
        return ERRORS_UR[err_code].format(**shown)
    except (KeyError, IndexError):
        return english
