"""Wire shapes and the catalogue of the role tours (分角色培训): one tour per role, each with a version."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, Field

from hub.models.onboarding import TourOutcome
from hub.wire import WireModel

TourKey = Literal["staff", "leader", "director", "clerk", "sys_admin", "sec_admin", "audit_admin"]

# The current version of each tour: raising one shows that tour again to everyone who saw an older one.
TOURS: dict[str, int] = {"staff": 1, "leader": 1, "director": 1, "clerk": 1,
                         "sys_admin": 1, "sec_admin": 1, "audit_admin": 1}


class TourRecordIn(WireModel):
    """A tour the person finished (completed) or closed early (skipped), at the version they were shown."""

    tour: TourKey
    version: int = Field(ge=1, le=1000)
    outcome: TourOutcome


class TourOut(BaseModel):
    key: TourKey
    version: int
    seen_version: int | None = None
    outcome: TourOutcome | None = None
    at: datetime | None = None


class ToursOut(BaseModel):
    """My role's tour (from my roles, 岗位 and 职务), whether it is due (never seen at its version), every tour."""

    role: TourKey
    due: bool
    tours: list[TourOut]
