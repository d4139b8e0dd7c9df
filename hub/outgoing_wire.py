"""Wire shapes of 发文: creating and editing a draft, its versions and diffs, and the draft with its flow."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from hub.files.wire import FileOut
from hub.layout.draft import DiffLine
from hub.models.outgoing import DraftContent
from hub.numbering.wire import CODE
from hub.workflow.state import Holder

_REQUEST_ID = Field(min_length=8, max_length=64, pattern=r"^[A-Za-z0-9_.:-]+$")
_ID = r"^[0-9a-f]{24}$"


class OutgoingCreateIn(BaseModel):
    """拟稿: the content, the 机关代字 it will be numbered in, and who reviews, countersigns and signs."""

    model_config = ConfigDict(extra="forbid")
    content: DraftContent
    code: str = Field(pattern=CODE, description="机关代字, e.g. 白政发")
    reviewer_id: str = Field(pattern=_ID, description="核稿人")
    signer_id: str = Field(pattern=_ID, description="签发领导; for 上行文 the unit's principal")
    countersign_unit_ids: list[str] = Field(default_factory=list, max_length=20, description="会签单位 (their heads)")
    request_id: str = _REQUEST_ID


class OutgoingEditIn(BaseModel):
    """A new version on top of base_version (the version the editor loaded)."""

    model_config = ConfigDict(extra="forbid")
    base_version: int = Field(ge=1)
    content: DraftContent


class PreviewIn(BaseModel):
    """Unsaved content to lay out (the drafting page's live preview)."""

    model_config = ConfigDict(extra="forbid")
    content: DraftContent
    code: str | None = Field(default=None, pattern=CODE, description="机关代字 of a draft not created yet")


class VersionOut(BaseModel):
    n: int
    author_name: str
    step: str
    at: datetime
    title: str
    signed: bool = Field(description="the version that was signed (签发)")


class VersionList(BaseModel):
    versions: list[VersionOut]


class DiffQuery(BaseModel):
    from_version: int = Field(ge=1)
    to_version: int = Field(ge=1)


class DiffOut(BaseModel):
    from_version: int
    to_version: int
    substantive: bool = Field(description="more than spacing or punctuation changed")
    lines: list[DiffLine]


class PreviewQuery(BaseModel):
    version: int | None = Field(default=None, ge=1, description="default: the newest version")


class CountersignOut(BaseModel):
    """One 会签 unit's head: their opinion once they have acted."""

    unit_name: str
    user_name: str
    status: str
    opinion: str | None
    at: datetime | None


class TrailOut(BaseModel):
    at: datetime
    kind: str
    step_name: str | None
    actor_name: str
    opinion: str | None


class OutgoingOut(BaseModel):
    id: str
    unit_id: str
    unit_name: str
    code: str
    drafter_name: str
    title: str
    status: str
    version: int
    content: DraftContent
    lines: list[str] = Field(description="the draft as rendered text (numbers generated)")
    unit_names: dict[str, str]
    process_status: str
    current_step: str | None
    current_step_key: str | None
    current_holders: list[Holder]
    my_actions: list[str]
    can_edit: bool
    reviewer_name: str
    signer_name: str | None
    signed_version: int | None
    signed_at: datetime | None
    number_text: str | None
    sealed_by_name: str | None
    sealed_at: datetime | None
    pdf_file_id: str | None
    ofd_file_id: str | None
    pdf_sha256: str | None
    ofd_sha256: str | None
    document_id: str | None
    province_units: list[str]
    countersign: list[CountersignOut]
    trail: list[TrailOut]
    files: list[FileOut] = Field(default_factory=list, description="附件 uploaded to the draft, and the 版式 files")
    created_at: datetime


class OutgoingRow(BaseModel):
    id: str
    title: str
    status: str
    current_step: str | None
    number_text: str | None
    drafter_name: str
    unit_name: str
    updated_at: datetime
    mine_now: bool = Field(description="a step of it waits for me")


class OutgoingList(BaseModel):
    drafts: list[OutgoingRow]


class OutgoingQuery(BaseModel):
    limit: int = Field(default=50, ge=1, le=200)
    box: Literal["all", "todo"] = "all"
