"""Login sessions: opaque tokens kept only as hashes, with expiry and idle timeout."""

from __future__ import annotations

from datetime import datetime

import pymongo
from beanie import PydanticObjectId
from pydantic import Field
from pymongo import IndexModel

from hub.lib.timeutil import utcnow
from hub.models.ids import PresetIdDocument


class AuthSession(PresetIdDocument):
    """One logged-in client."""

    token_hash: str
    user_id: PydanticObjectId
    created_at: datetime = Field(default_factory=utcnow)
    expires_at: datetime
    last_seen_at: datetime = Field(default_factory=utcnow)
    revoked_at: datetime | None = None
    ip: str | None = None
    user_agent: str | None = None

    class Settings:
        name = "sessions"
        indexes = [
            IndexModel([("token_hash", pymongo.ASCENDING)], unique=True, name="token_unique"),
            IndexModel([("user_id", pymongo.ASCENDING)], name="by_user"),
            # Expired sessions are useless; let the server drop them a day later.
            IndexModel([("expires_at", pymongo.ASCENDING)], expireAfterSeconds=86400, name="ttl"),
        ]
