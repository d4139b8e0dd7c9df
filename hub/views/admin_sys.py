"""系统管理员 endpoints: units, people, memberships and 分管 (every call needs role sys_admin)."""

from __future__ import annotations

import re

from aiohttp import web
from beanie.operators import In
from pydantic import BaseModel, Field

from hub import wire
from hub.access import parse_id
from hub.actions.admin_org import check_manageable, check_ordinary_roles, do_retire_unit, do_update_unit, do_update_user
from hub.actions.auth import do_disable_user, do_enable_user
from hub.actions.org import do_add_membership, do_create_unit, do_create_user, do_remove_membership, do_reset_password
from hub.actions.workflow_admin import do_set_supervision
from hub.errors import HubError
from hub.models import Unit, User
from hub.models.org import UnitKind
from hub.present import unit_out, users_out
from hub.views.base import EndpointTable, current, hub_of, origin_of
from hub.workflow.documents import Supervision

api = EndpointTable("admin")
SYS = "sys_admin"


class AdminUnitOut(wire.UnitOut):
    retired: bool


class AdminUnitList(BaseModel):
    units: list[AdminUnitOut]


class UnitCreateIn(wire.WireModel):
    code: str = Field(pattern=r"^[a-z][a-z0-9-]{0,31}$")
    name: str = Field(min_length=1, max_length=60)
    short_name: str = Field(default="", max_length=30)
    kind: UnitKind
    parent_id: wire.Id | None = None
    order: int = Field(default=0, ge=0, le=100000)


class UnitUpdateIn(wire.WireModel):
    name: str | None = Field(default=None, min_length=1, max_length=60)
    short_name: str | None = Field(default=None, min_length=1, max_length=30)
    move: bool = Field(default=False, description="true: put the unit under parent_id (null: at the top)")
    parent_id: wire.Id | None = None
    order: int | None = Field(default=None, ge=0, le=100000)


class AdminUserQuery(BaseModel):
    q: str = Field(default="", max_length=64)
    limit: int = Field(default=200, ge=1, le=1000)


class AdminUserList(BaseModel):
    users: list[wire.UserOut]


class UserCreateIn(wire.WireModel):
    username: str = Field(min_length=2, max_length=32)
    name: str = Field(min_length=1, max_length=40)
    password: str = Field(min_length=1, max_length=128)
    roles: list[str] = Field(default_factory=lambda: ["staff"], max_length=4)


class UserUpdateIn(wire.WireModel):
    name: str = Field(min_length=1, max_length=40)


class PasswordIn(wire.WireModel):
    password: str = Field(min_length=1, max_length=128)


class MembershipIn(wire.WireModel):
    unit_id: wire.Id
    position: str = Field(min_length=1, max_length=40, description="岗位")
    title: str = Field(min_length=1, max_length=40, description="职务")
    is_head: bool = False


class AdminSupervisionIn(wire.WireModel):
    unit_ids: list[wire.Id] = Field(max_length=100)


class AdminSupervisionOut(BaseModel):
    leader_id: wire.Id
    leader_name: str
    unit_ids: list[wire.Id]


class AdminSupervisionList(BaseModel):
    supervision: list[AdminSupervisionOut]


def _unit_out(unit: Unit) -> AdminUnitOut:
    return AdminUnitOut(**unit_out(unit).model_dump(), retired=unit.retired)


async def _user(raw: str) -> User:
    user = await User.get(parse_id(raw))
    if user is None:
        raise HubError("not_found")
    return user


async def _unit(raw: str | None) -> Unit:
    unit = await Unit.get(parse_id(raw))
    if unit is None or unit.retired:
        raise HubError("not_found")
    return unit


async def _one(user: User) -> wire.UserOut:
    return (await users_out([user]))[0]


@api("GET", "/api/v1/admin/units", "Every unit, retired ones included (sys_admin)", response=AdminUnitList, role=SYS)
async def admin_units(request: web.Request) -> AdminUnitList:
    return AdminUnitList(units=[_unit_out(u) for u in await Unit.find_all().sort("+order").to_list()])


@api("POST", "/api/v1/admin/units", "Create a unit (sys_admin)", body=UnitCreateIn, response=AdminUnitOut, role=SYS)
async def admin_create_unit(request: web.Request, body: UnitCreateIn) -> AdminUnitOut:
    parent = await _unit(body.parent_id) if body.parent_id else None
    unit = await do_create_unit(hub_of(request), body.code, body.name.strip(), body.short_name.strip() or body.name,
                                body.kind, parent, order=body.order, actor=current(request)[0])
    return _unit_out(unit)


@api("PATCH", "/api/v1/admin/units/{unit_id}", "Rename or move a unit (sys_admin)", body=UnitUpdateIn,
     response=AdminUnitOut, role=SYS)
async def admin_update_unit(request: web.Request, body: UnitUpdateIn) -> AdminUnitOut:
    parent = parse_id(body.parent_id) if body.parent_id else None
    unit = await do_update_unit(hub_of(request), current(request)[0], parse_id(request.match_info["unit_id"]),
                                name=body.name, short_name=body.short_name, parent_id=parent, move=body.move,
                                order=body.order, origin=origin_of(request))
    return _unit_out(unit)


@api("POST", "/api/v1/admin/units/{unit_id}/retire", "Retire (撤销) an empty unit (sys_admin)",
     response=AdminUnitOut, role=SYS)
async def admin_retire_unit(request: web.Request) -> AdminUnitOut:
    return _unit_out(await do_retire_unit(hub_of(request), current(request)[0],
                                          parse_id(request.match_info["unit_id"]), origin_of(request)))


@api("GET", "/api/v1/admin/users", "People, disabled ones included, with their seats (sys_admin)",
     query=AdminUserQuery, response=AdminUserList, role=SYS)
async def admin_users(request: web.Request, query: AdminUserQuery) -> AdminUserList:
    filters: dict[str, object] = {"is_bot": {"$ne": True}}
    if query.q.strip():
        pattern = "^" + re.escape(query.q.strip().lower())
        filters["$or"] = [{"username": {"$regex": pattern}}, {"pinyin": {"$regex": pattern}},
                          {"initials": {"$regex": pattern}}, {"name": {"$regex": re.escape(query.q.strip())}}]
    found = await User.find(filters).sort("+username").limit(query.limit).to_list()
    return AdminUserList(users=await users_out(found))


@api("POST", "/api/v1/admin/users", "Add a person (sys_admin; administrator roles are the 安全保密管理员's)",
     body=UserCreateIn, response=wire.UserOut, role=SYS)
async def admin_create_user(request: web.Request, body: UserCreateIn) -> wire.UserOut:
    roles = check_ordinary_roles(body.roles)
    return await _one(await do_create_user(hub_of(request), body.username, body.name, body.password, roles,
                                           actor=current(request)[0]))


@api("PATCH", "/api/v1/admin/users/{user_id}", "Edit a person's name (sys_admin)", body=UserUpdateIn,
     response=wire.UserOut, role=SYS)
async def admin_update_user(request: web.Request, body: UserUpdateIn) -> wire.UserOut:
    target = await _user(request.match_info["user_id"])
    await do_update_user(hub_of(request), current(request)[0], target, name=body.name, origin=origin_of(request))
    return await _one(await _user(request.match_info["user_id"]))


@api("POST", "/api/v1/admin/users/{user_id}/disable", "Disable an account at once (sys_admin)",
     response=wire.UserOut, role=SYS)
async def admin_disable_user(request: web.Request) -> wire.UserOut:
    actor, target = current(request)[0], await _user(request.match_info["user_id"])
    check_manageable(actor, target)
    await do_disable_user(hub_of(request), target, actor=actor)
    return await _one(await _user(request.match_info["user_id"]))


@api("POST", "/api/v1/admin/users/{user_id}/enable", "Enable an account and clear its lockout (sys_admin)",
     response=wire.UserOut, role=SYS)
async def admin_enable_user(request: web.Request) -> wire.UserOut:
    actor, target = current(request)[0], await _user(request.match_info["user_id"])
    check_manageable(actor, target)
    await do_enable_user(hub_of(request), target, actor=actor)
    return await _one(await _user(request.match_info["user_id"]))


@api("POST", "/api/v1/admin/users/{user_id}/password", "Reset a password; ends the person's sessions (sys_admin)",
     body=PasswordIn, role=SYS)
async def admin_reset_password(request: web.Request, body: PasswordIn) -> None:
    actor, target = current(request)[0], await _user(request.match_info["user_id"])
    check_manageable(actor, target)
    await do_reset_password(hub_of(request), target, body.password, actor=actor)


@api("POST", "/api/v1/admin/users/{user_id}/memberships", "Give a person a seat (岗位, 职务) in a unit (sys_admin)",
     body=MembershipIn, response=wire.UserOut, role=SYS)
async def admin_add_membership(request: web.Request, body: MembershipIn) -> wire.UserOut:
    actor, target = current(request)[0], await _user(request.match_info["user_id"])
    if target.is_bot:
        raise HubError("forbidden")
    await do_add_membership(hub_of(request), target, await _unit(body.unit_id), body.position.strip(),
                            body.title.strip(), is_head=body.is_head, actor=actor)
    return await _one(target)


@api("DELETE", "/api/v1/admin/users/{user_id}/memberships/{unit_id}", "Remove a person's seat in a unit (sys_admin)",
     response=wire.UserOut, role=SYS)
async def admin_remove_membership(request: web.Request) -> wire.UserOut:
    actor, target = current(request)[0], await _user(request.match_info["user_id"])
    unit = await Unit.get(parse_id(request.match_info["unit_id"]))
    if unit is None:
        raise HubError("not_found")
    await do_remove_membership(hub_of(request), target, unit, actor=actor)
    return await _one(target)


@api("GET", "/api/v1/admin/supervision", "分管: which leader is in charge of which units (sys_admin)",
     response=AdminSupervisionList, role=SYS)
async def admin_supervision(request: web.Request) -> AdminSupervisionList:
    rows = await Supervision.find_all().to_list()
    leaders = {u.id: u for u in await User.find(In(User.id, list({r.leader_id for r in rows}))).to_list()}
    out: dict[str, AdminSupervisionOut] = {}
    for r in rows:
        leader = leaders.get(r.leader_id)
        entry = out.setdefault(str(r.leader_id), AdminSupervisionOut(leader_id=str(r.leader_id),
                                                                leader_name=leader.name if leader else "",
                                                                unit_ids=[]))
        entry.unit_ids.append(str(r.unit_id))
    return AdminSupervisionList(supervision=sorted(out.values(), key=lambda s: s.leader_name))


@api("PUT", "/api/v1/admin/supervision/{leader_id}", "Set the units a leader is in charge of; empty clears "
     "(sys_admin)", body=AdminSupervisionIn, response=AdminSupervisionOut, role=SYS)
async def admin_set_supervision(request: web.Request, body: AdminSupervisionIn) -> AdminSupervisionOut:
    leader = await _user(request.match_info["leader_id"])
    units = [await _unit(raw) for raw in dict.fromkeys(body.unit_ids)]
    await do_set_supervision(hub_of(request), leader, units, actor=current(request)[0])
    return AdminSupervisionOut(leader_id=str(leader.id), leader_name=leader.name, unit_ids=[str(u.id) for u in units])
