"""Announcement endpoints: publish, my inbox and sent lists, open / 确认收到, recall, pin, the receipt board."""

from __future__ import annotations

from aiohttp import web
from beanie.operators import In

from hub.access import access_channel
from hub.actions.announce_receipts import do_open, receipt_board
from hub.actions.announcements import (
    access_announcement,
    announcement_out,
    do_publish,
    do_recall,
    do_set_pinned,
)
from hub.actions.conversation_prefs import do_set_conversation_pref, pref_out
from hub.announce_wire import (
    AnnouncementIn,
    AnnouncementList,
    AnnouncementOut,
    AnnouncementQuery,
    ConversationPrefIn,
    ConversationPrefList,
    ConversationPrefOut,
    PinIn,
    ReceiptBoard,
)
from hub.errors import HubError
from hub.models import Announcement, AnnouncementReceipt, ConversationPref
from hub.models.announcements import receipt_id
from hub.views.base import EndpointTable, current, hub_of, origin_of

api = EndpointTable("announcements")
LIST_LIMIT = 100
PINNED_LIMIT = 20


@api("POST", "/api/v1/announcements", "Publish an announcement now or at publish_at (公告/通知, 群公告)",
     body=AnnouncementIn, response=AnnouncementOut)
async def announcement_publish(request: web.Request, body: AnnouncementIn) -> AnnouncementOut:
    user, _ = current(request)
    ann = await do_publish(hub_of(request), user, body, origin_of(request))
    return announcement_out(ann, user.id)


@api("GET", "/api/v1/announcements", "My announcements: box=inbox (to me, newest first) or sent (by me)",
     query=AnnouncementQuery, response=AnnouncementList)
async def announcement_list_mine(request: web.Request, query: AnnouncementQuery) -> AnnouncementList:
    user, _ = current(request)
    if query.box == "sent":
        sent = await Announcement.find(Announcement.publisher_id == user.id).sort("-created_at"
                                                                                  ).limit(LIST_LIMIT).to_list()
        return AnnouncementList(announcements=[announcement_out(a, user.id) for a in sent])
    receipts = await AnnouncementReceipt.find({"user_id": user.id, "recalled": False}).sort("-delivered_at"
                                                                                         ).limit(LIST_LIMIT).to_list()
    by_id = {a.id: a for a in await Announcement.find(
        In(Announcement.id, [r.announcement_id for r in receipts]), Announcement.status == "published").to_list()}
    return AnnouncementList(announcements=[announcement_out(by_id[r.announcement_id], user.id, r)
                                           for r in receipts if r.announcement_id in by_id])


@api("GET", "/api/v1/announcements/{announcement_id}", "One announcement (recipients and its publisher)",
     response=AnnouncementOut)
async def announcement_get_one(request: web.Request) -> AnnouncementOut:
    user, _ = current(request)
    ann, receipt = await access_announcement(user, request.match_info["announcement_id"])
    return announcement_out(ann, user.id, receipt)


@api("POST", "/api/v1/announcements/{announcement_id}/open", "Record that I opened it (counted once)",
     response=AnnouncementOut)
async def announcement_open_one(request: web.Request) -> AnnouncementOut:
    user, _ = current(request)
    ann, receipt = await access_announcement(user, request.match_info["announcement_id"])
    ann, receipt = await do_open(hub_of(request), user, ann, receipt)
    return announcement_out(ann, user.id, receipt)


@api("POST", "/api/v1/announcements/{announcement_id}/confirm", "确认收到 (counted once)", response=AnnouncementOut)
async def announcement_confirm_one(request: web.Request) -> AnnouncementOut:
    user, _ = current(request)
    ann, receipt = await access_announcement(user, request.match_info["announcement_id"])
    ann, receipt = await do_open(hub_of(request), user, ann, receipt, confirm=True)
    return announcement_out(ann, user.id, receipt)


@api("POST", "/api/v1/announcements/{announcement_id}/recall", "撤回 (the publisher): it vanishes for readers",
     response=AnnouncementOut)
async def announcement_recall(request: web.Request) -> AnnouncementOut:
    user, _ = current(request)
    ann, _ = await access_announcement(user, request.match_info["announcement_id"])
    return announcement_out(await do_recall(hub_of(request), user, ann, origin_of(request)), user.id)


@api("POST", "/api/v1/announcements/{announcement_id}/pin", "Pin or unpin it in its channels (the publisher)",
     body=PinIn, response=AnnouncementOut)
async def announcement_pin(request: web.Request, body: PinIn) -> AnnouncementOut:
    user, _ = current(request)
    ann, _ = await access_announcement(user, request.match_info["announcement_id"])
    return announcement_out(await do_set_pinned(hub_of(request), user, ann, body.pinned, origin_of(request)), user.id)


@api("GET", "/api/v1/announcements/{announcement_id}/receipts",
     "The publisher's receipt board: read rate per unit, who has not read or confirmed", response=ReceiptBoard)
async def announcement_board(request: web.Request) -> ReceiptBoard:
    user, _ = current(request)
    ann, _ = await access_announcement(user, request.match_info["announcement_id"])
    if ann.publisher_id != user.id:
        raise HubError("not_found")
    return await receipt_board(ann)


@api("GET", "/api/v1/channels/{channel_id}/pinned", "The channel's 置顶 area: its pinned announcements",
     response=AnnouncementList)
async def channel_pinned(request: web.Request) -> AnnouncementList:
    user, _ = current(request)
    channel, _ = await access_channel(user, request.match_info["channel_id"])
    where: dict[str, object]
    if channel.kind == "unit" and channel.unit_id is not None:
        where = {"pinned_unit_ids": channel.unit_id}
    elif channel.kind == "group":
        where = {"addressing.group_channel_id": channel.id}
    else:
        return AnnouncementList(announcements=[])
    found = await Announcement.find({**where, "status": "published", "pinned": True}).sort("-published_at"
                                                                                        ).limit(PINNED_LIMIT).to_list()
    mine: dict[object, AnnouncementReceipt] = {r.announcement_id: r for r in await AnnouncementReceipt.find(
        In(AnnouncementReceipt.id, [receipt_id(a.id, user.id) for a in found])).to_list()}
    return AnnouncementList(announcements=[announcement_out(a, user.id, mine.get(a.id)) for a in found])


@api("GET", "/api/v1/me/conversation-prefs", "My 免打扰 and 置顶 settings, per conversation",
     response=ConversationPrefList)
async def my_conversation_prefs(request: web.Request) -> ConversationPrefList:
    user, _ = current(request)
    found = await ConversationPref.find(ConversationPref.user_id == user.id).to_list()
    return ConversationPrefList(prefs=[pref_out(p) for p in found])


@api("PUT", "/api/v1/channels/{channel_id}/prefs", "Set 免打扰 (muted) or 置顶 (pinned) on a conversation of mine",
     body=ConversationPrefIn, response=ConversationPrefOut)
async def set_conversation_prefs(request: web.Request, body: ConversationPrefIn) -> ConversationPrefOut:
    user, _ = current(request)
    channel, _ = await access_channel(user, request.match_info["channel_id"])
    return await do_set_conversation_pref(hub_of(request), user, channel, body)
