"""Per-person settings of one conversation: 免打扰 (muted: no badge, no notification) and 置顶 (pinned to the top)."""

from __future__ import annotations

import hashlib
from datetime import datetime

import pymongo
from beanie import Document, PydanticObjectId
from pymongo import IndexModel


def pref_id(user_id: object, channel_id: object) -> PydanticObjectId:
    """Derived from the pair, so creating it twice cannot make two."""
    return PydanticObjectId(hashlib.sha256(f"convpref:{user_id}:{channel_id}".encode()).digest()[:12])


class ConversationPref(Document):
    user_id: PydanticObjectId
    channel_id: PydanticObjectId
    muted: bool = False
    pinned: bool = False
    updated_at: datetime

    class Settings:
        name = "conversation_prefs"
        indexes = [IndexModel([("user_id", pymongo.ASCENDING)], name="by_user")]
