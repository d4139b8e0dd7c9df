"""Durable timers: one document per future firing, claimed under a lease by whichever hub process is free."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

import pymongo
from pydantic import Field
from pymongo import IndexModel

from hub.lib.timeutil import utcnow
from hub.models.ids import PresetIdDocument

KEEP_FINISHED_DAYS = 30
TimerStatus = Literal["pending", "done", "cancelled", "failed"]


class Timer(PresetIdDocument):
    """Fires once at or after due_at. A process claims it by setting lease_owner and lease_until in one
    find_one_and_update; if that process dies, the lease runs out and another process fires it again, so
    handlers record their effect idempotently on the timer's id."""

    kind: str
    key: str
    due_at: datetime
    payload: dict[str, Any] = Field(default_factory=dict)
    status: TimerStatus = "pending"
    lease_owner: str | None = None
    lease_until: datetime | None = None
    attempts: int = 0
    last_error: str | None = None
    created_at: datetime = Field(default_factory=utcnow)
    finished_at: datetime | None = None

    class Settings:
        name = "timers"
        indexes = [
            IndexModel([("key", pymongo.ASCENDING)], unique=True, name="key_unique"),
            # The runner's two queries: the earliest due pending timer, and claiming it.
            IndexModel([("status", pymongo.ASCENDING), ("due_at", pymongo.ASCENDING)], name="due"),
            # Finished timers are kept a month (their keys stay taken); pending ones have no finished_at.
            IndexModel([("finished_at", pymongo.ASCENDING)], expireAfterSeconds=KEEP_FINISHED_DAYS * 86400,
                       name="ttl"),
        ]
