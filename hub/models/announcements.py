"""Announcements (公告/通知, 群公告) and one receipt per recipient: delivered, opened, 确认收到."""

from __future__ import annotations

import hashlib
from datetime import datetime
from typing import Literal

import pymongo
from beanie import Document, PydanticObjectId
from pydantic import BaseModel, Field, model_validator
from pymongo import IndexModel

from hub.lib.timeutil import utcnow

AnnouncementStatus = Literal["scheduled", "published", "recalled"]


class Addressing(BaseModel):
    """Who it is for, as the publisher chose: org subtrees, named units, named people, or one ad-hoc group."""

    subtree_unit_ids: list[PydanticObjectId] = Field(default_factory=list)
    unit_ids: list[PydanticObjectId] = Field(default_factory=list)
    user_ids: list[PydanticObjectId] = Field(default_factory=list)
    group_channel_id: PydanticObjectId | None = None


class Announcement(Document):
    """One announcement. Recipients are resolved when it is published and stored as receipts; the counters
    move only when a receipt's guarded update succeeds, so each person counts once however often they open."""

    title: str
    body: str
    publisher_id: PydanticObjectId
    publisher_name: str
    request_id: str
    addressing: Addressing
    # The unit channels (and group channel) where it is pinned: the addressed units, subtrees expanded.
    pinned_unit_ids: list[PydanticObjectId] = Field(default_factory=list)
    pinned: bool = True
    urgent: bool = False
    urgent_after_minutes: int = 0
    chase_interval_minutes: int = 0
    chase_max: int = 0
    file_ids: list[str] = Field(default_factory=list)
    status: AnnouncementStatus = "scheduled"
    publish_at: datetime
    published_at: datetime | None = None
    recalled_at: datetime | None = None
    recipients: int = 0
    opened: int = 0
    confirmed: int = 0
    chase_round: int = 0
    created_at: datetime = Field(default_factory=utcnow)

    class Settings:
        name = "announcements"
        indexes = [
            IndexModel([("publisher_id", pymongo.ASCENDING), ("request_id", pymongo.ASCENDING)], unique=True,
                       name="publisher_request_unique"),
            IndexModel([("publisher_id", pymongo.ASCENDING), ("created_at", pymongo.DESCENDING)],
                       name="by_publisher"),
            IndexModel([("pinned_unit_ids", pymongo.ASCENDING), ("status", pymongo.ASCENDING)], name="by_unit"),
            IndexModel([("addressing.group_channel_id", pymongo.ASCENDING), ("status", pymongo.ASCENDING)],
                       name="by_group"),
        ]


def receipt_id(announcement_id: object, user_id: object) -> PydanticObjectId:
    """Derived from the pair: delivering twice (a timer fired again) cannot make a second receipt."""
    return PydanticObjectId(hashlib.sha256(f"receipt:{announcement_id}:{user_id}".encode()).digest()[:12])


class AnnouncementReceipt(Document):
    """A recipient's state. opened_at and confirmed_at are set once, by updates guarded on their being unset."""

    announcement_id: PydanticObjectId
    user_id: PydanticObjectId
    user_name: str
    unit_id: PydanticObjectId | None = None
    unit_name: str = ""
    delivered_at: datetime
    opened_at: datetime | None = None
    confirmed_at: datetime | None = None
    nudges: int = 0
    last_nudged_at: datetime | None = None
    # Copied from the announcement so a reader's list is one indexed query; cleared state on recall.
    recalled: bool = False

    @model_validator(mode="after")
    def _pair_id(self) -> AnnouncementReceipt:
        if self.id is None:
            self.id = receipt_id(self.announcement_id, self.user_id)
        return self

    class Settings:
        name = "announcement_receipts"
        indexes = [
            IndexModel([("announcement_id", pymongo.ASCENDING), ("user_id", pymongo.ASCENDING)], unique=True,
                       name="announcement_user_unique"),
            IndexModel([("user_id", pymongo.ASCENDING), ("delivered_at", pymongo.DESCENDING)], name="by_user"),
        ]
