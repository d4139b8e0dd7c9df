"""Security policy endpoints: the 密级 marker and allow lists (安全管理员 only)."""

from __future__ import annotations

from typing import Any

from aiohttp import web
from pydantic import BaseModel, Field

from hub.actions.policy import do_update_classification_policy, load_policy, policy_out, require_security_admin
from hub.views.base import EndpointTable, current, hub_of

api = EndpointTable("security")


class ClassificationPolicyIn(BaseModel):
    levels: list[str] = Field(max_length=20)
    allow: list[str] = Field(default_factory=list, max_length=500)
    version: int = Field(ge=0, description="The version you read; a stale one is refused with conflict")


class ClassificationPolicyOut(BaseModel):
    levels: list[str]
    allow: list[str]
    version: int
    defaults: dict[str, Any]


@api("GET", "/api/v1/policies/classification", "The 密级 policy: levels refused and words allowed",
     response=ClassificationPolicyOut, role="sec_admin")
async def get_policy(request: web.Request) -> ClassificationPolicyOut:
    require_security_admin(current(request)[0])
    return ClassificationPolicyOut.model_validate(policy_out(await load_policy(hub_of(request))))


@api("PUT", "/api/v1/policies/classification", "Replace the 密级 policy (audited)", body=ClassificationPolicyIn,
     response=ClassificationPolicyOut, role="sec_admin")
async def put_policy(request: web.Request, body: ClassificationPolicyIn) -> ClassificationPolicyOut:
    rules = await do_update_classification_policy(hub_of(request), current(request)[0], body.levels, body.allow,
                                                  body.version)
    return ClassificationPolicyOut.model_validate(policy_out(rules))
