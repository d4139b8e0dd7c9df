"""The Socket.IO server: authenticated connects, channel rooms, and thin event handlers."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from http.cookies import SimpleCookie
from typing import Any

import socketio
from beanie import PydanticObjectId
from pydantic import BaseModel, ValidationError
from pymongo.errors import ConnectionFailure

from hub import wire
from hub.access import access_channel, access_message
from hub.actions.audit import Origin
from hub.actions.auth import authenticate, authenticate_session
from hub.actions.cards import do_card_action
from hub.actions.commands import do_run_command
from hub.actions.messages import do_edit_message, do_recall_message
from hub.actions.receipts import do_mark_read_with_receipts
from hub.actions.replies import do_send_reply
from hub.context import Hub
from hub.errors import HubError
from hub.events import CLIENT_EVENTS
from hub.lib import jsonutil
from hub.lib.netaddr import client_ip
from hub.lib.security import SESSION_COOKIE
from hub.models import Subscription, User
from hub.queries import sync
from hub.realtime.bot_socket import bot_connect, register_bot_handlers
from hub.realtime.bus import channel_room, session_room, user_room
from hub.realtime.deadlines import SessionDeadlines
from hub.realtime.fast import FastAsyncManager, FastEmitMixin, install_fast_paths
from hub.realtime.guard import install_frame_guards
from hub.realtime.pubsub import FastAsyncRedisManager
from hub.settings import Settings

log = logging.getLogger(__name__)
# Chat frames are small: deflate roughly doubles CPU and memory per connection for little gain.
WS_COMPRESSION = False


def create_sio(settings: Settings, *, write_only: bool = False) -> socketio.AsyncServer:
    # Performance levers (hub/realtime/fast.py, measured by `make bench`): emits encoded once and queued
    # without a task per recipient; WebSocket permessage-deflate declined (WS_COMPRESSION).
    manager: socketio.AsyncManager = FastAsyncManager()
    if settings.redis_url:
        manager = FastAsyncRedisManager(settings.redis_url, channel=f"{settings.redis_prefix}socketio",
                                        write_only=write_only)
    sio = socketio.AsyncServer(
        async_mode="aiohttp",
        client_manager=manager,
        json=jsonutil,
        # None means same origin only; the Vite dev server is listed explicitly when used.
        cors_allowed_origins=settings.cors_origins or None,
        max_http_buffer_size=64 * 1024,
        logger=False,
        engineio_logger=False,
    )
    if not WS_COMPRESSION:
        install_fast_paths(sio)
    install_frame_guards(sio)
    return sio


def _token_from(environ: dict[str, Any], auth: Any) -> str | None:
    if isinstance(auth, dict) and isinstance(auth.get("token"), str):
        return str(auth["token"])
    header = environ.get("HTTP_AUTHORIZATION", "")
    if header.lower().startswith("bearer "):
        return str(header[7:].strip())
    morsel = SimpleCookie(environ.get("HTTP_COOKIE", "")).get(SESSION_COOKIE)
    return morsel.value if morsel else None


def _error(exc: HubError) -> dict[str, Any]:
    return {"ok": False, "error": exc.to_dict()}


EventFn = Callable[[User, Any, Origin], Awaitable[BaseModel | dict[str, Any]]]


def register_handlers(sio: socketio.AsyncServer, hub: Hub) -> SessionDeadlines:
    deadlines = SessionDeadlines(hub, sio)
    socket_auth = hub.realtime.socket_auth

    async def connect(sid: str, environ: dict[str, Any], auth: Any = None) -> None:
        if isinstance(auth, dict) and isinstance(auth.get("bot_token"), str):
            await bot_connect(sio, hub, sid, auth["bot_token"])
            return
        try:
            user, session = await authenticate(hub, _token_from(environ, auth))
        except HubError as exc:
            raise socketio.exceptions.ConnectionRefusedError(exc.code, exc.to_dict()) from None
        # Engine.IO's aiohttp driver fills REMOTE_ADDR with a constant: the peer is on the aiohttp request.
        request = environ.get("aiohttp.request")
        peer = request.remote if request is not None else environ.get("REMOTE_ADDR")
        ip = client_ip(peer, environ.get("HTTP_X_FORWARDED_FOR"), hub.settings.trusted_proxies)
        await sio.save_session(sid, {"session_id": str(session.id), "ip": ip, "ua": environ.get("HTTP_USER_AGENT")})
        socket_auth.keep(sid, user, session, hub.clock.now())
        deadlines.arm(sid, session)
        # The user's room first: room changes published from now on reach this socket.
        await sio.enter_room(sid, user_room(user.id))
        await sio.enter_room(sid, session_room(session.id))
        subs = Subscription.get_pymongo_collection().find({"user_id": user.id}, projection={"channel_id": 1})
        rooms = [channel_room(doc["channel_id"]) async for doc in subs]
        manager = sio.manager
        if isinstance(manager, FastEmitMixin):
            manager.enter_rooms(sid, "/", rooms)  # one batch, no await per channel
        else:
            for room in rooms:
                await sio.enter_room(sid, room)

    async def disconnect(sid: str, *args: Any) -> None:
        deadlines.forget(sid)
        socket_auth.drop(sid)

    sio.on("connect", connect)
    sio.on("disconnect", disconnect)

    def on(name: str, fn: EventFn) -> None:
        model = CLIENT_EVENTS[name]

        async def handle(sid: str, data: Any = None) -> dict[str, Any]:
            try:
                payload = model.model_validate(data)
                state = await sio.get_session(sid)
                if "session_id" not in state:
                    raise HubError("forbidden")
                session_id = PydanticObjectId(state["session_id"])
                user, session = await socket_auth.user_and_session(
                    hub, sid, session_id, lambda: authenticate_session(hub, session_id))
                deadlines.arm(sid, session)  # activity moves the idle deadline
                result = await fn(user, payload, Origin(ip=state.get("ip"), user_agent=state.get("ua")))
                if isinstance(result, dict):
                    return result
                return {"ok": True, "data": result.model_dump(mode="json")}
            except ValidationError as exc:
                return _error(HubError("invalid_request", detail=str(exc.errors()[0]["msg"])))
            except HubError as exc:
                return _error(exc)
            except ConnectionFailure:
                log.warning("store unavailable for socket event %s", name)
                return _error(HubError("store_unavailable"))
            except Exception:
                log.exception("socket event %s failed", name)
                return _error(HubError("internal"))

        sio.on(name, handle)

    async def send(user: User, p: wire.SocketSendIn, origin: Origin) -> BaseModel:
        channel, _ = await access_channel(user, p.channel_id)
        message, _ = await do_send_reply(hub, user, channel, p.content, p.client_msg_id, p.reply_to,
                                         file_ids=p.file_ids)
        return message

    async def edit(user: User, p: wire.SocketEditIn, origin: Origin) -> BaseModel:
        message, channel, _ = await access_message(user, p.message_id)
        return await do_edit_message(hub, user, message, channel, p.content)

    async def recall(user: User, p: wire.SocketRecallIn, origin: Origin) -> BaseModel:
        message, channel, _ = await access_message(user, p.message_id)
        return await do_recall_message(hub, user, message, channel)

    async def read(user: User, p: wire.SocketReadIn, origin: Origin) -> BaseModel:
        channel, sub = await access_channel(user, p.channel_id)
        return await do_mark_read_with_receipts(hub, user, channel, sub, p.seq)

    async def catch_up(user: User, p: wire.SyncIn, origin: Origin) -> dict[str, Any]:
        # Already the JSON of wire.SyncOut (hub/raw_messages.py): the ack is encoded once, by the socket.
        return {"ok": True, "data": await sync(hub, user, p)}

    async def card_action(user: User, p: wire.SocketCardActionIn, origin: Origin) -> dict[str, Any]:
        # Already an ack: a retried request id must answer exactly what the first attempt answered.
        return await do_card_action(hub, user, p.card_id, p.action_id, p.version, p.request_id, p.comment,
                                    p.choice, origin)

    async def command(user: User, p: wire.SocketCommandIn, origin: Origin) -> BaseModel:
        channel, _ = await access_channel(user, p.channel_id)
        return wire.CommandOut(reply=await do_run_command(hub, user, channel, p.text))

    on("card.action", card_action)
    on("command.run", command)
    on("message.send", send)
    on("message.edit", edit)
    on("message.recall", recall)
    on("channel.read", read)
    on("sync", catch_up)
    register_bot_handlers(sio, hub)
    return deadlines
