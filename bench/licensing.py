"""行政审批 figures (bench-only): /query latency and throughput, and the 审批动态 dashboard over 10,000 cases.

    PYTHONPATH=. .venv/bin/python bench/licensing.py [--store memory|server|both] [--cases 10000]

"server" starts a SecantusDB server of its own (or uses HUB_TEST_MONGODB_URL). Cases are inserted directly (a
realistic mix of stages and lights), then timed through the HTTP API of an in-process hub.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import statistics
import tempfile
import time
from datetime import timedelta
from pathlib import Path
from typing import Any

from aiohttp.test_utils import TestClient, TestServer

from hub.actions.licensing import ApplicationIn, do_submit_application, query_code_hash
from hub.actions.licensing_counters import day_of, do_rebuild_counters
from hub.app import create_app
from hub.models.licensing import Applicant, LicensingCase, iso_week
from hub.views.base import HUB_KEY
from tests.conftest import World, _drop_database, make_settings
from tests.licensing_fixtures import build_licensing
from tests.storeserver import secantus_server

STATUSES = ["submitted", "correction", "review", "review", "review", "decided", "delivered", "delivered", "refused"]
CONCURRENCY = (1, 2, 4, 8)
P99_TARGET_MS = 50.0


def _pct(samples: list[float], q: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


async def _seed(world: World, n: int) -> list[tuple[str, str]]:
    """n cases copied from one real one, spread over 8 weeks, 2 departments' matters and every stage."""
    hub = world.hub
    receipt = await do_submit_application(hub, None, ApplicationIn(
        matter_key="food-business", applicant=Applicant(kind="citizen", name="李华", phone="13909431234"),
        materials=["application"]), "hall")
    template = await LicensingCase.find_one(LicensingCase.number == receipt.number)
    assert template is not None
    rng = random.Random(7)
    now = hub.clock.now()
    docs, codes = [], []
    for i in range(n):
        status = rng.choice(STATUSES)
        at = now - timedelta(hours=rng.randint(0, 24 * 56))
        due = None if status in ("delivered", "refused") else at + timedelta(days=rng.randint(1, 30))
        # The light the monitor would show: red once overdue, yellow in the last two days, else mostly green.
        light = "green" if due is None else "red" if due < now else "yellow" if due < now + timedelta(days=2) \
            else rng.choice(["green", "green", "green", "green", "yellow"])
        number = f"BENCH{i:010d}"
        code = f"C{i:07d}"
        done = status in ("delivered", "refused")
        doc = LicensingCase.model_validate({
            **template.model_dump(exclude={"id", "instance_id"}), "number": number,
            "query_code_hash": query_code_hash(hub, number, code), "status": status,
            "light": light, "submitted_at": at, "week": iso_week(at),
            "due_at": due, "due_day": day_of(due) if due else None,
            "completed_at": at + timedelta(days=3) if done else None,
            "done_week": iso_week(at + timedelta(days=3)) if done else None,
            "decide_days": rng.randint(1, 20) if status in ("decided", "delivered") else None,
            "accepted_at": at if status not in ("submitted", "correction") else None,
            "correction": ["x"] if rng.random() < 0.2 else None,
            "matter_key": rng.choice(["food-business", "outdoor-ads", "sole-proprietor"]),
        })
        docs.append(doc)
        codes.append((number, code))
    for start in range(0, n, 1000):
        await LicensingCase.insert_many(docs[start:start + 1000])
    # Inserted behind the actions' back, so counted the way an import or a restore is: by the rebuild.
    t0 = time.perf_counter()
    documents = await do_rebuild_counters(hub, None)
    print(f"rebuilt {documents} counter documents in {time.perf_counter() - t0:.1f} s", flush=True)
    return codes


async def run(store: str, n: int, url: str | None, queries: int = 2000, loads: int = 20,
              concurrency: tuple[int, ...] = CONCURRENCY) -> dict[str, Any]:
    settings = make_settings(mongodb_url=url, store="memory", query_per_ip_per_minute=10**9,
                             query_per_case_per_minute=10**9)
    client: TestClient[Any, Any] = TestClient(TestServer(create_app(settings, banner=False)))
    await client.start_server()
    try:
        world = World(client, client.app[HUB_KEY])
        org = await build_licensing(world, calendar=False)
        codes = await _seed(world, n)
        rng = random.Random(11)
        levels: list[dict[str, Any]] = []
        for clients in concurrency:
            sample = [rng.choice(codes) for _ in range(queries)]
            lat: list[float] = []

            async def worker(part: list[tuple[str, str]], lat: list[float] = lat) -> None:
                for number, code in part:
                    t0 = time.perf_counter()
                    resp = await client.post("/api/v1/public/licensing/query", json={"number": number, "code": code})
                    await resp.read()
                    lat.append((time.perf_counter() - t0) * 1000)
                    assert resp.status == 200, await resp.text()

            t0 = time.perf_counter()
            await asyncio.gather(*(worker(sample[i::clients]) for i in range(clients)))
            elapsed = time.perf_counter() - t0
            levels.append({"concurrency": clients, "req_per_s": round(len(sample) / elapsed),
                           "p50_ms": round(statistics.median(lat), 2), "p99_ms": round(_pct(lat, 0.99), 2)})
        within = [lv["req_per_s"] for lv in levels if lv["p99_ms"] <= P99_TARGET_MS]
        token = await org.token("sunli")
        dash: list[float] = []
        for _ in range(loads):
            t1 = time.perf_counter()
            status, body = await world.api("GET", "/api/v1/licensing/dashboard", token)
            dash.append((time.perf_counter() - t1) * 1000)
            assert status == 200 and sum(r["total"] for r in body["by_unit"]) == n + 1
        return {"store": store, "cases": n,
                "query": {"requests_per_level": queries, "levels": levels,
                          "req_per_s_at_p99_le_50ms": max(within) if within else 0},
                "dashboard": {"loads": len(dash), "p50_ms": round(statistics.median(dash), 1),
                              "p99_ms": round(_pct(dash, 0.99), 1)}}
    finally:
        await client.close()
        await _drop_database(settings)


async def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--store", choices=["memory", "server", "both"], default="both")
    ap.add_argument("--cases", type=int, default=10_000)
    ap.add_argument("--queries", type=int, default=2000)
    ap.add_argument("--loads", type=int, default=20)
    ap.add_argument("--concurrency", default=",".join(map(str, CONCURRENCY)),
                    help="closed-loop /query clients per level, e.g. 1,2,4,8")
    args = ap.parse_args()
    opts: dict[str, Any] = {"queries": args.queries, "loads": args.loads,
                            "concurrency": tuple(int(c) for c in args.concurrency.split(","))}
    if args.store in ("memory", "both"):
        print(await run("emulation (memory)", args.cases, None, **opts), flush=True)
    if args.store in ("server", "both"):
        url = os.environ.get("HUB_TEST_MONGODB_URL")
        if url:
            print(await run("server", args.cases, url, **opts), flush=True)
        else:
            with secantus_server(Path(tempfile.mkdtemp(prefix="xt-bench-"))) as url:
                print(await run("SecantusDB (embedded server)", args.cases, url, **opts), flush=True)


if __name__ == "__main__":
    asyncio.run(main())
