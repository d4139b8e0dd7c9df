"""Realtime delivery over real socket.io clients: acks, fan-out, isolation, catch-up."""

from __future__ import annotations

import asyncio
from typing import Any

from hub.models import Message
from tests.conftest import Recorder, World


async def _team(world: World) -> tuple[str, dict[str, str]]:
    """Three members of a unit channel and one outsider; returns (channel id, tokens by username)."""
    unit = await world.unit("czj", "市财政局")
    other = await world.unit("fgw", "市发改委")
    for name in ("zhangsan", "lisi", "wangwu"):
        await world.user(name, units=[unit])
    await world.user("outsider", units=[other])
    tokens = {n: await world.login(n) for n in ("zhangsan", "lisi", "wangwu", "outsider")}
    (channel,) = (await world.api("GET", "/api/v1/channels", tokens["zhangsan"]))[1]["channels"]
    return channel["id"], tokens


async def test_socket_send_acks_and_reaches_every_member_but_no_outsider(world: World) -> None:
    cid, tokens = await _team(world)
    recs = {n: await world.socket(t) for n, t in tokens.items()}
    second_device = await world.socket(tokens["lisi"])
    ack = await recs["zhangsan"].call("message.send", {"channel_id": cid, "content": "开会", "client_msg_id": "c1"})
    assert ack["ok"] and ack["data"]["seq"] == 1 and ack["data"]["content"] == "开会"
    for rec in (recs["zhangsan"], recs["lisi"], recs["wangwu"], second_device):
        (event,) = await rec.wait_for("message.new")
        assert event["message"]["id"] == ack["data"]["id"]
    # The outsider's own channel stays live, so silence here means isolation, not a dead socket.
    (other_cid,) = [c["id"] for c in (await world.api("GET", "/api/v1/channels", tokens["outsider"]))[1]["channels"]]
    await recs["outsider"].call("message.send", {"channel_id": other_cid, "content": "自己的频道"})
    await recs["outsider"].wait_for("message.new")
    await asyncio.sleep(0.1)
    assert [e["message"]["channel_id"] for e in recs["outsider"].of("message.new")] == [other_cid]
    assert all(e["message"]["channel_id"] == cid for e in recs["lisi"].of("message.new"))


async def test_edits_recalls_and_read_updates_are_live(world: World) -> None:
    cid, tokens = await _team(world)
    a, b = await world.socket(tokens["zhangsan"]), await world.socket(tokens["lisi"])
    b2 = await world.socket(tokens["lisi"])
    sent = (await a.call("message.send", {"channel_id": cid, "content": "草稿"}))["data"]
    edited = await a.call("message.edit", {"message_id": sent["id"], "content": "定稿"})
    assert edited["ok"] and edited["data"]["content"] == "定稿"
    (update,) = await b.wait_for("message.updated")
    assert update["message"]["content"] == "定稿" and update["message"]["rev"] == 1
    recalled = await a.call("message.recall", {"message_id": sent["id"]})
    assert recalled["ok"] and recalled["data"]["recalled"]
    updates = await b.wait_for("message.updated", count=2)
    assert updates[1]["message"]["recalled"] and updates[1]["message"]["content"] == ""
    forged = await b.call("message.recall", {"message_id": sent["id"]})
    assert forged["ok"] is False and forged["error"]["code"] == "forbidden"
    read = await b.call("channel.read", {"channel_id": cid, "seq": 1})
    assert read["ok"] and read["data"]["unread"] == 0
    (other_device,) = await b2.wait_for("channel.read")
    assert other_device == {"channel_id": cid, "last_read_seq": 1, "unread": 0}
    assert a.of("channel.read") == []


async def test_malformed_and_forbidden_socket_payloads_store_nothing(world: World) -> None:
    cid, tokens = await _team(world)
    a, outsider = await world.socket(tokens["zhangsan"]), await world.socket(tokens["outsider"])
    cases: list[tuple[Recorder, str, Any, str]] = [
        (a, "message.send", None, "invalid_request"),
        (a, "message.send", "hello", "invalid_request"),
        (a, "message.send", [1, 2], "invalid_request"),
        (a, "message.send", {"channel_id": cid}, "invalid_request"),
        (a, "message.send", {"channel_id": {"$ne": None}, "content": "x"}, "invalid_request"),
        (a, "message.send", {"channel_id": cid, "content": "x", "sneaky": 1}, "invalid_request"),
        (a, "message.send", {"channel_id": cid, "content": "x" * 8001}, "message_too_long"),
        (a, "message.send", {"channel_id": "000000000000000000000000", "content": "x"}, "not_found"),
        (a, "message.send", {"channel_id": "zzz", "content": "x"}, "not_found"),
        (outsider, "message.send", {"channel_id": cid, "content": "x"}, "not_found"),
        (a, "message.edit", {"message_id": "000000000000000000000000", "content": "x"}, "not_found"),
        (a, "channel.read", {"channel_id": cid, "seq": -1}, "invalid_request"),
        (a, "sync", {"channels": "all"}, "invalid_request"),
    ]
    for rec, event, payload, code in cases:
        ack = await rec.call(event, payload)
        assert ack["ok"] is False and ack["error"]["code"] == code, (event, payload, ack)
        assert ack["error"]["message"] and ack["error"]["message_en"]
    assert await Message.find_all().count() == 0
    assert a.of("message.new") == []


async def test_catch_up_returns_exactly_what_was_missed(world: World) -> None:
    cid, tokens = await _team(world)
    a = await world.socket(tokens["zhangsan"])
    b = await world.socket(tokens["lisi"])
    first = [(await a.call("message.send", {"channel_id": cid, "content": f"早{i}"}))["data"] for i in range(3)]
    await b.wait_for("message.new", count=3)
    last_seq = max(e["message"]["seq"] for e in b.of("message.new"))
    await b.sio.disconnect()
    # While B is away: five new messages, one edit and one recall of messages B had already seen.
    for i in range(5):
        await a.call("message.send", {"channel_id": cid, "content": f"晚{i}"})
    await a.call("message.edit", {"message_id": first[0]["id"], "content": "早0（已更正）"})
    await a.call("message.recall", {"message_id": first[1]["id"]})
    b = await world.socket(tokens["lisi"])
    ack = await b.call("sync", {"channels": [{"channel_id": cid, "last_seq": last_seq, "last_rev": 0},
                                             {"channel_id": "000000000000000000000000", "last_seq": 0}]})
    assert ack["ok"], ack
    (ch,) = ack["data"]["channels"]
    assert [m["seq"] for m in ch["messages"]] == [4, 5, 6, 7, 8]
    assert [m["content"] for m in ch["messages"]] == [f"晚{i}" for i in range(5)]
    assert [(m["seq"], m["recalled"]) for m in ch["updates"]] == [(1, False), (2, True)]
    assert ch["last_seq"] == 8 and ch["rev"] == 2 and not ch["too_far_behind"]
    assert ack["data"]["unknown"] == ["000000000000000000000000"]
    # Caught up: asking again from the new position returns nothing twice.
    again = await b.call("sync", {"channels": [{"channel_id": cid, "last_seq": 8, "last_rev": 2}]})
    assert again["data"]["channels"][0]["messages"] == [] and again["data"]["channels"][0]["updates"] == []


async def test_catch_up_too_far_behind_says_page_history(world: World) -> None:
    world.hub.settings.catchup_max = 5
    cid, tokens = await _team(world)
    a = await world.socket(tokens["zhangsan"])
    for i in range(8):
        await a.call("message.send", {"channel_id": cid, "content": f"m{i}"})
    ack = await a.call("sync", {"channels": [{"channel_id": cid, "last_seq": 0}]})
    (ch,) = ack["data"]["channels"]
    assert ch["too_far_behind"] and ch["messages"] == [] and ch["last_seq"] == 8
    near = await a.call("sync", {"channels": [{"channel_id": cid, "last_seq": 4}]})
    assert [m["seq"] for m in near["data"]["channels"][0]["messages"]] == [5, 6, 7, 8]


async def test_catch_up_counts_only_older_changes_against_its_limit(world: World) -> None:
    world.hub.settings.catchup_max = 3
    cid, tokens = await _team(world)
    a = await world.socket(tokens["zhangsan"])
    sent = [(await a.call("message.send", {"channel_id": cid, "content": f"旧{i}"}))["data"] for i in range(4)]
    # While the reader is away: three new messages, each edited at once (changed, but fresh to the reader), then
    # three of the four it had seen. The fresh ones come first by revision and must not use up the limit.
    for i in range(3):
        new = (await a.call("message.send", {"channel_id": cid, "content": f"新{i}"}))["data"]
        await a.call("message.edit", {"message_id": new["id"], "content": f"新{i}（改）"})
    for m in sent[:3]:
        await a.call("message.edit", {"message_id": m["id"], "content": m["content"] + "（改）"})
    ack = await a.call("sync", {"channels": [{"channel_id": cid, "last_seq": 4, "last_rev": 0}]})
    (ch,) = ack["data"]["channels"]
    assert not ch["too_far_behind"]
    assert [(m["seq"], m["content"]) for m in ch["messages"]] == [(5, "新0（改）"), (6, "新1（改）"), (7, "新2（改）")]
    assert [(m["seq"], m["content"]) for m in ch["updates"]] == [(1, "旧0（改）"), (2, "旧1（改）"), (3, "旧2（改）")]
    # One more change to what the reader had seen is over the limit: page the history instead.
    await a.call("message.edit", {"message_id": sent[3]["id"], "content": "旧3（改）"})
    ack = await a.call("sync", {"channels": [{"channel_id": cid, "last_seq": 4, "last_rev": 0}]})
    (ch,) = ack["data"]["channels"]
    assert ch["too_far_behind"] and ch["messages"] == [] and ch["updates"] == []


async def test_idempotent_socket_resend(world: World) -> None:
    cid, tokens = await _team(world)
    a = await world.socket(tokens["zhangsan"])
    payload = {"channel_id": cid, "content": "只存一次", "client_msg_id": "retry-7"}
    acks = await asyncio.gather(*(a.call("message.send", payload) for _ in range(5)))
    assert len({ack["data"]["id"] for ack in acks}) == 1
    assert await Message.find_all().count() == 1
