"""Socket events of out-of-process bots: connect with a bot token, claim jobs, return results."""

from __future__ import annotations

from typing import Any

import socketio
from pydantic import BaseModel, Field, ValidationError

from hub.access import parse_id
from hub.actions.bots import authenticate_bot
from hub.botplatform.host import bot_room
from hub.context import Hub
from hub.errors import HubError


class ClaimIn(BaseModel):
    job_id: str


class ResultIn(BaseModel):
    job_id: str
    result: Any = None
    error: str | None = Field(default=None, max_length=500)


async def bot_connect(sio: socketio.AsyncServer, hub: Hub, sid: str, token: str) -> None:
    try:
        account, _ = await authenticate_bot(token)
    except HubError as exc:
        raise socketio.exceptions.ConnectionRefusedError(exc.code, exc.to_dict()) from None
    await sio.save_session(sid, {"bot": account.key})
    await sio.enter_room(sid, bot_room(account.key))


def register_bot_handlers(sio: socketio.AsyncServer, hub: Hub) -> None:
    async def bot_of(sid: str) -> str:
        key = (await sio.get_session(sid)).get("bot")
        if not key:
            raise HubError("forbidden")
        return str(key)

    async def claim(sid: str, data: Any = None) -> dict[str, Any]:
        try:
            key, req = await bot_of(sid), ClaimIn.model_validate(data)
            job = await hub.bots.claim(key, parse_id(req.job_id), sid)
        except (HubError, ValidationError) as exc:
            return {"ok": False, "error": (exc if isinstance(exc, HubError) else HubError("invalid_request")).to_dict()}
        if job is None:
            return {"ok": False, "error": HubError("not_found", detail="already taken or expired").to_dict()}
        return {"ok": True, "data": {"job_id": str(job.id), "kind": job.kind, "payload": job.payload}}

    async def result(sid: str, data: Any = None) -> dict[str, Any]:
        try:
            key, req = await bot_of(sid), ResultIn.model_validate(data)
            taken = await hub.bots.finish(key, parse_id(req.job_id), sid, req.result, req.error)
        except (HubError, ValidationError) as exc:
            return {"ok": False, "error": (exc if isinstance(exc, HubError) else HubError("invalid_request")).to_dict()}
        return {"ok": taken}

    async def pending(sid: str, data: Any = None) -> dict[str, Any]:
        try:
            return {"ok": True, "data": {"job_ids": await hub.bots.pending(await bot_of(sid))}}
        except HubError as exc:
            return {"ok": False, "error": exc.to_dict()}

    async def disconnect(sid: str, *reason: Any) -> None:
        # Only bot sockets hold jobs; a user's socket has no "bot" in its session.
        try:
            state = await sio.get_session(sid)
        except KeyError:
            return
        if state.get("bot"):
            await hub.bots.release_replica(sid)

    sio.on("bot.claim", claim)
    sio.on("disconnect", disconnect)
    sio.on("bot.result", result)
    sio.on("bot.pending", pending)
