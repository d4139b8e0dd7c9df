"""The shipped internal approvals end to end through HTTP: 请假 by working days, 用印 and 用车 by 岗位, 采购 over
¥50,000 to the 市长, and 签报 with its 会签."""

from __future__ import annotations

from typing import Any

import pytest

from hub.actions.workflow_admin import shipped_definitions
from hub.settings import Settings
from tests.approvals_fixtures import build_office_org
from tests.conftest import World, make_settings
from tests.workflow_fixtures import LEAVE, Org


@pytest.fixture
async def org(world: World) -> Org:
    return await build_office_org(world)


@pytest.fixture
def settings(store_kwargs: dict[str, Any]) -> Settings:
    return make_settings(session_ttl_hours=24 * 60, session_idle_minutes=60 * 24 * 60, **store_kwargs)


def _holders(inst: dict[str, Any]) -> list[str]:
    return [h["name"] for h in inst["current_holders"]]


async def _approve(org: Org, username: str, inst: dict[str, Any], **extra: Any) -> dict[str, Any]:
    status, body = await org.act(username, inst["id"], "approve", **extra)
    assert status == 200, body
    result: dict[str, Any] = body["instance"]
    return result


def test_every_internal_approval_ships_with_a_real_form() -> None:
    shipped = {d.key: d for d in shipped_definitions()}
    assert {"leave", "seal", "vehicle", "purchase", "signoff"} <= set(shipped)
    for key in ("leave", "seal", "vehicle", "purchase", "signoff"):
        assert any(f.required for f in shipped[key].form.fields), key


async def test_leave_days_are_counted_from_the_period_in_working_days(org: Org) -> None:
    # 30 Sep to 11 Oct 2026: twelve days, of which four are working days (国庆 and a 调休 Saturday, 10 Oct).
    form = {"kind": "年休假", "period": ["2026-09-30", "2026-10-11"], "reason": "探亲"}
    status, inst = await org.start("zhangsan", "leave", form)
    assert status == 200, inst
    assert inst["form"]["days"] == 4
    inst = await _approve(org, "majun", inst)
    assert inst["current_step"] == "分管领导审批" and _holders(inst) == ["李晓东"]
    inst = await _approve(org, "lixiaodong", inst)
    assert inst["status"] == "approved"
    # Thursday to the 调休 Saturday: three working days, which the head decides alone.
    status, short = await org.start("zhangsan", "leave", {**form, "period": ["2026-10-08", "2026-10-10"]})
    assert status == 200 and short["form"]["days"] == 3
    assert (await _approve(org, "majun", short))["status"] == "approved"


async def test_a_typed_number_of_days_must_match_the_period(org: Org) -> None:
    # Two working days typed as five would have sent it past the head; a half day less is allowed.
    status, body = await org.start("zhangsan", "leave", {**LEAVE, "days": 5})
    assert status == 400 and body["error"]["code"] == "invalid_request" and "2 working days" in body["error"]["detail"]
    status, body = await org.start("zhangsan", "leave", {**LEAVE, "days": 1})
    assert status == 400
    status, body = await org.start("zhangsan", "leave", {**LEAVE, "period": ["2026-10-01", "2026-10-07"],
                                                         "days": None})
    assert status == 400 and "no working day" in body["error"]["detail"]
    assert (await org.tasks("zhangsan", "started"))["counts"]["started"] == 0
    status, half = await org.start("zhangsan", "leave", {**LEAVE, "days": 1.5})
    assert status == 200 and half["form"]["days"] == 1.5


SEAL = {"title": "报送年度预算报告", "document": "关于2027年度部门预算的报告", "seal": "单位公章", "copies": 3,
        "on_date": "2026-12-08"}


async def test_seal_use_is_held_by_the_seal_keeper_position(org: Org) -> None:
    status, inst = await org.start("zhangsan", "seal", SEAL)
    assert status == 200, inst
    assert inst["title"] == "报送年度预算报告" and _holders(inst) == ["马军"]
    inst = await _approve(org, "majun", inst)
    assert inst["current_step"] == "印章管理岗用印" and _holders(inst) == ["王琳"]
    status, body = await org.act("lisi", inst["id"], "approve")
    assert status in (403, 404, 409), body  # not the keeper: nothing changes
    pending = await org.tasks("sealkeeper")
    assert [t["instance_id"] for t in pending["tasks"]] == [inst["id"]]
    inst = await _approve(org, "sealkeeper", inst, opinion="已盖章3份")
    assert inst["status"] == "approved" and inst["trail"][-1]["opinion"] == "已盖章3份"
    status, body = await org.start("zhangsan", "seal", {**SEAL, "seal": "私章"})
    assert status == 400


VEHICLE = {"destination": "会宁县会师镇", "depart_at": "2026-12-08 08:30", "return_at": "2026-12-08 18:00",
           "passengers": 3, "purpose": "调研乡村振兴项目"}


async def test_vehicle_request_goes_to_the_pool_manager(org: Org) -> None:
    status, inst = await org.start("zhangsan", "vehicle", {**VEHICLE, "riders": [org.id("lisi")]})
    assert status == 200, inst
    assert inst["form"]["depart_at"] == "2026-12-08 08:30" and inst["title"] == "会宁县会师镇"
    inst = await _approve(org, "majun", inst)
    assert inst["current_step"] == "车辆管理岗派车" and _holders(inst) == ["赵刚"]
    inst = await _approve(org, "driverdesk", inst, opinion="派车甘D·A1234，司机刘师傅")
    assert inst["status"] == "approved"
    for bad in ({**VEHICLE, "depart_at": "明天上午"}, {**VEHICLE, "depart_at": "2026-13-08 08:30"},
                {**VEHICLE, "passengers": 0}, {**VEHICLE, "riders": ["0" * 24]}):
        status, _ = await org.start("zhangsan", "vehicle", bad)
        assert status == 400, bad


PURCHASE = {"title": "办公电脑采购", "items": "台式计算机 10台 单价4800元", "amount": "48000.00",
            "funding": "部门预算", "method": "询价", "reason": "更新超过使用年限的设备"}


async def test_purchase_up_to_fifty_thousand_ends_with_the_leader_in_charge(org: Org) -> None:
    status, inst = await org.start("zhangsan", "purchase", PURCHASE)
    assert status == 200, inst
    inst = await _approve(org, "majun", inst)
    assert inst["current_step"] == "分管领导审批"
    inst = await _approve(org, "lixiaodong", inst)
    assert inst["status"] == "approved"
    status, edge = await org.start("zhangsan", "purchase", {**PURCHASE, "amount": "50000"})
    assert status == 200
    edge = await _approve(org, "lixiaodong", await _approve(org, "majun", edge))
    assert edge["status"] == "approved"  # exactly ¥50,000 is not over


async def test_purchase_over_fifty_thousand_goes_on_to_the_mayor(org: Org) -> None:
    status, inst = await org.start("zhangsan", "purchase", {**PURCHASE, "amount": "50000.01"})
    assert status == 200, inst
    inst = await _approve(org, "lixiaodong", await _approve(org, "majun", inst))
    assert inst["current_step"] == "市长审批" and _holders(inst) == ["陈志远"]
    assert (await org.tasks("chenzhiyuan"))["counts"]["pending"] == 1
    inst = await _approve(org, "chenzhiyuan", inst)
    assert inst["status"] == "approved"
    assert [(t["kind"], t["actor_name"]) for t in inst["trail"]] == [
        ("start", "张三"), ("approve", "马军"), ("approve", "李晓东"), ("approve", "陈志远")]
    for bad in ({**PURCHASE, "amount": "1.005"}, {**PURCHASE, "amount": "-5"}, {**PURCHASE, "funding": "借款"}):
        status, _ = await org.start("zhangsan", "purchase", bad)
        assert status == 400, bad


async def test_signoff_is_countersigned_by_the_chosen_then_signed_by_the_leader(org: Org) -> None:
    form = {"title": "关于调整办公用房的请示", "urgency": "加急", "body": "拟将预算科调整至三楼。"}
    status, inst = await org.start("zhangsan", "signoff", form, chosen={"countersign": [org.id("lisi")]})
    assert status == 200, inst
    inst = await _approve(org, "majun", inst)
    assert inst["current_step"] == "相关部门会签" and _holders(inst) == ["李四"]
    inst = await _approve(org, "lisi", inst)
    assert inst["current_step"] == "分管领导签批"
    status, body = await org.act("lixiaodong", inst["id"], "approve")
    assert status == 400 and body["error"]["code"] == "opinion_required"
    inst = await _approve(org, "lixiaodong", inst, opinion="同意")
    assert inst["status"] == "approved"


def test_form_extensions_are_checked_when_a_definition_is_read() -> None:
    from pydantic import ValidationError

    from hub.workflow.definition import Definition, FormSchema, check_form

    base = {"key": "x", "name": "x", "steps": [{"key": "a", "name": "a", "approvers": [{"kind": "chosen"}]}]}
    fields = [{"key": "when", "label": "时间", "kind": "datetime"},
              {"key": "days", "label": "天数", "kind": "number", "workdays_of": "when"}]
    with pytest.raises(ValidationError, match="workdays_of"):
        Definition.model_validate({**base, "form": {"fields": fields}})
    schema = FormSchema.model_validate({"fields": fields[:1]})
    assert check_form(schema, {"when": "2026-12-08T08:30"}) == ({"when": "2026-12-08 08:30"}, [])
    for bad in ("2026-12-08", "2026-12-08 25:00", "2026-12-08 08:30:00", 20261208):
        assert check_form(schema, {"when": bad})[1], bad
