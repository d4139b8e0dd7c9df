"""归档 per DA/T 22-2015: one ArchiveItem per 件, its 档号 and 归档章, and each unit's 全宗号."""

from __future__ import annotations

from datetime import date, datetime
from typing import Literal

import pymongo
from beanie import Document, PydanticObjectId
from pydantic import Field
from pymongo import IndexModel

from hub.lib.timeutil import utcnow

ArchiveKind = Literal["incoming", "outgoing"]  # 收文 (an IncomingRecord) or 发文 (an OfficialDocument sent)
Retention = Literal["Y", "D30", "D10"]  # 永久, 30年, 10年 (DA/T 22-2015 §6.1.3 codes)
RETENTION_NAMES: dict[str, str] = {"Y": "永久", "D30": "30年", "D10": "10年"}
CATEGORY = "WS"  # 门类: 文书


class ArchiveItem(Document):
    """One 件, filed once and never changed or removed (a legal record; 撤销归档 is not offered). 件号 is
    claimed by the unique index on (全宗, 年度, 保管期限, 机构) and taken gap-free by insert-and-retry."""

    id: PydanticObjectId | None = Field(default_factory=PydanticObjectId)
    unit_id: PydanticObjectId
    unit_name: str
    kind: ArchiveKind
    source_id: PydanticObjectId
    document_id: PydanticObjectId
    fonds: str = Field(description="全宗号")
    category: str = CATEGORY
    year: int = Field(description="年度: the year of the 成文日期")
    retention: Retention
    org_code: str = Field(description="机构(问题) code, e.g. BGS")
    piece_no: int = Field(description="件号, from 1 per (全宗, 年度, 保管期限, 机构)")
    archive_no: str = Field(description="档号: 全宗号-门类·年度-保管期限-机构(问题)-件号")
    pages: int
    title: str
    doc_number: str
    doc_type: str
    issuer: str
    written_on: date
    openness: str
    file_id: PydanticObjectId | None = None
    file_size: int = 0
    file_sha256: str = ""
    file_source: Literal["stored", "generated", ""] = ""
    filed_by: str
    filed_by_name: str
    filed_at: datetime = Field(default_factory=utcnow)
    request_id: str

    class Settings:
        name = "archive_items"
        indexes = [
            IndexModel([("unit_id", pymongo.ASCENDING), ("fonds", pymongo.ASCENDING), ("year", pymongo.ASCENDING),
                        ("retention", pymongo.ASCENDING), ("org_code", pymongo.ASCENDING),
                        ("piece_no", pymongo.ASCENDING)], unique=True, name="piece_unique"),
            IndexModel([("kind", pymongo.ASCENDING), ("source_id", pymongo.ASCENDING)], unique=True,
                       name="filed_once"),
            IndexModel([("unit_id", pymongo.ASCENDING), ("year", pymongo.ASCENDING),
                        ("archive_no", pymongo.ASCENDING)], name="by_unit_year"),
        ]


class ArchiveSettings(Document):
    """A unit's 全宗号 as the 档案馆 assigned it; `_id` is the unit id. Without one the unit's code stands in."""

    id: str  # type: ignore[assignment]
    fonds: str
    updated_by: str
    updated_at: datetime = Field(default_factory=utcnow)

    class Settings:
        name = "archive_settings"


ARCHIVE_MODELS: list[type[Document]] = [ArchiveItem, ArchiveSettings]
