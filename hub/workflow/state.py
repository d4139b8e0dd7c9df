"""The state of one process instance, as the pure engine reads and writes it (stored inside ProcessInstance)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal

from pydantic import BaseModel, Field

from hub.workflow.definition import Mode

HolderStatus = Literal["waiting", "open", "approved", "rejected", "transferred", "cancelled"]
RunStatus = Literal["open", "suspended", "approved", "rejected", "skipped", "returned", "cancelled"]
InstanceStatus = Literal["running", "approved", "rejected", "withdrawn", "voided"]
ActKind = Literal["start", "approve", "reject", "add_sign", "transfer", "return", "withdraw", "retrieve", "cc",
                  "urge", "void", "skip", "resubmit"]
OpName = Literal["approve", "reject", "add_sign", "transfer", "return", "withdraw", "retrieve", "cc", "urge", "void"]
ADD_STEP = "__add__"
INITIATOR_STEP = "__initiator__"


@dataclass(frozen=True)
class Person:
    id: str
    name: str


@dataclass
class Directory:
    """What the engine needs to know about people, resolved from the org model by the caller before each call."""

    candidates: dict[str, list[Person]]  # step key -> people its rules name, in order
    admins: list[Person] = field(default_factory=list)
    delegates: dict[str, Person] = field(default_factory=dict)  # principal id -> active delegate
    people: dict[str, Person] = field(default_factory=dict)  # ids named by the command (加签, 转交, 抄送)
    due: dict[str, datetime | None] = field(default_factory=dict)  # step key -> due if it opened now


@dataclass(frozen=True)
class Actor:
    """Who clicks: the person, whoever named them delegate right now, and whether they administer the system."""

    id: str
    name: str
    principals: tuple[Person, ...] = ()
    is_admin: bool = False


class Holder(BaseModel):
    user_id: str
    name: str
    status: HolderStatus
    delegate_id: str | None = None
    delegate_name: str | None = None
    added_by: str | None = None
    acted_by_id: str | None = None
    acted_by_name: str | None = None


class Run(BaseModel):
    """One opening of a step (a round); 退回 and reopenings make new runs, so a run is decided at most once."""

    id: str
    step_key: str
    name: str
    mode: Mode
    quorum_percent: int = 100
    one_rejection: Literal["rejects", "counts"] = "rejects"
    opinion: Literal["optional", "required", "on_reject"] = "on_reject"
    holders: list[Holder] = Field(default_factory=list)
    status: RunStatus = "open"
    opened_at: datetime
    decided_at: datetime | None = None
    due_at: datetime | None = None
    resume_run: str | None = None  # 前加签: the run that waits for this one
    then: str | None = None  # where to go after this run (a step key or "end"), when not by branches
    after: list[Holder] = Field(default_factory=list)  # 后加签: people to ask once this run is approved
    return_to: str | None = None  # reopened by 退回 from that step: go straight back there


class Retrievable(BaseModel):
    """The state before someone's last approval, which 取回 restores while nobody has acted since."""

    actor_id: str
    runs: list[Run]
    approved_by: list[str]
    status: InstanceStatus


class TrailEntry(BaseModel):
    """One act, with its opinion (意见); the trail only grows."""

    seq: int
    at: datetime
    kind: ActKind
    run_id: str | None = None
    step_name: str | None = None
    actor_id: str | None = None
    actor_name: str
    on_behalf_of_id: str | None = None
    on_behalf_of_name: str | None = None
    opinion: str | None = None
    detail: dict[str, str] = Field(default_factory=dict)
    request_id: str | None = None


class State(BaseModel):
    status: InstanceStatus = "running"
    runs: list[Run] = Field(default_factory=list)
    counter: int = 0
    approved_by: list[str] = Field(default_factory=list)
    decided: bool = False
    cc: list[str] = Field(default_factory=list)
    last_urged_at: datetime | None = None
    retrievable: Retrievable | None = None
    acts: int = 0

    def open_run(self) -> Run | None:
        return next((r for r in self.runs if r.status == "open"), None)

    def run(self, run_id: str) -> Run:
        return next(r for r in self.runs if r.id == run_id)


class Command(BaseModel):
    """One operation on an instance, as the engine takes it."""

    op: OpName
    opinion: str | None = None
    users: list[str] = Field(default_factory=list)  # 加签, 转交 (one), 抄送
    position: Literal["before", "after", "parallel"] | None = None  # 加签
    target: str | None = None  # 退回: an earlier step's key, or "initiator"


@dataclass(frozen=True)
class Want:
    """One Assignment as the state wants it."""

    run_id: str
    step_key: str
    step_name: str
    user_id: str
    status: Literal["open", "done", "transferred", "cancelled"]
    on_behalf_of_id: str | None = None
    on_behalf_of_name: str | None = None
    due_at: datetime | None = None


@dataclass
class Outcome:
    state: State
    acts: list[TrailEntry]
    notify: list[tuple[str, str]] = field(default_factory=list)  # (user id, why)
