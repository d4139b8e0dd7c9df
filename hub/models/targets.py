"""目标管理: yearly targets with milestones, their progress reports, and an append-only trail."""

from __future__ import annotations

from datetime import date, datetime
from typing import Literal

import pymongo
from beanie import Document, PydanticObjectId
from pydantic import BaseModel, Field
from pymongo import IndexModel

from hub.lib.timeutil import utcnow

Light = Literal["green", "yellow", "red"]
TargetStatus = Literal["active", "closed"]
ReportStatus = Literal["pending", "accepted", "returned"]


class Milestone(BaseModel):
    """A dated step of a target; weights add up to 100 (the share of the whole target it completes)."""

    key: str
    title: str
    due: date
    weight: int


class TargetAct(BaseModel):
    """One line of a target's history; the trail only grows."""

    at: datetime
    act: Literal["created", "reported", "accepted", "returned", "light", "reminded", "overdue", "closed"]
    actor_id: str | None = None
    actor_name: str = ""
    note: str = ""
    report_id: str | None = None
    light: Light | None = None
    percent: int | None = None


class Target(Document):
    """A yearly target (年度目标) set by the 市委/市政府 office; one 主责 unit and its 配合 units."""

    id: PydanticObjectId | None = Field(default_factory=PydanticObjectId)
    year: int
    code: str
    title: str
    description: str = ""
    lead_unit_id: str
    partner_unit_ids: list[str] = Field(default_factory=list)
    milestones: list[Milestone]
    progress: int = 0
    status: TargetStatus = "active"
    light: Light = "green"
    created_by: str
    created_by_name: str
    request_id: str
    trail: list[TargetAct] = Field(default_factory=list)
    version: int = 1
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow)
    closed_at: datetime | None = None

    class Settings:
        name = "targets"
        indexes = [
            IndexModel([("year", pymongo.ASCENDING), ("code", pymongo.ASCENDING)], unique=True, name="year_code"),
            IndexModel([("created_by", pymongo.ASCENDING), ("request_id", pymongo.ASCENDING)], unique=True,
                       name="create_request_unique"),
            IndexModel([("lead_unit_id", pymongo.ASCENDING), ("year", pymongo.ASCENDING)], name="by_lead"),
            IndexModel([("partner_unit_ids", pymongo.ASCENDING)], name="by_partner"),
        ]


class TargetReport(Document):
    """A progress report (进展报告) and the office's 复核 of it; the decision is written once."""

    id: PydanticObjectId | None = Field(default_factory=PydanticObjectId)
    target_id: PydanticObjectId
    unit_id: str
    reporter_id: str
    reporter_name: str
    percent: int
    text: str
    request_id: str
    status: ReportStatus = "pending"
    reviewer_id: str | None = None
    reviewer_name: str | None = None
    reason: str | None = None
    created_at: datetime = Field(default_factory=utcnow)
    reviewed_at: datetime | None = None

    class Settings:
        name = "target_reports"
        indexes = [
            IndexModel([("target_id", pymongo.ASCENDING), ("created_at", pymongo.DESCENDING)], name="by_target"),
            IndexModel([("reporter_id", pymongo.ASCENDING), ("request_id", pymongo.ASCENDING)], unique=True,
                       name="report_request_unique"),
            IndexModel([("status", pymongo.ASCENDING)], name="pending",
                       partialFilterExpression={"status": "pending"}),
        ]


TARGET_MODELS: list[type[Document]] = [Target, TargetReport]
