"""Administering the org tree: units, users, roles and memberships."""

from __future__ import annotations

import asyncio
import re

from beanie import PydanticObjectId
from pymongo.errors import DuplicateKeyError

from hub.actions.audit import do_audit
from hub.actions.channels import ensure_unit_channel, subscribe, unsubscribe
from hub.actions.policy import check_texts
from hub.actions.security_policy import check_password_policy
from hub.actions.throttle import clear_throttles
from hub.context import Hub
from hub.errors import HubError
from hub.events import SessionEnded
from hub.lib.pinyin import search_keys
from hub.models import AuthSession, Membership, Unit, User
from hub.models.org import ADMIN_ROLES
from hub.realtime.bus import user_room

_USERNAME = re.compile(r"^[a-z][a-z0-9_.-]{1,31}$")


def check_roles(roles: list[str]) -> list[str]:
    """三员分立: one account holds at most one of the three administrator roles."""
    if len(ADMIN_ROLES.intersection(roles)) > 1:
        raise HubError("admin_separation")
    allowed = {"staff", "leader", "office_director", "doc_clerk", *ADMIN_ROLES}
    unknown = set(roles) - allowed
    if unknown:
        raise HubError("invalid_request", detail=f"unknown roles: {', '.join(sorted(unknown))}")
    return list(dict.fromkeys(roles)) or ["staff"]


def check_password(hub: Hub, password: str) -> str:
    """The password rules of the security policy in force (hub/actions/security_policy.py)."""
    return check_password_policy(hub, password)


async def do_create_unit(hub: Hub, code: str, name: str, short_name: str, kind: str, parent: Unit | None,
                         *, order: int = 0, external: bool = False, unit_id: PydanticObjectId | None = None,
                         actor: User | None = None) -> Unit:
    check_texts(hub, [name, short_name])
    full, initials = search_keys(name)
    unit = Unit(code=code, name=name, short_name=short_name, kind=kind,
                parent_id=parent.id if parent else None, order=order, external=external,
                pinyin=full, initials=initials)
    if unit_id is not None:
        unit.id = unit_id
    try:
        await unit.insert()
    except DuplicateKeyError:
        raise HubError("conflict", detail=f"unit code {code}") from None
    if not external:
        await ensure_unit_channel(unit)
    await do_audit(hub, "unit.created", actor=actor, object_type="unit", object_id=unit.id, detail={"code": code})
    return unit


async def do_create_user(hub: Hub, username: str, name: str, password: str, roles: list[str],
                         *, user_id: PydanticObjectId | None = None, actor: User | None = None,
                         password_hash: str | None = None) -> User:
    """password_hash: already checked and hashed (an XLSX import hashes at preview); password is then unused."""
    username = username.strip().lower()
    if not _USERNAME.match(username):
        raise HubError("invalid_request", detail="username: 2-32 of a-z 0-9 _ . -, starting with a letter")
    check_texts(hub, [name])
    full, initials = search_keys(name)
    user = User(username=username, name=name.strip(), pinyin=full, initials=initials,
                password_hash=password_hash or await asyncio.to_thread(hub.hasher.hash, check_password(hub, password)),
                roles=check_roles(roles))
    if user_id is not None:
        user.id = user_id
    try:
        await user.insert()
    except DuplicateKeyError:
        raise HubError("username_taken") from None
    await do_audit(hub, "user.created", actor=actor, object_type="user", object_id=user.id,
                   detail={"roles": list(user.roles)})
    return user


async def do_reset_password(hub: Hub, user: User, password: str, *, actor: User | None = None) -> None:
    """A new password ends every session, and unlocks the account."""
    hashed = await asyncio.to_thread(hub.hasher.hash, check_password(hub, password))
    await User.get_pymongo_collection().update_one(
        {"_id": user.id}, {"$set": {"password_hash": hashed, "failed_logins": 0, "locked_until": None}}
    )
    await AuthSession.get_pymongo_collection().delete_many({"user_id": user.id})
    await clear_throttles(user.username)
    await do_audit(hub, "user.password_reset", actor=actor, object_type="user", object_id=user.id)
    await hub.realtime.disconnect_room(user_room(user.id), SessionEnded(reason="password_reset"))


async def do_set_roles(hub: Hub, user: User, roles: list[str], *, actor: User | None = None) -> None:
    checked = check_roles(roles)
    await User.get_pymongo_collection().update_one({"_id": user.id}, {"$set": {"roles": checked}})
    await do_audit(hub, "user.roles_changed", actor=actor, object_type="user", object_id=user.id,
                   detail={"before": list(user.roles), "after": checked})
    if sorted(checked) != sorted(user.roles):
        # What a session may do depends on the roles it was opened with: a change ends every session.
        await AuthSession.get_pymongo_collection().update_many(
            {"user_id": user.id, "revoked_at": None}, {"$set": {"revoked_at": hub.clock.now()}})
        await hub.realtime.disconnect_room(user_room(user.id), SessionEnded(reason="role_changed"))


async def do_add_membership(hub: Hub, user: User, unit: Unit, position: str, title: str,
                            *, is_head: bool = False, order: int = 100, actor: User | None = None) -> Membership:
    if unit.external:
        raise HubError("invalid_request", detail="external units have no local members")
    check_texts(hub, [position, title])
    assert user.id is not None and unit.id is not None
    membership = Membership(user_id=user.id, unit_id=unit.id, position=position, title=title,
                            is_head=is_head, order=order)
    try:
        await membership.insert()
    except DuplicateKeyError:
        raise HubError("conflict", detail="already a member of this unit") from None
    await subscribe(hub, await ensure_unit_channel(unit), [user.id])
    await do_audit(hub, "membership.added", actor=actor, object_type="user", object_id=user.id,
                   detail={"unit": unit.code, "position": position, "head": is_head})
    return membership


async def do_remove_membership(hub: Hub, user: User, unit: Unit, *, actor: User | None = None) -> None:
    result = await Membership.get_pymongo_collection().delete_one({"user_id": user.id, "unit_id": unit.id})
    if result.deleted_count == 0:
        raise HubError("not_found")
    assert user.id is not None
    await unsubscribe(hub, await ensure_unit_channel(unit), user.id)
    await do_audit(hub, "membership.removed", actor=actor, object_type="user", object_id=user.id,
                   detail={"unit": unit.code})

