"""Acting on cards: who may click, delegation, idempotent retries, one winner, stale versions, bot failures."""

from __future__ import annotations

import asyncio
from datetime import timedelta
from typing import Any

from hub.lib.timeutil import utcnow
from hub.models import AuditEntry, Card
from tests.botkit import SlowBot, office, post_decision
from tests.conftest import World


def _click(card: dict[str, Any], action: str, request_id: str, **extra: Any) -> dict[str, Any]:
    return {"action_id": action, "version": card["version"], "request_id": request_id, **extra}


async def test_only_the_rule_may_click_and_forged_clicks_change_nothing(world: World) -> None:
    o = await office(world)
    staff = await world.socket(o["t_zhangsan"])
    card = await post_decision(world, o)
    assert [a["id"] for a in card["actions"]] == ["approve", "reject"]
    assert card["classification"] == "内部" and card["urgency"] == "加急"
    # Staff see the card but no buttons; their forged click is refused and changes nothing.
    _, hist = await world.api("GET", f"/api/v1/channels/{o['channel_id']}/messages", o["t_zhangsan"])
    assert hist["messages"][-1]["card"]["actions"] == []
    url = f"/api/v1/cards/{card['id']}/actions"
    status, body = await world.api("POST", url, o["t_zhangsan"], json=_click(card, "approve", "forge-1"))
    assert status == 403 and body["error"]["code"] == "action_not_allowed"
    assert (await Card.get(card["id"])).version == 1  # type: ignore[union-attr]
    # Someone outside the channel cannot even see it.
    status, body = await world.api("POST", url, o["t_luoyong"], json=_click(card, "approve", "forge-2"))
    assert status == 404 and body["error"]["code"] == "not_found"
    # A required comment is required.
    status, body = await world.api("POST", url, o["t_majun"], json=_click(card, "reject", "r-0"))
    assert status == 400 and body["error"]["code"] == "invalid_request"
    # The head approves; every viewer sees the new state live.
    status, body = await world.api("POST", url, o["t_majun"], json=_click(card, "approve", "ok-1"))
    assert status == 200 and body["card"]["status"]["code"] == "approved" and body["card"]["version"] == 2
    assert body["card"]["actions"] == [] and body["reply"] == "已同意"
    (update,) = await staff.wait_for("card.updated")
    assert update["card"]["status"]["label"] == "已同意" and update["card"]["timeline"][-1]["actor_name"] == "马军"
    entry = await AuditEntry.find_one(AuditEntry.action == "card.action", AuditEntry.outcome == "ok")
    assert entry is not None and entry.actor_name == "马军" and entry.object_id == card["id"]


async def test_people_with_buttons_get_them_pushed_personally(world: World) -> None:
    o = await office(world)
    head, staff = await world.socket(o["t_majun"]), await world.socket(o["t_zhangsan"])
    card = await post_decision(world, o)
    (mine,) = await head.wait_for("card.actions")
    assert mine["card_id"] == card["id"] and [a["id"] for a in mine["actions"]] == ["approve", "reject"]
    (new,) = await staff.wait_for("message.new")
    assert new["message"]["card"]["actions"] == []  # the room-wide view carries no one's private buttons
    await asyncio.sleep(0.1)
    assert staff.of("card.actions") == []


async def test_delegate_acts_for_the_leader_and_both_names_are_recorded(world: World) -> None:
    o = await office(world)
    card = await post_decision(world, o)
    url = f"/api/v1/cards/{card['id']}/actions"
    status, _ = await world.api("POST", url, o["t_zhangshaosong"], json=_click(card, "approve", "d-0"))
    assert status == 403
    now = utcnow()
    status, body = await world.api("POST", "/api/v1/delegations", o["t_majun"], json={
        "delegate_id": str(o["zhangshaosong"].id), "starts_at": (now - timedelta(minutes=1)).isoformat(),
        "ends_at": (now + timedelta(days=3)).isoformat(), "reason": "赴省出差"})
    assert status == 200 and body["delegations"][0]["active"]
    status, body = await world.api("POST", url, o["t_zhangshaosong"], json=_click(card, "approve", "d-1"))
    assert status == 200, body
    assert body["card"]["timeline"][-1]["actor_name"] == "张绍松（代马军）"
    entry = await AuditEntry.find_one(AuditEntry.action == "card.action", AuditEntry.outcome == "ok")
    assert entry is not None and (entry.actor_name, entry.on_behalf_of_name) == ("张绍松", "马军")
    # Revoked, the delegate's power ends at once.
    card2 = await post_decision(world, o, title="第二份请示")
    listing = await world.api("GET", "/api/v1/delegations", o["t_majun"])
    await world.api("DELETE", f"/api/v1/delegations/{body_id(listing)}", o["t_majun"])
    status, body = await world.api("POST", f"/api/v1/cards/{card2['id']}/actions", o["t_zhangshaosong"],
                                   json=_click(card2, "approve", "d-2"))
    assert status == 403 and body["error"]["code"] == "action_not_allowed"


def body_id(answer: tuple[int, Any]) -> str:
    return str(answer[1]["delegations"][0]["id"])


async def test_a_retried_request_acts_once_and_answers_the_same(world: World) -> None:
    o = await office(world)
    card = await post_decision(world, o)
    head = await world.socket(o["t_majun"])
    payload = {"card_id": card["id"], **_click(card, "approve", "same-1")}
    acks = await asyncio.gather(*(head.call("card.action", payload) for _ in range(5)))
    assert all(a == acks[0] for a in acks) and acks[0]["ok"]
    again = await head.call("card.action", payload)
    assert again == acks[0]
    stored = await Card.get(card["id"])
    assert stored is not None and stored.version == 2 and len(stored.timeline) == 1
    # A failed request is answered the same way on retry too.
    bad = {"card_id": card["id"], **_click(card, "approve", "same-2")}
    first, second = await head.call("card.action", bad), await head.call("card.action", bad)
    assert first == second and first["error"]["code"] == "stale_card"


async def test_twenty_concurrent_conflicting_clicks_have_one_winner(world: World) -> None:
    o = await office(world)
    from hub.actions.org import do_add_membership

    sockets = []
    for i in range(20):
        user = await world.user(f"leader{i}", f"副局长{i}")
        await do_add_membership(world.hub, user, o["unit"], "负责人岗", "副局长", is_head=True)
        sockets.append(await world.socket(await world.login(f"leader{i}")))
    card = await post_decision(world, o)
    acks = await asyncio.gather(*(s.call("card.action", {"card_id": card["id"], **_click(card, "approve", f"c{i}")})
                                  for i, s in enumerate(sockets)))
    winners = [a for a in acks if a["ok"]]
    losers = [a for a in acks if not a["ok"]]
    assert len(winners) == 1 and len(losers) == 19
    winner_name = winners[0]["data"]["card"]["timeline"][-1]["actor_name"]
    for lost in losers:
        assert lost["error"]["code"] == "stale_card"
        assert lost["error"]["detail"].startswith(f"已由 {winner_name} 于 ")  # "already approved by … at 10:02"
        assert lost["error"]["card"]["status"]["code"] == "approved"
    stored = await Card.get(card["id"])
    assert stored is not None and stored.version == 2 and len(stored.timeline) == 1


async def test_a_click_on_a_stale_version_gets_the_current_state(world: World) -> None:
    o = await office(world)
    card = await post_decision(world, o)
    url = f"/api/v1/cards/{card['id']}/actions"
    await world.api("POST", url, o["t_majun"], json=_click(card, "reject", "s-1", comment="数据有误，请重新核对"))
    status, body = await world.api("POST", url, o["t_majun"], json=_click(card, "approve", "s-2"))
    assert status == 409 and body["error"]["code"] == "stale_card"
    assert "退回：数据有误" in body["error"]["detail"] and body["error"]["card"]["version"] == 2
    assert body["error"]["card"]["status"]["code"] == "rejected"


async def test_a_slow_or_failing_bot_leaves_the_card_unchanged(world: World) -> None:
    world.hub.settings.bot_timeout_seconds = 0.3
    await world.hub.bots.register(SlowBot())
    o = await office(world)
    rec = await world.socket(o["t_zhangsan"])
    ack = await rec.call("command.run", {"channel_id": o["channel_id"], "text": "/slow"})
    assert ack["ok"] and ack["data"]["reply"] == "已创建"
    (message,) = await rec.wait_for("message.new", where=lambda e: e["message"]["card"] is not None)
    card = message["message"]["card"]
    timed_out = await rec.call("card.action", {"card_id": card["id"], **_click(card, "go", "slow-1")})
    assert timed_out["ok"] is False and timed_out["error"]["code"] == "bot_timeout"
    failed = await rec.call("card.action", {"card_id": card["id"], **_click(card, "boom", "slow-2")})
    assert failed["error"]["code"] == "bot_failed" and failed["error"]["detail"] == "后台系统不可用"
    stored = await Card.get(card["id"])
    assert stored is not None and stored.version == 1 and stored.status.code == "new" and stored.timeline == []
    assert rec.of("card.updated") == []


async def test_a_client_that_was_away_gets_the_changed_card_from_catch_up(world: World) -> None:
    o = await office(world)
    card = await post_decision(world, o)
    _, channel = await world.api("GET", f"/api/v1/channels/{o['channel_id']}", o["t_zhangsan"])
    await world.api("POST", f"/api/v1/cards/{card['id']}/actions", o["t_majun"], json=_click(card, "approve", "a-1"))
    staff = await world.socket(o["t_zhangsan"])
    ack = await staff.call("sync", {"channels": [{"channel_id": o["channel_id"], "last_seq": channel["last_seq"],
                                                  "last_rev": channel["rev"]}]})
    (ch,) = ack["data"]["channels"]
    assert ch["messages"] == [] and [m["card"]["status"]["code"] for m in ch["updates"]] == ["approved"]
    assert ch["updates"][0]["card"]["actions"] == []
