"""Stored files (attachments): metadata here, content in GridFS (or the emulation's directory) under the same id."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

import pymongo
from beanie import Document, PydanticObjectId
from pydantic import Field
from pymongo import IndexModel

FileKind = Literal["pdf", "ofd", "docx", "xlsx", "png", "jpeg"]
# pending: waiting for the extraction timer; done: text holds it; none: the kind has no text (images) or the
# file held none; failed: the extractor gave up (damaged file, too slow); the file itself is still fine;
# withheld: the text, read after the upload, carries a 密级 marking, so the content is never served.
TextStatus = Literal["pending", "done", "none", "failed", "withheld"]


class StoredFile(Document):
    """One uploaded file, attached to one scope object (scope_kind, scope_id), e.g. ("channel", <id>)."""

    name: str
    content_type: str
    size: int
    sha256: str
    kind: FileKind
    scope_kind: str
    scope_id: str
    uploaded_by: PydanticObjectId
    uploaded_at: datetime
    text_status: TextStatus = "pending"
    # Extracted text for search, bounded by settings.file_text_max_chars; never sent with the metadata.
    text: str = ""
    # Whether the text has been written to the search index.
    indexed: bool = False

    class Settings:
        name = "files"
        indexes = [
            IndexModel([("scope_kind", pymongo.ASCENDING), ("scope_id", pymongo.ASCENDING),
                        ("uploaded_at", pymongo.ASCENDING)], name="by_scope"),
        ]


class FileScopeUsage(Document):
    """Bytes attached to one scope object, claimed by a guarded $inc before content is stored (the quota)."""

    id: str  # type: ignore[assignment]  # "<scope_kind>:<scope_id>"
    used: int = 0
    files: int = 0
    # Uploads that have claimed bytes but not yet stored their metadata (hub/actions/files.py).
    claims: list[PydanticObjectId] = Field(default_factory=list)

    class Settings:
        name = "file_scope_usage"


class FilePosting(Document):
    """One search term's files for one week of uploads, keyed "<term>|<week>" (hub/search/files.py)."""

    id: str  # type: ignore[assignment]
    t: str
    w: int
    ids: list[PydanticObjectId] = Field(default_factory=list)

    class Settings:
        name = "file_postings"
        indexes = [IndexModel([("t", pymongo.ASCENDING), ("w", pymongo.DESCENDING)], name="term_week")]


__all__ = ["FileKind", "FilePosting", "FileScopeUsage", "StoredFile", "TextStatus"]
