"""Uploading, loading and reading files: streamed to a spool with a limit, sniffed, then stored with a quota."""

from __future__ import annotations

import asyncio
import hashlib
import tempfile
from collections.abc import AsyncIterable, AsyncIterator
from datetime import timedelta
from typing import IO

from beanie import PydanticObjectId
from beanie.operators import In
from pymongo import ReturnDocument
from pymongo.errors import DuplicateKeyError

from hub.access import parse_id
from hub.actions.audit import Origin, do_audit
from hub.actions.policy import check_texts
from hub.actions.timers import do_schedule_timer
from hub.classification import check_unclassified
from hub.context import Hub
from hub.errors import HubError
from hub.files.extract import TEXT_KINDS, extract_text
from hub.files.names import sanitise_name
from hub.files.scopes import ScopePolicy
from hub.files.sniff import CONTENT_TYPES, sniff
from hub.models.channels import Channel
from hub.models.files import FileKind, FileScopeUsage, StoredFile, TextStatus
from hub.models.messages import MessageAttachment
from hub.models.org import User
from hub.models.timers import Timer

# The timer kind that extracts a file's text for search after the upload has answered (hub/actions/file_text.py).
TEXT_TIMER = "file_text"
# The timer kind that cleans up after an upload that died half-way, long after any upload could still run.
GUARD_TIMER = "file_guard"
GUARD_DELAY = timedelta(hours=1)


async def bytes_stream(data: bytes, chunk: int = 256 * 1024) -> AsyncIterator[bytes]:
    """Content already in memory (a generated PDF, a test) as the stream do_upload reads."""
    for start in range(0, len(data), chunk):
        yield data[start:start + chunk]


async def _spool(stream: AsyncIterable[bytes], spool: IO[bytes], limit: int) -> tuple[int, str]:
    """Copy the stream to disk, hashing as it goes; stop reading as soon as it passes the limit."""
    digest = hashlib.sha256()
    size = 0
    async for chunk in stream:
        size += len(chunk)
        if size > limit:
            raise HubError("file_too_large", limit=limit)
        digest.update(chunk)
        spool.write(chunk)
    return size, digest.hexdigest()


def _usage_key(scope_kind: str, scope_id: str) -> str:
    return f"{scope_kind}:{scope_id}"


async def _claim_quota(hub: Hub, policy: ScopePolicy, scope_kind: str, scope_id: str, size: int,
                       file_id: PydanticObjectId) -> None:
    """Reserve size bytes of the scope's total with one guarded $inc (right across processes); the file's id
    stays in `claims` until its metadata is stored, so a claim is released at most once."""
    cap = policy.max_total_bytes if policy.max_total_bytes is not None else hub.settings.file_scope_max_bytes
    if size > cap:
        raise HubError("file_quota_exceeded", limit=cap)
    key = _usage_key(scope_kind, scope_id)
    coll = FileScopeUsage.get_pymongo_collection()
    try:
        await coll.insert_one({"_id": key, "used": 0, "files": 0, "claims": []})
    except DuplicateKeyError:
        pass
    claimed = await coll.find_one_and_update({"_id": key, "used": {"$lte": cap - size}},
                                             {"$inc": {"used": size, "files": 1}, "$push": {"claims": file_id}},
                                             return_document=ReturnDocument.AFTER)
    if claimed is None:
        raise HubError("file_quota_exceeded", limit=cap)


async def _release_quota(scope_kind: str, scope_id: str, size: int, file_id: PydanticObjectId) -> None:
    """Give an unfinished upload's bytes back, once: only while its claim is still open."""
    await FileScopeUsage.get_pymongo_collection().update_one(
        {"_id": _usage_key(scope_kind, scope_id), "claims": file_id},
        {"$inc": {"used": -size, "files": -1}, "$pull": {"claims": file_id}})


async def _settle_quota(scope_kind: str, scope_id: str, file_id: PydanticObjectId) -> None:
    """The file is stored: its bytes stay counted and its claim closes."""
    await FileScopeUsage.get_pymongo_collection().update_one(
        {"_id": _usage_key(scope_kind, scope_id), "claims": file_id}, {"$pull": {"claims": file_id}})


async def check_can_attach(hub: Hub, user: User, scope_kind: str, scope_id: str) -> ScopePolicy:
    """The scope's policy if user may attach there; an unknown or forbidden object is not_found."""
    policy = hub.file_scopes.get(scope_kind)
    if not await policy.can_attach(hub, user, scope_id):
        raise HubError("not_found")
    return policy


async def do_upload(hub: Hub, user: User, scope_kind: str, scope_id: str, filename: str | None,
                    stream: AsyncIterable[bytes], *, max_bytes: int | None = None,
                    origin: Origin | None = None) -> StoredFile:
    """Store one file on a scope object. Refused files (empty, too large, a type not allowed, a bad name, over
    the scope's total, no right to attach) raise HubError and leave nothing behind."""
    check_unclassified([sanitise_name(filename)], hub.classification)
    policy = await check_can_attach(hub, user, scope_kind, scope_id)
    limit = min(max_bytes, hub.settings.file_max_bytes) if max_bytes else hub.settings.file_max_bytes
    with tempfile.TemporaryFile(prefix="xietong-upload-") as spool:
        size, sha256 = await _spool(stream, spool, limit)
        if size == 0:
            raise HubError("file_empty")
        kind = await asyncio.to_thread(sniff, spool)
        name = sanitise_name(filename, kind)
        text, text_status = await _inline_text(hub, kind, spool, size)
        # Content is a text surface too: a marked document is refused before anything is stored.
        check_texts(hub, [text])
        # The upload may have taken a while: the right to attach is checked again on the current state.
        await check_can_attach(hub, user, scope_kind, scope_id)
        file_id = PydanticObjectId()
        await _claim_quota(hub, policy, scope_kind, scope_id, size, file_id)
        # Should this process die before the metadata is stored, the guard removes the content and gives the
        # bytes back; once the file is stored it only makes sure the text timer exists.
        await do_schedule_timer(hub, GUARD_TIMER, f"file_guard:{file_id}", hub.clock.now() + GUARD_DELAY,
                                {"file_id": str(file_id), "scope_kind": scope_kind, "scope_id": scope_id,
                                 "size": size})
        doc = StoredFile(id=file_id, name=name, content_type=CONTENT_TYPES[kind], size=size,
                         sha256=sha256, kind=kind, scope_kind=scope_kind, scope_id=scope_id, uploaded_by=user.id,
                         uploaded_at=hub.clock.now(), text_status=text_status, text=text)
        assert doc.id is not None
        try:
            await hub.files.put(doc.id, name, spool)
            await doc.insert()
        except BaseException:
            await asyncio.shield(_undo(hub, doc))
            raise
    await _settle_quota(scope_kind, scope_id, file_id)
    await schedule_text(hub, file_id)
    await do_audit(hub, "file.upload", actor=user, object_type="file", object_id=doc.id, origin=origin,
                   detail={"scope_kind": scope_kind, "scope_id": scope_id, "size": size, "kind": kind,
                           "sha256": sha256})
    return doc


async def _inline_text(hub: Hub, kind: FileKind, spool: IO[bytes], size: int) -> tuple[str, TextStatus]:
    """The text of a small document, read now; a large or slow one is left to the timer ("pending")."""
    if kind not in TEXT_KINDS:
        return "", "none"
    if size > hub.settings.file_inline_text_bytes:
        return "", "pending"
    spool.seek(0)
    data = spool.read()
    try:
        text = await asyncio.wait_for(asyncio.to_thread(extract_text, kind, data, hub.settings.file_text_max_chars),
                                      hub.settings.file_inline_text_seconds)
    except TimeoutError:
        return "", "pending"
    except Exception:  # a damaged document is still stored (as uploaded); it is only not searchable
        return "", "failed"
    return text, "done" if text else "none"


def check_servable(doc: StoredFile) -> None:
    """Content whose text turned out to be marked 秘密/机密/绝密 is never served."""
    if doc.text_status == "withheld":
        raise HubError("classified_content")


async def _undo(hub: Hub, doc: StoredFile) -> None:
    assert doc.id is not None
    await hub.files.delete(doc.id)
    await _release_quota(doc.scope_kind, doc.scope_id, doc.size, doc.id)


async def schedule_text(hub: Hub, file_id: PydanticObjectId) -> None:
    """Text extraction and the search index happen after the answer (hub/actions/file_text.py)."""
    await do_schedule_timer(hub, TEXT_TIMER, f"file_text:{file_id}", hub.clock.now(), {"file_id": str(file_id)})


async def file_guard_fired(hub: Hub, timer: Timer) -> None:
    """An upload's safety net, idempotent: no metadata means the upload died after its content was stored
    (delete it, release the claim); metadata means it finished (close the claim, make sure of the text timer)."""
    payload = timer.payload
    try:
        file_id = parse_id(payload.get("file_id"))
        scope_kind, scope_id, size = str(payload["scope_kind"]), str(payload["scope_id"]), int(payload["size"])
    except (HubError, KeyError, TypeError, ValueError):
        return
    if await StoredFile.get(file_id) is None:
        await hub.files.delete(file_id)
        await _release_quota(scope_kind, scope_id, size, file_id)
        return
    await _settle_quota(scope_kind, scope_id, file_id)
    await schedule_text(hub, file_id)


async def access_file(hub: Hub, user: User, file_id: object) -> StoredFile:
    """A file the user may read; a missing one and a forbidden one both give not_found."""
    doc = await StoredFile.get(parse_id(file_id))
    if doc is None:
        raise HubError("not_found")
    policy = hub.file_scopes.find(doc.scope_kind)
    if policy is None or not await policy.can_read(hub, user, doc.scope_id):
        raise HubError("not_found")
    return doc


def open_file_stream(hub: Hub, doc: StoredFile) -> AsyncIterator[bytes]:
    """The content of a file already loaded through access_file, in chunks (HubError if it is withheld)."""
    check_servable(doc)
    assert doc.id is not None
    return hub.files.open(doc.id)


async def list_scope_files(hub: Hub, user: User, scope_kind: str, scope_id: str) -> list[StoredFile]:
    """The files on one scope object, oldest first, for someone who may read it (else not_found)."""
    policy = hub.file_scopes.get(scope_kind)
    if not await policy.can_read(hub, user, scope_id):
        raise HubError("not_found")
    return await StoredFile.find(StoredFile.scope_kind == scope_kind, StoredFile.scope_id == scope_id
                                 ).sort("+uploaded_at").to_list()


async def channel_attachments(channel: Channel, file_ids: list[str]) -> list[MessageAttachment]:
    """The files a message in this channel carries: each must be a file of this very channel (a member may
    re-send one already there); any other id, or a repeat, is refused as not_found / invalid_request."""
    if len(set(file_ids)) != len(file_ids):
        raise HubError("invalid_request", detail="file_ids repeats a file")
    ids = [parse_id(f) for f in file_ids]
    found = {d.id: d for d in await StoredFile.find(In(StoredFile.id, ids), StoredFile.scope_kind == "channel",
                                                      StoredFile.scope_id == str(channel.id)).to_list()}
    if len(found) != len(ids):
        raise HubError("not_found", detail="a file is not in this channel")
    return [MessageAttachment(file_id=i, name=found[i].name, size=found[i].size, kind=found[i].kind,
                              content_type=found[i].content_type) for i in ids]


async def check_own_uploads(user: User, file_ids: list[str], scope_kind: str, max_files: int) -> list[StoredFile]:
    """Each file must be this person's upload in their own scope of that kind (OwnUploadsScope); anything else is
    not_found, a repeat or too many invalid_request."""
    if len(file_ids) > max_files or len(set(file_ids)) != len(file_ids):
        raise HubError("invalid_request", detail=f"at most {max_files} different files")
    ids = [parse_id(f) for f in file_ids]
    found = {d.id: d for d in await StoredFile.find(In(StoredFile.id, ids)).to_list()} if ids else {}
    for i in ids:
        doc = found.get(i)
        if doc is None or doc.scope_kind != scope_kind or doc.scope_id != str(user.id):
            raise HubError("not_found", detail="a file is not among your uploads")
    return [found[i] for i in ids]
