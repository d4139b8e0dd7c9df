"""办件 on the work engine: every stage is a 待办 on the 工作台 of the 实施机关's staff, with the statutory due time."""

from __future__ import annotations

from typing import Any

from hub.actions.licensing_monitor import BOT_KEY, licensing_bot
from hub.models.licensing import LicensingCase
from hub.workflow.documents import Assignment, ProcessInstance
from tests.conftest import World
from tests.licensing_fixtures import LicOrg, at, build_licensing, end_of, wire_time
from tests.test_licensing_intake import push

STAFF = {"caiyan", "liming", "panxin"}  # the 政务服务中心 implements food-business in the fixture


async def pending(org: LicOrg, username: str) -> list[dict[str, Any]]:
    status, body = await org.api(username, "GET", "/api/v1/tasks", params={"box": "pending"})
    assert status == 200, body
    return [t for t in body["tasks"] if t["definition_key"] == "licensing"]


async def instance(org: LicOrg, case_id: str, username: str = "caiyan") -> dict[str, Any]:
    stored = await LicensingCase.get(case_id)
    assert stored is not None and stored.instance_id is not None
    status, body = await org.api(username, "GET", f"/api/v1/instances/{stored.instance_id}")
    assert status == 200, body
    return dict(body)


async def test_each_stage_is_a_task_of_the_units_staff_due_when_the_law_says(world: World) -> None:
    org = await build_licensing(world)
    receipt = await org.submit()
    cid = receipt["case_id"]
    for name in STAFF:
        tasks = await pending(org, name)
        assert [(t["step_name"], wire_time(t["due_at"])) for t in tasks] == [("受理", end_of(org.day(5)))], name
        assert tasks[0]["title"] == "食品经营许可：白银市鑫源餐饮管理有限公司"
    assert await pending(org, "guoying") == []  # another department's staff
    # The process is about the case, and its steps are pressed on the case's page only.
    inst = await instance(org, cid)
    assert inst["subject"] == {"kind": "licensing_case", "id": cid}
    assert inst["current_step"] == "受理" and "approve" not in inst["my_actions"]
    status, body = await org.api("caiyan", "POST", f"/api/v1/instances/{inst['id']}/actions",
                                 json={"op": "approve", "request_id": "lic-direct-approve"})
    assert status == 403 and body["error"]["code"] == "action_not_allowed"
    assert (await org.case(cid))["status"] == "submitted"
    status, _ = await org.api("outsider", "GET", f"/api/v1/instances/{inst['id']}")
    assert status == 404

    await org.act(cid, "accept", username="liming")
    assert [t["step_name"] for t in await pending(org, "caiyan")] == ["审查与决定"]
    decide_due = end_of(org.day(29))
    assert wire_time((await pending(org, "panxin"))[0]["due_at"]) == decide_due
    status, done = await org.api("liming", "GET", "/api/v1/tasks", params={"box": "done"})
    assert [t["step_name"] for t in done["tasks"] if t["definition_key"] == "licensing"] == ["受理"]

    # A pause for 专家评审 stops the clock: the 待办 has no due time until it resumes.
    await org.act(cid, "pause", pause_kind="专家评审", reason="组织专家评审")
    assert (await pending(org, "caiyan"))[0]["due_at"] is None
    org.move_to(at(org.day(2), 9))
    case = await org.act(cid, "resume")
    assert (await pending(org, "caiyan"))[0]["due_at"] == case["due_at"]
    await org.act(cid, "extend", reason="需补充现场核查")
    case = await org.act(cid, "approve_extension", username="panxin")
    assert wire_time(case["due_at"]) > decide_due
    assert (await pending(org, "liming"))[0]["due_at"] == case["due_at"]

    case = await org.act(cid, "decide", granted=True, reason="符合法定条件，准予许可")
    assert [t["step_name"] for t in await pending(org, "caiyan")] == ["送达"]
    assert (await pending(org, "caiyan"))[0]["due_at"] == case["due_at"]
    await org.act(cid, "deliver", text="窗口领取")
    for name in STAFF:
        assert await pending(org, name) == []
    inst = await instance(org, cid)
    assert inst["status"] == "approved"
    kinds = [(e["kind"], e["step_name"], e["actor_name"]) for e in inst["trail"]]
    assert kinds == [("start", None, "蔡燕"), ("approve", "受理", "李明"), ("approve", "审查与决定", "蔡燕"),
                     ("approve", "送达", "蔡燕")]
    assert inst["trail"][2]["opinion"] == "符合法定条件，准予许可"


async def test_correction_clears_the_due_time_and_a_refusal_ends_the_process(world: World) -> None:
    org = await build_licensing(world)
    cid = (await org.submit(materials=["application", "license"]))["case_id"]
    await org.act(cid, "correction", missing=["legal_id", "layout"])
    tasks = await pending(org, "caiyan")
    assert [(t["step_name"], t["due_at"]) for t in tasks] == [("受理", None)]  # waits for the applicant
    await org.act(cid, "refuse", reason="申请事项依法不需要取得行政许可")
    assert await pending(org, "caiyan") == []
    inst = await instance(org, cid)
    assert inst["status"] == "rejected"
    assert inst["trail"][-1]["kind"] == "reject" and inst["trail"][-1]["opinion"] == "申请事项依法不需要取得行政许可"


async def test_an_act_refused_by_the_case_moves_neither_the_case_nor_the_process(world: World) -> None:
    org = await build_licensing(world)
    cid = (await org.submit(materials=["application"]))["case_id"]
    before = await instance(org, cid)
    status, body = await org.api("caiyan", "POST", f"/api/v1/licensing/cases/{cid}/act",
                                 json={"act": "accept", "version": 0})
    assert status == 409 and body["error"]["code"] == "conflict"  # materials missing: send a 补正 notice
    status, body = await org.api("guoying", "POST", f"/api/v1/licensing/cases/{cid}/act",
                                 json={"act": "refuse", "version": 0, "reason": "x"})
    assert status in (403, 404)
    after = await instance(org, cid)
    assert after["version"] == before["version"] and after["current_step"] == "受理"
    assert (await org.case(cid))["status"] == "submitted"


async def test_a_retry_after_the_case_lost_its_compare_and_set_catches_up(world: World) -> None:
    """The process moved, then a light changed the case's version before its compare-and-set: the retry
    on the new version finds the step decided and only moves the case."""
    org = await build_licensing(world)
    cid = (await org.submit())["case_id"]
    stored = await LicensingCase.get(cid)
    assert stored is not None and stored.instance_id is not None
    from hub.actions.licensing_flow import do_follow_case
    await do_follow_case(world.hub, org.users["caiyan"], stored, "accept", None, None)
    await LicensingCase.get_pymongo_collection().update_one({"_id": stored.id}, {"$inc": {"version": 1}})
    case = await org.act(cid, "accept", username="liming")
    assert case["status"] == "review"
    inst = await ProcessInstance.get(stored.instance_id)
    assert inst is not None and [r.step_key for r in inst.state.runs] == ["accept", "decide"]
    assert await Assignment.find({"instance_id": inst.id, "status": "open"}).count() == len(STAFF)


async def test_a_pushed_application_is_started_by_the_halls_bot(world: World) -> None:
    from hub.actions.integrations import do_create_integration

    org = await build_licensing(world, calendar=False)
    bot = await licensing_bot()
    _, secret = await do_create_integration(world.hub, None, "zwdt", "政务大厅窗口系统", BOT_KEY)
    status, receipt = await push(world, "zwdt", secret, {
        "matter_key": "food-business", "applicant": {"kind": "citizen", "name": "王小兰", "phone": "13909430001"},
        "materials": ["application"]})
    assert status == 201, receipt
    stored = await LicensingCase.get(receipt["case_id"])
    assert stored is not None and stored.instance_id is not None
    inst = await ProcessInstance.get(stored.instance_id)
    assert inst is not None and inst.initiator_id == str(bot.id)
    assert [t["title"] for t in await pending(org, "liming")] == ["食品经营许可：王小兰"]
