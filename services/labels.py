"""Names of update types and token states as people read them, in English and Urdu.

Plain data so the slip printer, the board and the pages all say the same thing. English text
is passed through Qt's translation in the console (context "UpdateType" / "TokenState").
"""

from __future__ import annotations

from db.models import TokenState, UpdateType

UPDATE_TYPE_EN: dict[UpdateType, str] = {
    UpdateType.MISSED_OUT: "Missed-out household",
    UpdateType.ROSTER: "Roster update",
    UpdateType.SHOCK: "Shock update",
    UpdateType.APPEAL: "Appeal against cut-off",
    UpdateType.CYCLIC: "Cyclic update",
    UpdateType.RECERTIFICATION: "Recertification",
}

UPDATE_TYPE_UR: dict[UpdateType, str] = {
    UpdateType.MISSED_OUT: "رہ جانے والے گھرانے کا اندراج",
    UpdateType.ROSTER: "خاندانی کوائف میں تبدیلی",
    UpdateType.SHOCK: "آفت زدہ علاقے کا سروے",
    UpdateType.APPEAL: "کٹ آف کے خلاف اپیل",
    UpdateType.CYCLIC: "دو سالہ دوبارہ سروے",
    UpdateType.RECERTIFICATION: "سہ سالہ تصدیقِ نو",
}

TOKEN_STATE_EN: dict[TokenState, str] = {
    TokenState.WAITING: "Waiting",
    TokenState.CALLED: "Called",
    TokenState.IN_SERVICE: "In service",
    TokenState.COMPLETED: "Completed",
    TokenState.NO_SHOW: "No-show",
    TokenState.CANCELLED: "Cancelled",
}
