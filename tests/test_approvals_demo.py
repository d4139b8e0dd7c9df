"""The demo's internal approvals: each demo leader finds their 待办, and loading the demo again adds none."""

from __future__ import annotations

from hub.seed.demo import DEMO_PASSWORD, load_demo
from hub.workflow.documents import Assignment, ProcessInstance
from tests.conftest import World


async def test_demo_leaders_have_pending_internal_approvals(world: World) -> None:
    await load_demo(world.hub)
    counts = (await ProcessInstance.find_all().count(), await Assignment.find_all().count())
    await load_demo(world.hub)
    assert (await ProcessInstance.find_all().count(), await Assignment.find_all().count()) == counts
    pending: dict[str, list[str]] = {}
    for username in ("majun", "lixiaodong", "yangxue", "linfeng"):
        token = await world.login(username, DEMO_PASSWORD)
        status, body = await world.api("GET", "/api/v1/tasks", token, params={"box": "pending"})
        assert status == 200
        pending[username] = sorted(t["definition_key"] for t in body["tasks"])
    # 马军 also holds the demo's 收文 (承办 of a report to the city), from the 公文 demo; 林峰 heads the 自然资源局,
    # whose demo 办件 (建设工程规划许可, paused for 专家评审) waits at 审查与决定 for its staff.
    assert pending == {"majun": ["incoming", "leave", "signoff"], "lixiaodong": ["purchase"], "yangxue": ["vehicle"],
                       "linfeng": ["licensing", "seal"]}
    # The 用印 and 用车 steps have their 岗位 filled in the demo.
    token = await world.login("linfeng", DEMO_PASSWORD)
    _, body = await world.api("GET", "/api/v1/tasks", token, params={"box": "pending"})
    seal = next(t for t in body["tasks"] if t["definition_key"] == "seal")
    status, done = await world.api("POST", f"/api/v1/instances/{seal['instance_id']}/actions", token,
                                   json={"op": "approve", "request_id": "demo-test-seal-1"})
    assert status == 200 and [h["name"] for h in done["instance"]["current_holders"]] == ["王琳"]
