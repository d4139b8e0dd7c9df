"""The 请假 process end to end through the API and real sockets: the head, and past 3 days the 分管领导."""

from __future__ import annotations

from typing import Any

import pytest

from hub.settings import Settings
from tests.conftest import World, make_settings
from tests.test_schemas import _validator
from tests.workflow_fixtures import LEAVE, LONG_LEAVE, Org, build_org


@pytest.fixture
async def org(world: World) -> Org:
    return await build_org(world)



@pytest.fixture
def settings(store_kwargs: dict[str, Any]) -> Settings:
    # Deadlines here are days away and the tests move the clock past them: sessions that outlive the jump keep
    # the sockets listening (tests/test_sessions_end.py covers sessions ending when the clock passes them).
    return make_settings(session_ttl_hours=24 * 60, session_idle_minutes=60 * 24 * 60, **store_kwargs)

async def test_short_leave_is_decided_by_the_head_of_the_unit(org: Org) -> None:
    majun_socket = await org.world.socket(await org.token("majun"))
    zhangsan_socket = await org.world.socket(await org.token("zhangsan"))
    status, inst = await org.start("zhangsan", "leave", LEAVE)
    assert status == 200, inst
    assert inst["status"] == "running" and inst["current_step"] == "部门负责人审批"
    assert [h["user_id"] for h in inst["current_holders"]] == [org.id("majun")]
    assert inst["my_actions"] == ["withdraw", "cc", "urge"]
    (created,) = await majun_socket.wait_for("task.created")
    assert created["task"]["instance_id"] == inst["id"] and created["task"]["box"] == "pending"
    pending = await org.tasks("majun")
    assert [t["instance_id"] for t in pending["tasks"]] == [inst["id"]]
    assert pending["counts"]["pending"] == 1
    status, seen = await org.get("majun", inst["id"])
    assert status == 200 and seen["my_actions"][:5] == ["approve", "reject", "add_sign", "transfer", "return"]

    status, done = await org.act("majun", inst["id"], "approve", opinion="同意", version=inst["version"])
    assert status == 200, done
    assert done["instance"]["status"] == "approved"
    assert [t["kind"] for t in done["instance"]["trail"]] == ["start", "approve"]
    assert done["instance"]["trail"][1]["opinion"] == "同意"
    (updated, *_) = await majun_socket.wait_for("task.updated", where=lambda e: e["task"]["status"] == "done")
    for name, event in (("task.created", created), ("task.updated", updated)):
        _validator(f"events/server/{name}.json").validate(event)
    assert (await org.tasks("majun"))["counts"] == {"pending": 0, "done": 1, "started": 0, "cc": 0, "overdue": 0}
    await zhangsan_socket.wait_for("task.created", where=lambda e: e["task"]["box"] == "started")
    await zhangsan_socket.wait_for("task.updated", where=lambda e: e["task"]["status"] == "approved")
    status, copied = await org.act("zhangsan", inst["id"], "cc", users=[org.id("lisi")], opinion="知悉")
    assert status == 200 and copied["instance"]["cc"] == [org.id("lisi")]  # 知会 after the end too
    started = await org.tasks("zhangsan", "started")
    assert [(t["instance_id"], t["status"]) for t in started["tasks"]] == [(inst["id"], "approved")]


async def test_long_leave_goes_on_to_the_leader_in_charge(org: Org) -> None:
    leader_socket = await org.world.socket(await org.token("lixiaodong"))
    status, inst = await org.start("zhangsan", "leave", LONG_LEAVE)
    assert status == 200, inst
    status, after_head = await org.act("majun", inst["id"], "approve")
    assert status == 200 and after_head["instance"]["current_step"] == "分管领导审批"
    assert [h["name"] for h in after_head["instance"]["current_holders"]] == ["李晓东"]
    await leader_socket.wait_for("task.created", where=lambda e: e["task"]["step_name"] == "分管领导审批")
    assert (await org.tasks("lixiaodong"))["counts"]["pending"] == 1
    status, end = await org.act("lixiaodong", inst["id"], "approve", opinion="同意，注意工作交接")
    assert status == 200 and end["instance"]["status"] == "approved"
    assert [(t["kind"], t["actor_name"]) for t in end["instance"]["trail"]] == [
        ("start", "张三"), ("approve", "马军"), ("approve", "李晓东")]
    assert (await org.tasks("lixiaodong"))["counts"]["pending"] == 0


async def test_exactly_three_days_stays_with_the_head(org: Org) -> None:
    _, inst = await org.start("zhangsan", "leave", {**LEAVE, "period": ["2026-12-07", "2026-12-09"], "days": 3})
    _, end = await org.act("majun", inst["id"], "approve")
    assert end["instance"]["status"] == "approved"


async def test_bad_forms_are_refused_and_start_nothing(org: Org) -> None:
    bad = [{**LEAVE, "days": "many"}, {**LEAVE, "kind": "旅游"}, {k: v for k, v in LEAVE.items() if k != "reason"},
           {**LEAVE, "period": ["2026-12-08", "2026-12-07"]}, {**LEAVE, "extra": 1}]
    for form in bad:
        status, body = await org.start("zhangsan", "leave", form)
        assert status == 400 and body["error"]["code"] == "invalid_request", (form, body)
    status, body = await org.start("zhangsan", "leave", {**LEAVE, "reason": "机密★1年 附件见后"})
    assert status == 422 and body["error"]["code"] == "classified_content"
    status, body = await org.start("zhangsan", "leave", LEAVE, chosen={"head": [org.id("lisi")]})
    assert status == 400
    status, body = await org.start("zhangsan", "nosuch", LEAVE)
    assert status == 404
    assert (await org.tasks("zhangsan", "started"))["counts"]["started"] == 0
    assert (await org.tasks("majun"))["counts"]["pending"] == 0


async def test_a_step_decided_before_its_deadline_never_hears_of_it(org: Org) -> None:
    from datetime import timedelta

    majun_socket = await org.world.socket(await org.token("majun"))
    _, inst = await org.start("zhangsan", "leave", LEAVE)
    await org.act("majun", inst["id"], "approve")
    org.advance(timedelta(days=10))
    from hub.models import Timer
    from tests.time_fixtures import wait_until

    async def fired() -> bool:
        return await Timer.find({"kind": "workflow.overdue", "status": "pending"}).count() == 0

    await wait_until(fired, what="the deadline timer fired")
    assert await Timer.find({"kind": "workflow.overdue"}).count() == 1
    assert not [e for e in majun_socket.of("task.updated") if e["task"]["overdue"]]


async def test_due_dates_count_working_days_and_overdue_items_show(org: Org) -> None:
    from datetime import datetime, timedelta

    _, inst = await org.start("zhangsan", "leave", LEAVE)
    started_at = datetime.fromisoformat(inst["trail"][0]["at"])
    expected = org.world.hub.workdays.add_working_days(started_at, 1)
    (task,) = (await org.tasks("majun"))["tasks"]
    assert datetime.fromisoformat(task["due_at"]) == expected and not task["overdue"]
    majun_socket = await org.world.socket(await org.token("majun"))
    lisi_socket = await org.world.socket(await org.token("lisi"))
    org.advance(timedelta(days=10))
    listing = await org.tasks("majun", overdue="true")
    assert listing["counts"]["overdue"] == 1 and listing["tasks"][0]["overdue"]
    # The deadline is a durable timer: when it passes, the holder hears that the 待办 is overdue, once.
    (late,) = await majun_socket.wait_for("task.updated", where=lambda e: e["task"]["overdue"])
    assert late["task"]["instance_id"] == inst["id"]
    assert lisi_socket.of("task.updated") == []
