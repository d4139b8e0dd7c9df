"""The public /query page's two acts, for applicants without an account: look a case up, and rate it (好差评)."""

from __future__ import annotations

import asyncio
import hmac
from datetime import datetime, timedelta
from typing import Any, Literal

from pydantic import BaseModel, Field
from pymongo import ReturnDocument

from hub.actions.audit import Origin, do_audit, do_audit_failure
from hub.actions.bots import ensure_bot
from hub.actions.cards import do_post_card
from hub.actions.channels import ensure_unit_channel, subscribe
from hub.actions.licensing import query_code_hash
from hub.actions.licensing_counters import count_transition
from hub.actions.policy import check_texts
from hub.cards import CardField, CardSpec, CardStatus
from hub.context import Hub
from hub.errors import HubError
from hub.lib.timeutil import as_utc
from hub.lib.upsert import upsert_after
from hub.models import Unit, User
from hub.models.licensing import FollowUp, LicensingCase, Rating
from hub.models.security import LoginThrottle

FOLLOW_UP_DAYS = 15
SCORES = {5: "非常满意", 4: "满意", 3: "基本满意", 2: "不满意", 1: "非常不满意"}
STATUS_LABELS = {"submitted": "已收件，待受理", "correction": "待补正材料", "refused": "不予受理（已办结）",
                 "review": "审查中", "decided": "已作出决定，待送达", "delivered": "已办结"}
# Any case number and code shape the hub issues: checked before anything is counted or looked up.
NUMBER = r"^[0-9A-Z]{10,40}$"
CODE = r"^[0-9A-Za-z]{8}$"


class QueryIn(BaseModel):
    number: str = Field(pattern=NUMBER)
    code: str = Field(pattern=CODE)


class RateIn(QueryIn):
    score: int = Field(ge=1, le=5)
    comment: str = Field(default="", max_length=500)


class PublicStage(BaseModel):
    name: str
    at: datetime
    note: str


class PublicResult(BaseModel):
    granted: bool
    reason: str
    appeal: str
    at: datetime


class PublicCase(BaseModel):
    """Everything an applicant may see; built field by field so nothing internal can slip in."""

    number: str
    matter_name: str
    department: str
    status: str
    status_label: str
    stages: list[PublicStage]
    deadline: datetime | None
    paused: bool
    correction: list[str] | None
    refusal: str | None
    extension_reason: str | None
    result: PublicResult | None
    can_rate: bool
    rated: Literal["", "非常满意", "满意", "基本满意", "不满意", "非常不满意"]


def public_view(case: LicensingCase) -> PublicCase:
    d = case.decision
    ext = case.extension if case.extension is not None and case.extension.approved_at is not None else None
    done = case.status in ("delivered", "refused")
    rated = SCORES[case.rating.score] if case.rating else ""
    return PublicCase(
        number=case.number, matter_name=case.matter_name, department=case.unit_name, status=case.status,
        status_label=STATUS_LABELS[case.status],
        stages=[PublicStage(name=s.name, at=s.at, note=s.note) for s in case.stages],
        deadline=case.due_at, paused=bool(case.clock and case.clock.paused), correction=case.correction,
        refusal=case.refusal, extension_reason=ext.reason if ext else None,
        result=PublicResult(granted=d.granted, reason=d.reason, appeal=d.appeal, at=d.at) if d else None,
        can_rate=done and case.rating is None, rated=rated)


def _coll() -> Any:
    return LoginThrottle.get_pymongo_collection()


async def _count(hub: Hub, key: str, limit: int) -> None:
    """One request on a per-minute counter; past the limit it is refused before any lookup."""
    minute = hub.clock.now().replace(second=0, microsecond=0)
    doc = await upsert_after(_coll(), f"{key}|{minute.isoformat()}", {"$inc": {"failures": 1}, "$setOnInsert": {
        "inflight": 0, "locked_until": None, "window_until": minute + timedelta(minutes=1)}})
    if int(doc["failures"]) > limit:
        raise HubError("rate_limited", retry_after_seconds=60 - hub.clock.now().second)


async def _claim_number(hub: Hub, number: str) -> str:
    """Claim a guess on this 办件编号 (whether or not such a case exists, so a lock reveals nothing). Guesses in
    flight count, so a parallel burst gets no more tries than a patient guesser.

    One document per number carries the claim, the wrong codes, the lock and this minute's requests, and one
    update claims and counts: each store round trip costs milliseconds on SecantusDB, and the query page made
    six to ten of them. The minute window and an expired lock are reset only when the claim finds them over."""
    now = hub.clock.now()
    minute_end = now.replace(second=0, microsecond=0) + timedelta(minutes=1)
    key = f"licq:lock:{number}"
    doc = await upsert_after(_coll(), key, {"$inc": {"inflight": 1, "per_minute": 1}, "$setOnInsert": {
        "failures": 0, "locked_until": None, "window_until": minute_end}})
    if as_utc(doc["window_until"]) <= now:  # a new minute: this request opens its window
        res = await _coll().update_one({"_id": key, "window_until": doc["window_until"]},
                                       {"$set": {"window_until": minute_end, "per_minute": 1}})
        if res.modified_count == 0:  # another request opened it first: count this one in it
            doc = await _coll().find_one_and_update({"_id": key}, {"$inc": {"per_minute": 1}},
                                                    return_document=ReturnDocument.AFTER)
        else:
            doc["per_minute"] = 1
    locked = doc.get("locked_until")
    if locked is not None and as_utc(locked) <= now:  # the lock has run out: forget the wrong codes
        res = await _coll().update_one({"_id": key, "locked_until": locked, "inflight": 1},
                                       {"$set": {"failures": 0, "locked_until": None}})
        if res.modified_count:
            doc |= {"failures": 0, "locked_until": None}
            locked = None
    if int(doc.get("per_minute", 0)) > hub.settings.query_per_case_per_minute:
        await _coll().update_one({"_id": key}, {"$inc": {"inflight": -1}})
        raise HubError("rate_limited", retry_after_seconds=60 - now.second)
    if (locked is not None and as_utc(locked) > now) or \
            int(doc["failures"]) + int(doc["inflight"]) > hub.settings.query_max_wrong_codes:
        await _coll().update_one({"_id": key}, {"$inc": {"inflight": -1}})
        raise HubError("query_locked")
    return key


async def _wrong(hub: Hub, key: str) -> None:
    doc = await _coll().find_one_and_update({"_id": key}, {"$inc": {"inflight": -1, "failures": 1}},
                                            return_document=ReturnDocument.AFTER)
    if doc is not None and int(doc["failures"]) >= hub.settings.query_max_wrong_codes:
        until = hub.clock.now() + timedelta(minutes=hub.settings.query_lock_minutes)
        await _coll().update_one({"_id": key}, {"$set": {"locked_until": until}})


async def _verified(hub: Hub, body: QueryIn, origin: Origin) -> LicensingCase:
    """The case, if the number and code match; "no such case" and "wrong code" give one and the same error,
    after the same work (one lookup, one HMAC, one counter update). Three round trips to wait for when all is
    well: the address's minute counter beside the case by its unique number, the number's claim, the release."""
    s = hub.settings
    number = body.number.upper()
    # The lookup is a read and tells nothing until the code is compared, so it runs beside the address's
    # counter: one round trip less to wait for. The number is claimed only once the address is within its limit.
    counted, case = await asyncio.gather(_count(hub, f"licq:ip:{origin.ip or '-'}", s.query_per_ip_per_minute),
                                         LicensingCase.find_one(LicensingCase.number == number),
                                         return_exceptions=True)
    if isinstance(counted, BaseException):
        raise counted
    if isinstance(case, BaseException):
        raise case
    key = await _claim_number(hub, number)
    given = query_code_hash(hub, number, body.code)
    stored = case.query_code_hash if case is not None else query_code_hash(hub, number, "-no-case-")
    if case is None or not hmac.compare_digest(given, stored):
        await _wrong(hub, key)
        await do_audit_failure(hub, "licensing.query", actor=None, object_type="licensing_case",
                               object_id=number[:40], outcome="wrong_code", origin=origin)
        raise HubError("query_failed")
    await _coll().update_one({"_id": key}, {"$inc": {"inflight": -1}, "$set": {"failures": 0}})
    return case


async def do_public_query(hub: Hub, body: QueryIn, origin: Origin) -> PublicCase:
    return public_view(await _verified(hub, body, origin))


async def do_public_rate(hub: Hub, body: RateIn, origin: Origin) -> PublicCase:
    """好差评 once per case after 办结; a 差评 (不满意 or worse) opens a follow-up for the department."""
    check_texts(hub, [body.comment])
    case = await _verified(hub, body, origin)
    if case.status not in ("delivered", "refused"):
        raise HubError("conflict", detail="a case can be rated once it is finished (办结)")
    now = hub.clock.now()
    rating = Rating(score=body.score, comment=body.comment, at=now)
    res = await LicensingCase.get_pymongo_collection().update_one(
        {"_id": case.id, "rating": None}, {"$set": {"rating": rating.model_dump()}, "$inc": {"version": 1}})
    if res.modified_count == 0:
        raise HubError("conflict", detail="this case has already been rated")
    await do_audit(hub, "licensing.rated", actor=None, object_type="licensing_case", object_id=case.id,
                   detail={"score": body.score}, origin=origin)
    await count_transition(case, case.model_copy(update={"rating": rating}), f"{case.id}:rating")
    if body.score <= 2:
        await _open_follow_up(hub, case, rating)
    updated = await LicensingCase.get(case.id)
    assert updated is not None
    return public_view(updated)


async def _open_follow_up(hub: Hub, case: LicensingCase, rating: Rating) -> None:
    assert case.id is not None
    cal = await hub.workdays.fresh()
    due = cal.add_working_days(rating.at, FOLLOW_UP_DAYS)
    follow = FollowUp(case_id=case.id, number=case.number, unit_id=case.unit_id, score=rating.score,
                      comment=rating.comment, due_at=due, created_at=rating.at)
    await follow.insert()
    unit = await Unit.get(case.unit_id)
    if unit is None:
        return
    from hub.actions.licensing_monitor import BOT_KEY, BOT_NAME

    account = await ensure_bot(BOT_KEY, BOT_NAME, [])
    bot = await User.get(account.user_id)
    assert bot is not None and bot.id is not None
    channel = await ensure_unit_channel(unit)
    await subscribe(hub, channel, [bot.id])
    spec = CardSpec(
        kind="licensing.followup", title=f"差评整改｜{case.matter_name}",
        fields=[CardField(label="办件编号", value=case.number), CardField(label="评价", value=SCORES[rating.score]),
                CardField(label="整改时限", value="15个工作日")],
        body=rating.comment or "（申请人未填写意见）", deadline=due,
        status=CardStatus(code="open", label="待整改", tone="danger"), context={"case_id": str(case.id)})
    await do_post_card(hub, bot, BOT_KEY, spec, [channel], card_id=follow.id)


async def do_close_follow_up(hub: Hub, user: User, follow_id: str, note: str) -> FollowUp:
    """Staff of the department record how they answered a 差评; missing and forbidden look alike."""
    from beanie import PydanticObjectId

    from hub.actions.licensing import is_member

    check_texts(hub, [note])
    if not note.strip():
        raise HubError("opinion_required", detail="say how the applicant was answered")
    try:
        follow = await FollowUp.get(PydanticObjectId(follow_id))
    except Exception:
        follow = None
    if follow is None or not await is_member(user, follow.unit_id):
        raise HubError("not_found")
    res = await FollowUp.get_pymongo_collection().update_one(
        {"_id": follow.id, "status": "open"},
        {"$set": {"status": "done", "closed_by": user.id, "closed_at": hub.clock.now(), "note": note}})
    if res.modified_count == 0:
        raise HubError("conflict", detail="this follow-up is already closed")
    await do_audit(hub, "licensing.followup_closed", actor=user, object_type="licensing_followup",
                   object_id=follow.id)
    closed = await FollowUp.get(follow.id)
    assert closed is not None
    return closed
