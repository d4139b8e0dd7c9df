"""Ad-hoc channels, direct conversations and membership rules through the HTTP API."""

from __future__ import annotations

from tests.conftest import World


async def test_create_channel_invite_leave_and_remove(world: World) -> None:
    a = await world.user("alice", "安丽")
    b = await world.user("bob", "包波")
    c = await world.user("carol", "曹静")
    ta, tb, tc = [await world.login(u) for u in ("alice", "bob", "carol")]
    rec_c = await world.socket(tc)
    status, ch = await world.api("POST", "/api/v1/channels", ta,
                                 json={"name": "预算编制专班", "member_ids": [str(b.id)]})
    assert status == 200 and ch["role"] == "owner" and ch["kind"] == "group"
    cid = ch["id"]
    _, members = await world.api("GET", f"/api/v1/channels/{cid}/members", tb)
    assert {m["username"] for m in members["members"]} == {"alice", "bob"}
    # Carol cannot see it; a forbidden channel looks exactly like a missing one.
    status, body = await world.api("GET", f"/api/v1/channels/{cid}", tc)
    assert status == 404 and body["error"]["code"] == "not_found"
    # Any member may invite; the invitee's sockets hear about it at once.
    status, _ = await world.api("POST", f"/api/v1/channels/{cid}/members", tb, json={"user_ids": [str(c.id)]})
    assert status == 200
    added = await rec_c.wait_for("channel.member_added")
    assert added[0]["channel"]["id"] == cid
    # Only the owner removes others; anyone may leave.
    status, body = await world.api("DELETE", f"/api/v1/channels/{cid}/members/{a.id}", tb)
    assert status == 403 and body["error"]["code"] == "forbidden"
    assert (await world.api("DELETE", f"/api/v1/channels/{cid}/members/{c.id}", ta))[0] == 204
    await rec_c.wait_for("channel.member_removed")
    assert (await world.api("GET", f"/api/v1/channels/{cid}", tc))[0] == 404
    assert (await world.api("DELETE", f"/api/v1/channels/{cid}/members/{b.id}", tb))[0] == 204
    _, members = await world.api("GET", f"/api/v1/channels/{cid}/members", ta)
    assert [m["username"] for m in members["members"]] == ["alice"]


async def test_invalid_invites_change_nothing(world: World) -> None:
    await world.user("alice")
    ta = await world.login("alice")
    status, body = await world.api("POST", "/api/v1/channels", ta,
                                   json={"name": "x", "member_ids": ["000000000000000000000000"]})
    assert status == 404 and body["error"]["code"] == "not_found"
    assert (await world.api("GET", "/api/v1/channels", ta))[1]["channels"] == []
    status, body = await world.api("POST", "/api/v1/channels", ta, json={"name": "", "member_ids": []})
    assert status == 400 and body["error"]["code"] == "invalid_request"
    status, body = await world.api("POST", "/api/v1/channels", ta, json={"name": "x", "owner": "me"})
    assert status == 400  # unknown fields are refused, not ignored


async def test_direct_conversation_is_found_again_not_duplicated(world: World) -> None:
    await world.user("alice", "安丽")
    b = await world.user("bob", "包波")
    ta = await world.login("alice")
    _, first = await world.api("POST", "/api/v1/channels/direct", ta, json={"user_id": str(b.id)})
    _, again = await world.api("POST", "/api/v1/channels/direct", ta, json={"user_id": str(b.id)})
    assert first["id"] == again["id"] and first["kind"] == "direct" and first["peer_id"] == str(b.id)
    tb = await world.login("bob")
    channels = (await world.api("GET", "/api/v1/channels", tb))[1]["channels"]
    assert [c["id"] for c in channels] == [first["id"]]
    status, body = await world.api("POST", f"/api/v1/channels/{first['id']}/members", ta,
                                   json={"user_ids": [str(b.id)]})
    assert status == 403 and body["error"]["code"] == "forbidden"


async def test_unit_channels_are_managed_by_the_org_tree(world: World) -> None:
    czj = await world.unit("czj", "市财政局")
    await world.user("alice", units=[czj])
    other = await world.user("bob")
    ta = await world.login("alice")
    (channel,) = (await world.api("GET", "/api/v1/channels", ta))[1]["channels"]
    status, body = await world.api("POST", f"/api/v1/channels/{channel['id']}/members", ta,
                                   json={"user_ids": [str(other.id)]})
    assert status == 409 and body["error"]["code"] == "unit_channel_managed"
