"""Audit group commit against one entry per write (bench-only): the same acts in flight, side by side.

    PYTHONPATH=. .venv/bin/python bench/audit_group.py [--store memory|server|both] [--entries 2000]

Each round appends `entries` audit entries with `inflight` callers at a time (as acts answered concurrently do),
once with `audit_batch_max` = 1 (the baseline: one head read and one insert per entry, as before the group
commit) and once with the default 256, alternating, three rounds each. It prints entries/s, the per-call latency
p50/p99 and the ratio. "server" starts a SecantusDB server of its own.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.inproc import inproc_hub  # noqa: E402
from hub.actions.audit import do_audit, verify_chain  # noqa: E402


def _pct(samples: list[float], q: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


async def _round(hub: Any, entries: int, inflight: int) -> dict[str, float]:
    latencies: list[float] = []
    queue = iter(range(entries))

    async def caller() -> None:
        for i in queue:
            t0 = time.perf_counter()
            await do_audit(hub, "bench.act", actor=None, object_type="bench", object_id=f"o{i}")
            latencies.append((time.perf_counter() - t0) * 1000)

    cpu0, t0 = time.process_time(), time.perf_counter()
    await asyncio.gather(*(caller() for _ in range(inflight)))
    wall, cpu = time.perf_counter() - t0, time.process_time() - cpu0
    return {"per_s": entries / wall, "p50": _pct(latencies, 0.5), "p99": _pct(latencies, 0.99),
            "cpu_ms": cpu * 1000 / entries}


async def run(store: str, entries: int, inflight: int) -> dict[str, Any]:
    async with inproc_hub(store) as (_, hub):
        default = hub.settings.audit_batch_max
        rounds: dict[str, list[dict[str, float]]] = {"one": [], "group": []}
        await _round(hub, 200, inflight)  # warm-up: indexes, connections
        for _ in range(3):
            for name, limit in (("one", 1), ("group", default)):
                hub.settings.audit_batch_max = limit
                rounds[name].append(await _round(hub, entries, inflight))
        report = await verify_chain()
        assert report.ok, report.reason
        out: dict[str, Any] = {"store": "SecantusDB" if store == "server" else "emulation",
                               "entries": entries, "inflight": inflight, "chain_entries": report.entries}
        for name, rs in rounds.items():
            out[name] = {k: round(statistics.median(r[k] for r in rs), 2) for k in rs[0]}
        out["ratio_per_s"] = round(out["group"]["per_s"] / out["one"]["per_s"], 2)
        return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--store", choices=["memory", "server", "both"], default="both")
    ap.add_argument("--entries", type=int, default=2000)
    ap.add_argument("--inflight", type=int, default=64)
    args = ap.parse_args()
    stores = ["memory", "server"] if args.store == "both" else [args.store]
    for store in stores:
        print(json.dumps(asyncio.run(run(store, args.entries, args.inflight)), ensure_ascii=False))


if __name__ == "__main__":
    main()
