"""The timer runner every hub process runs: claims due timers under a lease and fires each exactly once."""

from __future__ import annotations

import asyncio
import logging
import os
import socket
import uuid
from collections.abc import Awaitable, Callable
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from pymongo import ASCENDING, ReturnDocument

from hub.lib.timeutil import as_utc
from hub.models import Timer

if TYPE_CHECKING:
    from hub.context import Hub

log = logging.getLogger(__name__)

TimerHandler = Callable[["Hub", Timer], Awaitable[None]]
# A failing handler is retried after 2, 4, 8… seconds of hub time, up to this many attempts in all.
MAX_ATTEMPTS = 8


class TimerRegistry:
    """Handlers by timer kind. A process claims only the kinds it has handlers for, so a replica running older
    code never takes a timer it cannot fire."""

    def __init__(self) -> None:
        self._handlers: dict[str, TimerHandler] = {}

    def register(self, kind: str, handler: TimerHandler) -> None:
        if kind in self._handlers and self._handlers[kind] is not handler:
            raise ValueError(f"a handler for timer kind {kind!r} is already registered")
        self._handlers[kind] = handler

    def get(self, kind: str) -> TimerHandler | None:
        return self._handlers.get(kind)

    @property
    def kinds(self) -> list[str]:
        return sorted(self._handlers)


class Scheduler:
    """Owned by the Hub. `run()` is the loop started by create_app; `wake()` makes it look again now.

    The loop never busy-polls: after firing what is due it sleeps until the earliest pending due_at (one
    indexed read), but at most `scheduler_poll_seconds`, since other processes may schedule earlier timers;
    scheduling in this process and moving the hub clock wake it at once."""

    def __init__(self, hub: Hub) -> None:
        self.hub = hub
        self.registry = TimerRegistry()
        self.owner = f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"
        self.fired = 0
        self._wake = asyncio.Event()
        self._task: asyncio.Task[None] | None = None
        hub.clock.on_change(self.wake)

    def register(self, kind: str, handler: TimerHandler) -> None:
        self.registry.register(kind, handler)
        self.wake()

    def wake(self) -> None:
        self._wake.set()

    @property
    def _lease(self) -> timedelta:
        return timedelta(seconds=self.hub.settings.scheduler_lease_seconds)

    async def claim(self) -> Timer | None:
        """Take the earliest due timer that nobody holds a live lease on (one atomic update)."""
        kinds = self.registry.kinds
        if not kinds:
            return None
        now = self.hub.clock.now()
        doc = await Timer.get_pymongo_collection().find_one_and_update(
            {"status": "pending", "due_at": {"$lte": now}, "kind": {"$in": kinds},
             "$or": [{"lease_until": None}, {"lease_until": {"$lte": now}}]},
            {"$set": {"lease_owner": self.owner, "lease_until": now + self._lease}, "$inc": {"attempts": 1}},
            sort=[("due_at", ASCENDING)], return_document=ReturnDocument.AFTER)
        return Timer.model_validate(doc) if doc else None

    async def fire(self, timer: Timer) -> bool:
        """Run the handler, then mark the timer done only if this process still holds its lease."""
        handler = self.registry.get(timer.kind)
        assert handler is not None  # claim() only takes registered kinds
        coll = Timer.get_pymongo_collection()
        mine = {"_id": timer.id, "status": "pending", "lease_owner": self.owner}
        try:
            await handler(self.hub, timer)
        except Exception as exc:
            log.exception("timer %s (%s) failed on attempt %d", timer.key, timer.kind, timer.attempts)
            update: dict[str, Any] = {"last_error": f"{type(exc).__name__}: {exc}"[:500], "lease_owner": None}
            if timer.attempts >= MAX_ATTEMPTS:
                update.update(status="failed", finished_at=self.hub.clock.now())
            else:
                update["lease_until"] = self.hub.clock.now() + timedelta(seconds=2 ** timer.attempts)
            await coll.update_one(mine, {"$set": update})
            return False
        res = await coll.update_one(mine, {"$set": {"status": "done", "finished_at": self.hub.clock.now(),
                                                    "lease_owner": None, "lease_until": None}})
        if not res.modified_count:
            # Our lease ran out while the handler ran and another process took the timer over; the
            # handler's own idempotency on the timer id keeps the effect single.
            log.warning("timer %s finished after its lease was lost", timer.key)
            return False
        self.fired += 1
        return True

    async def fire_due(self, limit: int | None = None) -> int:
        """Fire the due timers this process can claim now, at most `limit` (settings.scheduler_batch) of them,
        so that a backlog is worked through in passes; the count it fired."""
        limit = limit or self.hub.settings.scheduler_batch
        count = 0
        for _ in range(limit):
            timer = await self.claim()
            if timer is None:
                break
            count += await self.fire(timer)
        return count

    async def next_due(self) -> datetime | None:
        """The earliest due_at among pending timers not under a live lease (read through the due index)."""
        kinds = self.registry.kinds
        if not kinds:
            return None
        now = self.hub.clock.now()
        doc = await Timer.get_pymongo_collection().find_one(
            {"status": "pending", "kind": {"$in": kinds},
             "$or": [{"lease_until": None}, {"lease_until": {"$lte": now}}]},
            sort=[("status", ASCENDING), ("due_at", ASCENDING)], projection={"due_at": 1})
        return as_utc(doc["due_at"]) if doc else None

    async def run(self) -> None:
        poll = self.hub.settings.scheduler_poll_seconds
        while True:
            self._wake.clear()
            try:
                await self.fire_due()
                due = await self.next_due()
            except asyncio.CancelledError:
                raise
            except Exception:
                # The store may be briefly unreachable; keep the loop alive and look again later.
                log.exception("timer runner pass failed")
                due = None
            delay = poll if due is None else min(poll, max(0.0, (due - self.hub.clock.now()).total_seconds()))
            if delay > 0:
                try:
                    async with asyncio.timeout(delay):
                        await self._wake.wait()
                except TimeoutError:
                    pass

    def start(self) -> None:
        self._task = asyncio.create_task(self.run(), name="timer-runner")

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            try:
                await self._task
            except asyncio.CancelledError:
                pass
            self._task = None
