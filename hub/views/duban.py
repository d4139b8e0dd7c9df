"""督办 endpoints: open an item, a leader's list (following) or a unit's (hosting), one item, progress reports."""

from __future__ import annotations

from datetime import datetime

from aiohttp import web

from hub.actions.duban import (
    access_duban,
    do_open_duban,
    do_report_progress,
    light_at,
    list_duban,
    may_report,
    stage_of,
    yellow_at_of,
)
from hub.context import Hub
from hub.models import User
from hub.models.duban import DubanItem
from hub.remind.duban_wire import DubanIn, DubanList, DubanOut, DubanQuery, ProgressIn, ProgressOut
from hub.views.base import EndpointTable, current, hub_of, origin_of

api = EndpointTable("duban")
_ORDER = {"red": 0, "yellow": 1, "green": 2, "done": 3}


async def duban_out(hub: Hub, user: User, item: DubanItem, now: datetime) -> DubanOut:
    stage, closed = await stage_of(item)
    light = "done" if closed else max(item.light, light_at(item, await yellow_at_of(hub, item), now),
                                      key=lambda x: ("green", "yellow", "red").index(x))
    return DubanOut(id=str(item.id), title=item.title, body=item.body, source_kind=item.source_kind,
                    source_id=item.source_id, host_unit_id=str(item.host_unit_id), host_unit_name=item.host_unit_name,
                    deadline=item.deadline, leader_id=item.leader_id, leader_name=item.leader_name,
                    instance_id=str(item.instance_id) if item.instance_id else None, stage=stage, closed=closed,
                    light=light, percent=item.progress[-1].percent if item.progress else 0,
                    progress=[ProgressOut(seq=p.seq, at=p.at, by_name=p.by_name, percent=p.percent, text=p.text)
                              for p in item.progress],
                    can_report=not closed and await may_report(user, item), created_at=item.created_at)


@api("POST", "/api/v1/duban", "Open a 督办 item (leaders and the office): 主办 unit, deadline, optionally from a card",
     body=DubanIn, response=DubanOut)
async def open_duban(request: web.Request, body: DubanIn) -> DubanOut:
    hub, user = hub_of(request), current(request)[0]
    item = await do_open_duban(hub, user, body, origin_of(request))
    return await duban_out(hub, user, item, hub.clock.now())


@api("GET", "/api/v1/duban", "督办 items I follow (scope=following) or my units host (scope=hosting), red first",
     query=DubanQuery, response=DubanList)
async def get_duban_list(request: web.Request, query: DubanQuery) -> DubanList:
    hub, user = hub_of(request), current(request)[0]
    now = hub.clock.now()
    items = [await duban_out(hub, user, i, now) for i in await list_duban(user, query.scope)]
    if query.open_only:
        items = [i for i in items if not i.closed]
    items.sort(key=lambda i: (_ORDER[i.light], i.deadline))
    count = {k: sum(i.light == k for i in items) for k in _ORDER}
    return DubanList(items=items, red=count["red"], yellow=count["yellow"], green=count["green"], done=count["done"])


@api("GET", "/api/v1/duban/{item_id}", "One 督办 item with its stage, light and progress reports", response=DubanOut)
async def get_duban(request: web.Request) -> DubanOut:
    hub, user = hub_of(request), current(request)[0]
    item = await access_duban(user, request.match_info["item_id"])
    return await duban_out(hub, user, item, hub.clock.now())


@api("POST", "/api/v1/duban/{item_id}/progress", "Report progress (the 主办 unit), once per request_id",
     body=ProgressIn, response=DubanOut)
async def report_progress(request: web.Request, body: ProgressIn) -> DubanOut:
    hub, user = hub_of(request), current(request)[0]
    item = await do_report_progress(hub, user, request.match_info["item_id"], body)
    return await duban_out(hub, user, item, hub.clock.now())
