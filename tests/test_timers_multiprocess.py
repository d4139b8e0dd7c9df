"""Two real hub processes sharing one store: every due timer fires exactly once between them."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import uuid
from collections.abc import AsyncIterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import aiohttp
import pytest

from hub.actions.timers import do_schedule_timer
from hub.app import make_hub
from hub.context import Hub
from hub.models import Timer
from hub.settings import Settings
from hub.store.db import open_store
from tests.time_fixtures import ROOT, free_port, shared_store_url, wait_until
from tests.timer_hub import HANG_FIRST, PROBE

__all__ = ["shared_store_url"]


class TimerHub:
    """`python -m tests.timer_hub`: the real app with a probe timer kind, its clock movable over HTTP."""

    def __init__(self, env: dict[str, str], log: Path) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = log
        self.proc = subprocess.Popen([sys.executable, "-m", "tests.timer_hub"], cwd=ROOT,
                                     env={**env, "HUB_PORT": str(self.port)}, stdout=log.open("w"),
                                     stderr=subprocess.STDOUT)

    async def wait_ready(self) -> None:
        async with aiohttp.ClientSession() as http:
            for _ in range(600):
                if self.proc.poll() is not None:
                    raise AssertionError(f"hub exited: {self.log.read_text()}")
                try:
                    async with http.get(f"{self.url}/healthz") as resp:
                        if resp.status == 200:
                            return
                except aiohttp.ClientError:
                    pass
                await asyncio.sleep(0.1)
        raise AssertionError(f"hub did not start: {self.log.read_text()}")

    async def advance(self, seconds: float) -> dict[str, Any]:
        async with aiohttp.ClientSession() as http, http.post(f"{self.url}/api/v1/test/clock",
                                                              json={"advance_seconds": seconds}) as resp:
            assert resp.status == 200, await resp.text()
            body: dict[str, Any] = await resp.json()
            return body

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()


@pytest.fixture
async def scheduler_hub(shared_store_url: str) -> AsyncIterator[Hub]:
    """A hub in this process on the shared database, to schedule through the public action; its own runner
    has no probe handler, so only the subprocesses fire."""
    settings = Settings(mongodb_url=shared_store_url, mongodb_db=f"hubtest_{uuid.uuid4().hex[:12]}",
                        argon2_time_cost=1, argon2_memory_kib=8192)
    hub = make_hub(settings)
    hub.store = await open_store(settings.mongodb_url, settings.mongodb_db, banner=False)
    yield hub
    await hub.store.client.drop_database(settings.mongodb_db)
    await hub.store.close()


def _env(hub: Hub) -> dict[str, str]:
    settings = hub.settings
    env = {**os.environ, "HUB_MONGODB_URL": str(settings.mongodb_url), "HUB_MONGODB_DB": settings.mongodb_db,
           "HUB_TEST_CLOCK": "true", "HUB_ARGON2_TIME_COST": "1", "HUB_ARGON2_MEMORY_KIB": "8192",
           "HUB_LOG_LEVEL": "WARNING", "HUB_SCHEDULER_POLL_SECONDS": "1",
           "HUB_DAILY_DIGEST": "false"}
    env.pop("HUB_REDIS_URL", None)
    return env


async def _probe_rows(hub: Hub) -> list[dict[str, Any]]:
    assert hub.store is not None
    rows: list[dict[str, Any]] = await hub.store.database["timer_probe"].find({}).sort("attempt", 1).to_list(None)
    return rows


async def test_a_due_timer_fires_once_across_two_hub_processes(scheduler_hub: Hub, tmp_path: Path) -> None:
    env = _env(scheduler_hub)
    hubs = [TimerHub(env, tmp_path / f"hub{i}.log") for i in range(2)]
    try:
        await asyncio.gather(*(h.wait_ready() for h in hubs))
        count = 30
        soon = scheduler_hub.clock.now() + timedelta(hours=1)
        for i in range(count):
            await do_schedule_timer(scheduler_hub, PROBE, f"mp:{i}", soon + timedelta(milliseconds=i), {"i": i})
        # Not due yet for either process; then both clocks move past the due time and both runners race.
        moved = await asyncio.gather(*(h.advance(7200) for h in hubs))
        assert [m["offset_seconds"] for m in moved] == [7200, 7200]

        async def all_done() -> bool:
            # The probe rows are written by the other processes' connections: on SecantusDB under load they can
            # become visible here a moment after the timers' status, so wait for both.
            # Only the probe kind: the hubs' own timers (the process-card sweep, bot leases) also come due once
            # the clocks jump two hours, and fire in the same database.
            done = await Timer.find(Timer.kind == PROBE, Timer.status == "done").count() == count
            return done and len(await _probe_rows(scheduler_hub)) >= count

        await wait_until(all_done, within=60, what="every timer done")
        rows = await _probe_rows(scheduler_hub)
        fired = sorted(r["key"] for r in rows)
        assert fired == sorted(f"mp:{i}" for i in range(count)), "a timer fired twice or not at all"
        # Fired by the subprocesses' runners (which one took which is a race), each on its first claim.
        assert {r["owner"] for r in rows} and scheduler_hub.scheduler.owner not in {r["owner"] for r in rows}
        assert all(r["attempt"] == 1 for r in rows)
    finally:
        for h in hubs:
            h.stop()


async def test_a_timer_missed_while_no_hub_ran_fires_when_one_starts(scheduler_hub: Hub, tmp_path: Path) -> None:
    await do_schedule_timer(scheduler_hub, PROBE, "mp:missed", scheduler_hub.clock.now() - timedelta(minutes=5))
    hub = TimerHub(_env(scheduler_hub), tmp_path / "hub.log")
    try:
        await hub.wait_ready()

        async def fired() -> bool:
            return len(await _probe_rows(scheduler_hub)) == 1

        await wait_until(fired, within=30, what="the missed timer fired")
    finally:
        hub.stop()


async def test_a_process_killed_mid_handler_loses_its_lease_to_another(scheduler_hub: Hub, tmp_path: Path) -> None:
    env = _env(scheduler_hub)
    hubs = [TimerHub(env, tmp_path / f"hub{i}.log") for i in range(2)]
    try:
        await asyncio.gather(*(h.wait_ready() for h in hubs))
        await do_schedule_timer(scheduler_hub, HANG_FIRST, "mp:crash", scheduler_hub.clock.now())

        async def rows(n: int) -> bool:
            return len(await _probe_rows(scheduler_hub)) >= n

        await wait_until(lambda: rows(1), within=30, what="the first attempt")
        (first,) = await _probe_rows(scheduler_hub)
        # The owner names its process: host:pid:nonce. Kill that process outright, mid-handler.
        pid = int(first["owner"].split(":")[1])
        (victim,) = [h for h in hubs if h.proc.pid == pid]
        (survivor,) = [h for h in hubs if h is not victim]
        victim.proc.kill()
        victim.proc.wait(timeout=10)
        await survivor.advance(61)  # past the 60 s lease
        await wait_until(lambda: rows(2), within=30, what="the second attempt")

        async def done() -> bool:
            timer = await Timer.find_one(Timer.key == "mp:crash")
            return timer is not None and timer.status == "done"

        await wait_until(done, within=30, what="the timer done")
        second = (await _probe_rows(scheduler_hub))[1]
        assert second["attempt"] == 2 and second["owner"] != first["owner"]
    finally:
        for h in hubs:
            h.stop()


async def test_the_test_clock_is_off_unless_enabled(client: Any) -> None:
    resp = await client.post("/api/v1/test/clock", json={"advance_seconds": 60})
    assert resp.status == 404 and (await resp.json())["error"]["code"] == "not_found"
