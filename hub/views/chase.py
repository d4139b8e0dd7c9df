"""催办 endpoint: chase the pending items of a process's current step."""

from __future__ import annotations

from aiohttp import web

from hub.actions.chase import do_chase
from hub.remind.chase_wire import ChaseIn, ChaseOut
from hub.views.base import EndpointTable, current, hub_of

api = EndpointTable("workflow")


@api("POST", "/api/v1/instances/{instance_id}/chase", "催办 the current step's holders (initiator, their head or "
     "分管领导, the office director), once per holder per 30 minutes", body=ChaseIn, response=ChaseOut)
async def chase(request: web.Request, body: ChaseIn) -> ChaseOut:
    return await do_chase(hub_of(request), current(request)[0], request.match_info["instance_id"], body)
