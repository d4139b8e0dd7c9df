"""行政审批: the 事项 catalogue, cases (办件) with their legal clocks and lights, and the 办件编号 counters."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Literal

import pymongo
from beanie import Document, PydanticObjectId
from pydantic import BaseModel, Field
from pymongo import IndexModel

from hub.lib.timeutil import BEIJING
from hub.models.ids import PresetIdDocument

if TYPE_CHECKING:
    from hub.lib.workdays import DeadlineClock

Light = Literal["green", "yellow", "red"]
CaseStatus = Literal["submitted", "correction", "refused", "review", "decided", "delivered"]
PauseKind = Literal["听证", "检验", "检测", "鉴定", "专家评审"]
ApplicantKind = Literal["enterprise", "citizen"]
# 送达 within 10 working days of the decision (《行政许可法》第四十四条); 受理 within 5 (第三十二条).
ACCEPT_DAYS = 5
DELIVER_DAYS = 10
EXTENSION_DAYS = 10


class MatterCode(BaseModel):
    """The fields of a 事项编码 after GB/T 39554.1: 基本编码 (type, main item, sub item) and 实施编码 (region of
    the 实施机关, its 统一社会信用代码, and the business item)."""

    item_type: str = Field(pattern=r"^[A-Z]{2}$", description="事项类型, e.g. XK 行政许可")
    main_item: str = Field(pattern=r"^[0-9]{5}$", description="主项编码")
    sub_item: str = Field(pattern=r"^[0-9]{3}$", description="子项编码")
    region_code: str = Field(pattern=r"^[0-9]{6}$", description="实施机关行政区划代码")
    org_code: str = Field(pattern=r"^[0-9A-Z]{18}$", description="实施机关统一社会信用代码")
    business_item: str = Field(pattern=r"^[0-9]{2}$", description="业务办理项编码")

    @property
    def basic(self) -> str:
        return f"{self.item_type}{self.main_item}{self.sub_item}"

    @property
    def full(self) -> str:
        return f"{self.basic}{self.region_code}{self.org_code}{self.business_item}"


class Material(BaseModel):
    key: str = Field(pattern=r"^[a-z][a-z0-9_]{0,39}$")
    name: str = Field(min_length=1, max_length=100)
    required: bool = True


class StageLimit(BaseModel):
    """One step of the matter's procedure, with its own limit in working days (电子监察 watches each)."""

    key: Literal["accept", "decide", "deliver"]
    name: str
    days: int = Field(ge=1, le=200)


class Thresholds(BaseModel):
    """Yellow when this share of the time is used, or when this many working days are left, whichever first."""

    yellow_share: float = Field(default=0.8, gt=0, lt=1)
    yellow_days_left: float = Field(default=1.0, ge=0, le=30)


class Matter(Document):
    """A 事项 of the catalogue."""

    key: str
    name: str
    code: MatterCode
    unit_id: PydanticObjectId
    legal_days: int = Field(default=20, ge=1, le=200)
    promised_days: int = Field(ge=1, le=200)
    materials: list[Material]
    stages: list[StageLimit]
    thresholds: Thresholds = Field(default_factory=Thresholds)
    # 分管领导 first, then up the declared chain: who hears of a yellow (first) and a red (everyone).
    escalation: list[PydanticObjectId] = Field(default_factory=list)
    created_at: datetime

    class Settings:
        name = "licensing_matters"
        indexes = [IndexModel([("key", pymongo.ASCENDING)], unique=True, name="key_unique")]

    def stage(self, key: str) -> StageLimit:
        for s in self.stages:
            if s.key == key:
                return s
        raise KeyError(key)


class ClockSpan(BaseModel):
    start: datetime
    end: datetime | None = None


class ClockState(BaseModel):
    """A stored hub.lib.workdays.DeadlineClock (that module imports the models, so it is not imported here)."""

    started_at: datetime
    limit: float
    unit: Literal["working_days", "working_hours"] = "working_days"
    pauses: list[ClockSpan] = Field(default_factory=list)

    @property
    def paused(self) -> bool:
        return bool(self.pauses) and self.pauses[-1].end is None

    def live(self) -> DeadlineClock:
        from hub.lib.workdays import DeadlineClock

        return DeadlineClock.model_validate(self.model_dump())


class Applicant(BaseModel):
    """Kept minimal: who applies and how to reach them, nothing else."""

    kind: ApplicantKind
    name: str = Field(min_length=1, max_length=100)
    phone: str = Field(pattern=r"^[0-9+\- ]{5,20}$")


class StageEntry(BaseModel):
    """A public step of the case: what the applicant may see (no names, no internal opinions)."""

    name: str
    at: datetime
    note: str = ""


class Opinion(BaseModel):
    """An internal review opinion: never shown on the public page."""

    user_id: PydanticObjectId
    user_name: str
    text: str
    at: datetime


class LightChange(BaseModel):
    at: datetime
    stage: str
    light: Light


class Pause(BaseModel):
    kind: PauseKind
    reason: str
    start: datetime
    end: datetime | None = None


class Extension(BaseModel):
    reason: str
    requested_by: PydanticObjectId
    requested_at: datetime
    approved_by: PydanticObjectId | None = None
    approved_at: datetime | None = None


class Decision(BaseModel):
    granted: bool
    reason: str
    appeal: str
    at: datetime


class Rating(BaseModel):
    score: int = Field(ge=1, le=5)
    comment: str
    at: datetime


def iso_week(at: datetime) -> str:
    year, week, _ = at.astimezone(BEIJING).isocalendar()
    return f"{year}-W{week:02d}"


class LicensingCase(PresetIdDocument):
    """A 办件. `version` guards every change (compare-and-set); `clock_epoch` names the current stage clock, so
    a light timer scheduled for an earlier clock (before a pause, an extension or the next stage) does nothing."""

    number: str
    matter_id: PydanticObjectId
    matter_key: str
    matter_name: str
    unit_id: PydanticObjectId
    unit_name: str
    applicant: Applicant
    query_code_hash: str
    source: Literal["window", "hall"]
    materials: list[str]
    status: CaseStatus = "submitted"
    stage: Literal["accept", "decide", "deliver", "done"] = "accept"
    stages: list[StageEntry] = Field(default_factory=list)
    correction: list[str] | None = None
    refusal: str | None = None
    clock: ClockState | None = None
    stage_started_at: datetime
    due_at: datetime | None = None
    # The Beijing date of due_at ("2026-12-03"): the dashboard counts "due soon" on that day from the cases
    # (an equality every store keys), and earlier days from the counters.
    due_day: str | None = None
    clock_epoch: int = 0
    light: Light = "green"
    lights: list[LightChange] = Field(default_factory=list)
    pauses: list[Pause] = Field(default_factory=list)
    extension: Extension | None = None
    decision: Decision | None = None
    opinions: list[Opinion] = Field(default_factory=list)
    accepted_at: datetime | None = None
    decided_at: datetime | None = None
    decide_days: int | None = None
    completed_at: datetime | None = None
    rating: Rating | None = None
    submitted_at: datetime
    # ISO weeks in Beijing time ("2026-W49"), kept for the dashboard's weekly trends.
    week: str
    done_week: str | None = None
    version: int = 0
    # The 办件's process on the work engine (hub/actions/licensing_flow.py): its 待办 are the 工作台's.
    instance_id: PydanticObjectId | None = None

    class Settings:
        name = "licensing_cases"
        indexes = [
            IndexModel([("number", pymongo.ASCENDING)], unique=True, name="number_unique"),
            IndexModel([("unit_id", pymongo.ASCENDING), ("status", pymongo.ASCENDING)], name="by_unit"),
            IndexModel([("matter_key", pymongo.ASCENDING), ("submitted_at", pymongo.DESCENDING)], name="by_matter"),
            IndexModel([("due_day", pymongo.ASCENDING)], name="by_due_day"),
        ]


class FollowUp(Document):
    """A 差评 opened this for the department: answer the applicant within 15 working days."""

    case_id: PydanticObjectId
    number: str
    unit_id: PydanticObjectId
    score: int
    comment: str
    due_at: datetime
    status: Literal["open", "done"] = "open"
    created_at: datetime
    closed_by: PydanticObjectId | None = None
    closed_at: datetime | None = None
    note: str = ""

    class Settings:
        name = "licensing_followups"
        indexes = [IndexModel([("case_id", pymongo.ASCENDING)], unique=True, name="case_unique"),
                   IndexModel([("unit_id", pymongo.ASCENDING), ("status", pymongo.ASCENDING)], name="by_unit")]


class CaseCounter(Document):
    """One sequence per 办件编号 prefix; advanced only by a single-document $inc (hub/lib/upsert.py)."""

    id: str  # type: ignore[assignment]
    value: int = 0

    class Settings:
        name = "licensing_counters"


class LicensingStat(Document):
    """审批动态 counters of one department, 事项 and Beijing day, kept by guarded single-document $inc.

    `n` holds what a case contributes on that day (hub/actions/licensing_counters.py): its state counts on the day
    it was submitted, `done` on the day it finished, `due` on the day it falls due, `h<days>` (the histogram of
    working days to decide) on the day it was decided. `applied` names the transitions already counted here, so a
    transition that is applied again changes nothing."""

    id: str  # type: ignore[assignment]
    unit_id: PydanticObjectId
    unit_name: str
    matter_key: str
    matter_name: str
    day: str
    week: str
    n: dict[str, int] = Field(default_factory=dict)
    applied: list[str] = Field(default_factory=list)

    class Settings:
        name = "licensing_stats"
        indexes = [IndexModel([("unit_id", pymongo.ASCENDING), ("day", pymongo.ASCENDING)], name="by_unit_day")]


LICENSING_MODELS: list[type[Document]] = [Matter, LicensingCase, FollowUp, CaseCounter, LicensingStat]
