"""Read receipts from read positions: DMs read/unread, group lists, live positions, 30 concurrent readers."""

from __future__ import annotations

import asyncio

from beanie import PydanticObjectId

from hub.models import Subscription
from tests.conftest import World


async def test_thirty_members_reading_at_once_are_all_counted(world: World) -> None:
    unit = await world.unit("czj", "市财政局")
    names = [f"u{i:02d}" for i in range(31)]
    users = [await world.user(n, f"同事{n}", units=[unit]) for n in names]
    tokens = [await world.login(n) for n in names]
    (channel,) = (await world.api("GET", "/api/v1/channels", tokens[0]))[1]["channels"]
    cid = channel["id"]
    _, msg = await world.api("POST", f"/api/v1/channels/{cid}/messages", tokens[0], json={"content": "请周五前报送"})
    _, later = await world.api("POST", f"/api/v1/channels/{cid}/messages", tokens[0], json={"content": "补充一句"})
    watcher = await world.socket(tokens[0])
    _, reads = await world.api("GET", f"/api/v1/messages/{msg['id']}/reads", tokens[0])
    assert (len(reads["read"]), len(reads["unread"])) == (0, 30)

    # Thirty members read at once, half over the socket and half over HTTP, some up to the first message only.
    readers = [await world.socket(t) for t in tokens[1:16]]

    async def read(i: int) -> None:
        seq = msg["seq"] if i % 3 == 0 else later["seq"]
        if i <= 15:
            ack = await readers[i - 1].call("channel.read", {"channel_id": cid, "seq": seq})
            assert ack["ok"], ack
        else:
            status, _ = await world.api("POST", f"/api/v1/channels/{cid}/read", tokens[i], json={"seq": seq})
            assert status == 200

    await asyncio.gather(*(read(i) for i in range(1, 31)))
    _, reads = await world.api("GET", f"/api/v1/messages/{msg['id']}/reads", tokens[0])
    assert (len(reads["read"]), reads["unread"]) == (30, [])
    _, reads = await world.api("GET", f"/api/v1/messages/{later['id']}/reads", tokens[0])
    assert len(reads["read"]) == 20 and sorted(p["name"] for p in reads["unread"]) == sorted(
        f"同事u{i:02d}" for i in range(1, 31) if i % 3 == 0)
    # The sender's screen heard each reader's position once it moved.
    await watcher.wait_until(lambda r: {d["user_id"] for d in r.of("channel.read_position")} == {
        str(u.id) for u in users[1:]})
    # Positions, not a write per reader per message: one subscription each.
    assert await Subscription.find(Subscription.channel_id == PydanticObjectId(cid)).count() == 31
    _, positions = await world.api("GET", f"/api/v1/channels/{cid}/read-positions", tokens[0])
    assert positions["available"] and len(positions["positions"]) == 31
    # Reading an old position again is not news.
    before = len(watcher.of("channel.read_position"))
    await world.api("POST", f"/api/v1/channels/{cid}/read", tokens[1], json={"seq": 1})
    await world.api("POST", f"/api/v1/channels/{cid}/messages", tokens[0], json={"content": "第三条"})
    await watcher.wait_for("message.new", count=1)
    assert len(watcher.of("channel.read_position")) == before


async def test_direct_receipt_and_outsiders(world: World) -> None:
    a = await world.user("zhangsan", "张三")
    b = await world.user("lisi", "李四")
    await world.user("outsider")
    ta, tb, to = await world.login("zhangsan"), await world.login("lisi"), await world.login("outsider")
    _, dm = await world.api("POST", "/api/v1/channels/direct", ta, json={"user_id": str(b.id)})
    _, msg = await world.api("POST", f"/api/v1/channels/{dm['id']}/messages", ta, json={"content": "在吗"})
    _, reads = await world.api("GET", f"/api/v1/messages/{msg['id']}/reads", ta)
    assert reads == {"read": [], "unread": [{"id": str(b.id), "name": "李四"}]}
    await world.api("POST", f"/api/v1/channels/{dm['id']}/read", tb, json={"seq": msg["seq"]})
    _, reads = await world.api("GET", f"/api/v1/messages/{msg['id']}/reads", ta)
    assert reads == {"read": [{"id": str(b.id), "name": "李四"}], "unread": []}
    assert a.id is not None
    for path in (f"/api/v1/messages/{msg['id']}/reads", f"/api/v1/channels/{dm['id']}/read-positions",
                 "/api/v1/messages/nope/reads"):
        status, body = await world.api("GET", path, to)
        assert (status, body["error"]["code"]) == (404, "not_found")
