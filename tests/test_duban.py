"""督办: opened by leaders, run 签收 → 办理 → 反馈 → 复核 → 办结销号 on the engine, progress reports from the 主办
unit, lights from the deadline by timers, and the leader's list."""

from __future__ import annotations

import uuid
from datetime import time, timedelta
from typing import Any

from hub.actions.duban import yellow_from
from hub.lib.timeutil import as_utc
from hub.models import Timer
from hub.models.duban import DubanItem
from tests.conftest import World
from tests.remind_fixtures import beijing, dms_from, mark, move_to, next_weekday
from tests.time_fixtures import wait_until
from tests.workflow_fixtures import Org, build_org


def _rid() -> str:
    return f"req-{uuid.uuid4().hex[:10]}"


async def _open(org: Org, who: str, **over: Any) -> tuple[int, Any]:
    deadline = over.pop("deadline")
    body = {"request_id": _rid(), "title": "推进政务服务“一网通办”", "body": "月底前完成事项梳理",
            "host_unit_id": str(org.czj.id), "deadline": deadline, **over}
    return await org.world.api("POST", "/api/v1/duban", await org.token(who), json=body)


async def _act_on(org: Org, who: str, instance_id: str, op: str, **extra: Any) -> None:
    status, body = await org.act(who, instance_id, op, **extra)
    assert status == 200, body


async def test_a_duban_item_runs_through_its_stages_with_progress_and_review(world: World) -> None:
    org = await build_org(world)
    deadline = (next_weekday(world.hub, 4, at_least_days=7)).isoformat()
    # Only leaders and the office open 督办; bad input changes nothing.
    for who, over, code in (("zhangsan", {}, 403), ("lixiaodong", {"host_unit_id": "0" * 24}, 400),
                            ("lixiaodong", {"deadline": "2020-01-01"}, 400),
                            ("lixiaodong", {"title": "绝密事项"}, 422),
                            ("lixiaodong", {"source": {"kind": "card", "id": "0" * 24}}, 404)):
        status, err = await _open(org, who, **{"deadline": deadline, **over})
        assert status == code, err
    assert await DubanItem.count() == 0

    status, item = await _open(org, "lixiaodong", deadline=deadline)
    assert status == 200, item
    assert (item["stage"], item["light"], item["host_unit_name"]) == ("签收", "green", "市财政局")
    iid, inst = item["id"], item["instance_id"]
    pending = await org.tasks("majun")
    assert [t["step_name"] for t in pending["tasks"]] == ["签收"]
    await _act_on(org, "majun", inst, "approve")  # 签收
    status, after = await world.api("GET", f"/api/v1/duban/{iid}", await org.token("lixiaodong"))
    assert after["stage"] == "办理"

    # Progress: the 主办 unit reports, the leader hears; outsiders see nothing.
    body = {"request_id": _rid(), "percent": 40, "text": "已完成120项事项梳理"}
    status, reported = await world.api("POST", f"/api/v1/duban/{iid}/progress", await org.token("zhangsan"),
                                       json=body)
    assert status == 200 and reported["percent"] == 40 and len(reported["progress"]) == 1
    again = await world.api("POST", f"/api/v1/duban/{iid}/progress", await org.token("zhangsan"), json=body)
    assert len(again[1]["progress"]) == 1  # the same request once
    assert any("【督办·进展】" in m.content for m in await dms_from("bot.reminder", org.users["lixiaodong"]))
    status, _ = await world.api("POST", f"/api/v1/duban/{iid}/progress", await org.token("lixiaodong"),
                                json={**body, "request_id": _rid()})
    assert status == 403
    for who in ("outsider",):
        status, _ = await world.api("GET", f"/api/v1/duban/{iid}", await org.token(who))
        assert status == 404

    # 办理 → 反馈 (with the feedback as opinion) → 复核 returns it → again → 办结销号.
    await _act_on(org, "majun", inst, "approve")
    await _act_on(org, "majun", inst, "approve", opinion="已全部完成，详见报告")
    await _act_on(org, "lixiaodong", inst, "return", target="handle", opinion="请补充佐证材料")
    _, back = await world.api("GET", f"/api/v1/duban/{iid}", await org.token("lixiaodong"))
    assert back["stage"] == "办理"
    await _act_on(org, "majun", inst, "approve", opinion="已补充")  # straight back to 复核, as the engine does
    await _act_on(org, "lixiaodong", inst, "approve")
    _, done = await world.api("GET", f"/api/v1/duban/{iid}", await org.token("lixiaodong"))
    assert (done["stage"], done["closed"], done["light"]) == ("办结销号", True, "done")
    status, _ = await world.api("POST", f"/api/v1/duban/{iid}/progress", await org.token("zhangsan"),
                                json={**body, "request_id": _rid()})
    assert status == 403  # action_not_allowed once closed
    # The leader's list and the unit's.
    _, mine = await world.api("GET", "/api/v1/duban", await org.token("lixiaodong"))
    assert [i["id"] for i in mine["items"]] == [iid] and mine["done"] == 1
    _, hosting = await world.api("GET", "/api/v1/duban", await org.token("zhangsan"), params={"scope": "hosting"})
    assert [i["id"] for i in hosting["items"]] == [iid]


async def test_lights_turn_yellow_then_red_by_timers_and_the_list_puts_red_first(world: World) -> None:
    hub = world.hub
    friday = next_weekday(hub, 4, at_least_days=7)
    for d in range(-4, 1):
        await mark(hub, friday + timedelta(days=d), "workday")
    org = await build_org(world)
    status, late = await _open(org, "lixiaodong", deadline=friday.isoformat(), title="甲项")
    assert status == 200, late
    status, later = await _open(org, "lixiaodong", deadline=(friday + timedelta(days=21)).isoformat(), title="乙项")
    assert status == 200
    yellow = yellow_from(await hub.workdays.fresh(), friday)
    assert yellow == as_utc(beijing(friday - timedelta(days=2), time(0, 0)))  # Wednesday

    async def light(item_id: str, want: str) -> bool:
        item = await DubanItem.get(item_id)
        return item is not None and item.light == want

    move_to(hub, yellow - timedelta(minutes=1))
    await hub.scheduler.fire_due()
    assert await light(late["id"], "green")
    move_to(hub, yellow + timedelta(seconds=1))
    await wait_until(lambda: light(late["id"], "yellow"), what="yellow")
    move_to(hub, as_utc(beijing(friday + timedelta(days=1), time(0, 0))))
    await wait_until(lambda: light(late["id"], "red"), what="red")

    async def red_done() -> bool:
        timer = await Timer.find_one(Timer.key == f"duban.light:{late['id']}:red")
        return timer is not None and timer.status == "done"

    await wait_until(red_done, what="the red light's messages")
    for who in ("lixiaodong", "majun"):
        texts = [m.content for m in await dms_from("bot.reminder", org.users[who])]
        assert sum("黄灯" in t for t in texts) == 1 and sum("红灯" in t for t in texts) == 1
    assert await light(later["id"], "green")
    org.tokens.clear()
    _, listed = await world.api("GET", "/api/v1/duban", await org.token("lixiaodong"))
    assert [i["title"] for i in listed["items"]] == ["甲项", "乙项"] and (listed["red"], listed["green"]) == (1, 1)
    # A closed item's remaining light timers do nothing.
    assert await Timer.find({"kind": "duban.light", "status": "pending"}).count() == 2  # 乙项's


async def test_the_demo_has_an_open_duban_item_and_pending_reminders(world: World) -> None:
    from hub.models.reminders import Reminder
    from hub.seed.demo import DEMO_PASSWORD, load_demo

    await load_demo(world.hub)
    await load_demo(world.hub)  # twice changes nothing
    assert await DubanItem.count() == 2 and await Reminder.find(Reminder.status == "pending").count() == 2
    token = await world.login("lixiaodong", DEMO_PASSWORD)
    _, listed = await world.api("GET", "/api/v1/duban", token)
    stages = {i["title"]: (i["stage"], i["percent"], i["closed"]) for i in listed["items"]}
    assert stages["推进政务服务“一网通办”事项梳理"] == ("办理", 35, False)
    assert stages["报送全市重点项目推进情况"][0] == "签收"


async def test_reminders_on_a_task_a_process_and_a_card_and_a_duban_from_a_card(world: World) -> None:
    from hub.workflow.documents import ProcessInstance

    org = await build_org(world)
    deadline = next_weekday(world.hub, 4, at_least_days=7).isoformat()
    status, item = await _open(org, "lixiaodong", deadline=deadline)
    assert status == 200
    inst = await ProcessInstance.get(item["instance_id"])
    assert inst is not None
    # 马军's 待办 (his own Assignment), and the process card in 市财政局's channel.
    task = (await org.tasks("majun"))["tasks"][0]
    card_id = item["instance_id"]  # a process card has its instance's id; 马军 has it from 流程助手
    cases = [("majun", "task", task["id"], 200), ("zhangsan", "task", task["id"], 404),
             ("lixiaodong", "process", item["instance_id"], 200), ("outsider", "process", item["instance_id"], 404),
             ("majun", "card", card_id, 200), ("zhangsan", "card", card_id, 404)]
    for who, kind, target, code in cases:
        status, body = await world.api("POST", "/api/v1/reminders", await org.token(who),
                                       json={"request_id": _rid(), "preset": "in_1h",
                                             "target": {"kind": kind, "id": target}})
        assert status == code, (who, kind, body)
        if code == 200:
            assert body["link"].startswith("/work/i/" if kind != "card" else "/c/")
    # A leader who sees a card can open a 督办 from it; the item remembers its source. Others cannot.
    body = {"request_id": _rid(), "title": "落实卡片事项", "body": "按卡片要求办理", "host_unit_id": str(org.czj.id),
            "deadline": deadline, "source": {"kind": "card", "id": card_id}}
    status, _ = await world.api("POST", "/api/v1/duban", await org.token("majun"), json=body)
    assert status == 403  # 马军 heads a unit but is not a leader or the office
    status, from_card = await world.api("POST", "/api/v1/duban", await org.token("lixiaodong"), json=body)
    assert status == 200 and (from_card["source_kind"], from_card["source_id"]) == ("card", card_id)
