"""Performance round 2 keeps behaviour: the socket's cached session and user, reads that move nothing, raw reads."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any

import orjson
import pytest
from bson import ObjectId

from hub import wire
from hub.actions.admin_org import do_update_user
from hub.models import AuthSession, Message, Subscription, User
from hub.present import messages_out
from hub.raw_messages import PROJECTION, iso, messages_json
from hub.realtime.bus import channel_room
from tests import file_samples as samples
from tests.botkit import office, post_decision
from tests.conftest import World
from tests.test_files import upload


async def _send(rec: Any, channel_id: str, content: str, cmid: str, **extra: Any) -> dict[str, Any]:
    ack = await rec.call("message.send", {"channel_id": channel_id, "content": content, "client_msg_id": cmid,
                                          **extra})
    assert ack["ok"], ack
    return dict(ack["data"])


async def test_socket_keeps_session_and_user_until_a_control_path_or_the_recheck(world: World) -> None:
    unit = await world.unit("czj", "市财政局")
    user = await world.user("zhangsan", "张三", units=[unit])
    admin = await world.user("admin", "管理员", roles=["sys_admin"])
    token = await world.login("zhangsan")
    rec = await world.socket(token)
    (channel,) = (await world.api("GET", "/api/v1/channels", token))[1]["channels"]
    cid = channel["id"]
    cache = world.hub.realtime.socket_auth
    assert len(cache) == 1  # kept at connect: the first event needs no read either
    assert (await _send(rec, cid, "一", "a-1"))["sender_name"] == "张三"
    # A change that reached no control path is not seen: the socket did not read the user again...
    await User.get_pymongo_collection().update_one({"_id": user.id}, {"$set": {"name": "张三丰"}})
    assert (await _send(rec, cid, "二", "a-2"))["sender_name"] == "张三"
    # ...until the once-a-minute re-check, which also touches the session, so socket-only use keeps it alive.
    world.hub.clock.advance(timedelta(seconds=61))
    assert (await _send(rec, cid, "三", "a-3"))["sender_name"] == "张三丰"
    session = await AuthSession.find_one(AuthSession.user_id == user.id)
    assert session is not None
    assert abs(session.last_seen_at.timestamp() - world.hub.clock.now().timestamp()) < 1
    # A rename through the action drops the cached user at once (the control path, on every process).
    await do_update_user(world.hub, admin, user, name="张叁")
    assert (await _send(rec, cid, "四", "a-4"))["sender_name"] == "张叁"
    # Revocation behind the socket's back (no control path) is seen at the re-check, and refused.
    await AuthSession.get_pymongo_collection().update_one({"_id": session.id},
                                                          {"$set": {"revoked_at": world.hub.clock.now()}})
    world.hub.clock.advance(timedelta(seconds=61))
    ack = await rec.call("message.send", {"channel_id": cid, "content": "五", "client_msg_id": "a-5"})
    assert not ack["ok"] and ack["error"]["code"] == "unauthenticated"
    assert await Message.find(Message.content == "五").count() == 0


async def test_connect_enters_every_channel_room_and_mark_read_that_moves_nothing_writes_nothing(
        world: World, monkeypatch: pytest.MonkeyPatch) -> None:
    unit = await world.unit("czj", "市财政局")
    await world.user("zhangsan", "张三", units=[unit])
    await world.user("lisi", "李四", units=[unit])
    ta, tb = await world.login("zhangsan"), await world.login("lisi")
    ids = []
    for name in ("专班一", "专班二", "专班三"):
        status, ch = await world.api("POST", "/api/v1/channels", ta, json={"name": name, "member_ids": []})
        assert status == 200, ch
        ids.append(ch["id"])
    a, b = await world.socket(ta), await world.socket(tb)
    (unit_channel,) = [c["id"] for c in (await world.api("GET", "/api/v1/channels", tb))[1]["channels"]]
    sio = world.hub.realtime.sio
    (sid,) = [s for s, _ in sio.manager.get_participants("/", channel_room(ids[0]))]
    assert {channel_room(c) for c in [*ids, unit_channel]} <= set(sio.manager.get_rooms(sid, "/"))
    def in_channel(cid: str) -> Callable[[Any], bool]:
        return lambda d: bool(d["message"]["channel_id"] == cid)

    for n, cid in enumerate(ids):  # each room delivers
        await _send(a, cid, f"第{n}条", f"r-{n}")
        await a.wait_for("message.new", where=in_channel(cid))
    # B reads up to 1, then asks again for 1 (another tab, a reconnect): answered the same, without a write.
    await _send(a, unit_channel, "请阅", "u-1")
    first = await b.call("channel.read", {"channel_id": unit_channel, "seq": 1})
    assert first["ok"] and first["data"]["last_read_seq"] == 1 and first["data"]["unread"] == 0
    writes: list[Any] = []
    subs = Subscription.get_pymongo_collection()
    real = subs.find_one_and_update

    async def counting(*args: Any, **kwargs: Any) -> Any:
        writes.append(args)
        return await real(*args, **kwargs)

    monkeypatch.setattr(subs, "find_one_and_update", counting)
    again = await b.call("channel.read", {"channel_id": unit_channel, "seq": 1})
    assert again == first and writes == []
    # The sender's own message is not unread for them, and their read position is where the send put it.
    mine = await a.call("channel.read", {"channel_id": unit_channel, "seq": 1})
    assert mine["data"] == {**mine["data"], "last_read_seq": 1, "unread": 0} and writes == []
    await _send(a, unit_channel, "再请阅", "u-2")
    moved = await b.call("channel.read", {"channel_id": unit_channel, "seq": 2})
    assert moved["data"]["last_read_seq"] == 2 and len(writes) == 1


async def test_raw_history_and_sync_are_byte_for_byte_the_model_path(world: World) -> None:
    o = await office(world)
    cid = o["channel_id"]
    zs, mj = await world.socket(o["t_zhangsan"]), await world.socket(o["t_majun"])
    await post_decision(world, o)  # a card: viewers see different buttons
    plain = await _send(zs, cid, "请各位查收预算表", "m-1")
    edit = {"content": "请查收预算表（已改）"}
    assert (await world.api("PATCH", f"/api/v1/messages/{plain['id']}", o["t_zhangsan"], json=edit))[0] == 200
    await _send(mj, cid, "收到", "m-2", reply_to=plain["id"])
    fid = (await upload(world, o["t_zhangsan"], cid, samples.pdf("budget"), "预算表.pdf"))[1]["id"]
    pid = (await upload(world, o["t_zhangsan"], cid, samples.png(), "现场.png"))[1]["id"]
    files = await _send(zs, cid, "预算表和现场照片", "m-3", file_ids=[fid, pid])
    gone = await _send(zs, cid, "发错了", "m-4")
    await _send(mj, cid, "回复一条将撤回的", "m-5", reply_to=gone["id"])
    assert (await world.api("POST", f"/api/v1/messages/{gone['id']}/recall", o["t_zhangsan"]))[0] == 200
    for token, key in ((o["t_majun"], "like"), (o["t_zhangsan"], "like"), (o["t_majun"], "heart")):
        url = f"/api/v1/messages/{files['id']}/reactions"
        assert (await world.api("POST", url, token, json={"key": key}))[0] == 200
    status, out = await world.api("POST", "/api/v1/messages/forward", o["t_majun"],
                                  json={"message_ids": [files["id"], plain["id"]], "channel_id": cid,
                                        "client_msg_id": "fw-1"})
    assert status == 200, out
    docs = await Message.find({"channel_id": ObjectId(cid)}).sort("+seq").to_list()
    assert len(docs) >= 8 and any(d.forwarded for d in docs) and any(d.rev for d in docs)
    raw_docs = [d async for d in Message.get_pymongo_collection().find(
        {"channel_id": ObjectId(cid)}, projection=PROJECTION, sort=[("seq", 1)])]
    now = world.hub.clock.now()
    for viewer in (o["majun"], o["zhangsan"]):
        model = [m.model_dump(mode="json") for m in await messages_out(docs, viewer, now)]
        raw = await messages_json(raw_docs, viewer, now)
        assert orjson.dumps(raw) == orjson.dumps(model)
        # And what the endpoint answers is what HistoryOut's own JSON encoder would write.
        resp = await world.client.get(f"/api/v1/channels/{cid}/messages?limit=100", headers=world.auth(
            o["t_majun"] if viewer is o["majun"] else o["t_zhangsan"]))
        body = await resp.read()
        assert body == wire.HistoryOut.model_validate_json(body).model_dump_json().encode()
        assert orjson.loads(body)["messages"] == model
    # Catch-up: new messages after seq 2 and the edits/recalls at or before it, as SyncOut would write them.
    ack = await zs.call("sync", {"channels": [{"channel_id": cid, "last_seq": 2, "last_rev": 0}]})
    assert ack["ok"], ack
    data = ack["data"]
    assert orjson.dumps(data) == wire.SyncOut.model_validate(data).model_dump_json().encode()
    (ch,) = data["channels"]
    assert [m["seq"] for m in ch["messages"]] == [d.seq for d in docs if d.seq > 2]
    assert {m["seq"] for m in ch["updates"]} == {d.seq for d in docs if d.seq <= 2 and d.rev > 0}


def test_iso_matches_pydantic_for_naive_aware_and_whole_seconds() -> None:
    from datetime import UTC, datetime, timezone

    from pydantic import TypeAdapter

    ta = TypeAdapter(datetime)
    for value in (datetime(2026, 12, 3, 8, 0, 0, tzinfo=UTC), datetime(2026, 12, 3, 8, 0, 0, 123000, tzinfo=UTC),
                  datetime(2026, 12, 3, 16, 0, 1, 5, tzinfo=timezone(timedelta(hours=8)))):
        assert iso(value) == ta.dump_python(value.astimezone(UTC), mode="json")
