"""Handing work to bots: in-process bots are called directly, others get a job that one replica claims."""

from __future__ import annotations

import asyncio
import logging
from datetime import timedelta
from typing import Any

from pydantic import BaseModel
from pymongo import ReturnDocument

from bots.protocol import (
    ActionEvent,
    Actor,
    Bot,
    BotError,
    CardState,
    CommandEvent,
    IntegrationEvent,
    MentionEvent,
)
from hub.actions.bots import ensure_bot
from hub.botplatform.local_api import LocalBotAPI
from hub.cards import CardChange
from hub.context import Hub
from hub.errors import HubError
from hub.lib.timeutil import utcnow
from hub.models import BotAccount, BotJob, Card, User

log = logging.getLogger(__name__)


def bot_room(key: str) -> str:
    return f"bot:{key}"


def actor(user: User, on_behalf_of: User | None = None) -> Actor:
    return Actor(id=str(user.id), name=user.name, on_behalf_of_id=str(on_behalf_of.id) if on_behalf_of else None,
                 on_behalf_of_name=on_behalf_of.name if on_behalf_of else None)


class BotHost:
    """Owned by the Hub. One method per kind of bot work; each fails with a clear HubError."""

    def __init__(self, hub: Hub) -> None:
        self.hub = hub
        self.local: dict[str, Bot] = {}
        self._apis: dict[str, LocalBotAPI] = {}
        self._finished: dict[str, asyncio.Event] = {}
        self._tasks: set[asyncio.Task[None]] = set()

    async def register(self, bot: Bot) -> BotAccount:
        """Run this bot inside the hub from now on."""
        account = await ensure_bot(bot.key, bot.name, list(bot.commands))
        user = await User.get(account.user_id)
        if user is None:
            raise HubError("bot_unavailable")
        # Looked up once here, not on every click the bot handles.
        self._apis[bot.key] = LocalBotAPI(self.hub, account, user)
        self.local[bot.key] = bot
        return account

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
            return await bot.on_action(api, event)
        if kind == "command":
            return await bot.on_command(api, event)
        if kind == "mention":
            return await bot.on_mention(api, event)
        return await bot.on_integration(api, event)

    async def run_action(self, card: Card, action_id: str, user: User, on_behalf_of: User | None,
                         comment: str | None, choice: str | None) -> CardChange:
        state = CardState(id=str(card.id), kind=card.kind, title=card.title, fields=card.fields, body=card.body,
                          status=card.status, version=card.version, actions=card.actions, context=card.context)
        event = ActionEvent(card=state, action_id=action_id, actor=actor(user, on_behalf_of), comment=comment,
                            choice=choice)
        result = await self._run(card.bot, "action", event)
        return result if isinstance(result, CardChange) else CardChange.model_validate(result)

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
        job = BotJob(bot_key=key, kind=kind, payload=event.model_dump(mode="json"),
                     deadline=utcnow() + timedelta(seconds=deadline) if deadline else None)
        await job.insert()
        await self.hub.realtime.sio.emit("bot.job", {"job_id": str(job.id), "kind": kind}, room=bot_room(key))
        return job

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

    async def claim(self, key: str, job_id: Any, replica: str) -> BotJob | None:
        """Exactly one replica gets a job; the rest get None."""
        doc = await BotJob.get_pymongo_collection().find_one_and_update(
            {"_id": job_id, "bot_key": key, "status": "pending"},
            {"$set": {"status": "claimed", "claimed_by": replica}}, return_document=ReturnDocument.AFTER)
        return BotJob.model_validate(doc) if doc else None

    async def finish(self, key: str, job_id: Any, replica: str, result: Any, error: str | None) -> bool:
        update = {"status": "failed", "error": error[:500]} if error is not None else {"status": "done",
                                                                                        "result": result}
        res = await BotJob.get_pymongo_collection().update_one(
            {"_id": job_id, "bot_key": key, "status": "claimed", "claimed_by": replica}, {"$set": update})
        if event := self._finished.get(str(job_id)):
            event.set()
        return bool(res.modified_count)

    async def pending(self, key: str) -> list[str]:
        now = utcnow()
        jobs = await BotJob.find(BotJob.bot_key == key, BotJob.status == "pending",
                                 {"$or": [{"deadline": None}, {"deadline": {"$gt": now}}]}).sort("+created_at") \
            .limit(100).to_list()
        return [str(j.id) for j in jobs]

    async def close(self) -> None:
        for task in list(self._tasks):
            task.cancel()
