"""The outbox: effects that leave a changed document, applied once after the change committed."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

import pymongo
from pydantic import BaseModel, Field
from pymongo import IndexModel

from hub.effects import Effect
from hub.lib.timeutil import utcnow
from hub.models.ids import PresetIdDocument


class OutboxItem(BaseModel):
    """An effect carried on the changed document itself, pushed by the same compare-and-set as the change:
    the change and its effects commit together or not at all (one document, no transaction)."""

    key: str
    effect: Effect


class OutboxEntry(PresetIdDocument):
    """One effect on its way out. The key is its idempotency key: one entry per key, ever (unique index).

    pending -> claimed (leased to one dispatcher until lease_until) -> done, or failed for good when the
    effect can never apply (its channel is gone, say). A claim whose dispatcher died is taken again once
    its lease has run out.
    """

    key: str
    effect: Effect
    status: Literal["pending", "claimed", "done", "failed"] = "pending"
    lease_until: datetime = Field(default_factory=utcnow)
    claimed_by: str | None = None
    attempts: int = 0
    error: str | None = None
    created_at: datetime = Field(default_factory=utcnow)
    done_at: datetime | None = None

    class Settings:
        name = "outbox"
        indexes = [
            IndexModel([("key", pymongo.ASCENDING)], unique=True, name="key_unique"),
            IndexModel([("status", pymongo.ASCENDING), ("lease_until", pymongo.ASCENDING)], name="due"),
            # Only finished entries carry done_at, so only they expire.
            IndexModel([("done_at", pymongo.ASCENDING)], expireAfterSeconds=7 * 86400, name="ttl"),
        ]
