"""The click path: permission on the current state, effects once through the outbox, ids scoped to one click."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import timedelta
from typing import Any, ClassVar

import pytest
from beanie import PydanticObjectId

from bots.protocol import ActionEvent, Bot, BotAPI, CommandEvent, CommandSpec
from bots.remote import Runner
from hub.actions import outbox
from hub.actions.bots import do_issue_bot_token
from hub.actions.cards import do_post_card, store_change
from hub.cards import ActionRule, CardActionDef, CardChange, CardSpec, CardStatus
from hub.effects import PostMessageEffect
from hub.handlers import ActionCall, HandlerResult
from hub.models import Card, Channel, Message, OutboxEntry
from tests.botkit import decision_card, office, post_decision, push
from tests.conftest import World


def _click(card: dict[str, Any], action: str, request_id: str, **extra: Any) -> dict[str, Any]:
    return {"action_id": action, "version": card["version"], "request_id": request_id, **extra}


def _note_button(user_id: str) -> CardActionDef:
    # Not exclusive: it applies to whatever the card is now, so only the permission check can stop it.
    return CardActionDef(id="note", label="已阅", exclusive=False, rule=ActionRule(users=[user_id]))


async def test_a_click_after_the_button_moved_to_someone_else_is_refused(world: World, monkeypatch: Any) -> None:
    o = await office(world)
    spec = CardSpec(kind="阅件", title="关于节前安全检查的通知", status=CardStatus(code="open", label="传阅中"),
                    actions=[_note_button(str(o["zhangsan"].id))])
    status, _ = await push(world, o["secret"], {"channel_ids": [o["channel_id"]], "card": spec.model_dump(mode="json"),
                                                 "outcomes": {"note": {"code": "read", "label": "已阅"}}})
    assert status == 202
    (card,) = await Card.find_all().to_list()
    real_lock = world.hub.lock

    @asynccontextmanager
    async def interleaved(key: str) -> AsyncIterator[None]:
        # Between loading the card and taking its lock, another process hands the button to 张绍松.
        if key == f"card:{card.id}":
            current = await Card.get(card.id)
            assert current is not None
            moved = await store_change(current, CardChange(actions=[_note_button(str(o["zhangshaosong"].id))]), None)
            assert moved is not None and moved.version == 2
        async with real_lock(key):
            yield

    monkeypatch.setattr(world.hub, "lock", interleaved)
    url = f"/api/v1/cards/{card.id}/actions"
    status, body = await world.api("POST", url, o["t_zhangsan"], json={"action_id": "note", "version": 1,
                                                                        "request_id": "stale-view-1"})
    assert status == 403 and body["error"]["code"] == "action_not_allowed"
    stored = await Card.get(card.id)
    assert stored is not None and stored.version == 2 and stored.timeline == [] and stored.status.code == "open"
    monkeypatch.setattr(world.hub, "lock", real_lock)
    # The button's new holder presses it.
    status, body = await world.api("POST", url, o["t_zhangshaosong"], json={"action_id": "note", "version": 2,
                                                                             "request_id": "new-holder-1"})
    assert status == 200 and body["card"]["status"]["code"] == "read"


async def test_a_delegation_ended_while_waiting_for_the_lock_no_longer_acts(world: World, monkeypatch: Any) -> None:
    o = await office(world)
    card = await post_decision(world, o)
    now = world.hub.clock.now()
    _, body = await world.api("POST", "/api/v1/delegations", o["t_majun"], json={
        "delegate_id": str(o["zhangshaosong"].id), "starts_at": (now - timedelta(minutes=1)).isoformat(),
        "ends_at": (now + timedelta(days=1)).isoformat(), "reason": "出差"})
    delegation_id = body["delegations"][0]["id"]
    real_lock = world.hub.lock

    @asynccontextmanager
    async def interleaved(key: str) -> AsyncIterator[None]:
        if key == f"card:{card['id']}":
            status, _ = await world.api("DELETE", f"/api/v1/delegations/{delegation_id}", o["t_majun"])
            assert status == 204
        async with real_lock(key):
            yield

    monkeypatch.setattr(world.hub, "lock", interleaved)
    status, body = await world.api("POST", f"/api/v1/cards/{card['id']}/actions", o["t_zhangshaosong"],
                                   json=_click(card, "approve", "deleg-1"))
    assert status == 403 and body["error"]["code"] == "action_not_allowed"
    stored = await Card.get(card["id"])
    assert stored is not None and stored.version == 1 and stored.timeline == []


class EchoBot(Bot):
    """Test-only: its button posts a message, a card and an update of another card while deciding. The first
    time it is asked, another process changes the card meanwhile, so the click loses and is recomputed."""

    key: ClassVar[str] = "echo"
    name: ClassVar[str] = "回声机器人"
    commands: ClassVar[list[CommandSpec]] = [CommandSpec(name="echo", description="test", usage="/echo")]

    def __init__(self) -> None:
        self.calls = 0
        self.conflicts = 1

    async def on_command(self, api: BotAPI, event: CommandEvent) -> str | None:
        log = await api.post_card(CardSpec(kind="log", title="回声记录", status=CardStatus(code="0", label="0 次")),
                                  channel_ids=[event.channel_id])
        ping = CardActionDef(id="ping", label="回声", exclusive=False, rule=ActionRule(anyone=True))
        await api.post_card(CardSpec(kind="echo", title="回声", status=CardStatus(code="new", label="新建"),
                                     actions=[ping], context={"channel_id": event.channel_id, "log": log}),
                            channel_ids=[event.channel_id])
        return "已创建"

    async def on_action(self, api: BotAPI, event: ActionEvent) -> CardChange:
        self.calls += 1
        context = event.card.context
        await api.post_message(f"收到{event.actor.name}的回声", channel_id=context["channel_id"])
        await api.post_card(CardSpec(kind="receipt", title=f"回执：{event.actor.name}",
                                     status=CardStatus(code="done", label="已收")), user_ids=[event.actor.id])
        await api.update_card(context["log"], CardChange(timeline=f"{event.actor.name} 回声"))
        if self.conflicts:
            self.conflicts -= 1
            await Card.get_pymongo_collection().update_one({"_id": PydanticObjectId(event.card.id)},
                                                           {"$inc": {"version": 1}})
        return CardChange(status=CardStatus(code="pinged", label="已回声"))


async def _echo_card(world: World, o: dict[str, Any]) -> tuple[Any, dict[str, Any]]:
    rec = await world.socket(o["t_zhangsan"])
    ack = await rec.call("command.run", {"channel_id": o["channel_id"], "text": "/echo"})
    assert ack["ok"], ack
    (event,) = await rec.wait_for("message.new", where=lambda e: (e["message"]["card"] or {}).get("kind") == "echo")
    return rec, event["message"]["card"]


def _texts(messages: list[Message]) -> list[str]:
    return [m.content for m in messages if m.card_id is None]


async def test_effects_leave_once_after_the_commit_even_when_the_click_is_recomputed(world: World) -> None:
    bot = EchoBot()
    await world.hub.bots.register(bot)
    o = await office(world)
    rec, card = await _echo_card(world, o)
    ack = await rec.call("card.action", {"card_id": card["id"], **_click(card, "ping", "echo-1")})
    assert ack["ok"], ack
    assert bot.calls == 2  # the first answer lost its compare-and-set and was computed again
    in_channel = await Message.find(Message.channel_id == PydanticObjectId(o["channel_id"])).to_list()
    assert _texts(in_channel) == ["收到张三的回声"]
    receipts = await Card.find(Card.kind == "receipt").to_list()
    assert len(receipts) == 1 and receipts[0].title == "回执：张三"
    (log,) = await Card.find(Card.kind == "log").to_list()
    assert [t.text for t in log.timeline] == ["张三 回声"] and log.version == 2
    entries = await OutboxEntry.find_all().to_list()
    assert len(entries) == 3 and {e.status for e in entries} == {"done"} and {e.attempts for e in entries} == {1}
    stored = await Card.get(card["id"])
    assert stored is not None and stored.outbox == [] and stored.status.code == "pinged"
    # The click is answered once: a retry of the same request changes nothing and posts nothing.
    again = await rec.call("card.action", {"card_id": card["id"], **_click(card, "ping", "echo-1")})
    assert again == ack and await OutboxEntry.find_all().count() == 3


async def test_effects_left_by_a_crash_go_out_once_from_the_sweep(world: World, monkeypatch: Any) -> None:
    bot = EchoBot()
    bot.conflicts = 0
    await world.hub.bots.register(bot)
    o = await office(world)
    rec, card = await _echo_card(world, o)

    async def crash_after_commit(*args: Any) -> int:
        return 0

    # The process dies right after the click committed: the effects wait on the card itself.
    monkeypatch.setattr("hub.actions.cards.release", crash_after_commit)
    ack = await rec.call("card.action", {"card_id": card["id"], **_click(card, "ping", "crash-1")})
    assert ack["ok"], ack
    stored = await Card.get(card["id"])
    assert stored is not None and len(stored.outbox) == 3 and stored.status.code == "pinged"
    assert await OutboxEntry.find_all().count() == 0
    channel_id = PydanticObjectId(o["channel_id"])
    assert _texts(await Message.find(Message.channel_id == channel_id).to_list()) == []

    # The dispatchers that take them die after applying each effect but before marking it done.
    real_apply = outbox.apply_effect

    async def apply_then_die(*args: Any) -> None:
        await real_apply(*args)
        raise asyncio.CancelledError

    monkeypatch.setattr(outbox, "apply_effect", apply_then_die)
    for _ in range(3):
        with pytest.raises(asyncio.CancelledError):
            await outbox.sweep_outbox(world.hub)
    monkeypatch.setattr(outbox, "apply_effect", real_apply)
    assert {e.status for e in await OutboxEntry.find_all().to_list()} == {"claimed"}
    assert await outbox.sweep_outbox(world.hub) == 0  # their leases still hold
    world.hub.clock.advance(outbox.LEASE + timedelta(seconds=1))
    assert await outbox.sweep_outbox(world.hub) == 3
    assert await outbox.sweep_outbox(world.hub) == 0
    stored = await Card.get(card["id"])
    assert stored is not None and stored.outbox == []
    assert _texts(await Message.find(Message.channel_id == channel_id).to_list()) == ["收到张三的回声"]
    assert await Card.find(Card.kind == "receipt").count() == 1
    (log,) = await Card.find(Card.kind == "log").to_list()
    assert [t.text for t in log.timeline] == ["张三 回声"]
    entries = await OutboxEntry.find_all().to_list()
    assert {e.status for e in entries} == {"done"} and {e.attempts for e in entries} == {2}


async def test_the_next_click_sends_what_a_crashed_one_left(world: World, monkeypatch: Any) -> None:
    bot = EchoBot()
    bot.conflicts = 0
    await world.hub.bots.register(bot)
    o = await office(world)
    rec, card = await _echo_card(world, o)
    real_release = outbox.release

    async def crash_after_commit(*args: Any) -> int:
        return 0

    monkeypatch.setattr("hub.actions.cards.release", crash_after_commit)
    assert (await rec.call("card.action", {"card_id": card["id"], **_click(card, "ping", "left-1")}))["ok"]
    monkeypatch.setattr("hub.actions.cards.release", real_release)
    assert (await rec.call("card.action", {"card_id": card["id"], **_click(card, "ping", "left-2")}))["ok"]
    channel_id = PydanticObjectId(o["channel_id"])
    assert _texts(await Message.find(Message.channel_id == channel_id).to_list()) == ["收到张三的回声"] * 2
    assert await Card.find(Card.kind == "receipt").count() == 2
    entries = await OutboxEntry.find_all().to_list()
    assert len(entries) == 6 and {e.status for e in entries} == {"done"}
    stored = await Card.get(card["id"])
    assert stored is not None and stored.outbox == []


async def test_a_bot_in_its_own_process_sends_its_effects_back_with_the_change(world: World) -> None:
    """The same bot, run by bots/remote.py's Runner over the bot socket and HTTP API with its token."""
    bot = EchoBot()
    bot.conflicts = 0
    await world.hub.bots.register(bot)
    o = await office(world)
    rec, card = await _echo_card(world, o)
    # From now on the bot runs elsewhere: its clicks become jobs.
    del world.hub.bots.local["echo"]
    world.hub.handlers.unregister("echo")
    runner = Runner(bot, str(world.client.make_url("/")).rstrip("/"), await do_issue_bot_token(world.hub, None, "echo"))
    stop = asyncio.Event()
    running = asyncio.create_task(runner.run(stop))
    try:
        ack = await rec.call("card.action", {"card_id": card["id"], **_click(card, "ping", "r-1")})
    finally:
        stop.set()
        await running
    assert ack["ok"], ack
    assert bot.calls == 1
    channel_id = PydanticObjectId(o["channel_id"])
    assert _texts(await Message.find(Message.channel_id == channel_id).to_list()) == ["收到张三的回声"]
    assert await Card.find(Card.kind == "receipt").count() == 1
    assert {e.status for e in await OutboxEntry.find_all().to_list()} == {"done"}


class StampHandler:
    """A handler that is not a bot (as the workflow engine will be): stamps the card and posts a notice."""

    def __init__(self, channel_id: str) -> None:
        self.channel_id = channel_id
        self.seen: list[ActionCall] = []

    async def on_action(self, call: ActionCall) -> HandlerResult:
        self.seen.append(call)
        notice = PostMessageEffect(bot_key="webhook", message_id=str(PydanticObjectId()),
                                   text=f"{call.actor.name} 已盖章", channel_id=self.channel_id)
        return HandlerResult(change=CardChange(status=CardStatus(code="stamped", label="已盖章"), actions=[]),
                             effects=[notice])


async def test_a_card_names_its_handler_and_the_click_goes_there(world: World) -> None:
    o = await office(world)
    handler = StampHandler(o["channel_id"])
    world.hub.handlers.register("stamp", handler)
    # As the workflow engine will do for its cards: the owning bot posts it, the handler decides its clicks.
    webhook = await world.hub.bots.bot_user("webhook")
    channel = await Channel.get(PydanticObjectId(o["channel_id"]))
    assert channel is not None
    spec = CardSpec.model_validate(decision_card(o["unit"]))
    posted = await do_post_card(world.hub, webhook, "webhook", spec, [channel], handler="stamp")
    card = {"id": str(posted.id), "version": posted.version}
    status, body = await world.api("POST", f"/api/v1/cards/{card['id']}/actions", o["t_majun"],
                                   json=_click(card, "approve", "stamp-1"))
    assert status == 200 and body["card"]["status"]["code"] == "stamped"
    (call,) = handler.seen
    assert call.action.id == "approve" and call.actor.name == "马军" and call.card.version == 1
    channel_id = PydanticObjectId(o["channel_id"])
    assert _texts(await Message.find(Message.channel_id == channel_id).to_list()) == ["马军 已盖章"]


async def test_a_request_id_names_one_click(world: World) -> None:
    o = await office(world)
    first = await post_decision(world, o)
    second = await post_decision(world, o, title="第二份请示")
    url = f"/api/v1/cards/{first['id']}/actions"
    status, answer = await world.api("POST", url, o["t_majun"], json=_click(first, "approve", "req-1"))
    assert status == 200
    # The same id on another card is refused, not answered with the first card's result.
    status, body = await world.api("POST", f"/api/v1/cards/{second['id']}/actions", o["t_majun"],
                                   json=_click(second, "approve", "req-1"))
    assert status == 409 and body["error"]["code"] == "request_id_reused"
    assert body["error"]["message"] and body["error"]["message_en"]
    # And on another button of the same card.
    status, body = await world.api("POST", url, o["t_majun"], json=_click(first, "reject", "req-1", comment="再议"))
    assert status == 409 and body["error"]["code"] == "request_id_reused"
    stored = await Card.get(second["id"])
    assert stored is not None and stored.version == 1 and stored.timeline == []
    # The same click again still answers what it answered.
    assert await world.api("POST", url, o["t_majun"], json=_click(first, "approve", "req-1")) == (200, answer)
    # Another person's request ids are their own.
    status, body = await world.api("POST", f"/api/v1/cards/{second['id']}/actions", o["t_zhangsan"],
                                   json=_click(second, "approve", "req-1"))
    assert status == 403 and body["error"]["code"] == "action_not_allowed"
