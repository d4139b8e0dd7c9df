"""Redis pub/sub for the Socket.IO manager: an emit's PUBLISH leaves before its local fan-out, in call order.

python-socketio's pub/sub manager delivers an emit to this process's sockets first and publishes it after, awaiting
Redis's reply. With a room of hundreds of local sockets, the other processes therefore heard of the emit only once
the local fan-out was done: the cross-process p99 penalty was the local fan-out time (14.3 ms with 500 sockets a
side, `make bench` T8). Publishing first with an await would cost every emit a round trip before its own sockets
hear of it, and emits racing on the pool's connections could then reach their local sockets out of order.

So each emit writes its PUBLISH to one dedicated connection synchronously (no await), then fans out locally, also
synchronously: PUBLISHes leave in the order of the emits, before their fan-out, and local order is what it was. A
reader task takes the replies behind them and notices a lost connection. Until the connection is back (and before
it first is), an emit takes python-socketio's own path. The message is python-socketio's own, so every listener
(and any stock publisher) understands it.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from typing import Any

import socketio
from redis.asyncio.connection import AbstractConnection, ConnectionPool
from socketio.packet import Packet

from hub.realtime.fast import FastEmitMixin

log = logging.getLogger(__name__)


class Publisher:
    """One Redis connection that PUBLISH commands are written to as they are made; a task reads the replies."""

    # A connection this far behind is stuck: emits take the awaited path (and its error handling) instead.
    MAX_BUFFER = 8 * 1024 * 1024
    RECONNECT_MAX_S = 5.0

    def __init__(self, url: str, options: dict[str, Any]) -> None:
        self.pool = ConnectionPool.from_url(url, **options)
        self.conn: AbstractConnection | None = None
        self.pending = 0  # PUBLISHes written whose reply has not been read
        self.written = 0  # in all (tests read it)
        self._wake = asyncio.Event()
        self._task: asyncio.Task[None] | None = None

    def start(self) -> None:
        if self._task is None:
            self._task = asyncio.get_running_loop().create_task(self._run())

    async def close(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
            self._task = None
        await self.pool.disconnect()

    def write(self, channel: str, payload: str) -> bool:
        """Put a PUBLISH on the wire now; False: not connected (or stuck), publish the awaited way instead."""
        conn = self.conn
        # redis-py keeps the connection's StreamWriter here (tests/test_realtime_pubsub.py pins it).
        writer: asyncio.StreamWriter | None = getattr(conn, "_writer", None)
        if conn is None or writer is None or writer.is_closing() \
                or writer.transport.get_write_buffer_size() > self.MAX_BUFFER:
            return False
        writer.writelines(conn.pack_command("PUBLISH", channel, payload))
        self.pending += 1
        self.written += 1
        self._wake.set()
        return True

    async def _run(self) -> None:
        delay = 0.2
        while True:
            conn: AbstractConnection = self.pool.make_connection()  # type: ignore[no-untyped-call]
            try:
                await conn.connect()  # type: ignore[no-untyped-call]
                self.conn, self.pending, delay = conn, 0, 0.2
                while True:
                    if not self.pending:
                        self._wake.clear()
                        await self._wake.wait()
                        continue
                    await conn.read_response()
                    self.pending -= 1
            except asyncio.CancelledError:
                raise
            except Exception as exc:  # whatever ended the connection, the PUBLISHes go the awaited way meanwhile
                log.warning("socket.io publisher lost Redis (%s); connecting again", type(exc).__name__)
            finally:
                self.conn = None
                with contextlib.suppress(Exception):
                    await conn.disconnect()
            await asyncio.sleep(delay)
            delay = min(delay * 2, self.RECONNECT_MAX_S)


class FastAsyncRedisManager(socketio.AsyncRedisManager, FastEmitMixin):  # type: ignore[misc]
    """Redis pub/sub across processes: PUBLISH first (written, not awaited), then the local fast path."""

    def __init__(self, url: str, *, channel: str, write_only: bool = False) -> None:
        super().__init__(url, channel=channel, write_only=write_only)
        # A write-only manager (the CLI) lives too briefly for a reader task: it publishes the stock way.
        self.publisher = None if write_only else Publisher(url, self.redis_options)

    async def emit(self, event: str, data: Any, namespace: str | None = None, room: Any = None,
                   skip_sid: Any = None, callback: Any = None, to: Any = None, **kwargs: Any) -> None:
        room = to or room
        namespace = namespace or "/"
        payload = list(data) if isinstance(data, tuple) else [data]
        # Callbacks and binary payloads keep the stock path; it too delivers locally before it first awaits.
        if kwargs.get("ignore_queue") or callback is not None or self.publisher is None \
                or Packet.data_is_binary(payload):
            await super().emit(event, data, namespace=namespace, room=room, skip_sid=skip_sid, callback=callback,
                               **kwargs)
            return
        self.publisher.start()
        message = {"method": "emit", "event": event, "data": payload, "binary": False, "namespace": namespace,
                   "room": room, "skip_sid": skip_sid, "callback": None, "host_id": self.host_id}
        if self.publisher.write(self.channel, self.json.dumps(message)):
            await FastEmitMixin.emit(self, event, data, namespace, room=room, skip_sid=skip_sid)
            return
        await FastEmitMixin.emit(self, event, data, namespace, room=room, skip_sid=skip_sid)
        await self._publish(message)

    async def close_publisher(self) -> None:
        if self.publisher is not None:
            await self.publisher.close()
