"""The Redis manager (hub/realtime/pubsub.py): every emit reaches the other process in order, published first."""

from __future__ import annotations

import asyncio
import uuid
from typing import Any

import pytest
from pytest_redis.executor import RedisExecutor

from hub.realtime.fast import FastEmitMixin
from hub.realtime.pubsub import FastAsyncRedisManager
from tests.test_realtime_fast import _close, _world
from tests.time_fixtures import wait_until


def _managers(redis_proc: RedisExecutor) -> tuple[FastAsyncRedisManager, FastAsyncRedisManager]:
    url, channel = f"redis://{redis_proc.host}:{redis_proc.port}/0", f"t{uuid.uuid4().hex[:8]}:socketio"
    return FastAsyncRedisManager(url, channel=channel), FastAsyncRedisManager(url, channel=channel)


async def _two_hubs(redis_proc: RedisExecutor) -> tuple[Any, Any, FastAsyncRedisManager]:
    ma, mb = _managers(redis_proc)
    a, b = await _world(2, ma), await _world(2, mb)
    for sio, _, _, sids in (a, b):
        for sid in sids:
            await sio.enter_room(sid, "r")
    # Until the other process's listener has subscribed and this one's publisher is connected, emits may not
    # arrive there or may take the awaited path: probe until both hold.
    remote = b[2][0]

    async def ready() -> bool:
        await a[0].emit("probe", 1, room="r")
        return bool(remote.of("probe")) and ma.publisher is not None and ma.publisher.conn is not None
    await wait_until(ready, within=10, what="the other process subscribed, the publisher connected")
    return a, b, ma


async def _wait_for(peers: list[Any], event: str, n: int) -> None:
    async def arrived() -> bool:
        return all(len(p.of(event)) >= n for p in peers)
    await wait_until(arrived, within=10, what=f"{n} {event} everywhere")


async def test_every_emit_reaches_both_processes_in_call_order_published_before_its_local_fanout(
        redis_proc: RedisExecutor, monkeypatch: pytest.MonkeyPatch) -> None:
    a, b, ma = await _two_hubs(redis_proc)
    assert ma.publisher is not None
    written_when_local: list[int] = []
    local = FastEmitMixin.emit

    async def recording(self: Any, event: str, *args: Any, **kwargs: Any) -> None:
        if self is ma and event == "m":
            written_when_local.append(ma.publisher.written if ma.publisher else -1)
        await local(self, event, *args, **kwargs)
    monkeypatch.setattr(FastEmitMixin, "emit", recording)
    try:
        base = ma.publisher.written
        for i in range(100):
            await a[0].emit("m", {"i": i}, room="r")
        await asyncio.gather(*(a[0].emit("m", {"i": i}, room="r") for i in range(100, 200)))
        peers = a[2] + b[2]
        await _wait_for(peers, "m", 200)
        for p in peers:
            assert [d["i"] for d in p.of("m")] == list(range(200))
        # Each emit's PUBLISH was on the wire before its own sockets heard of it.
        assert written_when_local == [base + k + 1 for k in range(200)]
    finally:
        await _close(a[1], a[2])
        await _close(b[1], b[2])
        for m in (ma, b[0].manager):
            await m.close_publisher()


async def test_a_lost_publisher_connection_loses_no_emit_and_comes_back(redis_proc: RedisExecutor) -> None:
    a, b, ma = await _two_hubs(redis_proc)
    assert ma.publisher is not None and ma.publisher.conn is not None
    try:
        writer = getattr(ma.publisher.conn, "_writer", None)
        assert isinstance(writer, asyncio.StreamWriter)
        writer.transport.abort()

        async def gone() -> bool:
            return ma.publisher is not None and ma.publisher.conn is None

        async def back() -> bool:
            return ma.publisher is not None and ma.publisher.conn is not None
        await wait_until(gone, within=5, what="the publisher noticed")
        before = ma.publisher.written
        for i in range(20):  # meanwhile: python-socketio's awaited publish
            await a[0].emit("m", {"i": i}, room="r")
        assert ma.publisher.written == before
        await wait_until(back, within=10, what="the publisher back")
        for i in range(20, 40):
            await a[0].emit("m", {"i": i}, room="r")
        assert ma.publisher.written == before + 20
        await _wait_for(a[2] + b[2], "m", 40)
        for p in a[2] + b[2]:
            assert [d["i"] for d in p.of("m")] == list(range(40))
    finally:
        await _close(a[1], a[2])
        await _close(b[1], b[2])
        for m in (ma, b[0].manager):
            await m.close_publisher()
