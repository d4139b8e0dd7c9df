"""共享文件库: one library per unit, its folders, its entries (a file placed in a folder), editors and usage."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

import pymongo
from beanie import Document, PydanticObjectId
from pydantic import Field
from pymongo import IndexModel

OriginKind = Literal["upload", "announcement", "document"]


class LibraryFolder(Document):
    """A named folder of a unit's library; path lists its ancestors from the top, so moves can refuse cycles and
    shares are inherited by everything below."""

    unit_id: PydanticObjectId
    parent_id: PydanticObjectId | None = None
    path: list[PydanticObjectId] = Field(default_factory=list)
    name: str
    # Read-only shares: the whole city (全市共享) or named units; they reach every folder below this one.
    share_city: bool = False
    share_unit_ids: list[PydanticObjectId] = Field(default_factory=list)
    created_by: PydanticObjectId
    created_at: datetime

    class Settings:
        name = "library_folders"
        indexes = [
            IndexModel([("unit_id", pymongo.ASCENDING), ("parent_id", pymongo.ASCENDING)], name="by_unit_parent"),
            IndexModel([("path", pymongo.ASCENDING)], name="by_ancestor"),
        ]


class LibraryEntry(Document):
    """A file placed in a folder. The file (StoredFile) has scope ("library", folder id) and is this entry's own
    copy, so deleting the entry deletes the file; origin_* keeps the link to what it was filed from."""

    unit_id: PydanticObjectId
    folder_id: PydanticObjectId
    file_id: PydanticObjectId
    title: str
    size: int
    kind: str
    uploaded_by: PydanticObjectId
    uploader_name: str
    created_at: datetime
    origin_kind: OriginKind = "upload"
    origin_id: str | None = None
    origin_title: str | None = None
    # The file it was copied from (an announcement's or 公文's attachment): filing it twice adds nothing.
    origin_file_id: PydanticObjectId | None = None

    class Settings:
        name = "library_entries"
        indexes = [
            IndexModel([("folder_id", pymongo.ASCENDING), ("created_at", pymongo.DESCENDING)], name="by_folder"),
            IndexModel([("file_id", pymongo.ASCENDING)], unique=True, name="file_unique"),
        ]


class LibraryAcl(Document):
    """A unit's library settings: the editors its head named (beside the office director and 文书), and the
    bytes its entries hold (claimed by a guarded $inc: the per-unit quota)."""

    id: PydanticObjectId  # the unit's id
    editor_ids: list[PydanticObjectId] = Field(default_factory=list)
    used: int = 0

    class Settings:
        name = "library_acl"


LIBRARY_MODELS: list[type[Document]] = [LibraryFolder, LibraryEntry, LibraryAcl]
