"""三员分立: every role against every administrator endpoint, generated from the endpoint table itself."""

from __future__ import annotations

import re
from typing import Any

from bson import ObjectId

from hub.app import all_endpoints
from hub.models import ALL_MODELS, AuditEntry, AuthSession
from hub.models.security import AuditAggregate, AuditCheckpoint, LoginThrottle
from hub.views.base import Endpoint
from tests.conftest import World

ROLES = ["staff", "leader", "office_director", "doc_clerk", "sys_admin", "sec_admin", "audit_admin"]
# Written by logging in and by reading (session touch, audit of reads), never by a refused call's act.
NOT_STATE = {AuthSession, LoginThrottle, AuditEntry, AuditAggregate, AuditCheckpoint}


def admin_endpoints() -> list[Endpoint]:
    return [ep for ep in all_endpoints() if ep.role is not None]


def test_every_admin_path_declares_its_one_role_and_the_auditor_only_reads() -> None:
    for ep in all_endpoints():
        if ep.path.startswith("/api/v1/admin/") or ep.path.startswith("/api/v1/policies/"):
            assert ep.role in ("sys_admin", "sec_admin", "audit_admin"), f"{ep.method} {ep.path} has no role"
        if ep.role == "audit_admin":
            assert ep.method == "GET", f"the auditor is read-only: {ep.method} {ep.path}"
    roles = {ep.role for ep in admin_endpoints()}
    assert roles == {"sys_admin", "sec_admin", "audit_admin"}
    assert len(admin_endpoints()) >= 35


async def _state() -> dict[str, list[Any]]:
    out: dict[str, list[Any]] = {}
    for model in ALL_MODELS:
        if model in NOT_STATE:
            continue
        docs = await model.get_pymongo_collection().find({}).to_list()
        out[model.get_collection_name()] = sorted(repr(sorted(d.items())) for d in docs)
    return out


def _path(ep: Endpoint, ids: dict[str, str]) -> str:
    return re.sub(r"\{(\w+)\}", lambda m: ids[m.group(1)], ep.path)


async def test_each_role_reaches_only_its_own_endpoints_and_a_refusal_changes_nothing(world: World) -> None:
    unit = await world.unit("czj", "市财政局")
    target = await world.user("target", "靶子", units=[unit])
    tokens = {}
    for role in ROLES:
        await world.user(f"u-{role.replace('_', '-')}", f"角色{role}", roles=[role], units=[unit])
        tokens[role] = await world.login(f"u-{role.replace('_', '-')}")
    ids = {"unit_id": str(unit.id), "user_id": str(target.id), "leader_id": str(target.id),
           "batch_id": str(ObjectId()), "key": "webhook", "day": "2027-01-04"}
    world.client.session.cookie_jar.clear()  # the logins' cookies would authenticate the anonymous calls
    before = await _state()
    refused = 0
    for ep in admin_endpoints():
        path = _path(ep, ids)
        status, body = await world.api(ep.method, path, "", json={})
        assert status == 401, f"anonymous {ep.method} {path}: {status}"
        for role in ROLES:
            if role == ep.role:
                continue
            status, body = await world.api(ep.method, path, tokens[role], json={})
            assert status in (403, 404) and body["error"]["code"] in ("forbidden", "not_found"), \
                f"{role} {ep.method} {path}: {status} {body}"
            refused += 1
    assert refused == len(admin_endpoints()) * (len(ROLES) - 1)
    assert await _state() == before, "a refused call changed something"
    # Each refusal is in the audit log, for the 安全审计员 (anonymous calls never got that far).
    assert await AuditEntry.find(AuditEntry.action == "admin.refused").count() == refused
    # The holder of the role gets past the role check (the empty body may still be refused as malformed).
    for ep in admin_endpoints():
        path = _path(ep, ids)
        status, body = await world.api(ep.method, path, tokens[ep.role or ""], json={})
        assert status < 500, f"{ep.role} {ep.method} {path}: {status} {body}"
        assert status != 403, f"{ep.role} refused on its own {ep.method} {path}: {body}"
