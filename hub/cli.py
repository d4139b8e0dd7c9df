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
SHUTDOWN_GRACE_SECONDS = 1.0


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m hub", description="Xietong hub")
    sub = p.add_subparsers(dest="cmd", required=True)
    run = sub.add_parser("run", help="start the hub")
    run.add_argument("--demo", action="store_true", help="load the demo organisation if the store is empty")
    seed = sub.add_parser("seed", help="load data")
    seed.add_argument("--demo", action="store_true", required=True)
    sch = sub.add_parser("schemas", help="write schemas/ from the event models")
    sch.add_argument("--check", action="store_true", help="only report whether schemas/ is up to date")
    sub.add_parser("openapi", help="print the OpenAPI document (as served at /api/v1/openapi.json) without a server")

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
    ren = units.add_parser("rename")
    ren.add_argument("code")
    ren.add_argument("--name", required=True)
    ren.add_argument("--short-name")
    mov = units.add_parser("move", help="put a unit under --parent (none: at the top)")
    mov.add_argument("code")
    mov.add_argument("--parent")
    units.add_parser("retire", help="撤销 an empty unit; it stays stored for history").add_argument("code")
    imp = sub.add_parser("import", help="bulk import of units and people").add_subparsers(dest="action",
                                                                                       required=True)
    xlsx = imp.add_parser("xlsx", help="check an XLSX made from the console's template; --apply imports it "
                                       "when every row is valid")
    xlsx.add_argument("file")
    xlsx.add_argument("--apply", action="store_true")
    sup = units.add_parser("supervise", help="set the units a leader is in charge of (分管); none clears")
    sup.add_argument("leader")
    sup.add_argument("units", nargs="*")

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
    audit.add_parser("verify", help="check the hash chain and its anchors; exit 1 if any entry was altered or "
                                    "removed, or entries were cut off the end")
    export = audit.add_parser("export", help="write entries older than the retention period (or --before) to a "
                                             "JSON-lines file for archiving; nothing is deleted")
    export.add_argument("--before", help="ISO date or datetime (UTC); default: now minus HUB_AUDIT_RETENTION_DAYS")
    export.add_argument("--out", required=True, help="the file to write")

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
    defs = sub.add_parser("definitions", help="process definitions").add_subparsers(dest="action", required=True)
    defs.add_parser("load", help="publish the shipped definitions (a new version only where they changed)")
    _holiday_commands(sub)
    search = sub.add_parser("search", help="the search index").add_subparsers(dest="action", required=True)
    search.add_parser("reindex", help="index every stored message again (idempotent; safe beside a running hub)")
    lic = sub.add_parser("licensing", help="行政审批").add_subparsers(dest="action", required=True)
    lic.add_parser("rebuild-counters", help="recount the 审批动态 counters from every case (while no case is acted on)")
    matters = lic.add_parser("load-matters", help="add the 事项 of a catalogue file (default: the shipped one); "
                             "a key that exists is left unchanged")
    matters.add_argument("file", nargs="?", help="a JSON file shaped like hub/licensing/matters.json")
    return p


def _holiday_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    hol = sub.add_parser("holidays", help="the working-day calendar: overrides of single dates").add_subparsers(
        dest="action", required=True)
    hset = hol.add_parser("set", help="make a date a working day or a holiday")
    hset.add_argument("day", help="YYYY-MM-DD (Beijing)")
    kind = hset.add_mutually_exclusive_group(required=True)
    kind.add_argument("--workday", action="store_const", const="workday", dest="kind")
    kind.add_argument("--holiday", action="store_const", const="holiday", dest="kind")
    hset.add_argument("--note", default="")
    hol.add_parser("remove", help="give a date back to chinese-calendar").add_argument("day")
    hol.add_parser("list", help="overrides, and years without holiday data")


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    settings = Settings()
    logging.basicConfig(level=settings.log_level.upper(), format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    # WeasyPrint logs seven INFO steps per rendered PDF: at a demo load that was 56 of the console's 78 lines.
    logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)
    if args.cmd == "run":
        return _run(settings, demo=args.demo)
    if args.cmd == "schemas":
        from hub.schemas import write_schemas

        stale = write_schemas(check=args.check)
        for path in stale:
            print(("stale: " if args.check else "wrote: ") + path)
        return 1 if args.check and stale else 0
    if args.cmd == "openapi":
        import json

        from hub.app import all_endpoints
        from hub.views.meta import build_openapi

        print(json.dumps(build_openapi(all_endpoints()), ensure_ascii=False, indent=2, sort_keys=True))
        return 0
    from hub.admin import COMMANDS

    command = COMMANDS[(args.cmd, getattr(args, "action", "demo"))]
    try:
        url = _cli_store_url(settings)
        asyncio.run(_with_hub(settings, url, command, args))
    except StoreUnreachable as exc:
        print(f"error [store_unreachable]: {exc}", file=sys.stderr)
        return 3
    except HubError as exc:
        body = exc.to_dict()
        print(f"error [{exc.code}]: {body['message']} / {body['message_en']}"
              + (f" ({exc.detail})" if exc.detail else ""), file=sys.stderr)
        return 2
    return 0


class StoreUnreachable(Exception):
    """The CLI found no store to act on; it never writes to a throw-away one."""


def _cli_store_url(settings: Settings) -> str:
    """The store the running hub uses: HUB_MONGODB_URL, or the embedded server of HUB_DATA_DIR."""
    from pathlib import Path

    from hub.store.embedded import find_running

    if settings.mongodb_url:
        return settings.mongodb_url
    if settings.store == "memory":
        raise StoreUnreachable(
            "HUB_STORE=memory 的数据只存在于运行中的 hub 进程内，命令行无法修改 / the in-memory store lives inside "
            "one hub process and the command line cannot reach it; use the embedded store or HUB_MONGODB_URL")
    data_dir = Path(settings.data_dir).resolve()
    running = find_running(data_dir)
    if running is None:
        raise StoreUnreachable(
            f"没有正在运行的内置数据库（{data_dir}）：请先启动 hub（make run），或设置 HUB_MONGODB_URL / "
            f"no embedded store is running for {data_dir}: start the hub (make run) or set HUB_MONGODB_URL")
    return running.url


async def _with_hub(settings: Settings, url: str, command: Command, args: argparse.Namespace) -> None:
    from pymongo.errors import PyMongoError

    from hub.app import make_hub
    from hub.botplatform.registry import builtin
    from hub.store.db import open_store

    # Write-only: with Redis set, this process's events and disconnects reach the running hubs.
    hub = make_hub(settings, write_only=True)
    try:
        hub.store = await open_store(url, settings.mongodb_db, banner=False)
    except PyMongoError as exc:
        raise StoreUnreachable(f"无法连接数据库 / cannot reach the store at {url}: {type(exc).__name__}") from exc
    await hub.workdays.refresh()
    from hub.actions.security_policy import load_security_policy

    await load_security_policy(hub)
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

    if not demo and settings.secret_key == Settings.model_fields["secret_key"].default:
        logging.getLogger("hub").warning(
            "HUB_SECRET_KEY is the development default: session-independent secrets (integration HMAC keys, "
            "audit checkpoints) are predictable. Set HUB_SECRET_KEY to a long random value before real use.")
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
    # After Ctrl-C, requests still open after the grace period are cancelled: a long-poll whose client left
    # would otherwise hold the hub until engine.io's ping timeout (open sockets are closed on shutdown).
    web.run_app(app, host=settings.host, port=settings.port, print=None, shutdown_timeout=SHUTDOWN_GRACE_SECONDS)
    logging.getLogger("hub").info("hub stopped")
    return 0
