"""行政审批 cases through the API: 办件编号, working-day limits across a 调休 weekend, 补正, pauses, extension."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime

from hub.actions.licensing_monitor import LIGHT_TIMER
from hub.models import Timer
from hub.models.licensing import LicensingCase
from tests.conftest import World
from tests.licensing_fixtures import at, build_licensing, end_of, wire_time


async def test_receipt_number_and_accept_limit_across_a_tiaoxiu_weekend(world: World) -> None:
    org = await build_licensing(world)
    receipt = await org.submit()
    year = org.monday.year
    assert receipt["number"] == f"620400{year}XK00117001000001"
    assert len(receipt["query_code"]) == 8
    # Monday + 5 working days: Tue..Fri and the 调休 Saturday.
    assert wire_time(receipt["accept_due_at"]) == end_of(org.day(5))
    second = await org.submit()
    assert second["number"].endswith("000002")
    stored = await LicensingCase.find_one(LicensingCase.number == receipt["number"])
    assert stored is not None and receipt["query_code"] not in stored.model_dump_json()
    case = await org.case(receipt["case_id"])
    assert case["status"] == "submitted" and case["light"] == "green"


async def test_numbers_are_unique_under_concurrency(world: World) -> None:
    org = await build_licensing(world, calendar=False)
    await org.token("caiyan")  # once: twelve parallel logins would look like an attack
    receipts = await asyncio.gather(*(org.submit() for _ in range(12)))
    numbers = sorted(r["number"] for r in receipts)
    assert len(set(numbers)) == 12
    assert [n[-6:] for n in numbers] == [f"{i:06d}" for i in range(1, 13)]


async def test_decision_due_in_20_working_days_then_decide_and_deliver(world: World) -> None:
    org = await build_licensing(world)
    receipt = await org.submit()
    cid = receipt["case_id"]
    case = await org.act(cid, "accept")
    assert case["status"] == "review"
    # Days 1-5, 9-11, 14-18, 21-25, 28-29: the 20th working day after Monday is day 29.
    assert wire_time(case["due_at"]) == end_of(org.day(29))
    await org.act(cid, "opinion", text="材料齐全，现场核查符合要求，建议准予。")
    org.move_to(at(org.day(9), 10))
    case = await org.act(cid, "decide", granted=True, reason="符合《食品经营许可和备案管理办法》规定的条件")
    assert case["status"] == "decided" and case["decide_days"] == 6
    assert "行政复议" in case["decision"]["appeal"]
    assert wire_time(case["due_at"]) == end_of(org.day(23))  # 送达 within 10 working days
    case = await org.act(cid, "deliver", text="窗口领取")
    assert case["status"] == "delivered" and case["due_at"] is None
    names = [s["name"] for s in case["stages"]]
    assert names == ["申请/收件", "受理", "准予许可", "送达（办结）"]


async def test_correction_once_and_the_clock_starts_when_complete(world: World) -> None:
    org = await build_licensing(world)
    cid = (await org.submit(materials=["application", "license", "legal_id"]))["case_id"]
    await org.act(cid, "accept", expect=409)  # materials missing: 补正 first
    await org.act(cid, "correction", missing=["nope"], expect=400)
    case = await org.act(cid, "correction", missing=["layout", "safety_rules"])
    assert case["status"] == "correction" and case["due_at"] is None
    assert case["correction"] == ["经营设施设备布局和操作流程图",
                                  "食品安全自查、从业人员健康管理等保证食品安全的规章制度"]
    await org.act(cid, "correction", missing=["layout"], expect=409)  # one notice lists everything
    org.move_to(at(org.day(2), 10))
    case = await org.act(cid, "complete")
    assert case["status"] == "review"
    # 20 working days from Wednesday (day 2): 3-5, 9-11, 14-18, 21-25, 28-31.
    assert wire_time(case["due_at"]) == end_of(org.day(31))


async def test_pause_for_expert_review_gives_the_time_back(world: World) -> None:
    org = await build_licensing(world)
    cid = (await org.submit())["case_id"]
    await org.act(cid, "accept")
    org.move_to(at(org.day(2), 10))
    case = await org.act(cid, "pause", pause_kind="专家评审", reason="组织专家对经营场所布局评审")
    assert case["paused"] and case["due_at"] is None
    await org.act(cid, "decide", granted=True, reason="x", expect=409)  # not while the clock is stopped
    org.move_to(at(org.day(4), 10))
    case = await org.act(cid, "resume")
    # Two working days (Thu, Fri) given back: 22 working days after Monday is day 31.
    assert not case["paused"] and wire_time(case["due_at"]) == end_of(org.day(31))
    org.move_to(at(org.day(9), 10))
    case = await org.act(cid, "decide", granted=False, reason="经营场所不符合要求")
    assert case["decide_days"] == 6 - 2


async def test_extension_needs_the_head_and_tells_the_applicant(world: World) -> None:
    org = await build_licensing(world)
    cid = (await org.submit())["case_id"]
    await org.act(cid, "accept")
    await org.act(cid, "extend", expect=400)  # a reason is required
    case = await org.act(cid, "extend", reason="需现场核查多个经营场所")
    assert case["extension"]["approved"] is False
    assert wire_time(case["due_at"]) == end_of(org.day(29))
    await org.act(cid, "approve_extension", expect=403)  # a clerk is not the head
    await org.act(cid, "decide", granted=True, reason="x", expect=409)  # waiting for approval
    case = await org.act(cid, "approve_extension", username="panxin")
    assert case["extension"]["approved"] is True
    # +10 working days after day 29: 30-32, 35-39, 42-43.
    assert wire_time(case["due_at"]) == end_of(org.day(43))
    await org.act(cid, "extend", reason="again", expect=409)


async def test_bad_input_and_outsiders_change_nothing(world: World) -> None:
    org = await build_licensing(world, calendar=False)
    bad = {"matter_key": "food-business", "applicant": {"kind": "robot", "name": "x", "phone": "1"}}
    status, _ = await org.api("caiyan", "POST", "/api/v1/licensing/cases", json=bad)
    assert status == 400
    body = {"matter_key": "food-business", "applicant": {"kind": "citizen", "name": "张三", "phone": "13800000000"},
            "materials": ["application", "nonsense"]}
    status, _ = await org.api("caiyan", "POST", "/api/v1/licensing/cases", json=body)
    assert status == 400
    body["materials"] = ["application"]
    status, _ = await org.api("outsider", "POST", "/api/v1/licensing/cases", json=body)
    assert status == 403
    body["applicant"] = {"kind": "citizen", "name": "绝密文件", "phone": "13800000000"}
    status, _ = await org.api("caiyan", "POST", "/api/v1/licensing/cases", json=body)
    assert status == 422
    assert await LicensingCase.find_all().count() == 0
    cid = (await org.submit())["case_id"]
    status, _ = await org.api("outsider", "GET", f"/api/v1/licensing/cases/{cid}")
    assert status == 404
    status, _ = await org.api("caiyan", "GET", "/api/v1/licensing/cases/nonsense")
    assert status == 404
    status, body = await org.api("caiyan", "POST", f"/api/v1/licensing/cases/{cid}/act",
                                 json={"act": "accept", "version": 7})
    assert status == 409
    status, _ = await org.api("guoying", "POST", f"/api/v1/licensing/cases/{cid}/act",
                              json={"act": "accept", "version": 0})
    assert status == 404  # another department's case does not exist for them
    assert (await org.case(cid))["status"] == "submitted"


async def test_light_timers_follow_the_clock_epochs(world: World) -> None:
    org = await build_licensing(world)
    cid = (await org.submit())["case_id"]
    timers = await Timer.find({"kind": LIGHT_TIMER}).to_list()
    assert sorted(t.key.rsplit(":", 1)[1] for t in timers) == ["red", "yellow"]
    yellow = next(t for t in timers if t.key.endswith("yellow"))
    # 受理: 5 days of 7 office hours; yellow with one working day (7 h) left: Friday 17:30.
    assert yellow.due_at.replace(tzinfo=UTC) == at(org.day(4), 17, 30).astimezone(UTC)
    await org.act(cid, "accept")
    assert await Timer.find({"kind": LIGHT_TIMER}).count() == 4
    assert datetime.now(UTC) < org.world.hub.clock.now()
