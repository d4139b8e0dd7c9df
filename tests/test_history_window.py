"""History pages read within a window of sequence numbers, and still right when the channel's head lags."""

from __future__ import annotations

from typing import Any

from beanie import PydanticObjectId

from hub.models import Channel
from tests.conftest import World


async def _page(world: World, token: str, channel_id: str, **params: Any) -> tuple[list[int], bool]:
    status, body = await world.api("GET", f"/api/v1/channels/{channel_id}/messages", token,
                                   params={k: str(v) for k, v in params.items()})
    assert status == 200, body
    return [m["seq"] for m in body["messages"]], body["has_more"]


async def test_paging_both_ways_covers_every_message_once(world: World) -> None:
    unit = await world.unit("czj", "市财政局")
    await world.user("zhangsan", "张三", units=[unit])
    token = await world.login("zhangsan")
    (ch,) = (await world.api("GET", "/api/v1/channels", token))[1]["channels"]
    for i in range(75):
        status, _ = await world.api("POST", f"/api/v1/channels/{ch['id']}/messages", token,
                                    json={"content": f"第{i}条", "client_msg_id": f"w-{i}"})
        assert status == 201
    newest, more = await _page(world, token, ch["id"], limit=20)
    assert newest == list(range(56, 76)) and more
    seen, before = list(newest), newest[0]
    while more:
        page, more = await _page(world, token, ch["id"], limit=20, before=before)
        seen = page + seen
        before = page[0]
    assert seen == list(range(1, 76))
    forward, after, more = [], 0, True
    while more:
        page, more = await _page(world, token, ch["id"], limit=30, after=after)
        forward += page
        after = page[-1]
    assert forward == list(range(1, 76))
    # A head that lags behind the stored messages (a crash between the insert and the head's update): the
    # newest page still ends with the newest message.
    await Channel.get_pymongo_collection().update_one({"_id": PydanticObjectId(ch["id"])},
                                                      {"$set": {"last_seq": 40}})
    newest, more = await _page(world, token, ch["id"], limit=20)
    assert newest == list(range(56, 76)) and more
