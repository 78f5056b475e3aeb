"""The survey-quality tables: flags per DEO and the flagged surveys of one DEO (plain values in)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from widgets.bidi import comma_join, ltr, semicolon_join
from widgets.rows_model import Index, RowsTableModel

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
"""Both tables answer this role with a sortable value (numbers as numbers)."""
OUTLIER_BG = QColor("#ffe9b3")


class DeoFlagsModel(RowsTableModel):
    """One row per DEO (a ``services.quality.DeoQuality``): surveys, flagged share, typical values and
    flag counts by ``groups`` ((column title, flag codes), titles already translated)."""

    def __init__(self, groups: list[tuple[str, tuple[str, ...]]], parent: QObject | None = None, *,
                 explain: Callable[[Any], list[str]] = lambda d: list(d.outlier_reasons)) -> None:
        super().__init__([], parent)
        self.groups = groups
        self.explain = explain  # why a DEO stands out, in the reader's language
        self.names: dict[str, str] = {}
        self.headers = [self.tr("DEO"), self.tr("Surveys"), self.tr("Flagged"), self.tr("Flag rate"),
                         self.tr("Median min"), self.tr("Avg household")] + [g for g, _ in groups] + [self.tr("Outlier")]
        self._bold = QFont()
        self._bold.setBold(True)

    _FIXED = ("deo", "surveys", "flagged_surveys", "flag_rate", "median_minutes", "avg_household_size")

    def _value(self, d: Any, col: int) -> Any:
        n_fixed = len(self._FIXED)
        if col < n_fixed:
            return getattr(d, self._FIXED[col])
        if col < n_fixed + len(self.groups):
            return sum(d.flags.get(c, 0) for c in self.groups[col - n_fixed][1])
        return 1 if d.outlier else 0

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        d = self.rows[index.row()]
        col = index.column()
        v = self._value(d, col)
        if role == SORT_ROLE:
            return -1.0 if v is None else v
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:  # the username is an identifier: kept left to right in an Urdu table
                return f"{self.names[d.deo]} ({ltr(d.deo)})" if d.deo in self.names else ltr(d.deo)
            if col == 3:
                return f"{v:.0%}"
            if col in (4, 5):
                return "–" if v is None else f"{v:.1f}"
            if col == len(self.headers) - 1:
                return self.tr("yes") if v else ""
            return str(v)
        if role == Qt.ItemDataRole.BackgroundRole and d.outlier:
            return QBrush(OUTLIER_BG)
        if role == Qt.ItemDataRole.FontRole and d.outlier:
            return self._bold
        if role == Qt.ItemDataRole.ToolTipRole and d.outlier:
            return self.tr("Far from the site's other DEOs: ") + semicolon_join(self.explain(d))
        if role == Qt.ItemDataRole.TextAlignmentRole and col > 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class FlaggedSurveysModel(RowsTableModel):
    """The flagged surveys of the selected DEO (CNIC and phone masked), flags named by ``flag_title``;
    ids, CNICs and phones kept left-to-right by ``keep_ltr`` inside right-to-left text."""

    def __init__(self, flag_title: Callable[[str], str], keep_ltr: Callable[[object], str],
                 parent: QObject | None = None, *,
                 explain: Callable[[dict[str, Any]], list[str]] = lambda r: list(r["explanations"])) -> None:
        super().__init__([], parent)
        self.flag_title = flag_title
        self.keep_ltr = keep_ltr
        self.explain = explain  # a row's "why" texts, in the reader's language
        self.headers = [self.tr("Survey"), self.tr("DEO"), self.tr("CNIC"), self.tr("Phone"), self.tr("Minutes"),
                         self.tr("Household"), self.tr("Flags"), self.tr("Why")]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        r = self.rows[index.row()]
        col = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, SORT_ROLE):
            keys = ["survey_id", "deo", "cnic", "phone", "minutes", "household_size"]
            if col < len(keys):
                if role == SORT_ROLE:
                    return r[keys[col]]
                if col == 4:
                    return f"{r['minutes']:.1f}"
                # Survey ids, usernames, CNICs and phones stay left-to-right inside an Urdu table.
                return self.keep_ltr(r[keys[col]]) if col in (0, 1, 2, 3) else r[keys[col]]
            if col == 6:
                return comma_join(self.flag_title(c) for c in r["codes"])
            return " ".join(self.explain(r))
        if role == Qt.ItemDataRole.ToolTipRole and col >= 6:
            return "\n".join(self.explain(r))
        return None
