"""Wire shapes of 政务信息报送 and 《白银信息》."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, Field, model_validator

from hub.models.infoshare import AdoptLevel, InfoStatus


class InfoIn(BaseModel):
    request_id: str = Field(min_length=8, max_length=64)
    title: str = Field(min_length=4, max_length=100)
    body: str = Field(min_length=10, max_length=5000)


class DecisionIn(BaseModel):
    request_id: str = Field(min_length=8, max_length=64)
    decision: Literal["adopt", "return"]
    level: AdoptLevel | None = None
    reason: str | None = Field(default=None, max_length=500)

    @model_validator(mode="after")
    def _check(self) -> DecisionIn:
        if self.decision == "adopt" and self.level is None:
            raise ValueError("an adoption names its level (city or province)")
        if self.decision == "return" and not (self.reason or "").strip():
            raise ValueError("a return needs a reason")
        return self


class IssueIn(BaseModel):
    request_id: str = Field(min_length=8, max_length=64)
    item_ids: list[str] = Field(min_length=1, max_length=30)


class InfoQuery(BaseModel):
    box: Literal["mine", "review", "adopted", "unit"] = "mine"
    year: int | None = Field(default=None, ge=2000, le=2100)


class YearIn(BaseModel):
    year: int = Field(ge=2000, le=2100)


class SubscriptionIn(BaseModel):
    subscribed: bool


class InfoOut(BaseModel):
    id: str
    year: int
    unit_id: str
    unit_name: str
    author_name: str
    title: str
    body: str
    status: InfoStatus
    level: AdoptLevel | None
    score: int
    reviewer_name: str | None
    reason: str | None
    issue_id: str | None
    created_at: datetime
    decided_at: datetime | None


class InfoList(BaseModel):
    items: list[InfoOut]
    is_office: bool
    subscribed: bool


class IssueOut(BaseModel):
    id: str
    year: int
    number: int
    title: str
    compiled_by_name: str
    published_at: datetime
    items: list[InfoOut]


class IssueList(BaseModel):
    issues: list[IssueOut]


class UnitStats(BaseModel):
    unit_id: str
    unit_name: str
    submitted: int
    adopted: int
    province: int
    returned: int
    score: int


class InfoStats(BaseModel):
    """Per department: submissions, adoptions (报省 among them), returns and the score, from one aggregation."""

    year: int
    units: list[UnitStats]
