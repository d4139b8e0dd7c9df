"""Group management endpoints: rename, roles, admins, transfer the 群主, dissolve."""

from __future__ import annotations

from aiohttp import web

from hub import wire
from hub.access import access_channel
from hub.actions.groups import do_dissolve, do_rename, do_set_admin, do_transfer_owner, group_roles
from hub.views.base import EndpointTable, current, hub_of

api = EndpointTable("groups")


@api("PATCH", "/api/v1/channels/{channel_id}", "Rename a group (群主 or admin)", body=wire.RenameIn,
     response=wire.ChannelOut)
async def rename(request: web.Request, body: wire.RenameIn) -> wire.ChannelOut:
    user, _ = current(request)
    channel, _ = await access_channel(user, request.match_info["channel_id"])
    return await do_rename(hub_of(request), user, channel, body.name)


@api("GET", "/api/v1/channels/{channel_id}/roles", "The group's 群主 and admins", response=wire.GroupRolesOut)
async def roles(request: web.Request) -> wire.GroupRolesOut:
    channel, _ = await access_channel(current(request)[0], request.match_info["channel_id"])
    return await group_roles(channel)


@api("POST", "/api/v1/channels/{channel_id}/admins", "Make a member an admin, or not (群主 only)",
     body=wire.AdminIn, response=wire.GroupRolesOut)
async def set_admin(request: web.Request, body: wire.AdminIn) -> wire.GroupRolesOut:
    user, _ = current(request)
    channel, _ = await access_channel(user, request.match_info["channel_id"])
    await do_set_admin(hub_of(request), user, channel, body.user_id, body.admin)
    return await group_roles(channel)


@api("POST", "/api/v1/channels/{channel_id}/owner", "Hand the group to another member (群主 only)",
     body=wire.TransferIn, response=wire.GroupRolesOut)
async def transfer(request: web.Request, body: wire.TransferIn) -> wire.GroupRolesOut:
    user, _ = current(request)
    channel, _ = await access_channel(user, request.match_info["channel_id"])
    await do_transfer_owner(hub_of(request), user, channel, body.user_id)
    return await group_roles(channel)


@api("DELETE", "/api/v1/channels/{channel_id}", "Dissolve a group (群主 only): every membership ends")
async def dissolve(request: web.Request) -> None:
    user, _ = current(request)
    channel, _ = await access_channel(user, request.match_info["channel_id"])
    await do_dissolve(hub_of(request), user, channel)
