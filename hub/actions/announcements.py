"""Publishing, scheduling, delivering and recalling announcements (公告/通知 and 群公告)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from beanie import PydanticObjectId
from beanie.operators import In
from pymongo import ReturnDocument
from pymongo.errors import DuplicateKeyError

from hub.access import parse_id
from hub.actions.announce_files import check_announcement_files, do_attach_announcement_files
from hub.actions.audit import Origin, do_audit
from hub.actions.policy import check_texts
from hub.actions.timers import do_cancel_timer, do_schedule_timer
from hub.announce_wire import AnnouncementIn, AnnouncementOut, ReceiptState
from hub.context import Hub
from hub.errors import HubError
from hub.events import AnnouncementNew, AnnouncementRemoved
from hub.models import Announcement, AnnouncementReceipt, Channel, Membership, Subscription, Timer, Unit, User
from hub.models.announcements import Addressing, receipt_id
from hub.models.channels import subscription_id
from hub.realtime.bus import user_room

PUBLISH_TIMER = "announce.publish"
CHASE_TIMER = "announce.chase"
URGENT_TIMER = "announce.urgent"
# 办公室主任, leaders and 文书 speak for a unit; staff use 群公告 in groups they run.
PUBLISHER_ROLES = frozenset({"leader", "office_director", "doc_clerk"})
GROUP_MANAGER_ROLES = frozenset({"owner", "admin"})


def _loaded(doc: dict[str, Any]) -> Announcement:
    ann: Announcement = Announcement.model_validate(doc)
    return ann


def announcement_out(ann: Announcement, viewer_id: PydanticObjectId | None,
                     receipt: AnnouncementReceipt | None = None) -> AnnouncementOut:
    mine = None if receipt is None else ReceiptState(delivered_at=receipt.delivered_at, opened_at=receipt.opened_at,
                                                      confirmed_at=receipt.confirmed_at, nudges=receipt.nudges)
    group = ann.addressing.group_channel_id
    return AnnouncementOut(
        id=str(ann.id), title=ann.title, body=ann.body, publisher_id=str(ann.publisher_id),
        publisher_name=ann.publisher_name, status=ann.status, publish_at=ann.publish_at,
        published_at=ann.published_at, recalled_at=ann.recalled_at, pinned=ann.pinned, urgent=ann.urgent,
        urgent_after_minutes=ann.urgent_after_minutes, chase_interval_minutes=ann.chase_interval_minutes,
        chase_max=ann.chase_max, file_ids=ann.file_ids, group_channel_id=str(group) if group else None,
        unit_ids=[str(u) for u in ann.pinned_unit_ids], recipients=ann.recipients, opened=ann.opened,
        confirmed=ann.confirmed, mine=mine, is_publisher=viewer_id == ann.publisher_id)


async def access_announcement(user: User, announcement_id: object) -> tuple[Announcement, AnnouncementReceipt | None]:
    """Its publisher sees it in every state; a recipient only while it is published. Others: not_found."""
    ann = await Announcement.get(parse_id(announcement_id))
    if ann is None:
        raise HubError("not_found")
    receipt = await AnnouncementReceipt.get(receipt_from(ann, user))
    if ann.publisher_id == user.id:
        return ann, receipt
    if receipt is None or ann.status != "published" or receipt.recalled:
        raise HubError("not_found")
    return ann, receipt


def receipt_from(ann: Announcement, user: User) -> PydanticObjectId:
    return receipt_id(ann.id, user.id)


async def _ids_of(model: type[Unit] | type[User], raw: list[str]) -> list[PydanticObjectId]:
    """Parse and check that each id names something; an unknown one refuses the whole request."""
    ids = list(dict.fromkeys(parse_id(r) for r in raw))
    found = {d.id for d in await model.find(In(model.id, ids)).to_list()}
    if len(found) != len(ids):
        raise HubError("not_found", detail=f"unknown {model.__name__.lower()} id")
    return ids


async def _subtree(root_ids: list[PydanticObjectId]) -> list[PydanticObjectId]:
    seen: list[PydanticObjectId] = list(root_ids)
    frontier = list(root_ids)
    while frontier:
        children = await Unit.find(In(Unit.parent_id, frontier)).to_list()
        frontier = [c.id for c in children if c.id is not None and c.id not in seen]
        seen += frontier
    return seen


async def check_addressing(user: User, body: AnnouncementIn) -> tuple[Addressing, list[PydanticObjectId]]:
    """Who may publish to whom; returns the addressing and the unit channels to pin it in."""
    if body.group_channel_id is not None:
        cid = parse_id(body.group_channel_id)
        sub = await Subscription.get(subscription_id(cid, user.id))
        channel = await Channel.get(cid)
        if sub is None or channel is None:
            raise HubError("not_found")
        # Group roles beyond owner may come from the group-management work; the creator always qualifies.
        if channel.kind != "group" or (str(sub.role) not in GROUP_MANAGER_ROLES and channel.created_by != user.id):
            raise HubError("forbidden", detail="only the group's owner or admins post its 群公告")
        return Addressing(group_channel_id=cid), []
    if not PUBLISHER_ROLES.intersection(user.roles):
        raise HubError("forbidden", detail="publishing announcements needs a leader, office or clerk role")
    addressing = Addressing(subtree_unit_ids=await _ids_of(Unit, body.subtree_unit_ids),
                            unit_ids=await _ids_of(Unit, body.unit_ids), user_ids=await _ids_of(User, body.user_ids))
    pinned = list(dict.fromkeys(await _subtree(addressing.subtree_unit_ids) + addressing.unit_ids))
    return addressing, pinned


async def do_publish(hub: Hub, user: User, body: AnnouncementIn, origin: Origin | None = None) -> Announcement:
    """Store it, then deliver now or schedule the delivery; the same request_id again returns the first."""
    assert user.id is not None
    check_texts(hub, [body.title, body.body])
    existing = await Announcement.find_one(Announcement.publisher_id == user.id,
                                           Announcement.request_id == body.request_id)
    if existing is not None:
        return existing
    addressing, pinned = await check_addressing(user, body)
    files = await check_announcement_files(user, list(body.file_ids))
    now = hub.clock.now()
    publish_at = max(body.publish_at, now) if body.publish_at is not None else now
    ann = Announcement(id=PydanticObjectId(), title=body.title, body=body.body, publisher_id=user.id,
                       publisher_name=user.name,
                       request_id=body.request_id, addressing=addressing, pinned_unit_ids=pinned, pinned=body.pinned,
                       urgent=body.urgent, urgent_after_minutes=body.urgent_after_minutes,
                       chase_interval_minutes=body.chase_interval_minutes, chase_max=body.chase_max,
                       file_ids=list(body.file_ids), publish_at=publish_at, created_at=now)
    try:
        await ann.insert()
    except DuplicateKeyError:
        first = await Announcement.find_one(Announcement.publisher_id == user.id,
                                            Announcement.request_id == body.request_id)
        if first is None:
            raise HubError("conflict") from None
        return first
    assert ann.id is not None
    await do_attach_announcement_files(files, ann.id)
    scheduled = publish_at > now
    await do_audit(hub, "announcement.scheduled" if scheduled else "announcement.published", actor=user,
                   object_type="announcement", object_id=ann.id, origin=origin,
                   detail={"publish_at": publish_at.isoformat(), "urgent": ann.urgent})
    if scheduled:
        await do_schedule_timer(hub, PUBLISH_TIMER, f"{PUBLISH_TIMER}:{ann.id}", publish_at, {"id": str(ann.id)})
        return ann
    return await deliver(hub, ann.id)


async def _recipients(ann: Announcement) -> list[tuple[User, Unit | None]]:
    """Everyone addressed, as of now, each with the unit they are counted under; never the publisher or bots."""
    a = ann.addressing
    if a.group_channel_id is not None:
        subs = await Subscription.find(Subscription.channel_id == a.group_channel_id).to_list()
        user_ids = [s.user_id for s in subs]
    else:
        seats = await Membership.find(In(Membership.unit_id, ann.pinned_unit_ids)).to_list() \
            if ann.pinned_unit_ids else []
        user_ids = list(dict.fromkeys([m.user_id for m in seats] + a.user_ids))
    users = [u for u in await User.find(In(User.id, user_ids)).to_list()
             if not u.disabled and not u.is_bot and u.id != ann.publisher_id]
    memberships = await Membership.find(In(Membership.user_id, [u.id for u in users])).sort("+order").to_list()
    targeted = set(ann.pinned_unit_ids)
    home: dict[PydanticObjectId, PydanticObjectId] = {}
    for m in memberships:  # a seat in an addressed unit wins over the person's other seats
        if m.user_id not in home or (m.unit_id in targeted and home[m.user_id] not in targeted):
            home[m.user_id] = m.unit_id
    units = {u.id: u for u in await Unit.find(In(Unit.id, list(set(home.values())))).to_list()}
    return [(u, units.get(home[u.id]) if u.id in home else None) for u in users]


async def deliver(hub: Hub, announcement_id: PydanticObjectId | None) -> Announcement:
    """Resolve the recipients, store their receipts, then flip to published (once) and tell everyone.
    Safe to run again (a timer's lease ran out): receipts have pair ids, the flip is guarded on status."""
    ann = await Announcement.get(announcement_id)
    if ann is None:
        raise HubError("not_found")
    if ann.status != "scheduled":
        return ann
    now = hub.clock.now()
    for person, unit in await _recipients(ann):
        assert person.id is not None and ann.id is not None
        receipt = AnnouncementReceipt(announcement_id=ann.id, user_id=person.id, user_name=person.name,
                                      unit_id=unit.id if unit else None, unit_name=unit.name if unit else "",
                                      delivered_at=now)
        try:
            await receipt.insert()
        except DuplicateKeyError:
            pass  # delivered by an earlier try
    count = await AnnouncementReceipt.find(AnnouncementReceipt.announcement_id == ann.id).count()
    doc = await Announcement.get_pymongo_collection().find_one_and_update(
        {"_id": ann.id, "status": "scheduled"},
        {"$set": {"status": "published", "published_at": now, "recipients": count}},
        return_document=ReturnDocument.AFTER)
    if doc is None:  # recalled meanwhile (its receipts must vanish too) or published by another process
        fresh = await Announcement.get(ann.id)
        assert fresh is not None
        if fresh.status == "recalled":
            await _hide_receipts(fresh)
        return fresh
    ann = _loaded(doc)
    receipts = await AnnouncementReceipt.find(AnnouncementReceipt.announcement_id == ann.id).to_list()
    for r in receipts:
        await hub.realtime.emit(user_room(r.user_id), AnnouncementNew(announcement=announcement_out(ann, r.user_id, r)))
    await hub.realtime.emit(user_room(ann.publisher_id), AnnouncementNew(announcement=announcement_out(
        ann, ann.publisher_id)))
    await _schedule_chasing(hub, ann)
    return ann


async def _schedule_chasing(hub: Hub, ann: Announcement) -> None:
    assert ann.published_at is not None
    if ann.chase_max > 0:
        await do_schedule_timer(hub, CHASE_TIMER, f"{CHASE_TIMER}:{ann.id}:1",
                                ann.published_at + timedelta(minutes=ann.chase_interval_minutes),
                                {"id": str(ann.id), "round": 1})
    if ann.urgent:
        await do_schedule_timer(hub, URGENT_TIMER, f"{URGENT_TIMER}:{ann.id}",
                                ann.published_at + timedelta(minutes=ann.urgent_after_minutes), {"id": str(ann.id)})


async def _hide_receipts(ann: Announcement) -> list[PydanticObjectId]:
    receipts = await AnnouncementReceipt.find(AnnouncementReceipt.announcement_id == ann.id).to_list()
    await AnnouncementReceipt.get_pymongo_collection().update_many({"announcement_id": ann.id},
                                                                   {"$set": {"recalled": True}})
    return [r.user_id for r in receipts]


async def do_recall(hub: Hub, user: User, ann: Announcement, origin: Origin | None = None) -> Announcement:
    """撤回: only the publisher; it vanishes for readers and its timers never fire (handlers re-check too)."""
    if ann.publisher_id != user.id:
        raise HubError("not_found")
    now = hub.clock.now()
    doc = await Announcement.get_pymongo_collection().find_one_and_update(
        {"_id": ann.id, "status": {"$in": ["scheduled", "published"]}},
        {"$set": {"status": "recalled", "recalled_at": now}}, return_document=ReturnDocument.AFTER)
    if doc is None:
        raise HubError("conflict", detail="already recalled")
    recalled = _loaded(doc)
    await do_cancel_timer(hub, f"{PUBLISH_TIMER}:{ann.id}")
    await do_cancel_timer(hub, f"{URGENT_TIMER}:{ann.id}")
    for n in range(1, ann.chase_max + 1):
        await do_cancel_timer(hub, f"{CHASE_TIMER}:{ann.id}:{n}")
    readers = await _hide_receipts(recalled)
    await do_audit(hub, "announcement.recalled", actor=user, object_type="announcement", object_id=ann.id,
                   origin=origin, detail={"was": ann.status, "recipients": len(readers)})
    event = AnnouncementRemoved(announcement_id=str(ann.id))
    for uid in [*readers, user.id]:
        await hub.realtime.emit(user_room(uid), event)
    return recalled


async def do_set_pinned(hub: Hub, user: User, ann: Announcement, pinned: bool,
                        origin: Origin | None = None) -> Announcement:
    if ann.publisher_id != user.id:
        raise HubError("not_found")
    doc = await Announcement.get_pymongo_collection().find_one_and_update(
        {"_id": ann.id}, {"$set": {"pinned": pinned}}, return_document=ReturnDocument.AFTER)
    if doc is None:
        raise HubError("not_found")
    await do_audit(hub, "announcement.pinned" if pinned else "announcement.unpinned", actor=user,
                   object_type="announcement", object_id=ann.id, origin=origin)
    return _loaded(doc)


async def publish_fired(hub: Hub, timer: Timer) -> None:
    """The scheduled time came: deliver, unless it was recalled (deliver then does nothing)."""
    await deliver(hub, PydanticObjectId(str(timer.payload["id"])))


class AnnouncementScope:
    """Attachments of a stored announcement: whoever may see it (publisher; recipients once published) reads."""

    max_total_bytes: int | None = None

    async def can_read(self, hub: Hub, user: User, scope_id: str) -> bool:
        try:
            await access_announcement(user, scope_id)
        except HubError:
            return False
        return True

    async def can_attach(self, hub: Hub, user: User, scope_id: str) -> bool:
        return False  # files come from the draft scope when the announcement is published
