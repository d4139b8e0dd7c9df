"""Channel endpoints: list, create, direct conversations, members."""

from __future__ import annotations

from aiohttp import web
from pydantic import BaseModel

from hub import wire
from hub.access import access_channel
from hub.actions.channels import do_create_channel, do_get_or_create_direct
from hub.actions.groups import do_invite, do_remove_or_leave
from hub.present import channel_out, users_out
from hub.queries import channel_members, list_channels
from hub.views.base import EndpointTable, current, hub_of

api = EndpointTable("channels")


class ChannelList(BaseModel):
    channels: list[wire.ChannelOut]


@api("GET", "/api/v1/channels", "My channels, with unread counts", response=ChannelList)
async def channels(request: web.Request) -> ChannelList:
    return ChannelList(channels=await list_channels(hub_of(request), current(request)[0]))


@api("POST", "/api/v1/channels", "Create an ad-hoc channel and invite members", body=wire.ChannelCreateIn,
     response=wire.ChannelOut)
async def create(request: web.Request, body: wire.ChannelCreateIn) -> wire.ChannelOut:
    user, _ = current(request)
    channel = await do_create_channel(hub_of(request), user, body.name, body.topic, body.member_ids)
    _, sub = await access_channel(user, str(channel.id))
    return channel_out(channel, sub)


@api("POST", "/api/v1/channels/direct", "Open (or create) the direct conversation with a person",
     body=wire.DirectIn, response=wire.ChannelOut)
async def direct(request: web.Request, body: wire.DirectIn) -> wire.ChannelOut:
    user, _ = current(request)
    channel = await do_get_or_create_direct(hub_of(request), user, body.user_id)
    _, sub = await access_channel(user, str(channel.id))
    return channel_out(channel, sub, peer_id=body.user_id)


@api("GET", "/api/v1/channels/{channel_id}", "One channel", response=wire.ChannelOut)
async def get(request: web.Request) -> wire.ChannelOut:
    channel, sub = await access_channel(current(request)[0], request.match_info["channel_id"])
    return channel_out(channel, sub)


@api("GET", "/api/v1/channels/{channel_id}/members", "Members of a channel", response=wire.MembersOut)
async def members(request: web.Request) -> wire.MembersOut:
    channel, _ = await access_channel(current(request)[0], request.match_info["channel_id"])
    return wire.MembersOut(members=await users_out(await channel_members(channel)))


@api("POST", "/api/v1/channels/{channel_id}/members", "Invite people to an ad-hoc channel",
     body=wire.MembersAddIn, response=wire.MembersOut)
async def add_members(request: web.Request, body: wire.MembersAddIn) -> wire.MembersOut:
    user, _ = current(request)
    channel, _ = await access_channel(user, request.match_info["channel_id"])
    await do_invite(hub_of(request), user, channel, body.user_ids)
    return wire.MembersOut(members=await users_out(await channel_members(channel)))


@api("DELETE", "/api/v1/channels/{channel_id}/members/{user_id}",
     "Leave (the 群主 must hand over first), or (群主/admin) remove a member")
async def remove_member(request: web.Request) -> None:
    user, _ = current(request)
    channel, _ = await access_channel(user, request.match_info["channel_id"])
    await do_remove_or_leave(hub_of(request), user, channel, request.match_info["user_id"])
