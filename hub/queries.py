"""Read-only queries: channel lists, history, catch-up, directory search."""

from __future__ import annotations

import re

from beanie import PydanticObjectId
from beanie.operators import GT, LTE, In, Or, RegEx

from hub import wire
from hub.access import parse_id
from hub.context import Hub
from hub.errors import HubError
from hub.models import Channel, Membership, Message, Subscription, Unit, User
from hub.present import channel_out, messages_out


async def list_channels(user: User) -> list[wire.ChannelOut]:
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
    out.sort(key=lambda c: (c.last_message_at is None, -(c.last_message_at.timestamp() if c.last_message_at else 0)))
    return out


async def channel_members(channel: Channel) -> list[User]:
    subs = await Subscription.find(Subscription.channel_id == channel.id).to_list()
    users = await User.find(In(User.id, [s.user_id for s in subs])).to_list()
    return sorted(users, key=lambda u: u.pinyin)


async def history(hub: Hub, viewer: User, channel: Channel, before: int | None, after: int | None,
                  limit: int) -> wire.HistoryOut:
    """One page in ascending order: the newest page, or the page before/after a sequence number."""
    limit = max(1, min(limit, hub.settings.history_page_max))
    query = Message.find(Message.channel_id == channel.id)
    if after is not None:
        query = query.find(GT(Message.seq, after)).sort("+seq")
    else:
        if before is not None:
            query = query.find({"seq": {"$lt": before}})
        query = query.sort("-seq")
    page = await query.limit(limit + 1).to_list()
    has_more = len(page) > limit
    page = page[:limit]
    page.sort(key=lambda m: m.seq)
    return wire.HistoryOut(messages=await messages_out(page, viewer), has_more=has_more)


async def sync(hub: Hub, user: User, request: wire.SyncIn) -> wire.SyncOut:
    """What each channel's client missed since last_seq (new messages) and last_rev (edits, recalls)."""
    wanted: dict[PydanticObjectId, wire.SyncChannelIn] = {}
    unknown: list[str] = []
    for item in request.channels:
        try:
            wanted[parse_id(item.channel_id)] = item
        except HubError:
            unknown.append(item.channel_id)
    subs = await Subscription.find(Subscription.user_id == user.id, In(Subscription.channel_id, list(wanted))).to_list()
    member_of = {s.channel_id for s in subs}
    unknown += [str(cid) for cid in wanted if cid not in member_of]
    channels = await Channel.find(In(Channel.id, list(member_of))).to_list()
    cap = hub.settings.catchup_max
    out = []
    for ch in channels:
        item = wanted[ch.id]  # type: ignore[index]
        missed = ch.last_seq - item.last_seq
        fresh: list[Message] = []
        updates: list[Message] = []
        too_far = missed > cap
        if not too_far:
            fresh = await Message.find(Message.channel_id == ch.id, GT(Message.seq, item.last_seq)) \
                .sort("+seq").to_list()
            updates = await Message.find(Message.channel_id == ch.id, GT(Message.rev, item.last_rev),
                                         LTE(Message.seq, item.last_seq)).sort("+rev").limit(cap + 1).to_list()
            too_far = len(updates) > cap
        out.append(wire.SyncChannelOut(
            channel_id=str(ch.id), messages=[] if too_far else await messages_out(fresh, user),
            updates=[] if too_far else await messages_out(updates, user), last_seq=ch.last_seq, rev=ch.rev,
            too_far_behind=too_far))
    return wire.SyncOut(channels=out, unknown=unknown)


def _prefix(field: str, q: str) -> RegEx:
    return RegEx(field, "^" + re.escape(q))


async def search_users(q: str, unit_id: str | None, limit: int) -> list[User]:
    """Name substring, or pinyin / initials / username prefix: "zs" and "zhangsan" both find 张三."""
    limit = max(1, min(limit, 200))
    # People only: bots join channels through their commands, not the directory.
    query = User.find(User.disabled == False, User.is_bot == False)  # noqa: E712
    if unit_id:
        ms = await Membership.find(Membership.unit_id == parse_id(unit_id)).to_list()
        query = query.find(In(User.id, [m.user_id for m in ms]))
    q = q.strip().lower().replace(" ", "")[:64]
    if q:
        query = query.find(Or(RegEx(User.name, re.escape(q)), _prefix("pinyin", q), _prefix("initials", q),
                              _prefix("username", q)))
    users = await query.sort("+pinyin").limit(limit).to_list()
    # Initials that match exactly rank first: "zs" puts 张三 before 张绍松.
    return sorted(users, key=lambda u: (u.initials != q, u.pinyin != q, u.pinyin))


async def list_units() -> list[tuple[Unit, str | None]]:
    units = await Unit.find_all().sort("+order").to_list()
    channels = await Channel.find(Channel.kind == "unit").to_list()
    by_unit = {c.unit_id: str(c.id) for c in channels}
    return [(u, by_unit.get(u.id)) for u in units]
