"""Two real hub processes share fan-out through a real redis-server."""

from __future__ import annotations

import asyncio
import os
import socket
import subprocess
import sys
import uuid
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import aiohttp
import pytest
from pytest_redis.executor import RedisExecutor

from hub.seed.demo import DEMO_PASSWORD
from tests.conftest import Recorder

ROOT = Path(__file__).resolve().parent.parent


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class HubProcess:
    def __init__(self, env: dict[str, str], log: Path) -> None:
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = log
        self.proc = subprocess.Popen([sys.executable, "-m", "hub", "run", "--demo"], cwd=ROOT,
                                     env={**env, "HUB_PORT": str(self.port)}, stdout=log.open("w"),
                                     stderr=subprocess.STDOUT)

    async def wait_ready(self) -> None:
        async with aiohttp.ClientSession() as http:
            # The demo seed now covers every feature (公文, approvals, targets …): on SecantusDB under a full suite
            # a hub takes well over 30 s to load it, so wait up to three minutes (0.1 s a look).
            for _ in range(1800):
                if self.proc.poll() is not None:
                    raise AssertionError(f"hub exited: {self.log.read_text()}")
                try:
                    async with http.get(f"{self.url}/healthz") as resp:
                        if resp.status == 200 and (await resp.json())["status"] == "ok":  # ok needs Redis up
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

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()


@pytest.fixture
def hub_env(redis_proc: RedisExecutor, store_server_url: str) -> Iterator[dict[str, str]]:
    env = {**os.environ, "HUB_REDIS_URL": f"redis://{redis_proc.host}:{redis_proc.port}/0",
           "HUB_REDIS_PREFIX": f"mp{uuid.uuid4().hex[:8]}:", "HUB_ARGON2_TIME_COST": "1",
           "HUB_ARGON2_MEMORY_KIB": "8192", "HUB_LOG_LEVEL": "WARNING",
           "HUB_MONGODB_DB": f"hubtest_{uuid.uuid4().hex[:12]}", "HUB_DEMO_SCOPE": "org"}
    # Both processes share one database on a real server, as a deployment does.
    env["HUB_MONGODB_URL"] = store_server_url
    yield env


@pytest.fixture
async def two_hubs(hub_env: dict[str, str], tmp_path: Path) -> AsyncIterator[tuple[HubProcess, HubProcess]]:
    first = HubProcess(hub_env, tmp_path / "hub1.log")
    try:
        await first.wait_ready()  # seeded first, so the second finds the store loaded
        second = HubProcess(hub_env, tmp_path / "hub2.log")
        try:
            await second.wait_ready()
            yield first, second
        finally:
            second.stop()
    finally:
        first.stop()


async def _socket(hub: HubProcess, username: str) -> Recorder:
    rec = Recorder()
    await rec.connect(hub.url, await hub.login(username))
    return rec


async def test_a_message_sent_through_one_process_reaches_clients_of_another(
        two_hubs: tuple[HubProcess, HubProcess]) -> None:
    first, second = two_hubs
    sender = await _socket(first, "zhangsan")          # 市财政局
    colleague = await _socket(second, "zhangshaosong")  # 市财政局, on the other process
    stranger = await _socket(second, "luoyong")         # 市发改委: must hear nothing
    try:
        async with aiohttp.ClientSession() as http:
            token = await first.login("zhangsan")
            async with http.get(f"{first.url}/api/v1/channels", headers={"Authorization": f"Bearer {token}"}) as r:
                (channel,) = (await r.json())["channels"]
        payload = {"channel_id": channel["id"], "content": "跨进程", "client_msg_id": "x1"}
        ack = await sender.call("message.send", payload)
        assert ack["ok"], ack
        (event,) = await colleague.wait_for("message.new")
        assert event["message"]["content"] == "跨进程" and event["message"]["seq"] == ack["data"]["seq"]
        await asyncio.sleep(0.2)
        assert stranger.of("message.new") == []
    finally:
        for rec in (sender, colleague, stranger):
            await rec.sio.disconnect()


async def test_room_changes_reach_sockets_on_another_process(two_hubs: tuple[HubProcess, HubProcess]) -> None:
    first, second = two_hubs
    creator = await _socket(first, "zhangsan")
    invitee = await _socket(second, "majun")
    try:
        token = await first.login("zhangsan")
        headers = {"Authorization": f"Bearer {token}"}
        async with aiohttp.ClientSession() as http:
            async with http.get(f"{first.url}/api/v1/users", params={"q": "majun"}, headers=headers) as r:
                majun = (await r.json())["users"][0]
            async with http.post(f"{first.url}/api/v1/channels", headers=headers,
                                 json={"name": "跨进程专班", "member_ids": [majun["id"]]}) as r:
                channel = await r.json()
        # No waiting here: when the invitation has been answered, the invitee's socket on the other process
        # is already in the room (the join happens before), so the very next message reaches it.
        ack = await creator.call("message.send", {"channel_id": channel["id"], "content": "欢迎"})
        assert ack["ok"]
        (event,) = await invitee.wait_for("message.new")
        assert event["message"]["channel_id"] == channel["id"] and event["message"]["content"] == "欢迎"
        await invitee.wait_for("channel.member_added")
    finally:
        for rec in (creator, invitee):
            await rec.sio.disconnect()


async def test_disabling_a_user_from_the_cli_disconnects_them_on_every_hub(
        two_hubs: tuple[HubProcess, HubProcess], hub_env: dict[str, str]) -> None:
    first, second = two_hubs
    on_first = await _socket(first, "zhangsan")
    on_second = await _socket(second, "zhangsan")
    bystander = await _socket(second, "zhangshaosong")
    try:
        proc = await asyncio.create_subprocess_exec(sys.executable, "-m", "hub", "users", "disable", "zhangsan",
                                                    cwd=ROOT, env=hub_env, stdout=asyncio.subprocess.PIPE,
                                                    stderr=asyncio.subprocess.PIPE)
        _, err = await asyncio.wait_for(proc.communicate(), 60)
        assert proc.returncode == 0, err.decode()
        for rec in (on_first, on_second):
            (ended,) = await rec.wait_for("session.ended")
            assert ended["reason"] == "disabled"
            await rec.wait_until(lambda r: not r.sio.connected)
        assert bystander.sio.connected and bystander.of("session.ended") == []
        async with aiohttp.ClientSession() as http, http.post(
                f"{second.url}/api/v1/session/login",
                json={"username": "zhangsan", "password": DEMO_PASSWORD}) as resp:
            assert resp.status in (401, 403)
    finally:
        for rec in (on_first, on_second, bystander):
            if rec.sio.connected:
                await rec.sio.disconnect()
