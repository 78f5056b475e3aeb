"""The visitor kiosk (``drc-console kiosk``): a full-screen touch screen that issues one token per visitor.

Screens: language -> CNIC (large keypad, or a card scanner typing digits and Enter) -> the update
types the visitor qualifies for, as big buttons with the Urdu name first -> the desk's questions
when the type needs them (a roster update: which change(s); a missed-out household the registry
does not know: the CNIC a second time, on the same keypad) -> the token number and its printed
slip. The rules are the triage desk's own (``services.kiosk.Kiosk.steps``, checked again by
``TriageService.issue``); a second CNIC that differs stops the issue. Visitors who need priority help, or whom the rules send to the desk, are sent to
the triage desk. The CNIC is shown masked only. After ``idle_s`` seconds without a touch the kiosk
starts again. Lookups and the issue run off the GUI thread; the first tap on a type issues the
token and every later tap is ignored.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, QTimer, QTranslator, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QGridLayout, QLabel, QPushButton, QStackedWidget, QVBoxLayout, QWidget

import resources
from console.context import AppContext, close_context
from console.kiosk_changes import RosterChangesScreen
from db.models import UpdateType
from services.cnic import CnicError
from services.config import Config
from services.kiosk import Kiosk, KioskOffer, OfferKind
from services.labels import UPDATE_TYPE_EN, UPDATE_TYPE_UR
from services.queue import TokenView
from services.triage import AlreadyHasToken, DeskRefused

BIG = "font-size:30pt;font-weight:700;padding:18px;"
HUGE = "font-size:64pt;font-weight:800;"
WELCOME, CNIC, CHOICES, RESULT, CHANGES = range(5)
HAS_TOKEN = str(QT_TRANSLATE_NOOP("KioskWindow", "You already have token %1."))
FIRST_PROMPT = str(QT_TRANSLATE_NOOP("KioskWindow", "Type your CNIC or scan your card"))
AGAIN_PROMPT = str(QT_TRANSLATE_NOOP("KioskWindow", "Type your CNIC a second time, from the card, or scan it again"))
MISMATCH = str(QT_TRANSLATE_NOOP("KioskWindow", "The second CNIC is different from the first: nothing was issued. "
                                 "Please start again, or go to the triage desk."))


def _label(style: str = "font-size:22pt;") -> QLabel:
    label = QLabel()
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setWordWrap(True)
    label.setStyleSheet(style)
    return label


def _button(text: str, style: str = BIG) -> QPushButton:
    button = QPushButton(text)
    button.setStyleSheet(style)
    button.setMinimumHeight(90)
    return button


class KioskWindow(QWidget):
    """The kiosk's screens over one console context; print outcomes come from ``ctx.printing``."""

    sig_offer = Signal(object)
    """The kiosk decided what to show for a CNIC (``KioskOffer``)."""
    sig_issued = Signal(object)
    """A token was issued at the kiosk (``TokenView``)."""
    sig_reset = Signal()
    """The kiosk went back to its first screen (finished, or idle)."""

    def __init__(self, ctx: AppContext, kiosk: Kiosk, *, idle_s: float = 45.0, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.kiosk = kiosk
        self.setObjectName("kiosk")
        self.setWindowTitle(self.tr("DRC token kiosk"))
        self.lang = "ur"
        self._urdu = QTranslator(self)  # the kiosk speaks Urdu whatever the console's own language is
        self._urdu.load(str(resources.path("translations", "drc_ur.qm")))
        self.digits = ""
        self.offer: KioskOffer | None = None
        self.token: TokenView | None = None
        self.again_for: UpdateType | None = None  # the keypad asks for the CNIC a second time for this type
        self._busy = False
        self.stack = QStackedWidget()
        QVBoxLayout(self).addWidget(self.stack)
        self.stack.addWidget(self._welcome_screen())
        self.stack.addWidget(self._cnic_screen())
        self.choices_box = QWidget()
        self.choices_layout = QVBoxLayout(self.choices_box)
        self.stack.addWidget(self.choices_box)
        self.result = _label("font-size:28pt;")
        self.stack.addWidget(self.result)
        self.changes = RosterChangesScreen()
        self.changes.sig_done.connect(self._on_changes_done)
        self.changes.sig_back.connect(lambda: self.stack.setCurrentIndex(CHOICES))
        self.stack.addWidget(self.changes)
        self.idle = QTimer(self)
        self.idle.setSingleShot(True)
        self.idle.setInterval(int(idle_s * 1000))
        self.idle.timeout.connect(self.reset)
        if ctx.printing is not None:
            ctx.printing.sig_printed.connect(self._on_printed)
            ctx.printing.sig_failed.connect(self._on_print_failed)

    # ---- screens ---------------------------------------------------------------------
    def _welcome_screen(self) -> QWidget:
        page = QWidget()
        lay = QVBoxLayout(page)
        title = _label("font-size:34pt;font-weight:700;")
        title.setText(self._both(str(QT_TRANSLATE_NOOP("KioskWindow", "Choose your language to take a token"))))
        self.urdu_button, self.english_button = _button("اردو"), _button("English")
        self.urdu_button.clicked.connect(lambda: self.start("ur"))
        self.english_button.clicked.connect(lambda: self.start("en"))
        for w in (title, self.urdu_button, self.english_button):
            lay.addWidget(w)
        return page

    def _cnic_screen(self) -> QWidget:
        page = QWidget()
        lay = QVBoxLayout(page)
        self.cnic_prompt = _label()
        self.cnic_display = _label(HUGE)
        self.cnic_message = _label("font-size:20pt;color:#b00020;")
        lay.addWidget(self.cnic_prompt)
        lay.addWidget(self.cnic_display)
        lay.addWidget(self.cnic_message)
        grid = QGridLayout()
        self.keys: dict[str, QPushButton] = {}
        for i, key in enumerate(["1", "2", "3", "4", "5", "6", "7", "8", "9", "⌫", "0", "OK"]):
            button = _button(key, "font-size:36pt;font-weight:700;")
            button.clicked.connect(lambda _=False, k=key: self.press(k))
            self.keys[key] = button
            grid.addWidget(button, i // 3, i % 3)
        lay.addLayout(grid)
        return page

    def _urdu_text(self, source: str, context: str = "KioskWindow") -> str:
        return self._urdu.translate(context, source) or source

    def _words(self, context: str, source: str) -> str:
        """A text of ``context`` in the visitor's language."""
        return self._urdu_text(source, context) if self.lang == "ur" else source

    def _say(self, source: str, arg: str = "") -> str:
        """``source`` in the visitor's language (Urdu from the catalogue, whatever the console's language)."""
        if self.lang != "ur":
            return source.replace("%1", arg)
        # CNICs and token numbers stay left-to-right inside the Urdu line (see console.names.ltr).
        return self._urdu_text(source).replace("%1", f"\u2066{arg}\u2069" if arg else "")

    def _both(self, source: str) -> str:
        """Urdu first, then English (before the visitor has chosen)."""
        return f"{self._urdu_text(source)}\n{source}"

    def _show_cnic(self) -> None:
        shown = "".join("*" if 5 <= i < 10 else d for i, d in enumerate(self.digits))
        if len(shown) > 5:
            shown = shown[:5] + "-" + shown[5:]
        if len(shown) > 13:
            shown = shown[:13] + "-" + shown[13:]
        self.cnic_display.setText(shown or "_____-_______-_")

    # ---- flow ------------------------------------------------------------------------
    def start(self, lang: str) -> None:
        """The visitor chose a language: ask for the CNIC."""
        self.lang = lang
        self._ask_cnic(FIRST_PROMPT, None)

    def _ask_cnic(self, prompt: str, again_for: UpdateType | None) -> None:
        """The keypad, for the first CNIC or (``again_for``) the same CNIC a second time."""
        self.digits, self.again_for = "", again_for
        self.cnic_prompt.setText(self._say(prompt))
        self.cnic_message.clear()
        self._show_cnic()
        self.stack.setCurrentIndex(CNIC)
        self.idle.start()

    def press(self, key: str) -> None:
        """A keypad key (or a scanner's digit / Enter)."""
        if self.stack.currentIndex() != CNIC or self._busy:
            return
        self.idle.start()  # the visitor is still there
        if key == "⌫":
            self.digits = self.digits[:-1]
        elif key == "OK":
            self.submit()
            return
        elif key.isdigit() and len(self.digits) < 13:
            self.digits += key
        self.cnic_message.clear()
        self._show_cnic()

    def submit(self) -> None:
        """Ask the registry (off the GUI thread) what this CNIC may choose."""
        if len(self.digits) != 13:
            self.cnic_message.setText(self._say(str(QT_TRANSLATE_NOOP("KioskWindow", "A CNIC has 13 digits"))))
            return
        if self.again_for is not None:  # the service compares the two numbers
            again, self.digits = self.digits, ""
            self._issue(self.again_for, cnic_again=again)
            return
        self._busy = True
        self.cnic_message.setStyleSheet("font-size:20pt;")
        self.cnic_message.setText(self._say(str(QT_TRANSLATE_NOOP("KioskWindow", "Please wait…"))))
        digits, kiosk = self.digits, self.kiosk
        self.ctx.tasks.run_io(lambda: kiosk.offer(digits), self._on_offer, self._on_offer_failed)

    def _on_offer_failed(self, exc: BaseException) -> None:
        self._busy = False
        self.cnic_message.setStyleSheet("font-size:20pt;color:#b00020;")
        if isinstance(exc, CnicError):
            self.cnic_message.setText(self._say(str(QT_TRANSLATE_NOOP("KioskWindow", "This is not a valid CNIC"))))
        else:
            self._to_desk()

    def _on_offer(self, offer: KioskOffer) -> None:
        self._busy = False
        self.offer = offer
        self.digits = ""  # the number is not kept on screen or in the widget any longer
        self.sig_offer.emit(offer)
        if offer.kind is OfferKind.HAS_TOKEN and offer.token is not None:
            self._finish(self._say(HAS_TOKEN, offer.token.number))
        elif offer.kind is OfferKind.SEE_DESK:
            self._to_desk()
        else:
            self._show_choices(offer)

    def _show_choices(self, offer: KioskOffer) -> None:
        while self.choices_layout.count():
            item = self.choices_layout.takeAt(0)
            old = item.widget() if item is not None else None
            if old is not None:
                old.deleteLater()
        head = _label()
        head.setText(self._say(str(QT_TRANSLATE_NOOP("KioskWindow", "%1 — choose what you need")), offer.masked))
        self.choices_layout.addWidget(head)
        self.type_buttons: dict[UpdateType, QPushButton] = {}
        for t in offer.types:
            button = _button(f"{UPDATE_TYPE_UR[t]}\n{UPDATE_TYPE_EN[t]}")  # Urdu first, always
            button.clicked.connect(lambda _=False, ut=t: self.choose(ut))
            self.type_buttons[t] = button
            self.choices_layout.addWidget(button)
        self.priority_button = _button(self._say(str(QT_TRANSLATE_NOOP("KioskWindow", "Elderly, disabled or need "
                                                                   "special help? The triage desk serves you first."))),
                                       "font-size:20pt;padding:12px;background:#fff3cd;")
        self.priority_button.clicked.connect(self._to_desk)
        self.choices_layout.addWidget(self.priority_button)
        self.stack.setCurrentIndex(CHOICES)

    def choose(self, update_type: UpdateType) -> None:
        """The first tap issues the token (or asks the desk's questions first); later taps do nothing."""
        if self._busy or self.offer is None or self.token is not None or self.stack.currentIndex() != CHOICES:
            return
        self.idle.start()
        steps = self.kiosk.steps(self.offer, update_type)
        if steps.roster_changes:
            self.changes.setProperty("update_type", update_type.value)
            self.changes.prepare(self._words)
            self.changes.setLayoutDirection(Qt.LayoutDirection.RightToLeft if self.lang == "ur"
                                            else Qt.LayoutDirection.LeftToRight)
            self.stack.setCurrentIndex(CHANGES)
        elif steps.cnic_again:
            self._ask_cnic(AGAIN_PROMPT, update_type)
        else:
            self._issue(update_type)

    def _on_changes_done(self, changes: tuple[str, ...]) -> None:
        self._issue(UpdateType(self.changes.property("update_type")), roster_changes=changes)

    def _issue(self, update_type: UpdateType, *, roster_changes: tuple[str, ...] = (),
               cnic_again: str | None = None) -> None:
        """Issue the token off the GUI thread; the service checks the desk's rules again."""
        if self._busy or self.offer is None or self.token is not None:
            return
        self._busy = True
        self.idle.start()
        for button in self.type_buttons.values():
            button.setEnabled(False)
        offer, kiosk = self.offer, self.kiosk
        self.ctx.tasks.run_db(lambda: kiosk.take(offer, update_type, roster_changes=roster_changes,
                                                 cnic_again=cnic_again), self._on_issued, self._on_issue_failed)

    def _on_issued(self, view: TokenView) -> None:
        self._busy = False
        self.token = view
        self.sig_issued.emit(view)  # the slip prints: the print service listens to the adapter's sig_issued
        self._finish(self._say(str(QT_TRANSLATE_NOOP("KioskWindow", "Your token: %1. Take your slip and wait to be "
                                                 "called.")), view.number))

    def _on_issue_failed(self, exc: BaseException) -> None:
        self._busy = False
        if isinstance(exc, AlreadyHasToken):
            self._finish(self._say(HAS_TOKEN, exc.token.number))
        elif isinstance(exc, DeskRefused) and exc.code == "cnic_again_mismatch":
            self._finish(self._say(MISMATCH))
        else:
            self._to_desk()

    def _on_printed(self, token_id: int, _kind: str) -> None:
        if self.token is not None and token_id == self.token.id:
            self.result.setText(self.result.text() + "\n✓")

    def _on_print_failed(self, token_id: int, _reason: str) -> None:
        if self.token is not None and token_id == self.token.id:
            number = self.token.number
            self._finish(self._say(str(QT_TRANSLATE_NOOP("KioskWindow", "The slip could not print. Please go to the "
                                                     "triage desk; your token %1 is kept.")), number))

    def _to_desk(self) -> None:
        self._finish(self._say(str(QT_TRANSLATE_NOOP("KioskWindow", "Please go to the triage desk."))))

    def _finish(self, text: str) -> None:
        self.result.setText(text)
        self.stack.setCurrentIndex(RESULT)
        self.idle.start(min(self.idle.interval(), 15_000))

    def reset(self) -> None:
        """Back to the first screen, forgetting the visitor."""
        self.digits, self.offer, self.token, self._busy, self.again_for = "", None, None, False, None
        self.stack.setCurrentIndex(WELCOME)
        self.idle.stop()
        self.sig_reset.emit()

    # ---- input -----------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        """A card scanner types the digits and Enter; a keyboard works the same (Tab and Space on the other screens)."""
        if self.stack.currentIndex() == CHANGES and self.changes.key(event.key()):
            self.idle.start()
        elif event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.press("OK")
        elif event.key() == Qt.Key.Key_Backspace:
            self.press("⌫")
        elif event.text().isdigit():
            self.press(event.text())
        else:
            super().keyPressEvent(event)


def run_kiosk(cfg: Config, *, idle_s: float = 45.0) -> int:
    """``drc-console kiosk``: the kiosk full screen on this site's store, printer and hub."""
    from console.app import collect_garbage_on_gui_thread, make_application
    from console.context import build_context, start_features
    from console.logfiles import install_log_files
    from db.engine import Store
    from db.migrate import upgrade
    from services.clock import SystemClock
    from services.kiosk import KIOSK_ACTOR
    from services.provision import ensure_site

    if cfg.source is None:
        print("drc-console kiosk: this PC is not set up yet; run `drc-console --setup` first", file=sys.stderr)
        return 2
    install_log_files()
    app = make_application()
    collect_garbage_on_gui_thread(app)
    url = cfg.database.url or None
    upgrade(url)
    store = Store.open(url)
    clock = SystemClock()
    ensure_site(store, cfg.site.id, cfg.site.name, cfg.site.name_ur)
    ctx = build_context(cfg, store, clock, KIOSK_ACTOR)
    try:
        start_features(ctx)  # outbox sync (unverified tokens get checked) and slip printing
        window = KioskWindow(ctx, Kiosk(ctx.triage, ctx.queue), idle_s=idle_s)
        window.showFullScreen()
        return app.exec()
    finally:
        close_context(ctx)
        store.dispose()
