"""The durable default: `python -m hub run` on the embedded SecantusDB keeps data across restarts, and the CLI
acts on the store the running hub uses."""

from __future__ import annotations

import asyncio
import json
import os
import sys
from pathlib import Path
from typing import Any

import aiohttp

from hub.seed.demo import DEMO_PASSWORD
from tests.test_multiprocess import HubProcess

ROOT = Path(__file__).resolve().parent.parent


def _embedded_env(data_dir: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("HUB_MONGODB_URL", "HUB_STORE", "HUB_REDIS_URL")}
    return {**env, "HUB_DATA_DIR": str(data_dir), "HUB_ARGON2_TIME_COST": "1", "HUB_ARGON2_MEMORY_KIB": "8192",
            "HUB_LOG_LEVEL": "INFO"}


async def _api(hub: HubProcess, method: str, path: str, token: str | None = None, **kw: Any) -> tuple[int, Any]:
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    async with aiohttp.ClientSession() as http, http.request(method, f"{hub.url}/api/v1/{path}", headers=headers,
                                                              **kw) as resp:
        return resp.status, await resp.json()


async def _login(hub: HubProcess, username: str, password: str = DEMO_PASSWORD) -> tuple[int, Any]:
    return await _api(hub, "POST", "session/login", json={"username": username, "password": password})


async def _cli(env: dict[str, str], *args: str) -> tuple[int, str, str]:
    proc = await asyncio.create_subprocess_exec(sys.executable, "-m", "hub", *args, cwd=ROOT, env=env,
                                                stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)
    out, err = await asyncio.wait_for(proc.communicate(), 60)
    return proc.returncode or 0, out.decode(), err.decode()


async def _gone(pid: int, within: float = 25.0) -> bool:
    loop = asyncio.get_running_loop()
    deadline = loop.time() + within
    while loop.time() < deadline:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return True
        await asyncio.sleep(0.1)
    return False


async def test_a_message_survives_a_restart_of_the_embedded_hub(tmp_path: Path) -> None:
    env = _embedded_env(tmp_path / "data")
    first = HubProcess(env, tmp_path / "first.log")
    try:
        await first.wait_ready()
        state = json.loads((tmp_path / "data" / "store.json").read_text())
        status, body = await _login(first, "zhangsan")
        assert status == 200, body
        token = body["token"]
        # 张三's unit channel (the demo also gives people direct conversations with its bots).
        channel = next(c for c in (await _api(first, "GET", "channels", token))[1]["channels"]
                       if c["kind"] == "unit")
        status, sent = await _api(first, "POST", f"channels/{channel['id']}/messages", token,
                                  json={"content": "重启之后还在", "client_msg_id": "durable-1"})
        assert status == 201, sent
    finally:
        first.stop()
    assert "demo organisation loaded" in (tmp_path / "first.log").read_text()
    assert await _gone(state["pid"]), "the hub left its SecantusDB server running"
    assert not (tmp_path / "data" / "store.json").exists()

    second = HubProcess(env, tmp_path / "second.log")
    try:
        await second.wait_ready()
        status, body = await _login(second, "zhangsan")
        assert status == 200, body
        page = (await _api(second, "GET", f"channels/{channel['id']}/messages", body["token"]))[1]
        assert [(m["seq"], m["content"]) for m in page["messages"]][-1] == (sent["seq"], "重启之后还在")
    finally:
        second.stop()
    assert "demo organisation loaded" not in (tmp_path / "second.log").read_text()  # nothing seeded twice


async def test_the_cli_changes_the_running_embedded_hub(tmp_path: Path) -> None:
    env = _embedded_env(tmp_path / "data")
    hub = HubProcess(env, tmp_path / "hub.log")
    try:
        await hub.wait_ready()
        code, out, err = await _cli(env, "users", "add", "wangli", "--name", "王丽", "--password", "Wangli@2026")
        assert code == 0 and "created user wangli" in out, err
        status, body = await _login(hub, "wangli", "Wangli@2026")
        assert status == 200 and body["user"]["name"] == "王丽", body
        code, out, err = await _cli(env, "users", "disable", "wangli")
        assert code == 0, err
        status, body = await _login(hub, "wangli", "Wangli@2026")
        assert status in (401, 403), body
        code, out, _ = await _cli(env, "audit", "verify")
        assert code == 0 and "audit chain intact" in out and " 0 entries" not in out
    finally:
        hub.stop()
