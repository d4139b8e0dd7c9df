"""Replies quoting a message of the same channel, and forwarding messages to another conversation."""

from __future__ import annotations

from typing import Any

from beanie import PydanticObjectId

from hub.models import Message
from tests.conftest import World


async def _setup(world: World) -> dict[str, Any]:
    """张三 and 李四 in the 市财政局 channel; 张三 and 王五 in a group; 王五 is not in the unit channel."""
    unit = await world.unit("czj", "市财政局")
    zs = await world.user("zhangsan", "张三", units=[unit])
    await world.user("lisi", "李四", units=[unit])
    ww = await world.user("wangwu", "王五")
    ta, tb, tw = await world.login("zhangsan"), await world.login("lisi"), await world.login("wangwu")
    (unit_channel,) = (await world.api("GET", "/api/v1/channels", ta))[1]["channels"]
    _, group = await world.api("POST", "/api/v1/channels", ta, json={"name": "专班", "member_ids": [str(ww.id)]})
    return {"ta": ta, "tb": tb, "tw": tw, "unit": unit_channel["id"], "group": group["id"], "zs": str(zs.id)}


async def _send(world: World, token: str, cid: str, content: str, cmid: str, **extra: Any) -> dict[str, Any]:
    status, body = await world.api("POST", f"/api/v1/channels/{cid}/messages", token,
                                   json={"content": content, "client_msg_id": cmid, **extra})
    assert status in (200, 201), body
    return dict(body)


async def test_reply_quotes_the_original_and_shows_its_recall(world: World) -> None:
    s = await _setup(world)
    b = await world.socket(s["tb"])
    original = await _send(world, s["ta"], s["unit"], "请各科室周五前报送**预算**", "o-1")
    reply = await _send(world, s["tb"], s["unit"], "收到，周四报", "r-1", reply_to=original["id"])
    quote = reply["reply_to"]
    assert quote["message_id"] == original["id"] and quote["sender_name"] == "张三"
    assert quote["snippet"] == "请各科室周五前报送**预算**" and not quote["recalled"]
    stored = await Message.find_one(Message.client_msg_id == "r-1")
    assert stored is not None and str(stored.reply_to) == original["id"]
    # The room hears the reply with its quote.
    heard = await b.wait_for("message.new", where=lambda d: d["message"]["id"] == reply["id"])
    assert heard[0]["message"]["reply_to"]["message_id"] == original["id"]

    # The original is recalled: history renders the quote as recalled, with no text left in it.
    status, _ = await world.api("POST", f"/api/v1/messages/{original['id']}/recall", s["ta"])
    assert status == 200
    _, page = await world.api("GET", f"/api/v1/channels/{s['unit']}/messages", s["tb"])
    (again,) = [m for m in page["messages"] if m["id"] == reply["id"]]
    assert again["reply_to"]["recalled"] and again["reply_to"]["snippet"] == ""
    # A recalled message cannot be replied to.
    status, body = await world.api("POST", f"/api/v1/channels/{s['unit']}/messages", s["tb"],
                                   json={"content": "迟到的回复", "reply_to": original["id"]})
    assert (status, body["error"]["code"]) == (409, "message_recalled")


async def test_reply_to_another_channels_message_is_refused(world: World) -> None:
    s = await _setup(world)
    elsewhere = await _send(world, s["ta"], s["group"], "专班内部消息", "g-1")
    before = await Message.find_all().count()
    for bad in (elsewhere["id"], "000000000000000000000000", "nope"):
        status, body = await world.api("POST", f"/api/v1/channels/{s['unit']}/messages", s["tb"],
                                       json={"content": "回复", "reply_to": bad})
        assert (status, body["error"]["code"]) == (404, "not_found"), bad
    # Over the socket too.
    a = await world.socket(s["ta"])
    ack = await a.call("message.send", {"channel_id": s["unit"], "content": "回复", "reply_to": elsewhere["id"]})
    assert not ack["ok"] and ack["error"]["code"] == "not_found"
    assert await Message.find_all().count() == before


async def test_forward_several_in_order_with_origin_once(world: World) -> None:
    s = await _setup(world)
    first = await _send(world, s["tb"], s["unit"], "第一条：预算表", "u-1")
    second = await _send(world, s["ta"], s["unit"], "第二条：截止周五", "u-2")
    w = await world.socket(s["tw"])
    body = {"message_ids": [second["id"], first["id"]], "channel_id": s["group"], "client_msg_id": "fw-1"}
    status, out = await world.api("POST", "/api/v1/messages/forward", s["ta"], json=body)
    assert status == 200, out
    copies = out["messages"]
    assert [c["content"] for c in copies] == ["第一条：预算表", "第二条：截止周五"]
    assert [c["forwarded"]["sender_name"] for c in copies] == ["李四", "张三"]
    assert all(c["forwarded"]["channel_name"] == "市财政局" and c["sender_id"] == s["zs"] for c in copies)
    assert copies[1]["seq"] == copies[0]["seq"] + 1
    await w.wait_for("message.new", count=2, where=lambda d: d["message"]["channel_id"] == s["group"])
    # The same request again stores nothing twice.
    status, again = await world.api("POST", "/api/v1/messages/forward", s["ta"], json=body)
    assert status == 200 and [c["id"] for c in again["messages"]] == [c["id"] for c in copies]
    assert await Message.find(Message.channel_id == PydanticObjectId(copies[0]["channel_id"])).count() == 2


async def test_forward_is_refused_for_unreadable_recalled_or_classified(world: World) -> None:
    s = await _setup(world)
    readable = await _send(world, s["ta"], s["unit"], "普通消息", "u-1")
    recalled = await _send(world, s["ta"], s["unit"], "将撤回", "u-2")
    await world.api("POST", f"/api/v1/messages/{recalled['id']}/recall", s["ta"])
    # 王五 is not in the unit channel: he cannot forward its messages, and cannot tell they exist.
    own = await _send(world, s["tw"], s["group"], "王五的消息", "w-1")
    before = await Message.find_all().count()
    cases = [
        (s["tw"], {"message_ids": [readable["id"]], "channel_id": s["group"], "client_msg_id": "x1"}, 404, "not_found"),
        (s["ta"], {"message_ids": [readable["id"], recalled["id"]], "channel_id": s["group"], "client_msg_id": "x2"},
         409, "message_recalled"),
        # 李四 is not in the group: the destination must be his.
        (s["tb"], {"message_ids": [readable["id"]], "channel_id": s["group"], "client_msg_id": "x3"}, 404, "not_found"),
        (s["ta"], {"message_ids": [], "channel_id": s["group"], "client_msg_id": "x4"}, 400, "invalid_request"),
        (s["ta"], {"message_ids": [readable["id"]] * 21, "channel_id": s["group"], "client_msg_id": "x5"},
         400, "invalid_request"),
        (s["ta"], {"message_ids": [readable["id"]], "channel_id": s["group"], "client_msg_id": "bad id"},
         400, "invalid_request"),
        (s["tw"], {"message_ids": [own["id"]], "channel_id": s["unit"], "client_msg_id": "x6"}, 404, "not_found"),
    ]
    for token, payload, status, code in cases:
        got, body = await world.api("POST", "/api/v1/messages/forward", token, json=payload)
        assert (got, body["error"]["code"]) == (status, code), payload
    # A message stored before the policy tightened is checked again when copied.
    old = Message(channel_id=PydanticObjectId(readable["channel_id"]), seq=99, sender_id=PydanticObjectId(s["zs"]),
                  client_msg_id="legacy", content="本文件属机密★5年，请勿外传")
    await old.insert()
    got, body = await world.api("POST", "/api/v1/messages/forward", s["ta"], json={
        "message_ids": [readable["id"], str(old.id)], "channel_id": s["group"], "client_msg_id": "x7"})
    assert (got, body["error"]["code"]) == (422, "classified_content")
    assert await Message.find_all().count() == before + 1
