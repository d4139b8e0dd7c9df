"""Performance levers for python-socketio, through its extension points and small pinned hooks.

FastEmitMixin is a client manager: an emit without a callback is encoded once (Socket.IO packet, Engine.IO
frame text and the WebSocket frame bytes alike). Each recipient then gets it one of two ways:

- written straight to the socket's transport, when the socket is on WebSocket and its Engine.IO writer is
  idle: blocked on an empty outgoing queue, so every frame queued before has been handed to the transport
  already and this one cannot overtake it. No task, no queue, no wake-up: one `transport.write`;
- otherwise put on the socket's outgoing queue (Engine.IO's writer sends it in order), as python-socketio
  would, but without an asyncio task and three coroutines per recipient.

A socket whose transport is backed up (a slow reader) always takes the queue, so Engine.IO's own flow
control (aiohttp's drain) applies to it. Emits with callbacks and binary payloads keep the stock path.

The writer is seen idle through the queue Engine.IO creates with `create_queue()` (a public method meant to
be overridden per async model): IdleQueue notes when its consumer is blocked on it. FastWebSocket is the
Engine.IO aiohttp WebSocket driver, declining permessage-deflate (browsers ask for it; for small chat frames
it roughly doubles CPU and memory per connection) and registering the socket's transport for direct writes.
tests/test_realtime_fast.py pins the library behaviour this relies on.
"""

from __future__ import annotations

import asyncio
import struct
import weakref
from typing import Any

import socketio
from aiohttp.web import WebSocketResponse
from engineio import packet as eio_packet
from engineio.async_drivers.aiohttp import WebSocket as _AiohttpWebSocket
from socketio import packet

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


class FastEmitMixin(socketio.AsyncManager):  # type: ignore[misc]
    """Encode once per emit; write or enqueue per recipient without creating tasks."""

    async def emit(self, event: str, data: Any, namespace: str, room: Any = None, skip_sid: Any = None,
                   callback: Any = None, to: Any = None, **kwargs: Any) -> None:
        room = to or room
        if callback is not None or namespace not in self.rooms:
            await super().emit(event, data, namespace, room=room, skip_sid=skip_sid, callback=callback, **kwargs)
            return
        args = list(data) if isinstance(data, tuple) else ([] if data is None else [data])
        pkt = self.server.packet_class(packet.EVENT, namespace=namespace, data=[event, *args])
        encoded = pkt.encode()
        if isinstance(encoded, list):  # binary attachments: several frames, leave to the stock path
            await super().emit(event, data, namespace, room=room, skip_sid=skip_sid, **kwargs)
            return
        frame = eio_packet.Packet(eio_packet.MESSAGE, encoded)
        wire: bytes | None = None
        skip = skip_sid if isinstance(skip_sid, list) else [skip_sid]
        sockets = self.server.eio.sockets
        for sid, eio_sid in self.get_participants(namespace, room):
            if sid in skip:
                continue
            sock = sockets.get(eio_sid)
            if sock is None or sock.closed or sock.closing:
                continue
            if sock in _direct:
                if wire is None:
                    wire = ws_text_frame(frame.encode())
                if write_now(sock, wire):
                    continue
            sock.queue.put_nowait(frame)


class FastAsyncManager(FastEmitMixin):
    """The single-process manager."""


class FastAsyncRedisManager(socketio.AsyncRedisManager, FastEmitMixin):  # type: ignore[misc]
    """Redis pub/sub across processes; the local delivery of every emit takes the fast path."""


class FastWebSocket(_AiohttpWebSocket):  # type: ignore[misc]
    """Engine.IO's aiohttp driver without permessage-deflate, offering its transport for direct writes."""

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
