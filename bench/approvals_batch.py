"""Batch approval latency (bench-only): one POST /api/v1/tasks/batch of N 请假 approved by the head, per item.

    PYTHONPATH=. .venv/bin/python bench/approvals_batch.py [ROUNDS] [ITEMS]          # the in-process emulation
    BENCH_STORE=secantus PYTHONPATH=. .venv/bin/python bench/approvals_batch.py [ROUNDS] [ITEMS]   # a SecantusDB
    HUB_TEST_MONGODB_URL=mongodb://... PYTHONPATH=. .venv/bin/python bench/approvals_batch.py [ROUNDS] [ITEMS]

Each round: 张三 starts ITEMS 请假 of 2 days, then 马军 approves them in one batch; every item must come back ok and
the instance approved. Reports the batch's wall time and the time per item, p50 and max over the rounds.
"""

from __future__ import annotations

import asyncio
import os
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

from aiohttp.test_utils import TestClient, TestServer

from hub.app import create_app
from hub.views.base import HUB_KEY
from tests.conftest import World, _drop_database, make_settings
from tests.storeserver import secantus_server
from tests.workflow_fixtures import LEAVE, build_org


async def main(rounds: int, items: int, mongodb_url: str | None = None) -> dict[str, Any]:
    settings = make_settings(mongodb_url=mongodb_url) if mongodb_url else make_settings()
    client: TestClient[Any, Any] = TestClient(TestServer(create_app(settings, banner=False)))
    await client.start_server()
    try:
        world = World(client, client.app[HUB_KEY])
        org = await build_org(world)
        token = await org.token("majun")
        batch_ms: list[float] = []
        for _ in range(rounds):
            ids = []
            for _ in range(items):
                status, inst = await org.start("zhangsan", "leave", LEAVE)
                assert status == 200, inst
                ids.append(inst["id"])
            body = {"op": "approve", "items": [{"instance_id": i, "request_id": f"bench-{uuid.uuid4().hex[:16]}"}
                                               for i in ids]}
            t0 = time.perf_counter()
            status, out = await world.api("POST", "/api/v1/tasks/batch", token, json=body)
            batch_ms.append((time.perf_counter() - t0) * 1000)
            assert status == 200 and out["succeeded"] == items, out
            assert {r["instance_status"] for r in out["results"]} == {"approved"}
        return {"rounds": rounds, "items_per_batch": items,
                "store": os.environ.get("BENCH_STORE", "mongodb") if settings.mongodb_url else "emulation",
                "batch_ms": {"p50": round(statistics.median(batch_ms), 1), "max": round(max(batch_ms), 1)},
                "per_item_ms_p50": round(statistics.median(batch_ms) / items, 2)}
    finally:
        await client.close()
        await _drop_database(settings)


def run() -> None:
    rounds, items = [int(a) for a in sys.argv[1:3]] + [10, 20][len(sys.argv[1:3]):]
    url = os.environ.get("HUB_TEST_MONGODB_URL")
    if url or os.environ.get("BENCH_STORE") != "secantus":
        print(asyncio.run(main(rounds, items, url)))
        return
    with tempfile.TemporaryDirectory() as tmp, secantus_server(Path(tmp)) as server:
        print(asyncio.run(main(rounds, items, server)))


if __name__ == "__main__":
    run()
