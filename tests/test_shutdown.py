"""A real hub process: Ctrl-C stops it promptly with clients connected, and the README's signed push to the
demo integration works as written, the same after a restart (the demo secret is stable)."""

from __future__ import annotations

import asyncio
import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import aiohttp
import pytest
import socketio

from hub.seed.demo import DEMO_PASSWORD

ROOT = Path(__file__).resolve().parent.parent


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Hub:
    def __init__(self, log: Path) -> None:
        self.url = f"http://127.0.0.1:{_free_port()}"
        self.log = log
        env = {**os.environ, "HUB_PORT": self.url.rsplit(":", 1)[1], "HUB_HOST": "127.0.0.1",
               "HUB_ARGON2_TIME_COST": "1", "HUB_ARGON2_MEMORY_KIB": "8192", "HUB_SECRET_KEY": "readme-test-key",
               # The hub's own shutdown is measured here: the embedded store adds its clean WiredTiger close
               # (about 2 s) after the hub has let go of it, which tests/test_store_modes.py covers.
               "HUB_STORE": "memory"}
        for name in ("HUB_REDIS_URL", "HUB_MONGODB_URL", "HUB_WEBCLIENT_DIR"):
            env.pop(name, None)
        self.proc = subprocess.Popen([sys.executable, "-m", "hub", "run", "--demo"], cwd=ROOT, env=env,
                                     stdout=log.open("w"), stderr=subprocess.STDOUT)

    async def wait_ready(self) -> None:
        async with aiohttp.ClientSession() as http:
            for _ in range(300):
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

    async def login(self, username: str) -> str:
        async with aiohttp.ClientSession() as http, http.post(
                f"{self.url}/api/v1/session/login", json={"username": username, "password": DEMO_PASSWORD}) as resp:
            assert resp.status == 200, await resp.text()
            return str((await resp.json())["token"])

    async def stop_within(self, sig: signal.Signals, seconds: float) -> float:
        start = time.monotonic()
        self.proc.send_signal(sig)
        try:
            await asyncio.to_thread(self.proc.wait, 10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
        took = time.monotonic() - start
        assert took < seconds, f"took {took:.1f}s to stop:\n{self.log.read_text()[-2000:]}"
        return took


@pytest.fixture
def hubs(tmp_path: Path) -> Iterator[list[Hub]]:
    made: list[Hub] = []
    yield made
    for hub in made:
        if hub.proc.poll() is None:
            hub.proc.kill()
            hub.proc.wait()


def _push_example() -> str:
    readme = (ROOT / "README.md").read_text()
    found = re.search(r"<!-- push-example -->\n```sh\n(.*?)```", readme, re.S)
    assert found, "README lost its push example"
    return found.group(1)


async def _run_push_example(hub: Hub) -> None:
    env = {**os.environ, "HUB": hub.url, "HUB_SECRET_KEY": "readme-test-key"}
    out = await asyncio.to_thread(subprocess.run, ["bash", "-euo", "pipefail", "-c", _push_example()],
                                  env=env, capture_output=True, text=True, timeout=30)
    assert out.returncode == 0 and out.stdout.strip().endswith("202"), (out.stdout, out.stderr)
    token = await hub.login("zhangsan")
    async with aiohttp.ClientSession(headers={"Authorization": f"Bearer {token}"}) as http:
        async with http.get(f"{hub.url}/api/v1/channels") as resp:
            channel = next(c for c in (await resp.json())["channels"] if c["name"] == "市财政局")
        assert channel["last_message"]["content"] == "【省公文交换】测试推送：请查收"


async def _poller_that_left(http: aiohttp.ClientSession, url: str, token: str) -> asyncio.Task[int]:
    """An engine.io polling client, by hand: it connects, leaves a long-poll open, then says goodbye (a close
    packet) as a browser tab does when closed; its last poll is still waiting on the hub."""
    base = f"{url}/socket.io/?EIO=4&transport=polling"
    async with http.get(base) as resp:
        sid = json.loads((await resp.text())[1:])["sid"]
    base += f"&sid={sid}"
    async with http.post(base, data="40" + json.dumps({"token": token})) as resp:
        assert resp.status == 200
    async with http.get(base) as resp:
        assert (await resp.text()).startswith("40")

    async def poll() -> int:
        async with http.get(base) as resp:
            await resp.read()
            return resp.status

    waiting = asyncio.create_task(poll())
    async with http.post(base, data="1") as resp:
        assert resp.status == 200
    assert not waiting.done()
    return waiting


async def test_ctrl_c_with_a_polling_client_and_one_that_left_and_the_readme_push(hubs: list[Hub],
                                                                                  tmp_path: Path) -> None:
    hub = Hub(tmp_path / "hub1.log")
    hubs.append(hub)
    await hub.wait_ready()
    await _run_push_example(hub)
    token = await hub.login("zhangsan")
    http = aiohttp.ClientSession()
    pending = await _poller_that_left(http, hub.url, token)
    staying = socketio.AsyncClient(reconnection=False)
    await staying.connect(hub.url, auth={"token": token}, transports=["polling"])
    disconnected = asyncio.Event()
    staying.on("disconnect", lambda *args: disconnected.set())
    await hub.stop_within(signal.SIGINT, 2.0)
    await asyncio.wait_for(disconnected.wait(), 5)
    assert pending.done()
    await http.close()
    log = hub.log.read_text()
    assert "shutting down: closing 1 realtime connections" in log and "hub stopped" in log


async def test_sigterm_with_a_websocket_client_and_the_same_secret_after_restart(hubs: list[Hub],
                                                                                 tmp_path: Path) -> None:
    hub = Hub(tmp_path / "hub2.log")
    hubs.append(hub)
    await hub.wait_ready()
    await _run_push_example(hub)  # a fresh process, a fresh in-memory store: the README's secret still holds
    client = socketio.AsyncClient(reconnection=False)
    await client.connect(hub.url, auth={"token": await hub.login("majun")}, transports=["websocket"])
    await hub.stop_within(signal.SIGTERM, 2.0)
    await client.disconnect()
    assert "hub stopped" in hub.log.read_text()
