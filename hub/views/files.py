"""File endpoints: streamed multipart upload, metadata, listing per scope, download and inline preview."""

from __future__ import annotations

from collections.abc import AsyncIterator

from aiohttp import BodyPartReader, web
from pydantic import BaseModel, Field

from hub.actions.files import access_file, do_upload, list_scope_files, open_file_stream
from hub.errors import HubError
from hub.files.names import content_disposition
from hub.files.sniff import PREVIEWABLE
from hub.files.wire import FileListOut, FileOut, file_out
from hub.models.files import StoredFile
from hub.views.base import EndpointTable, current, hub_of, origin_of

api = EndpointTable("files")

READ_CHUNK = 256 * 1024
# Room for the multipart framing and the small fields around the file itself.
ENVELOPE_BYTES = 64 * 1024
FIELD_MAX = 200
# A preview is a document of its own in the browser: nothing runs, nothing loads, it cannot reach the app.
PREVIEW_CSP = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox; frame-ancestors 'self'"


class ScopeQuery(BaseModel):
    scope_kind: str = Field(min_length=1, max_length=40)
    scope_id: str = Field(min_length=1, max_length=100)


async def _field(part: BodyPartReader) -> str:
    raw = await part.read_chunk(FIELD_MAX + 1)
    if len(raw) > FIELD_MAX or await part.read_chunk(1):
        raise HubError("invalid_request", detail=f"field {part.name} is too long")
    try:
        return raw.decode()
    except UnicodeDecodeError:
        raise HubError("invalid_request", detail=f"field {part.name} is not UTF-8") from None


async def _chunks(part: BodyPartReader) -> AsyncIterator[bytes]:
    while chunk := await part.read_chunk(READ_CHUNK):
        yield chunk


async def single_file_part(request: web.Request) -> tuple[str | None, AsyncIterator[bytes]]:
    """An upload whose body is one multipart part named file (the scope is in the URL): its file name and its
    bytes as a stream. An oversized body is refused before a byte of it is read."""
    limit = hub_of(request).settings.file_max_bytes
    if request.content_length is not None and request.content_length > limit + ENVELOPE_BYTES:
        raise HubError("file_too_large", limit=limit)
    if not request.content_type.startswith("multipart/form-data"):
        raise HubError("invalid_request", detail="Content-Type must be multipart/form-data")
    try:
        reader = await request.multipart()
        part = await reader.next()
    except (ValueError, AssertionError) as exc:
        raise HubError("invalid_request", detail="malformed multipart body") from exc
    if not isinstance(part, BodyPartReader) or part.name != "file":
        raise HubError("invalid_request", detail="the body must be one part named file")
    return part.filename, _chunks(part)


@api("POST", "/api/v1/files", "Upload a file (multipart: scope_kind, scope_id, then file), streamed",
     response=FileOut)
async def upload(request: web.Request) -> FileOut:
    hub = hub_of(request)
    user, _ = current(request)
    limit = hub.settings.file_max_bytes
    if request.content_length is not None and request.content_length > limit + ENVELOPE_BYTES:
        # Refused before a byte of the body is read.
        raise HubError("file_too_large", limit=limit)
    if not request.content_type.startswith("multipart/form-data"):
        raise HubError("invalid_request", detail="Content-Type must be multipart/form-data")
    try:
        reader = await request.multipart()
    except (ValueError, AssertionError) as exc:
        raise HubError("invalid_request", detail="malformed multipart body") from exc
    fields: dict[str, str] = {}
    while True:
        part = await reader.next()
        if part is None:
            raise HubError("invalid_request", detail="no file part")
        if not isinstance(part, BodyPartReader):
            raise HubError("invalid_request", detail="nested multipart is not accepted")
        if part.name in ("scope_kind", "scope_id") and part.name not in fields:
            fields[part.name] = await _field(part)
        elif part.name == "file":
            break
        else:
            raise HubError("invalid_request", detail=f"unexpected field {str(part.name)[:40]!r}")
    try:
        scope = ScopeQuery.model_validate(fields)
    except ValueError:
        raise HubError("invalid_request", detail="scope_kind and scope_id must come before file") from None
    doc = await do_upload(hub, user, scope.scope_kind, scope.scope_id, part.filename, _chunks(part),
                          origin=origin_of(request))
    return file_out(doc)


@api("GET", "/api/v1/files", "The files attached to one object", query=ScopeQuery, response=FileListOut)
async def listing(request: web.Request, query: ScopeQuery) -> FileListOut:
    docs = await list_scope_files(hub_of(request), current(request)[0], query.scope_kind, query.scope_id)
    return FileListOut(files=[file_out(d) for d in docs])


@api("GET", "/api/v1/files/{file_id}", "A file's metadata", response=FileOut)
async def metadata(request: web.Request) -> FileOut:
    return file_out(await access_file(hub_of(request), current(request)[0], request.match_info["file_id"]))


async def _send(request: web.Request, doc: StoredFile, disposition: str) -> web.StreamResponse:
    # Before anything is sent: a withheld file is an error answer, not a broken download.
    chunks = open_file_stream(hub_of(request), doc)
    resp = web.StreamResponse(headers={
        "Content-Type": doc.content_type,
        "Content-Disposition": content_disposition(doc.name, disposition),
        "X-Content-Type-Options": "nosniff",
        "Cache-Control": "private, no-cache",
        "ETag": f'"{doc.sha256}"',
    })
    resp.content_length = doc.size
    if disposition == "inline":
        resp.headers["Content-Security-Policy"] = PREVIEW_CSP
    await resp.prepare(request)
    async for chunk in chunks:
        await resp.write(chunk)
    await resp.write_eof()
    return resp


@api("GET", "/api/v1/files/{file_id}/content", "Download a file (as an attachment)")
async def content(request: web.Request) -> web.StreamResponse:
    doc = await access_file(hub_of(request), current(request)[0], request.match_info["file_id"])
    return await _send(request, doc, "attachment")


@api("GET", "/api/v1/files/{file_id}/preview", "Show a PDF or an image inline (other kinds: not_found)")
async def preview(request: web.Request) -> web.StreamResponse:
    doc = await access_file(hub_of(request), current(request)[0], request.match_info["file_id"])
    if doc.kind not in PREVIEWABLE:
        raise HubError("not_found", detail="this kind of file has no preview; download it")
    return await _send(request, doc, "inline")
