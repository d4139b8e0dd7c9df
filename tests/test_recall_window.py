"""The recall window is a setting: the hub enforces it, tells clients, and its error text reads it."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest

from hub.settings import Settings
from tests.conftest import World, make_settings


@pytest.fixture
def settings(store_kwargs: dict[str, Any]) -> Settings:
    return make_settings(recall_window_seconds=300, **store_kwargs)


async def test_recall_window_comes_from_the_setting(world: World) -> None:
    unit = await world.unit("czj", "市财政局")
    await world.user("zhangsan", "张三", units=[unit])
    ta = await world.login("zhangsan")
    _, got = await world.api("GET", "/api/v1/chat/settings", ta)
    assert got["recall_window_seconds"] == 300
    (channel,) = (await world.api("GET", "/api/v1/channels", ta))[1]["channels"]
    url = f"/api/v1/channels/{channel['id']}/messages"
    _, first = await world.api("POST", url, ta, json={"content": "四分钟后撤回"})
    _, second = await world.api("POST", url, ta, json={"content": "六分钟后撤回"})
    world.hub.clock.advance(timedelta(minutes=4))
    status, body = await world.api("POST", f"/api/v1/messages/{first['id']}/recall", ta)
    assert status == 200 and body["recalled"]
    world.hub.clock.advance(timedelta(minutes=2))
    status, body = await world.api("POST", f"/api/v1/messages/{second['id']}/recall", ta)
    err = body["error"]
    assert (status, err["code"]) == (409, "recall_expired")
    assert err["message"] == "已超过可撤回时间（5分钟）"
    assert err["message_en"] == "Messages can only be recalled within 5 minutes"
    assert err["window_seconds"] == 300
    _, page = await world.api("GET", url, ta)
    assert [m["recalled"] for m in page["messages"]] == [True, False]


async def test_settings_need_a_session(world: World) -> None:
    resp = await world.client.get("/api/v1/chat/settings")
    assert resp.status == 401
