"""Batch approval from the 工作台 and delegation (代理) through HTTP: per-item results, replays, revocation."""

from __future__ import annotations

import uuid
from datetime import timedelta
from typing import Any

import pytest

from hub.settings import Settings
from tests.conftest import World, make_settings
from tests.workflow_fixtures import LEAVE, LONG_LEAVE, Org, build_org


@pytest.fixture
async def org(world: World) -> Org:
    return await build_org(world)


@pytest.fixture
def settings(store_kwargs: dict[str, Any]) -> Settings:
    return make_settings(session_ttl_hours=24 * 60, session_idle_minutes=60 * 24 * 60, **store_kwargs)


async def _batch(org: Org, username: str, body: dict[str, Any]) -> tuple[int, Any]:
    return await org.world.api("POST", "/api/v1/tasks/batch", await org.token(username), json=body)


def _items(*ids: str) -> list[dict[str, str]]:
    return [{"instance_id": i, "request_id": f"batch-{uuid.uuid4().hex[:12]}"} for i in ids]


async def _started(org: Org, n: int, form: dict[str, Any] = LEAVE) -> list[str]:
    ids = []
    for _ in range(n):
        status, inst = await org.start("zhangsan", "leave", form)
        assert status == 200, inst
        ids.append(inst["id"])
    return ids


async def test_batch_approve_reports_each_item_and_a_failing_one_stops_nothing(org: Org) -> None:
    a, b, c = await _started(org, 3)
    status, _ = await org.act("zhangsan", b, "withdraw")
    assert status == 200
    items = _items(a, b, c) + _items("0" * 24)
    body = {"op": "approve", "opinion": "同意", "items": items}
    status, out = await _batch(org, "majun", body)
    assert status == 200, out
    assert [(r["instance_id"], r["ok"], r["code"]) for r in out["results"]] == [
        (a, True, None), (b, False, "action_not_allowed"), (c, True, None), ("0" * 24, False, "not_found")]
    assert out["succeeded"] == 2 and out["failed"] == 2
    assert out["results"][0]["instance_status"] == "approved" and out["results"][1]["message"]
    versions = {i: (await org.get("majun", i))[1] for i in (a, b, c)}
    assert versions[a]["trail"][-1]["opinion"] == "同意" and versions[b]["status"] == "withdrawn"
    # The same batch again (a lost answer, a double tap): the same report, nothing applied twice.
    status, again = await _batch(org, "majun", body)
    assert status == 200 and again["results"] == out["results"]
    for i in (a, b, c):
        _, now = await org.get("majun", i)
        assert now["version"] == versions[i]["version"] and len(now["trail"]) == len(versions[i]["trail"])
    assert (await org.tasks("majun"))["counts"]["pending"] == 0


async def test_batch_reject_needs_an_opinion_per_the_step_and_moves_long_leave_on(org: Org) -> None:
    (short,) = await _started(org, 1)
    (long,) = await _started(org, 1, LONG_LEAVE)
    status, out = await _batch(org, "majun", {"op": "reject", "items": _items(short, long)})
    assert status == 200 and {r["code"] for r in out["results"]} == {"opinion_required"}
    assert (await org.tasks("majun"))["counts"]["pending"] == 2
    status, out = await _batch(org, "majun", {"op": "approve", "items": _items(short, long)})
    assert [r["instance_status"] for r in out["results"]] == ["approved", "running"]
    assert out["results"][1]["current_step"] == "分管领导审批"
    status, out = await _batch(org, "lixiaodong", {"op": "reject", "opinion": "工作安排冲突，请调整",
                                                    "items": _items(long)})
    assert out["succeeded"] == 1 and out["results"][0]["instance_status"] == "rejected"


async def test_batch_transfer_hands_each_item_to_one_person(org: Org) -> None:
    ids = await _started(org, 2)
    body = {"op": "transfer", "users": [org.id("lisi")], "opinion": "请李四处理", "items": _items(*ids)}
    status, out = await _batch(org, "majun", body)
    assert status == 200 and out["succeeded"] == 2, out
    assert sorted(t["instance_id"] for t in (await org.tasks("lisi"))["tasks"]) == sorted(ids)
    assert (await org.tasks("majun"))["counts"]["pending"] == 0


async def test_a_malformed_batch_is_refused_whole_and_changes_nothing(org: Org) -> None:
    a, b = await _started(org, 2)
    same = _items(a, b)
    same[1]["request_id"] = same[0]["request_id"]
    bad: list[dict[str, Any]] = [
        {"op": "approve", "items": same},
        {"op": "approve", "items": _items(a, a)},
        {"op": "approve", "items": []},
        {"op": "approve", "items": _items(*[a] * 51)},
        {"op": "void", "items": _items(a)},
        {"op": "transfer", "items": _items(a)},
        {"op": "approve", "users": [org.id("lisi")], "items": _items(a)},
        {"op": "approve", "items": [{"instance_id": a, "request_id": "x"}]},
        {"op": "approve", "items": _items(a), "extra": 1},
        {"op": "approve", "opinion": "机密★1年", "items": _items(a)},
    ]
    for body in bad:
        status, out = await _batch(org, "majun", body)
        assert status in (400, 413, 422) or all(not r["ok"] for r in out["results"]), body
    assert (await org.tasks("majun"))["counts"] == {"pending": 2, "done": 0, "started": 0, "cc": 0, "overdue": 0}
    status, out = await _batch(org, "outsider", {"op": "approve", "items": _items(a, b)})
    assert status == 200 and [r["code"] for r in out["results"]] == ["not_found", "not_found"]


async def _delegate(org: Org, principal: str, delegate: str, days: int = 3) -> tuple[int, Any]:
    now = org.world.hub.clock.now()
    body = {"delegate_id": org.id(delegate), "starts_at": (now - timedelta(minutes=1)).isoformat(),
            "ends_at": (now + timedelta(days=days)).isoformat(), "reason": "赴省里学习"}
    return await org.world.api("POST", "/api/v1/delegations", await org.token(principal), json=body)


async def test_delegation_set_acted_on_and_revoked(org: Org) -> None:
    status, out = await _delegate(org, "majun", "lisi")
    assert status == 200, out
    (given,) = out["delegations"]
    assert (given["principal_name"], given["delegate_name"], given["active"]) == ("马军", "李四", True)
    status, seen = await org.world.api("GET", "/api/v1/delegations", await org.token("lisi"))
    assert [d["id"] for d in seen["delegations"]] == [given["id"]]
    (first,) = await _started(org, 1)
    (row,) = (await org.tasks("lisi"))["tasks"]
    assert row["instance_id"] == first and row["on_behalf_of_name"] == "马军"
    status, out = await _batch(org, "lisi", {"op": "approve", "items": _items(first)})
    assert out["succeeded"] == 1, out
    _, inst = await org.get("zhangsan", first)
    assert [(t["actor_name"], t["on_behalf_of_name"]) for t in inst["trail"]][-1] == ("李四", "马军")

    status, _ = await org.world.api("DELETE", f"/api/v1/delegations/{given['id']}", await org.token("outsider"))
    assert status == 404
    status, _ = await org.world.api("DELETE", f"/api/v1/delegations/{given['id']}", await org.token("majun"))
    assert status in (200, 204)
    status, listed = await org.world.api("GET", "/api/v1/delegations", await org.token("majun"))
    assert listed["delegations"] == []
    (second,) = await _started(org, 1)
    assert (await org.tasks("lisi"))["counts"]["pending"] == 0
    status, _ = await org.act("lisi", second, "approve")
    assert status == 404  # no longer the delegate: not even visible
    status, _ = await _delegate(org, "majun", "majun")
    assert status == 400
