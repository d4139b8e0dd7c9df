"""Wire shapes of 公文: sending, the 收文箱, one document with its records, tracking, the 收文登记簿."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from hub.files.wire import FileOut
from hub.models.documents import DocType, DocumentElements, Instruction, Reader, Urgency
from hub.workflow.state import Holder, TrailEntry

_REQUEST_ID = Field(min_length=8, max_length=64, pattern=r"^[A-Za-z0-9_.:-]+$")
_ID = r"^[0-9a-f]{24}$"


class SendIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    elements: DocumentElements
    request_id: str = _REQUEST_ID
    from_unit_id: str | None = Field(default=None, pattern=_ID, description="default: the sender's first unit")


class RecordOut(BaseModel):
    """One recipient unit's 收文: its process step, number, 批示, 传阅 and what the viewer may press."""

    id: str
    document_id: str
    unit_id: str
    unit_name: str
    copied: bool
    status: str
    doc_type: str
    title: str
    urgency: str | None
    sender_unit_name: str
    received_at: datetime
    signed_by_name: str | None
    signed_at: datetime | None
    returned_reason: str | None
    reg_no: str | None
    checklist: dict[str, bool]
    proposal: str | None
    instruction: Instruction | None
    readers: list[Reader]
    replies: list[dict[str, Any]]
    due_at: datetime | None
    overdue: bool
    instance_id: str | None
    current_step: str | None
    current_holders: list[Holder]
    trail: list[TrailEntry]
    my_actions: list[str]


class ReceiptOut(BaseModel):
    id: str
    record_id: str
    unit_name: str
    kind: Literal["signed", "returned"]
    user_name: str
    at: datetime
    content_hash: str
    reason: str | None


class DocumentOut(BaseModel):
    id: str
    elements: DocumentElements
    sender_unit_id: str
    sender_unit_name: str
    sent_by_name: str
    sent_at: datetime
    external: bool
    content_hash: str
    is_sender: bool
    records: list[RecordOut]
    receipts: list[ReceiptOut]
    attachments: list[FileOut] = Field(default_factory=list, description="附件, oldest first")


IncomingBox = Literal["pending", "handling", "done", "circulated"]


class IncomingQuery(BaseModel):
    box: IncomingBox = "pending"
    urgency: Urgency | None = None
    doc_type: DocType | None = None
    sender_unit_id: str | None = Field(default=None, pattern=_ID)
    limit: int = Field(default=50, ge=1, le=200)


class IncomingList(BaseModel):
    box: IncomingBox
    records: list[RecordOut]
    counts: dict[str, int]


class TrackingRow(BaseModel):
    record_id: str
    unit_id: str
    unit_name: str
    copied: bool
    state: Literal["signed", "pending", "returned"]
    by_name: str | None
    at: datetime | None
    reason: str | None
    status: str
    replies: list[dict[str, Any]]


class TrackingQuery(BaseModel):
    state: Literal["signed", "pending", "returned"] | None = None


class TrackingOut(BaseModel):
    document_id: str
    rows: list[TrackingRow]
    counts: dict[str, int]


class UrgeIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    request_id: str = _REQUEST_ID


class UrgeOut(BaseModel):
    urged: list[str] = Field(description="units chased now")
    too_soon: list[str] = Field(description="units chased within the last 30 minutes")


class RegisterQuery(BaseModel):
    year: int = Field(ge=2000, le=2100)
    unit_id: str | None = Field(default=None, pattern=_ID, description="default: the clerk's unit")


class RegisterRow(BaseModel):
    record_id: str
    reg_no: str
    registered_at: datetime | None
    doc_number: str
    title: str
    doc_type: str
    sender_unit_name: str
    urgency: str | None
    status: str


class RegisterOut(BaseModel):
    unit_id: str
    unit_name: str
    year: int
    rows: list[RegisterRow]


class SentRow(BaseModel):
    """A document the person's unit sent, with its tracking counts."""

    id: str
    title: str
    doc_number: str
    doc_type: str
    urgency: str | None
    sent_at: datetime
    sent_by_name: str
    counts: dict[str, int]


class SentList(BaseModel):
    documents: list[SentRow]


class SentQuery(BaseModel):
    limit: int = Field(default=50, ge=1, le=200)
