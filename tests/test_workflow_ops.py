"""Each operation on a process through the API: who may, what it changes, and what bad input changes (nothing)."""

from __future__ import annotations

from datetime import timedelta

import pytest

from tests.conftest import World
from tests.workflow_fixtures import LEAVE, LONG_LEAVE, Org, build_org


@pytest.fixture
async def org(world: World) -> Org:
    return await build_org(world)


async def _pending(org: Org, username: str) -> list[str]:
    return [t["instance_id"] for t in (await org.tasks(username))["tasks"]]


async def test_reject_needs_an_opinion_and_ends_the_process(org: Org) -> None:
    _, inst = await org.start("zhangsan", "leave", LEAVE)
    status, body = await org.act("majun", inst["id"], "reject")
    assert status == 400 and body["error"]["code"] == "opinion_required"
    assert (await org.get("majun", inst["id"]))[1]["version"] == inst["version"]
    status, body = await org.act("majun", inst["id"], "reject", opinion="工作繁忙，请调整时间")
    assert status == 200 and body["instance"]["status"] == "rejected"
    assert await _pending(org, "majun") == []
    assert [t["status"] for t in (await org.tasks("majun", "done"))["tasks"]] == ["done"]


async def test_missing_and_forbidden_look_the_same_and_only_holders_act(org: Org) -> None:
    _, inst = await org.start("zhangsan", "leave", LEAVE)
    for who in ("outsider", "lisi"):
        status, body = await org.get(who, inst["id"])
        assert status == 404 and body["error"]["code"] == "not_found"
        status, _ = await org.act(who, inst["id"], "approve")
        assert status == 404
    assert (await org.get("outsider", "0" * 24))[0] == 404
    assert (await org.get("outsider", "nonsense"))[0] == 404
    status, body = await org.act("zhangsan", inst["id"], "approve")
    assert status == 403 and body["error"]["code"] == "action_not_allowed"
    status, body = await org.act("majun", inst["id"], "void", opinion="x")
    assert status == 403
    status, body = await org.act("majun", inst["id"], "approve", extra_field=1)
    assert status == 400
    status, seen = await org.get("sysadmin", inst["id"])
    assert status == 200 and "void" in seen["my_actions"] and "approve" not in seen["my_actions"]
    assert [t["kind"] for t in seen["trail"]] == ["start"]


async def test_a_request_id_acts_once_and_is_scoped_to_instance_and_action(org: Org) -> None:
    _, first = await org.start("zhangsan", "leave", LONG_LEAVE)
    _, second = await org.start("zhangsan", "leave", LEAVE)
    one = await org.act("majun", first["id"], "approve", request_id="req-00000001")
    again = await org.act("majun", first["id"], "approve", request_id="req-00000001")
    assert one[0] == again[0] == 200
    assert [t["kind"] for t in again[1]["instance"]["trail"]] == ["start", "approve"]
    status, body = await org.act("majun", second["id"], "approve", request_id="req-00000001")
    assert status == 409 and body["error"]["code"] == "request_id_reused"
    status, body = await org.act("majun", first["id"], "reject", opinion="x", request_id="req-00000001")
    assert status == 409 and body["error"]["code"] == "request_id_reused"
    assert await _pending(org, "majun") == [second["id"]]
    # A crash after the CAS leaves the Assignments behind: the client's retry brings them in line.
    from hub.workflow.documents import Assignment

    coll = Assignment.get_pymongo_collection()
    await coll.delete_many({"user_id": org.id("lixiaodong")})
    await coll.update_many({"user_id": org.id("majun")}, {"$set": {"status": "open"}})
    assert await _pending(org, "lixiaodong") == []
    assert (await org.act("majun", first["id"], "approve", request_id="req-00000001"))[0] == 200
    assert await _pending(org, "lixiaodong") == [first["id"]]
    assert await _pending(org, "majun") == [second["id"]]
    # The same start request twice starts one instance.
    start: dict[str, object] = {"definition_key": "leave", "form": LEAVE, "request_id": "start-same-0001"}
    token = await org.token("lisi")
    a = await org.world.api("POST", "/api/v1/instances", token, json=start)
    b = await org.world.api("POST", "/api/v1/instances", token, json=start)
    assert a[1]["id"] == b[1]["id"]
    assert (await org.tasks("lisi", "started"))["counts"]["started"] == 1


async def test_add_sign_before_asks_first_then_returns_to_the_adder(org: Org) -> None:
    _, inst = await org.start("zhangsan", "leave", LEAVE)
    status, body = await org.act("majun", inst["id"], "add_sign", position="before", users=[org.id("lisi")])
    assert status == 200, body
    assert [h["name"] for h in body["instance"]["current_holders"]] == ["李四"]
    assert await _pending(org, "majun") == [] and await _pending(org, "lisi") == [inst["id"]]
    status, body = await org.act("lisi", inst["id"], "approve", opinion="情况属实")
    assert status == 200 and [h["name"] for h in body["instance"]["current_holders"]] == ["马军"]
    status, body = await org.act("majun", inst["id"], "approve")
    assert body["instance"]["status"] == "approved"


async def test_add_sign_after_and_in_parallel(org: Org) -> None:
    _, inst = await org.start("zhangsan", "leave", LEAVE)
    await org.act("majun", inst["id"], "add_sign", position="after", users=[org.id("lisi")])
    _, body = await org.act("majun", inst["id"], "approve")
    assert body["instance"]["status"] == "running" and await _pending(org, "lisi") == [inst["id"]]
    _, body = await org.act("lisi", inst["id"], "approve")
    assert body["instance"]["status"] == "approved"
    _, other = await org.start("zhangsan", "leave", LEAVE)
    await org.act("majun", other["id"], "add_sign", position="parallel", users=[org.id("lisi")])
    _, body = await org.act("lisi", other["id"], "approve")  # 或签: one of them decides
    assert body["instance"]["status"] == "approved"
    assert await _pending(org, "majun") == []
    status, body = await org.act("majun", other["id"], "add_sign", position="parallel", users=["f" * 24])
    assert status == 403  # the process ended: nothing more to add


async def test_transfer_hands_the_turn_over(org: Org) -> None:
    _, inst = await org.start("zhangsan", "leave", LEAVE)
    status, body = await org.act("majun", inst["id"], "transfer", users=["a" * 24])
    assert status == 400
    _, body = await org.act("majun", inst["id"], "transfer", users=[org.id("lisi")], opinion="请李四代为审批")
    assert [h["name"] for h in body["instance"]["current_holders"]] == ["李四"]
    assert await _pending(org, "majun") == []
    status, _ = await org.act("majun", inst["id"], "approve")
    assert status == 403
    _, body = await org.act("lisi", inst["id"], "approve")
    assert body["instance"]["status"] == "approved"
    assert (await org.get("majun", inst["id"]))[0] == 200  # held it once: may still read it
    # Handed over and back (found by the stateful test): the 待办 stays with the one who holds it now.
    _, back = await org.start("zhangsan", "leave", LEAVE)
    await org.act("majun", back["id"], "transfer", users=[org.id("lisi")])
    await org.act("lisi", back["id"], "transfer", users=[org.id("majun")])
    await org.act("zhangsan", back["id"], "cc", users=[org.id("lisi")])
    assert await _pending(org, "majun") == [back["id"]] and await _pending(org, "lisi") == []


async def test_return_to_the_initiator_resubmits_straight_to_the_step_that_sent_it_back(org: Org) -> None:
    _, inst = await org.start("zhangsan", "leave", LONG_LEAVE)
    await org.act("majun", inst["id"], "approve")
    status, body = await org.act("lixiaodong", inst["id"], "return", target="initiator")
    assert status == 400 and body["error"]["code"] == "opinion_required"
    status, body = await org.act("lixiaodong", inst["id"], "return", target="nosuch", opinion="补充材料")
    assert status == 400
    _, body = await org.act("lixiaodong", inst["id"], "return", target="initiator", opinion="补充病假证明")
    assert body["instance"]["current_step"] == "发起人修改"
    assert await _pending(org, "zhangsan") == [inst["id"]]
    _, body = await org.act("zhangsan", inst["id"], "approve", opinion="已补充")
    assert body["instance"]["current_step"] == "分管领导审批"
    assert [t["kind"] for t in body["instance"]["trail"]][-1] == "resubmit"
    _, body = await org.act("lixiaodong", inst["id"], "return", target="head", opinion="请部门再核")
    assert body["instance"]["current_step"] == "部门负责人审批"
    _, body = await org.act("majun", inst["id"], "approve")
    assert body["instance"]["current_step"] == "分管领导审批"
    _, body = await org.act("lixiaodong", inst["id"], "approve")
    assert body["instance"]["status"] == "approved"


async def test_withdraw_only_while_nothing_is_decided(org: Org) -> None:
    _, inst = await org.start("zhangsan", "leave", LEAVE)
    status, _ = await org.act("lisi", inst["id"], "withdraw")
    assert status == 404
    _, body = await org.act("zhangsan", inst["id"], "withdraw")
    assert body["instance"]["status"] == "withdrawn" and await _pending(org, "majun") == []
    _, long = await org.start("zhangsan", "leave", LONG_LEAVE)
    await org.act("majun", long["id"], "approve")
    status, body = await org.act("zhangsan", long["id"], "withdraw")
    assert status == 403


async def test_retrieve_by_the_last_actor_until_the_next_acts(org: Org) -> None:
    _, inst = await org.start("zhangsan", "leave", LONG_LEAVE)
    await org.act("majun", inst["id"], "approve")
    assert await _pending(org, "lixiaodong") == [inst["id"]]
    _, body = await org.act("majun", inst["id"], "retrieve")
    assert body["instance"]["current_step"] == "部门负责人审批"
    assert await _pending(org, "lixiaodong") == [] and await _pending(org, "majun") == [inst["id"]]
    status, _ = await org.act("majun", inst["id"], "retrieve")
    assert status == 403
    await org.act("majun", inst["id"], "approve")
    await org.act("lixiaodong", inst["id"], "return", target="head", opinion="再议")
    status, _ = await org.act("majun", inst["id"], "retrieve")
    assert status == 403


async def test_cc_urge_and_void(org: Org) -> None:
    lisi_socket = await org.world.socket(await org.token("lisi"))
    majun_socket = await org.world.socket(await org.token("majun"))
    _, inst = await org.start("zhangsan", "leave", LEAVE)
    _, body = await org.act("zhangsan", inst["id"], "cc", users=[org.id("lisi")])
    await lisi_socket.wait_for("task.created", where=lambda e: e["task"]["box"] == "cc")
    cc = await org.tasks("lisi", "cc")
    assert [t["instance_id"] for t in cc["tasks"]] == [inst["id"]]
    status, seen = await org.get("lisi", inst["id"])
    assert status == 200 and "approve" not in seen["my_actions"]
    status, body = await org.act("zhangsan", inst["id"], "urge")
    assert status == 200
    await majun_socket.wait_for("task.updated", where=lambda e: e["task"]["urged_at"] is not None)
    status, body = await org.act("zhangsan", inst["id"], "urge")
    assert status == 429 and body["error"]["code"] == "urge_too_soon"
    org.advance(timedelta(minutes=31))
    # Half an hour idle ends majun's session, socket included: he comes back with a new one.
    (ended,) = await majun_socket.wait_for("session.ended")
    assert ended["reason"] == "idle"
    majun_socket = await org.world.socket(await org.token("majun"))
    assert (await org.act("zhangsan", inst["id"], "urge"))[0] == 200
    assert (await org.act("lisi", inst["id"], "urge"))[0] == 403
    status, body = await org.act("sysadmin", inst["id"], "void")
    assert status == 400
    status, body = await org.act("sysadmin", inst["id"], "void", opinion="重复提交")
    assert status == 200 and body["instance"]["status"] == "voided"
    await majun_socket.wait_for("task.removed")
    assert await _pending(org, "majun") == []


async def test_a_delegate_acts_on_behalf_and_both_names_are_recorded(org: Org) -> None:
    from datetime import UTC, datetime

    token = await org.token("majun")
    now = datetime.now(UTC)
    status, _ = await org.world.api("POST", "/api/v1/delegations", token, json={
        "delegate_id": org.id("lisi"), "starts_at": (now - timedelta(hours=1)).isoformat(),
        "ends_at": (now + timedelta(days=3)).isoformat(), "reason": "出差"})
    assert status == 200
    _, inst = await org.start("zhangsan", "leave", LEAVE)
    (task,) = (await org.tasks("lisi"))["tasks"]
    assert task["on_behalf_of_name"] == "马军"
    _, body = await org.act("lisi", inst["id"], "approve", opinion="同意")
    last = body["instance"]["trail"][-1]
    assert (last["actor_name"], last["on_behalf_of_name"]) == ("李四", "马军")
    assert await _pending(org, "majun") == []


async def test_administrators_publish_versions_and_running_instances_keep_theirs(org: Org) -> None:
    _, old = await org.start("zhangsan", "leave", LEAVE)
    status, spec = await org.world.api("GET", "/api/v1/definitions/leave", await org.token("zhangsan"))
    assert status == 200 and spec["version"] == 1
    changed = {**spec["spec"], "name": "请休假"}
    status, body = await org.world.api("POST", "/api/v1/definitions", await org.token("majun"), json=changed)
    assert status == 403
    status, body = await org.world.api("POST", "/api/v1/definitions", await org.token("sysadmin"),
                                       json={**changed, "steps": [{"key": "x", "name": "x", "approvers": []}]})
    assert status == 400
    status, body = await org.world.api("POST", "/api/v1/definitions", await org.token("sysadmin"), json=changed)
    assert status == 200 and body["version"] == 2
    listing = (await org.world.api("GET", "/api/v1/definitions", await org.token("lisi")))[1]
    assert {(d["key"], d["version"]) for d in listing["definitions"]} == {
        ("leave", 2), ("signoff", 1), ("seal", 1), ("vehicle", 1), ("purchase", 1), ("duban", 1)}
    _, new = await org.start("zhangsan", "leave", LEAVE)
    assert (new["definition_version"], new["definition_name"]) == (2, "请休假")
    _, body = await org.act("majun", old["id"], "approve")
    assert body["instance"]["definition_version"] == 1 and body["instance"]["status"] == "approved"
    openapi = (await (await org.world.client.get("/api/v1/openapi.json")).json())["paths"]
    assert {"/api/v1/tasks", "/api/v1/definitions", "/api/v1/instances/{instance_id}/actions"} <= set(openapi)


async def test_signoff_countersign_by_chosen_people(org: Org) -> None:
    form = {"title": "关于购置办公设备的签报", "body": "拟购置电脑10台。", "amount": "56000.00"}
    status, body = await org.start("zhangsan", "signoff", form, chosen={"head": [org.id("lisi")]})
    assert status == 400  # the head step is not 自选
    _, inst = await org.start("zhangsan", "signoff", form,
                              chosen={"countersign": [org.id("lisi"), org.id("outsider")]})
    assert inst["title"] == "关于购置办公设备的签报"
    await org.act("majun", inst["id"], "approve")
    _, body = await org.act("lisi", inst["id"], "approve")
    assert body["instance"]["current_step"] == "相关部门会签"
    _, body = await org.act("outsider", inst["id"], "approve")
    assert body["instance"]["current_step"] == "分管领导签批"
    status, body = await org.act("lixiaodong", inst["id"], "approve")
    assert status == 400 and body["error"]["code"] == "opinion_required"
    _, body = await org.act("lixiaodong", inst["id"], "approve", opinion="同意购置")
    assert body["instance"]["status"] == "approved"
