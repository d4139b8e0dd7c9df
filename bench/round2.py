"""T9-T12 (issue 18): a process step, the 工作台 over 1,000 Assignments, search, and the public /query page.

Same method as bench/run.py: the hub runs in its own process pinned to the server core, the load comes from
another process pinned to the generator core, open loop (each request starts at its scheduled time and its
latency counts from then, so queueing shows), and the server's CPU is read from /proc.

    python bench/round2.py serve SCENARIO STORE N OUT.json   # seeds, serves, writes the requests to OUT.json
    python bench/round2.py load CFG.json                     # the open-loop generator; prints one JSON line

Seeding goes through the same fixtures as the tests and the earlier bench scripts (tests/workflow_fixtures.py,
bench/search.py, bench/licensing.py), so the requests hit real processes, a real index and real cases.
STORE is `memory` (the emulation, in the hub's process) or `server` (a SecantusDB server the hub starts; it
inherits the hub's core).
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import signal
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

CLK_TCK = os.sysconf("SC_CLK_TCK")
SEARCH_QUERY = {"q": "预算执行 通知", "kinds": "messages", "limit": "20"}


def _cpu_ticks(pid: int) -> int:
    """utime + stime of a process and its reaped children (SecantusDB runs as a child of the hub)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    total = sum(int(f) for f in fields[11:15])
    with contextlib.suppress(OSError, ValueError):
        for child in Path(f"/proc/{pid}/task/{pid}/children").read_text().split():
            cf = Path(f"/proc/{child}/stat").read_text().rsplit(")", 1)[1].split()
            total += int(cf[11]) + int(cf[12])
    return total


# ---- the hub side ------------------------------------------------------------------------------------------

async def _seed_work(world: Any, n: int) -> dict[str, Any]:
    """T9/T10: n 请假 by 张三, each waiting on 马军's Assignment: 马军 has n open Assignments."""
    from tests.workflow_fixtures import LONG_LEAVE, build_org

    org = await build_org(world)
    await org.token("zhangsan")  # once: parallel logins of one account would lock it
    ids: list[str] = []
    sem = asyncio.Semaphore(8)

    async def start(_: int) -> None:
        async with sem:
            status, inst = await org.start("zhangsan", "leave", LONG_LEAVE)
            assert status == 200, inst
            ids.append(inst["id"])

    await asyncio.gather(*(start(i) for i in range(n)))
    head = {"Authorization": f"Bearer {await org.token('majun')}"}
    return {
        "T10": [{"method": "GET", "path": "/api/v1/tasks?box=pending", "headers": head}],
        "T9": [{"method": "POST", "path": f"/api/v1/instances/{iid}/actions", "headers": head,
                "json": {"op": "approve", "request_id": f"bench-act-{k:06d}"}} for k, iid in enumerate(ids)],
    }


async def _seed_search(app: Any, world: Any, n: int) -> dict[str, Any]:
    from bench import search

    await search.seed(app, n)
    token = await world.login("searcher", search.PASSWORD)
    query = "&".join(f"{k}={v}" for k, v in SEARCH_QUERY.items())
    return {"T11": [{"method": "GET", "path": f"/api/v1/search?{query}",
                     "headers": {"Authorization": f"Bearer {token}"}}]}


async def _seed_query(world: Any, n: int) -> dict[str, Any]:
    import random

    from bench.licensing import _seed
    from tests.licensing_fixtures import build_licensing

    await build_licensing(world, calendar=False)
    codes = await _seed(world, n)
    rng = random.Random(12)
    return {"T12": [{"method": "POST", "path": "/api/v1/public/licensing/query", "headers": {},
                     "json": {"number": number, "code": code}} for number, code in rng.sample(codes, min(n, 500))]}


async def serve(scenario: str, store: str, n: int, out: Path) -> None:
    from aiohttp.test_utils import TestClient, TestServer

    from hub.app import create_app
    from hub.views.base import HUB_KEY
    from tests.conftest import World, make_settings
    from tests.storeserver import secantus_server

    with tempfile.TemporaryDirectory(prefix="xt-r2-") as tmp, contextlib.ExitStack() as stack:
        url = stack.enter_context(secantus_server(Path(tmp))) if store == "server" else None
        # The limiter stays in place (every query counts on its per-minute counters); its limits are raised
        # so that one generator address is served, not refused, at 500 req/s.
        settings = make_settings(mongodb_url=url, store="memory", query_per_ip_per_minute=10**9,
                                 query_per_case_per_minute=10**9, session_idle_minutes=1440)
        app = create_app(settings, banner=False)
        client: TestClient[Any, Any] = TestClient(TestServer(app, host="127.0.0.1"))
        await client.start_server()
        world = World(client, app[HUB_KEY])
        t0 = time.monotonic()
        if scenario == "work":
            requests = await _seed_work(world, n)
        elif scenario == "search":
            requests = await _seed_search(app, world, n)
        else:
            requests = await _seed_query(world, n)
        tmp_out = out.with_suffix(".tmp")
        tmp_out.write_text(json.dumps({"url": str(client.make_url("/")).rstrip("/"), "pid": os.getpid(),
                                       "seed_s": round(time.monotonic() - t0, 1), "n": n, "requests": requests}))
        tmp_out.rename(out)
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGINT, signal.SIGTERM):
            loop.add_signal_handler(sig, stop.set)
        await stop.wait()
        await client.close()


# ---- the generator side ------------------------------------------------------------------------------------

def _pct(values: list[float], q: float) -> float | None:
    if not values:
        return None
    ordered = sorted(values)
    return round(ordered[min(len(ordered) - 1, int(q * len(ordered)))], 2)


async def load(cfg: dict[str, Any]) -> dict[str, Any]:
    """Open loop at cfg['rate'] for cfg['count'] requests, cycling over cfg['requests'] (each used once when
    there are enough: acts are not repeated). A short closed-loop warm-up first, on the first few requests."""
    import aiohttp

    base, reqs, rate, count = cfg["url"], cfg["requests"], float(cfg["rate"]), int(cfg["count"])
    warm = int(cfg.get("warm", 0))
    connector = aiohttp.TCPConnector(limit=0, force_close=False)
    loop = asyncio.get_running_loop()
    lat: list[float] = []
    errors: dict[str, int] = {}
    first_error: list[str] = []
    # No client timeout: a request that queues for minutes is a figure (its latency), not a failure.
    timeout = aiohttp.ClientTimeout(total=None)
    async with aiohttp.ClientSession(connector=connector, timeout=timeout) as http:
        async def one(spec: dict[str, Any]) -> None:
            try:
                async with http.request(spec["method"], base + spec["path"], headers=spec["headers"],
                                        json=spec.get("json")) as resp:
                    await resp.read()
                    status = str(resp.status) if resp.status >= 400 else None
                    text = (await resp.text())[:300] if status else ""
            except (aiohttp.ClientError, OSError) as exc:
                status, text = type(exc).__name__, str(exc)[:300]
            if status:
                errors[status] = errors.get(status, 0) + 1
                if not first_error:
                    first_error.append(text)

        for i in range(warm):
            await one(reqs[i % len(reqs)])
        cpu0 = _cpu_ticks(cfg["pid"])
        t_start = loop.time() + 0.05

        async def scheduled(i: int) -> None:
            due = t_start + i / rate
            await asyncio.sleep(max(0.0, due - loop.time()))
            await one(reqs[(warm + i) % len(reqs)])
            lat.append((loop.time() - due) * 1000)

        await asyncio.gather(*(scheduled(i) for i in range(count)))
        elapsed = loop.time() - t_start
        cpu_ms = (_cpu_ticks(cfg["pid"]) - cpu0) * 1000 / CLK_TCK
    return {"rate": rate, "requests": count, "achieved_per_s": round(count / elapsed, 1),
            "p50_ms": _pct(lat, 0.5), "p99_ms": _pct(lat, 0.99), "max_ms": _pct(lat, 1.0),
            "errors": errors, "first_error": first_error[0] if first_error else None,
            "server_cpu_ms_per_request": round(cpu_ms / max(count, 1), 2),
            "server_cpu_pct": round(100 * cpu_ms / 1000 / elapsed, 1)}


# ---- the harness side (called by bench/run.py) ---------------------------------------------------------------

def _scenario(work: Path, name: str, store: str, n: int, loads: list[dict[str, Any]]) -> dict[str, Any]:
    """Start the seeded hub (server core), run each load in turn (generator core), stop the hub."""
    import subprocess

    from bench import run

    out = work / f"r2-{name}-{store}-{time.monotonic_ns()}.json"
    log = work / f"r2-{name}-{store}.log"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen(run.pinned(run.SERVER_CORE, [run.PY, str(Path(__file__)), "serve", name, store, str(n),
                                                         str(out)]),
                            cwd=ROOT, env=env, stdout=log.open("w"), stderr=subprocess.STDOUT, start_new_session=True)
    try:
        deadline = time.monotonic() + 3600
        while not out.exists():
            if proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"round2 {name} hub did not start: {log.read_text()[-3000:]}")
            time.sleep(0.2)
        seeded = json.loads(out.read_text())
        results: dict[str, Any] = {"store": store, "n": n, "seed_s": seeded["seed_s"]}
        for spec in loads:
            cfg = work / f"r2-load-{time.monotonic_ns()}.json"
            cfg.write_text(json.dumps({"url": seeded["url"], "pid": seeded["pid"], "rate": spec["rate"],
                                       "count": spec["count"], "warm": spec.get("warm", 0),
                                       "requests": seeded["requests"][spec["key"]]}))
            done = subprocess.run(run.pinned(run.GEN_CORE, [run.PY, str(Path(__file__)), "load", str(cfg)]),
                                  cwd=ROOT, env=env, capture_output=True, text=True, timeout=1800)
            if done.returncode != 0:
                raise RuntimeError(f"round2 load failed: {done.stderr[-2000:]}")
            results[spec["key"]] = json.loads(done.stdout.strip().splitlines()[-1])
        return results
    finally:
        if proc.poll() is None:
            proc.send_signal(signal.SIGINT)
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


def t9_t10(work: Path, store: str, quick: bool) -> dict[str, Any]:
    """One seeding for both: 马军's 1,000 open Assignments are T10's page and T9's steps to act on."""
    seconds = 1.0 if quick else 5.0
    acts = int(200 * seconds)
    open_assignments = int(os.environ.get("BENCH_T10_OPEN", "1000"))
    return _scenario(work, "work", store, max(open_assignments, acts + 20), [
        {"key": "T10", "rate": 100, "count": int(100 * seconds), "warm": 10},
        {"key": "T9", "rate": 200, "count": acts, "warm": 20}])


def t11(work: Path, store: str, messages: int, quick: bool) -> dict[str, Any]:
    return _scenario(work, "search", store, messages, [{"key": "T11", "rate": 50, "count": 150 if quick else 500,
                                                         "warm": 5}])


def t12(work: Path, store: str, cases: int, quick: bool) -> dict[str, Any]:
    return _scenario(work, "query", store, cases, [{"key": "T12", "rate": 500, "count": 1500 if quick else 5000,
                                                     "warm": 50}])


def table_rows(s: dict[str, Any], fmt: Any) -> list[tuple[str, str, str, str]]:
    """Rows for bench/run.py's table: (scenario, figure, hub, target / met). T9's block also holds T10."""
    rows: list[tuple[str, str, str, str]] = []
    spec = [("T9", "T9", "T9 act on a process step", 200, 25.0), ("T9", "T10", "T10 工作台", 100, 30.0),
            ("T11", "T11", "T11 search", 50, 50.0), ("T12", "T12", "T12 public /query", 500, 50.0)]
    for key, inner, label, rate, limit in spec:
        for block in (s.get(key), s.get(f"{key}@server")):
            if not block or inner not in block:
                continue
            r = block[inner]
            store = "SecantusDB" if block.get("store") == "server" else "emulation"
            size = {"T10": f" ({block['n']:,} open)", "T11": f" ({block['n']:,} msgs)",
                    "T12": f" ({block['n']:,} cases)"}.get(inner, "")
            met = (r["p99_ms"] is not None and r["p99_ms"] <= limit and not r["errors"]
                   and r["achieved_per_s"] >= 0.9 * rate)
            verdict = f"p99<={limit:g}: {'MET' if met else 'MISSED'}"
            verdict += f" errors {r['errors']}" if r["errors"] else ""
            rows.append((f"{label}{size} [{store}]", f"p50 / p99 ms @{rate}/s",
                         f"{fmt(r['p50_ms'])} / {fmt(r['p99_ms'])}", verdict))
            rows.append(("", "server CPU ms / request", fmt(r["server_cpu_ms_per_request"], 2), ""))
    return rows


def main() -> None:
    if sys.argv[1] == "serve":
        asyncio.run(serve(sys.argv[2], sys.argv[3], int(sys.argv[4]), Path(sys.argv[5])))
    else:
        print(json.dumps(asyncio.run(load(json.loads(Path(sys.argv[2]).read_text())))), flush=True)


if __name__ == "__main__":
    main()
