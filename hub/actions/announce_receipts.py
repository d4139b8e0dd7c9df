"""Read receipts (opened, 确认收到), each counted once, told live to the publisher; chasing non-confirmers."""

from __future__ import annotations

from datetime import timedelta
from typing import Any, Literal

from beanie import PydanticObjectId
from pymongo import ReturnDocument

from hub.actions.announcements import CHASE_TIMER, PUBLISH_TIMER, URGENT_TIMER, announcement_out, publish_fired
from hub.actions.timers import do_schedule_timer
from hub.announce_wire import ReceiptBoard, ReceiptRow, UnitRate
from hub.context import Hub
from hub.errors import HubError
from hub.events import AnnouncementNudged, AnnouncementReceiptChanged
from hub.models import Announcement, AnnouncementReceipt, Timer, User
from hub.realtime.bus import user_room

NUDGE_SPACING = timedelta(minutes=5)
BOARD_LIMIT = 500


def receipt_row(r: AnnouncementReceipt) -> ReceiptRow:
    return ReceiptRow(user_id=str(r.user_id), user_name=r.user_name, unit_id=str(r.unit_id) if r.unit_id else None,
                      unit_name=r.unit_name, delivered_at=r.delivered_at, opened_at=r.opened_at,
                      confirmed_at=r.confirmed_at, nudges=r.nudges)


async def _mark(hub: Hub, ann: Announcement, receipt: AnnouncementReceipt,
                field: Literal["opened_at", "confirmed_at"]) -> AnnouncementReceipt | None:
    """Set field once: the update is guarded on its being unset, so of many concurrent opens exactly one
    succeeds and only that one moves the announcement's counter."""
    now = hub.clock.now()
    doc = await AnnouncementReceipt.get_pymongo_collection().find_one_and_update(
        {"_id": receipt.id, field: None, "recalled": False}, {"$set": {field: now}},
        return_document=ReturnDocument.AFTER)
    if doc is None:
        return None
    counter = "opened" if field == "opened_at" else "confirmed"
    await Announcement.get_pymongo_collection().update_one({"_id": ann.id}, {"$inc": {counter: 1}})
    marked: AnnouncementReceipt = AnnouncementReceipt.model_validate(doc)
    return marked


async def do_open(hub: Hub, user: User, ann: Announcement, receipt: AnnouncementReceipt | None,
                  *, confirm: bool = False) -> tuple[Announcement, AnnouncementReceipt | None]:
    """The reader opened it (and, with confirm, pressed 确认收到, which implies opening). The publisher's own
    view changes nothing. Repeats are harmless and tell nobody."""
    if receipt is None:
        if confirm:
            raise HubError("forbidden", detail="only recipients confirm receipt")
        return ann, None
    if ann.status != "published":
        raise HubError("not_found")
    changed = await _mark(hub, ann, receipt, "opened_at")
    if confirm:
        changed = await _mark(hub, ann, receipt, "confirmed_at") or changed
    fresh = await Announcement.get(ann.id)
    now_receipt = await AnnouncementReceipt.get(receipt.id)
    assert fresh is not None and now_receipt is not None
    if changed is not None:
        await hub.realtime.emit(user_room(fresh.publisher_id), AnnouncementReceiptChanged(
            announcement_id=str(fresh.id), receipt=receipt_row(now_receipt), recipients=fresh.recipients,
            opened=fresh.opened, confirmed=fresh.confirmed))
    return fresh, now_receipt


async def receipt_board(ann: Announcement) -> ReceiptBoard:
    """The publisher's dashboard: per-unit rates by aggregation, and who has not read or not confirmed."""
    pipeline: list[dict[str, Any]] = [
        {"$match": {"announcement_id": ann.id}},
        {"$group": {"_id": "$unit_id", "unit_name": {"$first": "$unit_name"}, "recipients": {"$sum": 1},
                    "opened": {"$sum": {"$cond": [{"$ifNull": ["$opened_at", False]}, 1, 0]}},
                    "confirmed": {"$sum": {"$cond": [{"$ifNull": ["$confirmed_at", False]}, 1, 0]}}}},
    ]
    coll = AnnouncementReceipt.get_pymongo_collection()
    rows = await (await coll.aggregate(pipeline)).to_list(None)
    units = sorted((UnitRate(unit_id=str(r["_id"]) if r["_id"] else None, unit_name=r["unit_name"] or "（无单位）",
                             recipients=r["recipients"], opened=r["opened"], confirmed=r["confirmed"],
                             read_rate=r["opened"] / r["recipients"] if r["recipients"] else 0.0,
                             confirm_rate=r["confirmed"] / r["recipients"] if r["recipients"] else 0.0)
                    for r in rows), key=lambda u: (u.read_rate, u.unit_name))
    pending = await AnnouncementReceipt.find({"announcement_id": ann.id, "confirmed_at": None}
                                             ).sort("+unit_name", "+user_name").limit(BOARD_LIMIT).to_list()
    return ReceiptBoard(announcement=announcement_out(ann, ann.publisher_id), units=units,
                        not_read=[receipt_row(r) for r in pending if r.opened_at is None],
                        not_confirmed=[receipt_row(r) for r in pending])


def nudge_cap(ann: Announcement) -> int:
    """A person is nudged at most once per chase round, plus once for 必达."""
    return ann.chase_max + (1 if ann.urgent else 0)


async def nudge(hub: Hub, ann: Announcement, *, only_unopened: bool) -> int:
    """催阅 everyone still owing a receipt, each by one guarded update: at most nudge_cap(ann) times in all and
    never twice within five minutes, whichever process or timer does it."""
    now = hub.clock.now()
    field = "opened_at" if only_unopened else "confirmed_at"
    coll = AnnouncementReceipt.get_pymongo_collection()
    owing = await AnnouncementReceipt.find({"announcement_id": ann.id, field: None, "recalled": False}).to_list()
    sent = 0
    for r in owing:
        doc = await coll.find_one_and_update(
            {"_id": r.id, field: None, "recalled": False, "nudges": {"$lt": nudge_cap(ann)},
             "$or": [{"last_nudged_at": None}, {"last_nudged_at": {"$lte": now - NUDGE_SPACING}}]},
            {"$inc": {"nudges": 1}, "$set": {"last_nudged_at": now}}, return_document=ReturnDocument.AFTER)
        if doc is None:
            continue
        sent += 1
        fresh = AnnouncementReceipt.model_validate(doc)
        await hub.realtime.emit(user_room(fresh.user_id),
                                AnnouncementNudged(announcement=announcement_out(ann, fresh.user_id, fresh)))
        # The publisher's board shows each person's nudges, live like their reads.
        await hub.realtime.emit(user_room(ann.publisher_id), AnnouncementReceiptChanged(
            announcement_id=str(ann.id), receipt=receipt_row(fresh), recipients=ann.recipients, opened=ann.opened,
            confirmed=ann.confirmed))
    return sent


async def chase_fired(hub: Hub, timer: Timer) -> None:
    """One chase round; the next one is its own timer, so a recall (status check) stops the chain."""
    ann = await Announcement.get(PydanticObjectId(str(timer.payload["id"])))
    if ann is None or ann.status != "published" or ann.published_at is None:
        return
    round_no = int(timer.payload["round"])
    await nudge(hub, ann, only_unopened=False)
    if round_no < ann.chase_max:
        nxt = round_no + 1
        await do_schedule_timer(hub, CHASE_TIMER, f"{CHASE_TIMER}:{ann.id}:{nxt}",
                                ann.published_at + timedelta(minutes=ann.chase_interval_minutes * nxt),
                                {"id": str(ann.id), "round": nxt})


async def urgent_fired(hub: Hub, timer: Timer) -> None:
    """必达: N minutes after publishing, whoever has not even opened it is chased."""
    ann = await Announcement.get(PydanticObjectId(str(timer.payload["id"])))
    if ann is None or ann.status != "published":
        return
    await nudge(hub, ann, only_unopened=True)


def register_announcement_timers(hub: Hub) -> None:
    hub.scheduler.register(PUBLISH_TIMER, publish_fired)
    hub.scheduler.register(CHASE_TIMER, chase_fired)
    hub.scheduler.register(URGENT_TIMER, urgent_fired)
