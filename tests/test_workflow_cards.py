"""Process cards: one view of an instance, with buttons for the current holders, kept up to date after every change."""

from __future__ import annotations

import asyncio
import uuid
from datetime import timedelta
from typing import Any

import pytest
from beanie import PydanticObjectId

from hub.actions import workflow as workflow_actions
from hub.actions.channels import do_create_channel, ensure_unit_channel
from hub.actions.workflow_admin import do_publish_definition
from hub.models import Card, Subscription, Unit
from hub.settings import Settings
from hub.workflow.definition import Definition
from hub.workflow.documents import ProcessInstance
from tests.conftest import World, make_settings
from tests.workflow_fixtures import LEAVE, LONG_LEAVE, Org, build_org


@pytest.fixture
def settings(store_kwargs: dict[str, Any]) -> Settings:
    """This module's hubs run the periodic sweep, every 60 s of hub time, as in production."""
    return make_settings(**store_kwargs, outbox_sweep_seconds=60)


@pytest.fixture
async def org(world: World) -> Org:
    return await build_org(world)


async def _card(org: Org, who: str, card_id: str) -> tuple[int, Any]:
    return await org.world.api("GET", f"/api/v1/cards/{card_id}", await org.token(who))


async def _seen(org: Org, who: str, card_id: str) -> Any:
    status, card = await _card(org, who, card_id)
    assert status == 200, card
    return card


def _field(card: Any, label: str) -> str | None:
    return next((f["value"] for f in card["fields"] if f["label"] == label), None)


def _buttons(card: Any) -> list[str]:
    return [a["id"].split(":")[0] for a in card["actions"]]


def _id(card: Any, action: str) -> str:
    return next((a["id"] for a in card["actions"] if a["id"].startswith(action + ":")), f"{action}:head#1")


async def _press(org: Org, who: str, card: Any, action: str, **extra: Any) -> tuple[int, Any]:
    body = {"action_id": _id(card, action), "version": card["version"], "request_id": f"c-{uuid.uuid4().hex[:12]}",
            **extra}
    return await org.world.api("POST", f"/api/v1/cards/{card['id']}/actions", await org.token(who), json=body)


async def _shows(org: Org, who: str, card_id: str, holder: str) -> Any:
    """The card as `who` sees it once it names `holder` as 当前处理人 (the follow-up after a click is async)."""
    for _ in range(250):
        card = await _seen(org, who, card_id)
        if _field(card, "当前处理人") == holder:
            return card
        await asyncio.sleep(0.02)
    raise AssertionError(f"the card never showed {holder}: {card}")


async def test_leave_card_follows_the_instance_from_click_to_click(org: Org) -> None:
    leader_socket = await org.world.socket(await org.token("lixiaodong"))
    status, inst = await org.start("zhangsan", "leave", LONG_LEAVE)
    assert status == 200, inst
    card_id = inst["id"]  # the card of an instance has the instance's id
    card = await _seen(org, "zhangsan", card_id)
    unit_channel = await ensure_unit_channel(org.czj)
    assert (await Card.get(PydanticObjectId(card_id))).channel_ids == [unit_channel.id]  # type: ignore[union-attr]
    assert card["bot"] == "workflow" and card["bot_name"] == "流程助手" and card["title"] == "请假：请假（张三）"
    assert _field(card, "流程") == "请假" and _field(card, "事由") == "家中有事" and _field(card, "天数") == "5"
    assert _field(card, "起止日期") == "2026-12-07 至 2026-12-11" and _field(card, "当前步骤") == "部门负责人审批"
    assert _field(card, "当前处理人") == "马军" and _field(card, "办理期限") and card["deadline"]
    assert card["status"]["code"] == "running" and "context" not in card
    assert _buttons(card) == [] and _buttons(await _seen(org, "lisi", card_id)) == []
    head_view = await _seen(org, "majun", card_id)
    assert _buttons(head_view) == ["approve", "reject", "return"]
    assert (await _card(org, "lixiaodong", card_id))[0] == 404  # not in the unit channel, not yet a holder

    # 不同意 needs an opinion on this step (on_reject): refused, nothing changes.
    status, body = await _press(org, "majun", head_view, "reject")
    assert status == 400 and body["error"]["code"] == "invalid_request"
    status, body = await _press(org, "majun", head_view, "approve", comment="同意，请做好交接")
    assert status == 200, body
    _, now = await org.get("zhangsan", card_id)
    assert now["current_step"] == "分管领导审批" and now["trail"][-1]["opinion"] == "同意，请做好交接"

    # The 分管领导 is not in the unit channel: the bot brings the card to them directly.
    await leader_socket.wait_for("card.actions", where=lambda e: e["card_id"] == card_id)
    leader_view = await _shows(org, "lixiaodong", card_id, "李晓东")
    assert _buttons(leader_view) == ["approve", "reject", "return"]
    assert any(t["actor_name"] == "马军" and "同意，请做好交接" in t["text"] for t in leader_view["timeline"])
    assert "同意，请做好交接" in leader_view["body"]
    assert _buttons(await _seen(org, "majun", card_id)) == []
    sub = await Subscription.find_one(Subscription.user_id == org.users["lixiaodong"].id,
                                      Subscription.channel_id == unit_channel.id)
    assert sub is None  # never added to the unit channel

    ack = await leader_socket.call("card.action", {"card_id": card_id, "action_id": _id(leader_view, "approve"),
                                                   "version": leader_view["version"], "request_id": "leader-ok-1",
                                                   "comment": "同意"})
    assert ack["ok"], ack
    _, done = await org.get("zhangsan", card_id)
    assert done["status"] == "approved" and [t["kind"] for t in done["trail"]] == ["start", "approve", "approve"]
    for _ in range(250):
        final = await _seen(org, "zhangsan", card_id)
        if final["status"]["code"] == "approved":
            break
        await asyncio.sleep(0.02)
    assert final["status"]["label"] == "已通过" and _buttons(await _seen(org, "lixiaodong", card_id)) == []
    assert _field(final, "当前处理人") is None


async def test_forged_and_stale_clicks_change_nothing(org: Org) -> None:
    status, inst = await org.start("zhangsan", "leave", LONG_LEAVE)
    assert status == 200
    head_view = await _seen(org, "majun", inst["id"])
    # lisi sees the card but holds nothing: the rule names exactly the holders.
    status, body = await _press(org, "lisi", {**head_view}, "approve")
    assert status == 403 and body["error"]["code"] == "action_not_allowed", body
    status, body = await _press(org, "outsider", head_view, "approve")
    assert status == 404
    _, same = await org.get("zhangsan", inst["id"])
    assert same["version"] == inst["version"] and len(same["trail"]) == 1

    # The head acts through the instance API: the card follows at once, and the old view's click is stale.
    status, _ = await org.act("majun", inst["id"], "approve", opinion="可以")
    assert status == 200
    moved = await _seen(org, "zhangsan", inst["id"])
    assert _field(moved, "当前处理人") == "李晓东" and moved["version"] > head_view["version"]
    assert any("可以" in t["text"] for t in moved["timeline"])
    status, body = await _press(org, "majun", head_view, "approve")
    assert status == 409 and body["error"]["code"] == "stale_card", body
    _, after = await org.get("zhangsan", inst["id"])
    assert after["version"] == inst["version"] + 1 and len(after["trail"]) == 2


async def test_twenty_concurrent_clicks_on_an_or_sign_card_apply_once(world: World) -> None:
    org = await build_org(world, extra_staff=20)
    people = [f"staff{i}" for i in range(20)]
    spec = Definition.model_validate({
        "key": "race_card", "name": "或签表决", "form": {"fields": []},
        "steps": [{"key": "vote", "name": "表决", "mode": "any", "approvers": [{"kind": "users", "users": people}]}]})
    await do_publish_definition(world.hub, None, spec)
    status, inst = await org.start("zhangsan", "race_card", {})
    assert status == 200, inst
    tokens = await asyncio.gather(*(world.login(p) for p in people))
    org.tokens.update(zip(people, tokens, strict=True))
    views = await asyncio.gather(*(_seen(org, p, inst["id"]) for p in people))
    assert all(_buttons(v) == ["approve", "reject", "return"] for v in views)
    results = await asyncio.gather(*(_press(org, p, v, "approve") for p, v in zip(people, views, strict=True)))
    assert sorted(s for s, _ in results) == [200] + [409] * 19, results
    _, done = await org.get("zhangsan", inst["id"])
    assert done["status"] == "approved" and [t["kind"] for t in done["trail"]] == ["start", "approve"]


async def test_a_lost_card_update_is_repaired_by_the_periodic_sweep(org: Org, monkeypatch: Any) -> None:
    status, inst = await org.start("zhangsan", "leave", LONG_LEAVE)
    assert status == 200
    before = await _seen(org, "zhangsan", inst["id"])

    async def crashed(hub: Any, instance_id: Any) -> None:
        """The process died between the instance's commit and the card update."""

    monkeypatch.setattr(workflow_actions, "after_change", crashed)
    status, _ = await org.act("majun", inst["id"], "approve", opinion="同意")
    assert status == 200
    monkeypatch.undo()
    stale = await _seen(org, "zhangsan", inst["id"])
    assert stale["version"] == before["version"] and _field(stale, "当前处理人") == "马军"
    stored = await ProcessInstance.get(PydanticObjectId(inst["id"]))
    assert stored is not None and stored.card_stale and stored.version == inst["version"] + 1

    org.advance(timedelta(seconds=61))  # the periodic sweep timer comes due
    repaired = await _shows(org, "zhangsan", inst["id"], "李晓东")
    card = await Card.get(PydanticObjectId(inst["id"]))
    assert card is not None and card.context["version"] == inst["version"] + 1
    assert any("同意" in t["text"] for t in repaired["timeline"])
    for _ in range(250):
        stored = await ProcessInstance.get(PydanticObjectId(inst["id"]))
        if stored is not None and not stored.card_stale:
            break
        await asyncio.sleep(0.02)
    assert stored is not None and not stored.card_stale
    # The 分管领导 got it directly, and can act on it.
    leader_view = await _seen(org, "lixiaodong", inst["id"])
    assert _buttons(leader_view) == ["approve", "reject", "return"]


async def test_the_card_goes_where_the_start_or_the_definition_says(org: Org) -> None:
    hub = org.world.hub
    group = await do_create_channel(hub, org.users["zhangsan"], "请假沟通群", "", [org.id("lisi")])
    status, body = await org.start("zhangsan", "leave", LEAVE, channel_id=str(PydanticObjectId()))
    assert status == 404 and body["error"]["code"] == "not_found"
    status, body = await org.start("outsider", "leave", LEAVE, channel_id=str(group.id))
    assert status == 404  # not a member of it
    assert await ProcessInstance.find_all().count() == 0

    status, inst = await org.start("zhangsan", "leave", LEAVE, channel_id=str(group.id))
    assert status == 200, inst
    card = await Card.get(PydanticObjectId(inst["id"]))
    assert card is not None and card.channel_ids[0] == group.id
    assert _field(await _seen(org, "lisi", inst["id"]), "当前处理人") == "马军"
    # The head is not in the group: the card comes to them directly, with their buttons.
    assert _buttons(await _seen(org, "majun", inst["id"])) == ["approve", "reject", "return"]
    assert len(card.channel_ids) == 2

    zf = await Unit.find_one(Unit.code == "zf")
    assert zf is not None
    spec = Definition.model_validate({
        "key": "notice_zf", "name": "报市政府", "card_unit": "zf", "form": {"fields": []},
        "steps": [{"key": "lead", "name": "领导阅示", "approvers": [{"kind": "users", "users": ["lixiaodong"]}]}]})
    await do_publish_definition(hub, None, spec)
    status, other = await org.start("zhangsan", "notice_zf", {})
    assert status == 200, other
    posted = await Card.get(PydanticObjectId(other["id"]))
    assert posted is not None and posted.channel_ids == [(await ensure_unit_channel(zf)).id]


async def test_return_from_the_card_and_resubmit_from_it(org: Org) -> None:
    status, inst = await org.start("zhangsan", "leave", LEAVE)
    assert status == 200
    head_view = await _seen(org, "majun", inst["id"])
    status, body = await _press(org, "majun", head_view, "return")
    assert status == 400 and body["error"]["code"] == "invalid_request"  # 退回 needs an opinion
    status, body = await _press(org, "majun", head_view, "return", comment="请补充事由")
    assert status == 200, body
    mine = await _shows(org, "zhangsan", inst["id"], "张三")
    assert [a["label"] for a in mine["actions"]] == ["重新提交"]
    assert any("请补充事由" in t["text"] for t in mine["timeline"])
    status, body = await _press(org, "zhangsan", mine, "approve", comment="已补充")
    assert status == 200, body
    back = await _shows(org, "majun", inst["id"], "马军")
    assert _buttons(back) == ["approve", "reject", "return"]
    _, now = await org.get("zhangsan", inst["id"])
    assert [t["kind"] for t in now["trail"]] == ["start", "return", "resubmit"]


async def test_a_delegate_outside_the_channel_gets_the_card_and_acts_for_the_head(org: Org) -> None:
    now = org.world.hub.clock.now()
    status, body = await org.world.api("POST", "/api/v1/delegations", await org.token("majun"), json={
        "delegate_id": org.id("outsider"), "starts_at": (now - timedelta(minutes=1)).isoformat(),
        "ends_at": (now + timedelta(days=3)).isoformat(), "reason": "赴省出差"})
    assert status == 200, body
    status, inst = await org.start("zhangsan", "leave", LEAVE)
    assert status == 200, inst
    view = await _seen(org, "outsider", inst["id"])  # in a direct conversation with 流程助手
    assert _buttons(view) == ["approve", "reject", "return"] and _field(view, "当前处理人") == "马军（代理：王五）"
    status, body = await _press(org, "outsider", view, "approve", comment="代为同意")
    assert status == 200, body
    _, done = await org.get("zhangsan", inst["id"])
    assert done["status"] == "approved"
    assert (done["trail"][-1]["actor_name"], done["trail"][-1]["on_behalf_of_name"]) == ("王五", "马军")
