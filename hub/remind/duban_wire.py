"""Wire shapes of 督办: opening an item, progress reports, the leader's list and one item."""

from __future__ import annotations

from datetime import date, datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

_ID = r"^[A-Za-z0-9_.:-]{8,64}$"
_OID = r"^[0-9a-f]{24}$"


class DubanSourceIn(BaseModel):
    """A card it comes from (a red card); a 批示 source is given by the 公文 work calling the action."""

    model_config = ConfigDict(extra="forbid")
    kind: Literal["card"]
    id: str = Field(pattern=_OID)


class DubanIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    request_id: str = Field(pattern=_ID)
    title: str = Field(min_length=1, max_length=100)
    body: str = Field(min_length=1, max_length=5000)
    host_unit_id: str = Field(pattern=_OID)
    deadline: date
    urgency: Literal["平件", "加急", "特急"] = "平件"
    source: DubanSourceIn | None = None


class ProgressIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    request_id: str = Field(pattern=_ID)
    percent: int = Field(ge=0, le=100)
    text: str = Field(min_length=1, max_length=2000)


class ProgressOut(BaseModel):
    seq: int
    at: datetime
    by_name: str
    percent: int
    text: str


class DubanOut(BaseModel):
    id: str
    title: str
    body: str
    source_kind: str
    source_id: str | None
    host_unit_id: str
    host_unit_name: str
    deadline: datetime
    leader_id: str
    leader_name: str
    instance_id: str | None
    stage: str
    closed: bool
    light: Literal["green", "yellow", "red", "done"]
    percent: int
    progress: list[ProgressOut]
    can_report: bool
    created_at: datetime


class DubanList(BaseModel):
    items: list[DubanOut]
    red: int
    yellow: int
    green: int
    done: int


class DubanQuery(BaseModel):
    model_config = ConfigDict(extra="forbid")
    scope: Literal["following", "hosting"] = "following"
    open_only: bool = False
