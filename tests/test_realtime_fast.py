"""Delivery semantics of the fast client manager and the no-deflate WebSocket driver (hub/realtime/fast.py)."""

from __future__ import annotations

import asyncio
from typing import Any

import aiohttp
import pytest
import socketio
from aiohttp import web
from aiohttp.test_utils import TestServer

from hub.lib import jsonutil
from hub.realtime import fast
from hub.realtime.fast import FastAsyncManager, IdleQueue, install_fast_paths
from tests.time_fixtures import wait_until


class Peer:
    def __init__(self) -> None:
        self.sio = socketio.AsyncClient(reconnection=False)
        self.got: list[tuple[str, Any]] = []

        async def any_event(event: str, *data: Any) -> None:
            self.got.append((event, data[0] if len(data) == 1 else data))

        self.sio.on("*", any_event)

    def of(self, name: str) -> list[Any]:
        return [d for e, d in self.got if e == name]


async def _world(n: int, manager: socketio.AsyncManager | None = None,
                 ) -> tuple[socketio.AsyncServer, TestServer, list[Peer], list[str]]:
    sio = socketio.AsyncServer(async_mode="aiohttp", client_manager=manager or FastAsyncManager(), json=jsonutil)
    install_fast_paths(sio)
    sids: list[str] = []

    async def connect(sid: str, environ: dict[str, Any], auth: Any = None) -> None:
        sids.append(sid)

    async def echo(sid: str, data: Any) -> Any:
        return {"echo": data}

    sio.on("connect", connect)
    sio.on("echo", echo)

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


async def test_callback_and_binary_emits_are_not_overtaken_by_plain_ones_started_after_them() -> None:
    sio, server, peers, sids = await _world(1)
    try:
        (a,) = sids
        peer = peers[0]
        await sio.enter_room(a, "r")
        answers: list[Any] = []

        def ask(data: Any) -> Any:
            peer.got.append(("ask", data))
            return {"answer": data["n"]}

        peer.sio.on("ask", ask)
        for n in range(3):
            # Started in this order, on one client (by sid and by room): delivered in this order.
            await asyncio.gather(sio.emit("bin", {"n": n, "raw": b"\x00\x01"}, to=a), sio.emit("plain", n, room="r"))
            await asyncio.gather(sio.emit("ask", {"n": n}, to=a, callback=answers.append), sio.emit("after", n, to=a))
        async def all_arrived() -> bool:
            return len(peer.got) >= 12 and len(answers) == 3

        await wait_until(all_arrived, within=5, what="twelve events and three answers")
        assert [e for e, _ in peer.got] == ["bin", "plain", "ask", "after"] * 3
        assert [d["n"] for e, d in peer.got if e == "bin"] == [0, 1, 2]
        assert peer.of("bin")[0]["raw"] == b"\x00\x01"
        assert answers == [{"answer": 0}, {"answer": 1}, {"answer": 2}]
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


# ---------------------------------------------------------------- direct writes to idle WebSocket writers
@pytest.fixture
def counted(monkeypatch: pytest.MonkeyPatch) -> dict[str, int]:
    """Counts frames written directly and frames that fell back to the queue."""
    seen = {"direct": 0, "queued": 0}
    real = fast.write_now

    def counting(sock: Any, frame: bytes) -> bool:
        ok = real(sock, frame)
        seen["direct" if ok else "queued"] += 1
        return ok

    monkeypatch.setattr(fast, "write_now", counting)
    return seen


async def _eio_socket(sio: socketio.AsyncServer, sid: str) -> Any:
    return sio.eio.sockets[sio.manager.eio_sid_from_sid(sid, "/")]


async def test_library_hooks_the_direct_path_relies_on() -> None:
    """Fails loudly if python-engineio stops creating socket queues with create_queue(), stops passing the
    socket's bound handler to the WebSocket driver, or its writer stops waiting on the queue when idle."""
    sio, server, peers, sids = await _world(1)
    try:
        sock = await _eio_socket(sio, sids[0])
        assert isinstance(sock.queue, IdleQueue)
        assert sock in fast._direct and sock.upgraded and not sock.upgrading
        await _settle()
        assert sock.queue.consumer_idle and sock.queue.empty()
        assert fast.write_now(sock, fast.ws_text_frame('42["raw",1]'))
        await _settle()
        assert peers[0].of("raw") == [1]
    finally:
        await _close(server, peers)
    assert sock not in fast._direct  # unregistered when the WebSocket handler ends


async def test_idle_sockets_are_written_directly_in_order(counted: dict[str, int]) -> None:
    sio, server, peers, sids = await _world(3)
    try:
        for sid in sids:
            await sio.enter_room(sid, "r")
        for i in range(200):
            await sio.emit("m", {"i": i, "pad": "x" * (i * 7)}, room="r")  # 0..1.4 KB: both short length forms
            if i % 50 == 0:
                await asyncio.sleep(0.01)  # let the writers go idle again
        await _settle()
        for p in peers:
            assert [d["i"] for d in p.of("m")] == list(range(200))
        assert counted["direct"] >= 3 * 4, counted  # at least each first emit after an idle pause
    finally:
        await _close(server, peers)


async def test_queued_and_direct_frames_never_overtake_each_other(counted: dict[str, int]) -> None:
    """Stock-path packets (emits with callbacks, acks, Engine.IO sends) sit in the queue; fast emits
    made while they wait must queue behind them, and write directly again once the writer is idle."""
    sio, server, peers, sids = await _world(2)
    try:
        a, b = sids
        for sid in sids:
            await sio.enter_room(sid, "r")
        for p in peers:
            def answer(data: Any, p: Peer = p) -> Any:
                p.got.append(("cb", data))
                return data
            p.sio.on("cb", answer)
        acks: list[Any] = []
        for i in range(60):
            if i % 3 == 0:
                await sio.emit("cb", i, to=a, callback=acks.append)  # stock path, queued
                await sio.eio.send(sio.manager.eio_sid_from_sid(b, "/"), f'2["cb",{i}]')  # raw Engine.IO send
            await sio.emit("m", i, room="r")
            if i % 20 == 0:
                await asyncio.sleep(0.01)
        await _settle()
        for p in peers:
            events = [d for e, d in p.got if e in ("m", "cb")]
            assert events == [x for i in range(60) for x in ([i, i] if i % 3 == 0 else [i])], events
        assert acks == list(range(0, 60, 3))
        assert counted["direct"] > 0 and counted["queued"] > 0, counted
    finally:
        await _close(server, peers)


async def test_backed_up_transport_takes_the_queue(counted: dict[str, int], monkeypatch: pytest.MonkeyPatch) -> None:
    sio, server, peers, sids = await _world(1)
    try:
        await sio.enter_room(sids[0], "r")
        for i in range(100):
            # Every tenth emit sees a full transport buffer: it and what follows it queue until idle again.
            monkeypatch.setattr(fast, "WRITE_BUFFER_LIMIT", -1 if i % 10 == 0 else 64 * 1024)
            await sio.emit("m", i, room="r")
            if i % 25 == 0:
                await asyncio.sleep(0.01)
        await _settle()
        assert peers[0].of("m") == list(range(100))
        assert counted["queued"] >= 10 and counted["direct"] > 0, counted
    finally:
        await _close(server, peers)


async def test_frame_lengths_across_header_forms() -> None:
    sio, server, peers, sids = await _world(1)
    try:
        await _settle()
        sizes = [0, 100, 120, 125, 126, 127, 1000, 65_530, 65_536, 70_000, 200_000]
        for n in sizes:
            await sio.emit("big", "中" * (n // 3) + "x" * (n % 3), to=sids[0])
            await asyncio.sleep(0.02)
        await _settle()
        assert [len(s.encode()) for s in peers[0].of("big")] == sizes
    finally:
        await _close(server, peers)


def test_ws_text_frame_headers() -> None:
    assert fast.ws_text_frame("a") == b"\x81\x01a"
    assert fast.ws_text_frame("x" * 126)[:4] == b"\x81\x7e\x00\x7e"
    assert fast.ws_text_frame("x" * 65536)[:10] == b"\x81\x7f" + (65536).to_bytes(8, "big")


async def test_closing_socket_is_not_written(counted: dict[str, int]) -> None:
    sio, server, peers, sids = await _world(2)
    try:
        a, b = sids
        await sio.enter_room(a, "r")
        await sio.enter_room(b, "r")
        sock_b = await _eio_socket(sio, b)
        await sio.disconnect(a)
        await sio.emit("after", 1, room="r")
        await _settle()
        assert peers[0].of("after") == [] and peers[1].of("after") == [1]
        # A WebSocket aiohttp has begun to close takes no more direct frames.
        assert fast.write_now(sock_b, fast.ws_text_frame('42["after",2]'))
        await fast._direct[sock_b].response.close()
        assert not fast.write_now(sock_b, fast.ws_text_frame('42["after",3]'))
        await _settle()
        assert peers[1].of("after") == [1, 2]
    finally:
        await _close(server, peers[1:])
