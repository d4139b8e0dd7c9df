"""Two real hub processes on one real store: 会签 votes sent to both, each counted once; events cross over."""

from __future__ import annotations

import asyncio
from typing import Any

import aiohttp

from tests.conftest import Recorder
from tests.test_multiprocess import HubProcess, hub_env, two_hubs  # noqa: F401

VOTERS = ["luoyong", "yangxue", "linfeng", "heyu", "dengchen", "xiaolihong"]


async def _call(hub: HubProcess, token: str, method: str, path: str, body: Any = None) -> tuple[int, Any]:
    async with aiohttp.ClientSession() as http, http.request(
            method, f"{hub.url}{path}", json=body, headers={"Authorization": f"Bearer {token}"}) as resp:
        return resp.status, await resp.json()


async def test_countersign_votes_through_two_processes_count_once(
        two_hubs: tuple[HubProcess, HubProcess]) -> None:  # noqa: F811
    first, second = two_hubs
    tokens = {u: await first.login(u) for u in ["zhangsan", "majun", *VOTERS]}
    leader = Recorder()
    await leader.connect(second.url, await second.login("lixiaodong"))
    try:
        _, users = await _call(first, tokens["zhangsan"], "GET", "/api/v1/users?limit=200")
        ids = {u["username"]: u["id"] for u in users["users"]}
        status, inst = await _call(first, tokens["zhangsan"], "POST", "/api/v1/instances", {
            "definition_key": "signoff", "form": {"title": "跨部门会签", "body": "请会签"},
            "chosen": {"countersign": [ids[v] for v in VOTERS]}, "request_id": "mp-start-0001"})
        assert status == 200, inst
        path = f"/api/v1/instances/{inst['id']}/actions"
        status, _ = await _call(first, tokens["majun"], "POST", path, {"op": "approve", "request_id": "mp-head-01"})
        assert status == 200
        votes = [_call(hub, tokens[v], "POST", path, {"op": "approve", "request_id": f"mp-vote-{v}"})
                 for v in VOTERS for hub in (first, second)]
        results = await asyncio.gather(*votes)
        assert [s for s, _ in results] == [200] * len(votes), results
        _, final = await _call(second, tokens["zhangsan"], "GET", f"/api/v1/instances/{inst['id']}")
        countersigned = [t for t in final["trail"] if t["kind"] == "approve" and t["step_name"] == "相关部门会签"]
        assert len(countersigned) == len(VOTERS)
        assert final["current_step"] == "分管领导签批"
        await leader.wait_for("task.created", where=lambda e: e["task"]["instance_id"] == inst["id"], within=10)
    finally:
        await leader.sio.disconnect()
