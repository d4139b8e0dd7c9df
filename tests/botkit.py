"""Helpers for card and bot tests: a unit with a head and staff, signed pushes, and test-only bots."""

from __future__ import annotations

import asyncio
import json
import time
from typing import Any, ClassVar

from bots.protocol import ActionEvent, Bot, BotAPI, BotError, CommandEvent, CommandSpec
from hub.actions.integrations import do_create_integration, sign
from hub.cards import ActionInput, ActionRule, CardActionDef, CardChange, CardSpec, CardStatus, PositionRule
from hub.models import BotAccount, Unit
from tests.conftest import World


async def office(world: World) -> dict[str, Any]:
    """市财政局 with its head (majun), a deputy, staff, and an outsider; the webhook bot is in its channel."""
    from hub.actions.org import do_add_membership

    czj = await world.unit("czj", "市财政局")
    other = await world.unit("fgw", "市发改委")
    people = {"majun": ("马军", czj, True), "zhangshaosong": ("张绍松", czj, False),
              "zhangsan": ("张三", czj, False), "luoyong": ("罗勇", other, True)}
    out: dict[str, Any] = {"unit": czj}
    for username, (name, unit, head) in people.items():
        user = await world.user(username, name)
        await do_add_membership(world.hub, user, unit, "负责人岗" if head else "科员岗", "局长" if head else "科员",
                                is_head=head)
        out[username] = user
        out[f"t_{username}"] = await world.login(username)
    channels = (await world.api("GET", "/api/v1/channels", out["t_zhangsan"]))[1]["channels"]
    out["channel_id"] = channels[0]["id"]
    webhook = await BotAccount.find_one(BotAccount.key == "webhook")
    assert webhook is not None
    status, _ = await world.api("POST", f"/api/v1/channels/{out['channel_id']}/members", out["t_zhangsan"],
                                json={"user_ids": [str(webhook.user_id)]})
    assert status == 200
    _, out["secret"] = await do_create_integration(world.hub, None, "province", "省公文交换", "webhook")
    return out


def decision_card(unit: Unit, title: str = "关于下达2026年预算的请示") -> dict[str, Any]:
    approve = CardActionDef(id="approve", label="同意", style="primary",
                            rule=ActionRule(positions=[PositionRule(unit_id=str(unit.id))]))
    reject = CardActionDef(id="reject", label="退回", style="danger", confirm="确定退回吗？",
                           input=ActionInput(kind="comment", required=True, label="退回理由"),
                           rule=ActionRule(positions=[PositionRule(unit_id=str(unit.id))]))
    spec = CardSpec(kind="签报", title=title, body="请审批。", classification="内部", urgency="加急",
                    status=CardStatus(code="pending", label="待审批", tone="warning"), actions=[approve, reject])
    return spec.model_dump(mode="json")


OUTCOMES = {"approve": {"code": "approved", "label": "已同意", "tone": "success"},
            "reject": {"code": "rejected", "label": "已退回", "tone": "danger"}}


async def push(world: World, secret: str, payload: Any, *, key: str = "province", timestamp: int | None = None,
               signature: str | None = None) -> tuple[int, Any]:
    body = json.dumps(payload, ensure_ascii=False).encode()
    ts = str(int(time.time()) if timestamp is None else timestamp)
    headers = {"X-Xietong-Timestamp": ts, "X-Xietong-Signature": signature or sign(secret, ts, body),
               "Content-Type": "application/json"}
    resp = await world.client.post(f"/api/v1/integrations/{key}/incoming", data=body, headers=headers)
    return resp.status, await resp.json()


async def post_decision(world: World, o: dict[str, Any], **kw: Any) -> dict[str, Any]:
    """Push a decision card into the office channel; returns the card as majun (the head) sees it."""
    status, body = await push(world, o["secret"], {"channel_ids": [o["channel_id"]],
                                                    "card": decision_card(o["unit"], **kw), "outcomes": OUTCOMES})
    assert status == 202, body
    _, hist = await world.api("GET", f"/api/v1/channels/{o['channel_id']}/messages", o["t_majun"])
    card = hist["messages"][-1]["card"]
    assert card is not None
    return dict(card)


class SlowBot(Bot):
    """Test-only: its card's button takes longer than the hub waits, or fails outright."""

    key: ClassVar[str] = "slow"
    name: ClassVar[str] = "慢机器人"
    commands: ClassVar[list[CommandSpec]] = [CommandSpec(name="slow", description="test", usage="/slow")]

    async def on_command(self, api: BotAPI, event: CommandEvent) -> str | None:
        action = CardActionDef(id="go", label="执行", rule=ActionRule(anyone=True))
        boom = CardActionDef(id="boom", label="出错", rule=ActionRule(anyone=True))
        await api.post_card(CardSpec(kind="test", title="慢卡片", status=CardStatus(code="new", label="新建"),
                                     actions=[action, boom]), channel_ids=[event.channel_id])
        return "已创建"

    async def on_action(self, api: BotAPI, event: ActionEvent) -> CardChange:
        if event.action_id == "boom":
            raise BotError("后台系统不可用")
        await asyncio.sleep(30)
        return CardChange(status=CardStatus(code="done", label="完成"))
