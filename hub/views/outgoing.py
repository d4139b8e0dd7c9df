"""发文 endpoints: 拟稿, versions (留痕) and diffs, the live 版式 preview, the step buttons, and my 发文 list."""

from __future__ import annotations

import asyncio

from aiohttp import web

from hub.actions.outgoing import (
    access_outgoing,
    do_create_outgoing,
    do_edit_outgoing,
    drafting_unit,
    unit_names,
    version_of,
)
from hub.actions.outgoing_flow import OutgoingStepIn, do_outgoing_step, signed_layout
from hub.classification import check_unclassified
from hub.layout.draft import diff_lines, rendered_lines, substantive_change, texts
from hub.layout.pdf import render_pdf
from hub.models.outgoing import DraftVersion, OutgoingDraft
from hub.outgoing_queries import list_outgoing, outgoing_out
from hub.outgoing_wire import (
    DiffOut,
    DiffQuery,
    OutgoingCreateIn,
    OutgoingEditIn,
    OutgoingList,
    OutgoingOut,
    OutgoingQuery,
    PreviewIn,
    PreviewQuery,
    VersionList,
    VersionOut,
)
from hub.views.base import EndpointTable, current, hub_of, origin_of
from hub.workflow.resolve import actor_of

api = EndpointTable("outgoing")


async def _out(request: web.Request, draft_id: str) -> OutgoingOut:
    user, _ = current(request)
    draft = await access_outgoing(user, draft_id)
    return await outgoing_out(draft, user, await actor_of(user, hub_of(request).clock.now()))


@api("POST", "/api/v1/outgoing", "拟稿: create a 发文稿 (version 1) and start its 发文 process at 核稿; the same "
     "request_id creates it once", body=OutgoingCreateIn, response=OutgoingOut)
async def outgoing_create(request: web.Request, body: OutgoingCreateIn) -> OutgoingOut:
    user, _ = current(request)
    draft = await do_create_outgoing(hub_of(request), user, body.content, body.code, body.reviewer_id,
                                     body.signer_id, body.countersign_unit_ids, body.request_id, origin_of(request))
    return await _out(request, str(draft.id))


@api("GET", "/api/v1/outgoing", "发文: drafts I wrote, my unit's (leaders and clerks), and those with a step of mine; "
     "box=todo only those waiting for me", query=OutgoingQuery, response=OutgoingList)
async def outgoing_list(request: web.Request, query: OutgoingQuery) -> OutgoingList:
    user, _ = current(request)
    return OutgoingList(drafts=await list_outgoing(user, query.box == "todo", query.limit))


@api("GET", "/api/v1/outgoing/{draft_id}", "A 发文稿 with its newest version, flow, 会签 opinions and my buttons",
     response=OutgoingOut)
async def outgoing_get(request: web.Request) -> OutgoingOut:
    return await _out(request, request.match_info["draft_id"])


@api("PATCH", "/api/v1/outgoing/{draft_id}", "Save a new version (the drafter, 核稿, or the clerk at 编号/复核); "
     "refused with stale_version unless base_version is the newest", body=OutgoingEditIn, response=OutgoingOut)
async def outgoing_edit(request: web.Request, body: OutgoingEditIn) -> OutgoingOut:
    user, _ = current(request)
    await do_edit_outgoing(hub_of(request), user, request.match_info["draft_id"], body.base_version, body.content,
                           origin_of(request))
    return await _out(request, request.match_info["draft_id"])


@api("POST", "/api/v1/outgoing/{draft_id}/steps", "Press a 发文 button: review, countersign, sign, number, recheck, "
     "seal, distribute, return (to the drafter), resubmit", body=OutgoingStepIn, response=OutgoingOut)
async def outgoing_step(request: web.Request, body: OutgoingStepIn) -> OutgoingOut:
    user, _ = current(request)
    await do_outgoing_step(hub_of(request), user, request.match_info["draft_id"], body, origin_of(request))
    return await _out(request, request.match_info["draft_id"])


@api("GET", "/api/v1/outgoing/{draft_id}/versions", "Every saved version (留痕), oldest first", response=VersionList)
async def outgoing_versions(request: web.Request) -> VersionList:
    user, _ = current(request)
    draft = await access_outgoing(user, request.match_info["draft_id"])
    found = await DraftVersion.find(DraftVersion.draft_id == draft.id).sort("+n").to_list()
    return VersionList(versions=[VersionOut(n=v.n, author_name=v.author_name, step=v.step, at=v.at,
                                            title=v.content.title, signed=v.n == draft.signed_version)
                                 for v in found])


@api("GET", "/api/v1/outgoing/{draft_id}/diff", "A readable line diff between two versions (from_version, to_version)",
     query=DiffQuery, response=DiffOut)
async def outgoing_diff(request: web.Request, query: DiffQuery) -> DiffOut:
    user, _ = current(request)
    draft = await access_outgoing(user, request.match_info["draft_id"])
    a, b = await version_of(draft, query.from_version), await version_of(draft, query.to_version)
    names = await unit_names([*a.content.main_to, *a.content.cc_to, *b.content.main_to, *b.content.cc_to])
    before, after = rendered_lines(a.content, names, {}), rendered_lines(b.content, names, {})
    return DiffOut(from_version=a.n, to_version=b.n, substantive=substantive_change(before, after),
                   lines=diff_lines(before, after))


def _pdf(body: bytes) -> web.Response:
    return web.Response(body=body, content_type="application/pdf", headers={
        "Content-Disposition": "inline; filename=\"preview.pdf\"", "X-Content-Type-Options": "nosniff",
        "Cache-Control": "no-store"})


@api("GET", "/api/v1/outgoing/{draft_id}/preview.pdf", "The GB/T 9704 layout of a saved version as PDF (a preview: "
     "the 文号 is blank until 编号)", query=PreviewQuery)
async def outgoing_preview(request: web.Request, query: PreviewQuery) -> web.Response:
    user, _ = current(request)
    draft = await access_outgoing(user, request.match_info["draft_id"])
    version = await version_of(draft, query.version or draft.version)
    layout = await signed_layout(draft, content=version.content)
    return _pdf(await asyncio.to_thread(render_pdf, layout))


@api("POST", "/api/v1/outgoing/{draft_id}/preview.pdf", "The live preview: unsaved content laid out as PDF",
     body=PreviewIn)
async def outgoing_live_preview(request: web.Request, body: PreviewIn) -> web.Response:
    user, _ = current(request)
    check_unclassified(texts(body.content))
    draft = await access_outgoing(user, request.match_info["draft_id"])
    layout = await signed_layout(draft, content=body.content)
    return _pdf(await asyncio.to_thread(render_pdf, layout))


@api("POST", "/api/v1/outgoing-preview.pdf", "The live preview of a draft not saved yet (the 拟稿 page)",
     body=PreviewIn)
async def outgoing_new_preview(request: web.Request, body: PreviewIn) -> web.Response:
    user, _ = current(request)
    check_unclassified(texts(body.content))
    unit = await drafting_unit(user)
    assert unit.id is not None
    draft = OutgoingDraft(unit_id=unit.id, unit_name=unit.name, code=body.code or "", drafter_id=str(user.id),
                          drafter_name=user.name, reviewer_id="", signer_id="", title=body.content.title,
                          create_request_id="preview")
    draft.id = None
    layout = await signed_layout(draft, content=body.content)
    return _pdf(await asyncio.to_thread(render_pdf, layout))
