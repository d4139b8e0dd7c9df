"""Administrative commands behind `python -m hub users|units|members|seed`."""

from __future__ import annotations

import argparse
from collections.abc import Awaitable, Callable

from hub.actions.auth import do_disable_user, do_enable_user
from hub.actions.org import (
    do_add_membership,
    do_create_unit,
    do_create_user,
    do_remove_membership,
    do_reset_password,
    do_set_roles,
)
from hub.context import Hub
from hub.errors import HubError
from hub.models import Unit, User
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
    await do_enable_user(await _user(args.username))
    print(f"enabled {args.username}")


async def users_reset_password(hub: Hub, args: argparse.Namespace) -> None:
    await do_reset_password(hub, await _user(args.username), args.password)
    print(f"password of {args.username} reset; their sessions are ended")


async def users_roles(hub: Hub, args: argparse.Namespace) -> None:
    await do_set_roles(await _user(args.username), args.roles)
    print(f"roles of {args.username}: {', '.join(args.roles)}")


async def users_list(hub: Hub, args: argparse.Namespace) -> None:
    for u in await User.find_all().sort("+username").to_list():
        flag = " (disabled)" if u.disabled else ""
        print(f"{u.username:16} {u.name:8} {','.join(u.roles)}{flag}")


async def units_add(hub: Hub, args: argparse.Namespace) -> None:
    parent = await _unit(args.parent) if args.parent else None
    unit = await do_create_unit(args.code, args.name, args.short_name or args.name, args.kind, parent)
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
}
