"""`make bench-stores`: the hub on each store side by side: start-up to healthy, one send, one history page.

For the in-process emulation (HUB_STORE=memory) and the embedded SecantusDB (the durable default) it measures:
- start-up of `python -m hub run --demo` to a healthy /healthz, cold (empty data directory: the demo is loaded)
  and warm (the data of the cold run is reopened; the emulation has no warm start, it always loads the demo);
- p50 and p99 of one message send (HTTP, closed loop) while a channel fills up to 1,000 messages;
- p50 and p99 of one 50-message history page read from that channel at random positions.
Prints one table with the SecantusDB / emulation ratio and writes bench/results/stores.json.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
RESULTS = Path(os.environ.get("BENCH_RESULTS", BENCH / "results"))
MESSAGES = int(os.environ.get("BENCH_STORE_MESSAGES", "1000"))
PAGES = int(os.environ.get("BENCH_STORE_PAGES", "300"))


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _call(url: str, method: str = "GET", body: Any = None, token: str | None = None) -> Any:
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(url, data=data, method=method)
    if data is not None:
        req.add_header("Content-Type", "application/json")
    if token:
        req.add_header("Authorization", f"Bearer {token}")
    with urllib.request.urlopen(req, timeout=30) as resp:
        return json.loads(resp.read())


class Hub:
    def __init__(self, env: dict[str, str], log: Path) -> None:
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        started = time.monotonic()
        self.proc = subprocess.Popen([sys.executable, "-m", "hub", "run", "--demo"], cwd=ROOT,
                                     env={**env, "HUB_PORT": str(self.port)}, stdout=log.open("w"),
                                     stderr=subprocess.STDOUT)
        while True:
            try:
                with urllib.request.urlopen(self.url + "/healthz", timeout=1) as r:
                    if r.status == 200:
                        break
            except OSError:
                pass
            if self.proc.poll() is not None:
                raise SystemExit(f"hub exited; see {log}")
            time.sleep(0.02)
        self.startup_s = time.monotonic() - started

    def stop(self) -> None:
        self.proc.terminate()
        self.proc.wait(30)


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def _workload(hub: Hub) -> dict[str, float]:
    login = {"username": "zhangsan", "password": "Baiyin@2026"}
    token = _call(hub.url + "/api/v1/session/login", "POST", login)["token"]
    channels = _call(hub.url + "/api/v1/channels", token=token)["channels"]
    channel = next(c for c in channels if c["kind"] == "unit")["id"]
    sends: list[float] = []
    for n in range(MESSAGES):
        t = time.perf_counter()
        _call(f"{hub.url}/api/v1/channels/{channel}/messages", "POST",
              {"content": f"第{n}条：请各科室于周五前报送预算执行情况。", "client_msg_id": f"b{n}"}, token)
        sends.append((time.perf_counter() - t) * 1000)
    rnd = random.Random(7)
    pages: list[float] = []
    for _ in range(PAGES):
        before = rnd.randrange(51, MESSAGES + 2)
        t = time.perf_counter()
        page = _call(f"{hub.url}/api/v1/channels/{channel}/messages?before={before}&limit=50", token=token)
        pages.append((time.perf_counter() - t) * 1000)
        assert len(page["messages"]) == 50, len(page["messages"])
    return {"send_p50_ms": _pct(sends, 0.5), "send_p99_ms": _pct(sends, 0.99),
            "page_p50_ms": _pct(pages, 0.5), "page_p99_ms": _pct(pages, 0.99),
            "send_mean_ms": statistics.fmean(sends)}


def run_store(name: str, extra: dict[str, str], work: Path) -> dict[str, float]:
    env = {k: v for k, v in os.environ.items() if k not in ("HUB_MONGODB_URL", "HUB_REDIS_URL", "HUB_STORE")}
    env.update({"HUB_DATA_DIR": str(work / name), "HUB_LOG_LEVEL": "WARNING", **extra})
    cold = Hub(env, work / f"{name}-cold.log")
    out = {"startup_cold_s": cold.startup_s}
    try:
        out.update(_workload(cold))
    finally:
        cold.stop()
    warm = Hub(env, work / f"{name}-warm.log")
    out["startup_warm_s"] = warm.startup_s
    warm.stop()
    return out


def main() -> None:
    work = Path(tempfile.mkdtemp(prefix="xt-bench-stores-"))
    try:
        results = {"emulation": run_store("memory", {"HUB_STORE": "memory"}, work),
                   "secantusdb": run_store("embedded", {}, work)}
    finally:
        shutil.rmtree(work, ignore_errors=True)
    rows = [("start-up to healthy, cold (s)", "startup_cold_s"), ("start-up to healthy, warm (s)", "startup_warm_s"),
            (f"send p50 (ms), channel to {MESSAGES}", "send_p50_ms"), ("send p99 (ms)", "send_p99_ms"),
            ("history page of 50, p50 (ms)", "page_p50_ms"), ("history page of 50, p99 (ms)", "page_p99_ms")]
    print(f"\n{'figure':34} {'emulation':>10} {'SecantusDB':>11} {'ratio':>7}")
    for label, key in rows:
        a, b = results["emulation"][key], results["secantusdb"][key]
        print(f"{label:34} {a:10.2f} {b:11.2f} {b / a if a else 0:6.2f}x")
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "stores.json").write_text(json.dumps({"when": time.strftime("%Y-%m-%d %H:%M:%S"),
                                                     "cores": os.cpu_count(), **results}, indent=2))


if __name__ == "__main__":
    main()
