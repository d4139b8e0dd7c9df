"""安全保密管理员 endpoints: roles (the three administrator roles included) and the security policy."""

from __future__ import annotations

import re

from aiohttp import web
from pydantic import BaseModel, Field

from hub import wire
from hub.access import parse_id
from hub.actions.admin_org import do_grant_roles
from hub.actions.security_policy import SecurityRules, do_update_security_policy, load_security_policy, rules_of
from hub.errors import HubError
from hub.models import User
from hub.present import users_out
from hub.views.base import EndpointTable, current, hub_of, origin_of

api = EndpointTable("admin")
SEC = "sec_admin"


class AccountQuery(BaseModel):
    q: str = Field(default="", max_length=64)
    admins_only: bool = False
    limit: int = Field(default=200, ge=1, le=1000)


class AccountList(BaseModel):
    users: list[wire.UserOut]


class RolesIn(wire.WireModel):
    roles: list[str] = Field(min_length=1, max_length=5)


class SecurityPolicyIn(SecurityRules):
    version: int = Field(ge=0, description="The version you read; a stale one is refused with conflict")


class SecurityPolicyOut(SecurityRules):
    version: int


@api("GET", "/api/v1/admin/security/accounts", "Accounts and their roles (sec_admin)", query=AccountQuery,
     response=AccountList, role=SEC)
async def sec_accounts(request: web.Request, query: AccountQuery) -> AccountList:
    filters: dict[str, object] = {"is_bot": {"$ne": True}}
    if query.admins_only:
        filters["roles"] = {"$in": ["sys_admin", "sec_admin", "audit_admin"]}
    if query.q.strip():
        q = query.q.strip()
        filters["$or"] = [{"username": {"$regex": "^" + re.escape(q.lower())}},
                          {"pinyin": {"$regex": "^" + re.escape(q.lower())}}, {"name": {"$regex": re.escape(q)}}]
    found = await User.find(filters).sort("+username").limit(query.limit).to_list()
    return AccountList(users=await users_out(found))


@api("PUT", "/api/v1/admin/security/accounts/{user_id}/roles", "Set an account's roles, the three administrator "
     "roles included (never two to one account); ends its sessions (sec_admin)", body=RolesIn,
     response=wire.UserOut, role=SEC)
async def sec_set_roles(request: web.Request, body: RolesIn) -> wire.UserOut:
    target = await User.get(parse_id(request.match_info["user_id"]))
    if target is None:
        raise HubError("not_found")
    await do_grant_roles(hub_of(request), current(request)[0], target, body.roles)
    fresh = await User.get(target.id)
    assert fresh is not None
    return (await users_out([fresh]))[0]


@api("GET", "/api/v1/admin/security/policy", "The security policy in force: passwords, lockout, sessions, uploads "
     "(sec_admin)", response=SecurityPolicyOut, role=SEC)
async def sec_policy(request: web.Request) -> SecurityPolicyOut:
    hub = hub_of(request)
    version = await load_security_policy(hub)
    return SecurityPolicyOut(**rules_of(hub).model_dump(), version=version)


@api("PUT", "/api/v1/admin/security/policy", "Replace the security policy; every hub process applies it within "
     "seconds, without a restart (sec_admin)", body=SecurityPolicyIn, response=SecurityPolicyOut, role=SEC)
async def sec_put_policy(request: web.Request, body: SecurityPolicyIn) -> SecurityPolicyOut:
    hub = hub_of(request)
    rules = SecurityRules.model_validate(body.model_dump(exclude={"version"}))
    version = await do_update_security_policy(hub, current(request)[0], rules, body.version, origin_of(request))
    return SecurityPolicyOut(**rules_of(hub).model_dump(), version=version)
