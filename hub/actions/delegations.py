"""Delegation (代理): a leader away on business names a delegate for a period."""

from __future__ import annotations

from datetime import datetime

from beanie.operators import In, Or

from hub import wire
from hub.access import parse_id
from hub.actions.audit import Origin, do_audit
from hub.actions.channels import check_users
from hub.actions.policy import check_texts
from hub.context import Hub
from hub.errors import HubError
from hub.lib.timeutil import as_utc
from hub.models import Delegation, User


async def do_delegate(hub: Hub, principal: User, delegate_id: str, starts_at: datetime, ends_at: datetime,
                      reason: str, origin: Origin) -> Delegation:
    (delegate,) = await check_users([delegate_id])
    if delegate.id == principal.id:
        raise HubError("invalid_request", detail="you cannot delegate to yourself")
    if delegate.is_bot:
        raise HubError("invalid_request", detail="a bot cannot be a delegate")
    check_texts(hub, [reason])
    starts, ends = as_utc(starts_at), as_utc(ends_at)
    if ends <= starts or ends <= hub.clock.now():
        raise HubError("invalid_request", detail="the period must end after it starts, in the future")
    assert principal.id is not None and delegate.id is not None
    delegation = Delegation(principal_id=principal.id, delegate_id=delegate.id, starts_at=starts, ends_at=ends,
                            reason=reason.strip(), created_at=hub.clock.now())
    await delegation.insert()
    await do_audit(hub, "delegation.created", actor=principal, object_type="delegation", object_id=delegation.id,
                   detail={"delegate_id": str(delegate.id), "ends_at": ends.isoformat()}, origin=origin)
    return delegation


async def do_revoke_delegation(hub: Hub, user: User, delegation_id: str, origin: Origin) -> None:
    delegation = await Delegation.get(parse_id(delegation_id))
    if delegation is None or user.id not in (delegation.principal_id, delegation.delegate_id):
        raise HubError("not_found")
    await Delegation.get_pymongo_collection().update_one({"_id": delegation.id, "revoked_at": None},
                                                         {"$set": {"revoked_at": hub.clock.now()}})
    await do_audit(hub, "delegation.revoked", actor=user, object_type="delegation", object_id=delegation.id,
                   origin=origin)


async def delegations_of(user: User, now: datetime) -> list[wire.DelegationOut]:
    """Delegations the user gave or received that have not ended or been revoked by `now` (the hub clock)."""
    found = await Delegation.find(Or(Delegation.principal_id == user.id, Delegation.delegate_id == user.id),
                                  Delegation.revoked_at == None, {"ends_at": {"$gt": now}}).to_list()  # noqa: E711
    ids = {d.principal_id for d in found} | {d.delegate_id for d in found}
    names = {u.id: u.name for u in await User.find(In(User.id, list(ids))).to_list()}
    return [wire.DelegationOut(id=str(d.id), principal_id=str(d.principal_id), delegate_id=str(d.delegate_id),
                               principal_name=names.get(d.principal_id, ""), delegate_name=names.get(d.delegate_id, ""),
                               starts_at=d.starts_at, ends_at=d.ends_at, reason=d.reason,
                               active=as_utc(d.starts_at) <= now) for d in found]
