"""Administrative commands behind `python -m hub users|units|members|seed`."""

from __future__ import annotations

import argparse
import asyncio
from collections.abc import Awaitable, Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from hub.actions.audit import flush_failure_counts, verify_chain
from hub.actions.audit_chain import anchor_file, check_anchors, export_entries
from hub.actions.auth import do_disable_user, do_enable_user
from hub.actions.bots import do_issue_bot_token, do_revoke_bot_tokens, ensure_bot
from hub.actions.calendar import do_remove_workday_override, do_set_workday_override
from hub.actions.integrations import do_create_integration, do_rotate_integration_secret
from hub.actions.org import (
    do_add_membership,
    do_create_unit,
    do_create_user,
    do_remove_membership,
    do_reset_password,
    do_set_roles,
)
from hub.botplatform.registry import builtin
from hub.context import Hub
from hub.errors import HubError
from hub.models import BotAccount, Unit, User, WorkdayOverride
from hub.seed.demo import load_demo


async def _user(username: str) -> User:
    user = await User.find_one(User.username == username.strip().lower())
    if user is None:
        raise HubError("not_found", detail=f"user {username}")
    return user


async def _unit(code: str) -> Unit:
    unit = await Unit.find_one(Unit.code == code)
    if unit is None:
        raise HubError("not_found", detail=f"unit {code}")
    return unit


async def seed_demo(hub: Hub, args: argparse.Namespace) -> None:
    print(f"demo organisation: created {await load_demo(hub)}")


async def users_add(hub: Hub, args: argparse.Namespace) -> None:
    user = await do_create_user(hub, args.username, args.name, args.password, args.roles or ["staff"])
    print(f"created user {user.username} ({user.name}) id={user.id}")


async def users_disable(hub: Hub, args: argparse.Namespace) -> None:
    await do_disable_user(hub, await _user(args.username))
    print(f"disabled {args.username}; sessions revoked, sockets closed")


async def users_enable(hub: Hub, args: argparse.Namespace) -> None:
    await do_enable_user(hub, await _user(args.username))
    print(f"enabled {args.username}")


async def users_reset_password(hub: Hub, args: argparse.Namespace) -> None:
    await do_reset_password(hub, await _user(args.username), args.password)
    print(f"password of {args.username} reset; their sessions are ended")


async def users_roles(hub: Hub, args: argparse.Namespace) -> None:
    await do_set_roles(hub, await _user(args.username), args.roles)
    print(f"roles of {args.username}: {', '.join(args.roles)}")


async def users_list(hub: Hub, args: argparse.Namespace) -> None:
    for u in await User.find_all().sort("+username").to_list():
        flag = " (disabled)" if u.disabled else ""
        print(f"{u.username:16} {u.name:8} {','.join(u.roles)}{flag}")


async def units_add(hub: Hub, args: argparse.Namespace) -> None:
    parent = await _unit(args.parent) if args.parent else None
    unit = await do_create_unit(hub, args.code, args.name, args.short_name or args.name, args.kind, parent)
    print(f"created unit {unit.code} ({unit.name}) id={unit.id}")


async def units_list(hub: Hub, args: argparse.Namespace) -> None:
    for u in await Unit.find_all().sort("+order").to_list():
        print(f"{u.code:12} {u.kind:11} {u.name}")


async def members_add(hub: Hub, args: argparse.Namespace) -> None:
    await do_add_membership(hub, await _user(args.username), await _unit(args.unit), args.position, args.title,
                            is_head=args.head)
    print(f"{args.username} joined {args.unit}")


async def members_remove(hub: Hub, args: argparse.Namespace) -> None:
    await do_remove_membership(hub, await _user(args.username), await _unit(args.unit))
    print(f"{args.username} left {args.unit}")


async def audit_verify(hub: Hub, args: argparse.Namespace) -> None:
    await flush_failure_counts(hub)
    report = await verify_chain()
    if not report.ok:
        print(f"AUDIT CHAIN BROKEN at entry {report.broken_at}: {report.reason}")
        raise SystemExit(1)
    anchors = await check_anchors(hub)
    if not anchors.ok:
        print(f"AUDIT CHAIN BROKEN: {anchors.reason} (anchors in {anchor_file(hub)})")
        raise SystemExit(1)
    print(f"audit chain intact: {report.entries} entries, {anchors.anchors} anchors agree")


async def audit_export(hub: Hub, args: argparse.Namespace) -> None:
    """Entries older than --before (default: the retention period) to a JSON-lines file; nothing is deleted."""
    before = datetime.fromisoformat(args.before) if args.before else \
        hub.clock.now() - timedelta(days=hub.settings.audit_retention_days)
    if before.tzinfo is None:
        before = before.replace(tzinfo=UTC)
    count = await export_entries(hub, before, Path(args.out))
    print(f"exported {count} audit entries older than {before.isoformat()} to {args.out} (kept in the store)")


async def bots_add(hub: Hub, args: argparse.Namespace) -> None:
    bot = builtin(args.key)
    account = await ensure_bot(bot.key, bot.name, list(bot.commands))
    print(f"bot {account.key} ({account.name}) ready; issue a token with: python -m hub bots token {account.key}")


async def bots_token(hub: Hub, args: argparse.Namespace) -> None:
    token = await do_issue_bot_token(hub, None, args.key)
    print(f"token for bot {args.key} (shown once; only its hash is kept):\n{token}")


async def bots_revoke(hub: Hub, args: argparse.Namespace) -> None:
    print(f"revoked {await do_revoke_bot_tokens(hub, None, args.key)} token(s) of bot {args.key}")


async def bots_list(hub: Hub, args: argparse.Namespace) -> None:
    for account in await BotAccount.find_all().sort("+key").to_list():
        commands = " ".join(f"/{c.name}" for c in account.commands)
        print(f"{account.key:12} {account.name:10} {commands}")


async def integrations_add(hub: Hub, args: argparse.Namespace) -> None:
    integration, secret = await do_create_integration(hub, None, args.key, args.name, args.bot)
    print(f"integration {integration.key} -> bot {integration.bot_key}\n"
          f"  URL:    /api/v1/integrations/{integration.key}/incoming\n  secret: {secret}  (shown once)")


async def integrations_rotate(hub: Hub, args: argparse.Namespace) -> None:
    print(f"new secret for {args.key}: {await do_rotate_integration_secret(hub, None, args.key)}")


def _date(raw: str) -> date:
    try:
        return date.fromisoformat(raw)
    except ValueError:
        raise HubError("invalid_request", detail=f"{raw!r} is not a date YYYY-MM-DD") from None


async def holidays_set(hub: Hub, args: argparse.Namespace) -> None:
    override = await do_set_workday_override(hub, None, _date(args.day), args.kind, args.note)
    print(f"{override.day} is now a {override.kind}" + (f" ({override.note})" if override.note else ""))


async def holidays_remove(hub: Hub, args: argparse.Namespace) -> None:
    await do_remove_workday_override(hub, None, _date(args.day))
    print(f"{args.day} follows chinese-calendar again")


async def holidays_list(hub: Hub, args: argparse.Namespace) -> None:
    for o in await WorkdayOverride.find_all().sort("+day").to_list():
        print(f"{o.day} {o.kind:8} {o.note}")
    status = hub.workdays.status()
    print(f"chinese-calendar covers {status.package_years[0]}-{status.package_years[1]}")
    for warning in status.warnings:
        print(f"WARNING: {warning}")
async def licensing_rebuild_counters(hub: Hub, args: argparse.Namespace) -> None:
    from hub.actions.licensing_counters import do_rebuild_counters

    print(f"审批动态 counters: {await do_rebuild_counters(hub, None)} documents")


async def licensing_load_matters(hub: Hub, args: argparse.Namespace) -> None:
    from pydantic import ValidationError

    from hub.actions.licensing_catalogue import CATALOGUE, do_load_matter, read_catalogue

    path = Path(args.file) if args.file else CATALOGUE
    try:
        specs = read_catalogue(path)
    except (OSError, ValueError, KeyError, ValidationError) as exc:
        raise HubError("invalid_request", detail=f"{path}: {str(exc)[:300]}") from None
    for spec in specs:  # in order; a refused entry stops here, and a run after the fix skips what exists
        _, created = await do_load_matter(hub, spec)
        print(f"事项 {spec.key} ({spec.name}): {'created' if created else 'exists, unchanged'}")


async def search_reindex(hub: Hub, args: argparse.Namespace) -> None:
    from hub.actions.search_index import reindex_all

    print(f"search index: indexed {await reindex_all()} messages")


COMMANDS: dict[tuple[str, str], Callable[[Hub, argparse.Namespace], Awaitable[None]]] = {
    ("seed", "demo"): seed_demo,
    ("users", "add"): users_add,
    ("users", "disable"): users_disable,
    ("users", "enable"): users_enable,
    ("users", "reset-password"): users_reset_password,
    ("users", "roles"): users_roles,
    ("users", "list"): users_list,
    ("units", "add"): units_add,
    ("units", "list"): units_list,
    ("members", "add"): members_add,
    ("members", "remove"): members_remove,
    ("audit", "verify"): audit_verify,
    ("audit", "export"): audit_export,
    ("bots", "add"): bots_add,
    ("bots", "token"): bots_token,
    ("bots", "revoke"): bots_revoke,
    ("bots", "list"): bots_list,
    ("integrations", "add"): integrations_add,
    ("integrations", "rotate"): integrations_rotate,
    ("holidays", "set"): holidays_set,
    ("holidays", "remove"): holidays_remove,
    ("holidays", "list"): holidays_list,
    ("search", "reindex"): search_reindex,
    ("licensing", "rebuild-counters"): licensing_rebuild_counters,
    ("licensing", "load-matters"): licensing_load_matters,
}


async def units_supervise(hub: Hub, args: argparse.Namespace) -> None:
    from hub.actions.workflow_admin import do_set_supervision, supervised_units

    leader = await _user(args.leader)
    await do_set_supervision(hub, leader, [await _unit(code) for code in args.units])
    names = "、".join(u.name for u in await supervised_units(leader)) or "（无）"
    print(f"{leader.name} 分管: {names}")


async def definitions_load(hub: Hub, args: argparse.Namespace) -> None:
    from hub.actions.workflow_admin import load_shipped_definitions

    for key, version in (await load_shipped_definitions(hub)).items():
        print(f"definition {key}: version {version}")


COMMANDS.update({("units", "supervise"): units_supervise, ("definitions", "load"): definitions_load})


async def units_update(hub: Hub, args: argparse.Namespace) -> None:
    """rename and move: the same action as PATCH /api/v1/admin/units/{id}."""
    from hub.actions.admin_org import do_update_unit

    unit = await _unit(args.code)
    assert unit.id is not None
    if args.action == "rename":
        updated = await do_update_unit(hub, None, unit.id, name=args.name, short_name=args.short_name)
    else:
        parent = await _unit(args.parent) if args.parent else None
        updated = await do_update_unit(hub, None, unit.id, parent_id=parent.id if parent else None, move=True)
    if args.action == "move":
        print(f"unit {updated.code} is now " + (f"under {args.parent}" if args.parent else "at the top"))
    else:
        print(f"unit {updated.code} is now {updated.name}")


async def units_retire(hub: Hub, args: argparse.Namespace) -> None:
    from hub.actions.admin_org import do_retire_unit

    unit = await _unit(args.code)
    assert unit.id is not None
    await do_retire_unit(hub, None, unit.id)
    print(f"unit {unit.code} retired (kept for history, gone from the directory)")


async def import_people(hub: Hub, args: argparse.Namespace) -> None:
    """The console's XLSX import: every row checked first; --apply creates everything only if all are valid."""
    from hub.actions.admin_import import do_apply_import, do_preview_import
    from hub.actions.security_policy import check_upload

    path = Path(args.file)
    data = await asyncio.to_thread(path.read_bytes)
    check_upload(hub, path.name, len(data), only=("xlsx",))
    batch = await do_preview_import(hub, None, path.name, data)
    for e in batch.errors:
        print(f"{e['sheet']} 第{e['row']}行 {e['column']}: {e['message']}")
    if batch.errors:
        raise HubError("import_invalid", detail=f"{len(batch.errors)} problems")
    print(f"valid: {len(batch.units)} units, {len(batch.people)} people")
    if args.apply:
        assert batch.id is not None
        await do_apply_import(hub, None, batch.id)
        print("imported")
    else:
        print("nothing imported yet: run again with --apply")


COMMANDS.update({("units", "rename"): units_update, ("units", "move"): units_update,
                 ("units", "retire"): units_retire, ("import", "xlsx"): import_people})
