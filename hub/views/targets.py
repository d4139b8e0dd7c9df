"""目标管理 over HTTP: the list and board, one target with its history, reports, 复核, 销号 and the Excel export."""

from __future__ import annotations

from urllib.parse import quote

from aiohttp import web
from pydantic import BaseModel, Field

from hub.actions.targets import (
    access_target,
    can_manage,
    do_close,
    do_create_target,
    do_report,
    do_review,
    unit_ids_of,
    visible_filter,
)
from hub.models.targets import Target
from hub.targets.present import board, detail_out, export_xlsx, targets_out
from hub.targets.wire import (
    CloseIn,
    ReportIn,
    ReportOut,
    ReviewIn,
    TargetBoard,
    TargetDetail,
    TargetIn,
    TargetList,
    TargetQuery,
)
from hub.views.base import EndpointTable, current, hub_of, origin_of

api = EndpointTable("targets")


class YearQuery(BaseModel):
    year: int = Field(ge=2000, le=2100)


async def _list(request: web.Request, query: TargetQuery) -> list[Target]:
    user = current(request)[0]
    match: dict[str, object] = {**(await visible_filter(user) or {})}
    if query.year is not None:
        match["year"] = query.year
    if query.light is not None:
        match["light"] = query.light
    if query.status is not None:
        match["status"] = query.status
    found = await Target.find(match).sort("+year", "+code").limit(500).to_list()
    if query.unit_id is not None:
        found = [t for t in found if query.unit_id == t.lead_unit_id or query.unit_id in t.partner_unit_ids]
    return found


async def _detail(request: web.Request, target: Target) -> TargetDetail:
    user = current(request)[0]
    units = await unit_ids_of(user)
    return await detail_out(target, hub_of(request).clock.now(), can_manage=await can_manage(user),
                            can_report=bool(units & ({target.lead_unit_id} | set(target.partner_unit_ids))))


@api("GET", "/api/v1/targets", "Targets this person may see (目标管理), with lights", query=TargetQuery,
     response=TargetList)
async def list_targets(request: web.Request, query: TargetQuery) -> TargetList:
    targets = await targets_out(await _list(request, query), hub_of(request).clock.now())
    return TargetList(targets=targets, can_manage=await can_manage(current(request)[0]))


@api("POST", "/api/v1/targets", "Set a yearly target (市委/市政府 office)", body=TargetIn, response=TargetDetail)
async def create_target(request: web.Request, body: TargetIn) -> TargetDetail:
    target = await do_create_target(hub_of(request), current(request)[0], body, origin_of(request))
    return await _detail(request, target)


@api("GET", "/api/v1/targets/board", "The target board: per 主责 unit, counts by light", query=YearQuery,
     response=TargetBoard)
async def target_board(request: web.Request, query: YearQuery) -> TargetBoard:
    return await board(query.year, await visible_filter(current(request)[0]))


@api("GET", "/api/v1/targets/export", "The year's targets as an Excel workbook", query=YearQuery)
async def export_targets(request: web.Request, query: YearQuery) -> web.Response:
    rows = await targets_out(await _list(request, TargetQuery(year=query.year)), hub_of(request).clock.now())
    name = quote(f"{query.year}年度目标清单.xlsx")
    return web.Response(body=export_xlsx(rows), headers={
        "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "Content-Disposition": f"attachment; filename=targets-{query.year}.xlsx; filename*=UTF-8''{name}",
        "X-Content-Type-Options": "nosniff"})


@api("GET", "/api/v1/targets/{target_id}", "One target with its milestones, reports and history",
     response=TargetDetail)
async def get_target(request: web.Request) -> TargetDetail:
    target = await access_target(current(request)[0], request.match_info["target_id"])
    return await _detail(request, target)


@api("POST", "/api/v1/targets/{target_id}/reports", "Report progress (主责 and 配合 units)", body=ReportIn,
     response=ReportOut)
async def report_target_progress(request: web.Request, body: ReportIn) -> ReportOut:
    user = current(request)[0]
    report = await do_report(hub_of(request), user, request.match_info["target_id"], body, origin_of(request))
    detail = await _detail(request, await access_target(user, str(report.target_id)))
    return next(r for r in detail.reports if r.id == str(report.id))


@api("POST", "/api/v1/targets/reports/{report_id}/review", "复核 a progress report: accept or return",
     body=ReviewIn, response=ReportOut)
async def review_report(request: web.Request, body: ReviewIn) -> ReportOut:
    user = current(request)[0]
    report = await do_review(hub_of(request), user, request.match_info["report_id"], body, origin_of(request))
    detail = await _detail(request, await access_target(user, str(report.target_id)))
    return next(r for r in detail.reports if r.id == str(report.id))


@api("POST", "/api/v1/targets/{target_id}/close", "销号: close a target that is done", body=CloseIn,
     response=TargetDetail)
async def close_target(request: web.Request, body: CloseIn) -> TargetDetail:
    target = await do_close(hub_of(request), current(request)[0], request.match_info["target_id"], body.note,
                            origin_of(request))
    return await _detail(request, target)
