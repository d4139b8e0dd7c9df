"""Bot accounts and their tokens, jobs handed to bots, per-bot storage, and incoming integrations."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

import pymongo
from beanie import Document, PydanticObjectId
from pydantic import Field
from pymongo import IndexModel

from bots.protocol import CommandSpec
from hub.lib.timeutil import utcnow
from hub.models.ids import PresetIdDocument


class BotAccount(Document):
    """A bot: its key names its code (bots/<key>/), its user posts in channels."""

    key: str
    user_id: PydanticObjectId
    name: str
    commands: list[CommandSpec] = Field(default_factory=list)
    created_at: datetime = Field(default_factory=utcnow)

    class Settings:
        name = "bots"
        indexes = [IndexModel([("key", pymongo.ASCENDING)], unique=True, name="key_unique")]


class BotToken(Document):
    """A revocable credential for a bot process running outside the hub; only its hash is kept."""

    bot_key: str
    token_hash: str
    created_at: datetime = Field(default_factory=utcnow)
    revoked_at: datetime | None = None

    class Settings:
        name = "bot_tokens"
        indexes = [IndexModel([("token_hash", pymongo.ASCENDING)], unique=True, name="token_unique")]


JobKind = Literal["action", "command", "mention", "integration"]


class BotJob(PresetIdDocument):
    """Work for an out-of-process bot; one replica at a time holds it under a lease, one result is applied."""

    bot_key: str
    kind: JobKind
    payload: dict[str, Any]
    status: Literal["pending", "claimed", "done", "failed", "expired"] = "pending"
    claimed_by: str | None = None
    result: dict[str, Any] | None = None
    error: str | None = None
    created_at: datetime = Field(default_factory=utcnow)
    deadline: datetime | None = None
    # A claim is a lease: a replica that dies or stays silent past lease_until loses the job to another.
    lease_until: datetime | None = None
    attempts: int = 0

    class Settings:
        name = "bot_jobs"
        indexes = [
            IndexModel([("bot_key", pymongo.ASCENDING), ("status", pymongo.ASCENDING),
                        ("created_at", pymongo.ASCENDING)], name="queue"),
            IndexModel([("created_at", pymongo.ASCENDING)], expireAfterSeconds=7 * 86400, name="ttl"),
        ]


class BotValue(Document):
    """One entry of a bot's small key-value storage."""

    bot_key: str
    key: str
    value: Any = None
    updated_at: datetime = Field(default_factory=utcnow)

    class Settings:
        name = "bot_storage"
        indexes = [IndexModel([("bot_key", pymongo.ASCENDING), ("key", pymongo.ASCENDING)], unique=True,
                              name="bot_key_unique")]


class Integration(Document):
    """An external system pushing in. Its secret is derived from the server key and salt, never stored."""

    key: str
    name: str
    bot_key: str
    salt: str
    disabled: bool = False
    created_at: datetime = Field(default_factory=utcnow)

    class Settings:
        name = "integrations"
        indexes = [IndexModel([("key", pymongo.ASCENDING)], unique=True, name="key_unique")]


class IntegrationReceipt(Document):
    """A signature already taken: the same signed request twice is a replay."""

    integration_key: str
    signature: str
    received_at: datetime = Field(default_factory=utcnow)

    class Settings:
        name = "integration_receipts"
        indexes = [
            IndexModel([("integration_key", pymongo.ASCENDING), ("signature", pymongo.ASCENDING)], unique=True,
                       name="signature_unique"),
            # Older than the 5-minute window a request is refused anyway; keep a margin.
            IndexModel([("received_at", pymongo.ASCENDING)], expireAfterSeconds=3600, name="ttl"),
        ]
