"""Wire shapes of the work engine: request bodies, instances, 待办 items and definitions."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from hub.workflow.definition import Definition
from hub.workflow.documents import SubjectRef
from hub.workflow.state import Holder, InstanceStatus, OpName, TrailEntry

Box = Literal["pending", "done", "started", "cc"]
_REQUEST_ID = Field(min_length=8, max_length=64, pattern=r"^[A-Za-z0-9_.:-]+$")


class _In(BaseModel):
    model_config = ConfigDict(extra="forbid")


class StartIn(_In):
    definition_key: str = Field(max_length=40)
    form: dict[str, Any] = Field(default_factory=dict)
    chosen: dict[str, list[str]] = Field(default_factory=dict, description="自选: step key -> user ids")
    subject: SubjectRef | None = None
    request_id: str = _REQUEST_ID
    channel_id: str | None = Field(default=None, max_length=24, description="where the process card goes; "
                                   "default: the initiator's unit channel")


class ActIn(_In):
    op: OpName
    request_id: str = _REQUEST_ID
    version: int | None = Field(default=None, description="the instance version the person saw")
    opinion: str | None = Field(default=None, max_length=1000)
    users: list[str] = Field(default_factory=list, max_length=50)
    position: Literal["before", "after", "parallel"] | None = None
    target: str | None = Field(default=None, max_length=40)


class RunOut(BaseModel):
    id: str
    step_key: str
    name: str
    mode: str
    status: str
    holders: list[Holder]
    due_at: datetime | None
    opinion: Literal["optional", "required", "on_reject"] = Field(
        default="on_reject", description="when 同意/不同意 need an opinion on this run")


class InstanceOut(BaseModel):
    id: str
    title: str
    definition_key: str
    definition_name: str
    definition_version: int
    version: int
    status: InstanceStatus
    initiator_id: str
    initiator_name: str
    form: dict[str, Any]
    subject: SubjectRef | None
    current_step: str | None
    current_holders: list[Holder]
    runs: list[RunOut]
    trail: list[TrailEntry]
    cc: list[str]
    my_actions: list[str]
    return_targets: list[str]
    created_at: datetime
    updated_at: datetime


class TaskOut(BaseModel):
    """One row of the 工作台: a 待办/已办 Assignment, or an instance I started or was copied on."""

    id: str
    box: Box
    instance_id: str
    title: str
    definition_key: str
    step_name: str | None = None
    status: str
    instance_status: str | None = None
    initiator_name: str
    on_behalf_of_name: str | None = None
    due_at: datetime | None = None
    overdue: bool = False
    urged_at: datetime | None = None
    created_at: datetime
    updated_at: datetime


class TaskCounts(BaseModel):
    pending: int
    done: int
    started: int
    cc: int
    overdue: int


class TaskList(BaseModel):
    box: Box
    tasks: list[TaskOut]
    counts: TaskCounts


class TaskQuery(BaseModel):
    box: Box = "pending"
    definition_key: str | None = Field(default=None, max_length=40, pattern=r"^[a-z][a-z0-9_]{0,39}$")
    overdue: bool = False
    q: str = Field(default="", max_length=40, description="part of the title")
    limit: int = Field(default=50, ge=1, le=200)
    offset: int = Field(default=0, ge=0, le=10000)


class DefinitionOut(BaseModel):
    id: str
    key: str
    version: int
    name: str
    published_at: datetime
    spec: Definition


class DefinitionList(BaseModel):
    definitions: list[DefinitionOut]


class ActOut(BaseModel):
    instance: InstanceOut


class SupervisionIn(_In):
    unit_ids: list[str] = Field(max_length=200, description="the complete list; empty clears")


class SupervisedUnit(BaseModel):
    id: str
    code: str
    name: str


class SupervisionOut(BaseModel):
    """分管: the units a leader is in charge of."""

    leader_id: str
    leader_name: str
    units: list[SupervisedUnit]
