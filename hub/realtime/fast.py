"""Performance levers for python-socketio, through its supported extension points only.

FastEmitMixin is a client manager: an emit without a callback is encoded once (Socket.IO packet and
Engine.IO frame text alike) and handed to each recipient's outgoing queue directly, instead of one
asyncio task and three coroutines per recipient. Ordering per socket is the queue's order, as before.
Emits with callbacks and binary payloads keep python-socketio's own path.

NoDeflateWebSocket is the Engine.IO aiohttp WebSocket driver with permessage-deflate declined:
browsers ask for it, and for small chat frames it roughly doubles CPU and memory per connection.
"""

from __future__ import annotations

from typing import Any

import socketio
from aiohttp.web import WebSocketResponse
from engineio import packet as eio_packet
from engineio.async_drivers.aiohttp import WebSocket as _AiohttpWebSocket
from socketio import packet


class FastEmitMixin(socketio.AsyncManager):  # type: ignore[misc]
    """Encode once per emit; enqueue per recipient without creating tasks."""

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
        frame.encode()  # fills the packet's encode cache: every writer sends the same text
        skip = skip_sid if isinstance(skip_sid, list) else [skip_sid]
        sockets = self.server.eio.sockets
        for sid, eio_sid in self.get_participants(namespace, room):
            if sid in skip:
                continue
            sock = sockets.get(eio_sid)
            if sock is None or sock.closed or sock.closing:
                continue
            sock.queue.put_nowait(frame)


class FastAsyncManager(FastEmitMixin):
    """The single-process manager."""


class FastAsyncRedisManager(socketio.AsyncRedisManager, FastEmitMixin):  # type: ignore[misc]
    """Redis pub/sub across processes; the local delivery of every emit takes the fast path."""


class NoDeflateWebSocket(_AiohttpWebSocket):  # type: ignore[misc]
    """Engine.IO's aiohttp driver, answering the WebSocket upgrade without permessage-deflate."""

    async def __call__(self, environ: dict[str, Any]) -> WebSocketResponse:
        request = environ["aiohttp.request"]
        self._sock = WebSocketResponse(max_msg_size=self.server.max_http_buffer_size, compress=False)
        await self._sock.prepare(request)
        self.environ = environ
        await self.handler(self)
        return self._sock


def disable_ws_compression(sio: socketio.AsyncServer) -> None:
    """Use NoDeflateWebSocket for this server's WebSocket transport."""
    sio.eio._async = {**sio.eio._async, "websocket": NoDeflateWebSocket}
