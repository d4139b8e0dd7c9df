"""Handing work to bots: in-process bots are called directly, others get a job that one replica claims."""

from __future__ import annotations

import asyncio
import logging
from datetime import datetime, timedelta
from typing import Any

from pydantic import BaseModel
from pymongo import ReturnDocument

from bots.protocol import (
    ActionEvent,
    Bot,
    BotError,
    CommandEvent,
    IntegrationEvent,
    MentionEvent,
)
from hub.access import parse_id
from hub.actions.bots import ensure_bot
from hub.actions.timers import do_schedule_timer
from hub.botplatform.handler import BotCardHandler, CheckedRecorder, actor
from hub.botplatform.local_api import LocalBotAPI
from hub.context import Hub
from hub.errors import HubError
from hub.handlers import HandlerResult
from hub.lib.timeutil import as_utc
from hub.models import BotAccount, BotJob, Timer, User

__all__ = ["BotHost", "actor", "bot_room"]

log = logging.getLogger(__name__)


LEASE_TIMER = "bot.job_lease"


async def lease_expired(hub: Hub, timer: Timer) -> None:
    """Timer handler: the replica holding a job never answered; let another take it."""
    job = await BotJob.get(parse_id(str(timer.payload["job_id"])))
    if job is None or job.status != "claimed" or job.attempts != timer.payload["attempts"]:
        return  # answered, expired or already redelivered
    if job.lease_until is not None and as_utc(job.lease_until) > hub.clock.now():
        return
    await hub.bots.release(job.id, job.attempts)


def bot_room(key: str) -> str:
    return f"bot:{key}"


class BotHost:
    """Owned by the Hub. One method per kind of bot work; each fails with a clear HubError."""

    def __init__(self, hub: Hub) -> None:
        self.hub = hub
        self.local: dict[str, Bot] = {}
        self._apis: dict[str, LocalBotAPI] = {}
        self._finished: dict[str, asyncio.Event] = {}
        self._tasks: set[asyncio.Task[None]] = set()
        # A card whose bot runs elsewhere is handled through a job; no registration needed in this process.
        hub.handlers.fallback = lambda key: BotCardHandler(self, key)

    async def register(self, bot: Bot) -> BotAccount:
        """Run this bot inside the hub from now on."""
        account = await ensure_bot(bot.key, bot.name, list(bot.commands))
        user = await User.get(account.user_id)
        if user is None:
            raise HubError("bot_unavailable")
        # Looked up once here, not on every click the bot handles.
        self._apis[bot.key] = LocalBotAPI(self.hub, account, user)
        self.local[bot.key] = bot
        self.hub.handlers.register(bot.key, BotCardHandler(self, bot.key))
        return account

    async def bot_user(self, key: str) -> User:
        if key in self._apis:
            return self._apis[key].user
        account = await BotAccount.find_one(BotAccount.key == key)
        user = await User.get(account.user_id) if account else None
        if user is None:
            raise HubError("bot_unavailable")
        return user

    async def _run(self, key: str, kind: str, event: BaseModel) -> Any:
        """Call the bot, in-process or through a job, within the timeout; map every failure to a code."""
        timeout = self.hub.settings.bot_timeout_seconds
        try:
            if key in self.local:
                return await asyncio.wait_for(self._call_local(key, kind, event), timeout)
            return await self._call_remote(key, kind, event, timeout)
        except TimeoutError:
            raise HubError("bot_timeout") from None
        except BotError as exc:
            raise HubError("bot_failed", detail=str(exc)) from None
        except HubError:
            raise
        except Exception:
            log.exception("bot %s failed on %s", key, kind)
            raise HubError("bot_failed") from None

    async def _call_local(self, key: str, kind: str, event: Any) -> Any:
        bot, api = self.local[key], self._apis[key]
        if kind == "action":
            # Whatever the bot posts while deciding is recorded, and applied once the click has committed.
            recorder = CheckedRecorder(self.hub, api)
            change = await bot.on_action(recorder, event)
            return HandlerResult(change=change, effects=recorder.effects)
        if kind == "command":
            return await bot.on_command(api, event)
        if kind == "mention":
            return await bot.on_mention(api, event)
        return await bot.on_integration(api, event)

    async def call_action(self, key: str, event: ActionEvent) -> Any:
        """The bot's answer to a click: a HandlerResult from a bot in this process, the job's raw result from
        one in its own process (BotCardHandler reads both)."""
        return await self._run(key, "action", event)

    async def run_command(self, key: str, event: CommandEvent) -> str | None:
        result = await self._run(key, "command", event)
        return result if isinstance(result, str) or result is None else str(result.get("reply") or "") or None

    async def run_integration(self, key: str, event: IntegrationEvent) -> None:
        if key in self.local:
            await self._run(key, "integration", event)
        else:
            # Nobody waits for an integration: the job stays queued until a replica takes it.
            await self._enqueue(key, "integration", event, deadline=None)

    def notify_mention(self, key: str, event: MentionEvent) -> None:
        """Mentions are fire-and-forget: the sender's message is already stored and sent."""
        task = asyncio.create_task(self._mention(key, event))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def _mention(self, key: str, event: MentionEvent) -> None:
        try:
            await self._run(key, "mention", event)
        except HubError as exc:
            log.info("bot %s did not take a mention: %s", key, exc.code)

    async def _enqueue(self, key: str, kind: str, event: BaseModel, deadline: float | None) -> BotJob:
        now = self.hub.clock.now()
        job = BotJob(bot_key=key, kind=kind, payload=event.model_dump(mode="json"), created_at=now,
                     deadline=now + timedelta(seconds=deadline) if deadline else None)
        await job.insert()
        await self._announce(key, job.id, kind)
        return job

    async def _announce(self, key: str, job_id: Any, kind: str) -> None:
        await self.hub.realtime.sio.emit("bot.job", {"job_id": str(job_id), "kind": kind}, room=bot_room(key))

    async def _call_remote(self, key: str, kind: str, event: BaseModel, within: float) -> Any:
        job = await self._enqueue(key, kind, event, deadline=within)
        done = self._finished.setdefault(str(job.id), asyncio.Event())
        loop = asyncio.get_running_loop()
        end = loop.time() + within
        try:
            while loop.time() < end:
                # The result may land on another hub process: the local event is only a fast path.
                try:
                    await asyncio.wait_for(done.wait(), min(0.1, max(0.0, end - loop.time())))
                except TimeoutError:
                    pass
                current = await BotJob.get(job.id)
                if current is not None and current.status == "done":
                    return current.result
                if current is not None and current.status == "failed":
                    raise BotError(current.error or "")
            await BotJob.get_pymongo_collection().update_one(
                {"_id": job.id, "status": {"$in": ["pending", "claimed"]}}, {"$set": {"status": "expired"}})
            raise TimeoutError
        finally:
            self._finished.pop(str(job.id), None)

    def _claimable(self, now: datetime) -> dict[str, Any]:
        """Pending, or claimed under a lease that has run out; and not past its caller's deadline."""
        return {"$and": [{"$or": [{"status": "pending"}, {"status": "claimed", "lease_until": {"$lte": now}}]},
                         {"$or": [{"deadline": None}, {"deadline": {"$gt": now}}]}]}

    async def claim(self, key: str, job_id: Any, replica: str) -> BotJob | None:
        """One replica at a time gets a job, under a lease of bot_job_lease_seconds; the rest get None. A
        durable timer at the lease's end gives the job to another replica if no result came."""
        now = self.hub.clock.now()
        lease_until = now + timedelta(seconds=self.hub.settings.bot_job_lease_seconds)
        doc = await BotJob.get_pymongo_collection().find_one_and_update(
            {"_id": job_id, "bot_key": key, **self._claimable(now)},
            {"$set": {"status": "claimed", "claimed_by": replica, "lease_until": lease_until},
             "$inc": {"attempts": 1}}, return_document=ReturnDocument.AFTER)
        if not doc:
            return None
        job: BotJob = BotJob.model_validate(doc)
        await do_schedule_timer(self.hub, LEASE_TIMER, f"bot-job-lease:{job.id}:{job.attempts}", lease_until,
                                {"job_id": str(job.id), "attempts": job.attempts})
        return job

    async def finish(self, key: str, job_id: Any, replica: str, result: Any, error: str | None) -> bool:
        """Apply a replica's answer once: only the current lease holder's, and only the first."""
        update = {"status": "failed", "error": error[:500]} if error is not None else {"status": "done",
                                                                                        "result": result}
        res = await BotJob.get_pymongo_collection().update_one(
            {"_id": job_id, "bot_key": key, "status": "claimed", "claimed_by": replica},
            {"$set": {**update, "lease_until": None}})
        if event := self._finished.get(str(job_id)):
            event.set()
        return bool(res.modified_count)

    async def release(self, job_id: Any, attempts: int) -> bool:
        """Put a job whose holder is gone back in the queue and tell the live replicas (guarded on the claim
        it ends, so a repeated call changes nothing)."""
        doc = await BotJob.get_pymongo_collection().find_one_and_update(
            {"_id": job_id, "status": "claimed", "attempts": attempts},
            {"$set": {"status": "pending", "claimed_by": None, "lease_until": None}},
            return_document=ReturnDocument.AFTER)
        if doc is None:
            return False
        log.info("bot job %s of %s redelivered after its holder went away", job_id, doc["bot_key"])
        await self._announce(doc["bot_key"], job_id, doc["kind"])
        return True

    async def release_replica(self, replica: str) -> int:
        """A bot socket closed: its unfinished jobs go to the other replicas now, not at lease expiry."""
        jobs = await BotJob.find(BotJob.claimed_by == replica, BotJob.status == "claimed").to_list()
        return sum([await self.release(job.id, job.attempts) for job in jobs])

    async def pending(self, key: str) -> list[str]:
        jobs = await BotJob.find(BotJob.bot_key == key, self._claimable(self.hub.clock.now())) \
            .sort("+created_at").limit(100).to_list()
        return [str(j.id) for j in jobs]

    async def close(self) -> None:
        for task in list(self._tasks):
            task.cancel()
