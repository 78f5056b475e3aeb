"""Draw a token slip with QPainter into a 1-bit image exactly as wide as the printer's dot row.

Qt shapes the Urdu (joining, right-to-left) with the shipped Noto Naskh Arabic. Only QtGui is
used, so this runs in a QGuiApplication and off the GUI thread (one renderer per thread).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QImage, QPainter

from printing.fonts import SlipFonts, load_slip_fonts
from printing.layout import KEEP_EN, KEEP_UR, Paper, SlipData, format_wait
from printing.qr import qr_matrix

URDU_MIN_DOTS = 22
MAX_HEIGHT = 3000  # dots; a slip is ~1,100-1,400, the canvas is cropped to what was drawn
_BLACK = QColor(0, 0, 0)
_WHITE = QColor(255, 255, 255)
_CENTER = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop
_WRAP = Qt.TextFlag.TextWordWrap
# In a right-to-left layout Qt mirrors AlignRight unless it is absolute.
_RIGHT_ABS = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute
_RIGHT = _RIGHT_ABS | Qt.AlignmentFlag.AlignTop


@dataclass
class RenderedSlip:
    """The printed image (1-bit, ``width_dots`` wide) and where each part was drawn."""

    image: QImage
    regions: dict[str, QRect] = field(default_factory=dict)

    @property
    def width(self) -> int:
        """Width in dots."""
        return self.image.width()

    @property
    def height(self) -> int:
        """Height in dots."""
        return self.image.height()


class SlipRenderer:
    """Lays out :class:`SlipData` on paper of a given width and draws it."""

    def __init__(self, paper: Paper | None = None, fonts: SlipFonts | None = None) -> None:
        self.paper = paper or Paper()
        self.fonts = fonts or load_slip_fonts()

    # ---- fonts -----------------------------------------------------------------------
    def _px(self, size80: float, minimum: float = 0) -> int:
        return max(int(round(size80 * self.paper.scale)), int(minimum))

    def _latin(self, size80: float, bold: bool = False, minimum: float = 16) -> QFont:
        f = QFont(self.fonts.latin)
        f.setPixelSize(self._px(size80, minimum))
        f.setBold(bold)
        f.setHintingPreference(QFont.HintingPreference.PreferFullHinting)
        return f

    def _urdu(self, size80: float, bold: bool = False, minimum: float = 18) -> QFont:
        f = QFont(self.fonts.urdu)
        # Below ~22 dots the dots of ٹ پ چ ی run together on thermal paper (58 mm slips).
        f.setPixelSize(self._px(size80, max(minimum, URDU_MIN_DOTS)))
        f.setBold(bold)
        return f

    # ---- drawing helpers -------------------------------------------------------------
    def _text(self, p: QPainter, y: int, text: str, font: QFont, *, rtl: bool = False,
              align: Qt.AlignmentFlag = _CENTER, left: int | None = None, width: int | None = None) -> QRect:
        """Draw wrapped text from ``y``; returns the rectangle it occupies."""
        x = self.paper.margin if left is None else left
        w = self.paper.content_width if width is None else width
        p.setFont(font)
        p.setLayoutDirection(Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight)
        flags = int(align) | int(_WRAP)
        box = p.boundingRect(QRect(x, y, w, MAX_HEIGHT), flags, text)
        p.drawText(QRect(x, y, w, box.height()), flags, text)
        return QRect(max(box.left(), x), y, min(box.width(), w), box.height())

    def _rule(self, p: QPainter, y: int, thick: int = 2, dashed: bool = False) -> int:
        m = self.paper.margin
        if dashed:
            end = self.paper.width_dots - m
            for x in range(m, end, 12):
                p.fillRect(x, y, min(7, end - x), thick, _BLACK)
        else:
            p.fillRect(m, y, self.paper.content_width, thick, _BLACK)
        return y + thick

    def _number_font(self, number: str) -> QFont:
        """The largest bold font in which the token number fits the width (readable at arm's length)."""
        f = self._latin(200, bold=True)
        size = f.pixelSize()
        target = self.paper.content_width - 8
        while size > 40:
            f.setPixelSize(size)
            if QFontMetrics(f).tightBoundingRect(number).width() <= target:
                break
            size -= 4
        return f

    def _label_row(self, p: QPainter, y: int, en: str, ur: str, *, value: str, value_font: QFont) -> tuple[int, QRect]:
        """English label left, Urdu label right, the value centred under both."""
        small = self._latin(21, minimum=16)
        urdu = self._urdu(24, minimum=19)
        half = self.paper.content_width // 2
        m = self.paper.margin
        a = self._text(p, y, en, small, align=Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, width=half)
        b = self._text(p, y - 4, ur, urdu, rtl=True, align=_RIGHT,
                       left=m + half, width=self.paper.content_width - half)
        y = max(a.bottom(), b.bottom()) + 1
        v = self._text(p, y - 4, value, value_font)
        return v.bottom() + 6, b

    # ---- the slip --------------------------------------------------------------------
    def render(self, slip: SlipData) -> RenderedSlip:
        """Draw ``slip`` and return the 1-bit image with the regions of its parts."""
        pw = self.paper.width_dots
        canvas = QImage(pw, MAX_HEIGHT, QImage.Format.Format_Grayscale8)
        canvas.fill(_WHITE)
        regions: dict[str, QRect] = {}
        p = QPainter(canvas)
        try:
            p.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
            p.setPen(_BLACK)
            y = self._draw(p, slip, regions)
        finally:
            p.end()
        height = y + 24  # white tail so the cut does not touch the last line
        gray = canvas.copy(0, 0, pw, height)
        # Threshold to pure black/white: what the thermal head can do, and what the preview shows.
        mono = gray.convertToFormat(
            QImage.Format.Format_Mono, Qt.ImageConversionFlag.MonoOnly | Qt.ImageConversionFlag.ThresholdDither
        )
        return RenderedSlip(mono, regions)

    def _draw(self, p: QPainter, s: SlipData, regions: dict[str, QRect]) -> int:
        m, cw, pw = self.paper.margin, self.paper.content_width, self.paper.width_dots
        y = 8
        if s.reprint:
            f = self._latin(20, bold=True)
            r = self._text(p, y, "REPRINT  -  دوبارہ چھاپی گئی", f)
            y = r.bottom() + 6
        regions["site_en"] = r = self._text(p, y, s.site_name, self._latin(30, bold=True, minimum=22))
        y = r.bottom() + 2
        if s.site_name_ur:
            regions["site_ur"] = r = self._text(p, y - 4, s.site_name_ur, self._urdu(30, bold=True, minimum=24), rtl=True)
            y = r.bottom()
        when = s.issued_at.strftime("%a %d %b %Y   %H:%M")
        r = self._text(p, y + 2, when, self._latin(22, minimum=17))
        y = self._rule(p, r.bottom() + 8) + 6

        # Token number: as large as the width allows.
        label = self._latin(20, bold=True, minimum=16)
        r = self._text(p, y, "TOKEN  /  ٹوکن نمبر", label)
        y = r.bottom() + 2
        nf = self._number_font(s.number)
        tight = QFontMetrics(nf).tightBoundingRect(s.number)
        top = y + 8
        p.setFont(nf)
        p.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        x = m + (cw - tight.width()) // 2 - tight.left()
        p.drawText(x, top - tight.top(), s.number)
        regions["number"] = QRect(m + (cw - tight.width()) // 2, top, tight.width(), tight.height())
        y = top + tight.height() + 14

        if s.priority:
            band = self._px(50, 40)
            p.fillRect(m, y, cw, band, _BLACK)
            p.setPen(_WHITE)
            f = self._latin(28, bold=True, minimum=22)
            p.setFont(f)
            p.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
            p.drawText(QRect(m + 10, y, cw // 2, band), int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                       "PRIORITY")
            p.setFont(self._urdu(30, bold=True, minimum=24))
            p.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
            p.drawText(QRect(m + cw // 2, y - 3, cw // 2 - 10, band),
                       int(_RIGHT_ABS | Qt.AlignmentFlag.AlignVCenter), "ترجیحی")
            p.setPen(_BLACK)
            regions["priority"] = QRect(m, y, cw, band)
            y += band + 10

        regions["type_en"] = r = self._text(p, y, s.type_en, self._latin(32, bold=True, minimum=24))
        y = r.bottom() + 2
        if s.type_ur:
            regions["type_ur"] = r = self._text(p, y - 4, s.type_ur, self._urdu(36, bold=True, minimum=28), rtl=True)
            y = r.bottom() + 2
        y = self._rule(p, y + 8, 2, dashed=True) + 10

        value = self._latin(34, bold=True, minimum=26)
        if s.position > 0:
            y, r = self._label_row(p, y, "Your place in line", "قطار میں آپ کی جگہ", value=str(s.position),
                                   value_font=value)
            regions["position_ur"] = r
        wait_en, wait_ur = format_wait(s.estimated_wait)
        y, r = self._label_row(p, y, "Estimated wait", "متوقع انتظار", value=wait_en, value_font=value)
        regions["wait_ur"] = r
        if s.estimated_wait is not None:
            # "min" means little to a visitor who reads only Urdu: say it in Urdu too.
            regions["wait_value_ur"] = r = self._text(p, y - 10, wait_ur, self._urdu(26, bold=True, minimum=21), rtl=True)
            y = r.bottom() + 4
        if s.cnic_masked:
            y, r = self._label_row(p, y, "CNIC", "شناختی کارڈ نمبر", value=s.cnic_masked,
                                   value_font=self._latin(28, bold=True, minimum=21))
        y = self._rule(p, y + 2, 2, dashed=True) + 10

        r = self._text(p, y, s.instruction_en, self._latin(22, minimum=17))
        regions["instruction_en"] = r
        y = r.bottom() + 6
        regions["instruction_ur"] = r = self._text(p, y - 4, s.instruction_ur, self._urdu(26, minimum=21), rtl=True)
        y = r.bottom() + 12

        if s.qr_payload:
            matrix = qr_matrix(s.qr_payload)
            n = len(matrix)
            # Whole dots per module (a thermal head cannot print half a dot); ~30 mm square at 80 mm.
            module = max(3, min(6, int(cw * 0.42) // n))
            side = n * module
            qx = (pw - side) // 2
            qy = y + 4 * module // 2
            for row, cells in enumerate(matrix):
                col = 0
                while col < n:
                    if cells[col]:
                        start = col
                        while col < n and cells[col]:
                            col += 1
                        p.fillRect(qx + start * module, qy + row * module, (col - start) * module, module, _BLACK)
                    else:
                        col += 1
            regions["qr"] = QRect(qx, qy, side, side)
            y = qy + side + 4 * module // 2
        small = self._latin(17, minimum=14)
        r = self._text(p, y, KEEP_EN, small)
        y = r.bottom() + 2
        r = self._text(p, y - 4, KEEP_UR, self._urdu(21, minimum=18), rtl=True)
        return r.bottom()
