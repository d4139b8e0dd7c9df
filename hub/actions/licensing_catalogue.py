"""The 事项 catalogue: matters are declared in JSON (hub/licensing/matters.json) and loaded by key, idempotently."""

from __future__ import annotations

from pathlib import Path

import orjson
from pydantic import BaseModel, Field

from hub.actions.audit import do_audit
from hub.actions.policy import check_texts
from hub.context import Hub
from hub.errors import HubError
from hub.models import Unit, User
from hub.models.licensing import Material, Matter, MatterCode, StageLimit, Thresholds

CATALOGUE = Path(__file__).resolve().parent.parent / "licensing" / "matters.json"


class MatterSpec(BaseModel):
    """One 事项 as declared: the unit and the escalation chain by code and username, so the file travels."""

    key: str = Field(pattern=r"^[a-z][a-z0-9-]{1,39}$")
    name: str = Field(min_length=2, max_length=100)
    code: MatterCode
    unit: str
    legal_days: int = Field(default=20, ge=1, le=200)
    promised_days: int = Field(ge=1, le=200)
    materials: list[Material] = Field(min_length=1, max_length=50)
    stages: list[StageLimit]
    thresholds: Thresholds = Field(default_factory=Thresholds)
    escalation: list[str] = Field(default_factory=list, max_length=10)


def read_catalogue(path: Path = CATALOGUE) -> list[MatterSpec]:
    return [MatterSpec.model_validate(m) for m in orjson.loads(path.read_bytes())["matters"]]


async def do_load_matter(hub: Hub, spec: MatterSpec, actor: User | None = None) -> tuple[Matter, bool]:
    """Create the matter unless its key exists (then it is returned unchanged): re-seeding changes nothing."""
    existing = await Matter.find_one(Matter.key == spec.key)
    if existing is not None:
        return existing, False
    check_texts(hub, [spec.name, *(m.name for m in spec.materials)])
    if spec.promised_days > spec.legal_days:
        raise HubError("invalid_request", detail=f"{spec.key}: 承诺时限 cannot exceed 法定时限")
    if sorted(s.key for s in spec.stages) != ["accept", "decide", "deliver"]:
        raise HubError("invalid_request", detail=f"{spec.key}: stages are accept, decide and deliver")
    unit = await Unit.find_one(Unit.code == spec.unit)
    if unit is None or unit.id is None:
        raise HubError("not_found", detail=f"unit {spec.unit}")
    chain = []
    for username in spec.escalation:
        leader = await User.find_one(User.username == username)
        if leader is None or leader.id is None:
            raise HubError("not_found", detail=f"user {username}")
        chain.append(leader.id)
    matter = Matter(key=spec.key, name=spec.name, code=spec.code, unit_id=unit.id, legal_days=spec.legal_days,
                    promised_days=spec.promised_days, materials=spec.materials, stages=spec.stages,
                    thresholds=spec.thresholds, escalation=chain, created_at=hub.clock.now())
    await matter.insert()
    await do_audit(hub, "licensing.matter_created", actor=actor, object_type="licensing_matter", object_id=spec.key)
    return matter, True


async def load_catalogue(hub: Hub, path: Path = CATALOGUE) -> int:
    created = 0
    for spec in read_catalogue(path):
        created += (await do_load_matter(hub, spec))[1]
    return created
