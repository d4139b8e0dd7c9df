"""The demo organisation ships 分管 and the process definitions; the CLI loads definitions and sets 分管."""

from __future__ import annotations

import os
import uuid

from pymongo import MongoClient

from hub.actions.workflow_admin import supervised_units
from hub.models import User
from hub.seed.demo import DEMO_PASSWORD, load_demo
from hub.workflow.documents import ProcessDefinition
from tests.conftest import World
from tests.test_org import _cli
from tests.workflow_fixtures import LONG_LEAVE


async def test_demo_leave_goes_to_the_head_then_the_leader_in_charge(world: World) -> None:
    await load_demo(world.hub)
    await load_demo(world.hub)  # loading twice publishes nothing new
    assert {(d.key, d.version) for d in await ProcessDefinition.find_all().to_list()} == {
        ("incoming", 1), ("outgoing", 1), ("leave", 1), ("signoff", 1), ("seal", 1), ("vehicle", 1), ("purchase", 1),
        ("duban", 1), ("licensing", 1)}
    leader = await User.find_one(User.username == "lixiaodong")
    assert leader is not None and "czj" in {u.code for u in await supervised_units(leader)}
    tokens = {u: await world.login(u, DEMO_PASSWORD) for u in ("zhangsan", "majun", "lixiaodong")}
    body = {"definition_key": "leave", "form": LONG_LEAVE, "request_id": "demo-leave-0001"}
    status, inst = await world.api("POST", "/api/v1/instances", tokens["zhangsan"], json=body)
    assert status == 200 and [h["name"] for h in inst["current_holders"]] == ["马军"]
    path = f"/api/v1/instances/{inst['id']}/actions"
    status, body = await world.api("POST", path, tokens["majun"], json={"op": "approve", "request_id": "demo-0002"})
    assert [h["name"] for h in body["instance"]["current_holders"]] == ["李晓东"]
    status, body = await world.api("POST", path, tokens["lixiaodong"],
                                   json={"op": "approve", "request_id": "demo-0003"})
    assert body["instance"]["status"] == "approved"


def test_cli_loads_definitions_and_sets_supervision(store_server_url: str) -> None:
    db = f"hubtest_{uuid.uuid4().hex[:12]}"
    env = {**os.environ, "HUB_MONGODB_URL": store_server_url, "HUB_MONGODB_DB": db,
           "HUB_ARGON2_TIME_COST": "1", "HUB_ARGON2_MEMORY_KIB": "8192"}
    try:
        loaded = _cli(env, "definitions", "load")
        assert loaded.returncode == 0 and "definition leave: version 1" in loaded.stdout, loaded.stderr
        again = _cli(env, "definitions", "load")
        assert again.returncode == 0 and "definition leave: version 1" in again.stdout  # kept, not republished
        missing = _cli(env, "units", "supervise", "ghost", "czj")
        assert missing.returncode == 2 and "not_found" in missing.stderr
    finally:
        MongoClient(store_server_url).drop_database(db)
