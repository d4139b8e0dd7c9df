"""create_app(settings): the aiohttp application that owns every resource of one hub process."""

from __future__ import annotations

import gc
import secrets
from collections.abc import AsyncIterator
from pathlib import Path

import redis.asyncio as aioredis
from aiohttp import web

from hub.botplatform.host import BotHost
from hub.botplatform.registry import builtin
from hub.context import Hub
from hub.lib.security import make_hasher
from hub.realtime.bus import Realtime
from hub.realtime.server import create_sio, register_handlers
from hub.settings import Settings
from hub.store.db import open_store
from hub.views import bot_api, cards, channels, messages, meta, org, session
from hub.views.base import HUB_KEY, Endpoint, error_middleware, json_response, wrap

SETTINGS_KEY = web.AppKey("settings", Settings)
TABLES = [session.api, org.api, channels.api, messages.api, cards.api, bot_api.api, meta.api]


def all_endpoints() -> list[Endpoint]:
    return [ep for table in TABLES for ep in table.endpoints]


def make_hub(settings: Settings, *, write_only: bool = False) -> Hub:
    """The services of one process; write_only is for tools that only publish (the CLI)."""
    redis = aioredis.Redis.from_url(settings.redis_url) if settings.redis_url else None
    sio = create_sio(settings, write_only=write_only)
    hasher = make_hasher(settings.argon2_time_cost, settings.argon2_memory_kib)
    hub = Hub(settings=settings, hasher=hasher, realtime=Realtime(sio, redis, settings.redis_prefix),
              dummy_hash=hasher.hash(secrets.token_hex(16)))
    hub.bots = BotHost(hub)
    return hub


def create_app(settings: Settings, *, banner: bool = True) -> web.Application:
    app = web.Application(middlewares=[error_middleware], client_max_size=settings.max_body_bytes)
    app[SETTINGS_KEY] = settings
    hub = make_hub(settings)
    app[HUB_KEY] = hub
    sio, redis = hub.realtime.sio, hub.realtime.redis
    register_handlers(sio, hub)
    sio.attach(app)

    async def store_ctx(app: web.Application) -> AsyncIterator[None]:
        hub.store = await open_store(settings.mongodb_url, settings.mongodb_db, banner=banner)
        yield
        await hub.store.close()

    async def bots_ctx(app: web.Application) -> AsyncIterator[None]:
        for key in settings.embedded_bots:
            await hub.bots.register(builtin(key))
        yield
        await hub.bots.close()

    async def redis_ctx(app: web.Application) -> AsyncIterator[None]:
        yield
        if redis is not None:
            await redis.aclose()

    async def realtime_ctx(app: web.Application) -> AsyncIterator[None]:
        await hub.realtime.start()
        yield
        await hub.realtime.stop()
        await sio.shutdown()

    # Cleanup runs in reverse: sockets close first, then Redis, then the store.
    app.cleanup_ctx.extend([store_ctx, redis_ctx, realtime_ctx, bots_ctx])
    app.on_startup.append(_freeze_gc)

    for ep in all_endpoints():
        app.router.add_route(ep.method, ep.path, wrap(ep))
    openapi = meta.build_openapi(all_endpoints())

    async def openapi_view(request: web.Request) -> web.Response:
        return json_response(openapi)

    app.router.add_get("/api/v1/openapi.json", openapi_view)
    if settings.webclient_dir:
        _serve_webclient(app, Path(settings.webclient_dir))
    return app


async def _freeze_gc(app: web.Application) -> None:
    """Move everything alive after start-up (modules, models, app) out of the cyclic GC's reach."""
    gc.collect()
    gc.freeze()


def _serve_webclient(app: web.Application, root: Path) -> None:
    """The built single-page client at /, with unknown paths falling back to index.html."""
    index = root / "index.html"

    async def spa(request: web.Request) -> web.StreamResponse:
        if not index.exists():
            raise web.HTTPNotFound(text="web client not built: run `make webclient`")
        return web.FileResponse(index, headers={"Cache-Control": "no-cache"})

    if (root / "assets").is_dir():
        app.router.add_static("/assets", root / "assets")
    app.router.add_get("/", spa)
    app.router.add_get("/{path:(?!api/|socket.io/|healthz).*}", spa)
