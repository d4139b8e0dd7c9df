"""Command line: run the hub, load the demo, administer units, users and memberships, write schemas."""

from __future__ import annotations

import argparse
import asyncio
import logging
import sys
from collections.abc import Awaitable, Callable

from aiohttp import web

from hub.context import Hub
from hub.errors import HubError
from hub.settings import Settings

Command = Callable[[Hub, argparse.Namespace], Awaitable[None]]


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m hub", description="Xietong hub")
    sub = p.add_subparsers(dest="cmd", required=True)
    run = sub.add_parser("run", help="start the hub")
    run.add_argument("--demo", action="store_true", help="load the demo organisation if the store is empty")
    seed = sub.add_parser("seed", help="load data")
    seed.add_argument("--demo", action="store_true", required=True)
    sch = sub.add_parser("schemas", help="write schemas/ from the event models")
    sch.add_argument("--check", action="store_true", help="only report whether schemas/ is up to date")

    users = sub.add_parser("users", help="manage users").add_subparsers(dest="action", required=True)
    add = users.add_parser("add")
    add.add_argument("username")
    add.add_argument("--name", required=True)
    add.add_argument("--password", required=True)
    add.add_argument("--role", action="append", default=[], dest="roles")
    for name in ("disable", "enable"):
        users.add_parser(name).add_argument("username")
    reset = users.add_parser("reset-password")
    reset.add_argument("username")
    reset.add_argument("--password", required=True)
    roles = users.add_parser("roles")
    roles.add_argument("username")
    roles.add_argument("roles", nargs="+")
    users.add_parser("list")

    units = sub.add_parser("units", help="manage org units").add_subparsers(dest="action", required=True)
    uadd = units.add_parser("add")
    uadd.add_argument("code")
    uadd.add_argument("--name", required=True)
    uadd.add_argument("--short-name")
    uadd.add_argument("--kind", required=True)
    uadd.add_argument("--parent")
    units.add_parser("list")

    members = sub.add_parser("members", help="manage memberships").add_subparsers(dest="action", required=True)
    madd = members.add_parser("add")
    madd.add_argument("username")
    madd.add_argument("unit")
    madd.add_argument("--position", required=True)
    madd.add_argument("--title", required=True)
    madd.add_argument("--head", action="store_true")
    mrm = members.add_parser("remove")
    mrm.add_argument("username")
    mrm.add_argument("unit")
    audit = sub.add_parser("audit", help="the audit log").add_subparsers(dest="action", required=True)
    audit.add_parser("verify", help="check the hash chain; exit 1 if any entry was altered or removed")

    bots = sub.add_parser("bots", help="bot accounts").add_subparsers(dest="action", required=True)
    for name in ("add", "token", "revoke"):
        bots.add_parser(name).add_argument("key")
    bots.add_parser("list")

    integ = sub.add_parser("integrations", help="incoming integrations").add_subparsers(dest="action",
                                                                                       required=True)
    iadd = integ.add_parser("add")
    iadd.add_argument("key")
    iadd.add_argument("--name", required=True)
    iadd.add_argument("--bot", default="webhook")
    integ.add_parser("rotate").add_argument("key")
    return p


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    settings = Settings()
    logging.basicConfig(level=settings.log_level.upper(), format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    if args.cmd == "run":
        return _run(settings, demo=args.demo)
    if args.cmd == "schemas":
        from hub.schemas import write_schemas

        stale = write_schemas(check=args.check)
        for path in stale:
            print(("stale: " if args.check else "wrote: ") + path)
        return 1 if args.check and stale else 0
    from hub.admin import COMMANDS

    command = COMMANDS[(args.cmd, getattr(args, "action", "demo"))]
    try:
        asyncio.run(_with_hub(settings, command, args))
    except HubError as exc:
        body = exc.to_dict()
        print(f"error [{exc.code}]: {body['message']} / {body['message_en']}"
              + (f" ({exc.detail})" if exc.detail else ""), file=sys.stderr)
        return 2
    return 0


async def _with_hub(settings: Settings, command: Command, args: argparse.Namespace) -> None:
    from hub.app import make_hub
    from hub.botplatform.registry import builtin
    from hub.store.db import open_store

    if not settings.mongodb_url:
        print("warning: HUB_MONGODB_URL is not set; changes go to a throw-away in-memory store", file=sys.stderr)
    # Write-only: with Redis set, this process's events and disconnects reach the running hubs.
    hub = make_hub(settings, write_only=True)
    hub.store = await open_store(settings.mongodb_url, settings.mongodb_db, banner=False)
    for key in settings.embedded_bots:
        await hub.bots.register(builtin(key))
    try:
        await command(hub, args)
    finally:
        await hub.store.close()
        if hub.realtime.redis is not None:
            await hub.realtime.redis.aclose()


def _run(settings: Settings, *, demo: bool) -> int:
    from hub.actions.integrations import integration_secret
    from hub.app import create_app
    from hub.models import Integration
    from hub.seed.demo import DEMO_INTEGRATION, DEMO_PASSWORD, SHOWCASE, load_demo, store_is_empty
    from hub.views.base import HUB_KEY

    app = create_app(settings)
    if demo:
        async def seed(app: web.Application) -> None:
            if await store_is_empty():
                counts = await load_demo(app[HUB_KEY])
                print(f"demo organisation loaded: {counts}", flush=True)

        app.on_startup.append(seed)

    async def announce(app: web.Application) -> None:
        url = f"http://{settings.host}:{settings.port}/"
        print(f"\n  协同 Xietong hub: {url}\n", flush=True)
        if demo:
            print(f"  demo logins (password {DEMO_PASSWORD}): {', '.join(SHOWCASE)}", flush=True)
            integration = await Integration.find_one(Integration.key == DEMO_INTEGRATION)
            if integration is not None:
                secret = integration_secret(app[HUB_KEY], integration)
                print(f"  demo integration: POST {url}api/v1/integrations/{DEMO_INTEGRATION}/incoming"
                      f"  (HMAC secret {secret})", flush=True)
            print(flush=True)

    app.on_startup.append(announce)
    web.run_app(app, host=settings.host, port=settings.port, print=None)
    return 0
