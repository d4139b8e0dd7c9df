"""通讯录 over HTTP: a person's contact details, editing one's own, and starred contacts."""

from __future__ import annotations

from aiohttp import web
from pydantic import BaseModel

from hub.access import access_user
from hub.actions.contacts import ContactIn, ContactOut, contact_out, do_set_own_contact, do_star, starred_contacts
from hub.present import users_out
from hub.views.base import EndpointTable, current, hub_of, origin_of
from hub.views.org import UserList

api = EndpointTable("org")


class StarIn(BaseModel):
    starred: bool


@api("GET", "/api/v1/users/{user_id}/contact", "A person's office phone, room and mobile (masked unless allowed)",
     response=ContactOut)
async def get_contact(request: web.Request) -> ContactOut:
    viewer = current(request)[0]
    return await contact_out(viewer, await access_user(viewer, request.match_info["user_id"]))


@api("PUT", "/api/v1/session/me/contact", "Set my own office phone, mobile and room", body=ContactIn,
     response=ContactOut)
async def set_my_contact(request: web.Request, body: ContactIn) -> ContactOut:
    user = current(request)[0]
    updated = await do_set_own_contact(hub_of(request), user, body, origin_of(request))
    return await contact_out(updated, updated)


@api("GET", "/api/v1/contacts/starred", "My starred contacts (常用联系人)", response=UserList)
async def list_starred(request: web.Request) -> UserList:
    return UserList(users=await users_out(await starred_contacts(current(request)[0])))


@api("PUT", "/api/v1/contacts/starred/{user_id}", "Star or unstar a contact", body=StarIn, response=StarIn)
async def star(request: web.Request, body: StarIn) -> StarIn:
    user = current(request)[0]
    contact = await access_user(user, request.match_info["user_id"])
    return StarIn(starred=await do_star(hub_of(request), user, contact, body.starred))
