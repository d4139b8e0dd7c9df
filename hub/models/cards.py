"""Cards, the requests made on them, and delegations (代理) between people."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import pymongo
from beanie import Document, PydanticObjectId
from pydantic import BaseModel, Field
from pymongo import IndexModel

from hub.cards import CardActionDef, CardContent
from hub.lib.timeutil import utcnow
from hub.models.ids import PresetIdDocument
from hub.models.outbox import OutboxItem


class TimelineEntry(BaseModel):
    at: datetime
    actor_id: PydanticObjectId | None = None
    actor_name: str
    on_behalf_of_name: str | None = None
    action_id: str | None = None
    text: str


class Card(PresetIdDocument, CardContent):
    """An actionable card; version rises by one with every change."""

    bot: str
    bot_name: str = ""
    timeline: list[TimelineEntry] = Field(default_factory=list)
    version: int = 1
    actions: list[CardActionDef] = Field(default_factory=list)
    context: dict[str, Any] = Field(default_factory=dict)
    fallback_text: str
    channel_ids: list[PydanticObjectId] = Field(default_factory=list)
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow)
    # Who decides what a click does (hub.handlers); None: the owning bot.
    handler: str | None = None
    # Effects of a committed change not yet handed to the outbox collection (hub/actions/outbox.py).
    outbox: list[OutboxItem] = Field(default_factory=list)
    # Outbox keys of the latest updates applied to this card, so a re-dispatched update applies once.
    effect_keys: list[str] = Field(default_factory=list)

    @property
    def handler_key(self) -> str:
        return self.handler or self.bot

    class Settings:
        name = "cards"
        indexes = [
            IndexModel([("channel_ids", pymongo.ASCENDING)], name="by_channel"),
            IndexModel([("bot", pymongo.ASCENDING), ("kind", pymongo.ASCENDING)], name="by_bot_kind"),
            # The start-up sweep finds cards whose effects were committed but not yet handed on.
            IndexModel([("outbox.key", pymongo.ASCENDING)], name="outbox_pending", sparse=True),
        ]


class ActionRequest(PresetIdDocument):
    """One click, claimed by its request id before anything happens, so a retry has one effect."""

    user_id: PydanticObjectId
    request_id: str
    card_id: PydanticObjectId
    action_id: str
    done: bool = False
    result: dict[str, Any] | None = None
    created_at: datetime = Field(default_factory=utcnow)

    class Settings:
        name = "action_requests"
        indexes = [
            IndexModel([("user_id", pymongo.ASCENDING), ("request_id", pymongo.ASCENDING)], unique=True,
                       name="user_request_unique"),
            IndexModel([("created_at", pymongo.ASCENDING)], expireAfterSeconds=7 * 86400, name="ttl"),
        ]


class Delegation(Document):
    """While active, the delegate may press what the principal may, and both names are recorded."""

    principal_id: PydanticObjectId
    delegate_id: PydanticObjectId
    starts_at: datetime
    ends_at: datetime
    reason: str = ""
    revoked_at: datetime | None = None
    created_at: datetime = Field(default_factory=utcnow)

    class Settings:
        name = "delegations"
        indexes = [
            IndexModel([("delegate_id", pymongo.ASCENDING), ("ends_at", pymongo.ASCENDING)], name="by_delegate"),
            IndexModel([("principal_id", pymongo.ASCENDING)], name="by_principal"),
        ]
