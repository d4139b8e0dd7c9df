"""Faults survived with nothing acknowledged lost: Redis going away under two hubs, and a client offline while
a thousand messages pass. Real processes, a real store, a real redis-server."""

from __future__ import annotations

import asyncio
import os
import subprocess
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import Recorder, World
from tests.test_multiprocess import HubProcess, _free_port, _socket

OUTAGE_S = float(os.environ.get("HUB_TEST_REDIS_OUTAGE_S", "30"))


class RedisServer:
    """A redis-server of this test's own, so it can be stopped and started again on the same port."""

    def __init__(self, directory: Path) -> None:
        self.port = _free_port()
        self.directory = directory
        self.proc: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        self.proc = subprocess.Popen(["redis-server", "--port", str(self.port), "--bind", "127.0.0.1", "--save", "",
                                      "--appendonly", "no", "--dir", str(self.directory)],
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    def stop(self) -> None:
        if self.proc is not None:
            self.proc.terminate()
            self.proc.wait(10)
            self.proc = None


@pytest.fixture
def own_redis(tmp_path: Path) -> Iterator[RedisServer]:
    server = RedisServer(tmp_path)
    server.start()
    yield server
    server.stop()


async def _channel_of(hub: HubProcess, username: str) -> str:
    import aiohttp

    token = await hub.login(username)
    async with aiohttp.ClientSession() as http, http.get(
            f"{hub.url}/api/v1/channels", headers={"Authorization": f"Bearer {token}"}) as r:
        return str(next(c for c in (await r.json())["channels"] if c["kind"] == "unit")["id"])


async def _send(rec: Recorder, channel: str, text: str) -> dict[str, Any]:
    ack = await rec.call("message.send", {"channel_id": channel, "content": text,
                                          "client_msg_id": f"f-{uuid.uuid4().hex[:12]}"})
    assert ack["ok"], ack
    return dict(ack["data"])


def _seqs(rec: Recorder, channel: str) -> list[int]:
    return [e["message"]["seq"] for e in rec.of("message.new") if e["message"]["channel_id"] == channel]


async def test_redis_down_for_a_while_hubs_serve_their_own_and_catch_up_after(
        own_redis: RedisServer, store_server_url: str, tmp_path: Path) -> None:
    env = {**os.environ, "HUB_REDIS_URL": own_redis.url, "HUB_REDIS_PREFIX": f"rf{uuid.uuid4().hex[:8]}:",
           "HUB_ARGON2_TIME_COST": "1", "HUB_ARGON2_MEMORY_KIB": "8192", "HUB_LOG_LEVEL": "WARNING",
           "HUB_MONGODB_URL": store_server_url, "HUB_MONGODB_DB": f"hubtest_{uuid.uuid4().hex[:12]}"}
    first = HubProcess(env, tmp_path / "hub1.log")
    second: HubProcess | None = None
    recs: list[Recorder] = []
    try:
        await first.wait_ready()
        second = HubProcess(env, tmp_path / "hub2.log")
        await second.wait_ready()
        sender, local, remote = (await _socket(first, "zhangsan"), await _socket(first, "majun"),
                                 await _socket(second, "zhangshaosong"))
        recs = [sender, local, remote]
        channel = await _channel_of(first, "zhangsan")
        before = await _send(sender, channel, "停电之前")
        await remote.wait_for("message.new")
        acked = [before["seq"]]

        own_redis.stop()
        during = [await _send(sender, channel, f"Redis 停止期间 {n}") for n in range(5)]
        acked += [m["seq"] for m in during]
        # The hub keeps serving its own sockets: the colleague on the same process hears each one live.
        await local.wait_until(lambda r: set(acked) <= set(_seqs(r, channel)), within=10)
        await asyncio.sleep(OUTAGE_S)  # the outage itself, not a wait for anything
        own_redis.start()

        # Fan-out across processes resumes: keep sending until the other process hears one live.
        loop = asyncio.get_running_loop()
        deadline = loop.time() + 90
        while True:
            acked.append((await _send(sender, channel, "恢复之后"))["seq"])
            try:
                await remote.wait_until(lambda r: acked[-1] in _seqs(r, channel), within=2)
                break
            except AssertionError:
                if loop.time() > deadline:
                    raise
        # What crossed processes meanwhile is caught up by sync, in order, each exactly once.
        live = _seqs(remote, channel)
        sync = await remote.call("sync", {"channels": [{"channel_id": channel, "last_seq": before["seq"],
                                                        "last_rev": 0}]})
        assert sync["ok"], sync
        (caught,) = sync["data"]["channels"]
        assert not caught["too_far_behind"]
        recovered = [m["seq"] for m in caught["messages"]]
        assert recovered == sorted(recovered) and len(recovered) == len(set(recovered))
        seen = set(live) | set(recovered)
        assert set(acked) <= seen, (acked, live, recovered)
        assert recovered == list(range(before["seq"] + 1, caught["last_seq"] + 1))  # no gap
    finally:
        for rec in recs:
            if rec.sio.connected:
                await rec.sio.disconnect()
        if second is not None:
            second.stop()
        first.stop()


async def test_a_client_offline_while_a_thousand_messages_pass_pages_history_without_a_gap(world: World) -> None:
    unit = await world.unit("czj", "市财政局")
    await world.user("zhangsan", "张三", units=[unit])
    await world.user("lisi", "李四", units=[unit])
    sender_token, reader_token = await world.login("zhangsan"), await world.login("lisi")
    (channel,) = (await world.api("GET", "/api/v1/channels", reader_token))[1]["channels"]
    cid = channel["id"]
    sender = await world.socket(sender_token)
    first = await _send(sender, cid, "离线之前")
    # The reader goes offline (no socket) while 1,000 messages pass, each acknowledged.
    acked = [first["seq"]] + [(await _send(sender, cid, f"第{n}条"))["seq"] for n in range(1000)]
    reader = await world.socket(reader_token)
    sync = await reader.call("sync", {"channels": [{"channel_id": cid, "last_seq": first["seq"], "last_rev": 0}]})
    (caught,) = sync["data"]["channels"]
    assert caught["too_far_behind"] and caught["messages"] == [] and caught["last_seq"] == acked[-1]
    # Page back through history from the newest until the last seq the reader had: every one, once, in order.
    got: list[int] = []
    before = caught["last_seq"] + 1
    while True:
        status, page = await world.api("GET", f"/api/v1/channels/{cid}/messages?before={before}&limit=100",
                                       reader_token)
        assert status == 200
        seqs = [m["seq"] for m in page["messages"]]
        got = [s for s in seqs if s > first["seq"]] + got
        if not seqs or seqs[0] <= first["seq"] + 1 or not page["has_more"]:
            break
        before = seqs[0]
    assert got == acked[1:]


class StoreServer:
    """A SecantusDB of this test's own: stopped and started again on the same port and data directory."""

    def __init__(self, directory: Path) -> None:
        from hub.store.embedded import server_binary

        self.binary = server_binary()
        self.port = _free_port()
        self.directory = directory
        self.proc: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        # Server selection gives up after 5 s: a send fails promptly rather than hanging for 30.
        return f"mongodb://127.0.0.1:{self.port}/?directConnection=true&serverSelectionTimeoutMS=5000"

    async def start(self) -> None:
        args = [self.binary, "--host", "127.0.0.1", "--port", str(self.port), "--storage-path",
                str(self.directory / "data"), "--log-level", "WARNING"]
        # A server that outlives this call, stopped by stop(): not an awaited child.
        self.proc = subprocess.Popen(args, stdout=(self.directory / "store.log").open("ab"),  # noqa: ASYNC220
                                     stderr=subprocess.STDOUT)
        loop = asyncio.get_running_loop()
        deadline = loop.time() + 60
        while True:
            try:
                _, writer = await asyncio.open_connection("127.0.0.1", self.port)
                writer.close()
                return
            except OSError:
                assert loop.time() < deadline, "SecantusDB did not start"
                await asyncio.sleep(0.05)

    def stop(self) -> None:
        if self.proc is not None:
            self.proc.terminate()
            self.proc.wait(30)
            self.proc = None


async def _http(hub: HubProcess, method: str, path: str, token: str, body: Any = None) -> tuple[int, Any]:
    import aiohttp

    async with aiohttp.ClientSession() as http, http.request(
            method, f"{hub.url}/api/v1/{path}", json=body, headers={"Authorization": f"Bearer {token}"}) as r:
        return r.status, await r.json()


async def test_the_store_down_for_a_while_fails_sends_clearly_and_loses_nothing(tmp_path: Path) -> None:
    store = StoreServer(tmp_path)
    await store.start()
    env = {**os.environ, "HUB_MONGODB_URL": store.url, "HUB_MONGODB_DB": "faults", "HUB_ARGON2_TIME_COST": "1",
           "HUB_ARGON2_MEMORY_KIB": "8192", "HUB_LOG_LEVEL": "WARNING", "HUB_SESSION_IDLE_MINUTES": "120"}
    env.pop("HUB_REDIS_URL", None)
    hub = HubProcess(env, tmp_path / "hub.log")
    recs: list[Recorder] = []
    try:
        await hub.wait_ready()
        sender, receiver = await _socket(hub, "zhangsan"), await _socket(hub, "majun")
        recs = [sender, receiver]
        channel = await _channel_of(hub, "zhangsan")
        acked = [(await _send(sender, channel, f"之前 {n}"))["seq"] for n in range(3)]
        staff, head = await hub.login("zhangsan"), await hub.login("majun")
        status, inst = await _http(hub, "POST", "instances", staff, {
            "definition_key": "leave", "request_id": "fault-leave-1",
            "form": {"kind": "事假", "period": ["2026-12-07", "2026-12-08"], "days": 2, "reason": "家中有事"}})
        assert status == 200, inst

        store.stop()
        loop = asyncio.get_running_loop()
        outage_started = loop.time()
        queued = [{"channel_id": channel, "content": f"断开期间 {n}", "client_msg_id": f"queued-{n}"} for n in range(3)]
        for payload in queued:
            t = loop.time()
            ack = await sender.call("message.send", payload, within=30)
            assert not ack["ok"] and ack["error"]["code"] == "store_unavailable", ack
            assert loop.time() - t < 10, "a send must fail promptly, not hang"
            assert ack["error"]["message"] and ack["error"]["message_en"]
        status, body = await _http(hub, "POST", f"instances/{inst['id']}/actions", head,
                                   {"op": "approve", "opinion": "同意", "request_id": "fault-approve-1"})
        assert status == 503 and body["error"]["code"] == "store_unavailable", body
        await asyncio.sleep(max(0.0, OUTAGE_S - (loop.time() - outage_started)))
        await store.start()

        # The client resends what it kept queued, with the same ids, until the store answers again.
        deadline = loop.time() + 60
        for payload in queued:
            while True:
                ack = await sender.call("message.send", payload, within=30)
                if ack["ok"]:
                    acked.append(ack["data"]["seq"])
                    break
                assert ack["error"]["code"] == "store_unavailable" and loop.time() < deadline, ack
                await asyncio.sleep(0.5)
        again = await sender.call("message.send", queued[0])
        assert again["ok"] and again["data"]["seq"] == acked[3]  # a second resend stores nothing new
        while True:
            status, body = await _http(hub, "POST", f"instances/{inst['id']}/actions", head,
                                       {"op": "approve", "opinion": "同意", "request_id": "fault-approve-1"})
            if status != 503 or loop.time() > deadline:
                break
            await asyncio.sleep(0.5)
        assert status == 200, body
        status, repeat = await _http(hub, "POST", f"instances/{inst['id']}/actions", head,
                                     {"op": "approve", "opinion": "同意", "request_id": "fault-approve-1"})
        assert status == 200 and repeat["instance"]["version"] == body["instance"]["version"]  # applied once
        approvals = [t for t in repeat["instance"]["trail"] if t["kind"] == "approve"]
        assert len(approvals) == 1

        status, page = await _http(hub, "GET", f"channels/{channel}/messages?limit=50", staff)
        contents = [m["content"] for m in page["messages"] if m["seq"] in acked]
        assert contents == [f"之前 {n}" for n in range(3)] + [f"断开期间 {n}" for n in range(3)]
        await receiver.wait_until(lambda r: set(acked) <= set(_seqs(r, channel)), within=10)
        assert sorted(_seqs(receiver, channel)) == sorted(set(_seqs(receiver, channel)))  # each delivered once
    finally:
        for rec in recs:
            if rec.sio.connected:
                await rec.sio.disconnect()
        hub.stop()
        store.stop()


async def test_one_of_three_hubs_killed_while_clients_send(store_server_url: str, redis_proc: Any,
                                                           tmp_path: Path) -> None:
    env = {**os.environ, "HUB_REDIS_URL": f"redis://{redis_proc.host}:{redis_proc.port}/0",
           "HUB_REDIS_PREFIX": f"k{uuid.uuid4().hex[:8]}:", "HUB_ARGON2_TIME_COST": "1",
           "HUB_ARGON2_MEMORY_KIB": "8192", "HUB_LOG_LEVEL": "WARNING", "HUB_MONGODB_URL": store_server_url,
           "HUB_MONGODB_DB": f"hubtest_{uuid.uuid4().hex[:12]}"}
    hubs: list[HubProcess] = []
    recs: list[Recorder] = []
    try:
        for n in range(3):
            hubs.append(HubProcess(env, tmp_path / f"hub{n}.log"))
            await hubs[-1].wait_ready()  # one at a time: the first seeds the demo
        a, b, doomed = hubs
        sender = await _socket(doomed, "zhangsan")
        steady = await _socket(a, "majun")
        moved = await _socket(doomed, "zhangshaosong")
        recs = [sender, steady, moved]
        channel = await _channel_of(a, "zhangsan")
        payloads = [{"channel_id": channel, "content": f"第{n}条", "client_msg_id": f"kill-{n}"} for n in range(120)]
        acked: dict[str, int] = {}
        for payload in payloads[:40]:
            ack = await sender.call("message.send", payload)
            acked[payload["client_msg_id"]] = ack["data"]["seq"]
        await moved.wait_until(lambda r: len(_seqs(r, channel)) >= 40, within=20)
        # Kill the hub mid-stream: sends in flight then are not acknowledged, so the client keeps them queued.
        in_flight = [asyncio.ensure_future(sender.call("message.send", p, within=10)) for p in payloads[40:50]]
        doomed.proc.kill()
        doomed.proc.wait(10)
        for fut, payload in zip(in_flight, payloads[40:50], strict=True):
            try:
                ack = await fut
            except Exception:  # the socket died under it: not acknowledged
                continue
            if ack.get("ok"):
                acked[payload["client_msg_id"]] = ack["data"]["seq"]
        # The clients reconnect to the other hubs; the sender resends everything not acknowledged, same ids.
        sender = await _socket(b, "zhangsan")
        moved_seen = _seqs(moved, channel)
        moved = await _socket(a, "zhangshaosong")
        recs += [sender, moved]
        for payload in payloads[40:]:
            ack = await sender.call("message.send", payload)
            assert ack["ok"], ack
            if payload["client_msg_id"] in acked:
                assert ack["data"]["seq"] == acked[payload["client_msg_id"]]  # acknowledged before: stored once
            acked[payload["client_msg_id"]] = ack["data"]["seq"]
        sync = await moved.call("sync", {"channels": [{"channel_id": channel, "last_seq": max(moved_seen),
                                                       "last_rev": 0}]})
        (caught,) = sync["data"]["channels"]
        moved_all = moved_seen + [m["seq"] for m in caught["messages"]] + _seqs(moved, channel)
        await steady.wait_until(lambda r: set(acked.values()) <= set(_seqs(r, channel)), within=20)
        want = set(acked.values())
        assert len(want) == 120  # every message stored exactly once, resends included
        for seen in (_seqs(steady, channel), moved_all):
            assert want <= set(seen)
        assert len(_seqs(steady, channel)) == len(set(_seqs(steady, channel)))  # live: no duplicate
        assert sorted(set(moved_all)) == sorted(want)
    finally:
        for rec in recs:
            if rec.sio.connected:
                await rec.sio.disconnect()
        for hub in hubs:
            if hub.proc.poll() is None:
                hub.stop()
