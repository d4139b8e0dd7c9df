"""信息共享: 政务信息 items that departments submit, the office's 采用, and the issues of 《白银信息》."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

import pymongo
from beanie import Document, PydanticObjectId
from pydantic import Field
from pymongo import IndexModel

from hub.lib.timeutil import utcnow

InfoStatus = Literal["submitted", "adopted", "returned"]
AdoptLevel = Literal["city", "province"]
# Points per adoption: an item the province takes up counts three times one the city takes up.
SCORES: dict[str, int] = {"city": 1, "province": 3}


class InfoItem(Document):
    """One 政务信息 item; the decision on it is written once (采用 at a level, or 退回 with a reason)."""

    id: PydanticObjectId | None = Field(default_factory=PydanticObjectId)
    year: int
    unit_id: str
    author_id: str
    author_name: str
    title: str
    body: str
    request_id: str
    status: InfoStatus = "submitted"
    level: AdoptLevel | None = None
    score: int = 0
    reviewer_id: str | None = None
    reviewer_name: str | None = None
    reason: str | None = None
    issue_id: str | None = None
    created_at: datetime = Field(default_factory=utcnow)
    decided_at: datetime | None = None

    class Settings:
        name = "info_items"
        indexes = [
            IndexModel([("author_id", pymongo.ASCENDING), ("request_id", pymongo.ASCENDING)], unique=True,
                       name="submit_request_unique"),
            IndexModel([("unit_id", pymongo.ASCENDING), ("created_at", pymongo.DESCENDING)], name="by_unit"),
            IndexModel([("year", pymongo.ASCENDING), ("status", pymongo.ASCENDING)], name="by_year_status"),
        ]


class InfoIssue(Document):
    """An issue (期) of 《白银信息》: numbered without gaps per year by a unique index, published once."""

    id: PydanticObjectId | None = Field(default_factory=PydanticObjectId)
    year: int
    number: int
    title: str
    item_ids: list[str]
    compiled_by: str
    compiled_by_name: str
    request_id: str
    published_at: datetime = Field(default_factory=utcnow)

    class Settings:
        name = "info_issues"
        indexes = [
            IndexModel([("year", pymongo.ASCENDING), ("number", pymongo.ASCENDING)], unique=True,
                       name="year_number_unique"),
            IndexModel([("compiled_by", pymongo.ASCENDING), ("request_id", pymongo.ASCENDING)], unique=True,
                       name="compile_request_unique"),
        ]


class InfoSubscription(Document):
    """Who receives each new issue in a direct message."""

    user_id: PydanticObjectId
    created_at: datetime = Field(default_factory=utcnow)

    class Settings:
        name = "info_subscriptions"
        indexes = [IndexModel([("user_id", pymongo.ASCENDING)], unique=True, name="user_unique")]


INFO_MODELS: list[type[Document]] = [InfoItem, InfoIssue, InfoSubscription]
