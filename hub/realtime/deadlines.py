"""Per-socket session deadlines: a socket ends when its session idles out or expires, without polling sessions.

Each socket is armed with its session's next deadline (the earlier of the absolute expiry and the idle limit
from its last activity) and re-armed on activity. One task sleeps until the earliest deadline of this process,
or until the hub clock moves; a due socket's session is re-read (HTTP or another process may have kept it
alive) and is either re-armed or ended: revoked, told `session.ended`, and disconnected.
"""

from __future__ import annotations

import asyncio
import contextlib
import heapq
import logging
from datetime import datetime, timedelta

import socketio
from beanie import PydanticObjectId

from hub.context import Hub
from hub.events import SessionEnded
from hub.lib.timeutil import as_utc
from hub.models import AuthSession

log = logging.getLogger(__name__)


def session_deadline(hub: Hub, session: AuthSession) -> datetime:
    idle = as_utc(session.last_seen_at) + timedelta(minutes=hub.settings.session_idle_minutes)
    return min(as_utc(session.expires_at), idle)


class SessionDeadlines:
    """The deadlines of this process's sockets."""

    def __init__(self, hub: Hub, sio: socketio.AsyncServer) -> None:
        self.hub, self.sio = hub, sio
        self._armed: dict[str, tuple[datetime, PydanticObjectId]] = {}
        self._heap: list[tuple[datetime, str]] = []
        self._wake = asyncio.Event()
        self._task: asyncio.Task[None] | None = None
        hub.clock.on_change(self._wake.set)

    def arm(self, sid: str, session: AuthSession) -> None:
        assert session.id is not None
        deadline = session_deadline(self.hub, session)
        current = self._armed.get(sid)
        if current is not None and current[0] == deadline:
            return
        self._armed[sid] = (deadline, session.id)
        heapq.heappush(self._heap, (deadline, sid))
        if self._heap[0][1] == sid:
            self._wake.set()

    def forget(self, sid: str) -> None:
        self._armed.pop(sid, None)  # its heap entry is skipped when it comes up

    async def start(self) -> None:
        self._task = asyncio.create_task(self._run())

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task

    async def _run(self) -> None:
        while True:
            self._wake.clear()
            now = self.hub.clock.now()
            due: list[tuple[str, PydanticObjectId]] = []
            while self._heap and self._heap[0][0] <= now:
                deadline, sid = heapq.heappop(self._heap)
                armed = self._armed.get(sid)
                if armed is not None and armed[0] == deadline:
                    del self._armed[sid]
                    due.append((sid, armed[1]))
            for sid, session_id in due:
                try:
                    await self._check(sid, session_id)
                except Exception:  # a store hiccup: try this socket again shortly
                    log.warning("session deadline check failed for %s; retrying", sid, exc_info=True)
                    self._armed[sid] = (now + timedelta(seconds=5), session_id)
                    heapq.heappush(self._heap, (now + timedelta(seconds=5), sid))
            timeout = (self._heap[0][0] - self.hub.clock.now()).total_seconds() if self._heap else None
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), None if timeout is None else max(0.0, timeout) + 0.005)

    async def _check(self, sid: str, session_id: PydanticObjectId) -> None:
        session = await AuthSession.get(session_id)
        now = self.hub.clock.now()
        if session is not None and session.revoked_at is None and session_deadline(self.hub, session) > now:
            self.arm(sid, session)  # kept alive elsewhere (HTTP, another process)
            return
        reason = "expired"
        if session is not None and session.revoked_at is None:
            reason = "idle" if as_utc(session.expires_at) > now else "expired"
            await AuthSession.get_pymongo_collection().update_one(
                {"_id": session.id, "revoked_at": None}, {"$set": {"revoked_at": now}})
        elif session is not None:
            # Revoked already: by another process's deadline for this same session (both fire at once), or a logout.
            revoked = as_utc(session.revoked_at) if session.revoked_at is not None else now
            if revoked >= as_utc(session.expires_at):
                reason = "expired"
            elif revoked >= session_deadline(self.hub, session):
                reason = "idle"
            else:
                reason = "logout"
        self.hub.realtime.socket_auth.drop(sid)
        await end_socket(self.sio, sid, SessionEnded(reason=reason))


async def end_socket(sio: socketio.AsyncServer, sid: str, event: SessionEnded) -> None:
    """Tell one local socket why, then close it: delivered here, never through another process."""
    await socketio.AsyncManager.emit(sio.manager, event.NAME, event.model_dump(mode="json"), namespace="/",
                                     room=sid)
    await sio.disconnect(sid)
