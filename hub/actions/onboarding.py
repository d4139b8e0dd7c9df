"""The role tours: which tour fits a person, and recording that they completed or skipped it."""

from __future__ import annotations

from typing import Any

from beanie.operators import In
from pymongo import ReturnDocument
from pymongo.errors import DuplicateKeyError

from hub.context import Hub
from hub.errors import HubError
from hub.models import Membership, User
from hub.models.onboarding import TourSeen, TourState, tour_state_id
from hub.onboarding_wire import TOURS, TourKey, TourOut, TourRecordIn, ToursOut

# 岗位 words that make a seat a document clerk's (文书, 机要, 收发) or an office director's.
CLERK_POSTS = ("文书", "机要", "收发")
DIRECTOR_POSTS = ("办公室负责人", "秘书长")


def tour_role(user: User, seats: list[Membership]) -> TourKey:
    """Administrators first (their console is all they use), then clerk, office director, leader, staff."""
    roles = set(user.roles)
    for admin in ("sys_admin", "sec_admin", "audit_admin"):
        if admin in roles:
            return admin
    posts = [s.position for s in seats]
    if "doc_clerk" in roles or any(w in p for p in posts for w in CLERK_POSTS):
        return "clerk"
    if "office_director" in roles or any(w in p for p in posts for w in DIRECTOR_POSTS):
        return "director"
    if "leader" in roles or any(s.is_head for s in seats):
        return "leader"
    return "staff"


def _out(role: TourKey, state: TourState | None) -> ToursOut:
    seen = state.seen if state else {}
    tours = []
    for key, version in TOURS.items():
        s = seen.get(key)
        tours.append(TourOut(key=key, version=version, seen_version=s.version if s else None,
                             outcome=s.outcome if s else None, at=s.at if s else None))
    mine = seen.get(role)
    return ToursOut(role=role, due=mine is None or mine.version < TOURS[role], tours=tours)


async def my_tours(user: User) -> ToursOut:
    seats = await Membership.find(Membership.user_id == user.id).to_list()
    return _out(tour_role(user, seats), await TourState.get(tour_state_id(user.id)))


def check_tour_record(body: TourRecordIn) -> None:
    if body.version > TOURS[body.tour]:
        raise HubError("invalid_request", detail=f"tour {body.tour} has no version {body.version}")


async def do_record_tour(hub: Hub, user: User, body: TourRecordIn) -> ToursOut:
    """Created by a plain insert on first use, then a plain update (never a retried upsert: hub/lib/upsert.py)."""
    check_tour_record(body)
    now = hub.clock.now()
    seen = TourSeen(version=body.version, outcome=body.outcome, at=now).model_dump()
    change: dict[str, Any] = {f"seen.{body.tour}": seen, "updated_at": now}
    key = tour_state_id(user.id)
    coll = TourState.get_pymongo_collection()
    doc = await coll.find_one_and_update({"_id": key}, {"$set": change}, return_document=ReturnDocument.AFTER)
    if doc is None:
        try:
            await coll.insert_one({"_id": key, "user_id": user.id, "seen": {body.tour: seen}, "updated_at": now})
        except DuplicateKeyError:
            pass  # another device recorded a tour a moment ago: apply this one over it
        doc = await coll.find_one_and_update({"_id": key}, {"$set": change}, return_document=ReturnDocument.AFTER)
    seats = await Membership.find(Membership.user_id == user.id).to_list()
    return _out(tour_role(user, seats), TourState.model_validate(doc))


async def do_mark_tours_seen(hub: Hub, users: list[User]) -> int:
    """Every tour, at its current version, as completed for these people who have no tour state yet (the demo
    does this for its accounts, so that logging in as them shows the workspace, not a tour)."""
    now = hub.clock.now()
    ids = [tour_state_id(u.id) for u in users]
    have = {d.id for d in await TourState.find(In(TourState.id, ids)).to_list()}
    seen = {k: TourSeen(version=v, outcome="completed", at=now) for k, v in TOURS.items()}
    fresh = [TourState(id=i, user_id=u.id, seen=seen, updated_at=now)
             for i, u in zip(ids, users, strict=True) if i not in have and u.id is not None]
    if fresh:
        await TourState.insert_many(fresh)
    return len(fresh)
