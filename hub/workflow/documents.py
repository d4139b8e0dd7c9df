"""Stored documents of the engine: versioned definitions, instances (changed only by CAS), 待办 Assignments."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

import pymongo
from beanie import Document, PydanticObjectId
from pydantic import BaseModel, Field
from pymongo import IndexModel

from hub.lib.timeutil import utcnow
from hub.workflow.definition import Definition
from hub.workflow.state import State, TrailEntry

# Sorting by due date puts items without a deadline last on both stores (no null ordering differences).
NO_DUE = datetime(9999, 1, 1)


class ProcessDefinition(Document):
    """One published version of a definition; instances keep the version they started on."""

    key: str
    version: int
    name: str
    spec: Definition
    published_by: str | None = None
    published_at: datetime = Field(default_factory=utcnow)

    class Settings:
        name = "process_definitions"
        indexes = [IndexModel([("key", pymongo.ASCENDING), ("version", pymongo.DESCENDING)], unique=True,
                              name="key_version_unique")]


class SubjectRef(BaseModel):
    """What the process is about (a 公文, an approval, a 督办 item), by kind and id."""

    kind: str = Field(min_length=1, max_length=32, pattern=r"^[a-z_]+$")
    id: str = Field(min_length=1, max_length=64)


class ProcessInstance(Document):
    """One running or ended process; every change is a compare-and-set on `version`, and the trail only grows."""

    id: PydanticObjectId | None = Field(default_factory=PydanticObjectId)  # set when built: see hub/models/ids.py
    definition_id: PydanticObjectId
    definition_key: str
    definition_version: int
    title: str
    initiator_id: str
    initiator_name: str
    form: dict[str, Any] = Field(default_factory=dict)
    chosen: dict[str, list[str]] = Field(default_factory=dict)
    subject: SubjectRef | None = None
    state: State
    trail: list[TrailEntry] = Field(default_factory=list)
    version: int = 1
    start_request_id: str
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow)
    # The card (hub/actions/workflow_card.py): where it is posted, and whether it may be behind this version.
    card_channel_id: str | None = None
    card_stale: bool = True

    class Settings:
        name = "process_instances"
        indexes = [
            IndexModel([("initiator_id", pymongo.ASCENDING), ("created_at", pymongo.DESCENDING)], name="by_initiator"),
            IndexModel([("state.cc", pymongo.ASCENDING), ("created_at", pymongo.DESCENDING)], name="by_cc"),
            IndexModel([("initiator_id", pymongo.ASCENDING), ("start_request_id", pymongo.ASCENDING)], unique=True,
                       name="start_request_unique"),
            IndexModel([("card_stale", pymongo.ASCENDING)], name="card_stale",
                       partialFilterExpression={"card_stale": True}),
        ]


AssignmentStatus = Literal["open", "done", "cancelled", "transferred"]


class Assignment(Document):
    """A 待办: one person's turn on one run of a step. Written after the instance's CAS, guarded by its version."""

    id: PydanticObjectId | None = Field(default_factory=PydanticObjectId)  # set when built: see hub/models/ids.py
    instance_id: PydanticObjectId
    run_id: str
    step_key: str
    step_name: str
    user_id: str
    on_behalf_of: str | None = None
    on_behalf_of_name: str | None = None
    status: AssignmentStatus = "open"
    due_at: datetime | None = None
    due_sort: datetime = NO_DUE
    card_id: str | None = None
    definition_key: str
    title: str
    initiator_name: str
    urged_at: datetime | None = None
    synced_version: int
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow)

    class Settings:
        name = "assignments"
        indexes = [
            IndexModel([("user_id", pymongo.ASCENDING), ("status", pymongo.ASCENDING), ("due_at", pymongo.ASCENDING)],
                       name="by_user_status_due"),
            IndexModel([("user_id", pymongo.ASCENDING), ("status", pymongo.ASCENDING),
                        ("due_sort", pymongo.ASCENDING)], name="by_user_status_due_sort"),
            IndexModel([("instance_id", pymongo.ASCENDING), ("run_id", pymongo.ASCENDING),
                        ("user_id", pymongo.ASCENDING)], unique=True, name="instance_run_user_unique"),
        ]


class WorkflowRequest(Document):
    """A claimed request id, scoped to (user, instance, action); a retry answers with the stored result."""

    user_id: PydanticObjectId
    request_id: str
    scope: str
    action: str
    done: bool = False
    result: dict[str, Any] | None = None
    created_at: datetime = Field(default_factory=utcnow)

    class Settings:
        name = "workflow_requests"
        indexes = [
            IndexModel([("user_id", pymongo.ASCENDING), ("request_id", pymongo.ASCENDING)], unique=True,
                       name="user_request_unique"),
            IndexModel([("created_at", pymongo.ASCENDING)], expireAfterSeconds=7 * 86400, name="ttl"),
        ]


class Supervision(Document):
    """分管: a leader in charge of a unit (a unit may have several, a leader many units)."""

    leader_id: PydanticObjectId
    unit_id: PydanticObjectId
    created_at: datetime = Field(default_factory=utcnow)

    class Settings:
        name = "supervisions"
        indexes = [
            IndexModel([("unit_id", pymongo.ASCENDING), ("leader_id", pymongo.ASCENDING)], unique=True,
                       name="unit_leader_unique"),
            IndexModel([("leader_id", pymongo.ASCENDING)], name="by_leader"),
        ]


WORKFLOW_MODELS: list[type[Document]] = [ProcessDefinition, ProcessInstance, Assignment, WorkflowRequest,
                                         Supervision]
