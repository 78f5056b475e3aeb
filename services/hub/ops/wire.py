"""An upload's body, from bytes to checked events in one pass.

FastAPI would ``json.loads`` the body and then validate the Python objects, with a Python NUL
check on every string field of every event (~100k calls a 1000-event batch). Here pydantic-core
parses and validates the bytes at once (``model_validate_json``) against a lean copy of
:class:`services.hub.schemas.SiteEventIn`: the same fields and bounds, without the per-field NUL
check when it cannot find anything. A JSON string can hold NUL only as the escape ``\\u0000`` (a
raw control character is invalid JSON, and the parser refuses it), so a body without that escape
needs no NUL check; a body with it (or with ``\\\\u0000``, a harmless false alarm) goes through the
full :class:`services.hub.schemas.EventBatch`. Payloads of flat short values (nearly all) skip the
recursive payload check. Either way a bad batch is a 422, with pydantic's field locations.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi.exceptions import RequestValidationError
from pydantic import BaseModel, ConfigDict, Field, ValidationError, create_model, field_validator

from services.hub import schemas as s

_NUL_ESCAPE = b"\\u0000"


def _payload(payload: dict[str, Any]) -> dict[str, Any]:
    """Flat payloads of short texts, booleans and nulls are already clean; anything else gets the full check."""
    if not payload:
        return {}
    if len(payload) <= s.PAYLOAD_MAX_ITEMS and all(
            len(k) <= s.PAYLOAD_MAX_TEXT and (v is None or v is True or v is False
                                              or (type(v) is str and len(v) <= s.PAYLOAD_MAX_TEXT))
            for k, v in payload.items()):
        return payload
    return dict(s.clean_json(payload))


# The event's fields are taken from the contract's model, so the two cannot drift apart.
WireEvent: type[BaseModel] = create_model(
    "WireEvent",
    __config__=ConfigDict(extra="ignore", allow_inf_nan=False),
    __validators__={"at_utc": field_validator("at")(s.event_time_utc), "payload_clean": field_validator("payload")(_payload)},
    **{name: (f.annotation, f) for name, f in s.SiteEventIn.model_fields.items()},  # type: ignore[call-overload]
)


class WireBatch(BaseModel):
    """Up to 1000 events (the lean twin of :class:`services.hub.schemas.EventBatch`)."""

    model_config = ConfigDict(extra="ignore")

    events: Annotated[list[WireEvent], Field(max_length=1000)]  # type: ignore[valid-type]


def parse_batch(body: bytes) -> list[Any]:
    """The events of an upload's body (each with the attributes of ``SiteEventIn``), or 422."""
    model: type[BaseModel] = s.EventBatch if _NUL_ESCAPE in body else WireBatch
    try:
        return list(model.model_validate_json(body).events)  # type: ignore[attr-defined]
    except ValidationError as exc:
        raise RequestValidationError([{**e, "loc": ("body", *e["loc"])} for e in exc.errors()]) from None
