"""The now-serving board as a pure view: huge numbers, bilingual labels, plain values in.

Sizes follow the window height, so the same view is readable on a 1080p hall screen and in a
small preview. Urdu text uses Noto Naskh Arabic (clear at a distance; Nastaliq needs much
more line height).

The labels are bilingual by design and fixed: the English half is never translated (an Urdu
console would otherwise show Urdu twice and no English) and the Urdu half is always Urdu.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QFont, QResizeEvent
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

URDU_FAMILY = "Noto Naskh Arabic"
LATIN_FAMILY = "Noto Sans"

_BG = "#0a1b29"
_PANEL = "#12293b"
_TEXT = "#f4f7fa"
_MUTED = "#9fb3c4"
_HIGHLIGHT = "#ffc21a"
_HIGHLIGHT_TEXT = "#14202b"

# The board's fixed bilingual words (see the module docstring: not translated).
NOW_SERVING = ("Now serving", "اب باری ہے")
TOKEN = ("Token", "ٹوکن")
COUNTER = ("Counter", "کاؤنٹر")
WAITING = ("Waiting", "منتظر")
PEOPLE = ("people", "افراد")
MINUTES = ("min", "منٹ")

TYPE_LABEL_SHARE = 0.044
"""Type names on the board, as a share of the screen height: at least 4% is readable across a hall."""
URDU_SHRINK = 0.9
"""Naskh glyphs sit lower and look smaller than Latin at the same pixel size, but not much."""


def counter_en(number: str) -> str:
    """The English half of a counter's name on the board."""
    return f"{COUNTER[0]} {number}"


def counter_ur(number: str) -> str:
    """The Urdu half: کاؤنٹر نمبر N, the number kept left to right."""
    return f"{COUNTER[1]} نمبر \u2066{number}\u2069"


def wait_text(minutes: int | None) -> str:
    """A type's estimated wait in minutes on the board ("~25"); a dash when nobody serves it."""
    if minutes is None:
        return "–"
    return "0" if minutes <= 0 else f"~{minutes}"


@dataclass(frozen=True)
class BoardRow:
    """One call: token number, counter number, whether it was a recall."""

    number: str
    counter: str
    recalled: bool = False


@dataclass(frozen=True)
class WaitingRow:
    """Waiting count of one update type, named in English and Urdu."""

    label_en: str
    label_ur: str
    count: int
    wait_min: int | None = None  # estimated wait of a new token; None when no open counter serves it


def _label(text: str = "", *, urdu: bool = False, align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft,
           color: str = _TEXT, bold: bool = False) -> QLabel:
    lab = QLabel(text)
    # AlignAbsolute: without it Qt mirrors left/right for right-to-left (Urdu) text.
    lab.setAlignment(align | Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignAbsolute)
    lab.setProperty("urdu", urdu)
    lab.setProperty("bold", bold)
    lab.setStyleSheet(f"color:{color};background:transparent;")
    # No right-to-left layout direction: it would mirror AlignRight; Qt shapes Urdu text by itself.
    return lab


class BoardView(QWidget):
    """Latest calls (the newest highlighted) and waiting counts per update type."""

    HISTORY = 6

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("BoardView")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet(f"QWidget#BoardView{{background:{_BG};}}")
        self._sized: list[tuple[QLabel, float]] = []
        self.calls: list[BoardRow] = []
        self.waiting: list[WaitingRow] = []

        self.site_en = self._sz(_label(bold=True), 0.040, keep=True)
        self.site_ur = self._sz(_label(urdu=True, align=Qt.AlignmentFlag.AlignRight, bold=True), 0.040, keep=True)
        self.clock = self._sz(_label(align=Qt.AlignmentFlag.AlignCenter, color=_MUTED), 0.036, keep=True)
        top = QHBoxLayout()
        top.addWidget(self.site_en, 2)
        top.addWidget(self.clock, 1)
        top.addWidget(self.site_ur, 2)

        # --- the newest call --------------------------------------------------------
        self.now_title_en = self._sz(_label(NOW_SERVING[0], color=_MUTED, bold=True), 0.040, keep=True)
        self.now_title_ur = self._sz(_label(NOW_SERVING[1], urdu=True, align=Qt.AlignmentFlag.AlignRight,
                                            color=_MUTED, bold=True), 0.040, keep=True)
        self.newest = QFrame()
        self.newest.setObjectName("Newest")
        self.newest_number = self._sz(_label("—", align=Qt.AlignmentFlag.AlignCenter, color=_HIGHLIGHT_TEXT,
                                             bold=True), 0.20)
        self.newest_number.setObjectName("newest_number")
        self.newest_counter_en = self._sz(_label(align=Qt.AlignmentFlag.AlignLeft, color=_HIGHLIGHT_TEXT,
                                                 bold=True), 0.060)
        self.newest_counter_ur = self._sz(_label(urdu=True, align=Qt.AlignmentFlag.AlignRight,
                                                 color=_HIGHLIGHT_TEXT, bold=True), 0.060)
        nl = QVBoxLayout(self.newest)
        nl.setContentsMargins(24, 8, 24, 12)
        nl.addWidget(self.newest_number, 3)
        row = QHBoxLayout()
        row.addWidget(self.newest_counter_en)
        row.addWidget(self.newest_counter_ur)
        nl.addLayout(row, 1)

        # --- earlier calls ----------------------------------------------------------
        hist = QGridLayout()
        hist.setHorizontalSpacing(24)
        hist.setVerticalSpacing(2)
        hist.addWidget(self._sz(_label(f"{TOKEN[0]}  ·  {TOKEN[1]}", color=_MUTED), 0.030, keep=True), 0, 0)
        hist.addWidget(self._sz(_label(f"{COUNTER[0]}  ·  {COUNTER[1]}", color=_MUTED,
                                       align=Qt.AlignmentFlag.AlignRight), 0.030, keep=True), 0, 1)
        self.history_rows: list[tuple[QLabel, QLabel]] = []
        for i in range(self.HISTORY):
            num = self._sz(_label(bold=True), 0.068)
            ctr = self._sz(_label(align=Qt.AlignmentFlag.AlignRight, bold=True), 0.068)
            hist.addWidget(num, i + 1, 0)
            hist.addWidget(ctr, i + 1, 1)
            self.history_rows.append((num, ctr))
        left = QVBoxLayout()
        title = QHBoxLayout()
        title.addWidget(self.now_title_en)
        title.addWidget(self.now_title_ur)
        left.addLayout(title)
        left.addWidget(self.newest, 5)
        left.addSpacing(12)
        left.addLayout(hist, 6)

        # --- waiting per type -------------------------------------------------------
        self.wait_panel = QFrame()
        self.wait_panel.setObjectName("WaitPanel")
        self.wait_panel.setStyleSheet(f"QFrame#WaitPanel{{background:{_PANEL};border-radius:18px;}}")
        self.wait_layout = QGridLayout(self.wait_panel)
        self.wait_layout.setContentsMargins(20, 10, 20, 10)
        self.wait_layout.setVerticalSpacing(0)
        self.wait_layout.setHorizontalSpacing(14)
        self.wait_layout.setColumnStretch(0, 1)  # the names take what the numbers leave
        self.wait_title_en = self._sz(_label(WAITING[0], color=_MUTED, bold=True), 0.040, keep=True)
        self.wait_title_ur = self._sz(_label(WAITING[1], urdu=True, align=Qt.AlignmentFlag.AlignRight,
                                             color=_MUTED, bold=True), 0.040, keep=True)
        self.wait_layout.addWidget(self.wait_title_en, 0, 0)
        self.wait_layout.addWidget(self.wait_title_ur, 0, 1, 1, 2)
        # Column heads: how many wait, and about how long a new token waits (bilingual, small).
        self.count_head = self._sz(_label(f"{PEOPLE[0]}\n{PEOPLE[1]}", align=Qt.AlignmentFlag.AlignRight,
                                          color=_MUTED), 0.022, keep=True)
        self.minutes_head = self._sz(_label(f"{MINUTES[0]}\n{MINUTES[1]}", align=Qt.AlignmentFlag.AlignRight,
                                            color=_MUTED), 0.022, keep=True)
        for head in (self.count_head, self.minutes_head):
            head.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Preferred)
        self.wait_layout.addWidget(self.count_head, 1, 1)
        self.wait_layout.addWidget(self.minutes_head, 1, 2)
        self.wait_rows: list[tuple[QLabel, QLabel, QLabel, QLabel]] = []

        body = QHBoxLayout()
        body.setSpacing(32)
        body.addLayout(left, 50)
        body.addWidget(self.wait_panel, 50)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(32, 20, 32, 24)
        outer.addLayout(top)
        outer.addSpacing(8)
        outer.addLayout(body, 1)

        self._flash_left = 0
        self._flash_on = True
        self._flash = QTimer(self)
        self._flash.setInterval(450)
        self._flash.timeout.connect(self._on_flash_timeout)
        self._style_newest(True)

    # ---- sizes ---------------------------------------------------------------------
    def _sz(self, lab: QLabel, share: float, *, keep: bool = False) -> QLabel:
        # Ignored both ways: font sizes follow the window, so the text must never push the window.
        # Big numbers ignore their size hint: font sizes follow the window, so they must never
        # push it. "keep" lines (titles, waiting rows) keep their height; together they stay well
        # under half the window, so they cannot grow it either.
        vertical = QSizePolicy.Policy.Preferred if keep else QSizePolicy.Policy.Ignored
        lab.setSizePolicy(QSizePolicy.Policy.Ignored, vertical)
        self._sized.append((lab, share))
        return lab

    def resizeEvent(self, event: QResizeEvent) -> None:
        size = event.size()
        self._apply_fonts(min(size.height(), int(size.width() * 9 / 16)))
        super().resizeEvent(event)

    def _apply_fonts(self, height: int) -> None:
        for lab, share in self._sized:
            urdu = bool(lab.property("urdu"))
            f = QFont(URDU_FAMILY if urdu else LATIN_FAMILY)
            # Naskh glyphs sit lower and look smaller than Latin at the same pixel size.
            f.setPixelSize(max(8, int(height * share * (URDU_SHRINK if urdu else 1.0))))
            f.setBold(bool(lab.property("bold")))
            lab.setFont(f)

    # ---- content -------------------------------------------------------------------
    def set_site(self, name_en: str, name_ur: str) -> None:
        """The site's name in both languages (top corners)."""
        self.site_en.setText(name_en)
        self.site_ur.setText(name_ur)

    def set_clock(self, text: str) -> None:
        """The time shown at the top."""
        self.clock.setText(text)

    def set_calls(self, calls: list[BoardRow], *, flash: bool = False) -> None:
        """Newest first; the first is shown large and highlighted, the next few below."""
        self.calls = list(calls)
        newest = calls[0] if calls else None
        self.newest_number.setText(newest.number if newest else "—")
        self.newest_counter_en.setText(counter_en(newest.counter) if newest else "")
        self.newest_counter_ur.setText(counter_ur(newest.counter) if newest else "")
        for i, (num, ctr) in enumerate(self.history_rows):
            row = calls[i + 1] if i + 1 < len(calls) else None
            num.setText(row.number if row else "")
            ctr.setText(row.counter if row else "")
        if flash and newest is not None:
            self._flash_left = 6
            self._flash.start()

    def set_waiting(self, rows: list[WaitingRow]) -> None:
        """Waiting counts and estimated waits per update type (rows are created on first use)."""
        self.waiting = list(rows)
        while len(self.wait_rows) < len(rows):
            # Two lines per type (English over Urdu, the Urdu right-aligned) so neither name is cut;
            # the count and the wait span both lines.
            i = 2 * len(self.wait_rows) + 2
            en = self._sz(_label(), TYPE_LABEL_SHARE, keep=True)
            ur = self._sz(_label(urdu=True, align=Qt.AlignmentFlag.AlignRight), TYPE_LABEL_SHARE / URDU_SHRINK,
                          keep=True)
            count = self._sz(_label(align=Qt.AlignmentFlag.AlignRight, bold=True, color=_HIGHLIGHT), 0.060,
                             keep=True)
            minutes = self._sz(_label(align=Qt.AlignmentFlag.AlignRight, bold=True), 0.044, keep=True)
            for number in (count, minutes):  # numbers claim their width; the names take the rest
                number.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Preferred)
            self.wait_layout.addWidget(en, i, 0)
            self.wait_layout.addWidget(ur, i + 1, 0)
            self.wait_layout.addWidget(count, i, 1, 2, 1)
            self.wait_layout.addWidget(minutes, i, 2, 2, 1)
            self.wait_rows.append((en, ur, count, minutes))
            self._apply_fonts(min(self.height(), int(self.width() * 9 / 16)))
        for i, (en, ur, count, minutes) in enumerate(self.wait_rows):
            row = rows[i] if i < len(rows) else None
            for w in (en, ur, count, minutes):
                w.setVisible(row is not None)
            if row is not None:
                en.setText(row.label_en)
                ur.setText(row.label_ur)
                count.setText(str(row.count))
                minutes.setText(wait_text(row.wait_min))
        self.wait_layout.setRowStretch(2 * len(self.wait_rows) + 2, 1)

    # ---- highlight -----------------------------------------------------------------
    def _style_newest(self, on: bool) -> None:
        bg = _HIGHLIGHT if on else "#ffe9a8"
        self.newest.setStyleSheet(f"QFrame#Newest{{background:{bg};border-radius:24px;}}")

    def _on_flash_timeout(self) -> None:
        self._flash_left -= 1
        self._flash_on = not self._flash_on
        self._style_newest(self._flash_on or self._flash_left <= 0)
        if self._flash_left <= 0:
            self._flash.stop()
