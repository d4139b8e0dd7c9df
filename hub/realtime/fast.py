"""Performance levers for python-socketio, through its extension points and small pinned hooks.

FastEmitMixin is a client manager: an emit without a callback is encoded once (Socket.IO packet, Engine.IO
frame text and the WebSocket frame bytes alike). Each recipient then gets it one of two ways:

- written straight to the socket's transport, when the socket is on WebSocket and its Engine.IO writer is
  idle: blocked on an empty outgoing queue, so every frame queued before has been handed to the transport
  already and this one cannot overtake it. No task, no queue, no wake-up: one `transport.write`;
- otherwise put on the socket's outgoing queue (Engine.IO's writer sends it in order), as python-socketio
  would, but without an asyncio task and three coroutines per recipient.

A socket whose transport is backed up (a slow reader) always takes the queue, so Engine.IO's own flow
control (aiohttp's drain) applies to it. Emits with callbacks and binary payloads always take the queue,
enqueued during the call like the rest (the stock path enqueues them a loop turn later, out of order).

The writer is seen idle through the queue Engine.IO creates with `create_queue()` (a public method meant to
be overridden per async model): IdleQueue notes when its consumer is blocked on it. FastWebSocket is the
Engine.IO aiohttp WebSocket driver, declining permessage-deflate (browsers ask for it; for small chat frames
it roughly doubles CPU and memory per connection) and registering the socket's transport for direct writes.
tests/test_realtime_fast.py pins the library behaviour this relies on.
"""

from __future__ import annotations

import asyncio
import logging
import struct
import weakref
from collections.abc import Iterable, Iterator
from typing import Any

import socketio
from aiohttp.web import WebSocketResponse
from bidict import bidict
from engineio import packet as eio_packet
from engineio.async_drivers.aiohttp import WebSocket as _AiohttpWebSocket
from socketio import packet

log = logging.getLogger(__name__)
# Engine.IO v4 packet types: open, close, ping, pong, message, upgrade, noop.
_EIO_TYPES = frozenset("0123456")
# Above this many bytes waiting in a socket's transport, frames go through the queue (and aiohttp's drain).
WRITE_BUFFER_LIMIT = 64 * 1024


class IdleQueue(asyncio.Queue[Any]):
    """A socket's outgoing queue that knows when its consumer is blocked waiting on it."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.consumer_idle = False

    async def get(self) -> Any:
        self.consumer_idle = self.empty()
        try:
            return await super().get()
        finally:
            self.consumer_idle = False


class _Direct:
    """Where a WebSocket-transport socket's frames may be written directly."""

    __slots__ = ("response", "transport")

    def __init__(self, response: WebSocketResponse, transport: asyncio.Transport) -> None:
        self.response, self.transport = response, transport


# Engine.IO socket -> its WebSocket, for as long as the WebSocket handler runs.
_direct: weakref.WeakKeyDictionary[Any, _Direct] = weakref.WeakKeyDictionary()


def ws_text_frame(text: str) -> bytes:
    """An unmasked, unfragmented RFC 6455 text frame, as a server sends it."""
    data = text.encode()
    n = len(data)
    if n < 126:
        return struct.pack("!BB", 0x81, n) + data
    if n < 65536:
        return struct.pack("!BBH", 0x81, 126, n) + data
    return struct.pack("!BBQ", 0x81, 127, n) + data


def write_now(sock: Any, frame: bytes) -> bool:
    """Write `frame` to the socket's transport if that keeps its order; False: queue it instead."""
    d = _direct.get(sock)
    if d is None or not sock.upgraded or sock.upgrading:
        return False
    q = sock.queue
    if not (isinstance(q, IdleQueue) and q.consumer_idle and q.empty()):
        return False
    t = d.transport
    if d.response.closed or t.is_closing() or t.get_write_buffer_size() > WRITE_BUFFER_LIMIT:
        return False
    t.write(frame)
    return True


async def close_websocket(sock: Any) -> None:
    """Close the WebSocket under an Engine.IO socket now, rather than wait for the client to hang up."""
    d = _direct.get(sock)
    if d is not None and not d.response.closed:
        await d.response.close()


class FastEmitMixin(socketio.AsyncManager):  # type: ignore[misc]
    """Encode once per emit; write or enqueue per recipient without creating tasks."""

    async def emit(self, event: str, data: Any, namespace: str, room: Any = None, skip_sid: Any = None,
                   callback: Any = None, to: Any = None, **kwargs: Any) -> None:
        room = to or room
        if namespace not in self.rooms:
            await super().emit(event, data, namespace, room=room, skip_sid=skip_sid, callback=callback, **kwargs)
            return
        args = list(data) if isinstance(data, tuple) else ([] if data is None else [data])
        skip = skip_sid if isinstance(skip_sid, list) else [skip_sid]
        # Every kind of emit is enqueued during this call, before it first yields: the stock path sends
        # callbacks and binary payloads from tasks, a loop turn later, so a plain emit made after them overtook them.
        if callback is not None:
            # Each recipient's packet carries its own ack id.
            for sid, sock in self._recipients(namespace, room, skip):
                pkt = self.server.packet_class(packet.EVENT, namespace=namespace, data=[event, *args],
                                               id=self._generate_ack_id(sid, callback))
                _enqueue(sock, pkt.encode())
            return
        pkt = self.server.packet_class(packet.EVENT, namespace=namespace, data=[event, *args])
        encoded = pkt.encode()
        if isinstance(encoded, list):  # binary attachments: several frames, queued together, in order
            for _, sock in self._recipients(namespace, room, skip):
                _enqueue(sock, encoded)
            return
        frame = eio_packet.Packet(eio_packet.MESSAGE, encoded)
        wire: bytes | None = None
        for _, sock in self._recipients(namespace, room, skip):
            if sock in _direct:
                if wire is None:
                    wire = ws_text_frame(frame.encode())
                if write_now(sock, wire):
                    continue
            sock.queue.put_nowait(frame)

    def _recipients(self, namespace: str, room: Any, skip: list[Any]) -> Iterator[tuple[str, Any]]:
        """(sid, Engine.IO socket) of each live participant not skipped."""
        sockets = self.server.eio.sockets
        for sid, eio_sid in self.get_participants(namespace, room):
            if sid in skip:
                continue
            sock = sockets.get(eio_sid)
            if sock is None or sock.closed or sock.closing:
                continue
            yield sid, sock

    def enter_rooms(self, sid: str, namespace: str, rooms: Iterable[str]) -> None:
        """Enter many rooms at once (a connecting socket's channels): the socket looked up once, no coroutine
        per room. Room membership is local to a process with every manager, the Redis one included."""
        if namespace not in self.rooms:
            raise ValueError("sid is not connected to requested namespace")
        by_room = self.rooms[namespace]
        eio_sid = by_room[None][sid]
        for room in rooms:
            members = by_room.get(room)
            if members is None:
                members = by_room[room] = bidict()
            members[sid] = eio_sid


def _enqueue(sock: Any, encoded: str | bytes | list[Any]) -> None:
    """Queue a Socket.IO packet's frames on the socket, as Engine.IO's send would, but now."""
    for part in encoded if isinstance(encoded, list) else [encoded]:
        sock.queue.put_nowait(eio_packet.Packet(eio_packet.MESSAGE, part))


class FastAsyncManager(FastEmitMixin):
    """The single-process manager."""


class MalformedFrame(OSError):
    """Engine.IO ends a WebSocket quietly on OSError from wait(); an unknown packet type would log a traceback."""


class FastWebSocket(_AiohttpWebSocket):  # type: ignore[misc]
    """Engine.IO's aiohttp driver without permessage-deflate, offering its transport for direct writes."""

    async def wait(self) -> Any:
        data = await super().wait()
        if isinstance(data, str) and (not data or data[0] not in _EIO_TYPES):
            log.debug("malformed Engine.IO frame (%d chars), closing the WebSocket", len(data))
            raise MalformedFrame("malformed Engine.IO frame")
        return data

    async def __call__(self, environ: dict[str, Any]) -> WebSocketResponse:
        request = environ["aiohttp.request"]
        self._sock = WebSocketResponse(max_msg_size=self.server.max_http_buffer_size, compress=False)
        await self._sock.prepare(request)
        self.environ = environ
        # The handler is the Engine.IO socket's bound _websocket_handler: its __self__ is the socket.
        sock = getattr(self.handler, "__self__", None)
        transport = request.transport
        if sock is not None and transport is not None:
            _direct[sock] = _Direct(self._sock, transport)
        try:
            await self.handler(self)
        except ValueError as exc:  # an Engine.IO frame that does not decode (an empty one, say)
            log.debug("malformed Engine.IO frame, closing the WebSocket: %s", exc)
            if sock is not None:
                await sock.close(wait=False, abort=True)
            await self._sock.close()
        finally:
            if sock is not None:
                _direct.pop(sock, None)
        return self._sock


NoDeflateWebSocket = FastWebSocket  # the earlier name


def install_fast_paths(sio: socketio.AsyncServer) -> None:
    """Use FastWebSocket and IdleQueue for this server (with a Fast*Manager, emits write directly)."""
    sio.eio._async = {**sio.eio._async, "websocket": FastWebSocket}
    sio.eio.create_queue = lambda *args, **kwargs: IdleQueue(*args, **kwargs)


disable_ws_compression = install_fast_paths  # the earlier name: compression is declined either way
