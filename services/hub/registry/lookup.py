"""One triage lookup at the hub: NADRA's identity check and the registry's household, in one answer.

A DRC on a mobile link pays a round trip per request (300 ms and more); the console used to make
three in a row (identity, household, shock list). Here the hub does the reads, each by a unique
index or a tiny table, and answers once.
"""

from __future__ import annotations

from typing import Any, Literal

from sqlalchemy import select
from sqlalchemy.orm import Session

from services.hub import schemas as s
from services.hub.models import Citizen, Household, HubTehsil, Member, ShockNotification
from services.hub.policy import policy_answer

Identity = Literal["verified", "unknown", "blocked", "mismatch"]


def same_name(a: str, b: str) -> bool:
    """Names compared as NADRA's clerks would: case and spacing do not matter."""
    return " ".join(a.casefold().split()) == " ".join(b.casefold().split())


def nadra_status(id_status: str | None, on_record: str | None, given: str | None) -> Identity:
    """NADRA's answer for a record (``None``: no record) and, if the visitor gave one, their name."""
    if id_status is None:
        return "unknown"
    if id_status == "blocked":
        return "blocked"
    if id_status == "mismatch" or (given and given.strip() and on_record is not None
                                   and not same_name(given, on_record)):
        return "mismatch"
    return "verified"


def identify(ses: Session, cnic: str, name: str | None) -> tuple[Identity, Any]:
    """NADRA's status for ``cnic`` and the member row (None when the person is in no household)."""
    member = ses.execute(select(Member.household_id, Member.name, Member.id_status).where(Member.cnic == cnic)).first()
    if member is not None:
        return nadra_status(member.id_status, member.name, name), member
    citizen = ses.execute(select(Citizen.name, Citizen.id_status).where(Citizen.cnic == cnic)).first()
    if citizen is None:
        return "unknown", None
    return nadra_status(citizen.id_status, citizen.name, name), None


def shock_list(ses: Session, as_of: Any) -> s.ShockAreas:
    """The notified shock areas (a few dozen rows)."""
    rows = ses.execute(
        select(ShockNotification, HubTehsil).join(HubTehsil, HubTehsil.code == ShockNotification.tehsil_code)
        .order_by(ShockNotification.tehsil_code)
    ).all()
    return s.ShockAreas(as_of=as_of, areas=[
        s.ShockAreaOut(tehsil_code=t.code, tehsil=t.name, district=t.district, region=t.region,
                       notified_on=n.notified_on, reason=n.reason) for n, t in rows])


def household_of(ses: Session, household_id: str, cutoff: float) -> tuple[s.HouseholdStatus, str, list[s.MemberOut]]:
    """The household's status, its head's name and its members in roster order."""
    row = ses.execute(
        select(Household.household_id, Household.pmt_score, Household.last_survey_date, Household.members,
               Household.head_name, HubTehsil.region, HubTehsil.district, HubTehsil.name, HubTehsil.code,
               ShockNotification.tehsil_code.label("shock"))
        .join(HubTehsil, HubTehsil.code == Household.tehsil_code)
        .outerjoin(ShockNotification, ShockNotification.tehsil_code == Household.tehsil_code)
        .where(Household.household_id == household_id)
    ).one()
    members = ses.execute(
        select(Member.member_id, Member.name, Member.relation, Member.gender, Member.age, Member.cnic)
        .where(Member.household_id == household_id).order_by(Member.position)
    ).all()
    status = s.HouseholdStatus(
        household_id=row.household_id, registered=True,
        beneficiary=row.pmt_score is not None and row.pmt_score <= cutoff, pmt_score=row.pmt_score,
        last_survey_date=row.last_survey_date, region=row.region, district=row.district, tehsil=row.name,
        tehsil_code=row.code, shock_area=row.shock is not None, members=row.members)
    return status, row.head_name, [
        s.MemberOut(member_id=m.member_id, name=m.name, relation=m.relation, gender=m.gender, age=m.age,
                    cnic=m.cnic) for m in members]


def triage_lookup(ses: Session, body: s.TriageRequest, cutoff: float, as_of: Any) -> s.TriageLookup:
    """Identity, membership, household, family tree and the shock list for one CNIC."""
    identity, member = identify(ses, body.cnic, body.name)
    shocks = shock_list(ses, as_of)
    policy = policy_answer(cutoff, as_of)  # the site keeps the centre's rules fresh at no extra round trip
    if member is None:
        return s.TriageLookup(cnic=body.cnic, identity=identity, membership="not_registered", household=None,
                              head_name=None, members=[], shock_areas=shocks, cut_off=cutoff, policy=policy)
    household, head, members = household_of(ses, member.household_id, cutoff)
    return s.TriageLookup(cnic=body.cnic, identity=identity,
                          membership="beneficiary" if household.beneficiary else "registered",
                          household=household, head_name=head, members=members, shock_areas=shocks, cut_off=cutoff,
                          policy=policy)
