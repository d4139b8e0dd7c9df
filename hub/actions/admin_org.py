"""The administrators' acts on the org tree and on roles, with 三员分立 checked on the current state."""

from __future__ import annotations

from beanie import PydanticObjectId

from hub.actions.audit import Origin, do_audit
from hub.actions.org import check_roles, do_set_roles
from hub.actions.policy import check_texts
from hub.context import Hub
from hub.errors import HubError
from hub.lib.pinyin import search_keys
from hub.models import Channel, Membership, Unit, User
from hub.models.org import ADMIN_ROLES

SYS_ADMIN, SEC_ADMIN, AUDIT_ADMIN = "sys_admin", "sec_admin", "audit_admin"


def require_role(actor: User | None, role: str) -> None:
    """None is the command line, which acts with the store's own authority (python -m hub ...)."""
    if actor is not None and (role not in actor.roles or actor.disabled):
        raise HubError("forbidden")


def check_manageable(actor: User, target: User) -> None:
    """The 系统管理员 keeps ordinary accounts: an administrator's account (or a bot's) is out of reach, so one
    administrator cannot take over another's by resetting its password or disabling it."""
    if ADMIN_ROLES & set(target.roles) or target.is_bot:
        raise HubError("forbidden", detail="administrator and bot accounts are managed by the 安全保密管理员")
    del actor


def check_ordinary_roles(roles: list[str]) -> list[str]:
    """Roles a 系统管理员 may give when adding a person: never the three administrator roles."""
    checked = check_roles(roles)
    if ADMIN_ROLES & set(checked):
        raise HubError("forbidden", detail="administrator roles are granted by the 安全保密管理员")
    return checked


async def _unit(unit_id: PydanticObjectId) -> Unit:
    unit = await Unit.get(unit_id)
    if unit is None:
        raise HubError("not_found")
    return unit


async def check_parent(unit: Unit | None, parent_id: PydanticObjectId | None) -> Unit | None:
    """The new parent exists, is not retired, and is not the unit itself or below it (no cycles)."""
    if parent_id is None:
        return None
    parent = await _unit(parent_id)
    if parent.retired:
        raise HubError("invalid_request", detail="the parent unit is retired")
    seen: set[PydanticObjectId] = set()
    walk: Unit | None = parent
    while walk is not None and walk.id is not None and walk.id not in seen:
        if unit is not None and walk.id == unit.id:
            raise HubError("invalid_request", detail="a unit cannot move under itself or its sub-units")
        seen.add(walk.id)
        walk = await Unit.get(walk.parent_id) if walk.parent_id else None
    return parent


async def do_update_unit(hub: Hub, actor: User | None, unit_id: PydanticObjectId, *, name: str | None = None,
                         short_name: str | None = None, parent_id: PydanticObjectId | None = None,
                         move: bool = False, order: int | None = None, origin: Origin | None = None) -> Unit:
    """Rename and/or move (move=True with parent_id None moves to the top)."""
    require_role(actor, SYS_ADMIN)
    unit = await _unit(unit_id)
    if unit.retired:
        raise HubError("conflict", detail="the unit is retired")
    changes: dict[str, object] = {}
    if name is not None and name.strip() != unit.name:
        check_texts(hub, [name])
        full, initials = search_keys(name.strip())
        changes.update(name=name.strip(), pinyin=full, initials=initials)
    if short_name is not None and short_name.strip() != unit.short_name:
        check_texts(hub, [short_name])
        changes["short_name"] = short_name.strip()
    if move:
        parent = await check_parent(unit, parent_id)
        new_parent = parent.id if parent else None
        if new_parent != unit.parent_id:
            changes["parent_id"] = new_parent
    if order is not None and order != unit.order:
        changes["order"] = order
    if not changes:
        return unit
    await Unit.get_pymongo_collection().update_one({"_id": unit.id}, {"$set": changes})
    if "name" in changes:
        await Channel.get_pymongo_collection().update_one({"kind": "unit", "unit_id": unit.id},
                                                          {"$set": {"name": changes["name"]}})
    audited = {k: str(v) if isinstance(v, PydanticObjectId) else v for k, v in changes.items()
               if k not in ("pinyin", "initials")}
    await do_audit(hub, "unit.updated", actor=actor, object_type="unit", object_id=unit.id,
                   detail={"code": unit.code, "changes": audited}, origin=origin)
    return await _unit(unit_id)


async def do_retire_unit(hub: Hub, actor: User | None, unit_id: PydanticObjectId, origin: Origin | None = None) -> Unit:
    """撤销: only an empty unit (no members, no sub-units still in use); it stays stored for history."""
    require_role(actor, SYS_ADMIN)
    async with hub.lock(f"unit:{unit_id}"):
        unit = await _unit(unit_id)
        if unit.retired:
            return unit
        if await Membership.find_one(Membership.unit_id == unit.id) is not None or \
                await Unit.find_one({"parent_id": unit.id, "retired": {"$ne": True}}) is not None:
            raise HubError("unit_not_empty")
        await Unit.get_pymongo_collection().update_one({"_id": unit.id}, {"$set": {"retired": True}})
        await do_audit(hub, "unit.retired", actor=actor, object_type="unit", object_id=unit.id,
                       detail={"code": unit.code}, origin=origin)
    return await _unit(unit_id)


async def do_update_user(hub: Hub, actor: User, target: User, *, name: str, origin: Origin | None = None) -> None:
    require_role(actor, SYS_ADMIN)
    check_manageable(actor, target)
    name = name.strip()
    if not 1 <= len(name) <= 40:
        raise HubError("invalid_request", detail="name: 1-40 characters")
    check_texts(hub, [name])
    if name == target.name:
        return
    full, initials = search_keys(name)
    await User.get_pymongo_collection().update_one({"_id": target.id},
                                                   {"$set": {"name": name, "pinyin": full, "initials": initials}})
    await do_audit(hub, "user.updated", actor=actor, object_type="user", object_id=target.id,
                   detail={"fields": ["name"]}, origin=origin)
    await hub.realtime.user_changed(target.id)  # their sockets keep the user: the next message has the new name


async def do_grant_roles(hub: Hub, actor: User, target: User, roles: list[str]) -> list[str]:
    """The 安全保密管理员 sets anyone's roles, the three administrator roles included (never two to one
    account), but not their own: nobody widens or drops their own authority."""
    require_role(actor, SEC_ADMIN)
    if actor.id == target.id:
        raise HubError("forbidden", detail="you cannot change your own roles")
    if target.is_bot:
        raise HubError("forbidden", detail="bot accounts keep their roles")
    checked = check_roles(roles)
    await do_set_roles(hub, target, checked, actor=actor)
    return checked
