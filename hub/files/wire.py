"""The wire shape of a stored file's metadata (never its extracted text)."""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel

from hub.files.sniff import PREVIEWABLE
from hub.models.files import FileKind, StoredFile, TextStatus


class FileOut(BaseModel):
    id: str
    name: str
    content_type: str
    size: int
    sha256: str
    kind: FileKind
    scope_kind: str
    scope_id: str
    uploaded_by: str
    uploaded_at: datetime
    text_status: TextStatus
    # Whether GET /api/v1/files/{id}/preview shows it inline (PDF and images).
    previewable: bool


class FileListOut(BaseModel):
    files: list[FileOut]


def file_out(doc: StoredFile) -> FileOut:
    return FileOut(id=str(doc.id), name=doc.name, content_type=doc.content_type, size=doc.size, sha256=doc.sha256,
                   kind=doc.kind, scope_kind=doc.scope_kind, scope_id=doc.scope_id, uploaded_by=str(doc.uploaded_by),
                   uploaded_at=doc.uploaded_at, text_status=doc.text_status, previewable=doc.kind in PREVIEWABLE)
