"""行政审批 operations: the administrator's recount of the 审批动态 counters, and 督办 from a 电子监察 card."""

from __future__ import annotations

from aiohttp import web
from pydantic import BaseModel

from hub.actions.admin_org import SYS_ADMIN, require_role
from hub.actions.licensing_counters import do_rebuild_counters
from hub.actions.licensing_duban import do_duban_from_light_card
from hub.remind.duban_wire import DubanOut
from hub.views.base import EndpointTable, current, hub_of, origin_of
from hub.views.duban import duban_out

api = EndpointTable("licensing_ops")


class CountersRebuilt(BaseModel):
    documents: int


@api("POST", "/api/v1/licensing/counters/rebuild",
     "Recount the 审批动态 counters from every case (系统管理员; while no one acts on cases)", response=CountersRebuilt)
async def licensing_rebuild_counters(request: web.Request) -> CountersRebuilt:
    hub, user = hub_of(request), current(request)[0]
    require_role(user, SYS_ADMIN)
    return CountersRebuilt(documents=await do_rebuild_counters(hub, user))


@api("POST", "/api/v1/licensing/cards/{card_id}/duban",
     "A leader turns a yellow or red 电子监察 card into a 督办 item (once per card)", response=DubanOut)
async def licensing_card_duban(request: web.Request) -> DubanOut:
    hub, user = hub_of(request), current(request)[0]
    item = await do_duban_from_light_card(hub, user, request.match_info["card_id"], origin_of(request))
    return await duban_out(hub, user, item, hub.clock.now())
