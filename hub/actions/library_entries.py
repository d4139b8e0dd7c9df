"""共享文件库 entries: upload into a folder (per-unit quota), rename, move, delete, and 归入文件库 from an origin."""

from __future__ import annotations

from collections.abc import AsyncIterable

from beanie import PydanticObjectId
from beanie.operators import In
from pymongo.errors import DuplicateKeyError

from hub.access import parse_id
from hub.actions.announcements import access_announcement
from hub.actions.audit import Origin, do_audit
from hub.actions.documents import access_document
from hub.actions.files import access_file, bytes_stream, do_upload, open_file_stream
from hub.actions.library_access import access_entry, access_folder
from hub.actions.policy import check_texts
from hub.context import Hub
from hub.errors import HubError
from hub.files.names import sanitise_name
from hub.files.sniff import PREVIEWABLE
from hub.library_wire import EntryOut, FileInIn
from hub.models.files import FileScopeUsage, StoredFile
from hub.models.library import LibraryAcl, LibraryEntry, LibraryFolder, OriginKind
from hub.models.org import User
from hub.search.files import index_file

SCOPE = "library"


def entry_out(entry: LibraryEntry) -> EntryOut:
    return EntryOut(id=str(entry.id), folder_id=str(entry.folder_id), file_id=str(entry.file_id), title=entry.title,
                    size=entry.size, kind=entry.kind, previewable=entry.kind in PREVIEWABLE,
                    uploaded_by=str(entry.uploaded_by), uploader_name=entry.uploader_name,
                    created_at=entry.created_at, origin_kind=entry.origin_kind, origin_id=entry.origin_id,
                    origin_title=entry.origin_title)


async def _claim_unit(hub: Hub, unit_id: PydanticObjectId, size: int) -> bool:
    """Count size bytes against the unit's library with one guarded $inc (right across processes)."""
    coll = LibraryAcl.get_pymongo_collection()
    try:
        await coll.insert_one({"_id": unit_id, "editor_ids": [], "used": 0})
    except DuplicateKeyError:
        pass
    cap = hub.settings.library_unit_max_bytes
    done = await coll.update_one({"_id": unit_id, "used": {"$lte": cap - size}}, {"$inc": {"used": size}})
    return done.modified_count == 1


async def _remove_file(hub: Hub, doc: StoredFile) -> None:
    assert doc.id is not None
    await hub.files.delete(doc.id)
    await doc.delete()
    await FileScopeUsage.get_pymongo_collection().update_one(
        {"_id": f"{doc.scope_kind}:{doc.scope_id}"}, {"$inc": {"used": -doc.size, "files": -1}})


async def do_library_upload(hub: Hub, user: User, folder_id: object, filename: str | None,
                            stream: AsyncIterable[bytes], *, origin: Origin | None = None,
                            origin_kind: OriginKind = "upload", origin_id: str | None = None,
                            origin_title: str | None = None,
                            origin_file_id: PydanticObjectId | None = None) -> LibraryEntry:
    """Store a file in a folder as a new entry; over the unit's quota nothing stays behind."""
    folder = await access_folder(user, folder_id, write=True)
    assert folder.id is not None and user.id is not None
    acl = await LibraryAcl.get(folder.unit_id)
    if acl is not None and acl.used >= hub.settings.library_unit_max_bytes:
        raise HubError("file_quota_exceeded", limit=hub.settings.library_unit_max_bytes)
    doc = await do_upload(hub, user, SCOPE, str(folder.id), filename, stream, origin=origin)
    assert doc.id is not None
    if not await _claim_unit(hub, folder.unit_id, doc.size):
        await _remove_file(hub, doc)
        raise HubError("file_quota_exceeded", limit=hub.settings.library_unit_max_bytes)
    entry = LibraryEntry(unit_id=folder.unit_id, folder_id=folder.id, file_id=doc.id, title=doc.name, size=doc.size,
                         kind=doc.kind, uploaded_by=user.id, uploader_name=user.name, created_at=hub.clock.now(),
                         origin_kind=origin_kind, origin_id=origin_id, origin_title=origin_title,
                         origin_file_id=origin_file_id)
    await entry.insert()
    await do_audit(hub, "library.entry.create", actor=user, object_type="library_entry", object_id=entry.id,
                   origin=origin, detail={"folder_id": str(folder.id), "file_id": str(doc.id), "size": doc.size,
                                          "origin_kind": origin_kind, "origin_id": origin_id})
    return entry


async def do_rename_entry(hub: Hub, user: User, entry_id: object, raw: str,
                          origin: Origin | None = None) -> LibraryEntry:
    """The title is the file's name too (kept with its extension), so search finds the entry by its title."""
    entry, _ = await access_entry(user, entry_id, write=True)
    check_texts(hub, [raw])
    doc = await StoredFile.get(entry.file_id)
    if doc is None:
        raise HubError("not_found")
    doc.name = sanitise_name(raw, doc.kind)
    await doc.save()
    entry.title = doc.name
    await entry.save()
    await index_file(doc)  # the old name's postings only propose; search re-checks the stored name
    await do_audit(hub, "library.entry.rename", actor=user, object_type="library_entry", object_id=entry.id,
                   origin=origin)
    return entry


async def do_move_entry(hub: Hub, user: User, entry_id: object, folder_raw: str,
                        origin: Origin | None = None) -> LibraryEntry:
    entry, source = await access_entry(user, entry_id, write=True)
    target = await access_folder(user, folder_raw, write=True)
    if target.unit_id != source.unit_id or target.id is None:
        raise HubError("not_found")
    doc = await StoredFile.get(entry.file_id)
    if doc is None:
        raise HubError("not_found")
    usage = FileScopeUsage.get_pymongo_collection()
    await usage.update_one({"_id": f"{SCOPE}:{source.id}"}, {"$inc": {"used": -doc.size, "files": -1}})
    await usage.update_one({"_id": f"{SCOPE}:{target.id}"}, {"$inc": {"used": doc.size, "files": 1},
                                                             "$setOnInsert": {"claims": []}}, upsert=True)
    # The file's scope follows the entry, so the target folder's readers (and shares) decide from now on.
    doc.scope_id = str(target.id)
    await doc.save()
    entry.folder_id = target.id
    await entry.save()
    await do_audit(hub, "library.entry.move", actor=user, object_type="library_entry", object_id=entry.id,
                   origin=origin, detail={"from": str(source.id), "to": str(target.id)})
    return entry


async def do_delete_entry(hub: Hub, user: User, entry_id: object, origin: Origin | None = None) -> None:
    entry, _ = await access_entry(user, entry_id, write=True)
    await entry.delete()
    doc = await StoredFile.get(entry.file_id)
    if doc is not None:
        await _remove_file(hub, doc)
    await LibraryAcl.get_pymongo_collection().update_one({"_id": entry.unit_id}, {"$inc": {"used": -entry.size}})
    await do_audit(hub, "library.entry.delete", actor=user, object_type="library_entry", object_id=entry.id,
                   origin=origin, detail={"file_id": str(entry.file_id), "size": entry.size})


async def _origin_files(hub: Hub, user: User, body: FileInIn) -> tuple[str, list[StoredFile]]:
    """The title and files of what is being filed, read as this user may read them (else not_found)."""
    if body.origin_kind == "announcement":
        ann, _ = await access_announcement(user, body.origin_id)
        if ann.status != "published":
            raise HubError("invalid_request", detail="only a published announcement is filed")
        ids = [parse_id(f) for f in ann.file_ids]
        files = await StoredFile.find(In(StoredFile.id, ids)).to_list() if ids else []
        title = ann.title
    else:
        doc, _ = await access_document(hub, user, body.origin_id)
        files = await StoredFile.find(StoredFile.scope_kind == "document", StoredFile.scope_id == str(doc.id)
                                      ).sort("+uploaded_at").to_list()
        title = doc.elements.title
    # Each file once more through its own scope: filing never reaches a file its origin does not show this user.
    return title, [await access_file(hub, user, str(f.id)) for f in files]


async def do_file_in(hub: Hub, user: User, folder_id: object, body: FileInIn,
                     origin: Origin | None = None) -> list[LibraryEntry]:
    """归入文件库: copy an origin's files into the folder as entries linked to it; already filed ones are kept."""
    folder = await access_folder(user, folder_id, write=True)
    title, files = await _origin_files(hub, user, body)
    if not files:
        raise HubError("invalid_request", detail="it has no files to file")
    out = []
    for f in files:
        filed = await LibraryEntry.find_one(LibraryEntry.folder_id == folder.id, LibraryEntry.origin_file_id == f.id)
        if filed is not None:
            out.append(filed)
            continue
        data = b"".join([chunk async for chunk in open_file_stream(hub, f)])
        out.append(await do_library_upload(hub, user, folder.id, f.name, bytes_stream(data), origin=origin,
                                           origin_kind=body.origin_kind, origin_id=body.origin_id,
                                           origin_title=title, origin_file_id=f.id))
    return out


async def folder_entries(folder: LibraryFolder) -> list[LibraryEntry]:
    return await LibraryEntry.find(LibraryEntry.folder_id == folder.id).sort("-created_at").to_list()
