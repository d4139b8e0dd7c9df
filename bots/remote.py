"""Running a bot outside the hub: the bot API over HTTP, and jobs over Socket.IO, with the bot's token."""

from __future__ import annotations

import asyncio
import logging
import random
from typing import Any

import aiohttp
import socketio

from bots.protocol import ActionEvent, Bot, BotError, CommandEvent, IntegrationEvent, MentionEvent
from hub.cards import CardChange, CardSpec
from hub.effects import EffectRecorder

log = logging.getLogger(__name__)


class RemoteError(BotError):
    """The hub refused a bot API call; code is the hub's stable error code."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


class RemoteBotAPI:
    """bots.protocol.BotAPI over the hub's HTTP bot API."""

    def __init__(self, http: aiohttp.ClientSession, base_url: str, token: str) -> None:
        self.http = http
        self.base = base_url.rstrip("/") + "/api/v1/bot"
        self.headers = {"Authorization": f"Bearer {token}"}

    async def _call(self, method: str, path: str, body: Any = None) -> Any:
        async with self.http.request(method, self.base + path, json=body, headers=self.headers) as resp:
            data = await resp.json() if resp.content_type == "application/json" else None
            if resp.status >= 400:
                err = (data or {}).get("error", {})
                raise RemoteError(err.get("code", "internal"), err.get("message", f"HTTP {resp.status}"))
            return data

    async def post_message(self, text: str, *, channel_id: str | None = None, user_id: str | None = None) -> str:
        body = {"text": text, "channel_ids": [channel_id] if channel_id else [],
                "user_ids": [user_id] if user_id else []}
        return str((await self._call("POST", "/messages", body))["id"])

    async def post_card(self, spec: CardSpec, *, channel_ids: list[str] | None = None,
                        user_ids: list[str] | None = None) -> str:
        body = {"card": spec.model_dump(mode="json"), "channel_ids": channel_ids or [], "user_ids": user_ids or []}
        return str((await self._call("POST", "/cards", body))["id"])

    async def update_card(self, card_id: str, change: CardChange) -> int:
        data = await self._call("PATCH", f"/cards/{card_id}", change.model_dump(mode="json", exclude_none=True))
        return int(data["version"])

    async def storage_get(self, key: str) -> Any:
        return (await self._call("GET", f"/storage/{key}"))["value"]

    async def storage_set(self, key: str, value: Any) -> None:
        await self._call("PUT", f"/storage/{key}", {"value": value})


async def handle_job(bot: Bot, api: Any, kind: str, payload: dict[str, Any]) -> Any:
    """Run one job through the bot; the return value is what the hub stores as the job's result."""
    if kind == "action":
        # What the bot posts while deciding a click goes back with the change, and the hub applies it once
        # the click has committed: a click recomputed after losing a race must not post twice.
        recorder = EffectRecorder(api, bot.key)
        change = await bot.on_action(recorder, ActionEvent.model_validate(payload))
        return {"change": change.model_dump(mode="json"), "effects": recorder.dump()}
    if kind == "command":
        return {"reply": await bot.on_command(api, CommandEvent.model_validate(payload))}
    if kind == "mention":
        await bot.on_mention(api, MentionEvent.model_validate(payload))
        return None
    await bot.on_integration(api, IntegrationEvent.model_validate(payload))
    return None


class Runner:
    """One bot replica: claims jobs (exactly one replica wins each), reconnects with backoff."""

    def __init__(self, bot: Bot, url: str, token: str) -> None:
        self.bot, self.url, self.token = bot, url, token
        self.sio = socketio.AsyncClient(reconnection=True, reconnection_delay=0.5, reconnection_delay_max=10,
                                        randomization_factor=0.5)
        self.handled = 0
        self.api: RemoteBotAPI | None = None
        self._tasks: set[asyncio.Task[None]] = set()

    def _spawn(self, job_id: str) -> None:
        task = asyncio.create_task(self._take(job_id))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def _take(self, job_id: str) -> None:
        claim = await self.sio.call("bot.claim", {"job_id": job_id}, timeout=10)
        if not claim.get("ok"):
            return  # another replica has it
        job = claim["data"]
        result, error = None, None
        assert self.api is not None
        try:
            result = await handle_job(self.bot, self.api, job["kind"], job["payload"])
        except BotError as exc:
            error = str(exc) or type(exc).__name__
        except Exception:
            log.exception("job %s failed", job_id)
            error = "bot error"
        await self.sio.call("bot.result", {"job_id": job_id, "result": result, "error": error}, timeout=10)
        self.handled += 1

    async def run(self, stop: asyncio.Event | None = None) -> None:
        async with aiohttp.ClientSession() as http:
            self.api = RemoteBotAPI(http, self.url, self.token)

            async def connect() -> None:
                pending = await self.sio.call("bot.pending", {}, timeout=10)
                for job_id in (pending.get("data") or {}).get("job_ids", []):
                    self._spawn(job_id)

            self.sio.on("connect", connect)

            self.sio.on("bot.job", lambda data: self._spawn(data["job_id"]))
            stop = stop or asyncio.Event()
            stopper = asyncio.create_task(self._disconnect_on(stop))
            # The client library reconnects after a dropped transport by itself; a hub that closes the
            # connection (a restart, a deploy) ends sio.wait(), and we dial again with backoff.
            while not stop.is_set():
                await self._connect()
                await self.sio.wait()
            stopper.cancel()

    async def _disconnect_on(self, stop: asyncio.Event) -> None:
        await stop.wait()
        await self.sio.disconnect()

    async def _connect(self) -> None:
        delay = 0.5
        while True:
            try:
                await self.sio.connect(self.url, auth={"bot_token": self.token}, transports=["websocket"],
                                       wait_timeout=10)
                log.info("bot %s connected to %s", self.bot.key, self.url)
                return
            except socketio.exceptions.ConnectionError as exc:
                log.warning("cannot reach the hub (%s); retrying in %.1fs", exc, delay)
                await asyncio.sleep(delay * (1 + random.random() / 2))
                delay = min(delay * 2, 10)
