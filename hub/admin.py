"""Administrative commands behind `python -m hub users|units|members|seed`."""

from __future__ import annotations

import argparse
from collections.abc import Awaitable, Callable

from hub.actions.audit import verify_chain
from hub.actions.auth import do_disable_user, do_enable_user
from hub.actions.bots import do_issue_bot_token, do_revoke_bot_tokens, ensure_bot
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
from hub.models import BotAccount, Unit, User
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
    report = await verify_chain()
    if report.ok:
        print(f"audit chain intact: {report.entries} entries")
        return
    print(f"AUDIT CHAIN BROKEN at entry {report.broken_at}: {report.reason}")
    raise SystemExit(1)


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
    ("bots", "add"): bots_add,
    ("bots", "token"): bots_token,
    ("bots", "revoke"): bots_revoke,
    ("bots", "list"): bots_list,
    ("integrations", "add"): integrations_add,
    ("integrations", "rotate"): integrations_rotate,
}
