"""Batch approval: one decision applied item by item, each on its own request id, each failing on its own."""

from __future__ import annotations

import asyncio

from hub.actions.audit import Origin
from hub.actions.workflow import do_act
from hub.classification import check_unclassified
from hub.context import Hub
from hub.errors import ERRORS, HubError
from hub.models import User
from hub.workflow.batch_wire import BatchIn, BatchItemIn, BatchItemOut, BatchOut
from hub.workflow.wire import ActIn

_PARALLEL = 4


def check_batch(body: BatchIn) -> None:
    """Refuse the whole batch, before anything happens, when it cannot mean one thing per item."""
    if len({i.request_id for i in body.items}) != len(body.items):
        raise HubError("invalid_request", detail="items: every item needs its own request_id")
    if len({i.instance_id for i in body.items}) != len(body.items):
        raise HubError("invalid_request", detail="items: each instance at most once")
    if (body.op == "transfer") != bool(body.users):
        raise HubError("invalid_request", detail="users: one person for transfer, none otherwise")
    check_unclassified([body.opinion])  # the same opinion goes on every item: refuse it once, for all


async def do_batch(hub: Hub, user: User, body: BatchIn, origin: Origin) -> BatchOut:
    """Each item goes through the same path as a single act (claim, lock, compare-and-set, permission on the
    current state), so an item that fails leaves the others alone and a replayed item is not applied twice."""
    check_batch(body)
    gate = asyncio.Semaphore(_PARALLEL)

    async def one(item: BatchItemIn) -> BatchItemOut:
        act = ActIn(op=body.op, request_id=item.request_id, version=item.version, opinion=body.opinion,
                    users=body.users)
        async with gate:
            try:
                inst = await do_act(hub, user, item.instance_id, act, origin)
            except HubError as exc:
                _, zh, en = ERRORS[exc.code]
                return BatchItemOut(instance_id=item.instance_id, request_id=item.request_id, ok=False,
                                    code=exc.code, message=zh, message_en=en, detail=exc.detail)
        run = inst.state.open_run()
        return BatchItemOut(instance_id=item.instance_id, request_id=item.request_id, ok=True, title=inst.title,
                            instance_status=inst.state.status, current_step=run.name if run else None)

    # Items are distinct instances, each under its own lock: a few at a time only overlap their store round trips.
    results = list(await asyncio.gather(*(one(item) for item in body.items)))
    ok = sum(r.ok for r in results)
    return BatchOut(op=body.op, succeeded=ok, failed=len(results) - ok, results=results)
