"""Delivery semantics of the fast client manager and the no-deflate WebSocket driver (hub/realtime/fast.py)."""

from __future__ import annotations

import asyncio
from typing import Any

import aiohttp
import socketio
from aiohttp import web
from aiohttp.test_utils import TestServer
from socketio.async_pubsub_manager import AsyncPubSubManager

from hub.lib import jsonutil
from hub.realtime.fast import FastAsyncManager, FastAsyncRedisManager, FastEmitMixin, disable_ws_compression


class Peer:
    def __init__(self) -> None:
        self.sio = socketio.AsyncClient(reconnection=False)
        self.got: list[tuple[str, Any]] = []

        @self.sio.on("*")
        async def any_event(event: str, *data: Any) -> None:
            self.got.append((event, data[0] if len(data) == 1 else data))

    def of(self, name: str) -> list[Any]:
        return [d for e, d in self.got if e == name]


async def _world(n: int) -> tuple[socketio.AsyncServer, TestServer, list[Peer], list[str]]:
    sio = socketio.AsyncServer(async_mode="aiohttp", client_manager=FastAsyncManager(), json=jsonutil)
    disable_ws_compression(sio)
    sids: list[str] = []

    @sio.on("connect")
    async def connect(sid: str, environ: dict[str, Any], auth: Any = None) -> None:
        sids.append(sid)

    @sio.on("echo")
    async def echo(sid: str, data: Any) -> Any:
        return {"echo": data}

    app = web.Application()
    sio.attach(app)
    server = TestServer(app)
    await server.start_server()
    peers = [Peer() for _ in range(n)]
    for p in peers:
        await p.sio.connect(str(server.make_url("/")), transports=["websocket"], wait_timeout=5)
    for _ in range(100):
        if len(sids) == n:
            break
        await asyncio.sleep(0.01)
    return sio, server, peers, sids


async def _settle() -> None:
    await asyncio.sleep(0.2)


async def _close(server: TestServer, peers: list[Peer]) -> None:
    for p in peers:
        await p.sio.disconnect()
    await server.close()


async def test_room_skip_sid_and_namespace() -> None:
    sio, server, peers, sids = await _world(3)
    try:
        a, b, c = sids
        await sio.enter_room(a, "r1")
        await sio.enter_room(b, "r1")
        await sio.emit("hello", {"n": 1}, room="r1")
        await sio.emit("hello", {"n": 2}, room="r1", skip_sid=a)
        await sio.emit("hello", {"n": 3}, room="r1", skip_sid=[a, b])
        await sio.emit("hello", {"n": 4})  # whole namespace
        await sio.emit("hello", {"n": 5}, to=c)  # one socket by sid
        await sio.emit("hello", {"n": 6}, room="nobody")
        await _settle()
        assert peers[0].of("hello") == [{"n": 1}, {"n": 4}]
        assert peers[1].of("hello") == [{"n": 1}, {"n": 2}, {"n": 4}]
        assert peers[2].of("hello") == [{"n": 4}, {"n": 5}]
    finally:
        await _close(server, peers)


async def test_several_rooms_deliver_once_and_in_order() -> None:
    sio, server, peers, sids = await _world(2)
    try:
        a, b = sids
        for room in ("r1", "r2"):
            await sio.enter_room(a, room)
        await sio.enter_room(b, "r2")
        for i in range(50):
            await sio.emit("m", i, room=["r1", "r2"])
        await sio.emit("m", "only-r1", room=["r1", "missing"])
        await _settle()
        assert peers[0].of("m") == [*range(50), "only-r1"]
        assert peers[1].of("m") == list(range(50))
    finally:
        await _close(server, peers)


async def test_multiple_args_none_binary_and_callbacks_keep_stock_behaviour() -> None:
    sio, server, peers, sids = await _world(1)
    try:
        (a,) = sids
        await sio.emit("none")
        await sio.emit("pair", (1, "two"))
        await sio.emit("bin", {"raw": b"\x00\x01"})
        got: list[Any] = []
        peers[0].sio.on("ask", lambda data: {"answer": data["q"] + 1})
        await sio.emit("ask", {"q": 1}, to=a, callback=lambda resp: got.append(resp))
        assert await peers[0].sio.call("echo", "hi", timeout=5) == {"echo": "hi"}
        await _settle()
        events = dict(peers[0].got)
        assert "none" in events
        assert events["pair"] == (1, "two")
        assert events["bin"] == {"raw": b"\x00\x01"}
        assert got == [{"answer": 2}]
    finally:
        await _close(server, peers)


async def test_closed_socket_is_skipped() -> None:
    sio, server, peers, sids = await _world(2)
    try:
        a, b = sids
        await sio.enter_room(a, "r")
        await sio.enter_room(b, "r")
        await peers[0].sio.disconnect()
        await _settle()
        await sio.emit("after", 1, room="r")
        await _settle()
        assert peers[1].of("after") == [1]
        assert peers[0].of("after") == []
    finally:
        await _close(server, peers[1:])


async def test_websocket_declines_permessage_deflate() -> None:
    _, server, _, _ = await _world(0)
    try:
        url = str(server.make_url("/socket.io/")) + "?EIO=4&transport=websocket"
        async with aiohttp.ClientSession() as http, http.ws_connect(url, compress=15) as ws:
            assert ws.compress == 0
            opening = await ws.receive_str()
            assert opening.startswith("0{")
    finally:
        await server.close()


def test_redis_manager_publishes_then_delivers_through_the_fast_path() -> None:
    mro = FastAsyncRedisManager.__mro__
    # emit() is the pub/sub one (publishes to other processes); its local delivery reaches FastEmitMixin.
    assert FastAsyncRedisManager.emit is AsyncPubSubManager.emit
    assert mro.index(AsyncPubSubManager) < mro.index(FastEmitMixin) < mro.index(socketio.AsyncManager)
