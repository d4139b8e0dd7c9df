"""The 系统管理员 and 安全保密管理员 through the HTTP admin API: acts, audit, and 三员分立 on the current state."""

from __future__ import annotations

from hub.models import AuditEntry, Channel, Membership, Unit, User
from tests.conftest import PASSWORD, World


async def _actions(actor: User) -> list[str]:
    return [e.action for e in await AuditEntry.find(AuditEntry.actor_id == str(actor.id)).sort("+seq").to_list()]


async def test_sysadmin_keeps_units_people_and_seats(world: World) -> None:
    admin = await world.user("sysadmin", "田磊", roles=["sys_admin"])
    token = await world.login("sysadmin")
    status, zf = await world.api("POST", "/api/v1/admin/units", token,
                                 json={"code": "zf", "name": "白银市人民政府", "short_name": "市政府",
                                       "kind": "leadership"})
    assert status == 200 and zf["code"] == "zf" and not zf["retired"]
    status, czj = await world.api("POST", "/api/v1/admin/units", token,
                                  json={"code": "czj", "name": "市财政局", "kind": "department", "parent_id": zf["id"]})
    assert status == 200 and czj["parent_id"] == zf["id"]
    status, body = await world.api("POST", "/api/v1/admin/units", token,
                                   json={"code": "czj", "name": "重复", "kind": "department"})
    assert status == 409 and body["error"]["code"] == "conflict"
    # Rename follows into the unit channel; a move under itself is refused.
    status, renamed = await world.api("PATCH", f"/api/v1/admin/units/{czj['id']}", token,
                                      json={"name": "市财政局（新）"})
    assert status == 200 and renamed["name"] == "市财政局（新）"
    czj_unit = await Unit.find_one(Unit.code == "czj")
    assert czj_unit is not None
    channel = await Channel.find_one(Channel.kind == "unit", Channel.unit_id == czj_unit.id)
    assert channel is not None and channel.name == "市财政局（新）"
    status, body = await world.api("PATCH", f"/api/v1/admin/units/{zf['id']}", token,
                                   json={"move": True, "parent_id": czj["id"]})
    assert status == 400 and body["error"]["code"] == "invalid_request"
    status, moved = await world.api("PATCH", f"/api/v1/admin/units/{czj['id']}", token, json={"move": True})
    assert status == 200 and moved["parent_id"] is None

    status, person = await world.api("POST", "/api/v1/admin/users", token,
                                     json={"username": "Zhangsan", "name": "张三", "password": "Longenough1"})
    assert status == 200 and person["username"] == "zhangsan" and person["roles"] == ["staff"]
    status, body = await world.api("POST", "/api/v1/admin/users", token,
                                   json={"username": "zhangsan", "name": "张三", "password": "Longenough1"})
    assert status == 409 and body["error"]["code"] == "username_taken"
    status, body = await world.api("POST", "/api/v1/admin/users", token,
                                   json={"username": "boss", "name": "老板", "password": "Longenough1",
                                         "roles": ["sec_admin"]})
    assert status == 403 and await User.find_one(User.username == "boss") is None
    pid = person["id"]
    status, seated = await world.api("POST", f"/api/v1/admin/users/{pid}/memberships", token,
                                     json={"unit_id": czj["id"], "position": "预算科科员岗", "title": "科员"})
    assert status == 200 and seated["memberships"][0]["title"] == "科员"
    # A unit with people cannot be retired.
    status, body = await world.api("POST", f"/api/v1/admin/units/{czj['id']}/retire", token)
    assert status == 409 and body["error"]["code"] == "unit_not_empty"
    status, edited = await world.api("PATCH", f"/api/v1/admin/users/{pid}", token, json={"name": "张三丰"})
    assert status == 200 and edited["name"] == "张三丰"
    status, body = await world.api("POST", f"/api/v1/admin/users/{pid}/password", token, json={"password": "short"})
    assert status == 400 and body["error"]["code"] == "weak_password"
    assert (await world.api("POST", f"/api/v1/admin/users/{pid}/password", token,
                            json={"password": "Anotherlong2"}))[0] == 204
    await world.login("zhangsan", "Anotherlong2")
    status, disabled = await world.api("POST", f"/api/v1/admin/users/{pid}/disable", token)
    assert status == 200 and disabled["disabled"]
    resp = await world.client.post("/api/v1/session/login", json={"username": "zhangsan", "password": "Anotherlong2"})
    assert resp.status == 403
    status, enabled = await world.api("POST", f"/api/v1/admin/users/{pid}/enable", token)
    assert status == 200 and not enabled["disabled"]
    status, left = await world.api("DELETE", f"/api/v1/admin/users/{pid}/memberships/{czj['id']}", token)
    assert status == 200 and left["memberships"] == []
    status, retired = await world.api("POST", f"/api/v1/admin/units/{czj['id']}/retire", token)
    assert status == 200 and retired["retired"]
    status, directory = await world.api("GET", "/api/v1/units", token)
    assert "czj" not in {u["code"] for u in directory["units"]}
    status, listing = await world.api("GET", "/api/v1/admin/units", token)
    assert {u["code"]: u["retired"] for u in listing["units"]} == {"zf": False, "czj": True}
    status, found = await world.api("GET", "/api/v1/admin/users", token, params={"q": "zhang"})
    assert [u["username"] for u in found["users"]] == ["zhangsan"]
    assert await _actions(admin) == [
        "session.login", "unit.created", "unit.created", "unit.updated", "unit.updated", "user.created",
        "membership.added", "user.updated", "user.password_reset", "user.disabled", "user.enabled",
        "membership.removed", "unit.retired"]


async def test_sysadmin_cannot_touch_the_other_administrators_or_their_roles(world: World) -> None:
    await world.user("sysadmin", "田磊", roles=["sys_admin"])
    sec = await world.user("secadmin", "韩梅", roles=["sec_admin"])
    token = await world.login("sysadmin")
    for path, body in ((f"/api/v1/admin/users/{sec.id}/password", {"password": "Takeover123"}),
                       (f"/api/v1/admin/users/{sec.id}/disable", None)):
        status, answer = await world.api("POST", path, token, json=body)
        assert status == 403 and answer["error"]["code"] == "forbidden"
    status, _ = await world.api("PUT", f"/api/v1/admin/security/accounts/{sec.id}/roles", token,
                                json={"roles": ["staff"]})
    assert status == 403
    fresh = await User.get(sec.id)
    assert fresh is not None and not fresh.disabled and fresh.roles == ["sec_admin"]
    await world.login("secadmin")  # the password is unchanged


async def test_supervision_bots_integrations_and_definitions(world: World) -> None:
    await world.user("sysadmin", "田磊", roles=["sys_admin"])
    leader = await world.user("mayor", "马军", roles=["leader"])
    unit = await world.unit("czj", "市财政局")
    token = await world.login("sysadmin")
    status, sup = await world.api("PUT", f"/api/v1/admin/supervision/{leader.id}", token,
                                  json={"unit_ids": [str(unit.id)]})
    assert status == 200 and sup["unit_ids"] == [str(unit.id)]
    status, listing = await world.api("GET", "/api/v1/admin/supervision", token)
    assert listing["supervision"] == [{"leader_id": str(leader.id), "leader_name": "马军", "unit_ids": [str(unit.id)]}]
    status, bots = await world.api("GET", "/api/v1/admin/bots", token)
    assert status == 200 and "webhook" in {b["key"] for b in bots["bots"]}
    status, issued = await world.api("POST", "/api/v1/admin/bots/webhook/tokens", token)
    assert status == 200 and issued["secret"].startswith("xtb_")
    status, bots = await world.api("GET", "/api/v1/admin/bots", token)
    assert {b["key"]: b["active_tokens"] for b in bots["bots"]}["webhook"] == 1
    status, revoked = await world.api("DELETE", "/api/v1/admin/bots/webhook/tokens", token)
    assert status == 200 and revoked["revoked"] == 1
    status, _ = await world.api("POST", "/api/v1/admin/bots/ghost/tokens", token)
    assert status == 404
    status, created = await world.api("POST", "/api/v1/admin/integrations", token,
                                      json={"key": "oa-feed", "name": "省OA推送", "bot_key": "webhook"})
    assert status == 200 and len(created["secret"]) == 64
    status, rotated = await world.api("POST", "/api/v1/admin/integrations/oa-feed/rotate", token)
    assert status == 200 and rotated["secret"] != created["secret"]
    status, listing = await world.api("GET", "/api/v1/admin/integrations", token)
    assert [i["key"] for i in listing["integrations"]] == ["oa-feed"] and "secret" not in listing["integrations"][0]
    status, shipped = await world.api("POST", "/api/v1/admin/definitions/shipped", token)
    assert status == 200 and shipped["definitions"]
    status, again = await world.api("POST", "/api/v1/admin/definitions/shipped", token)
    assert [d["version"] for d in again["definitions"]] == [d["version"] for d in shipped["definitions"]]
    status, defs = await world.api("GET", "/api/v1/admin/definitions", token)
    assert len(defs["definitions"]) == len(shipped["definitions"])
    # A changed definition is a new version; the same one again is not.
    status, latest = await world.api("GET", f"/api/v1/definitions/{shipped['definitions'][0]['key']}", token)
    spec = {**latest["spec"], "description": "新版说明"}
    status, published = await world.api("POST", "/api/v1/admin/definitions", token, json=spec)
    assert status == 200 and published["version"] == shipped["definitions"][0]["version"] + 1
    status, again_one = await world.api("POST", "/api/v1/admin/definitions", token, json=spec)
    assert again_one["version"] == published["version"]
    status, _ = await world.api("POST", "/api/v1/admin/definitions", token, json={**spec, "steps": "x"})
    assert status == 400


async def test_security_admin_grants_roles_with_separation_of_duties(world: World) -> None:
    sec = await world.user("secadmin", "韩梅", roles=["sec_admin"])
    clerk = await world.user("clerk", "李文书")
    token = await world.login("secadmin")
    clerk_token = await world.login("clerk")
    status, granted = await world.api("PUT", f"/api/v1/admin/security/accounts/{clerk.id}/roles", token,
                                      json={"roles": ["staff", "audit_admin"]})
    assert status == 200 and granted["roles"] == ["staff", "audit_admin"]
    # A role change ends the person's sessions.
    status, _ = await world.api("GET", "/api/v1/channels", clerk_token)
    assert status == 401
    status, body = await world.api("PUT", f"/api/v1/admin/security/accounts/{clerk.id}/roles", token,
                                   json={"roles": ["sys_admin", "audit_admin"]})
    assert status == 409 and body["error"]["code"] == "admin_separation"
    status, body = await world.api("PUT", f"/api/v1/admin/security/accounts/{sec.id}/roles", token,
                                   json={"roles": ["sec_admin", "staff"]})
    assert status == 403
    fresh = await User.get(clerk.id)
    assert fresh is not None and fresh.roles == ["staff", "audit_admin"]
    status, admins = await world.api("GET", "/api/v1/admin/security/accounts", token, params={"admins_only": "true"})
    assert {u["username"] for u in admins["users"]} == {"secadmin", "clerk"}
    entry = await AuditEntry.find_one(AuditEntry.action == "user.roles_changed")
    assert entry is not None and entry.actor_id == str(sec.id) and entry.detail["after"] == ["staff", "audit_admin"]
    assert await Membership.find_all().count() == 0


async def test_the_security_policy_takes_effect_at_once(world: World) -> None:
    await world.user("secadmin", "韩梅", roles=["sec_admin"])
    await world.user("sysadmin", "田磊", roles=["sys_admin"])
    await world.user("victim", "王五")
    token, sys_token = await world.login("secadmin"), await world.login("sysadmin")
    status, policy = await world.api("GET", "/api/v1/admin/security/policy", token)
    assert status == 200 and policy["version"] == 0 and policy["login_max_failures"] == 5
    wanted = {**policy, "login_max_failures": 3, "password_min_length": 12, "password_classes": 3,
              "upload_types": ["PDF", ".xlsx", "pdf"]}
    status, saved = await world.api("PUT", "/api/v1/admin/security/policy", token, json=wanted)
    assert status == 200 and saved["version"] == 1 and saved["upload_types"] == ["pdf", "xlsx"]
    status, body = await world.api("PUT", "/api/v1/admin/security/policy", token, json=wanted)  # stale version
    assert status == 409 and body["error"]["code"] == "conflict"
    status, body = await world.api("PUT", "/api/v1/admin/security/policy", token,
                                   json={**saved, "login_max_failures": 1})
    assert status == 400  # below the floor
    # The lockout threshold: the third wrong password locks the account.
    codes = []
    for _ in range(4):
        resp = await world.client.post("/api/v1/session/login", json={"username": "victim", "password": "wrong"})
        codes.append((await resp.json())["error"]["code"])
    assert codes[:2] == ["bad_credentials", "bad_credentials"] and codes[3] == "account_locked"
    # The password rules: twelve characters of three kinds.
    status, body = await world.api("POST", "/api/v1/admin/users", sys_token,
                                   json={"username": "newbie", "name": "新人", "password": "alllowercase1"})
    assert status == 400 and body["error"]["code"] == "weak_password"
    status, _ = await world.api("POST", "/api/v1/admin/users", sys_token,
                                json={"username": "newbie", "name": "新人", "password": "Mixed-Case-12"})
    assert status == 200
    entry = await AuditEntry.find_one(AuditEntry.action == "policy.security_updated")
    assert entry is not None and entry.detail["changed"]["login_max_failures"] == {"before": 5, "after": 3}
    assert PASSWORD not in entry.model_dump_json()
