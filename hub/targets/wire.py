"""Wire shapes of 目标管理: what clients send and what they get back."""

from __future__ import annotations

from datetime import date, datetime
from typing import Literal

from pydantic import BaseModel, Field, field_validator, model_validator

from hub.models.targets import Light, ReportStatus, TargetAct, TargetStatus


class MilestoneIn(BaseModel):
    title: str = Field(min_length=1, max_length=100)
    due: date
    weight: int = Field(ge=1, le=100)


class TargetIn(BaseModel):
    """A new yearly target; the milestones' weights add up to 100."""

    request_id: str = Field(min_length=8, max_length=64)
    year: int = Field(ge=2000, le=2100)
    title: str = Field(min_length=2, max_length=120)
    description: str = Field(default="", max_length=2000)
    lead_unit_id: str = Field(min_length=1, max_length=64)
    partner_unit_ids: list[str] = Field(default_factory=list, max_length=20)
    milestones: list[MilestoneIn] = Field(min_length=1, max_length=24)

    @field_validator("title", "description")
    @classmethod
    def _strip(cls, v: str) -> str:
        return v.strip()

    @model_validator(mode="after")
    def _check(self) -> TargetIn:
        if sum(m.weight for m in self.milestones) != 100:
            raise ValueError("milestone weights must add up to 100")
        if len({m.due for m in self.milestones}) != len(self.milestones):
            raise ValueError("two milestones on one date")
        if self.lead_unit_id in self.partner_unit_ids or len(set(self.partner_unit_ids)) != len(self.partner_unit_ids):
            raise ValueError("a 配合 unit appears twice or is the 主责 unit")
        return self


class ReportIn(BaseModel):
    request_id: str = Field(min_length=8, max_length=64)
    percent: int = Field(ge=0, le=100)
    text: str = Field(min_length=2, max_length=2000)


class ReviewIn(BaseModel):
    request_id: str = Field(min_length=8, max_length=64)
    decision: Literal["accept", "return"]
    reason: str | None = Field(default=None, max_length=500)

    @model_validator(mode="after")
    def _reason(self) -> ReviewIn:
        if self.decision == "return" and not (self.reason or "").strip():
            raise ValueError("a return needs a reason")
        return self


class CloseIn(BaseModel):
    note: str = Field(default="", max_length=500)


class TargetQuery(BaseModel):
    year: int | None = Field(default=None, ge=2000, le=2100)
    unit_id: str | None = Field(default=None, max_length=64)
    light: Light | None = None
    status: TargetStatus | None = None


class UnitRef(BaseModel):
    id: str
    name: str


class MilestoneOut(BaseModel):
    key: str
    title: str
    due: date
    weight: int
    cumulative: int
    reached: bool


class ReportOut(BaseModel):
    id: str
    unit: UnitRef
    reporter_name: str
    percent: int
    text: str
    status: ReportStatus
    reviewer_name: str | None
    reason: str | None
    created_at: datetime
    reviewed_at: datetime | None


class TargetOut(BaseModel):
    id: str
    year: int
    code: str
    title: str
    description: str
    lead_unit: UnitRef
    partner_units: list[UnitRef]
    milestones: list[MilestoneOut]
    progress: int
    expected: int
    status: TargetStatus
    light: Light
    pending_reports: int
    created_by_name: str
    created_at: datetime
    closed_at: datetime | None


class TargetDetail(TargetOut):
    """One target with its history and what this person may do with it."""

    reports: list[ReportOut]
    trail: list[TargetAct]
    can_report: bool
    can_manage: bool


class TargetList(BaseModel):
    targets: list[TargetOut]
    can_manage: bool


class BoardRow(BaseModel):
    unit: UnitRef
    green: int
    yellow: int
    red: int
    closed: int
    total: int


class TargetBoard(BaseModel):
    """Counts per 主责 department and per light (closed ones apart), from one aggregation."""

    year: int
    rows: list[BoardRow]
    totals: dict[str, int]
