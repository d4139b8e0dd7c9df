"""共享文件库 endpoints: libraries, folders (create, rename, move, share, delete), entries, upload, 归入文件库."""

from __future__ import annotations

from aiohttp import web

from hub.actions.library import (
    do_create_folder,
    do_delete_folder,
    do_move_folder,
    do_rename_folder,
    do_set_editors,
    do_share_folder,
    folder_out,
    library_index,
    library_view,
    subfolders_out,
)
from hub.actions.library_access import access_folder, library_rights
from hub.actions.library_entries import (
    do_delete_entry,
    do_file_in,
    do_library_upload,
    do_move_entry,
    do_rename_entry,
    entry_out,
    folder_entries,
)
from hub.library_wire import (
    EditorsIn,
    EntryList,
    EntryMoveIn,
    EntryOut,
    FileInIn,
    FolderIn,
    FolderMoveIn,
    FolderOut,
    LibraryIndexOut,
    LibraryOut,
    RenameIn,
    ShareIn,
)
from hub.models.library import LibraryFolder
from hub.models.org import Unit, User
from hub.views.base import EndpointTable, current, hub_of, origin_of
from hub.views.files import single_file_part

api = EndpointTable("library")


async def _folder_out(user: User, folder: LibraryFolder) -> FolderOut:
    unit = await Unit.get(folder.unit_id)
    return folder_out(folder, unit.name if unit else "", (await library_rights(user, folder.unit_id)).write)


@api("GET", "/api/v1/library", "My units' libraries and the folders shared with me", response=LibraryIndexOut)
async def library_get_index(request: web.Request) -> LibraryIndexOut:
    return await library_index(current(request)[0])


@api("GET", "/api/v1/library/units/{unit_id}", "One unit's library: folders, usage, rights", response=LibraryOut)
async def library_get_unit(request: web.Request) -> LibraryOut:
    return await library_view(hub_of(request), current(request)[0], request.match_info["unit_id"])


@api("POST", "/api/v1/library/units/{unit_id}/folders", "Create a folder", body=FolderIn, response=FolderOut)
async def library_create_folder(request: web.Request, body: FolderIn) -> FolderOut:
    user, _ = current(request)
    folder = await do_create_folder(hub_of(request), user, request.match_info["unit_id"], body, origin_of(request))
    return await _folder_out(user, folder)


@api("PUT", "/api/v1/library/units/{unit_id}/editors", "The unit head names the library's editors",
     body=EditorsIn, response=LibraryOut)
async def library_set_editors(request: web.Request, body: EditorsIn) -> LibraryOut:
    user, _ = current(request)
    hub = hub_of(request)
    await do_set_editors(hub, user, request.match_info["unit_id"], body.user_ids, origin_of(request))
    return await library_view(hub, user, request.match_info["unit_id"])


@api("GET", "/api/v1/library/folders/{folder_id}", "A folder's entries and subfolders", response=EntryList)
async def library_get_folder(request: web.Request) -> EntryList:
    user, _ = current(request)
    folder = await access_folder(user, request.match_info["folder_id"])
    out = await _folder_out(user, folder)
    return EntryList(folder=out, entries=[entry_out(e) for e in await folder_entries(folder)],
                     subfolders=await subfolders_out(user, folder, out.unit_name, out.can_write))


@api("POST", "/api/v1/library/folders/{folder_id}/rename", "Rename a folder", body=RenameIn, response=FolderOut)
async def library_rename_folder(request: web.Request, body: RenameIn) -> FolderOut:
    user, _ = current(request)
    folder = await do_rename_folder(hub_of(request), user, request.match_info["folder_id"], body.name,
                                    origin_of(request))
    return await _folder_out(user, folder)


@api("POST", "/api/v1/library/folders/{folder_id}/move", "Move a folder within its library", body=FolderMoveIn,
     response=FolderOut)
async def library_move_folder(request: web.Request, body: FolderMoveIn) -> FolderOut:
    user, _ = current(request)
    folder = await do_move_folder(hub_of(request), user, request.match_info["folder_id"], body.parent_id,
                                  origin_of(request))
    return await _folder_out(user, folder)


@api("PUT", "/api/v1/library/folders/{folder_id}/share", "Share a folder read-only (units, or 全市共享)",
     body=ShareIn, response=FolderOut)
async def library_share_folder(request: web.Request, body: ShareIn) -> FolderOut:
    user, _ = current(request)
    folder = await do_share_folder(hub_of(request), user, request.match_info["folder_id"], body, origin_of(request))
    return await _folder_out(user, folder)


@api("DELETE", "/api/v1/library/folders/{folder_id}", "Delete an empty folder")
async def library_delete_folder(request: web.Request) -> web.Response:
    await do_delete_folder(hub_of(request), current(request)[0], request.match_info["folder_id"], origin_of(request))
    return web.json_response({"ok": True})


@api("POST", "/api/v1/library/folders/{folder_id}/files", "Upload a file into a folder (multipart: file)",
     response=EntryOut)
async def library_upload(request: web.Request) -> EntryOut:
    user, _ = current(request)
    name, chunks = await single_file_part(request)
    entry = await do_library_upload(hub_of(request), user, request.match_info["folder_id"], name, chunks,
                                    origin=origin_of(request))
    return entry_out(entry)


@api("POST", "/api/v1/library/folders/{folder_id}/file-in",
     "归入文件库: file a published announcement's attachments or a 公文's files", body=FileInIn, response=EntryList)
async def library_file_in(request: web.Request, body: FileInIn) -> EntryList:
    user, _ = current(request)
    entries = await do_file_in(hub_of(request), user, request.match_info["folder_id"], body, origin_of(request))
    folder = await access_folder(user, request.match_info["folder_id"])
    return EntryList(folder=await _folder_out(user, folder), entries=[entry_out(e) for e in entries], subfolders=[])


@api("POST", "/api/v1/library/entries/{entry_id}/rename", "Rename an entry (its title and file name)",
     body=RenameIn, response=EntryOut)
async def library_rename_entry(request: web.Request, body: RenameIn) -> EntryOut:
    entry = await do_rename_entry(hub_of(request), current(request)[0], request.match_info["entry_id"], body.name,
                                  origin_of(request))
    return entry_out(entry)


@api("POST", "/api/v1/library/entries/{entry_id}/move", "Move an entry to another folder of its library",
     body=EntryMoveIn, response=EntryOut)
async def library_move_entry(request: web.Request, body: EntryMoveIn) -> EntryOut:
    entry = await do_move_entry(hub_of(request), current(request)[0], request.match_info["entry_id"],
                                body.folder_id, origin_of(request))
    return entry_out(entry)


@api("DELETE", "/api/v1/library/entries/{entry_id}", "Delete an entry and its file")
async def library_delete_entry(request: web.Request) -> web.Response:
    await do_delete_entry(hub_of(request), current(request)[0], request.match_info["entry_id"], origin_of(request))
    return web.json_response({"ok": True})
