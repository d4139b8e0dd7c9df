"""Group management (群管理): 群主 and admins, rename, invite, remove, leave, transfer, dissolve; system messages."""

from __future__ import annotations

from beanie import PydanticObjectId
from beanie.operators import In
from pymongo import ReturnDocument

from hub import wire
from hub.access import parse_id
from hub.actions.audit import do_audit
from hub.actions.channels import check_users, do_add_members, unsubscribe
from hub.actions.messages import do_send_message
from hub.actions.policy import check_texts
from hub.context import Hub
from hub.errors import HubError
from hub.events import ChannelUpdated
from hub.models import Channel, Subscription, User
from hub.models.channels import subscription_id
from hub.present import channel_out
from hub.realtime.bus import channel_room, user_room

MANAGERS = ("owner", "admin")
# "forbidden" as before there were admins (error codes are a contract); the detail says who may.
_MANAGE = "only the group's 群主 and admins manage it"


async def post_system(hub: Hub, actor: User, channel: Channel, text: str) -> wire.MessageOut:
    """A notice in the conversation ("张三 邀请 李四 加入群聊"), stored and delivered as any message is."""
    out, _ = await do_send_message(hub, actor, channel, text, None, system=True)
    return out


def _check_group(channel: Channel) -> None:
    if channel.kind == "unit":
        raise HubError("unit_channel_managed")
    if channel.kind == "direct":
        raise HubError("forbidden", detail="direct conversations have exactly two members")


async def _current_role(channel: Channel, user_id: PydanticObjectId | None) -> str | None:
    """The role as stored now (checked inside the channel's management lock, never from an earlier read)."""
    sub = await Subscription.get(subscription_id(channel.id, user_id))
    return sub.role if sub else None


async def _manager_role(channel: Channel, actor: User) -> str:
    role = await _current_role(channel, actor.id)
    if role is None:
        raise HubError("not_found")
    if role not in MANAGERS:
        raise HubError("forbidden", detail=_MANAGE)
    return role


async def _names(ids: list[PydanticObjectId]) -> str:
    users = {u.id: u.name for u in await User.find(In(User.id, ids)).to_list()}
    return "、".join(users.get(i, "") for i in ids)


async def _set_role(channel: Channel, user_id: PydanticObjectId, role: str) -> None:
    await Subscription.get_pymongo_collection().update_one({"_id": subscription_id(channel.id, user_id)},
                                                           {"$set": {"role": role}})


async def _roles_changed(hub: Hub, channel: Channel, user_ids: list[PydanticObjectId]) -> None:
    """The room refreshes the channel; each person whose role moved gets their own view with the new role."""
    fresh = await Channel.get(channel.id)
    assert fresh is not None
    await hub.realtime.emit(channel_room(channel.id), ChannelUpdated(channel=channel_out(fresh)))
    for uid in user_ids:
        sub = await Subscription.get(subscription_id(channel.id, uid))
        if sub is not None:
            await hub.realtime.emit(user_room(uid), ChannelUpdated(channel=channel_out(fresh, sub)))


async def do_invite(hub: Hub, actor: User, channel: Channel, user_ids: list[str]) -> list[PydanticObjectId]:
    """Any member may invite (as in WeCom and DingTalk groups); the group hears who invited whom."""
    added = await do_add_members(hub, actor, channel, user_ids)
    people = [u for u in added if u != actor.id]
    if people and channel.kind == "group":
        await post_system(hub, actor, channel, f"{actor.name} 邀请 {await _names(people)} 加入群聊")
        await do_audit(hub, "channel.members_added", actor=actor, object_type="channel", object_id=channel.id,
                       detail={"user_ids": [str(u) for u in people]})
    return added


async def do_rename(hub: Hub, actor: User, channel: Channel, name: str) -> wire.ChannelOut:
    _check_group(channel)
    name = name.strip()
    if not name:
        raise HubError("invalid_request", detail="name")
    check_texts(hub, [name])
    async with hub.lock(f"group:{channel.id}"):
        await _manager_role(channel, actor)
        doc = await Channel.get_pymongo_collection().find_one_and_update(
            {"_id": channel.id}, {"$set": {"name": name}}, return_document=ReturnDocument.AFTER)
    if doc is None:
        raise HubError("not_found")
    await _roles_changed(hub, channel, [])
    await post_system(hub, actor, channel, f"{actor.name} 修改群名为“{name}”")
    await do_audit(hub, "channel.renamed", actor=actor, object_type="channel", object_id=channel.id)
    sub = await Subscription.get(subscription_id(channel.id, actor.id))
    return channel_out(Channel.model_validate(doc), sub)


async def do_remove_or_leave(hub: Hub, actor: User, channel: Channel, target_id: str) -> None:
    """Leave (yourself; the 群主 must hand over first) or remove someone (群主 any member or admin; an admin
    only plain members). Checked against the roles as they are inside the group's lock."""
    _check_group(channel)
    target = parse_id(target_id)
    async with hub.lock(f"group:{channel.id}"):
        if target == actor.id:
            role = await _current_role(channel, actor.id)
            if role is None:
                raise HubError("not_found")
            if role == "owner":
                raise HubError("owner_must_transfer")
            if not await unsubscribe(hub, channel, target):
                raise HubError("not_found")
            leaving = True
        else:
            role = await _manager_role(channel, actor)
            target_role = await _current_role(channel, target)
            if target_role is None:
                raise HubError("not_found")
            if target_role == "owner" or (target_role == "admin" and role != "owner"):
                raise HubError("forbidden", detail=_MANAGE)
            if not await unsubscribe(hub, channel, target):
                raise HubError("not_found")
            leaving = False
    if leaving:
        await post_system(hub, actor, channel, f"{actor.name} 退出群聊")
        await do_audit(hub, "channel.left", actor=actor, object_type="channel", object_id=channel.id)
    else:
        await post_system(hub, actor, channel, f"{actor.name} 将 {await _names([target])} 移出群聊")
        await do_audit(hub, "channel.member_removed", actor=actor, object_type="channel", object_id=channel.id,
                       detail={"user_id": str(target)})


async def do_set_admin(hub: Hub, actor: User, channel: Channel, target_id: str, admin: bool) -> None:
    _check_group(channel)
    (target,) = await check_users([target_id])
    assert target.id is not None
    async with hub.lock(f"group:{channel.id}"):
        if await _current_role(channel, actor.id) != "owner":
            await _manager_role(channel, actor)  # a non-member hears not_found, an admin forbidden
            raise HubError("forbidden", detail=_MANAGE)
        current = await _current_role(channel, target.id)
        if current is None:
            raise HubError("not_found")
        if current == "owner":
            raise HubError("invalid_request", detail="the 群主 is not an admin")
        wanted = "admin" if admin else "member"
        if current == wanted:
            return
        await _set_role(channel, target.id, wanted)
    await _roles_changed(hub, channel, [target.id])
    text = f"{actor.name} 将 {target.name} 设为管理员" if admin else f"{actor.name} 取消了 {target.name} 的管理员身份"
    await post_system(hub, actor, channel, text)
    await do_audit(hub, "channel.admin_set" if admin else "channel.admin_unset", actor=actor, object_type="channel",
                   object_id=channel.id, detail={"user_id": str(target.id)})


async def do_transfer_owner(hub: Hub, actor: User, channel: Channel, target_id: str) -> None:
    _check_group(channel)
    (target,) = await check_users([target_id])
    assert target.id is not None and actor.id is not None
    if target.id == actor.id:
        raise HubError("invalid_request", detail="already the 群主")
    async with hub.lock(f"group:{channel.id}"):
        if await _current_role(channel, actor.id) != "owner":
            await _manager_role(channel, actor)
            raise HubError("forbidden", detail=_MANAGE)
        if await _current_role(channel, target.id) is None:
            raise HubError("not_found")
        # The new owner first, so the group is never without one.
        await _set_role(channel, target.id, "owner")
        await _set_role(channel, actor.id, "member")
    await _roles_changed(hub, channel, [target.id, actor.id])
    await post_system(hub, actor, channel, f"{actor.name} 将群主转让给 {target.name}")
    await do_audit(hub, "channel.owner_transferred", actor=actor, object_type="channel", object_id=channel.id,
                   detail={"user_id": str(target.id)})


async def do_dissolve(hub: Hub, actor: User, channel: Channel) -> None:
    """The 群主 dissolves the group: everyone hears it, then every membership ends. Messages stay stored."""
    _check_group(channel)
    async with hub.lock(f"group:{channel.id}"):
        if await _current_role(channel, actor.id) != "owner":
            await _manager_role(channel, actor)
            raise HubError("forbidden", detail=_MANAGE)
        await post_system(hub, actor, channel, f"{actor.name} 解散了群聊")
        subs = await Subscription.find(Subscription.channel_id == channel.id).to_list()
        for sub in subs:
            await unsubscribe(hub, channel, sub.user_id)
    await do_audit(hub, "channel.dissolved", actor=actor, object_type="channel", object_id=channel.id,
                   detail={"members": len(subs)})


async def group_roles(channel: Channel) -> wire.GroupRolesOut:
    subs = await Subscription.find(Subscription.channel_id == channel.id,
                                   In(Subscription.role, list(MANAGERS))).to_list()
    owner = next((str(s.user_id) for s in subs if s.role == "owner"), None)
    return wire.GroupRolesOut(owner_id=owner, admin_ids=[str(s.user_id) for s in subs if s.role == "admin"])
