"""Channels (unit, ad-hoc group, direct) and per-member subscriptions with read positions."""

from __future__ import annotations

import hashlib
from datetime import datetime
from typing import Literal

import pymongo
from beanie import Document, PydanticObjectId
from pydantic import Field, model_validator
from pymongo import IndexModel

from hub.lib.timeutil import utcnow

ChannelKind = Literal["unit", "group", "direct"]


class Channel(Document):
    """A conversation. last_seq is the newest message's sequence; rev counts edits and recalls."""

    kind: ChannelKind
    name: str
    topic: str = ""
    unit_id: PydanticObjectId | None = None
    direct_key: str | None = None
    created_by: PydanticObjectId | None = None
    created_at: datetime = Field(default_factory=utcnow)
    last_seq: int = 0
    rev: int = 0
    last_message_at: datetime | None = None

    class Settings:
        name = "channels"
        indexes = [
            IndexModel([("unit_id", pymongo.ASCENDING)], unique=True, name="unit_unique",
                       partialFilterExpression={"kind": "unit"}),
            IndexModel([("direct_key", pymongo.ASCENDING)], unique=True, name="direct_unique",
                       partialFilterExpression={"kind": "direct"}),
        ]


def subscription_id(channel_id: object, user_id: object) -> PydanticObjectId:
    """Derived from the pair, so "is this user in this channel" is a primary-key lookup."""
    return PydanticObjectId(hashlib.sha256(f"sub:{channel_id}:{user_id}".encode()).digest()[:12])


class Subscription(Document):
    """A member of a channel, with how far they have read."""

    channel_id: PydanticObjectId
    user_id: PydanticObjectId
    role: Literal["owner", "admin", "member"] = "member"
    last_read_seq: int = 0
    joined_at: datetime = Field(default_factory=utcnow)

    @model_validator(mode="after")
    def _pair_id(self) -> Subscription:
        # However a subscription is built, its id is the pair's: a second one for the pair cannot exist.
        if self.id is None:
            self.id = subscription_id(self.channel_id, self.user_id)
        return self

    class Settings:
        name = "subscriptions"
        indexes = [
            IndexModel([("channel_id", pymongo.ASCENDING), ("user_id", pymongo.ASCENDING)], unique=True,
                       name="channel_user_unique"),
            IndexModel([("user_id", pymongo.ASCENDING)], name="by_user"),
        ]
