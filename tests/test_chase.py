"""催办: by hand (who may, the 30-minute limit, the trail, the holder's DM) and automatically per step at
office-hour intervals up to a count, then escalated to the holder's head."""

from __future__ import annotations

from datetime import time, timedelta
from typing import Any

from hub.lib.timeutil import as_utc
from hub.models import Timer
from hub.workflow.documents import ProcessInstance
from tests.conftest import World
from tests.remind_fixtures import beijing, dms_from, mark, move_to, next_weekday
from tests.time_fixtures import wait_until
from tests.workflow_fixtures import Org, build_org

CHASED: dict[str, Any] = {
    "key": "chased", "name": "限时办理",
    "form": {"fields": [{"key": "title", "label": "标题", "kind": "text", "required": True}]},
    "title_field": "title",
    "steps": [{"key": "do", "name": "办理", "approvers": [{"kind": "users", "users": ["zhangsan"]}],
               "chase": {"every_hours": 2, "count": 2, "escalate": "head"}}],
}


async def _started(world: World) -> tuple[Org, str]:
    org = await build_org(world)
    status, dfn = await world.api("POST", "/api/v1/definitions", await org.token("sysadmin"), json=CHASED)
    assert status == 200, dfn
    status, inst = await org.start("lisi", "chased", {"title": "报送年度预算"})
    assert status == 200, inst
    return org, inst["id"]


async def _chase(org: Org, who: str, instance_id: str, request_id: str, **extra: Any) -> tuple[int, Any]:
    return await org.world.api("POST", f"/api/v1/instances/{instance_id}/chase", await org.token(who),
                               json={"request_id": request_id, **extra})


async def test_manual_chase_rules_rate_limit_and_trail(world: World) -> None:
    org, iid = await _started(world)
    status, out = await _chase(org, "lisi", iid, "c1", note="请今天内办结")
    assert status == 200, out
    assert [c["name"] for c in out["chased"]] == ["张三"]
    # The same request again answers the same; a new one within 30 minutes is refused.
    assert (await _chase(org, "lisi", iid, "c1"))[1] == out
    status, err = await _chase(org, "lisi", iid, "c2")
    assert status == 429 and err["error"]["code"] == "urge_too_soon"
    # The holder cannot chase themself; an outsider cannot tell the process exists.
    status, err = await _chase(org, "zhangsan", iid, "c3")
    assert status == 403 and err["error"]["code"] == "chase_forbidden"
    status, err = await _chase(org, "outsider", iid, "c4")
    assert status == 404 and err["error"]["code"] == "not_found"
    status, err = await _chase(org, "lisi", iid, "c5", note="绝密")
    assert status == 422
    dms = await dms_from("bot.workflow", org.users["zhangsan"])
    chases = [m for m in dms if m.content.startswith("【催办】")]
    assert len(chases) == 1 and "请今天内办结" in chases[0].content and f"/work/i/{iid}" in chases[0].content
    # The holder's 分管领导 may chase too, once the limit has passed, without being on the process.
    org.advance(timedelta(minutes=31))
    status, out = await _chase(org, "lixiaodong", iid, "c6")
    assert status == 200, out
    inst = await ProcessInstance.get(iid)
    assert inst is not None
    urges = [t for t in inst.trail if t.kind == "urge"]
    assert [(t.actor_name, t.opinion, t.detail["to"]) for t in urges] == \
        [("李四", "请今天内办结", "张三"), ("李晓东", None, "张三")]
    _, tasks = await org.world.api("GET", "/api/v1/tasks", await org.token("zhangsan"), params={"box": "pending"})
    assert tasks["tasks"][0]["urged_at"] is not None


async def test_automatic_chase_at_office_hours_then_escalation_to_the_head(world: World) -> None:
    hub = world.hub
    monday = next_weekday(hub, 0)
    for i in range(5):
        await mark(hub, monday + timedelta(days=i), "workday")
    move_to(hub, beijing(monday, time(9, 30)))
    org, iid = await _started(world)
    zhangsan, majun = org.users["zhangsan"], org.users["majun"]

    async def auto_chases() -> int:
        return len([m for m in await dms_from("bot.workflow", zhangsan) if "自动催办" in m.content])

    async def escalations() -> int:
        return len([m for m in await dms_from("bot.workflow", majun) if m.content.startswith("【督促】")])

    # Two office hours after 09:30 is 11:30; the next two run to 15:00 (the lunch break does not count).
    for n, due in ((1, time(11, 30)), (2, time(15, 0))):
        move_to(hub, as_utc(beijing(monday, due)) - timedelta(minutes=1))
        await hub.scheduler.fire_due()
        assert await auto_chases() == n - 1
        move_to(hub, as_utc(beijing(monday, due)) + timedelta(seconds=5))  # the start took a few milliseconds
        await wait_until(lambda n=n: _eq(auto_chases, n), what=f"automatic 催办 {n}")  # type: ignore[misc]
    assert await escalations() == 0
    move_to(hub, as_utc(beijing(monday, time(17, 0))) - timedelta(minutes=1))
    await hub.scheduler.fire_due()
    assert await escalations() == 0
    move_to(hub, as_utc(beijing(monday, time(17, 0))) + timedelta(seconds=5))
    await wait_until(lambda: _eq(escalations, 1), what="the escalation")
    inst = await ProcessInstance.get(iid)
    assert inst is not None and str(majun.id) in inst.state.cc  # the head may now open it
    auto = [t.detail for t in inst.trail if t.kind == "urge"]
    assert [d.get("auto") or d.get("escalated_to") for d in auto] == ["1", "2", "马军"]
    # Nothing more is scheduled, and a decided step stops its chasing.
    async def none_pending() -> bool:
        return await Timer.find({"kind": "workflow.chase", "status": "pending"}).count() == 0

    await wait_until(none_pending, what="the escalation timer done, no other scheduled")
    move_to(hub, as_utc(beijing(monday + timedelta(days=1), time(17, 0))))
    await hub.scheduler.fire_due()
    assert await auto_chases() == 2 and await escalations() == 1


async def test_a_decided_step_is_not_chased(world: World) -> None:
    org, iid = await _started(world)
    status, _ = await org.act("zhangsan", iid, "approve")
    assert status == 200
    world.hub.clock.advance(timedelta(days=10))
    await world.hub.scheduler.fire_due()

    # The hub's own runner may hold the timer's lease at this moment (then fire_due above skipped it): wait for it.
    async def fired() -> bool:
        timers = await Timer.find({"kind": "workflow.chase"}).to_list()
        return len(timers) == 1 and timers[0].status == "done"

    await wait_until(fired, what="the chase timer done")
    assert [m for m in await dms_from("bot.workflow", org.users["zhangsan"]) if "自动催办" in m.content] == []
    assert await Timer.find({"kind": "workflow.chase"}).count() == 1


async def _eq(count: Any, n: int) -> bool:
    return bool(await count() == n)
