"""归档 endpoints: file a 件, 待归档, the 归档目录, a 件's stamped PDF, the export per unit and year, the 全宗号."""

from __future__ import annotations

from urllib.parse import quote

from aiohttp import web

from hub.access import parse_id
from hub.actions.archive import check_archivist, do_archive, do_set_fonds, fonds_of
from hub.archive_export import export_zip
from hub.archive_queries import catalogue, item_out, pending
from hub.archive_wire import (
    ArchiveIn,
    ArchiveItemOut,
    ArchiveListOut,
    ArchiveQuery,
    ArchiveSettingsIn,
    PendingOut,
    PendingQuery,
)
from hub.errors import HubError
from hub.models.archive import ArchiveItem
from hub.views.base import EndpointTable, current, hub_of, origin_of

api = EndpointTable("documents")


def _download(body: bytes, content_type: str, ascii_name: str, name: str) -> web.Response:
    return web.Response(body=body, content_type=content_type, headers={
        "Content-Disposition": f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(name)}",
        "X-Content-Type-Options": "nosniff"})


@api("POST", "/api/v1/archive/items", "归档: file a 办结 收文 (kind incoming) or a sent 发文 (kind outgoing) as one "
     "件 with its 档号 and stamped 版式 file; once per document, never undone", body=ArchiveIn,
     response=ArchiveItemOut)
async def archive_file_item(request: web.Request, body: ArchiveIn) -> ArchiveItemOut:
    return item_out(await do_archive(hub_of(request), current(request)[0], body, origin_of(request)))


@api("GET", "/api/v1/archive/pending", "待归档: the unit's 办结 收文 and sent 发文 not yet filed",
     query=PendingQuery, response=PendingOut)
async def archive_pending(request: web.Request, query: PendingQuery) -> PendingOut:
    unit = await check_archivist(current(request)[0], query.unit_id)
    return PendingOut(unit_id=str(unit.id), unit_name=unit.name, fonds=await fonds_of(unit),
                      rows=await pending(unit))


@api("GET", "/api/v1/archive/items", "The 归档目录 of a unit and year in 档号 order, optionally searched",
     query=ArchiveQuery, response=ArchiveListOut)
async def archive_catalogue(request: web.Request, query: ArchiveQuery) -> ArchiveListOut:
    unit = await check_archivist(current(request)[0], query.unit_id)
    items = await catalogue(unit, query.year, query.q, query.retention)
    return ArchiveListOut(unit_id=str(unit.id), unit_name=unit.name, fonds=await fonds_of(unit), year=query.year,
                          items=[item_out(i) for i in items])


@api("GET", "/api/v1/archive/items/{item_id}/file", "A 件's 版式 file (PDF with the 归档章)")
async def archive_item_file(request: web.Request) -> web.Response:
    hub = hub_of(request)
    item = await ArchiveItem.get(parse_id(request.match_info["item_id"]))
    if item is None or item.file_id is None:
        raise HubError("not_found")
    await check_archivist(current(request)[0], str(item.unit_id))
    body = b"".join([c async for c in hub.files.open(item.file_id)])
    return _download(body, "application/pdf", "item.pdf", f"{item.archive_no}.pdf")


@api("GET", "/api/v1/archive/export.zip", "The archive of a unit and year: 版式 files, one metadata JSON per 件 "
     "and 归档目录.xlsx", query=ArchiveQuery)
async def archive_export(request: web.Request, query: ArchiveQuery) -> web.Response:
    hub = hub_of(request)
    unit = await check_archivist(current(request)[0], query.unit_id)
    items = await catalogue(unit, query.year, query.q, query.retention)
    files = []
    for item in items:
        assert item.file_id is not None
        files.append((item, b"".join([c async for c in hub.files.open(item.file_id)])))
    body = export_zip(unit.name, await fonds_of(unit), query.year, files)
    return _download(body, "application/zip", "archive.zip", f"归档-{unit.name}-{query.year}.zip")


@api("PUT", "/api/v1/archive/settings", "Set the unit's 全宗号 (as the 档案馆 assigned it)", body=ArchiveSettingsIn,
     response=PendingOut)
async def archive_set_fonds(request: web.Request, body: ArchiveSettingsIn) -> PendingOut:
    user = current(request)[0]
    await do_set_fonds(hub_of(request), user, body, origin_of(request))
    unit = await check_archivist(user, body.unit_id)
    return PendingOut(unit_id=str(unit.id), unit_name=unit.name, fonds=await fonds_of(unit),
                      rows=await pending(unit))
