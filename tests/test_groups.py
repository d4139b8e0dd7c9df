"""Group management: 群主 and admins, rename, invite, remove, leave, transfer, dissolve, each with a system message."""

from __future__ import annotations

from typing import Any

from beanie import PydanticObjectId

from hub.models import AuditEntry, Subscription
from tests.conftest import World


async def _group(world: World) -> dict[str, Any]:
    people = {u: await world.user(u, n) for u, n in
              [("zhangsan", "张三"), ("lisi", "李四"), ("wangwu", "王五"), ("zhaoliu", "赵六")]}
    tokens = {u: await world.login(u) for u in people}
    _, ch = await world.api("POST", "/api/v1/channels", tokens["zhangsan"],
                            json={"name": "预算专班", "member_ids": [str(people["lisi"].id), str(people["wangwu"].id)]})
    return {"ids": {u: str(p.id) for u, p in people.items()}, "t": tokens, "cid": ch["id"]}


async def _notices(world: World, g: dict[str, Any]) -> list[str]:
    _, page = await world.api("GET", f"/api/v1/channels/{g['cid']}/messages", g["t"]["zhangsan"])
    return [m["content"] for m in page["messages"] if m["system"]]


async def test_membership_changes_post_system_messages(world: World) -> None:
    g = await _group(world)
    t, ids, cid = g["t"], g["ids"], g["cid"]
    listener = await world.socket(t["lisi"])
    # A plain member invites: the group hears who invited whom.
    status, _ = await world.api("POST", f"/api/v1/channels/{cid}/members", t["lisi"],
                                json={"user_ids": [ids["zhaoliu"]]})
    assert status == 200
    heard = await listener.wait_for("message.new", where=lambda d: d["message"]["system"])
    assert heard[0]["message"]["content"] == "李四 邀请 赵六 加入群聊"
    # A plain member may not rename or remove; the owner makes 李四 an admin, who then may.
    status, body = await world.api("PATCH", f"/api/v1/channels/{cid}", t["wangwu"], json={"name": "改名"})
    assert (status, body["error"]["code"]) == (403, "forbidden")
    status, body = await world.api("DELETE", f"/api/v1/channels/{cid}/members/{ids['zhaoliu']}", t["wangwu"])
    assert (status, body["error"]["code"]) == (403, "forbidden")
    status, roles = await world.api("POST", f"/api/v1/channels/{cid}/admins", t["zhangsan"],
                                    json={"user_id": ids["lisi"], "admin": True})
    assert status == 200 and roles == {"owner_id": ids["zhangsan"], "admin_ids": [ids["lisi"]]}
    updated = await listener.wait_for("channel.updated", where=lambda d: d["channel"].get("role") == "admin")
    assert updated[0]["channel"]["id"] == cid
    status, ch = await world.api("PATCH", f"/api/v1/channels/{cid}", t["lisi"], json={"name": "预算编制专班"})
    assert status == 200 and ch["name"] == "预算编制专班"
    assert (await world.api("DELETE", f"/api/v1/channels/{cid}/members/{ids['zhaoliu']}", t["lisi"]))[0] == 204
    # An admin cannot remove the 群主 or make admins; members leave by themselves.
    status, body = await world.api("DELETE", f"/api/v1/channels/{cid}/members/{ids['zhangsan']}", t["lisi"])
    assert (status, body["error"]["code"]) == (403, "forbidden")
    status, body = await world.api("POST", f"/api/v1/channels/{cid}/admins", t["lisi"],
                                   json={"user_id": ids["wangwu"], "admin": True})
    assert (status, body["error"]["code"]) == (403, "forbidden")
    assert (await world.api("DELETE", f"/api/v1/channels/{cid}/members/{ids['wangwu']}", t["wangwu"]))[0] == 204
    assert await _notices(world, g) == [
        "李四 邀请 赵六 加入群聊", "张三 将 李四 设为管理员", "李四 修改群名为“预算编制专班”", "李四 将 赵六 移出群聊",
        "王五 退出群聊"]
    actions = {e.action for e in await AuditEntry.find_all().to_list()}
    assert {"channel.members_added", "channel.admin_set", "channel.renamed", "channel.member_removed",
            "channel.left"} <= actions


async def test_owner_transfers_before_leaving_and_dissolves(world: World) -> None:
    g = await _group(world)
    t, ids, cid = g["t"], g["ids"], g["cid"]
    status, body = await world.api("DELETE", f"/api/v1/channels/{cid}/members/{ids['zhangsan']}", t["zhangsan"])
    assert (status, body["error"]["code"]) == (409, "owner_must_transfer")
    # Only the 群主 transfers or dissolves; an outsider cannot tell the group exists.
    owner_url = f"/api/v1/channels/{cid}/owner"
    status, body = await world.api("POST", owner_url, t["lisi"], json={"user_id": ids["wangwu"]})
    assert (status, body["error"]["code"]) == (403, "forbidden")
    status, body = await world.api("DELETE", f"/api/v1/channels/{cid}", t["zhaoliu"])
    assert (status, body["error"]["code"]) == (404, "not_found")
    status, body = await world.api("POST", owner_url, t["zhangsan"], json={"user_id": ids["zhaoliu"]})
    assert (status, body["error"]["code"]) == (404, "not_found")
    status, roles = await world.api("POST", owner_url, t["zhangsan"], json={"user_id": ids["lisi"]})
    assert status == 200 and roles["owner_id"] == ids["lisi"]
    assert (await world.api("DELETE", f"/api/v1/channels/{cid}/members/{ids['zhangsan']}", t["zhangsan"]))[0] == 204
    status, body = await world.api("DELETE", f"/api/v1/channels/{cid}", t["wangwu"])
    assert (status, body["error"]["code"]) == (403, "forbidden")
    listener = await world.socket(t["wangwu"])
    assert (await world.api("DELETE", f"/api/v1/channels/{cid}", t["lisi"]))[0] == 204
    heard = await listener.wait_for("message.new", where=lambda d: d["message"]["system"])
    assert heard[0]["message"]["content"] == "李四 解散了群聊"
    await listener.wait_for("channel.member_removed", where=lambda d: d["user_id"] == ids["wangwu"])
    assert await Subscription.find(Subscription.channel_id == PydanticObjectId(cid)).count() == 0
    for who in ("lisi", "wangwu"):
        assert (await world.api("GET", f"/api/v1/channels/{cid}", t[who]))[0] == 404


async def test_bad_management_requests_change_nothing(world: World) -> None:
    g = await _group(world)
    t, ids, cid = g["t"], g["ids"], g["cid"]
    cases = [
        ("PATCH", f"/api/v1/channels/{cid}", {"name": ""}, 400, "invalid_request"),
        ("PATCH", f"/api/v1/channels/{cid}", {"name": "机密工作群"}, 422, "classified_content"),
        ("PATCH", f"/api/v1/channels/{cid}", {"name": "x", "topic": 1}, 400, "invalid_request"),
        ("POST", f"/api/v1/channels/{cid}/admins", {"user_id": "nope", "admin": True}, 404, "not_found"),
        ("POST", f"/api/v1/channels/{cid}/admins", {"user_id": ids["zhaoliu"], "admin": True}, 404, "not_found"),
        ("POST", f"/api/v1/channels/{cid}/owner", {"user_id": ids["zhangsan"]}, 400, "invalid_request"),
    ]
    for method, path, payload, status, code in cases:
        got, body = await world.api(method, path, t["zhangsan"], json=payload)
        assert (got, body["error"]["code"]) == (status, code), payload
    _, roles = await world.api("GET", f"/api/v1/channels/{cid}/roles", t["wangwu"])
    assert roles == {"owner_id": ids["zhangsan"], "admin_ids": []}
    _, ch = await world.api("GET", f"/api/v1/channels/{cid}", t["zhangsan"])
    assert ch["name"] == "预算专班"
    assert await _notices(world, g) == []
