"""Sessions end on every hub process at once: two real hubs on one shared store (SecantusDB) and real Redis."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import uuid
from collections.abc import AsyncIterator
from pathlib import Path

import aiohttp
import pytest
from pytest_redis.executor import RedisExecutor

from hub.seed.demo import DEMO_PASSWORD
from tests.conftest import Recorder
from tests.test_multiprocess import ROOT, HubProcess
from tests.test_sessions_end import disconnected


@pytest.fixture
def shared_store(store_server_url: str) -> str:
    """The MongoDB-compatible server both hubs share (SecantusDB for the session, or HUB_TEST_MONGODB_URL)."""
    return store_server_url


def _env(redis_proc: RedisExecutor, store_url: str, **extra: str) -> dict[str, str]:
    env = {**os.environ, "HUB_REDIS_URL": f"redis://{redis_proc.host}:{redis_proc.port}/0",
           "HUB_REDIS_PREFIX": f"mp{uuid.uuid4().hex[:8]}:", "HUB_ARGON2_TIME_COST": "1",
           "HUB_ARGON2_MEMORY_KIB": "8192", "HUB_LOG_LEVEL": "WARNING", "HUB_MONGODB_URL": store_url,
           "HUB_MONGODB_DB": f"hubtest_{uuid.uuid4().hex[:12]}", "HUB_DEMO_SCOPE": "org", **extra}
    return env


@pytest.fixture
async def hubs(request: pytest.FixtureRequest, redis_proc: RedisExecutor, shared_store: str,
               tmp_path: Path) -> AsyncIterator[tuple[HubProcess, HubProcess, dict[str, str]]]:
    env = _env(redis_proc, shared_store, **getattr(request, "param", {}))
    first = HubProcess(env, tmp_path / "hub1.log")
    try:
        await first.wait_ready()
        second = HubProcess(env, tmp_path / "hub2.log")
        try:
            await second.wait_ready()
            yield first, second, env
        finally:
            second.stop()
    finally:
        first.stop()


async def _login(hub: HubProcess, username: str, password: str = DEMO_PASSWORD) -> str:
    async with aiohttp.ClientSession() as http, http.post(
            f"{hub.url}/api/v1/session/login", json={"username": username, "password": password}) as resp:
        assert resp.status == 200, await resp.text()
        return str((await resp.json())["token"])


async def _sockets(first: HubProcess, second: HubProcess, token: str) -> list[Recorder]:
    recs = [Recorder(), Recorder()]
    await recs[0].connect(first.url, token)
    await recs[1].connect(second.url, token)
    return recs


async def _all_ended(recs: list[Recorder], reason: str) -> None:
    loop = asyncio.get_running_loop()
    started = loop.time()
    gone = [disconnected(rec) for rec in recs]
    for rec in recs:
        (ended,) = await rec.wait_for("session.ended", within=2.0)
        assert ended["reason"] == reason
    for event in gone:
        await asyncio.wait_for(event.wait(), max(0.01, 2.0 - (loop.time() - started)))


def _cli(env: dict[str, str], *args: str) -> None:
    done = subprocess.run([sys.executable, "-m", "hub", *args], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=60)
    assert done.returncode == 0, done.stderr


async def test_every_way_a_session_ends_reaches_both_processes(
        hubs: tuple[HubProcess, HubProcess, dict[str, str]]) -> None:
    first, second, env = hubs
    # Logout through one process ends the sockets of that session on both.
    token = await _login(first, "zhangsan")
    recs = await _sockets(first, second, token)
    async with aiohttp.ClientSession() as http, http.post(f"{second.url}/api/v1/session/logout",
                                                          headers={"Authorization": f"Bearer {token}"}) as r:
        assert r.status == 204
    await _all_ended(recs, "logout")
    # An administrator's command from a third process: role change, password reset, disable.
    recs = await _sockets(first, second, await _login(second, "zhangsan"))
    await asyncio.to_thread(_cli, env, "users", "roles", "zhangsan", "staff", "leader")
    await _all_ended(recs, "role_changed")
    recs = await _sockets(first, second, await _login(first, "zhangsan"))
    await asyncio.to_thread(_cli, env, "users", "reset-password", "zhangsan", "--password", "Another-Passw0rd")
    await _all_ended(recs, "password_reset")
    recs = await _sockets(first, second, await _login(first, "zhangsan", "Another-Passw0rd"))
    await asyncio.to_thread(_cli, env, "users", "disable", "zhangsan")
    await _all_ended(recs, "disabled")


@pytest.mark.parametrize("hubs", [{"HUB_SESSION_TTL_HOURS": "0.0012"}], indirect=True)  # about 4.3 s
async def test_expiry_ends_sockets_on_both_processes(hubs: tuple[HubProcess, HubProcess, dict[str, str]]) -> None:
    first, second, _ = hubs
    token = await _login(first, "zhangsan")
    recs = await _sockets(first, second, token)
    gone = [disconnected(rec) for rec in recs]
    for rec in recs:
        (ended,) = await rec.wait_for("session.ended", within=4.32 + 2.0)
        assert ended["reason"] == "expired"
    for event in gone:
        await asyncio.wait_for(event.wait(), 2.0)
