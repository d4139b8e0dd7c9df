"""Approval endpoints of the 工作台: batch approve, reject or transfer."""

from __future__ import annotations

from aiohttp import web

from hub.actions.workflow_batch import do_batch
from hub.views.base import EndpointTable, current, hub_of, origin_of
from hub.workflow.batch_wire import BatchIn, BatchOut

api = EndpointTable("workflow")


@api("POST", "/api/v1/tasks/batch",
     "Approve, reject or transfer several processes at once; each item has its own request_id and its own result",
     body=BatchIn, response=BatchOut)
async def batch_act(request: web.Request, body: BatchIn) -> BatchOut:
    return await do_batch(hub_of(request), current(request)[0], body, origin_of(request))
