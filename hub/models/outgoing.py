"""发文稿: a draft 公文 on its way out, and its versions, each kept append-only (留痕) with author and time."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal

import pymongo
from beanie import Document, PydanticObjectId
from pydantic import BaseModel, ConfigDict, Field
from pymongo import IndexModel

from hub.lib.timeutil import utcnow
from hub.models.documents import Direction, DocType, Openness, Urgency

_ID = r"^[0-9a-f]{24}$"


class Block(BaseModel):
    """One block of the 正文: a heading of level 1–4 (一、（一）1.（1）, numbered when rendered) or a paragraph (0)."""

    model_config = ConfigDict(extra="forbid")
    level: int = Field(ge=0, le=4)
    text: Annotated[str, Field(min_length=1, max_length=5000)]


class DraftContent(BaseModel):
    """The GB/T 9704 elements a drafter writes; the 发文字号, 签发人 and dates are added by the flow."""

    model_config = ConfigDict(extra="forbid")
    doc_type: DocType = Field(description="文种")
    direction: Direction = Field(default="down", description="上行文 up (签发 by the principal), 下行文, 平行文")
    main_to: list[Annotated[str, Field(pattern=_ID)]] = Field(min_length=1, max_length=200, description="主送: units")
    cc_to: list[Annotated[str, Field(pattern=_ID)]] = Field(default_factory=list, max_length=200,
                                                             description="抄送: units")
    title: Annotated[str, Field(min_length=2, max_length=200, description="标题")]
    blocks: list[Block] = Field(min_length=1, max_length=400, description="正文, structured")
    attachments: list[Annotated[str, Field(pattern=_ID)]] = Field(default_factory=list, max_length=20,
                                                                   description="附件: file ids of this draft")
    openness: Openness = Field(default="内部", description="公开 or 内部")
    urgency: Urgency | None = Field(default=None, description="紧急程度; none is 平件")
    note: Annotated[str, Field(max_length=200)] = Field(default="", description="附注")


class DraftVersion(Document):
    """One saved version; (draft, n) is unique, so two editors from the same base cannot both save."""

    id: PydanticObjectId | None = Field(default_factory=PydanticObjectId)
    draft_id: PydanticObjectId
    n: int
    content: DraftContent
    author_id: str
    author_name: str
    step: str = Field(description="the step the edit was made in: 拟稿, 核稿, 编号 …")
    at: datetime = Field(default_factory=utcnow)

    class Settings:
        name = "outgoing_versions"
        indexes = [IndexModel([("draft_id", pymongo.ASCENDING), ("n", pymongo.ASCENDING)], unique=True,
                              name="draft_version_unique")]


OutgoingStatus = Literal["drafting", "signed", "sealed", "distributed", "withdrawn", "rejected"]


class OutgoingDraft(Document):
    """The 发文 as a whole: who drafts for which unit, who acts on it, and what each step recorded."""

    id: PydanticObjectId | None = Field(default_factory=PydanticObjectId)
    unit_id: PydanticObjectId
    unit_name: str
    code: str = Field(description="机关代字, e.g. 白政发")
    drafter_id: str
    drafter_name: str
    reviewer_id: str
    signer_id: str
    countersign_unit_ids: list[str] = Field(default_factory=list)
    instance_id: PydanticObjectId | None = None
    version: int = 1  # the newest version's n, moved forward only ($max)
    title: str
    status: OutgoingStatus = "drafting"
    signed_version: int | None = None
    signer_name: str | None = None
    signed_at: datetime | None = None
    number_id: PydanticObjectId | None = None
    number_text: str | None = None
    sealed_by_name: str | None = None
    sealed_at: datetime | None = None
    pdf_file_id: PydanticObjectId | None = None
    ofd_file_id: PydanticObjectId | None = None
    pdf_sha256: str | None = None
    ofd_sha256: str | None = None
    document_id: PydanticObjectId | None = None
    province_units: list[str] = Field(default_factory=list, description="external units sent by the exchange")
    create_request_id: str
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow)

    class Settings:
        name = "outgoing_drafts"
        indexes = [
            IndexModel([("drafter_id", pymongo.ASCENDING), ("create_request_id", pymongo.ASCENDING)], unique=True,
                       name="create_request_unique"),
            IndexModel([("unit_id", pymongo.ASCENDING), ("created_at", pymongo.DESCENDING)], name="by_unit"),
            IndexModel([("instance_id", pymongo.ASCENDING)], name="by_instance"),
        ]


OUTGOING_MODELS: list[type[Document]] = [OutgoingDraft, DraftVersion]
