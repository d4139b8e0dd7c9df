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
    """

    def __init__(self, sio: socketio.AsyncServer, redis: aioredis.Redis | None, prefix: str) -> None:
        self.sio = sio
        self.redis = redis
        self.control_channel = f"{prefix}control"
        self.origin = uuid.uuid4().hex
        self._listener: asyncio.Task[None] | None = None

    async def emit(self, room: str | list[str], event: Event, skip_sid: str | None = None) -> None:
        await self.sio.emit(event.NAME, event.model_dump(mode="json"), room=room, skip_sid=skip_sid)

    async def add_user_to_room(self, user_id: object, room: str) -> None:
        await self._control({"op": "enter", "user": str(user_id), "room": room})

    async def remove_user_from_room(self, user_id: object, room: str) -> None:
        await self._control({"op": "leave", "user": str(user_id), "room": room})

    async def disconnect_room(self, room: str, event: Event) -> None:
        """Tell the sockets in room why, then close them, on every process."""
        await self.emit(room, event)
        await self._control({"op": "disconnect", "room": room})

    async def _control(self, op: dict[str, str]) -> None:
        await self._apply(op)
        if self.redis is not None:
            await self.redis.publish(self.control_channel, orjson.dumps({**op, "origin": self.origin}))

    async def _apply(self, op: dict[str, str]) -> None:
        if op["op"] == "disconnect":
            for sid, _ in list(self.sio.manager.get_participants(NAMESPACE, op["room"])):
                await self.sio.disconnect(sid)
            return
        for sid, _ in list(self.sio.manager.get_participants(NAMESPACE, user_room(op["user"]))):
            if op["op"] == "enter":
                await self.sio.enter_room(sid, op["room"])
            else:
                await self.sio.leave_room(sid, op["room"])

    async def start(self) -> None:
        if self.redis is not None:
            pubsub = self.redis.pubsub(ignore_subscribe_messages=True)
            await pubsub.subscribe(self.control_channel)
            self._listener = asyncio.create_task(self._listen(pubsub))

    async def stop(self) -> None:
        if self._listener is not None:
            self._listener.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._listener

    async def _listen(self, pubsub: Any) -> None:
        try:
            async for raw in pubsub.listen():
                try:
                    op = orjson.loads(raw["data"])
                    if op.pop("origin", None) != self.origin:
                        await self._apply(op)
                except Exception:  # one bad control message must not stop the listener
                    log.exception("bad control message")
        finally:
            await pubsub.aclose()
