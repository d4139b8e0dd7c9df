"""`make bench`: run the scenarios against the hub and the two reference servers, print one table.

Servers are pinned to core 0 and the Node load generator to core 1 (taskset). Every figure comes
from this one invocation on this machine with the same generator. Results: bench/results/latest.json
and bench/results/t1_fanout.png. BENCH_QUICK=1 runs a short version; BENCH_ONLY=T1,T2 picks scenarios.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path.insert(0, str(ROOT))

from bench import layouts, round2  # noqa: E402
from bench.secantus import secantus  # noqa: E402

QUICK = os.environ.get("BENCH_QUICK") == "1"
ONLY = {s.strip().upper() for s in os.environ.get("BENCH_ONLY", "").split(",") if s.strip()}
RESULTS = Path(os.environ.get("BENCH_RESULTS", BENCH / "results"))
PY = sys.executable
NODE = shutil.which("node") or "node"
CORES = os.cpu_count() or 1
SERVER_CORE, GEN_CORE = "0", ("1" if CORES > 1 else "0")
CLK_TCK = os.sysconf("SC_CLK_TCK")
VERBOSE = os.environ.get("BENCH_VERBOSE") == "1"
WARMUP_S = float(os.environ.get("BENCH_WARMUP_S", "5"))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def pinned(core: str | None, argv: list[str]) -> list[str]:
    if core is None or not shutil.which("taskset"):
        return argv
    return ["taskset", "-c", core, *argv]


class Server:
    """One server process under test; `kind` is hub, node or aiohttp."""

    def __init__(self, kind: str, layout: dict[str, Any], work: Path, *, core: str | None = SERVER_CORE,
                 env: dict[str, str] | None = None, name: str = "") -> None:
        self.kind, self.port, self.work = kind, free_port(), work
        self.url = f"http://127.0.0.1:{self.port}"
        tag = name or kind
        self.seed = work / f"seed-{tag}.json"
        self.log = work / f"{tag}.log"
        lay = work / f"layout-{tag}.json"
        lay.write_text(json.dumps(layout))
        if kind == "hub":
            argv = [PY, str(BENCH / "hub_server.py"), str(lay), str(self.seed)]
            full_env = {**os.environ, "HUB_PORT": str(self.port), "HUB_HOST": "127.0.0.1",
                        "HUB_LOG_LEVEL": "WARNING", "HUB_SESSION_IDLE_MINUTES": "1440",
                        "HUB_ARGON2_TIME_COST": "1", "HUB_ARGON2_MEMORY_KIB": "8192", **(env or {})}
            full_env.pop("HUB_MONGODB_URL", None) if "HUB_MONGODB_URL" not in (env or {}) else None
            # The bench's hub figures are on the emulation unless a MongoDB URL is given (the table says which).
            full_env["HUB_STORE"] = "memory"
        else:
            self.seed.write_text(json.dumps(layouts.reference_seed(layout)))
            full_env = {**os.environ}
            if kind == "node":
                argv = [NODE, str(BENCH / "node_server.js"), str(self.port), str(self.seed)]
            else:
                argv = [PY, str(BENCH / "aiohttp_server.py"), str(self.port), str(self.seed)]
        self.proc = subprocess.Popen(pinned(core, argv), cwd=ROOT, env=full_env, stdout=self.log.open("w"),
                                     stderr=subprocess.STDOUT, start_new_session=True)

    @property
    def pid(self) -> int:
        return self.proc.pid  # taskset execs the program, so the pid is the server's own

    def wait_ready(self, timeout: float = 600) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"{self.kind} exited: {self.log.read_text()[-3000:]}")
            if self.seed.exists() and "ready" in self.log.read_text():
                with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", self.port), 0.5):
                    return
            time.sleep(0.1)
        raise RuntimeError(f"{self.kind} did not start: {self.log.read_text()[-3000:]}")

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGINT)
            try:
                self.proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


@contextlib.contextmanager
def hub_store(work: Path, store: str, name: str) -> Iterator[tuple[dict[str, str], list[int]]]:
    """The hub's store env and the extra pids whose CPU counts as the server's: none on the emulation (in the hub's
    process); on `server`, a SecantusDB of the scenario's own on the server core, its CPU counted with the hub's."""
    if store != "server":
        yield {}, []
        return
    with secantus(work, SERVER_CORE, name) as (env, pid):
        yield env, [pid]


@contextlib.contextmanager
def running(*servers: Server) -> Iterator[tuple[Server, ...]]:
    try:
        for s in servers:
            s.wait_ready()
        yield servers
    finally:
        for s in servers:
            s.stop()


def loadgen(cfg: dict[str, Any], work: Path, *, core: str | None = GEN_CORE, timeout: float = 900) -> dict[str, Any]:
    path = work / f"gen-{time.monotonic_ns()}.json"
    path.write_text(json.dumps({"clkTck": CLK_TCK, "verbose": VERBOSE, "warmupS": WARMUP_S, **cfg}))
    proc = subprocess.run(pinned(core, [NODE, str(BENCH / "loadgen.js"), str(path)]), cwd=BENCH,
                          capture_output=True, text=True, timeout=timeout)
    if VERBOSE or proc.returncode != 0:
        sys.stderr.write(proc.stderr[-4000:])
    if proc.returncode != 0:
        raise RuntimeError(f"load generator failed ({proc.returncode}): {proc.stderr[-2000:]}")
    return dict(json.loads(proc.stdout.strip().splitlines()[-1]))


def proto(kind: str) -> str:
    return "ws" if kind == "aiohttp" else "sio"


def best_under(steps: list[dict[str, Any]], limit_ms: float, key: str = "deliveries_per_s") -> dict[str, Any] | None:
    ok = [s for s in steps if s["latency"]["p99"] is not None and s["latency"]["p99"] <= limit_ms
          and (s["ack"]["p99"] or 0) <= limit_ms and s["lost"] <= 0.01 * s["expected"] and not s["ack_errors"]]
    return max(ok, key=lambda s: s[key]) if ok else None


# ------------------------------------------------------------------ scenarios
def fine_rates(steps: list[dict[str, Any]], best: dict[str, Any] | None, share: float = 0.05) -> list[int]:
    """Rates in `share` steps above the best passing rate, up to the first coarse rate that failed: the knee."""
    if best is None:
        return []
    failed = [s["rate"] for s in steps if s["rate"] > best["rate"]]
    top = min(failed) if failed else None
    if top is None:
        return []
    rates: list[int] = []
    rate = float(best["rate"])
    while True:
        rate *= 1 + share
        if round(rate) >= top:
            return rates
        if round(rate) not in rates and round(rate) > best["rate"]:
            rates.append(round(rate))


def t1_fanout(work: Path, kinds: list[str], clients: int, rates: list[int], step_s: float) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for kind in kinds:
        cfg = {"mode": "fanout", "proto": proto(kind), "clients": clients, "stopP99": 100, "pauseMs": 300}
        with running(Server(kind, layouts.one_channel(clients), work)) as (srv,):
            res = loadgen({**cfg, "url": srv.url, "seed": str(srv.seed), "pids": [srv.pid],
                           "steps": [{"rate": r, "duration": step_s} for r in rates]}, work)
        steps = res["steps"]
        # The coarse steps are up to 25 % apart near the knee; a second pass walks that gap in 5 % steps.
        fine = fine_rates(steps, best_under(steps, 100))
        if fine:
            with running(Server(kind, layouts.one_channel(clients), work)) as (srv,):
                again = loadgen({**cfg, "url": srv.url, "seed": str(srv.seed), "pids": [srv.pid],
                                 "steps": [{"rate": r, "duration": step_s} for r in fine]}, work)
            steps = sorted(steps + [{**s, "fine": True} for s in again["steps"]], key=lambda s: s["rate"])
        best = best_under(steps, 100)
        out[kind] = {"steps": steps, "connect": res["connect"], "best": best,
                     "deliveries_per_s": best["deliveries_per_s"] if best else 0.0}
    return out


def t2_steady(work: Path, kinds: list[str], clients: int, seconds: float) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for kind in kinds:
        with running(Server(kind, layouts.one_channel(clients), work)) as (srv,):
            res = loadgen({"mode": "steady", "proto": proto(kind), "url": srv.url, "seed": str(srv.seed),
                           "clients": clients, "pids": [srv.pid], "steps": [{"rate": 10, "duration": seconds}]},
                          work)
        out[kind] = res["steps"][0]
    return out


def t3_chat(work: Path, kinds: list[str], clients: int, rates: list[int], step_s: float,
            redis_url: str | None, store: str = "memory") -> dict[str, Any]:
    out: dict[str, Any] = {}
    variants = [(k, None) for k in kinds] + ([("hub", redis_url)] if redis_url and "hub" in kinds else [])
    for kind, redis in variants:
        env = {"HUB_REDIS_URL": redis, "HUB_REDIS_PREFIX": f"b{time.monotonic_ns()}:"} if redis else {}
        name = f"{kind}+redis" if redis else kind
        with hub_store(work, store if kind == "hub" else "memory", f"t3-{name.replace('+', '-')}") as (senv, extra), \
                running(Server(kind, layouts.chat(clients), work, env={**env, **senv},
                               name=name.replace("+", "-"))) as (srv,):
            res = loadgen({"mode": "chat", "proto": proto(kind), "url": srv.url, "seed": str(srv.seed),
                           "clients": clients, "pids": [srv.pid, *extra], "stopP99": 100, "pauseMs": 300,
                           "connectConcurrency": 500,
                           "steps": [{"rate": r, "duration": step_s} for r in rates]}, work)
        best = best_under(res["steps"], 100, key="sends_per_s")
        out[name] = {"steps": res["steps"], "best": best, "sends_per_s": best["sends_per_s"] if best else 0.0}
    return out


def t4_idle(work: Path, kinds: list[str], clients: int, seconds: float) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for kind in kinds:
        with running(Server(kind, layouts.three_each(clients), work)) as (srv,):
            res = loadgen({"mode": "idle", "proto": proto(kind), "url": srv.url, "seed": str(srv.seed),
                           "clients": clients, "pids": [srv.pid], "idleSeconds": seconds,
                           "connectConcurrency": 500}, work)
        out[kind] = {**res["idle"], "connect": res["connect"]}
    return out


def t4_memory(work: Path, clients: int, seconds: float) -> dict[str, Any]:
    """T4 again, the hub only, under tracemalloc: which lines hold an idle connection's Python memory."""
    report = work / f"tracemalloc-{time.monotonic_ns()}.json"
    env = {"BENCH_TRACEMALLOC": str(clients), "BENCH_TRACEMALLOC_OUT": str(report)}
    with running(Server("hub", layouts.three_each(clients), work, env=env)) as (srv,):
        res = loadgen({"mode": "idle", "proto": "sio", "url": srv.url, "seed": str(srv.seed), "clients": clients,
                       "pids": [srv.pid], "idleSeconds": seconds, "connectConcurrency": 500}, work)
        deadline = time.monotonic() + 60
        while not report.exists() and time.monotonic() < deadline:
            time.sleep(0.5)
    if not report.exists():
        raise RuntimeError("the hub wrote no tracemalloc report")
    found = json.loads(report.read_text())
    if "error" in found:
        raise RuntimeError(f"tracemalloc in the hub failed: {found['error']}")
    return {"rss": res["idle"], **found}


def t5_connect(work: Path, kinds: list[str], clients: int) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for kind in kinds:
        with running(Server(kind, layouts.groups_of(clients, 50), work)) as (srv,):
            res = loadgen({"mode": "connect", "proto": proto(kind), "url": srv.url, "seed": str(srv.seed),
                           "clients": clients, "pids": [srv.pid], "connectConcurrency": 500}, work)
        out[kind] = res["connect"]
    return out


def t6_cards(work: Path, channels: int, rates: list[int], step_s: float, store: str = "memory") -> dict[str, Any]:
    """Poll votes through the real card path: click -> check -> bot -> store -> ack, card.updated to 50 members."""
    layout = layouts.groups_of(channels * 50, 50)
    with hub_store(work, store, "t6") as (senv, extra), \
            running(Server("hub", layout, work, env=senv, name=f"hub-t6-{store}")) as (srv,):
        res = loadgen({"mode": "card", "proto": "sio", "url": srv.url, "seed": str(srv.seed),
                       "clients": channels * 50, "pids": [srv.pid, *extra], "stopP99": 200, "pauseMs": 300,
                       "connectConcurrency": 200, "steps": [{"rate": r, "duration": step_s} for r in rates]}, work)
    steps = res["steps"]
    ok = [s for s in steps if s["ack"]["p99"] is not None and s["ack"]["p99"] <= 25 and s["latency"]["p99"] is not None
          and s["latency"]["p99"] <= 50 and s["lost"] <= 0.01 * s["expected"] and not s["ack_errors"]]
    best = max(ok, key=lambda s: s["sends_per_s"]) if ok else None
    at500 = next((s for s in steps if s["rate"] == 500), None)
    return {"channels": channels, "steps": steps, "best": best,
            "actions_per_s": best["sends_per_s"] if best else 0.0, "at_500": at500}


def t7_history(work: Path, messages: int, rate: int, seconds: float, store: str = "memory") -> dict[str, Any]:
    layout = {**layouts.one_channel(10), "history": messages}
    tag = f"hub-t7-{store}"
    with hub_store(work, store, "t7") as (senv, extra), \
            running(Server("hub", layout, work, env={"BENCH_EXPLAIN": "1", **senv}, name=tag)) as (srv,):
        res = loadgen({"mode": "history", "proto": "sio", "url": srv.url, "seed": str(srv.seed), "clients": 1,
                       "pids": [srv.pid, *extra], "rate": rate, "duration": seconds, "pageSize": 50}, work)
    plan_file = work / f"seed-{tag}.json.plan"
    plan = json.loads(plan_file.read_text()) if plan_file.exists() else None
    return {**res["history"], "messages_in_channel": messages, "plan": plan}


def _hubs(layout: dict[str, Any], work: Path, cores: list[str], env: dict[str, str], tag: str) -> list[Server]:
    return [Server("hub", layout, work, core=c, env=env, name=f"hub-{tag}-{c}") for c in cores]


def t8_two_procs(work: Path, clients: int, rates: list[int], step_s: float, redis_url: str,
                 redis_pid: int | None = None, steady_s: float = 20.0, rounds: int = 3) -> dict[str, Any]:
    prefix = f"b{time.monotonic_ns()}:"
    out: dict[str, Any] = {}
    env = {"HUB_REDIS_URL": redis_url, "HUB_REDIS_PREFIX": prefix}
    layout = layouts.one_channel(clients)
    redis_pids = [redis_pid] if redis_pid else []
    # Two cores only: the hubs take one each, the generator and Redis float (recorded in the result). "none" is one
    # hub without Redis, measured steady only: against "one" it gives the CPU that Redis adds per delivery, the
    # Redis server's own CPU included.
    # The steady figures and the fan-out walk each get fresh hubs: the emulation's inserts re-check unique keys over
    # every stored message, so a hub that has taken a few hundred messages more is measurably slower. On 2026-12-03
    # the steady run followed the walk for "one" and "two" but not for "none", and that difference read as Redis's
    # cost (1.43x). The CPU per delivery moves by 10-15 % from one hub to the next, so "none" and "one" alternate
    # `rounds` times and the median counts.
    configs = {"none": (["0"], {}), "one": (["0"], env), "two": (["0", "1"], env)}
    steadies: dict[str, list[dict[str, Any]]] = {"none": [], "one": [], "two": []}
    for label in ["none", "one"] * rounds + ["two"]:
        cores, server_env = configs[label]
        servers = _hubs(layout, work, cores, server_env, f"{label}-steady{len(steadies[label])}")
        with running(*servers):
            steadies[label].append(loadgen({
                "mode": "steady", "proto": "sio", "urls": [s.url for s in servers], "seed": str(servers[0].seed),
                "clients": clients, "pids": [s.pid for s in servers] + (redis_pids if label != "none" else []),
                "steps": [{"rate": 10, "duration": steady_s}]}, work, core=None)["steps"][0])
    for label, (cores, server_env) in configs.items():
        runs = sorted(steadies[label], key=lambda st: st["cpu_ms_per_1k_deliveries"] or 0.0)
        steady = runs[len(runs) // 2]
        hub_steady = None
        if label == "one" and redis_pids:  # the same load, the hub's CPU alone: Redis's share is the rest
            servers = _hubs(layout, work, cores, server_env, f"{label}-hubcpu")
            with running(*servers):
                hub_steady = loadgen({"mode": "steady", "proto": "sio", "urls": [s.url for s in servers],
                                      "seed": str(servers[0].seed), "clients": clients,
                                      "pids": [s.pid for s in servers],
                                      "steps": [{"rate": 10, "duration": steady_s}]}, work, core=None)["steps"][0]
        res = None
        if label != "none":
            servers = _hubs(layout, work, cores, server_env, f"{label}-walk")
            with running(*servers):
                res = loadgen({"mode": "fanout", "proto": "sio", "urls": [s.url for s in servers],
                               "seed": str(servers[0].seed), "clients": clients, "pids": [s.pid for s in servers],
                               "stopP99": 100, "pauseMs": 300,
                               "steps": [{"rate": r, "duration": step_s} for r in rates]}, work, core=None)
        best = best_under(res["steps"], 100) if res else None
        out[label] = {"steps": res["steps"] if res else [], "best": best,
                      "deliveries_per_s": best["deliveries_per_s"] if best else 0, "steady": steady,
                      "steady_cpu_ms_per_1k_rounds": [st["cpu_ms_per_1k_deliveries"] for st in steadies[label]],
                      "steady_hub_cpu_ms_per_1k": hub_steady["cpu_ms_per_1k_deliveries"] if hub_steady else None}
    return out


def t8_model(t: dict[str, Any], cores: tuple[int, ...] = (1, 2, 4, 8)) -> list[tuple[int, float]] | None:
    """Paper model: deliveries/s for N hubs on N cores (Redis on a core of its own), from the measured CPU.

    Each hub spends `hub` ms of CPU per 1,000 deliveries (its steady figure with Redis, without Redis's own CPU) and
    saturates its core at 1e6 / hub deliveries/s. Redis spends `redis` ms per 1,000 deliveries with one subscriber
    process; it sends each message once per hub process, so its share grows with N and caps the total at its core.
    """
    with_redis = t.get("one", {}).get("steady", {}).get("cpu_ms_per_1k_deliveries")
    none = t.get("none", {}).get("steady", {}).get("cpu_ms_per_1k_deliveries")
    hub_only = t.get("one", {}).get("steady_hub_cpu_ms_per_1k")
    if not with_redis or not none:
        return None
    hub = hub_only or with_redis
    redis = max(with_redis - hub, 1e-6) if hub_only else max(with_redis - none, 1e-6)
    return [(n, min(n * 1e6 / hub, 1e6 / (redis * n))) for n in cores]


# ------------------------------------------------------------------ table
def fmt(v: Any, nd: int = 1) -> str:
    if v is None:
        return "-"
    if isinstance(v, float):
        return f"{v:,.{nd}f}"
    return f"{v:,}" if isinstance(v, int) else str(v)


def ratio(a: float | None, b: float | None) -> str:
    return f"{a / b:.2f}x" if a and b else "-"


def first_step_cpu(steps: list[dict[str, Any]] | None) -> tuple[Any, float | None]:
    """The lowest step's rate and its server CPU ms per acknowledged send or action."""
    first = (steps or [{}])[0]
    return first.get("rate"), (first.get("cpu_ms", 0) / first["acked"] if first.get("acked") else None)


def server_rows(s: dict[str, Any]) -> list[tuple[str, ...]]:
    """T3, T6 and T7 on SecantusDB (the hub's and the server's CPU together)."""
    rows: list[tuple[str, ...]] = []
    for key, label, figure, what, target in (("T3@server", "T3 chat", "sends/s @p99<=100ms", "send", 5000),
                                             ("T6@server", "T6 card votes", "actions/s within both", "action", 500)):
        if key not in s:
            continue
        t = s[key].get("hub", {}) if key == "T3@server" else s[key]
        got = t.get("sends_per_s" if key == "T3@server" else "actions_per_s")
        rate, per = first_step_cpu(t.get("steps"))
        rows.append((f"{label} [SecantusDB]", figure, fmt(got, 0), "", "",
                     f">={target}: {'MET' if (got or 0) >= target else 'MISSED'}"))
        rows.append(("", f"CPU ms / {what} at {fmt(rate)}/s", fmt(per, 2), "", "", ""))
    if "T7@server" in s:
        rows.append(t7_row(s["T7@server"], " [SecantusDB]"))
    return rows


def t7_row(t: dict[str, Any], store: str) -> tuple[str, ...]:
    lat = t.get("latency") or {}
    met = (lat.get("p99") or 1e9) <= 20 and not t.get("errors") and not t.get("bad_pages")
    return (f"T7 history ({t['messages_in_channel']:,} msgs){store}", "p50 / p99 ms @ 200 req/s",
            f"{fmt(lat.get('p50'))} / {fmt(lat.get('p99'))}", "", "",
            f"p99<=20: {'MET' if met else 'MISSED'} (index: {(t.get('plan') or {}).get('index', '?')})")


def table(r: dict[str, Any]) -> str:
    rows: list[tuple[str, ...]] = []
    head = ("scenario", "figure", "hub", "node sio4", "bare aiohttp", "target / met")
    s = r["scenarios"]
    if "T1" in s:
        t = s["T1"]
        h, n, a = (t.get(k, {}).get("deliveries_per_s") for k in ("hub", "node", "aiohttp"))
        met = (h or 0) >= (n or 0) and (h or 0) >= 0.6 * (a or 0)
        rows.append(("T1 fan-out 1k", "deliveries/s @p99<=100ms", fmt(h, 0), fmt(n, 0), fmt(a, 0),
                     f">=node & >=60% aiohttp: {'MET' if met else 'MISSED'}"))
        rows.append(("", "hub ratio", "1.00x", ratio(h, n), ratio(h, a), ""))
        cpu = [t.get(k, {}).get("best") or {} for k in ("hub", "node", "aiohttp")]
        rows.append(("", "CPU ms / 1k deliveries", *(fmt(c.get("cpu_ms_per_1k_deliveries"), 2) for c in cpu), ""))
        rows.append(("", "p99 ms at that load", *(fmt((c.get("latency") or {}).get("p99"), 1) for c in cpu), ""))
    if "T2" in s:
        t = s["T2"]
        g = [t.get(k) or {} for k in ("hub", "node", "aiohttp")]
        hub = g[0].get("latency") or {}
        met = (hub.get("p50") or 1e9) <= 10 and (hub.get("p99") or 1e9) <= 50
        rows.append(("T2 steady 1k, 10 msg/s", "e2e p50 / p99 ms",
                     *(f"{fmt((x.get('latency') or {}).get('p50'))} / {fmt((x.get('latency') or {}).get('p99'))}"
                       for x in g), f"p50<=10, p99<=50: {'MET' if met else 'MISSED'}"))
        rows.append(("", "CPU ms / 1k deliveries", *(fmt(x.get("cpu_ms_per_1k_deliveries"), 2) for x in g), ""))
    if "T3" in s:
        t = s["T3"]
        h, hr = t.get("hub", {}).get("sends_per_s"), t.get("hub+redis", {}).get("sends_per_s")
        n, a = t.get("node", {}).get("sends_per_s"), t.get("aiohttp", {}).get("sends_per_s")
        rows.append((f"T3 chat {r['params'].get('T3_clients', 0):,}", "sends/s @p99<=100ms",
                     fmt(h, 0), fmt(n, 0), fmt(a, 0),
                     f">=5000: {'MET' if (h or 0) >= 5000 else 'MISSED'}"))
        rows.append(("", "  with Redis", fmt(hr, 0), "", "", f">=3000: {'MET' if (hr or 0) >= 3000 else 'MISSED'}"))
        rows.append(("", "hub ratio", "1.00x", ratio(h, n), ratio(h, a), ""))
    if "T4" in s:
        t = s["T4"]
        g = [t.get(k) or {} for k in ("hub", "node", "aiohttp")]
        hub = g[0]
        met_m = (hub.get("kib_per_conn") or 1e9) <= 20
        cpu_pct = hub.get("cpu_pct")
        met_c = (cpu_pct if cpu_pct is not None else 1e9) <= 2
        rows.append((f"T4 idle {r['params']['T4_clients']:,} x3 ch", "KiB per connection",
                     *(fmt(x.get("kib_per_conn"), 1) for x in g), f"<=20: {'MET' if met_m else 'MISSED'}"))
        rows.append(("", "idle CPU % of a core", *(fmt(x.get("cpu_pct"), 2) for x in g),
                     f"<=2%: {'MET' if met_c else 'MISSED'}"))
    if "T4M" in s:
        t = s["T4M"]
        top = ", ".join(f"{x['where']} {x['bytes_per_connection'] / 1024:.1f}" for x in t.get("files", [])[:3])
        rows.append(("T4 memory (tracemalloc)", "Python KiB per connection", fmt(t["bytes_per_connection"] / 1024, 1),
                     "", "", f"top files, KiB: {top}"))
    if "T5" in s:
        t = s["T5"]
        g = [t.get(k) or {} for k in ("hub", "node", "aiohttp")]
        hub = g[0]
        met = (hub.get("per_s") or 0) >= 1000 and hub.get("errors", 1) == 0
        rows.append((f"T5 connect storm {r['params']['T5_clients']:,}", "connections/s (errors)",
                     *(f"{fmt(x.get('per_s'), 0)} ({fmt(x.get('errors'))})" for x in g),
                     f">=1000, 0 errors: {'MET' if met else 'MISSED'}"))
    if "T6" in s:
        t = s["T6"]
        at = t.get("at_500") or {}
        ack, lat = (at.get("ack") or {}).get("p99"), (at.get("latency") or {}).get("p99")
        met = (at and ack is not None and ack <= 25 and lat is not None and lat <= 50 and not at.get("ack_errors")
               and at.get("lost", 1) <= 0.01 * at.get("expected", 0))
        rows.append((f"T6 card votes, {t['channels']} x 50", "ack / bcast p99 ms @500/s", f"{fmt(ack)} / {fmt(lat)}",
                     "", "", f"<=25 / <=50: {'MET' if met else 'MISSED'}"))
        rate, per = first_step_cpu(t.get("steps"))
        rows.append(("", "actions/s within both", fmt(t.get("actions_per_s"), 0), "", "",
                     f"CPU ms/action at {fmt(rate)}/s: {fmt(per, 2)}"))
    if "T7" in s:
        rows.append(t7_row(s["T7"], ""))
    rows += server_rows(s)
    if "T8" in s:
        t = s["T8"]
        one, two = t["one"]["deliveries_per_s"], t["two"]["deliveries_per_s"]
        st = t["two"]["steady"]
        pen = None
        if st.get("latency_remote", {}).get("p99") is not None and st.get("latency_local", {}).get("p99") is not None:
            pen = st["latency_remote"]["p99"] - st["latency_local"]["p99"]
        met = two >= 1.6 * one and pen is not None and pen <= 5
        rows.append(("T8 2 procs + Redis", "aggregate deliv/s (1 proc)", f"{fmt(two, 0)} ({fmt(one, 0)})", "", "",
                     f">=1.6x: {ratio(two, one)} {'MET' if two >= 1.6 * one else 'MISSED'}"))
        rows.append(("", "cross-proc p99 penalty ms", fmt(pen, 2), "", "",
                     f"<=5: {'MET' if pen is not None and pen <= 5 else 'MISSED'}"))
        with_redis = t.get("one", {}).get("steady", {}).get("cpu_ms_per_1k_deliveries")
        without = t.get("none", {}).get("steady", {}).get("cpu_ms_per_1k_deliveries")
        if with_redis and without:
            cost = with_redis / without
            rows.append(("", "CPU ms/1k deliv. Redis / none", f"{fmt(with_redis, 2)} / {fmt(without, 2)}", "", "",
                         f"<=1.1x: {cost:.2f}x {'MET' if cost <= 1.1 else 'MISSED'} (Redis server's CPU included)"))
        model = t8_model(t)
        if model:
            rows.append(("", "paper model deliv/s, N hubs", ", ".join(f"{n}: {d:,.0f}" for n, d in model), "", "",
                         "N hubs on N cores, Redis on its own core"))
    rows += [(a, b, c, "", "", d) for a, b, c, d in round2.table_rows(s, fmt)]
    widths = [max(len(str(x[i])) for x in [head, *rows]) for i in range(6)]
    line = "  ".join("-" * w for w in widths)
    out = ["  ".join(str(v).ljust(w) for v, w in zip(head, widths, strict=True)), line]
    out += ["  ".join(str(v).ljust(w) for v, w in zip(row, widths, strict=True)) for row in rows]
    return "\n".join(out)


def plot(r: dict[str, Any], path: Path) -> bool:
    t1 = r["scenarios"].get("T1")
    if not t1:
        return False
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        print("matplotlib missing: no plot (run `make bench-deps`)", file=sys.stderr)
        return False
    fig, ax = plt.subplots(figsize=(8, 5))
    for kind, label in (("hub", "Xietong hub"), ("node", "Node Socket.IO 4"), ("aiohttp", "bare aiohttp WS")):
        steps = (t1.get(kind) or {}).get("steps") or []
        xs = [s["deliveries_per_s"] for s in steps if s["latency"]["p99"] is not None]
        if xs:
            ax.plot(xs, [s["latency"]["p99"] for s in steps if s["latency"]["p99"] is not None], "o-",
                    label=f"{label} p99")
            ax.plot(xs, [s["latency"]["p50"] for s in steps if s["latency"]["p99"] is not None], "x--",
                    label=f"{label} p50", alpha=0.6)
    ax.axhline(100, color="grey", lw=0.8, ls=":")
    ax.set_xlabel("deliveries/s (1,000 clients in one channel, server on one core)")
    ax.set_ylabel("end-to-end latency, ms")
    ax.set_yscale("log")
    ax.set_title("T1 fan-out: latency against load")
    ax.legend(fontsize=8)
    ax.grid(True, alpha=0.3)
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    return True


@contextlib.contextmanager
def redis_server(work: Path) -> Iterator[tuple[str, int] | None]:
    exe = shutil.which("redis-server")
    if not exe:
        yield None
        return
    port = free_port()
    # No output-buffer limit for pub/sub clients: with Redis's default (32 MB hard, 8 MB for 60 s) a step past
    # saturation could get a hub's subscription dropped, and python-socketio re-subscribes only after a back-off.
    proc = subprocess.Popen([exe, "--port", str(port), "--save", "", "--appendonly", "no", "--bind", "127.0.0.1",
                             "--client-output-buffer-limit", "pubsub 0 0 0"],
                            stdout=(work / "redis.log").open("w"), stderr=subprocess.STDOUT, start_new_session=True)
    try:
        for _ in range(100):
            with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), 0.2):
                break
            time.sleep(0.05)
        yield f"redis://127.0.0.1:{port}/0", proc.pid
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def main() -> int:
    RESULTS.mkdir(parents=True, exist_ok=True)
    params: dict[str, Any] = {
        "quick": QUICK, "cores": CORES, "server_core": SERVER_CORE, "generator_core": GEN_CORE,
        "payload_bytes": 200, "store": "emulation (mongomock, in the hub process)",
        "T1_clients": 1000, "T1_step_s": 2.0 if QUICK else 3.0,
        "T1_rates": [5, 10, 20, 30, 40, 50, 60, 70, 80, 100, 120, 140, 170, 200],
        "T2_seconds": 5.0 if QUICK else 15.0,
        # Scaled down from the issue (5,000 / 10,000 / 5,000 / 1,000,000): on the emulation every connect scans
        # sessions, users and subscriptions, and every insert re-checks unique keys over the whole collection.
        "T3_clients": 2000,
        "T3_rates": [50, 100, 150, 250, 350, 500, 750, 1000, 1500, 2000, 3000, 4000, 5000, 6500, 8000],
        "T3_step_s": 2.0 if QUICK else 3.0,
        "T4_clients": 1000 if QUICK else 2000, "T4_idle_s": 5.0 if QUICK else 10.0,
        "T5_clients": 2000,
        "T6_channels": 10, "T6_rates": [50, 75, 100, 150, 200, 300, 400, 500, 650, 800],
        "T6_step_s": 2.0 if QUICK else 3.0,
        "T7_messages": int(os.environ.get("BENCH_T7_MESSAGES", 100_000 if QUICK else 1_000_000)),
        "T7_rate": 200, "T7_seconds": 5.0 if QUICK else 10.0,
        # SecantusDB stores about a thousand messages a second here: 100,000 is a couple of minutes of seeding.
        "T7_server_messages": int(os.environ.get("BENCH_T7_SERVER_MESSAGES", 20_000 if QUICK else 100_000)),
        "T8_clients": 1000,
        # 10 msg/s to 1,000: 20 s gives 200,000 deliveries, enough clock ticks to tell 1.1x from 1.0x.
        "T8_steady_s": 6.0 if QUICK else 20.0,
        # Round 2 (bench/round2.py). T11 is built at 1,000,000 on SecantusDB only when asked: seeding the index
        # takes tens of minutes on this machine (BENCH_T11_MESSAGES); T9-T11 also run on SecantusDB (named).
        "T11_messages": int(os.environ.get("BENCH_T11_MESSAGES", 20_000 if QUICK else 100_000)),
        "T12_cases": 10_000,
        "round2_stores": os.environ.get("BENCH_ROUND2_STORES", "memory,server").split(","),
    }
    kinds = [k for k in ("hub", "node", "aiohttp") if k in os.environ.get("BENCH_KINDS", "hub,node,aiohttp")]
    result: dict[str, Any] = {"started": time.strftime("%Y-%m-%dT%H:%M:%S"), "params": params, "scenarios": {}}

    def want(key: str) -> bool:
        return not ONLY or key.upper() in ONLY  # ONLY is upper-cased; "T3@server" must match "T3@SERVER"
    with tempfile.TemporaryDirectory(prefix="xt-bench-") as tmp:
        work = Path(tmp)
        with redis_server(work) as redis:
            redis_url, redis_pid = redis if redis else (None, None)
            plan: list[tuple[str, Any]] = [
                ("T1", lambda: t1_fanout(work, kinds, params["T1_clients"], params["T1_rates"], params["T1_step_s"])),
                ("T2", lambda: t2_steady(work, kinds, params["T1_clients"], params["T2_seconds"])),
                ("T5", lambda: t5_connect(work, kinds, params["T5_clients"])),
                ("T4", lambda: t4_idle(work, kinds, params["T4_clients"], params["T4_idle_s"])),
                ("T4M", lambda: t4_memory(work, params["T4_clients"], max(20.0, params["T4_idle_s"]))),
                ("T3", lambda: t3_chat(work, kinds, params["T3_clients"], params["T3_rates"], params["T3_step_s"],
                                       redis_url)),
                ("T8", lambda: t8_two_procs(work, params["T8_clients"], params["T1_rates"], params["T1_step_s"],
                                            redis_url, redis_pid, params["T8_steady_s"], 1 if QUICK else 3)
                 if redis_url else {"error": "no redis-server"}),
                ("T7", lambda: t7_history(work, params["T7_messages"], params["T7_rate"], params["T7_seconds"])),
                ("T6", lambda: t6_cards(work, params["T6_channels"], params["T6_rates"], params["T6_step_s"])),
                ("T9", lambda: round2.t9_t10(work, "memory", QUICK)),
                ("T11", lambda: round2.t11(work, "memory", params["T11_messages"], QUICK)),
                ("T12", lambda: round2.t12(work, "memory", params["T12_cases"], QUICK)),
                ("T3@server", lambda: t3_chat(work, ["hub"], params["T3_clients"], params["T3_rates"],
                                              params["T3_step_s"], None, "server")),
                ("T6@server", lambda: t6_cards(work, params["T6_channels"], [10, 25, *params["T6_rates"]],
                                               params["T6_step_s"], "server")),
                ("T7@server", lambda: t7_history(work, params["T7_server_messages"], params["T7_rate"],
                                                 params["T7_seconds"], "server")),
                ("T9@server", lambda: round2.t9_t10(work, "server", QUICK)),
                ("T11@server", lambda: round2.t11(work, "server", params["T11_messages"], QUICK)),
            ]
            for key, fn in plan:
                # T10 is measured in T9's run (one seeding); @server runs follow their emulation key.
                base_key = key.split("@")[0]
                if not (want(key) or want(base_key) or (base_key == "T9" and want("T10"))):
                    continue
                # BENCH_ROUND2_STORES=memory leaves out every SecantusDB run (and server the emulation's T9-T12).
                if ("@" in key or base_key in ("T9", "T11", "T12")) and ("server" if "@" in key else "memory") \
                        not in params["round2_stores"]:
                    continue
                t0 = time.monotonic()
                print(f"[bench] {key} ...", file=sys.stderr, flush=True)
                try:
                    result["scenarios"][key] = fn()
                except Exception as exc:  # one broken scenario must not hide the others
                    print(f"[bench] {key} failed: {exc}", file=sys.stderr, flush=True)
                    result["scenarios"][key] = {"error": str(exc)[-2000:]}
                print(f"[bench] {key} done in {time.monotonic() - t0:.0f}s", file=sys.stderr, flush=True)
                # Written after every scenario, so that a run cut short keeps what it measured.
                (RESULTS / "partial.json").write_text(json.dumps(result, indent=1))
    result["finished"] = time.strftime("%Y-%m-%dT%H:%M:%S")
    ok = {k: v for k, v in result["scenarios"].items() if "error" not in v}
    text = table({**result, "scenarios": ok})
    result["table"] = text
    out = RESULTS / "latest.json"
    out.write_text(json.dumps(result, indent=1))
    png = RESULTS / "t1_fanout.png"
    plotted = plot(result, png)
    print(text)
    for k, v in result["scenarios"].items():
        if "error" in v:
            print(f"{k}: ERROR {v['error'][:300]}")
    print(f"\nstore: {params['store']}; JSON: {out}" + (f"; plot: {png}" if plotted else ""))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
