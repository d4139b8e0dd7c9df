"""Channels (unit, ad-hoc group, direct) and per-member subscriptions with read positions."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

import pymongo
from beanie import Document, PydanticObjectId
from pydantic import Field
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


class Subscription(Document):
    """A member of a channel, with how far they have read."""

    channel_id: PydanticObjectId
    user_id: PydanticObjectId
    role: Literal["owner", "member"] = "member"
    last_read_seq: int = 0
    joined_at: datetime = Field(default_factory=utcnow)

    class Settings:
        name = "subscriptions"
        indexes = [
            IndexModel([("channel_id", pymongo.ASCENDING), ("user_id", pymongo.ASCENDING)], unique=True,
                       name="channel_user_unique"),
            IndexModel([("user_id", pymongo.ASCENDING)], name="by_user"),
        ]
