"""Messages: raw markdown with a per-channel gap-free sequence number."""

from __future__ import annotations

from datetime import datetime

import pymongo
from beanie import PydanticObjectId
from bson import ObjectId
from pydantic import BaseModel, Field
from pymongo import IndexModel

from hub.lib.timeutil import utcnow
from hub.models.channels import ChannelKind
from hub.models.ids import PresetIdDocument


class MessageAttachment(BaseModel):
    """A file of the channel the message carries (hub/models/files.py), copied so history needs no lookup."""

    file_id: PydanticObjectId
    name: str
    size: int
    kind: str
    content_type: str
class ForwardOrigin(BaseModel):
    """Where a forwarded message came from, as the forwarder saw it when forwarding."""

    message_id: PydanticObjectId
    sender_name: str
    channel_kind: ChannelKind
    channel_name: str
    created_at: datetime


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
    # None (not []) on plain messages, so the hot path stores nothing more.
    attachments: list[MessageAttachment] | None = None
    # 1 until the search index holds this revision of the message (hub/actions/search_index.py); sends,
    # edits and recalls set it, the indexer clears it, and a hub catches up on whatever is left at start-up.
    search_pending: int = 1
    # A reply quotes a message of the same channel; the quote is rendered when read, so a recall shows.
    reply_to: PydanticObjectId | None = None
    forwarded: ForwardOrigin | None = None
    # Reactions: reaction key (hub/actions/reactions.py) -> who reacted, changed by one atomic update each.
    reactions: dict[str, list[PydanticObjectId]] = Field(default_factory=dict)
    # A system message (张三 邀请 李四 加入群聊): shown as a notice, not a bubble; the sender is who acted.
    system: bool = False

    class Settings:
        name = "messages"
        indexes = [
            IndexModel([("channel_id", pymongo.ASCENDING), ("seq", pymongo.DESCENDING)], unique=True,
                       name="channel_seq_unique"),
            IndexModel([("sender_id", pymongo.ASCENDING), ("client_msg_id", pymongo.ASCENDING)], unique=True,
                       name="sender_client_id_unique"),
            IndexModel([("channel_id", pymongo.ASCENDING), ("rev", pymongo.ASCENDING)], name="channel_rev",
                       partialFilterExpression={"rev": {"$gt": 0}}),
            # A card change re-stamps the messages carrying it. The partial filter is a range, not `$type`:
            # SecantusDB uses a partial index only where it can prove the query implies the filter, and it
            # cannot reason about `$type`, so the old `by_card` ({"$type": "objectId"}) was never read there
            # and every card change scanned all messages. Every ObjectId is >= the zero ObjectId; null is not.
            IndexModel([("card_id", pymongo.ASCENDING)], name="card_messages",
                       partialFilterExpression={"card_id": {"$gte": ObjectId("0" * 24)}}),
            IndexModel([("search_pending", pymongo.ASCENDING)], name="search_pending",
                       partialFilterExpression={"search_pending": 1}),
        ]
