"""Wire shapes of the 共享文件库 endpoints (/api/v1/library)."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, Field

NAME = Field(min_length=1, max_length=80)


class FolderOut(BaseModel):
    id: str
    unit_id: str
    unit_name: str
    parent_id: str | None
    name: str
    share_city: bool
    share_unit_ids: list[str]
    inherited_share: bool = Field(description="A folder above this one is shared, so this one is too")
    can_write: bool


class LibraryOut(BaseModel):
    """One unit's library as its member sees it: every folder (the client builds the tree), usage and rights."""

    unit_id: str
    unit_name: str
    can_write: bool
    can_manage: bool = Field(description="The unit head: names the library's editors")
    used: int
    limit: int
    editor_ids: list[str]
    folders: list[FolderOut]


class LibraryUnitOut(BaseModel):
    unit_id: str
    unit_name: str
    can_write: bool


class LibraryIndexOut(BaseModel):
    """The libraries of my units, and the folders other units share with me (or the whole city)."""

    units: list[LibraryUnitOut]
    shared: list[FolderOut]


class EntryOut(BaseModel):
    id: str
    folder_id: str
    file_id: str
    title: str
    size: int
    kind: str
    previewable: bool
    uploaded_by: str
    uploader_name: str
    created_at: datetime
    origin_kind: Literal["upload", "announcement", "document"]
    origin_id: str | None
    origin_title: str | None


class EntryList(BaseModel):
    folder: FolderOut
    entries: list[EntryOut]
    subfolders: list[FolderOut] = Field(description="Folders directly inside (for readers of a shared folder)")


class FolderIn(BaseModel):
    name: str = NAME
    parent_id: str | None = None


class RenameIn(BaseModel):
    name: str = NAME


class FolderMoveIn(BaseModel):
    parent_id: str | None = Field(default=None, description="The new parent in the same library; null: the top")


class ShareIn(BaseModel):
    share_city: bool = False
    share_unit_ids: list[str] = Field(default_factory=list, max_length=200)


class EntryMoveIn(BaseModel):
    folder_id: str


class FileInIn(BaseModel):
    """File a published announcement's attachments, or a 公文's files, into this folder."""

    origin_kind: Literal["announcement", "document"]
    origin_id: str = Field(min_length=1, max_length=40)


class EditorsIn(BaseModel):
    user_ids: list[str] = Field(default_factory=list, max_length=100)
