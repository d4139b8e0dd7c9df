"""Concurrent clicks through the API: one 或签 winner, every 会签 vote counted once, 加签 racing 同意."""

from __future__ import annotations

import asyncio
import uuid
from typing import Any

from beanie import PydanticObjectId

from hub.actions.audit import Origin
from hub.actions.workflow import do_act
from hub.actions.workflow_admin import do_publish_definition
from hub.app import make_hub
from hub.context import Hub
from hub.errors import HubError
from hub.workflow.definition import Definition
from hub.workflow.documents import Assignment
from hub.workflow.wire import ActIn
from tests.conftest import World
from tests.workflow_fixtures import Org, build_org


async def _race_definition(org: Org, key: str, mode: str, people: list[str]) -> None:
    spec = Definition.model_validate({
        "key": key, "name": key, "form": {"fields": []},
        "steps": [{"key": "vote", "name": "表决", "mode": mode, "approvers": [{"kind": "users", "users": people}]}]})
    await do_publish_definition(org.world.hub, None, spec)


async def _tokens(org: Org, people: list[str]) -> dict[str, str]:
    tokens = await asyncio.gather(*(org.world.login(p) for p in people))
    org.tokens.update(zip(people, tokens, strict=True))
    return org.tokens


async def _click(org: Org, who: str, instance_id: str, op: str, **extra: Any) -> tuple[int, Any]:
    body = {"op": op, "request_id": f"r-{uuid.uuid4().hex[:12]}", **extra}
    return await org.world.api("POST", f"/api/v1/instances/{instance_id}/actions", org.tokens[who], json=body)


async def _open(instance_id: str) -> set[tuple[str, str]]:
    found = await Assignment.find({"instance_id": PydanticObjectId(instance_id), "status": "open"}).to_list()
    return {(a.run_id, a.user_id) for a in found}


async def _click_elsewhere(org: Org, other: Hub, who: str, instance_id: str, op: str) -> tuple[int, Any]:
    """The same act through a second Hub: its own in-process locks, as another hub process would have,
    so only the instance's compare-and-set keeps the two apart."""
    try:
        body = ActIn(op=op, request_id=f"x-{uuid.uuid4().hex[:12]}")
        await do_act(other, org.users[who], instance_id, body, Origin())
    except HubError as exc:
        return exc.status, exc.to_dict()
    return 200, None


async def _vote_elsewhere(org: Org, other: Hub, who: str, instance_id: str, request_id: str) -> tuple[int, Any]:
    await do_act(other, org.users[who], instance_id, ActIn(op="approve", request_id=request_id), Origin())
    return 200, None


async def test_twenty_concurrent_or_sign_clicks_have_exactly_one_winner(world: World) -> None:
    org = await build_org(world, extra_staff=20)
    people = [f"staff{i}" for i in range(20)]
    await _race_definition(org, "race_any", "any", people)
    await _tokens(org, people)
    _, inst = await org.start("zhangsan", "race_any", {})
    other = make_hub(world.hub.settings, write_only=True)
    results = await asyncio.gather(*(
        _click(org, p, inst["id"], "approve", version=inst["version"]) if i % 2 else
        _click_elsewhere(org, other, p, inst["id"], "approve") for i, p in enumerate(people)))
    statuses = sorted(s for s, _ in results)
    assert statuses.count(200) == 1, statuses
    assert all(s in (403, 409) for s in statuses if s != 200)
    _, final = await org.get("zhangsan", inst["id"])
    assert final["status"] == "approved"
    assert [t["kind"] for t in final["trail"]] == ["start", "approve"]
    assert await _open(inst["id"]) == set()
    done = await Assignment.find({"status": "done"}).count()
    assert done == 1


async def test_thirty_concurrent_countersign_votes_are_each_counted_once(world: World) -> None:
    org = await build_org(world, extra_staff=30)
    people = [f"staff{i}" for i in range(30)]
    await _race_definition(org, "race_all", "all", people)
    await _tokens(org, people)
    _, inst = await org.start("zhangsan", "race_all", {})
    # Every vote is sent twice with the same request id: still counted once.
    bodies = [{"op": "approve", "request_id": f"vote-{p}-0001"} for p in people]
    calls = [org.world.api("POST", f"/api/v1/instances/{inst['id']}/actions", org.tokens[p], json=b)
             for p, b in zip(people, bodies, strict=True)]
    other = make_hub(world.hub.settings, write_only=True)
    calls += [_vote_elsewhere(org, other, p, inst["id"], b["request_id"]) for p, b in zip(people, bodies, strict=True)]
    results = await asyncio.gather(*calls)
    assert [s for s, _ in results] == [200] * 60
    _, final = await org.get("zhangsan", inst["id"])
    approvals = [t["actor_name"] for t in final["trail"] if t["kind"] == "approve"]
    assert sorted(approvals) == sorted(f"科员{i}" for i in range(30))
    assert final["status"] == "approved"
    assert await Assignment.find({"status": "done"}).count() == 30


async def test_add_sign_racing_approve_on_the_same_step(world: World) -> None:
    org = await build_org(world)
    await _race_definition(org, "race_pair", "any", ["majun", "lixiaodong"])
    await _tokens(org, ["majun", "lixiaodong", "lisi"])
    for _ in range(5):
        _, inst = await org.start("zhangsan", "race_pair", {})
        (add, approve) = await asyncio.gather(
            _click(org, "majun", inst["id"], "add_sign", position="before", users=[org.id("lisi")]),
            _click(org, "lixiaodong", inst["id"], "approve"))
        assert sorted([add[0], approve[0]]) == [200, 403], (add, approve)
        _, state = await org.get("zhangsan", inst["id"])
        kinds = [t["kind"] for t in state["trail"]]
        if approve[0] == 200:
            assert state["status"] == "approved" and kinds == ["start", "approve"]
            assert await _open(inst["id"]) == set()
        else:
            assert state["status"] == "running" and kinds == ["start", "add_sign"]
            assert {u for _, u in await _open(inst["id"])} == {org.id("lisi")}
