"""Linking a submitted survey to its token, refusing what would corrupt a count.

A tablet names the token by the slip's signed QR code (checked with the site's slip key) or by
its day and number. The answer to each bad input is a problem with its own slug, and nothing is
written: an unknown token (404), a token of another site (403), a forged or altered code (422),
a code whose CNIC binding is not the surveyed person's (422), a token that already has a survey
- a replayed slip - (409) and the same survey sent twice (409). One survey per token is also a
unique index, so two tablets racing on one token cannot both win.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from services.hub.deps import Problem
from services.hub.models import HubSite, SiteEventRow, SiteSlipKey, Survey
from services.hub.ops.ingest import local_day
from services.hub.survey.central_keys import survey_keys
from services.hub.survey.schemas import SurveyIn, SurveyReceipt
from vocabulary.slip_payload import QrPayloadError, SlipClaim, verify


@dataclass(frozen=True)
class _Token:
    token_id: int
    number: str
    day: date
    via_qr: bool


def _other_site(site_id: str, named: str) -> Problem:
    return Problem(403, "Token of another site", f"The token belongs to {named}, not {site_id}; a survey is "
                   "submitted to the site that issued the token.", "token-of-another-site")


def _claim(ses: Session, site_id: str, body: SurveyIn, code: str) -> SlipClaim:
    """The verified claim of a slip code, or the problem with it."""
    parts = code.strip().split(".")
    if len(parts) >= 2 and parts[1] != site_id and parts[0] in ("DRC1", "DRC2"):
        raise _other_site(site_id, parts[1][:24])
    key = ses.get(SiteSlipKey, site_id)
    if key is None:
        raise Problem(409, "No slip key", f"{site_id} has not registered its slip key, so its QR codes cannot be "
                      "checked; send the token's day and number instead.", "no-slip-key")
    try:
        claim = verify(code, key.secret, site_id=site_id)
    except QrPayloadError as exc:
        raise Problem(422, "Forged or altered slip code", f"The slip code was refused: {exc.reason}.",
                      "forged-qr") from None
    if claim.matches(body.cnic, key.secret) is False:
        raise Problem(422, "Slip of another person", "The slip code is genuine but was issued to another CNIC than "
                      "the surveyed person's.", "qr-cnic-mismatch")
    return claim


def _token(ses: Session, site_id: str, body: SurveyIn) -> _Token | None:
    """The token the survey names (None: it names none), or the problem with it."""
    if body.qr is not None:
        claim = _claim(ses, site_id, body, body.qr)
        day, number, via_qr = claim.business_day, claim.number, True
    elif body.token is not None:
        if body.token.site_id is not None and body.token.site_id != site_id:
            raise _other_site(site_id, body.token.site_id)
        day, number, via_qr = body.token.day, body.token.number, False
    else:
        return None
    found = ses.execute(select(SiteEventRow.token_id).where(
        SiteEventRow.site_id == site_id, SiteEventRow.day == day, SiteEventRow.token_number == number)
        .order_by(SiteEventRow.at).limit(1)).scalar()
    if found is None:
        raise Problem(404, "Unknown token", f"The hub holds no token {number} of {day.isoformat()} at {site_id}. If "
                      "the site was offline, send the survey again once its events are uploaded.", "unknown-token")
    return _Token(int(found), number, day, via_qr)


def submit(ses: Session, site_id: str, body: SurveyIn, now: datetime | None = None) -> SurveyReceipt:
    """Store one survey linked to its token (in the session's transaction; commits), or raise a Problem."""
    held = ses.get(Survey, body.survey_id)
    token = _token(ses, site_id, body)
    if held is not None:
        if held.site_id == site_id and (token is None or held.token_id == token.token_id):
            raise Problem(409, "Survey already received", f"Survey {body.survey_id} was received before"
                          f"{' for token ' + held.token_number if held.token_number else ''}; it counts once.",
                          "survey-already-received")
        raise Problem(409, "Survey id taken", f"Another survey already has the id {body.survey_id}.",
                      "survey-id-taken")
    if token is not None:
        other = ses.execute(select(Survey.survey_id).where(Survey.site_id == site_id,
                                                           Survey.token_id == token.token_id)).scalar()
        if other is not None:
            raise _already_surveyed(token, other)
    site = ses.get(HubSite, site_id)
    region = site.region if site is not None else ""
    stamp = (now or datetime.now(UTC)).astimezone(UTC).replace(tzinfo=None)
    day = token.day if token is not None else local_day(body.submitted_at)
    ses.add(Survey(
        survey_id=body.survey_id, site_id=site_id, day=day, deo=body.deo, cnic=body.cnic, phone=body.phone,
        started_at=body.started_at, submitted_at=body.submitted_at, lat=body.lat, lon=body.lon,
        address=body.address, household_size=body.household_size, region=region,
        assets=body.assets.model_dump(), token_id=token.token_id if token else None,
        token_number=token.number if token else None, b_form=body.b_form_present,
        via_qr=token.via_qr if token else None, received_at=stamp,
        **survey_keys(body.cnic, body.phone, body.address)))
    try:
        ses.commit()
    except IntegrityError:
        ses.rollback()
        raise Problem(409, "Token already surveyed", "Another survey of this token arrived at the same moment; it "
                      "counts once.", "token-already-surveyed") from None
    return SurveyReceipt(survey_id=body.survey_id, site_id=site_id, linked=token is not None,
                         token_id=token.token_id if token else None, token_number=token.number if token else None,
                         day=day, deo=body.deo)


def _already_surveyed(token: _Token, other: str) -> Problem:
    if token.via_qr:
        return Problem(409, "Slip already used", f"The slip of {token.number} was already used for survey {other}: "
                       "a replayed code does not count again.", "qr-replayed")
    return Problem(409, "Token already surveyed", f"Token {token.number} of {token.day.isoformat()} already has "
                   f"survey {other}; it counts once.", "token-already-surveyed")
