"""Fan-out of typed events to rooms, plus per-user room changes that reach every hub process."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import uuid
from typing import Any

import orjson
import redis.asyncio as aioredis
import socketio

from hub.events import Event
from hub.realtime.socket_auth import SocketAuth

log = logging.getLogger(__name__)
NAMESPACE = "/"


def channel_room(channel_id: object) -> str:
    return f"ch:{channel_id}"


def user_room(user_id: object) -> str:
    return f"u:{user_id}"


def session_room(session_id: object) -> str:
    return f"s:{session_id}"


class Realtime:
    """Emits events; joins, removes and disconnects a user's sockets wherever they are connected.

    python-socketio can only change rooms of sockets on the local process, so room changes for a
    user travel on a Redis channel of our own and each process applies them to its local sockets.
    Each other process acknowledges a room change once applied, and the change waits for those
    acknowledgements (briefly), so that whatever the caller emits next reaches the new room everywhere:
    room changes and emits travel on different Redis channels, whose order is not kept across them.
    """

    ACK_TIMEOUT_S = 2.0
    RECONNECT_MAX_S = 5.0

    def __init__(self, sio: socketio.AsyncServer, redis: aioredis.Redis | None, prefix: str) -> None:
        self.sio = sio
        self.redis = redis
        self.prefix = prefix
        self.control_channel = f"{prefix}control"
        self.origin = uuid.uuid4().hex
        self.ack_channel = f"{prefix}ack:{self.origin}"
        self._listener: asyncio.Task[None] | None = None
        self._waiting: dict[str, tuple[int, asyncio.Future[None]]] = {}
        self.connected = asyncio.Event()  # the control listener is subscribed (tests and health wait on it)
        self.socket_auth = SocketAuth()  # this process's sockets' users and sessions (hub/realtime/socket_auth.py)

    async def emit(self, room: str | list[str], event: Event, skip_sid: str | None = None) -> None:
        await self.sio.emit(event.NAME, event.model_dump(mode="json"), room=room, skip_sid=skip_sid)

    async def add_user_to_room(self, user_id: object, room: str) -> None:
        await self._control({"op": "enter", "user": str(user_id), "room": room})

    async def remove_user_from_room(self, user_id: object, room: str) -> None:
        await self._control({"op": "leave", "user": str(user_id), "room": room})

    async def user_changed(self, user_id: object) -> None:
        """A user's stored fields changed while their sessions stay: their sockets, on every process, read
        the user again at their next event."""
        await self._control({"op": "refresh", "user": str(user_id)})

    async def disconnect_room(self, room: str, event: Event) -> None:
        """Tell the sockets in room why, then close them, on every process. The event travels with the
        disconnect, so each process tells its own sockets just before closing them (never after)."""
        await self._control({"op": "disconnect", "room": room, "event": event.NAME,
                             "data": orjson.dumps(event.model_dump(mode="json")).decode()})

    async def _control(self, op: dict[str, str]) -> None:
        await self._apply(op)
        if self.redis is None:
            return
        ack = uuid.uuid4().hex
        loop = asyncio.get_running_loop()
        done: asyncio.Future[None] = loop.create_future()
        self._waiting[ack] = (0, done)
        try:
            receivers = int(await self.redis.publish(self.control_channel,
                                                     orjson.dumps({**op, "origin": self.origin, "ack": ack})))
            others = receivers - (1 if self.connected.is_set() else 0)
            # A publisher that does not listen (the CLI) hears no acknowledgements and does not wait for them.
            if others > 0 and self._listener is not None:
                self._waiting[ack] = (others, done)
                await asyncio.wait_for(done, self.ACK_TIMEOUT_S)
        except TimeoutError:
            log.warning("control %s: not every hub process acknowledged within %.1f s", op["op"], self.ACK_TIMEOUT_S)
        except (aioredis.ConnectionError, aioredis.TimeoutError, OSError) as exc:
            # The change is committed and applied here; other processes' sockets catch up through sync.
            log.error("control %s not published (Redis unavailable: %s)", op["op"], type(exc).__name__)
        finally:
            self._waiting.pop(ack, None)

    def _acknowledged(self, ack: str) -> None:
        waiting = self._waiting.get(ack)
        if waiting is None:
            return
        left, done = waiting
        if left <= 1:
            if not done.done():
                done.set_result(None)
        else:
            self._waiting[ack] = (left - 1, done)

    async def _apply(self, op: dict[str, str]) -> None:
        if op["op"] == "disconnect":
            data = orjson.loads(op["data"]) if "data" in op else None
            closing = list(self.sio.manager.get_participants(NAMESPACE, op["room"]))
            # Before anything awaits: an event on these sockets must re-read (and be refused) from here on.
            self.socket_auth.forget([sid for sid, _ in closing])
            for sid, _ in closing:
                if data is not None:
                    # Local delivery only: through the pub/sub manager it could arrive after the close.
                    await socketio.AsyncManager.emit(self.sio.manager, op["event"], data, namespace=NAMESPACE,
                                                     room=sid)
                await self.sio.disconnect(sid)
            return
        if op["op"] == "refresh":
            self.socket_auth.forget([sid for sid, _ in self.sio.manager.get_participants(NAMESPACE,
                                                                                       user_room(op["user"]))])
            return
        for sid, _ in list(self.sio.manager.get_participants(NAMESPACE, user_room(op["user"]))):
            if op["op"] == "enter":
                await self.sio.enter_room(sid, op["room"])
            else:
                await self.sio.leave_room(sid, op["room"])

    async def start(self) -> None:
        if self.redis is not None:
            pubsub = self.redis.pubsub(ignore_subscribe_messages=True)
            await pubsub.subscribe(self.control_channel, self.ack_channel)
            self.connected.set()
            self._listener = asyncio.create_task(self._listen_forever(pubsub))

    async def stop(self) -> None:
        close_publisher = getattr(self.sio.manager, "close_publisher", None)  # the Redis manager's (pubsub.py)
        if close_publisher is not None:
            await close_publisher()
        if self._listener is not None:
            self._listener.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._listener

    async def _listen_forever(self, pubsub: Any) -> None:
        """Listen; when Redis goes away, subscribe again with backoff until it is back."""
        assert self.redis is not None
        delay = 0.2
        while True:
            try:
                await self._listen(pubsub)
            except (aioredis.ConnectionError, aioredis.TimeoutError, OSError) as exc:
                self.connected.clear()
                log.warning("control bus lost Redis (%s); subscribing again", type(exc).__name__)
            with contextlib.suppress(Exception):
                await pubsub.aclose()
            while True:
                await asyncio.sleep(delay)
                delay = min(delay * 2, self.RECONNECT_MAX_S)
                try:
                    pubsub = self.redis.pubsub(ignore_subscribe_messages=True)
                    await pubsub.subscribe(self.control_channel, self.ack_channel)
                except (aioredis.ConnectionError, aioredis.TimeoutError, OSError):
                    continue
                self.connected.set()
                log.info("control bus subscribed to Redis again")
                delay = 0.2
                break

    async def _listen(self, pubsub: Any) -> None:
        async for raw in pubsub.listen():
            try:
                if raw["channel"] in (self.ack_channel, self.ack_channel.encode()):
                    self._acknowledged(raw["data"].decode() if isinstance(raw["data"], bytes) else raw["data"])
                    continue
                op = orjson.loads(raw["data"])
                ack = op.pop("ack", None)
                origin = op.pop("origin", None)
                if origin == self.origin:
                    continue
                await self._apply(op)
                if ack and origin and self.redis is not None:
                    await self.redis.publish(f"{self.prefix}ack:{origin}", ack)
            except (aioredis.ConnectionError, aioredis.TimeoutError, OSError):
                raise
            except Exception:  # one bad control message must not stop the listener
                log.exception("bad control message")
