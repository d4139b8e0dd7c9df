"""Read-only queries: channel lists, history, catch-up, directory search."""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any

from beanie import PydanticObjectId
from beanie.operators import In, Or, RegEx
from pymongo import ASCENDING, DESCENDING

from hub import wire
from hub.access import parse_id
from hub.context import Hub
from hub.errors import HubError
from hub.models import Card, Channel, Membership, Message, Subscription, Unit, User
from hub.permissions import Rights
from hub.present import channel_out, messages_out
from hub.raw_messages import find_messages, messages_json


async def list_channels(hub: Hub, user: User) -> list[wire.ChannelOut]:
    subs = await Subscription.find(Subscription.user_id == user.id).to_list()
    by_channel = {s.channel_id: s for s in subs}
    channels = await Channel.find(In(Channel.id, list(by_channel))).to_list()
    out = []
    for ch in channels:
        assert ch.id is not None
        peer = None
        if ch.kind == "direct" and ch.direct_key:
            others = [p for p in ch.direct_key.split(":") if p != str(user.id)]
            peer = others[0] if others else str(user.id)
        out.append(channel_out(ch, by_channel[ch.id], peer_id=peer))
    await _with_previews(user, channels, out, hub.clock.now())
    out.sort(key=lambda c: (c.last_message_at is None, -(c.last_message_at.timestamp() if c.last_message_at else 0)))
    return out


async def _with_previews(user: User, channels: list[Channel], out: list[wire.ChannelOut], now: datetime) -> None:
    """Fill last_message and pending_card_ids: one point read per channel, one query for the open cards."""
    newest: list[Message] = []
    for ch in channels:
        if ch.last_seq > 0:
            m = await Message.find_one(Message.channel_id == ch.id, Message.seq == ch.last_seq)
            if m is not None:
                newest.append(m)
    by_channel = {m.channel_id: view for m, view in zip(newest, await messages_out(newest, user, now), strict=True)}
    pending: dict[PydanticObjectId, list[str]] = {}
    ids = [ch.id for ch in channels]
    # Only cards with a button that may be someone's work: not for anyone, not an owner's management button.
    open_cards = await Card.find(In(Card.channel_ids, ids), {"actions": {"$elemMatch": {
        "rule.anyone": False, "manage": {"$ne": True}}}}).to_list() if ids else []
    rights = Rights(user, now)
    for card in open_cards:
        if any(not a.rule.anyone and not a.manage for a in await rights.actions(card)):
            for cid in card.channel_ids:
                pending.setdefault(cid, []).append(str(card.id))
    for ch, item in zip(channels, out, strict=True):
        assert ch.id is not None
        item.last_message = by_channel.get(ch.id)
        item.pending_card_ids = pending.get(ch.id, [])


async def channel_members(channel: Channel) -> list[User]:
    subs = await Subscription.find(Subscription.channel_id == channel.id).to_list()
    users = await User.find(In(User.id, [s.user_id for s in subs])).to_list()
    return sorted(users, key=lambda u: u.pinyin)


_WINDOW_SLACK = 8


async def history(hub: Hub, viewer: User, channel: Channel, before: int | None, after: int | None,
                  limit: int) -> dict[str, Any]:
    """One page in ascending order: the newest page, or the page before/after a sequence number.
    Read raw (hub/raw_messages.py): the JSON of wire.HistoryOut, as a dict for one orjson encode."""
    limit = max(1, min(limit, hub.settings.history_page_max))
    query: dict[str, Any] = {"channel_id": channel.id}
    # The page read within a window of sequence numbers as wide as the page (numbers have no gaps): a store
    # whose sort with a limit does not stop early (SecantusDB) then reads a page, not the whole channel. Fewer
    # than a page in the window (a lagging head, the channel's start) reads again without the window.
    window: dict[str, int] = {}
    if after is not None:
        query["seq"] = {"$gt": after}
        sort = [("seq", ASCENDING)]
        window["$lte"] = after + limit + _WINDOW_SLACK
    else:
        if before is not None:
            query["seq"] = {"$lt": before}
        sort = [("seq", DESCENDING)]
        ceiling = before - 1 if before is not None else channel.last_seq
        if ceiling - limit - _WINDOW_SLACK > 1:
            window["$gte"] = ceiling - limit - _WINDOW_SLACK
    page: list[dict[str, Any]] = []
    if window:
        page = await find_messages({**query, "seq": {**query.get("seq", {}), **window}}, sort, limit + 1)
    if len(page) <= limit:
        page = await find_messages(query, sort, limit + 1)
    has_more = len(page) > limit
    page = page[:limit]
    page.sort(key=lambda m: int(m["seq"]))
    return {"messages": await messages_json(page, viewer, hub.clock.now()), "has_more": has_more}


async def sync(hub: Hub, user: User, request: wire.SyncIn) -> dict[str, Any]:
    """What each channel's client missed since last_seq (new messages) and last_rev (edits, recalls).
    Read raw (hub/raw_messages.py): the JSON of wire.SyncOut, as a dict for one orjson encode."""
    wanted: dict[PydanticObjectId, wire.SyncChannelIn] = {}
    unknown: list[str] = []
    for item in request.channels:
        try:
            wanted[parse_id(item.channel_id)] = item
        except HubError:
            unknown.append(item.channel_id)
    subs = Subscription.get_pymongo_collection().find(
        {"user_id": user.id, "channel_id": {"$in": list(wanted)}}, projection={"channel_id": 1})
    member_of = [doc["channel_id"] async for doc in subs]
    unknown += [str(cid) for cid in wanted if cid not in set(member_of)]
    channels = Channel.get_pymongo_collection().find({"_id": {"$in": member_of}},
                                                     projection={"last_seq": 1, "rev": 1})
    cap = hub.settings.catchup_max
    now = hub.clock.now()
    out = []
    async for ch in channels:
        item = wanted[ch["_id"]]
        last_seq, rev = int(ch.get("last_seq", 0)), int(ch.get("rev", 0))
        fresh: list[dict[str, Any]] = []
        updates: list[dict[str, Any]] = []
        too_far = last_seq - item.last_seq > cap
        if not too_far:
            fresh = await find_messages({"channel_id": ch["_id"], "seq": {"$gt": item.last_seq}},
                                        [("seq", ASCENDING)])
            # Changed since last_rev, on the (channel_id, rev) index alone: with the seq bound in the filter as
            # well, SecantusDB scans every message in the store. The fresh ones (at most len(fresh) of them) are
            # left out here instead, so reading that many more still finds cap + 1 older ones if there are.
            changed = await find_messages({"channel_id": ch["_id"], "rev": {"$gt": item.last_rev}},
                                          [("rev", ASCENDING)], cap + 1 + len(fresh))
            updates = [m for m in changed if int(m["seq"]) <= item.last_seq][:cap + 1]
            too_far = len(updates) > cap
        out.append({"channel_id": str(ch["_id"]),
                    "messages": [] if too_far else await messages_json(fresh, user, now),
                    "updates": [] if too_far else await messages_json(updates, user, now),
                    "last_seq": last_seq, "rev": rev, "too_far_behind": too_far})
    return {"channels": out, "unknown": unknown}


def _prefix(field: str, q: str) -> RegEx:
    return RegEx(field, "^" + re.escape(q))


async def search_users(q: str, unit_id: str | None, limit: int) -> list[User]:
    return [user for user, _ in await search_people(q, unit_id, limit)]


async def search_people(q: str, unit_id: str | None, limit: int) -> list[tuple[User, list[str]]]:
    """People by name (any part), pinyin, initials or username (from the start): "zs" and "zhangsan" both find
    张三; and by 职务, 岗位 or unit name (any part): "市长" finds 陈志远, "财政" the people of 市财政局.
    Each comes with what matched, best matches first."""
    from hub.search.query import directory_key, people_matching_org

    limit = max(1, min(limit, 200))
    # People only: bots join channels through their commands, not the directory.
    query = User.find(User.disabled == False, User.is_bot == False)  # noqa: E712
    if unit_id:
        ms = await Membership.find(Membership.unit_id == parse_id(unit_id)).to_list()
        query = query.find(In(User.id, [m.user_id for m in ms]))
    q = directory_key(q)
    org: dict[PydanticObjectId, set[str]] = {}
    if q:
        org = await people_matching_org(q)
        query = query.find(Or(RegEx(User.name, re.escape(q)), _prefix("pinyin", q), _prefix("initials", q),
                              _prefix("username", q), In(User.id, list(org))))
    users = await query.sort("+pinyin").to_list() if org else await query.sort("+pinyin").limit(limit).to_list()

    def matched(u: User) -> list[str]:
        found = [name for name, ok in (("name", q in u.name), ("pinyin", u.pinyin.startswith(q) or
                 u.initials.startswith(q)), ("username", u.username.startswith(q))) if ok]
        return found + sorted(org.get(u.id, set()) - {"exact"}) if u.id is not None else found

    # Initials that match exactly rank first ("zs" puts 张三 before 张绍松), then names, then 职务 and units.
    def rank(u: User) -> tuple[bool, bool, bool, bool, bool, str]:
        why = org.get(u.id, set()) if u.id is not None else set()
        return (u.initials != q, u.pinyin != q, q not in u.name, "exact" not in why, "title" not in why, u.pinyin)

    ranked = sorted(users, key=rank)
    return [(u, matched(u) if q else []) for u in ranked[:limit]]


async def list_units() -> list[tuple[Unit, str | None]]:
    # Retired (撤销) units stay stored for history but leave the directory.
    units = await Unit.find({"retired": {"$ne": True}}).sort("+order").to_list()
    channels = await Channel.find(Channel.kind == "unit").to_list()
    by_unit = {c.unit_id: str(c.id) for c in channels}
    return [(u, by_unit.get(u.id)) for u in units]
