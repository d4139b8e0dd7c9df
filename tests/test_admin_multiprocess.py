"""A security policy saved through one hub process governs the others within seconds, without a restart."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import aiohttp
import pytest
from pytest_redis.executor import RedisExecutor

from tests.test_multiprocess import HubProcess
from tests.test_sessions_multiprocess import _env, _login


class PatientHub(HubProcess):
    """Two hubs seeding the demo on a shared, loaded machine can take well over half a minute to answer."""

    async def wait_ready(self) -> None:
        loop = asyncio.get_running_loop()
        deadline = loop.time() + 180
        async with aiohttp.ClientSession() as http:
            while loop.time() < deadline:
                if self.proc.poll() is not None:
                    raise AssertionError(f"hub exited: {self.log.read_text()}")
                try:
                    async with http.get(f"{self.url}/healthz") as resp:
                        if resp.status == 200 and (await resp.json())["status"] == "ok":
                            return
                except aiohttp.ClientError:
                    pass
                await asyncio.sleep(0.2)
        raise AssertionError(f"hub did not start: {self.log.read_text()}")


@pytest.fixture
async def hubs(redis_proc: RedisExecutor, store_server_url: str,
               tmp_path: Path) -> AsyncIterator[tuple[HubProcess, HubProcess]]:
    env = _env(redis_proc, store_server_url)
    first = PatientHub(env, tmp_path / "hub1.log")
    try:
        await first.wait_ready()  # the first seeds the demo; the second finds it there
        second = PatientHub(env, tmp_path / "hub2.log")
        try:
            await second.wait_ready()
            yield first, second
        finally:
            second.stop()
    finally:
        first.stop()


async def _call(hub: HubProcess, method: str, path: str, token: str, body: Any = None) -> tuple[int, Any]:
    async with aiohttp.ClientSession() as http, http.request(
            method, f"{hub.url}{path}", json=body, headers={"Authorization": f"Bearer {token}"}) as resp:
        return resp.status, await resp.json() if resp.content_type == "application/json" else None


async def test_a_policy_saved_on_one_process_applies_on_the_other(
        hubs: tuple[HubProcess, HubProcess]) -> None:
    first, second = hubs
    sec = await _login(first, "secadmin")
    sys_token = await _login(second, "sysadmin")
    _, policy = await _call(first, "GET", "/api/v1/admin/security/policy", sec)
    status, saved = await _call(first, "PUT", "/api/v1/admin/security/policy", sec,
                                {**policy, "password_min_length": 14, "login_max_failures": 3})
    assert status == 200 and saved["version"] == policy["version"] + 1
    # The other process refreshes its policy every few seconds: wait until it refuses a 10-character password.
    loop = asyncio.get_running_loop()
    deadline, n, code = loop.time() + 15, 0, ""
    while loop.time() < deadline:
        n += 1
        status, body = await _call(second, "POST", "/api/v1/admin/users", sys_token,
                                   {"username": f"probe{n}", "name": "探针", "password": "Abcdef12!x"})
        code = body["error"]["code"] if status >= 400 else "created"
        if code == "weak_password":
            break
        await asyncio.sleep(0.5)
    assert code == "weak_password"
    # And its lockout threshold is now three.
    codes = []
    async with aiohttp.ClientSession() as http:
        for _ in range(4):
            async with http.post(f"{second.url}/api/v1/session/login",
                                 json={"username": "wufang", "password": "wrong"}) as resp:
                codes.append((await resp.json())["error"]["code"])
    assert codes[:2] == ["bad_credentials", "bad_credentials"] and codes[3] == "account_locked"
