"""Messages: raw markdown with a per-channel gap-free sequence number."""

from __future__ import annotations

from datetime import datetime

import pymongo
from beanie import PydanticObjectId
from pydantic import Field
from pymongo import IndexModel

from hub.lib.timeutil import utcnow
from hub.models.ids import PresetIdDocument


class Message(PresetIdDocument):
    """One message. rev is 0 until an edit or recall stamps it with the channel's next revision."""

    channel_id: PydanticObjectId
    seq: int
    sender_id: PydanticObjectId
    client_msg_id: str
    content: str
    mentions: list[PydanticObjectId] = Field(default_factory=list)
    created_at: datetime = Field(default_factory=utcnow)
    edited_at: datetime | None = None
    recalled_at: datetime | None = None
    rev: int = 0
    card_id: PydanticObjectId | None = None

    class Settings:
        name = "messages"
        indexes = [
            IndexModel([("channel_id", pymongo.ASCENDING), ("seq", pymongo.DESCENDING)], unique=True,
                       name="channel_seq_unique"),
            IndexModel([("sender_id", pymongo.ASCENDING), ("client_msg_id", pymongo.ASCENDING)], unique=True,
                       name="sender_client_id_unique"),
            IndexModel([("channel_id", pymongo.ASCENDING), ("rev", pymongo.ASCENDING)], name="channel_rev",
                       partialFilterExpression={"rev": {"$gt": 0}}),
            # A card change re-stamps the messages carrying it.
            IndexModel([("card_id", pymongo.ASCENDING)], name="by_card",
                       partialFilterExpression={"card_id": {"$type": "objectId"}}),
        ]
