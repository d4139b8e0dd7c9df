"""Channels: ad-hoc groups, direct conversations, unit channels, and their members."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

from beanie import PydanticObjectId
from beanie.operators import In
from pymongo.errors import DuplicateKeyError

from hub.access import parse_id
from hub.actions.policy import check_texts
from hub.context import Hub
from hub.errors import HubError
from hub.events import MemberAdded, MemberRemoved
from hub.models import Channel, Subscription, Unit, User
from hub.models.channels import subscription_id
from hub.present import channel_out
from hub.realtime.bus import channel_room, user_room


async def check_users(ids: Iterable[str]) -> list[User]:
    """Every id must name an enabled user; one unknown id rejects the whole request."""
    parsed = list(dict.fromkeys(parse_id(i) for i in ids))
    users = await User.find(In(User.id, parsed), User.disabled == False).to_list()  # noqa: E712
    if len(users) != len(parsed):
        raise HubError("not_found", detail="user")
    return users


async def subscribe(hub: Hub, channel: Channel, user_ids: Iterable[PydanticObjectId],
                    role: str = "member") -> list[PydanticObjectId]:
    """Add members (already-members are skipped), join their sockets, tell the channel."""
    added: list[PydanticObjectId] = []
    for uid in dict.fromkeys(user_ids):
        assert channel.id is not None
        sub = Subscription(channel_id=channel.id, user_id=uid, role=role,
                           last_read_seq=channel.last_seq)
        try:
            await sub.insert()
        except DuplicateKeyError:
            continue
        added.append(uid)
    if not added:
        return added
    room = channel_room(channel.id)
    for uid in added:
        await hub.realtime.add_user_to_room(uid, room)
    event = MemberAdded(channel=channel_out(channel), user_ids=[str(u) for u in added])
    await hub.realtime.emit(room, event)
    return added


async def unsubscribe(hub: Hub, channel: Channel, user_id: PydanticObjectId) -> bool:
    result = await Subscription.get_pymongo_collection().delete_one({"_id": subscription_id(channel.id, user_id)})
    if result.deleted_count == 0:
        return False
    room = channel_room(channel.id)
    event = MemberRemoved(channel_id=str(channel.id), user_id=str(user_id))
    # The leaver hears it on their own room too, since their sockets are about to leave the channel's;
    # a list of rooms reaches each socket once.
    await hub.realtime.emit([room, user_room(user_id)], event)
    await hub.realtime.remove_user_from_room(user_id, room)
    return True


async def do_create_channel(hub: Hub, creator: User, name: str, topic: str, member_ids: list[str]) -> Channel:
    members = await check_users(member_ids)
    name = name.strip()
    if not name:
        raise HubError("invalid_request", detail="name")
    check_texts(hub, [name, topic])
    channel = Channel(kind="group", name=name, topic=topic.strip(), created_by=creator.id)
    await channel.insert()
    assert creator.id is not None
    await subscribe(hub, channel, [creator.id], role="owner")
    await subscribe(hub, channel, [m.id for m in members if m.id is not None and m.id != creator.id])
    return channel


def _check_group(channel: Channel) -> None:
    if channel.kind == "unit":
        raise HubError("unit_channel_managed")
    if channel.kind == "direct":
        raise HubError("forbidden", detail="direct conversations have exactly two members")


async def do_add_members(hub: Hub, actor: User, channel: Channel, user_ids: list[str]) -> list[PydanticObjectId]:
    del actor  # any member of an ad-hoc group may invite, as in WeCom and DingTalk groups
    users = await check_users(user_ids)
    # People in a unit channel follow the org tree, but a member may add a bot there, as in a DingTalk group.
    if not (channel.kind == "unit" and all(u.is_bot for u in users)):
        _check_group(channel)
    return await subscribe(hub, channel, [u.id for u in users if u.id is not None])


async def do_get_or_create_direct(hub: Hub, user: User, peer_id: str) -> Channel:
    (peer,) = await check_users([peer_id])
    assert user.id is not None and peer.id is not None
    key = ":".join(sorted({str(user.id), str(peer.id)}))
    channel = await Channel.find_one(Channel.kind == "direct", Channel.direct_key == key)
    if channel is None:
        channel = Channel(kind="direct", name="", direct_key=key, created_by=user.id)
        try:
            await channel.insert()
        except DuplicateKeyError:
            channel = await Channel.find_one(Channel.kind == "direct", Channel.direct_key == key)
            assert channel is not None
    await subscribe(hub, channel, [user.id, peer.id])
    return channel


async def ensure_unit_channel(unit: Unit) -> Channel:
    channel = await Channel.find_one(Channel.kind == "unit", Channel.unit_id == unit.id)
    if channel is None:
        # Derived from the unit's id, so every process (and every re-seed) names the same channel.
        digest = hashlib.sha256(f"unit-channel:{unit.id}".encode()).digest()[:12]
        channel = Channel(id=PydanticObjectId(digest), kind="unit", name=unit.name, unit_id=unit.id)
        try:
            await channel.insert()
        except DuplicateKeyError:
            channel = await Channel.find_one(Channel.kind == "unit", Channel.unit_id == unit.id)
            assert channel is not None
    return channel
