"""The type of a file, from its content only (never its name): PDF, OFD, DOCX, XLSX, PNG or JPEG."""

from __future__ import annotations

import zipfile
from typing import IO

import filetype  # type: ignore[import-untyped]

from hub.errors import HubError
from hub.models.files import FileKind

CONTENT_TYPES: dict[FileKind, str] = {
    "pdf": "application/pdf",
    "ofd": "application/ofd",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "png": "image/png",
    "jpeg": "image/jpeg",
}
EXTENSIONS: dict[FileKind, tuple[str, ...]] = {
    "pdf": (".pdf",), "ofd": (".ofd",), "docx": (".docx",), "xlsx": (".xlsx",),
    "png": (".png",), "jpeg": (".jpg", ".jpeg"),
}
# What the browser may show inline (the preview endpoint); everything else only downloads.
PREVIEWABLE: frozenset[FileKind] = frozenset({"pdf", "png", "jpeg"})
_SIMPLE: dict[str, FileKind] = {"application/pdf": "pdf", "image/png": "png", "image/jpeg": "jpeg"}
# A zip with more entries than this is not an office file we take (and listing it costs).
_MAX_ZIP_ENTRIES = 10_000


def sniff(fh: IO[bytes]) -> FileKind:
    """The kind of the spooled file, or HubError file_type_not_allowed."""
    fh.seek(0)
    head = fh.read(8192)
    guess = filetype.guess(head)
    mime = guess.mime if guess is not None else ""
    if mime in _SIMPLE:
        return _SIMPLE[mime]
    # filetype's own DOCX/XLSX matchers look at the first entry only; decide zips from their directory.
    if head.startswith(b"PK\x03\x04"):
        kind = _zip_kind(fh)
        if kind is not None:
            return kind
    raise HubError("file_type_not_allowed", detected=mime or "unknown")


def _zip_kind(fh: IO[bytes]) -> FileKind | None:
    fh.seek(0)
    try:
        with zipfile.ZipFile(fh) as zf:
            infos = zf.infolist()
            if len(infos) > _MAX_ZIP_ENTRIES:
                return None
            names = {info.filename for info in infos}
    except (zipfile.BadZipFile, OSError, ValueError):
        return None
    if "OFD.xml" in names:
        return "ofd"
    if "[Content_Types].xml" in names:
        if "word/document.xml" in names:
            return "docx"
        if "xl/workbook.xml" in names:
            return "xlsx"
    return None
