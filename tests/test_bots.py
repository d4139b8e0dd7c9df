"""Bots: the poll bot under concurrent votes, a bot in its own process, signed integrations, bot limits."""

from __future__ import annotations

import asyncio
import time
from typing import Any

from hub.actions.bots import do_issue_bot_token, ensure_bot
from hub.models import Card, Message
from tests.botkit import decision_card, office, post_decision, push
from tests.conftest import World

DEFAULT_POLL = '/poll "周五团建去哪" 白银 会宁 景泰'


async def _poll(world: World, rec: Any, channel_id: str, text: str = DEFAULT_POLL) -> dict[str, Any]:
    def is_poll(event: Any) -> bool:
        return bool((event["message"]["card"] or {}).get("kind") == "poll")

    before = len([e for e in rec.of("message.new") if is_poll(e)])
    ack = await rec.call("command.run", {"channel_id": channel_id, "text": text})
    assert ack["ok"], ack
    polls = await rec.wait_for("message.new", count=before + 1, where=is_poll)
    return dict(polls[-1]["message"]["card"])


async def test_fifty_concurrent_votes_are_each_counted_once(world: World) -> None:
    unit = await world.unit("czj", "市财政局")
    sockets = []
    for i in range(50):
        await world.user(f"voter{i}", f"干部{i}", units=[unit])
        sockets.append(await world.socket(await world.login(f"voter{i}")))
    (channel,) = (await world.api("GET", "/api/v1/channels", await world.login("voter0")))[1]["channels"]
    card = await _poll(world, sockets[0], channel["id"])
    assert [a["label"] for a in card["actions"]] == ["白银", "会宁", "景泰"]  # voters see vote buttons only
    # The 50 votes queue on one card, each a few store writes: on a real server under load the last ack can
    # take longer than a single click's 5 s, and what is asserted here is the count, not the speed (bench T6).
    acks = await asyncio.gather(*(s.call("card.action", {"card_id": card["id"], "action_id": f"vote:{i % 3}",
                                                         "version": card["version"], "request_id": f"v{i}"},
                                         within=60)
                                  for i, s in enumerate(sockets)))
    assert all(a["ok"] for a in acks), [a for a in acks if not a["ok"]][:2]
    stored = await Card.get(card["id"])
    assert stored is not None and len(stored.context["votes"]) == 50
    assert [f.value for f in stored.fields] == ["17 票（34%）", "17 票（34%）", "16 票（32%）", "50"]
    # Changing a vote moves it; it is still one vote.
    await sockets[0].call("card.action", {"card_id": card["id"], "action_id": "vote:2", "version": 1,
                                          "request_id": "v0-again"})
    stored = await Card.get(card["id"])
    assert stored is not None
    assert [f.value for f in stored.fields][:3] == ["16 票（32%）", "17 票（34%）", "17 票（34%）"]
    # Everyone saw the live totals; only the creator can close it.
    await sockets[7].wait_for("card.updated", count=50, within=30)
    close = await sockets[1].call("card.action", {"card_id": card["id"], "action_id": "close",
                                                  "version": stored.version, "request_id": "close-1"})
    assert close["error"]["code"] == "action_not_allowed"
    close = await sockets[0].call("card.action", {"card_id": card["id"], "action_id": "close",
                                                  "version": stored.version, "request_id": "close-2"})
    closed = close["data"]["card"]
    assert close["ok"] and closed["status"]["code"] == "closed" and closed["actions"] == []


async def test_slash_commands_are_listed_and_checked(world: World) -> None:
    unit = await world.unit("czj", "市财政局")
    await world.user("zhangsan", units=[unit])
    token = await world.login("zhangsan")
    _, body = await world.api("GET", "/api/v1/commands", token)
    assert {"name": "poll", "bot_name": "投票助手", "description": "发起投票",
            "usage": '/poll "题目" 选项1 选项2 …'} in body["commands"]
    (channel,) = (await world.api("GET", "/api/v1/channels", token))[1]["channels"]
    url = f"/api/v1/channels/{channel['id']}/commands"
    status, body = await world.api("POST", url, token, json={"text": "/nosuch x"})
    assert status == 404 and body["error"]["code"] == "unknown_command"
    status, body = await world.api("POST", url, token, json={"text": "/poll 只有题目"})
    assert status == 502 and body["error"]["code"] == "bot_failed"
    assert "至少需要题目和两个选项" in body["error"]["detail"]
    assert await Card.find_all().count() == 0
    status, body = await world.api("POST", url, token, json={"text": '/poll "午饭" 面 饭'})
    assert status == 200
    _, members = await world.api("GET", f"/api/v1/channels/{channel['id']}/members", token)
    assert "bot.poll" in {m["username"] for m in members["members"]}  # the bot joined, visibly


async def test_signed_pushes_are_accepted_and_bad_ones_refused(world: World) -> None:
    o = await office(world)
    card = await post_decision(world, o)
    assert card["title"] == "关于下达2026年预算的请示"
    text = {"channel_ids": [o["channel_id"]], "text": "省厅来文已到，请查收"}
    assert (await push(world, o["secret"], text))[0] == 202
    before = await Message.find_all().count()
    status, body = await push(world, "wrong-secret", text)
    assert status == 401 and body["error"]["code"] == "bad_signature"
    status, body = await push(world, o["secret"], text, timestamp=int(time.time()) - 6 * 60)
    assert status == 401 and body["error"]["code"] == "stale_request"
    ts = int(time.time())
    assert (await push(world, o["secret"], {**text, "text": "只收一次"}, timestamp=ts))[0] == 202
    status, body = await push(world, o["secret"], {**text, "text": "只收一次"}, timestamp=ts)
    assert status == 409 and body["error"]["code"] == "replayed_request"
    # An unknown key answers exactly like a known key with a bad signature: keys cannot be enumerated.
    bad = await push(world, "wrong-secret", text)
    assert await push(world, o["secret"], text, key="nobody") == bad == (401, bad[1])
    assert await Message.find_all().count() == before + 1


async def test_classified_content_is_refused_at_the_door(world: World) -> None:
    o = await office(world)
    url = f"/api/v1/channels/{o['channel_id']}/messages"
    for text in ("这份文件是机密★1年", "绝密", "密级：秘密"):
        status, body = await world.api("POST", url, o["t_zhangsan"], json={"content": text})
        assert status == 422 and body["error"]["code"] == "classified_content"
        assert "保密法" in body["error"]["message"] and "secret" in body["error"]["message_en"]
    assert (await world.api("POST", url, o["t_zhangsan"], json={"content": "本文件属工作秘密，注意保管"}))[0] == 201
    status, body = await push(world, o["secret"], {"channel_ids": [o["channel_id"]],
                                                    "card": decision_card(o["unit"], title="机密：边境布防方案")})
    assert status == 422 and body["error"]["code"] == "classified_content" and body["error"]["marker"] == "机密"
    assert await Card.find_all().count() == 0


async def test_a_bot_cannot_post_outside_its_channels_or_touch_another_bots_card(world: World) -> None:
    o = await office(world)
    card = await post_decision(world, o)
    await ensure_bot("poll", "投票助手", [])
    token = await do_issue_bot_token(world.hub, None, "poll")
    headers = {"Authorization": f"Bearer {token}"}
    resp = await world.client.patch(f"/api/v1/bot/cards/{card['id']}", json={"title": "篡改"}, headers=headers)
    assert resp.status == 403 and (await resp.json())["error"]["code"] == "forbidden"
    resp = await world.client.post("/api/v1/bot/messages", json={"text": "hi", "channel_ids": [o["channel_id"]]},
                                   headers=headers)
    assert resp.status == 403 and (await resp.json())["error"]["code"] == "not_member"
    stored = await Card.get(card["id"])
    assert stored is not None and stored.title == "关于下达2026年预算的请示" and stored.version == 1
    from hub.actions.bots import do_revoke_bot_tokens

    await do_revoke_bot_tokens(world.hub, None, "poll")
    resp = await world.client.post("/api/v1/bot/messages", json={"text": "hi", "user_ids": [str(o["zhangsan"].id)]},
                                   headers=headers)
    assert resp.status == 401


async def test_bot_storage_through_the_bot_api(world: World) -> None:
    await ensure_bot("poll", "投票助手", [])
    headers = {"Authorization": f"Bearer {await do_issue_bot_token(world.hub, None, 'poll')}"}
    resp = await world.client.get("/api/v1/bot/storage/last-poll", headers=headers)
    assert resp.status == 200 and (await resp.json()) == {"value": None}
    resp = await world.client.put("/api/v1/bot/storage/last-poll", json={"value": {"n": 3, "by": "张三"}},
                                  headers=headers)
    assert resp.status == 204
    resp = await world.client.get("/api/v1/bot/storage/last-poll", headers=headers)
    assert (await resp.json()) == {"value": {"n": 3, "by": "张三"}}
    resp = await world.client.get("/api/v1/bot/storage/last-poll", headers={"Authorization": "Bearer xtb_forged"})
    assert resp.status == 401
