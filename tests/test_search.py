"""Search: Chinese words inside sentences, only what the searcher may see, edits and recalls, people, filters."""

from __future__ import annotations

import asyncio
import os
import sys
from datetime import timedelta
from typing import Any
from urllib.parse import urlencode

import pytest
from bson import ObjectId

from hub.models import Message, SearchPosting
from hub.settings import Settings
from tests.conftest import World


async def _office(world: World) -> dict[str, Any]:
    """市财政局's channel with 张三 and 李四, and a private group of 李四 and 王五 that 张三 is not in."""
    czj = await world.unit("czj", "市财政局")
    await world.user("zhangsan", "张三", units=[czj])
    await world.user("lisi", "李四", units=[czj])
    wangwu = await world.user("wangwu", "王五")
    tz, tl, tw = await world.login("zhangsan"), await world.login("lisi"), await world.login("wangwu")
    (unit_channel,) = (await world.api("GET", "/api/v1/channels", tz))[1]["channels"]
    status, group = await world.api("POST", "/api/v1/channels", tl,
                                    json={"name": "讨论组", "member_ids": [str(wangwu.id)]})
    assert status == 200, group
    return {"unit": unit_channel["id"], "group": group["id"], "tz": tz, "tl": tl, "tw": tw}


async def _send(world: World, token: str, channel_id: str, content: str) -> dict[str, Any]:
    status, body = await world.api("POST", f"/api/v1/channels/{channel_id}/messages", token,
                                   json={"content": content})
    assert status == 201, body
    return dict(body)


async def _search(world: World, token: str, expect: int = 200, **params: str) -> Any:
    await world.hub.search.drain()  # what was stored is indexed: the condition, not a sleep
    status, body = await world.api("GET", "/api/v1/search?" + urlencode(params), token)
    assert status == expect, body
    return body


def _ids(body: Any) -> list[str]:
    return [hit["message_id"] for hit in body["messages"]["items"]]


async def test_finds_chinese_words_inside_sentences_with_highlights(world: World) -> None:
    o = await _office(world)
    m1 = await _send(world, o["tz"], o["unit"], "请各科室报送**预算**执行情况")
    m2 = await _send(world, o["tl"], o["unit"], "周五前把2026年度预算调整方案发给张三")
    await _send(world, o["tl"], o["unit"], "明天上午开会")
    body = await _search(world, o["tz"], q="预算", kinds="messages")
    assert _ids(body) == [m2["id"], m1["id"]]  # newest first
    first = body["messages"]["items"][1]
    assert first["snippet"] == "请各科室报送预算执行情况"  # plain text: no markdown, no HTML
    assert [(h["start"], h["end"]) for h in first["highlights"]] == [(6, 8)]
    assert first["sender_name"] == "张三" and first["channel_name"] == "市财政局"
    # Every word must occur (AND), wherever it is: jieba splits the query into words.
    assert _ids(await _search(world, o["tz"], q="预算情况")) == [m1["id"]]
    assert _ids(await _search(world, o["tz"], q="预算 方案")) == [m2["id"]]
    assert _ids(await _search(world, o["tz"], q="预算会议")) == []
    # Letters and digits are words too, full-width or not, any case.
    assert _ids(await _search(world, o["tz"], q="２０２６")) == [m2["id"]]
    # One character alone is found; "执" occurs only in the first message.
    assert _ids(await _search(world, o["tz"], q="执")) == [m1["id"]]
    # Markdown syntax is not text.
    assert _ids(await _search(world, o["tz"], q="**")) == []


async def test_does_not_find_what_the_searcher_may_not_see(world: World) -> None:
    o = await _office(world)
    secret = await _send(world, o["tl"], o["group"], "预算内部讨论稿")
    public = await _send(world, o["tl"], o["unit"], "预算通知")
    assert _ids(await _search(world, o["tl"], q="预算")) == [public["id"], secret["id"]]
    assert _ids(await _search(world, o["tz"], q="预算")) == [public["id"]]  # not in the group
    assert _ids(await _search(world, o["tw"], q="预算")) == [secret["id"]]  # not in the unit
    # Naming a channel one is not in is refused like a missing one.
    body = await _search(world, o["tz"], expect=404, q="预算", channel_id=o["group"])
    assert body["error"]["code"] == "not_found"
    # A member who leaves the group no longer finds its history.
    status, _ = await world.api("DELETE", f"/api/v1/channels/{o['group']}/members/{(await _me(world, o['tw']))}",
                                o["tw"])
    assert status == 204
    assert _ids(await _search(world, o["tw"], q="预算")) == []
    world.client.session.cookie_jar.clear()  # the logins above left a session cookie
    resp = await world.client.get("/api/v1/search?q=预算")
    assert resp.status == 401


async def _me(world: World, token: str) -> str:
    return str((await world.api("GET", "/api/v1/session/me", token))[1]["id"])


async def test_recalled_message_disappears_and_edits_are_found_by_new_words(world: World) -> None:
    o = await _office(world)
    gone = await _send(world, o["tz"], o["unit"], "请核对专项资金台账")
    kept = await _send(world, o["tz"], o["unit"], "专项资金已拨付")
    assert _ids(await _search(world, o["tl"], q="专项资金")) == [kept["id"], gone["id"]]
    status, _ = await world.api("POST", f"/api/v1/messages/{gone['id']}/recall", o["tz"])
    assert status == 200
    assert _ids(await _search(world, o["tl"], q="专项资金")) == [kept["id"]]
    assert _ids(await _search(world, o["tl"], q="台账")) == []
    # The recall took the message out of the index, not only out of the results.
    postings = await SearchPosting.get_pymongo_collection().find({"t": "台账"}).to_list()
    assert all(ObjectId(gone["id"]) not in ids for p in postings for ids in p["ch"].values())

    status, _ = await world.api("PATCH", f"/api/v1/messages/{kept['id']}", o["tz"], json={"content": "经费已到位"})
    assert status == 200
    assert _ids(await _search(world, o["tl"], q="专项资金")) == []
    assert _ids(await _search(world, o["tl"], q="经费")) == [kept["id"]]
    hit = (await _search(world, o["tl"], q="经费"))["messages"]["items"][0]
    assert hit["edited"] is True and hit["snippet"] == "经费已到位"


async def test_indexing_is_idempotent_and_catches_up(world: World) -> None:
    o = await _office(world)
    m = await _send(world, o["tz"], o["unit"], "审计整改报告")
    await world.hub.search.drain()
    stored = await Message.get_pymongo_collection().find_one({"seq": m["seq"]})
    assert stored is not None and stored["search_pending"] == 0
    before = await SearchPosting.get_pymongo_collection().find({}, projection={"_id": 0}).sort("t", 1).to_list()
    # A crash before indexing leaves the flag set: the next pass (or start-up) indexes it again, adding nothing.
    await Message.get_pymongo_collection().update_one({"_id": stored["_id"]}, {"$set": {"search_pending": 1}})
    assert await world.hub.search.drain() == 1
    from hub.actions.search_index import reindex_all

    assert await reindex_all() == await Message.find_all().count()
    after = await SearchPosting.get_pymongo_collection().find({}, projection={"_id": 0}).sort("t", 1).to_list()
    assert after == before
    assert _ids(await _search(world, o["tl"], q="整改")) == [m["id"]]


async def test_filters_by_channel_sender_and_dates(world: World) -> None:
    o = await _office(world)
    a = await _send(world, o["tz"], o["unit"], "会议纪要第一稿")
    b = await _send(world, o["tl"], o["unit"], "会议纪要第二稿")
    c = await _send(world, o["tl"], o["group"], "会议纪要第三稿")
    me = await _me(world, o["tl"])
    assert _ids(await _search(world, o["tl"], q="会议纪要")) == [c["id"], b["id"], a["id"]]
    assert _ids(await _search(world, o["tl"], q="会议纪要", channel_id=o["unit"])) == [b["id"], a["id"]]
    assert _ids(await _search(world, o["tl"], q="会议纪要", sender_id=me)) == [c["id"], b["id"]]
    assert _ids(await _search(world, o["tl"], q="会议纪要", limit="2")) == [c["id"], b["id"]]
    # Dates: move one message a month back, then ask for the last week only, or before it.
    stored = await Message.get_pymongo_collection().find_one({"seq": a["seq"], "sender_id": {"$exists": True},
                                                               "content": "会议纪要第一稿"})
    assert stored is not None
    old = stored["created_at"] - timedelta(days=30)
    await Message.get_pymongo_collection().update_one({"_id": stored["_id"]},
                                                      {"$set": {"created_at": old, "search_pending": 1}})
    from hub.actions.search_index import reindex_all

    await reindex_all()
    recent = (old + timedelta(days=20)).isoformat()
    assert _ids(await _search(world, o["tl"], q="会议纪要", since=recent)) == [c["id"], b["id"]]
    assert _ids(await _search(world, o["tl"], q="会议纪要", until=recent)) == [a["id"]]


async def test_bad_parameters_get_clear_errors(world: World) -> None:
    o = await _office(world)
    cases: list[dict[str, str]] = [
        {},
        {"q": "   "},
        {"q": "x" * 65},
        {"q": "预算", "limit": "0"},
        {"q": "预算", "limit": "51"},
        {"q": "预算", "limit": "many"},
        {"q": "预算", "kinds": "messages,tweets"},  # "files" is a kind since files are searchable
        {"q": "预算", "since": "yesterday"},
        {"q": "预算", "since": "2026-12-02", "until": "2026-12-01"},
        {"q": "预算", "sender_id": "not-an-id"},
        {"q": "预算", "$where": "1"},
    ]
    for params in cases:
        status, body = await world.api("GET", "/api/v1/search?" + urlencode(params), o["tz"])
        assert (status, body["error"]["code"]) == (400, "invalid_request"), params
        assert body["error"]["message"] and body["error"]["message_en"]
    status, body = await world.api("GET", "/api/v1/search?q=x&channel_id=nope", o["tz"])
    assert (status, body["error"]["code"]) == (404, "not_found")
    status, spec = await world.api("GET", "/api/v1/openapi.json", o["tz"])
    assert "/api/v1/search" in spec["paths"]


async def test_people_by_pinyin_title_position_and_unit(world: World) -> None:
    zf = await world.unit("zf", "白银市人民政府")
    czj = await world.unit("czj", "市财政局")
    from hub.actions.org import do_add_membership

    chen = await world.user("chenzhiyuan", "陈志远")
    await do_add_membership(world.hub, chen, zf, "市政府主要负责人岗", "市长", is_head=True)
    li = await world.user("lixiaodong", "李晓东")
    await do_add_membership(world.hub, li, zf, "市政府领导岗", "常务副市长")
    ma = await world.user("majun", "马军")
    await do_add_membership(world.hub, ma, czj, "部门负责人岗", "市财政局局长", is_head=True)
    await world.user("zhangsan", "张三", units=[czj])
    await world.user("zhangshaosong", "张绍松")
    token = await world.login("zhangsan")

    async def people(q: str, path: str = "search") -> list[str]:
        if path == "search":
            body = await _search(world, token, q=q, kinds="people")
            return [p["user"]["name"] for p in body["people"]["items"]]
        status, body = await world.api("GET", "/api/v1/users?" + urlencode({"q": q}), token)
        assert status == 200
        return [u["name"] for u in body["users"]]

    for path in ("search", "users"):
        assert (await people("市长", path))[:2] == ["陈志远", "李晓东"]  # the 市长 before the 副市长
        assert sorted(await people("财政", path)) == ["张三", "马军"]
        assert await people("zs", path) == ["张三", "张绍松"]
        assert await people("chenzhi", path) == ["陈志远"]
        assert await people("负责人岗", path) == ["陈志远", "马军"]
    body = await _search(world, token, q="市长", kinds="people")
    assert body["people"]["items"][0]["matched"] == ["title"]
    assert "messages" not in body or body["messages"] is None


async def test_units_by_name_short_name_and_pinyin(world: World) -> None:
    await world.unit("czj", "市财政局")
    await world.unit("jyj", "市教育局")
    await world.user("zhangsan", "张三")
    token = await world.login("zhangsan")
    for q in ("财政", "shicaizheng", "scz"):
        body = await _search(world, token, q=q, kinds="units")
        assert [u["name"] for u in body["units"]["items"]] == ["市财政局"], q
        assert body["units"]["items"][0]["channel_id"]
    body = await _search(world, token, q="局", kinds="units,people")
    assert sorted(u["name"] for u in body["units"]["items"]) == ["市教育局", "市财政局"]
    assert body["messages"] is None


async def test_cli_reindex_backfills_messages_stored_before_search(world: World, settings: Settings) -> None:
    if settings.mongodb_url is None:
        pytest.skip("the command line acts on a store server, not on a hub's in-process emulation")
    o = await _office(world)
    m = await _send(world, o["tz"], o["unit"], "历史消息：请报送年度决算")
    await world.hub.search.drain()
    # As if stored by a hub from before search existed: no postings, no flag.
    await SearchPosting.get_pymongo_collection().delete_many({})
    await Message.get_pymongo_collection().update_many({}, {"$unset": {"search_pending": ""}})
    assert _ids(await _search(world, o["tl"], q="决算")) == []
    env = {**os.environ, "HUB_MONGODB_URL": settings.mongodb_url, "HUB_MONGODB_DB": settings.mongodb_db}
    for _ in range(2):  # idempotent: twice gives the same index
        proc = await asyncio.create_subprocess_exec(sys.executable, "-m", "hub", "search", "reindex", env=env,
                                                    stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)
        out, err = await asyncio.wait_for(proc.communicate(), 120)
        assert proc.returncode == 0, err.decode()
        assert f"indexed {await Message.find_all().count()} messages" in out.decode()
    assert _ids(await _search(world, o["tl"], q="决算")) == [m["id"]]
    postings = await SearchPosting.get_pymongo_collection().find({"t": "决算"}).to_list()
    assert [p["ch"] for p in postings] == [{o["unit"]: [ObjectId(m["id"])]}]


async def test_the_indexer_takes_new_messages_by_itself(world: World) -> None:
    o = await _office(world)
    m = await _send(world, o["tz"], o["unit"], "防汛值班表已更新")
    loop = asyncio.get_running_loop()
    deadline = loop.time() + 10
    while True:  # no drain: the send woke this hub's indexer
        status, body = await world.api("GET", "/api/v1/search?q=值班表&kinds=messages", o["tl"])
        # The postings are written before the message's pending flag is cleared: wait for both.
        stored = await Message.get_pymongo_collection().find_one({"_id": ObjectId(m["id"])})
        if status == 200 and _ids(body) == [m["id"]] and stored is not None and stored["search_pending"] == 0:
            break
        assert loop.time() < deadline, (body, stored)
        await asyncio.sleep(0.05)
