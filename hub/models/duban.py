"""督办 items: a supervised task with a 主办 unit, a deadline, progress reports and a light, run as a process."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

import pymongo
from beanie import PydanticObjectId
from pydantic import BaseModel, Field
from pymongo import IndexModel

from hub.lib.timeutil import utcnow
from hub.models.ids import PresetIdDocument

Light = Literal["green", "yellow", "red"]
SourceKind = Literal["manual", "card", "instruction"]


class ProgressReport(BaseModel):
    """One 进展 report from the 主办 unit; the list only grows."""

    seq: int
    at: datetime
    by_id: str
    by_name: str
    percent: int
    text: str
    request_id: str


class DubanItem(PresetIdDocument):
    """Opened by hand, from a card, or from a 批示 (the 公文 work calls do_open_duban with source "instruction").
    Its stage is its process instance's (交办 → 签收 → 办理 → 反馈 → 复核 → 办结销号)."""

    title: str
    body: str
    source_kind: SourceKind = "manual"
    source_id: str | None = None
    host_unit_id: PydanticObjectId
    host_unit_name: str
    deadline: datetime
    leader_id: str
    leader_name: str
    created_by: str
    request_id: str
    instance_id: PydanticObjectId | None = None
    light: Light = "green"
    closed_at: datetime | None = None
    progress: list[ProgressReport] = Field(default_factory=list)
    version: int = 1
    created_at: datetime = Field(default_factory=utcnow)

    class Settings:
        name = "duban_items"
        indexes = [
            IndexModel([("created_by", pymongo.ASCENDING), ("request_id", pymongo.ASCENDING)], unique=True,
                       name="creator_request_unique"),
            IndexModel([("leader_id", pymongo.ASCENDING), ("deadline", pymongo.ASCENDING)], name="by_leader"),
            IndexModel([("host_unit_id", pymongo.ASCENDING), ("deadline", pymongo.ASCENDING)], name="by_host"),
        ]
