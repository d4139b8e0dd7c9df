"""create_app(settings): the aiohttp application that owns every resource of one hub process."""

from __future__ import annotations

import asyncio
import contextlib
import gc
import logging
import re
import secrets
from collections.abc import AsyncIterator
from pathlib import Path

import orjson
import redis.asyncio as aioredis
from aiohttp import web

from hub.actions.announce_files import ANNOUNCE_DRAFT_SCOPE, ANNOUNCE_SCOPE
from hub.actions.announce_files import DRAFT_TOTAL_BYTES as ANNOUNCE_DRAFT_TOTAL_BYTES
from hub.actions.announce_receipts import register_announcement_timers
from hub.actions.announcements import AnnouncementScope
from hub.actions.chase import CHASE_TIMER, chase_fired
from hub.actions.digest import DIGEST_TIMER, digest_fired, schedule_digest
from hub.actions.documents_exchange import NOTICE_TIMER, notice_fired
from hub.actions.documents_files import DocumentScope
from hub.actions.duban import LIGHT_TIMER as DUBAN_LIGHT_TIMER
from hub.actions.duban import light_fired as duban_light_fired
from hub.actions.file_text import file_text_fired
from hub.actions.files import GUARD_TIMER, TEXT_TIMER, file_guard_fired
from hub.actions.library_access import LibraryScope
from hub.actions.licensing_monitor import LIGHT_TIMER as LICENSING_LIGHT_TIMER
from hub.actions.licensing_monitor import light_fired as licensing_light_fired
from hub.actions.outbox import sweep_outbox
from hub.actions.outgoing import OutgoingScope
from hub.actions.policy import load_policy, refresh_forever
from hub.actions.reminders import REMINDER_TIMER, reminder_fired
from hub.actions.search_index import SearchIndexer
from hub.actions.security_policy import load_security_policy
from hub.actions.target_notify import MILESTONE_TIMER, milestone_fired
from hub.actions.workflow_card import SWEEP_TIMER, WorkflowCardHandler, schedule_sweep, sweep_fired, sweep_process_cards
from hub.actions.workflow_files import DRAFT_TOTAL_BYTES as PROCESS_DRAFT_TOTAL_BYTES
from hub.actions.workflow_files import PROCESS_DRAFT_SCOPE, PROCESS_SCOPE, ProcessScope
from hub.actions.workflow_sync import OVERDUE_TIMER, overdue_fired
from hub.botplatform.host import LEASE_TIMER, BotHost, lease_expired
from hub.botplatform.registry import builtin
from hub.context import Hub
from hub.files.scopes import ChannelScope, FileScopes, OwnUploadsScope
from hub.files.store import ContentStore
from hub.handlers import HandlerRegistry
from hub.lib.security import make_hasher
from hub.lib.workdays import OfficeHours, WorkCalendar
from hub.realtime.bus import Realtime
from hub.realtime.server import create_sio, register_handlers
from hub.remind.targets import builtin_targets
from hub.scheduler import Scheduler
from hub.settings import Settings
from hub.store.db import open_configured_store
from hub.views import admin_audit as admin_audit_views
from hub.views import admin_sec as admin_sec_views
from hub.views import admin_sys as admin_sys_views
from hub.views import admin_tools as admin_tools_views
from hub.views import announcements as announcement_views
from hub.views import approvals as approvals_views
from hub.views import archive as archive_views
from hub.views import bot_api, calendar, cards, channels, messages, meta, org, search, session, testing
from hub.views import chase as chase_views
from hub.views import contacts as contact_views
from hub.views import docnumbers as number_views
from hub.views import docnumbers_export as number_export_views
from hub.views import documents as documents_views
from hub.views import duban as duban_views
from hub.views import files as files_views
from hub.views import groups as group_views
from hub.views import habits as habit_views
from hub.views import infoshare as info_views
from hub.views import library as library_views
from hub.views import licensing as licensing_views
from hub.views import licensing_ops as licensing_ops_views
from hub.views import onboarding as onboarding_views
from hub.views import outgoing as outgoing_views
from hub.views import reminders as reminder_views
from hub.views import security as security_views
from hub.views import targets as target_views
from hub.views import workflow as workflow_views
from hub.views.base import HUB_KEY, Endpoint, error_middleware, json_response, origin_middleware, wrap
from hub.views.edge import security_headers

log = logging.getLogger(__name__)
SETTINGS_KEY = web.AppKey("settings", Settings)
TABLES = [session.api, org.api, channels.api, messages.api, cards.api, bot_api.api, meta.api, search.api]
TABLES.append(workflow_views.api)
TABLES += [calendar.api, testing.api]
TABLES.append(security_views.api)
TABLES.append(target_views.api)
TABLES.append(info_views.api)
TABLES.append(number_views.api)
TABLES.append(contact_views.api)
TABLES.append(documents_views.api)
TABLES.append(files_views.api)
TABLES.append(approvals_views.api)
TABLES.append(licensing_views.api)
TABLES.append(licensing_ops_views.api)
TABLES.append(reminder_views.api)
TABLES.append(chase_views.api)
TABLES.append(duban_views.api)
TABLES.append(announcement_views.api)
TABLES += [admin_sys_views.api, admin_tools_views.api, admin_sec_views.api, admin_audit_views.api]
TABLES.append(habit_views.api)
TABLES.append(group_views.api)
TABLES += [archive_views.api, number_export_views.api]
TABLES.append(library_views.api)
TABLES.append(onboarding_views.api)
TABLES.append(outgoing_views.api)


def all_endpoints() -> list[Endpoint]:
    return [ep for table in TABLES for ep in table.endpoints]


def make_hub(settings: Settings, *, write_only: bool = False) -> Hub:
    """The services of one process; write_only is for tools that only publish (the CLI)."""
    redis = aioredis.Redis.from_url(settings.redis_url) if settings.redis_url else None
    sio = create_sio(settings, write_only=write_only)
    hasher = make_hasher(settings.argon2_time_cost, settings.argon2_memory_kib)
    hub = Hub(settings=settings, hasher=hasher, realtime=Realtime(sio, redis, settings.redis_prefix),
              dummy_hash=hasher.hash(secrets.token_hex(16)))
    hub.handlers = HandlerRegistry()
    hub.bots = BotHost(hub)
    hub.workdays = WorkCalendar(hub.clock, OfficeHours.parse(settings.office_hours), settings.calendar_refresh_seconds)
    hub.scheduler = Scheduler(hub)
    hub.scheduler.register(LEASE_TIMER, lease_expired)
    hub.scheduler.register(OVERDUE_TIMER, overdue_fired)
    hub.scheduler.register(NOTICE_TIMER, notice_fired)
    hub.handlers.register("workflow", WorkflowCardHandler(hub))
    hub.scheduler.register(SWEEP_TIMER, sweep_fired)
    hub.search = SearchIndexer()
    hub.scheduler.register(MILESTONE_TIMER, milestone_fired)
    hub.files = ContentStore(hub)
    hub.file_scopes = FileScopes()
    hub.file_scopes.register("channel", ChannelScope())
    hub.file_scopes.register("document", DocumentScope())
    hub.file_scopes.register("library", LibraryScope(settings.library_unit_max_bytes))
    hub.file_scopes.register(ANNOUNCE_SCOPE, AnnouncementScope())
    hub.file_scopes.register(ANNOUNCE_DRAFT_SCOPE, OwnUploadsScope(ANNOUNCE_DRAFT_TOTAL_BYTES))
    hub.file_scopes.register("outgoing", OutgoingScope())
    hub.file_scopes.register(PROCESS_SCOPE, ProcessScope())
    hub.file_scopes.register(PROCESS_DRAFT_SCOPE, OwnUploadsScope(PROCESS_DRAFT_TOTAL_BYTES))
    hub.scheduler.register(TEXT_TIMER, file_text_fired)
    hub.scheduler.register(GUARD_TIMER, file_guard_fired)
    hub.reminder_targets = builtin_targets()
    hub.scheduler.register(REMINDER_TIMER, reminder_fired)
    hub.scheduler.register(CHASE_TIMER, chase_fired)
    hub.scheduler.register(DIGEST_TIMER, digest_fired)
    hub.scheduler.register(LICENSING_LIGHT_TIMER, licensing_light_fired)
    hub.scheduler.register(DUBAN_LIGHT_TIMER, duban_light_fired)
    register_announcement_timers(hub)
    return hub


def create_app(settings: Settings, *, banner: bool = True) -> web.Application:
    app = web.Application(middlewares=[error_middleware, origin_middleware], client_max_size=settings.max_body_bytes)
    app.on_response_prepare.append(security_headers)
    app[SETTINGS_KEY] = settings
    hub = make_hub(settings)
    app[HUB_KEY] = hub
    sio, redis = hub.realtime.sio, hub.realtime.redis
    deadlines = register_handlers(sio, hub)
    sio.attach(app)

    async def store_ctx(app: web.Application) -> AsyncIterator[None]:
        hub.store = await open_configured_store(settings, banner=banner)
        await hub.workdays.refresh()
        yield
        hub.files.close()
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
        await deadlines.start()
        yield
        await deadlines.stop()
        await hub.realtime.stop()

    async def close_sockets(app: web.Application) -> None:
        # On shutdown, before aiohttp waits for open requests: closing every engine.io session answers the
        # pending long-polls and ends the websockets at once, instead of waiting for their ping timeout.
        log.info("shutting down: closing %d realtime connections", len(sio.eio.sockets))
        sockets = list(sio.eio.sockets.values())
        # wait=False: a poller that went away never collects its close packet.
        await asyncio.gather(*(s.close(wait=False, reason=sio.eio.reason.SERVER_DISCONNECT) for s in sockets),
                             return_exceptions=True)
        for s in sockets:
            s.queue.put_nowait(None)  # after the close packet: ends a websocket's writer, which closes it
        sio.eio.sockets.clear()
        await sio.shutdown()

    async def outbox_ctx(app: web.Application) -> AsyncIterator[None]:
        # Effects a crash left between commit and dispatch go out now, once (hub/actions/outbox.py).
        await sweep_outbox(hub)
        yield

    async def scheduler_ctx(app: web.Application) -> AsyncIterator[None]:
        # Started last, so handlers registered during start-up exist before missed timers are fired.
        hub.scheduler.start()
        yield
        await hub.scheduler.stop()

    async def policy_ctx(app: web.Application) -> AsyncIterator[None]:
        await load_policy(hub)
        await load_security_policy(hub)
        refresher = asyncio.create_task(refresh_forever(hub))
        yield
        refresher.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await refresher

    async def process_cards_ctx(app: web.Application) -> AsyncIterator[None]:
        # Process cards a crash left behind their instance, then the periodic sweep (hub/actions/workflow_card.py).
        await sweep_process_cards(hub)
        await schedule_sweep(hub)
        yield
        handler = hub.handlers.get("workflow")
        if isinstance(handler, WorkflowCardHandler):
            await handler.drain()

    # Cleanup runs in reverse: sockets close first, then Redis, then the store.
    async def search_ctx(app: web.Application) -> AsyncIterator[None]:
        # Starts by catching up on messages stored but not yet indexed (a crash, a failed index write).
        await hub.search.start()
        yield
        await hub.search.stop()

    app.cleanup_ctx.extend([store_ctx, policy_ctx, redis_ctx, realtime_ctx, bots_ctx])
    app.cleanup_ctx.extend([outbox_ctx, search_ctx, process_cards_ctx, scheduler_ctx])

    async def digest_ctx(app: web.Application) -> AsyncIterator[None]:
        if settings.daily_digest:
            await schedule_digest(hub)  # the day's key makes every process schedule the same one
        yield

    app.cleanup_ctx.append(digest_ctx)
    app.on_startup.append(_freeze_gc)
    app.on_shutdown.append(close_sockets)

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


# The client's routes when its build lists none (dist/routes.json, written from webclient/public/routes.json).
CLIENT_ROUTES = ["/", "/login", "/contacts", "/c/:id"]


def client_routes(root: Path) -> list[str]:
    """The client's route paths in aiohttp's syntax: ":id" becomes "{id}", "/:rest*" any tail (or none)."""
    try:
        paths = orjson.loads((root / "routes.json").read_bytes())["paths"]
    except (OSError, ValueError, KeyError, TypeError):
        paths = CLIENT_ROUTES
    out = []
    for path in paths:
        path = re.sub(r"/:(\w+)\*", r"{\1:(?:/.*)?}", str(path))
        out.append(re.sub(r":(\w+)", r"{\1}", path))
    return out


def _serve_webclient(app: web.Application, root: Path) -> None:
    """The built single-page client at its own routes only: any other path is a 404, not the app page."""
    index = root / "index.html"

    async def spa(request: web.Request) -> web.StreamResponse:
        if not index.exists():
            raise web.HTTPNotFound(text="web client not built: run `make webclient`")
        return web.FileResponse(index, headers={"Cache-Control": "no-cache"})

    if (root / "assets").is_dir():
        app.router.add_static("/assets", root / "assets")
    # The 帮助中心's screenshots (webclient/public/help/img/, taken by the browser tests).
    if (root / "help" / "img").is_dir():
        app.router.add_static("/help/img", root / "help" / "img")
    query_page = root / "query.html"

    async def public_query(request: web.Request) -> web.StreamResponse:
        # The 行政审批 query page for applicants: its own entry of the build, reached without a session.
        if not query_page.exists():
            raise web.HTTPNotFound(text="web client not built: run `make webclient`")
        return web.FileResponse(query_page, headers={"Cache-Control": "no-cache"})

    app.router.add_get("/query", public_query)
    for path in client_routes(root):
        app.router.add_get(path, spa)
