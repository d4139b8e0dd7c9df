"""Messages: sequence numbers, idempotent sends, limits, edit, recall, history, read positions."""

from __future__ import annotations

import asyncio
from datetime import timedelta

from hub.models import Message
from tests.conftest import World


async def _pair(world: World) -> tuple[str, str, str]:
    """Two members of one unit channel: (channel id, token a, token b)."""
    unit = await world.unit("czj", "市财政局")
    await world.user("zhangsan", "张三", units=[unit])
    await world.user("lisi", "李四", units=[unit])
    ta, tb = await world.login("zhangsan"), await world.login("lisi")
    (channel,) = (await world.api("GET", "/api/v1/channels", ta))[1]["channels"]
    return channel["id"], ta, tb


async def test_concurrent_sends_get_gap_free_sequence_numbers(world: World) -> None:
    cid, ta, tb = await _pair(world)

    async def send(token: str, i: int) -> int:
        status, body = await world.api("POST", f"/api/v1/channels/{cid}/messages", token,
                                       json={"content": f"第{i}条", "client_msg_id": f"m-{i}"})
        assert status == 201, body
        return int(body["seq"])

    seqs = await asyncio.gather(*(send(ta if i % 2 else tb, i) for i in range(40)))
    assert sorted(seqs) == list(range(1, 41))
    _, channel = await world.api("GET", f"/api/v1/channels/{cid}", ta)
    assert channel["last_seq"] == 40


async def test_resending_a_client_msg_id_returns_the_original(world: World) -> None:
    cid, ta, _ = await _pair(world)
    body = {"content": "请各科室周五前报送预算", "client_msg_id": "abc-1"}
    s1, first = await world.api("POST", f"/api/v1/channels/{cid}/messages", ta, json=body)
    s2, again = await world.api("POST", f"/api/v1/channels/{cid}/messages", ta, json=body)
    results = await asyncio.gather(*(world.api("POST", f"/api/v1/channels/{cid}/messages", ta, json=body)
                                     for _ in range(10)))
    assert (s1, s2) == (201, 200) and first == again
    assert all(r == (200, first) for r in results)
    assert await Message.find_all().count() == 1


async def test_bad_sends_get_clear_errors_and_store_nothing(world: World) -> None:
    cid, ta, _ = await _pair(world)
    await world.user("outsider")
    to = await world.login("outsider")
    url = f"/api/v1/channels/{cid}/messages"
    cases = [
        (ta, url, {"content": "x" * 8001}, 413, "message_too_long"),
        (ta, url, {"content": "   "}, 400, "empty_message"),
        (ta, url, {"content": 5}, 400, "invalid_request"),
        (ta, url, {"content": "hi", "client_msg_id": "bad id with spaces"}, 400, "invalid_request"),
        (ta, url, {"content": "hi", "extra": {"$where": "1"}}, 400, "invalid_request"),
        (to, url, {"content": "hi"}, 404, "not_found"),
        (ta, "/api/v1/channels/000000000000000000000000/messages", {"content": "hi"}, 404, "not_found"),
        (ta, "/api/v1/channels/not-an-id/messages", {"content": "hi"}, 404, "not_found"),
    ]
    for token, path, payload, status, code in cases:
        got_status, body = await world.api("POST", path, token, json=payload)
        assert (got_status, body["error"]["code"]) == (status, code), payload
        assert body["error"]["message"] and body["error"]["message_en"]
    json_headers = {**world.auth(ta), "Content-Type": "application/json"}
    resp = await world.client.post(url, data=b"{not json", headers=json_headers)
    assert resp.status == 400 and (await resp.json())["error"]["code"] == "invalid_request"
    resp = await world.client.post(url, data=b"content=hi", headers={**world.auth(ta),
                                   "Content-Type": "application/x-www-form-urlencoded"})
    assert resp.status == 400
    resp = await world.client.post(url, data=b"{" + b" " * (300 * 1024) + b"}",
                                   headers={**world.auth(ta), "Content-Type": "application/json"})
    assert resp.status == 413 and (await resp.json())["error"]["code"] == "payload_too_large"
    assert await Message.find_all().count() == 0
    ok, body = await world.api("POST", url, ta, json={"content": "x" * 8000})
    assert ok == 201 and body["seq"] == 1


async def test_edit_and_recall_rules(world: World) -> None:
    cid, ta, tb = await _pair(world)
    _, msg = await world.api("POST", f"/api/v1/channels/{cid}/messages", ta, json={"content": "初稿"})
    status, body = await world.api("PATCH", f"/api/v1/messages/{msg['id']}", tb, json={"content": "改"})
    assert status == 403 and body["error"]["code"] == "forbidden"
    status, edited = await world.api("PATCH", f"/api/v1/messages/{msg['id']}", ta, json={"content": "定稿"})
    assert status == 200 and edited["content"] == "定稿" and edited["edited_at"] and edited["rev"] == 1
    assert (await world.api("POST", f"/api/v1/messages/{msg['id']}/recall", tb))[0] == 403
    status, recalled = await world.api("POST", f"/api/v1/messages/{msg['id']}/recall", ta)
    assert status == 200 and recalled["recalled"] and recalled["content"] == "" and recalled["rev"] == 2
    _, hist = await world.api("GET", f"/api/v1/channels/{cid}/messages", tb)
    assert hist["messages"][0]["recalled"] and hist["messages"][0]["content"] == ""
    stored = await Message.find_one()
    assert stored is not None and stored.content == ""
    status, body = await world.api("PATCH", f"/api/v1/messages/{msg['id']}", ta, json={"content": "复活"})
    assert status == 409 and body["error"]["code"] == "message_recalled"
    # Past two minutes, recall is refused and the message stays.
    _, old = await world.api("POST", f"/api/v1/channels/{cid}/messages", ta, json={"content": "旧消息"})
    world.hub.clock.advance(timedelta(seconds=121))
    status, body = await world.api("POST", f"/api/v1/messages/{old['id']}/recall", ta)
    assert status == 409 and body["error"]["code"] == "recall_expired"
    _, hist = await world.api("GET", f"/api/v1/channels/{cid}/messages", ta)
    assert hist["messages"][-1]["content"] == "旧消息" and not hist["messages"][-1]["recalled"]


async def test_history_pages_by_sequence(world: World) -> None:
    cid, ta, _ = await _pair(world)
    for i in range(1, 26):
        await world.api("POST", f"/api/v1/channels/{cid}/messages", ta, json={"content": f"m{i}"})
    url = f"/api/v1/channels/{cid}/messages"
    _, newest = await world.api("GET", url, ta, params={"limit": "10"})
    assert [m["seq"] for m in newest["messages"]] == list(range(16, 26)) and newest["has_more"]
    _, older = await world.api("GET", url, ta, params={"limit": "10", "before": "16"})
    assert [m["seq"] for m in older["messages"]] == list(range(6, 16)) and older["has_more"]
    _, oldest = await world.api("GET", url, ta, params={"limit": "10", "before": "6"})
    assert [m["seq"] for m in oldest["messages"]] == [1, 2, 3, 4, 5] and not oldest["has_more"]
    _, after = await world.api("GET", url, ta, params={"limit": "3", "after": "20"})
    assert [m["seq"] for m in after["messages"]] == [21, 22, 23] and after["has_more"]
    status, body = await world.api("GET", url, ta, params={"limit": "1000"})
    assert status == 400 and body["error"]["code"] == "invalid_request"


async def test_read_positions_and_unread_counts(world: World) -> None:
    cid, ta, tb = await _pair(world)
    for i in range(5):
        await world.api("POST", f"/api/v1/channels/{cid}/messages", ta, json={"content": f"m{i}"})
    chans_a = (await world.api("GET", "/api/v1/channels", ta))[1]["channels"]
    chans_b = (await world.api("GET", "/api/v1/channels", tb))[1]["channels"]
    assert chans_a[0]["unread"] == 0  # your own messages are read
    assert chans_b[0]["unread"] == 5
    rec_b = await world.socket(tb)
    status, body = await world.api("POST", f"/api/v1/channels/{cid}/read", tb, json={"seq": 3})
    assert status == 200 and body == {"channel_id": cid, "last_read_seq": 3, "unread": 2}
    assert (await rec_b.wait_for("channel.read"))[0]["unread"] == 2
    # Read positions never move backwards, nor past the end.
    await world.api("POST", f"/api/v1/channels/{cid}/read", tb, json={"seq": 1})
    _, body = await world.api("POST", f"/api/v1/channels/{cid}/read", tb, json={"seq": 99})
    assert body["last_read_seq"] == 5 and body["unread"] == 0


async def test_mentions_resolve_to_channel_members_only(world: World) -> None:
    cid, ta, _ = await _pair(world)
    outsider = await world.user("wangwu", "王五")
    _, msg = await world.api("POST", f"/api/v1/channels/{cid}/messages", ta,
                             json={"content": "@李四 请审核，@wangwu 不在本群，@zhangsan 自己"})
    _, members = await world.api("GET", f"/api/v1/channels/{cid}/members", ta)
    ids = {m["username"]: m["id"] for m in members["members"]}
    assert set(msg["mentions"]) == {ids["lisi"], ids["zhangsan"]} and str(outsider.id) not in msg["mentions"]


async def test_a_client_msg_id_reused_in_another_channel_is_refused(world: World) -> None:
    cid, ta, tb = await _pair(world)
    _, lisi = await world.api("GET", "/api/v1/session/me", tb)
    status, direct = await world.api("POST", "/api/v1/channels/direct", ta, json={"user_id": lisi["id"]})
    assert status == 200
    body = {"content": "请各科室周五前报送预算", "client_msg_id": "abc-2"}
    status, first = await world.api("POST", f"/api/v1/channels/{cid}/messages", ta, json=body)
    assert status == 201
    # Sent to another channel under the same id: refused, not answered with the first channel's message.
    status, refused = await world.api("POST", f"/api/v1/channels/{direct['id']}/messages", ta, json=body)
    assert status == 409 and refused["error"]["code"] == "client_msg_id_reused"
    assert refused["error"]["message"] and refused["error"]["message_en"]
    _, hist = await world.api("GET", f"/api/v1/channels/{direct['id']}/messages", ta)
    assert hist["messages"] == []
    # In its own channel the id still means "the same message again".
    assert await world.api("POST", f"/api/v1/channels/{cid}/messages", ta, json=body) == (200, first)
    # Ids are per sender: someone else's abc-2 is a message of their own.
    status, other = await world.api("POST", f"/api/v1/channels/{direct['id']}/messages", tb, json=body)
    assert status == 201 and other["id"] != first["id"]
    assert await Message.find_all().count() == 2
