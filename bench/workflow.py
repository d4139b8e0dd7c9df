"""Work-engine latency (bench-only): start -> first Assignment, act -> next Assignment, p50/p99 over HTTP.

    PYTHONPATH=. .venv/bin/python bench/workflow.py [N]          # the in-process emulation
    HUB_TEST_MONGODB_URL=mongodb://... PYTHONPATH=. .venv/bin/python bench/workflow.py [N]   # a real server

Each start is a 请假 of 5 days by 张三: the reply comes after the head's Assignment is written; the head's 同意 replies
after the 分管领导's Assignment is written. Both are checked in the store before the sample counts.
"""

from __future__ import annotations

import asyncio
import statistics
import sys
import time
from typing import Any

from aiohttp.test_utils import TestClient, TestServer
from beanie import PydanticObjectId

from hub.app import create_app
from hub.views.base import HUB_KEY
from hub.workflow.documents import Assignment
from tests.conftest import World, _drop_database, make_settings
from tests.workflow_fixtures import LONG_LEAVE, build_org


def _pct(samples: list[float], q: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


async def main(n: int) -> dict[str, Any]:
    settings = make_settings()
    client: TestClient[Any, Any] = TestClient(TestServer(create_app(settings, banner=False)))
    await client.start_server()
    try:
        world = World(client, client.app[HUB_KEY])
        org = await build_org(world)
        leader = org.id("lixiaodong")
        start_ms: list[float] = []
        act_ms: list[float] = []
        for i in range(n):
            t0 = time.perf_counter()
            status, inst = await org.start("zhangsan", "leave", LONG_LEAVE)
            t1 = time.perf_counter()
            assert status == 200, inst
            iid = PydanticObjectId(inst["id"])
            assert await Assignment.find_one({"instance_id": iid, "user_id": org.id("majun"), "status": "open"})
            t2 = time.perf_counter()
            status, body = await org.act("majun", inst["id"], "approve", request_id=f"bench-{i:06d}")
            t3 = time.perf_counter()
            assert status == 200, body
            assert await Assignment.find_one({"instance_id": iid, "user_id": leader, "status": "open"})
            start_ms.append((t1 - t0) * 1000)
            act_ms.append((t3 - t2) * 1000)
        return {"n": n, "store": settings.mongodb_url or "emulation",
                "start_to_first_assignment_ms": {"p50": round(statistics.median(start_ms), 2),
                                                 "p99": round(_pct(start_ms, 0.99), 2)},
                "act_to_next_assignment_ms": {"p50": round(statistics.median(act_ms), 2),
                                              "p99": round(_pct(act_ms, 0.99), 2)}}
    finally:
        await client.close()
        await _drop_database(settings)


if __name__ == "__main__":
    print(asyncio.run(main(int(sys.argv[1]) if len(sys.argv) > 1 else 200)))
