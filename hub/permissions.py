"""Who may press a card's button: users, roles or seats named by the rule, and their delegates (代理)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from beanie import PydanticObjectId
from beanie.operators import In

from hub.cards import ActionRule, CardActionDef
from hub.models import Card, Delegation, Membership, User


@dataclass(frozen=True)
class Grant:
    """Allowed, and if through a delegation, on whose behalf."""

    allowed: bool
    on_behalf_of: User | None = None


def _holds(user: User, seats: list[Membership], rule: ActionRule) -> bool:
    if str(user.id) in rule.users or set(user.roles) & set(rule.roles):
        return True
    for wanted in rule.positions:
        for seat in seats:
            if str(seat.unit_id) != wanted.unit_id:
                continue
            if wanted.position is not None and seat.position == wanted.position:
                return True
            if wanted.position is None and (seat.is_head or not wanted.head):
                return True
    return False


async def active_principals(delegate: User, now: datetime) -> list[User]:
    """Everyone who has, at `now` (the hub clock), named this user as their delegate."""
    found = await Delegation.find(Delegation.delegate_id == delegate.id, Delegation.revoked_at == None,  # noqa: E711
                                  {"starts_at": {"$lte": now}, "ends_at": {"$gt": now}}).to_list()
    if not found:
        return []
    return await User.find(In(User.id, [d.principal_id for d in found]), User.disabled == False).to_list()  # noqa: E712


class Rights:
    """What one person may press at `now`: their seats, and whoever has delegated to them with those people's seats,
    read once (at most three queries) and then applied to every button of every card a page or an event shows."""

    def __init__(self, user: User, now: datetime) -> None:
        self.user, self.now = user, now
        self._loaded = False
        self._seats: dict[PydanticObjectId | None, list[Membership]] = {}
        self._principals: list[User] = []

    async def _load(self) -> None:
        if self._loaded:
            return
        self._principals = await active_principals(self.user, self.now)
        people = [self.user.id, *(p.id for p in self._principals)]
        for seat in await Membership.find(In(Membership.user_id, people)).to_list():
            self._seats.setdefault(seat.user_id, []).append(seat)
        self._loaded = True

    async def grant(self, rule: ActionRule) -> Grant:
        if self.user.disabled:
            return Grant(False)
        if rule.anyone or _holds(self.user, [], rule):
            return Grant(True)
        await self._load()
        if _holds(self.user, self._seats.get(self.user.id, []), rule):
            return Grant(True)
        for principal in self._principals:
            if _holds(principal, self._seats.get(principal.id, []), rule):
                return Grant(True, on_behalf_of=principal)
        return Grant(False)

    async def actions(self, card: Card) -> list[CardActionDef]:
        """The buttons of this card that this person may press."""
        return [a for a in card.actions if (await self.grant(a.rule)).allowed]


async def may_act(user: User, rule: ActionRule, *, now: datetime) -> Grant:
    return await Rights(user, now).grant(rule)


async def holders(rule: ActionRule, *, now: datetime) -> set[PydanticObjectId]:
    """Everyone the rule names directly, plus their delegates active at `now` (not for rule.anyone)."""
    ids: set[PydanticObjectId] = set()
    direct = [PydanticObjectId(u) for u in rule.users if PydanticObjectId.is_valid(u)]
    ids.update(direct)
    if rule.roles:
        ids.update(u.id for u in await User.find(In(User.roles, rule.roles)).to_list() if u.id)
    for wanted in rule.positions:
        if not PydanticObjectId.is_valid(wanted.unit_id):
            continue
        query = Membership.find(Membership.unit_id == PydanticObjectId(wanted.unit_id))
        for seat in await query.to_list():
            if wanted.position is not None:
                if seat.position == wanted.position:
                    ids.add(seat.user_id)
            elif seat.is_head or not wanted.head:
                ids.add(seat.user_id)
    if ids:
        delegations = await Delegation.find(In(Delegation.principal_id, list(ids)), Delegation.revoked_at == None,  # noqa: E711
                                            {"starts_at": {"$lte": now}, "ends_at": {"$gt": now}}).to_list()
        ids.update(d.delegate_id for d in delegations)
    return ids


async def actions_for(user: User, card: Card, *, now: datetime) -> list[CardActionDef]:
    """The buttons of this card that this person may press at `now` (the hub clock); for several cards, use one
    `Rights` so that the person's seats and delegations are read once."""
    return await Rights(user, now).actions(card)
