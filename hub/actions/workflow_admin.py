"""Publishing process definitions (versioned) and setting 分管 (which leader is in charge of which units)."""

from __future__ import annotations

import json
from pathlib import Path

from beanie.operators import In
from pymongo.errors import DuplicateKeyError

from hub.actions.audit import Origin, do_audit
from hub.classification import check_unclassified
from hub.context import Hub
from hub.errors import HubError
from hub.models import Unit, User
from hub.workflow.definition import Definition
from hub.workflow.documents import ProcessDefinition, Supervision

SHIPPED = Path(__file__).resolve().parent.parent / "workflow" / "definitions"


def check_definition_text(spec: Definition) -> None:
    texts = [spec.name, spec.description, *[f"{f.label} {f.help} {' '.join(f.options)}" for f in spec.form.fields],
             *[s.name for s in spec.steps]]
    check_unclassified(texts)


async def do_publish_definition(hub: Hub, actor: User | None, spec: Definition,
                                origin: Origin | None = None) -> tuple[ProcessDefinition, bool]:
    """A new version, unless it equals the latest; running instances keep theirs. (definition, created)"""
    if actor is not None and "sys_admin" not in actor.roles:
        raise HubError("forbidden")
    check_definition_text(spec)
    for _ in range(20):
        latest = await ProcessDefinition.find(ProcessDefinition.key == spec.key).sort("-version").limit(1).to_list()
        if latest and latest[0].spec == spec:
            return latest[0], False
        version = latest[0].version + 1 if latest else 1
        dfn = ProcessDefinition(key=spec.key, version=version, name=spec.name, spec=spec,
                                published_by=str(actor.id) if actor else None, published_at=hub.clock.now())
        try:
            await dfn.insert()
        except DuplicateKeyError:
            continue  # someone published the same key at the same moment: number after theirs
        await do_audit(hub, "definition.published", actor=actor, object_type="definition", object_id=dfn.id,
                       origin=origin, detail={"key": spec.key, "version": version})
        return dfn, True
    raise HubError("conflict", detail="definition versions are being published too fast")


def shipped_definitions() -> list[Definition]:
    return [Definition.model_validate(json.loads(p.read_text(encoding="utf-8")))
            for p in sorted(SHIPPED.glob("*.json"))]


async def load_shipped_definitions(hub: Hub) -> dict[str, int]:
    """Publish the definitions the product ships; loading again changes nothing. Key -> version."""
    out: dict[str, int] = {}
    for spec in shipped_definitions():
        dfn, _ = await do_publish_definition(hub, None, spec)
        out[spec.key] = dfn.version
    return out


async def do_set_supervision(hub: Hub, leader: User, units: list[Unit], *, actor: User | None = None) -> None:
    """The leader is in charge of exactly these units (分管); other leaders' charges are untouched.
    Without an actor it is the command line, which has the store's own authority."""
    if actor is not None and "sys_admin" not in actor.roles:
        raise HubError("forbidden")
    if leader.disabled or leader.is_bot:
        raise HubError("invalid_request", detail="a disabled account or a bot cannot be in charge of a unit")
    if any(u.external for u in units):
        raise HubError("invalid_request", detail="external units have no local leader in charge")
    assert leader.id is not None
    wanted = {u.id for u in units if u.id is not None}
    current = await Supervision.find(Supervision.leader_id == leader.id).to_list()
    gone = [s.id for s in current if s.unit_id not in wanted]
    if gone:
        await Supervision.find(In(Supervision.id, gone)).delete()
    have = {s.unit_id for s in current}
    if not gone and wanted == have:
        return  # nothing changes, nothing to record
    for unit_id in wanted - have:
        try:
            await Supervision(leader_id=leader.id, unit_id=unit_id, created_at=hub.clock.now()).insert()
        except DuplicateKeyError:
            pass  # set concurrently to the same thing
    await do_audit(hub, "supervision.set", actor=actor, object_type="user", object_id=leader.id,
                   detail={"units": sorted(u.code for u in units)})


async def supervised_units(leader: User) -> list[Unit]:
    found = await Supervision.find(Supervision.leader_id == leader.id).to_list()
    return await Unit.find(In(Unit.id, [s.unit_id for s in found])).sort("order").to_list() if found else []
