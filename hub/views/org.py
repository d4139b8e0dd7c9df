"""Directory endpoints: units and people."""

from __future__ import annotations

from aiohttp import web
from pydantic import BaseModel, Field

from hub import wire
from hub.access import access_unit, access_user
from hub.present import unit_out, user_out, users_out
from hub.queries import list_units, search_users
from hub.views.base import EndpointTable, current

api = EndpointTable("org")


class UnitList(BaseModel):
    units: list[wire.UnitOut]


class UserList(BaseModel):
    users: list[wire.UserOut]


class UserQuery(BaseModel):
    q: str = Field(default="", max_length=64)
    unit_id: str | None = None
    limit: int = Field(default=50, ge=1, le=200)


@api("GET", "/api/v1/units", "The org tree, as a flat list with parent ids", response=UnitList)
async def units(request: web.Request) -> UnitList:
    return UnitList(units=[unit_out(u, ch) for u, ch in await list_units()])


@api("GET", "/api/v1/units/{unit_id}/members", "People in a unit", response=UserList)
async def unit_members(request: web.Request) -> UserList:
    unit = await access_unit(current(request)[0], request.match_info["unit_id"])
    return UserList(users=await users_out(await search_users("", str(unit.id), 200)))


@api("GET", "/api/v1/users", "Search people by name, pinyin or initials", query=UserQuery, response=UserList)
async def users(request: web.Request, query: UserQuery) -> UserList:
    return UserList(users=await users_out(await search_users(query.q, query.unit_id, query.limit)))


@api("GET", "/api/v1/users/{user_id}", "One person's profile", response=wire.UserOut)
async def user(request: web.Request) -> wire.UserOut:
    return await user_out(await access_user(current(request)[0], request.match_info["user_id"]))
