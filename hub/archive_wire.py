"""Wire shapes of 归档: filing a 件, the 待归档 list, the 归档目录, a unit's 全宗号."""

from __future__ import annotations

from datetime import date, datetime

from pydantic import BaseModel, ConfigDict, Field

from hub.models.archive import ArchiveKind, Retention

_ID = r"^[0-9a-f]{24}$"
# 机构(问题) codes are short Latin letters and digits (BGS 办公室, ZH 综合): they become part of the 档号.
ORG_CODE = r"^[A-Z][A-Z0-9]{0,9}$"
FONDS = r"^[A-Z0-9]{1,12}$"


class ArchiveIn(BaseModel):
    """归档 one 件: a 办结 收文 record (kind incoming) or a distributed 发文 document (kind outgoing)."""

    model_config = ConfigDict(extra="forbid")
    kind: ArchiveKind
    source_id: str = Field(pattern=_ID, description="incoming: the record id; outgoing: the document id")
    retention: Retention = Field(description="保管期限: Y 永久, D30 30年, D10 10年")
    org_code: str = Field(pattern=ORG_CODE, description="机构(问题) code, e.g. BGS")
    pages: int | None = Field(default=None, ge=1, le=9999, description="页数; default: the 版式 file's pages")
    request_id: str = Field(min_length=8, max_length=64, pattern=r"^[A-Za-z0-9_.:-]+$")


class ArchiveItemOut(BaseModel):
    id: str
    unit_id: str
    kind: ArchiveKind
    source_id: str
    document_id: str
    archive_no: str = Field(description="档号")
    fonds: str
    category: str
    year: int
    retention: Retention
    org_code: str
    piece_no: int
    pages: int
    title: str
    doc_number: str
    doc_type: str
    issuer: str
    written_on: date
    file_size: int
    file_sha256: str
    file_source: str
    filed_by_name: str
    filed_at: datetime


class ArchiveQuery(BaseModel):
    unit_id: str | None = Field(default=None, pattern=_ID)
    year: int = Field(ge=2000, le=2100)
    q: str | None = Field(default=None, max_length=60, description="words of the 题名 or 文号")
    retention: Retention | None = None


class ArchiveListOut(BaseModel):
    """The 归档目录 of a unit and year, in 档号 order."""

    unit_id: str
    unit_name: str
    fonds: str
    year: int
    items: list[ArchiveItemOut]


class PendingQuery(BaseModel):
    unit_id: str | None = Field(default=None, pattern=_ID)


class PendingRow(BaseModel):
    kind: ArchiveKind
    source_id: str
    document_id: str
    title: str
    doc_number: str
    doc_type: str
    issuer: str
    written_on: date
    at: datetime = Field(description="办结 (incoming) or sent (outgoing)")


class PendingOut(BaseModel):
    """待归档: the unit's 办结 收文 and distributed 发文 not yet filed."""

    unit_id: str
    unit_name: str
    fonds: str
    rows: list[PendingRow]


class ArchiveSettingsIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    unit_id: str = Field(pattern=_ID)
    fonds: str = Field(pattern=FONDS, description="全宗号 as the 档案馆 assigned it, e.g. J001")
