"""The audit log: an append-only hash chain that never holds message bodies."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import pymongo
from pydantic import Field
from pymongo import IndexModel

from hub.lib.timeutil import utcnow
from hub.models.ids import PresetIdDocument


class AuditEntry(PresetIdDocument):
    """seq is gap-free; hash covers every field and the previous entry's hash."""

    seq: int
    at: datetime = Field(default_factory=utcnow)
    actor_id: str | None = None
    actor_name: str = ""
    on_behalf_of_id: str | None = None
    on_behalf_of_name: str | None = None
    action: str
    object_type: str = ""
    object_id: str = ""
    outcome: str = "ok"
    ip: str | None = None
    user_agent: str | None = None
    detail: dict[str, Any] = Field(default_factory=dict)
    prev_hash: str
    hash: str

    class Settings:
        name = "audit"
        indexes = [
            IndexModel([("seq", pymongo.DESCENDING)], unique=True, name="seq_unique"),
            IndexModel([("actor_id", pymongo.ASCENDING), ("at", pymongo.DESCENDING)], name="by_actor"),
            IndexModel([("action", pymongo.ASCENDING), ("at", pymongo.DESCENDING)], name="by_action"),
        ]
