"""Reading the org model into the engine's Directory: who each step names, delegates (代理), administrators."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime

from beanie import PydanticObjectId
from beanie.operators import In

from hub.models import Delegation, Membership, Unit, User
from hub.workflow.definition import Approvers, Definition, Limit
from hub.workflow.documents import Supervision
from hub.workflow.state import Actor, Directory, Person

DueFor = Callable[[Limit, datetime], datetime | None]


def person(user: User) -> Person:
    return Person(str(user.id), user.name)


async def _users(ids: Iterable[PydanticObjectId]) -> list[User]:
    wanted = list(dict.fromkeys(ids))
    if not wanted:
        return []
    found = {u.id: u for u in await User.find(In(User.id, wanted), User.disabled == False,  # noqa: E712
                                              User.is_bot == False).to_list()}  # noqa: E712
    return [found[i] for i in wanted if i in found]


async def _primary_unit(user: User) -> Unit | None:
    seats = await Membership.find(Membership.user_id == user.id).sort("order").to_list()
    return await Unit.get(seats[0].unit_id) if seats else None


async def _heads(unit_id: PydanticObjectId) -> list[PydanticObjectId]:
    return [m.user_id for m in await Membership.find(Membership.unit_id == unit_id, Membership.is_head == True  # noqa: E712
                                                     ).sort("order").to_list()]


async def supervisors_of(unit: Unit) -> list[PydanticObjectId]:
    """The unit's 分管领导; a unit with none inherits those of its parent."""
    current: Unit | None = unit
    for _ in range(10):
        if current is None:
            return []
        found = await Supervision.find(Supervision.unit_id == current.id).to_list()
        if found:
            return [s.leader_id for s in found]
        current = await Unit.get(current.parent_id) if current.parent_id else None
    return []


async def _rule_ids(rule: Approvers, initiator: User, chosen: list[str], homes: dict[str, Unit | None]
                    ) -> list[PydanticObjectId]:
    if rule.kind == "users":
        return [u.id for u in await User.find(In(User.username, rule.users)).to_list() if u.id]
    if rule.kind == "role":
        return [u.id for u in await User.find({"roles": rule.role}).to_list() if u.id]
    if rule.kind == "chosen":
        return [PydanticObjectId(i) for i in chosen if PydanticObjectId.is_valid(i)]
    if rule.kind in ("unit_head", "position"):
        unit = await Unit.find_one(Unit.code == rule.unit)
        if unit is None or unit.id is None:
            return []
        if rule.kind == "unit_head":
            return await _heads(unit.id)
        seats = await Membership.find(Membership.unit_id == unit.id, Membership.position == rule.position).to_list()
        return [m.user_id for m in seats]
    if "home" not in homes:
        homes["home"] = await _primary_unit(initiator)
    home = homes["home"]
    if home is None or home.id is None:
        return []
    if rule.kind == "initiator_unit_head":
        return await _heads(home.id)
    return await supervisors_of(home)


async def active_delegates(principal_ids: list[str], now: datetime) -> dict[str, Person]:
    ids = [PydanticObjectId(i) for i in principal_ids]
    if not ids:
        return {}
    found = await Delegation.find(In(Delegation.principal_id, ids), Delegation.revoked_at == None,  # noqa: E711
                                  {"starts_at": {"$lte": now}, "ends_at": {"$gt": now}}).to_list()
    people = {u.id: u for u in await _users(d.delegate_id for d in found)}
    return {str(d.principal_id): person(people[d.delegate_id]) for d in found if d.delegate_id in people}


async def directory(defn: Definition, initiator: User, chosen: dict[str, list[str]], named: list[str],
                    now: datetime, due_for: DueFor | None = None, *, steps: bool = True) -> Directory:
    """Everything the engine may need for one call, read fresh: the org may have changed since the last act.
    Without steps, no step can open in this call (抄送, 催办, 转交…), so their people are not read."""
    candidates: dict[str, list[Person]] = {}
    homes: dict[str, Unit | None] = {}
    for step in defn.steps if steps else []:
        ids: list[PydanticObjectId] = []
        for rule in step.approvers:
            ids += await _rule_ids(rule, initiator, chosen.get(step.key, []), homes)
        candidates[step.key] = [person(u) for u in await _users(ids)]
    admins = [person(u) for u in await User.find({"roles": "sys_admin", "disabled": False}).to_list()]
    everyone = {p.id for people in candidates.values() for p in people} | {p.id for p in admins}
    people = {p.id: p for p in map(person, await _users(PydanticObjectId(i) for i in named
                                                        if PydanticObjectId.is_valid(i)))}
    due = {s.key: due_for(s.limit, now) if due_for and s.limit else None for s in defn.steps}
    return Directory(candidates=candidates, admins=admins, people=people, due=due,
                     delegates=await active_delegates(sorted(everyone | set(people)), now))


async def actor_of(user: User, now: datetime) -> Actor:
    """The clicker as the engine sees them, with whoever has named them delegate at this moment."""
    found = await Delegation.find(Delegation.delegate_id == user.id, Delegation.revoked_at == None,  # noqa: E711
                                  {"starts_at": {"$lte": now}, "ends_at": {"$gt": now}}).to_list()
    principals = tuple(person(u) for u in await _users(d.principal_id for d in found))
    return Actor(id=str(user.id), name=user.name, principals=principals, is_admin="sys_admin" in user.roles)
