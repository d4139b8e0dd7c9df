"""Reactions: a fixed set, set and cleared idempotently, counts and who, live, and caught up by revision."""

from __future__ import annotations

import asyncio
from typing import Any

from hub.models import Message
from tests.conftest import World


async def _setup(world: World, n: int = 2) -> tuple[str, list[str], dict[str, Any]]:
    unit = await world.unit("czj", "市财政局")
    names = ["zhangsan"] + [f"user{i}" for i in range(1, n)]
    ids = [str((await world.user(u, u, units=[unit])).id) for u in names]
    tokens = [await world.login(u) for u in names]
    (channel,) = (await world.api("GET", "/api/v1/channels", tokens[0]))[1]["channels"]
    _, msg = await world.api("POST", f"/api/v1/channels/{channel['id']}/messages", tokens[0],
                             json={"content": "周五前报送预算"})
    return msg["id"], tokens, {"ids": ids, "channel": channel["id"]}


async def test_reactions_count_who_and_are_heard_live(world: World) -> None:
    mid, (ta, tb), s = await _setup(world)
    b = await world.socket(tb)
    url = f"/api/v1/messages/{mid}/reactions"
    status, out = await world.api("POST", url, ta, json={"key": "like"})
    assert status == 200 and out["reactions"] == [{"key": "like", "emoji": "👍", "count": 1, "user_ids": [s["ids"][0]]}]
    heard = await b.wait_for("message.updated", where=lambda d: d["message"]["reactions"])
    assert heard[0]["message"]["reactions"][0]["count"] == 1
    # Setting it again changes nothing; another person adds theirs; a second emoji is counted apart.
    await world.api("POST", url, ta, json={"key": "like", "on": True})
    await world.api("POST", url, tb, json={"key": "like"})
    _, out = await world.api("POST", url, tb, json={"key": "heart"})
    assert [(r["key"], r["count"], r["user_ids"]) for r in out["reactions"]] == [
        ("like", 2, s["ids"]), ("heart", 1, [s["ids"][1]])]
    # Clearing takes only your own.
    _, out = await world.api("POST", url, ta, json={"key": "like", "on": False})
    assert [(r["key"], r["user_ids"]) for r in out["reactions"]] == [("like", [s["ids"][1]]), ("heart", [s["ids"][1]])]
    # History shows them; a client that was away catches up by revision.
    _, page = await world.api("GET", f"/api/v1/channels/{s['channel']}/messages", ta)
    assert len(page["messages"][0]["reactions"]) == 2
    ack = await b.call("sync", {"channels": [{"channel_id": s["channel"], "last_seq": 1, "last_rev": 0}]})
    (caught,) = ack["data"]["channels"]
    assert caught["updates"][-1]["reactions"] == page["messages"][0]["reactions"]


async def test_concurrent_reactions_are_all_counted(world: World) -> None:
    mid, tokens, s = await _setup(world, n=12)
    url = f"/api/v1/messages/{mid}/reactions"
    results = await asyncio.gather(*(world.api("POST", url, t, json={"key": "ok"}) for t in tokens))
    assert all(status == 200 for status, _ in results)
    stored = await Message.get(mid)
    assert stored is not None and sorted(str(u) for u in stored.reactions["ok"]) == sorted(s["ids"])


async def test_bad_reactions_are_refused_and_change_nothing(world: World) -> None:
    mid, (ta, tb), _ = await _setup(world)
    await world.user("outsider")
    to = await world.login("outsider")
    url = f"/api/v1/messages/{mid}/reactions"
    cases = [
        (ta, url, {"key": "poop"}, 400, "invalid_request"),
        (ta, url, {"key": "reactions.like"}, 400, "invalid_request"),
        (ta, url, {"key": "like", "extra": 1}, 400, "invalid_request"),
        (to, url, {"key": "like"}, 404, "not_found"),
        (ta, "/api/v1/messages/000000000000000000000000/reactions", {"key": "like"}, 404, "not_found"),
    ]
    for token, path, payload, status, code in cases:
        got, body = await world.api("POST", path, token, json=payload)
        assert (got, body["error"]["code"]) == (status, code), payload
    await world.api("POST", f"/api/v1/messages/{mid}/recall", ta)
    got, body = await world.api("POST", url, tb, json={"key": "like"})
    assert (got, body["error"]["code"]) == (409, "message_recalled")
    stored = await Message.get(mid)
    assert stored is not None and stored.reactions == {}
