"""Edge rules of steps: nobody holds it, the initiator holds it, approved before; 退回 chains; late delegates."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from hub.actions.workflow_admin import do_publish_definition
from hub.workflow.definition import Definition
from tests.conftest import World
from tests.workflow_fixtures import LEAVE, LONG_LEAVE, Org, build_org


@pytest.fixture
async def org(world: World) -> Org:
    return await build_org(world)


async def _publish(org: Org, key: str, steps: list[dict[str, Any]]) -> None:
    spec = Definition.model_validate({"key": key, "name": key, "form": {"fields": [
        {"key": "days", "label": "天数", "kind": "number"}]}, "steps": steps})
    await do_publish_definition(org.world.hub, None, spec)


async def test_nobody_holds_the_step(org: Org) -> None:
    nobody = {"kind": "role", "role": "doc_clerk"}
    await _publish(org, "refuse", [{"key": "a", "name": "无人", "approvers": [nobody], "when_nobody": "refuse"}])
    status, body = await org.start("zhangsan", "refuse", {})
    assert status == 409 and body["error"]["code"] == "no_approver" and body["error"]["detail"] == "无人"
    assert (await org.tasks("zhangsan", "started"))["counts"]["started"] == 0
    await _publish(org, "to_admin", [{"key": "a", "name": "无人", "approvers": [nobody], "when_nobody": "admin"}])
    _, inst = await org.start("zhangsan", "to_admin", {})
    assert [h["name"] for h in inst["current_holders"]] == ["田磊"]
    await _publish(org, "skip", [
        {"key": "a", "name": "无人", "approvers": [nobody], "when_nobody": "skip"},
        {"key": "b", "name": "局长", "approvers": [{"kind": "users", "users": ["majun"]}]}])
    _, inst = await org.start("zhangsan", "skip", {})
    assert inst["current_step"] == "局长" and [t["kind"] for t in inst["trail"]] == ["start", "skip"]


async def test_the_head_asking_for_leave_skips_his_own_step(org: Org) -> None:
    _, short = await org.start("majun", "leave", LEAVE)
    assert short["status"] == "approved"  # nobody else at the head step, and 3 days or fewer end there
    _, long = await org.start("majun", "leave", LONG_LEAVE)
    assert long["current_step"] == "分管领导审批"


async def test_an_approver_who_approved_before_is_skipped_until_a_return_resets(org: Org) -> None:
    majun = {"kind": "users", "users": ["majun"]}
    await _publish(org, "twice", [{"key": "a", "name": "一审", "approvers": [majun]},
                                  {"key": "b", "name": "复审", "approvers": [majun]},
                                  {"key": "c", "name": "终审", "approvers": [{"kind": "users", "users": ["lisi"]}]}])
    _, inst = await org.start("zhangsan", "twice", {})
    _, body = await org.act("majun", inst["id"], "approve")
    assert body["instance"]["current_step"] == "终审"
    _, body = await org.act("lisi", inst["id"], "return", target="a", opinion="重审")
    _, body = await org.act("majun", inst["id"], "approve")
    assert body["instance"]["current_step"] == "终审"  # straight back to the step that returned it


async def test_a_chain_of_returns_comes_back_the_same_way(org: Org) -> None:
    _, inst = await org.start("zhangsan", "leave", LONG_LEAVE)
    await org.act("majun", inst["id"], "approve")
    await org.act("lixiaodong", inst["id"], "return", target="head", opinion="请部门核实")
    _, body = await org.act("majun", inst["id"], "return", target="initiator", opinion="补充材料")
    assert body["instance"]["current_step"] == "发起人修改"
    _, body = await org.act("zhangsan", inst["id"], "approve", opinion="已补充")
    assert body["instance"]["current_step"] == "部门负责人审批"
    _, body = await org.act("majun", inst["id"], "approve")
    assert body["instance"]["current_step"] == "分管领导审批"


async def test_a_delegate_named_after_the_step_opened_may_read_and_act(org: Org) -> None:
    _, inst = await org.start("zhangsan", "leave", LEAVE)
    assert (await org.get("lisi", inst["id"]))[0] == 404
    now = datetime.now(UTC)
    status, _ = await org.world.api("POST", "/api/v1/delegations", await org.token("majun"), json={
        "delegate_id": org.id("lisi"), "starts_at": (now - timedelta(minutes=1)).isoformat(),
        "ends_at": (now + timedelta(days=1)).isoformat(), "reason": "出差"})
    assert status == 200
    status, seen = await org.get("lisi", inst["id"])
    assert status == 200 and "approve" in seen["my_actions"]
    _, body = await org.act("lisi", inst["id"], "approve")
    assert body["instance"]["trail"][-1]["on_behalf_of_name"] == "马军"
    assert body["instance"]["status"] == "approved"


async def test_pending_is_ordered_by_due_date_and_filters_by_definition(org: Org) -> None:
    majun = {"kind": "users", "users": ["majun"]}
    await _publish(org, "slow", [{"key": "a", "name": "慢", "approvers": [majun],
                                  "limit": {"amount": 5, "unit": "workdays"}}])
    await _publish(org, "fast", [{"key": "a", "name": "快", "approvers": [majun],
                                  "limit": {"amount": 1, "unit": "workhours"}}])
    await _publish(org, "open", [{"key": "a", "name": "不限", "approvers": [majun]}])
    for key in ("open", "slow", "fast"):
        assert (await org.start("zhangsan", key, {}))[0] == 200
    pending = await org.tasks("majun")
    assert [t["definition_key"] for t in pending["tasks"]] == ["fast", "slow", "open"]
    assert pending["tasks"][2]["due_at"] is None
    only = await org.tasks("majun", definition_key="slow")
    assert [t["definition_key"] for t in only["tasks"]] == ["slow"] and only["counts"]["pending"] == 3
    assert [t["definition_key"] for t in (await org.tasks("majun", q="fast"))["tasks"]] == ["fast"]
    assert (await org.tasks("majun", q=".*"))["tasks"] == []  # text, not a pattern
    page = await org.tasks("majun", limit="1", offset="1")
    assert [t["definition_key"] for t in page["tasks"]] == ["slow"]
    status, body = await org.world.api("GET", "/api/v1/tasks", await org.token("majun"),
                                       params={"box": "mine", "definition_key": "{'$ne': 1}"})
    assert status == 400 and body["error"]["code"] == "invalid_request"


async def test_administrators_set_who_is_in_charge_and_the_next_step_follows(org: Org) -> None:
    path = f"/api/v1/users/{org.id('majun')}/supervision"
    status, body = await org.world.api("PUT", path, await org.token("majun"), json={"unit_ids": [str(org.czj.id)]})
    assert status == 403
    status, body = await org.world.api("PUT", path, await org.token("sysadmin"), json={"unit_ids": ["f" * 24]})
    assert status == 404
    leader = f"/api/v1/users/{org.id('lixiaodong')}/supervision"
    assert (await org.world.api("PUT", leader, await org.token("sysadmin"), json={"unit_ids": []}))[0] == 200
    status, body = await org.world.api("PUT", f"/api/v1/users/{org.id('lisi')}/supervision",
                                       await org.token("sysadmin"), json={"unit_ids": [str(org.czj.id)]})
    assert status == 200 and [u["code"] for u in body["units"]] == ["czj"]
    status, body = await org.world.api("GET", leader, await org.token("zhangsan"))
    assert status == 200 and body["units"] == []
    _, inst = await org.start("zhangsan", "leave", LONG_LEAVE)
    _, body = await org.act("majun", inst["id"], "approve")
    assert [h["name"] for h in body["instance"]["current_holders"]] == ["李四"]


async def test_countersign_quorum_and_what_one_rejection_means(world: World) -> None:
    org = await build_org(world, extra_staff=5)
    five = {"kind": "users", "users": [f"staff{i}" for i in range(5)]}
    await _publish(org, "quorum", [{"key": "a", "name": "会签", "mode": "all", "approvers": [five],
                                    "quorum_percent": 60, "one_rejection": "counts"}])
    await _publish(org, "veto", [{"key": "a", "name": "会签", "mode": "all", "approvers": [five]}])
    _, inst = await org.start("zhangsan", "quorum", {})
    await org.act("staff0", inst["id"], "reject", opinion="不同意")
    for i in (1, 2):
        _, body = await org.act(f"staff{i}", inst["id"], "approve")
        assert body["instance"]["status"] == "running"
    _, body = await org.act("staff3", inst["id"], "approve")  # 3 of 5 = 60%
    assert body["instance"]["status"] == "approved"
    assert (await org.tasks("staff4"))["counts"]["pending"] == 0
    _, inst = await org.start("zhangsan", "quorum", {})
    for i in (0, 1):
        await org.act(f"staff{i}", inst["id"], "reject", opinion="不同意")
    _, body = await org.act("staff2", inst["id"], "reject", opinion="不同意")  # 60% can no longer be reached
    assert body["instance"]["status"] == "rejected"
    _, inst = await org.start("zhangsan", "veto", {})
    await org.act("staff0", inst["id"], "approve")
    _, body = await org.act("staff1", inst["id"], "reject", opinion="一票否决")
    assert body["instance"]["status"] == "rejected"
