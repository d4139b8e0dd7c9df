"""Scheduling and cancelling durable timers; the runner in hub/scheduler/ fires them."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from pymongo.errors import DuplicateKeyError

from hub.context import Hub
from hub.errors import HubError
from hub.lib.timeutil import as_utc
from hub.models import Timer

CancelOutcome = Literal["cancelled", "already_cancelled", "fired", "firing", "unknown"]


async def do_schedule_timer(hub: Hub, kind: str, key: str, due_at: datetime, payload: dict[str, Any] | None = None
                            ) -> Timer:
    """Fire the handler registered for `kind` once at or after `due_at` (hub clock), in whichever process
    claims it first. Idempotent on `key`: a key names one firing, so scheduling it again returns the first
    timer unchanged, whatever its state (put a version or date in keys that recur). A finished timer's key
    stays taken for 30 days (a TTL index then removes it on a real server). A due_at already
    past fires at once. The same key with another kind is a conflict."""
    if not kind or len(kind) > 100 or not key or len(key) > 300:
        raise HubError("invalid_request", detail="a timer needs a kind (≤100) and a key (≤300)")
    due = as_utc(due_at)
    timer = Timer(kind=kind, key=key, due_at=due.replace(microsecond=due.microsecond // 1000 * 1000),
                  payload=payload or {}, created_at=hub.clock.now())
    try:
        await timer.insert()
    except DuplicateKeyError:
        existing = await Timer.find_one(Timer.key == key)
        if existing is None:  # purged by the TTL index between the two reads
            raise HubError("conflict", detail=f"timer {key}") from None
        if existing.kind != kind:
            raise HubError("conflict", detail=f"timer {key} exists with kind {existing.kind}") from None
        return existing
    hub.scheduler.wake()
    return timer


async def do_cancel_timer(hub: Hub, key: str) -> CancelOutcome:
    """Make sure a timer never fires. "cancelled" (or "already_cancelled") guarantees it; "firing" means a
    process holds its lease right now and its handler may run; "fired" that it ran; "unknown" no such key."""
    now = hub.clock.now()
    res = await Timer.get_pymongo_collection().update_one(
        {"key": key, "status": "pending", "$or": [{"lease_owner": None}, {"lease_until": {"$lte": now}}]},
        {"$set": {"status": "cancelled", "finished_at": now, "lease_owner": None}})
    if res.modified_count:
        return "cancelled"
    timer = await Timer.find_one(Timer.key == key)
    if timer is None:
        return "unknown"
    if timer.status == "cancelled":
        return "already_cancelled"
    if timer.status == "pending":
        return "firing"
    return "fired"
